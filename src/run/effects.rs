//! The one place the app's effects are carried out, for the terminal and plain mode alike: each
//! effect's result goes back to the app (`saved_to`, `reported`, `advised`, `load_failed`), which
//! tells it on the status line. A front end that speaks in its own words (plain mode prints a
//! line per save) also gets the result back from [`Runner::save_as`] and [`Runner::autosave`].

use std::path::{Path, PathBuf};

use super::open_save;
use crate::advisor;
use crate::app::{App, Effect};
use crate::save::{self, WriteError, Written};

/// Whether the front end goes on after the effects, or the player quit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// Carries out effects against a save folder.
pub struct Runner<'a> {
    dir: &'a Path,
    /// The content folder a loaded save is played with (`--assets`).
    assets: Option<&'a Path>,
    autosaved: Option<PathBuf>,
    /// Why the latest autosave failed (a full disk, a read-only folder), until one succeeds.
    autosave_failed: Option<String>,
}

impl<'a> Runner<'a> {
    pub fn new(dir: &'a Path, assets: Option<&'a Path>) -> Runner<'a> {
        Runner {
            dir,
            assets,
            autosaved: None,
            autosave_failed: None,
        }
    }

    /// Why the latest autosave failed, if it did, so the goodbye line can say so.
    pub fn autosave_failure(&self) -> Option<&str> {
        self.autosave_failed.as_deref()
    }

    /// Where the last autosave went, for the goodbye line.
    pub fn autosaved(&self) -> Option<&Path> {
        self.autosaved.as_deref()
    }

    /// Carries out `effects` in order, feeding each result back to `app`; stops at a quit.
    pub fn perform(&mut self, app: &mut App, effects: Vec<Effect>) -> Flow {
        for effect in effects {
            match effect {
                Effect::Quit => return Flow::Quit,
                // The app has been told how a save went; only plain mode speaks of it again.
                Effect::Save => {
                    let name = app.session.save_name();
                    let _ = self.save_as(app, &name);
                }
                Effect::Autosave => {
                    let _ = self.autosave(app);
                }
                Effect::WriteReport => self.write_report(app),
                Effect::Load(path) => match open_save(&path, self.assets) {
                    Ok(loaded) => *app = loaded,
                    Err(e) => app.load_failed(e.to_string(), save::list(self.dir)),
                },
                Effect::Advise { futures } => {
                    let ranking = advisor::rank(
                        &app.session.content,
                        &app.session.state,
                        futures,
                        advisor::HORIZON,
                        advisor::cores(),
                    );
                    app.advised(ranking, futures);
                }
            }
        }
        Flow::Continue
    }

    /// Saves the game as `name`, the player's own save.
    pub fn save_as(&mut self, app: &mut App, name: &str) -> Result<Written, WriteError> {
        let result = save::write(self.dir, name, &app.session.save_file());
        app.saved_to(&result, true);
        result
    }

    /// Saves the game to the autosave slot.
    pub fn autosave(&mut self, app: &mut App) -> Result<Written, WriteError> {
        let result = save::autosave(self.dir, &app.session.save_file());
        match &result {
            Ok(w) => {
                self.autosaved = Some(w.path.clone());
                self.autosave_failed = None;
            }
            Err(e) => self.autosave_failed = Some(e.to_string()),
        }
        app.saved_to(&result, false);
        result
    }

    /// Saves the game under its own name, then writes the after-action report beside the save.
    fn write_report(&mut self, app: &mut App) {
        let session = &app.session;
        let name = session.save_name();
        let saved = save::write(self.dir, &name, &session.save_file());
        let result = saved.map_err(Into::into).and_then(|_| {
            crate::report::write_beside_save(
                self.dir,
                &name,
                &session.content,
                &session.state,
                &session.log,
            )
        });
        app.reported(result);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::acting;
    use crate::app::{Msg, Overlay, StartItem};
    use crate::game::Difficulty;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("muscat-run-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn app() -> App {
        acting(Difficulty::Easy)
    }

    #[test]
    fn the_odds_open_with_the_advisors_answer() {
        let dir = folder("odds");
        let mut a = app();
        let effects = a.update(Msg::Odds);
        assert_eq!(
            Runner::new(&dir, None).perform(&mut a, effects),
            Flow::Continue
        );
        let Some(Overlay::Odds(ranking)) = a.top() else {
            panic!("no odds window: {:?}", a.top());
        };
        assert!(ranking.moves.len() >= 8, "{} moves", ranking.moves.len());
        // The draft is empty: tabling is not among the moves, ending the week is.
        let has = |m| ranking.moves.iter().any(|r| r.move_ == m);
        assert!(!has(advisor::Move::TableDraft));
        assert!(has(advisor::Move::EndWeek));
        assert_eq!(ranking.table_now, None);
    }

    #[test]
    fn a_save_then_the_report_land_in_the_folder_and_the_game_counts_as_saved() {
        let dir = folder("report");
        let mut a = app();
        let mut runner = Runner::new(&dir, None);
        a.update(Msg::Right);
        assert!(!a.session.saved);
        let flow = runner.perform(&mut a, vec![Effect::Autosave, Effect::WriteReport]);
        assert_eq!(flow, Flow::Continue);
        assert!(a.status.starts_with("Report written:"), "{}", a.status);
        assert!(a.session.saved, "the report saves the game first");
        assert!(dir.join("muscat-2026-3.ron").is_file());
        assert_eq!(runner.autosaved(), Some(dir.join("autosave.ron").as_path()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_quit_stops_the_effects_after_it_and_a_bad_load_reopens_the_menu() {
        let dir = folder("load");
        let mut a = app();
        let mut runner = Runner::new(&dir, None);
        assert_eq!(
            runner.perform(&mut a, vec![Effect::Quit, Effect::Save]),
            Flow::Quit
        );
        assert!(!dir.join("muscat-2026-3.ron").exists());
        let missing = dir.join("nothing.ron");
        runner.perform(&mut a, vec![Effect::Load(missing)]);
        let start = a.start.as_ref().expect("the start menu is back");
        assert!(start.problem.is_some());
        assert_eq!(start.items[0], StartItem::NewGame);
    }
}
