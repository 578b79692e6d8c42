//! The start menu: continue the autosave, start a new game, or pick a save; and, when a save
//! cannot be loaded, the reason with the offer to start afresh or pick another. No I/O here: the
//! loop lists the folder and carries out the load.

use std::path::PathBuf;

use super::{App, Effect, Msg};
use crate::save::SaveEntry;

/// One line of the start menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartItem {
    /// Load this save (the autosave for "continue", or one picked from the list).
    Load(PathBuf, String),
    NewGame,
    /// Show every save in the folder.
    Pick,
    /// Back from the list of saves.
    Back,
    Quit,
}

impl StartItem {
    pub fn label(&self) -> String {
        match self {
            StartItem::Load(_, what) => what.clone(),
            StartItem::NewGame => "New game".into(),
            StartItem::Pick => "Pick a save…".into(),
            StartItem::Back => "Back".into(),
            StartItem::Quit => "Quit".into(),
        }
    }
}

/// What the start menu shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    /// Why the last load failed, shown above the choices.
    pub problem: Option<String>,
    /// The saves of the folder, for "pick a save".
    pub saves: Vec<SaveEntry>,
    pub items: Vec<StartItem>,
    pub selected: usize,
    pub picking: bool,
}

impl Start {
    /// The menu at start: continue the autosave when there is one.
    pub fn menu(saves: Vec<SaveEntry>, autosave: Option<&SaveEntry>) -> Start {
        let mut items = Vec::new();
        if let Some(a) = autosave {
            let what = match &a.summary {
                Ok((_, seed, meta)) => format!(
                    "Continue: seed {seed}, {}{}",
                    crate::narrate::save_summary(meta),
                    crate::narrate::save_trust(a)
                ),
                Err(_) => "Continue the autosave (it looks damaged)".into(),
            };
            items.push(StartItem::Load(a.path.clone(), what));
        }
        items.push(StartItem::NewGame);
        if !saves.is_empty() {
            items.push(StartItem::Pick);
        }
        items.push(StartItem::Quit);
        Start {
            problem: None,
            saves,
            items,
            selected: 0,
            picking: false,
        }
    }

    /// After a failed load: the reason, then start afresh or pick another save.
    pub fn failed(problem: String, saves: Vec<SaveEntry>) -> Start {
        let mut items = vec![StartItem::NewGame];
        if !saves.is_empty() {
            items.push(StartItem::Pick);
        }
        items.push(StartItem::Quit);
        Start {
            problem: Some(problem),
            saves,
            items,
            selected: 0,
            picking: false,
        }
    }

    fn pick(&mut self) {
        self.items = self
            .saves
            .iter()
            .map(|s| StartItem::Load(s.path.clone(), crate::narrate::save_entry(s)))
            .chain([StartItem::Back])
            .collect();
        self.selected = 0;
        self.picking = true;
    }

    fn unpick(&mut self) {
        let saves = std::mem::take(&mut self.saves);
        let problem = self.problem.take();
        *self = match problem {
            Some(p) => Start::failed(p, saves),
            None => Start::menu(saves, None),
        };
    }
}

/// Handles a message while the start menu is open.
pub(super) fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let Some(start) = app.start.as_mut() else {
        return Vec::new();
    };
    let last = start.items.len().saturating_sub(1);
    let chosen = match msg {
        Msg::Up => {
            start.selected = start.selected.saturating_sub(1);
            None
        }
        Msg::Down => {
            start.selected = (start.selected + 1).min(last);
            None
        }
        Msg::Screen(k) if k <= last => Some(k),
        Msg::Confirm | Msg::Yes => Some(start.selected),
        Msg::Back if start.picking => {
            start.unpick();
            None
        }
        Msg::Quit | Msg::ForceQuit => return vec![Effect::Quit],
        _ => None,
    };
    let Some(item) = chosen.and_then(|k| start.items.get(k).cloned()) else {
        return Vec::new();
    };
    match item {
        StartItem::Load(path, _) => return vec![Effect::Load(path)],
        StartItem::NewGame => app.start = None,
        StartItem::Pick => start.pick(),
        StartItem::Back => start.unpick(),
        StartItem::Quit => return vec![Effect::Quit],
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::game::{Difficulty, start};
    use crate::save::SaveMeta;

    fn entry(name: &str, ok: bool) -> SaveEntry {
        SaveEntry {
            path: PathBuf::from(format!("saves/{name}.ron")),
            name: name.into(),
            summary: if ok {
                Ok((
                    "muscat-2026".into(),
                    7,
                    SaveMeta {
                        week: 3,
                        deadline: 12,
                        outcome: None,
                    },
                ))
            } else {
                Err(crate::save::ReadError::Empty {
                    file: format!("saves/{name}.ron"),
                })
            },
            standing: None,
        }
    }

    fn app_with(start_menu: Start) -> App {
        let content = Content::builtin();
        let state = start(&content, 3, Difficulty::Normal);
        let mut app = App::new(content, state, Vec::new());
        app.start = Some(start_menu);
        app
    }

    #[test]
    fn continue_loads_the_autosave_and_new_game_closes_the_menu() {
        let saves = vec![entry("autosave", true), entry("alice", false)];
        let mut app = app_with(Start::menu(saves.clone(), Some(&saves[0])));
        let first = app.start.as_ref().expect("open").items[0].label();
        assert_eq!(first, "Continue: seed 7, week 3 of 12");
        assert_eq!(
            app.update(Msg::Confirm),
            vec![Effect::Load(PathBuf::from("saves/autosave.ron"))]
        );
        app.update(Msg::Down);
        assert!(app.update(Msg::Confirm).is_empty());
        assert!(app.start.is_none(), "a new game begins");
        assert_eq!(app.top(), Some(&super::super::Overlay::Briefing));
    }

    #[test]
    fn a_failed_load_offers_afresh_or_another_save() {
        let saves = vec![entry("autosave", false), entry("bob", true)];
        let mut app = app_with(Start::failed("x.ron:1:1: bad".into(), saves));
        let labels: Vec<String> = app
            .start
            .as_ref()
            .expect("open")
            .items
            .iter()
            .map(StartItem::label)
            .collect();
        assert_eq!(labels, ["New game", "Pick a save…", "Quit"]);
        app.update(Msg::Down);
        app.update(Msg::Confirm);
        let s = app.start.as_ref().expect("picking");
        assert!(s.picking);
        assert_eq!(s.items[1].label(), "bob: seed 7, week 3 of 12");
        assert_eq!(s.items[0].label(), "autosave: cannot be read");
        app.update(Msg::Back);
        let s = app.start.as_ref().expect("back");
        assert_eq!(
            s.problem.as_deref(),
            Some("x.ron:1:1: bad"),
            "the reason stays"
        );
        assert_eq!(
            app.update(Msg::ForceQuit),
            vec![Effect::Quit],
            "nothing to autosave"
        );
    }
}
