//! The app layer: what the player sees selected and open (screens, overlays, menus), and
//! `update(msg)`, which turns the player's input into game commands and I/O requests. No I/O here.

mod guide;
pub mod keymap;
mod menu;
mod odds;
mod start;

pub use guide::{Guide, Step};
pub use menu::{Menu, MenuItem};
pub use start::{Start, StartItem};

use crate::content::Content;
use crate::game::{self, Audience, Clause, Command, Event, GameState, Phase, RuleError};
use crate::model::IssueId;

/// The player's input, after the key table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Left,
    Right,
    Defer,
    Table,
    TableOne,
    Caucus,
    Link,
    Errand,
    Goodwill,
    OffTheRecord,
    Statement,
    Extension,
    EndRound,
    /// Ask the advisor for the odds.
    Odds,
    NextScreen,
    PrevScreen,
    Screen(usize),
    ScrollUp,
    ScrollDown,
    Confirm,
    Back,
    Yes,
    Save,
    Help,
    Quit,
    ForceQuit,
    /// Shows or hides the guided first round.
    Guide,
    /// A mouse click on a row of the draft text.
    ClickIssue(usize),
    /// A mouse click on a track of the dashboard.
    ClickTrack(usize),
    /// Open the reflection prompt that is due.
    Reflect,
    /// Write the after-action report.
    Report,
    /// A character typed into a text entry.
    Type(char),
    /// Backspace in a text entry.
    Erase,
}

/// I/O the loop carries out for the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save under the game's own name (the player asked).
    Save,
    /// Save to the autosave slot (end of round, quit).
    Autosave,
    /// Save, then write the after-action report next to the save.
    WriteReport,
    /// Load this save in place of the game (start menu).
    Load(std::path::PathBuf),
    Quit,
}

/// The screens, in Tab order (and number keys 1–8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Table,
    Delegations,
    /// Tracks as gauges with their history, the calendar, and the "why?" inspector.
    Dashboard,
    News,
    Notebook,
    Glossary,
    Map,
    Charts,
}

impl Screen {
    pub const ALL: [Screen; 8] = [
        Screen::Table,
        Screen::Delegations,
        Screen::Dashboard,
        Screen::News,
        Screen::Notebook,
        Screen::Glossary,
        Screen::Map,
        Screen::Charts,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Table => "Table",
            Screen::Delegations => "Delegations",
            Screen::Dashboard => "Dashboard",
            Screen::News => "News",
            Screen::Notebook => "Notebook",
            Screen::Glossary => "Glossary",
            Screen::Map => "Map",
            Screen::Charts => "Charts",
        }
    }

    /// At most four letters, for the header tabs at 80 columns.
    pub fn short(self) -> &'static str {
        match self {
            Screen::Table => "Tabl",
            Screen::Delegations => "Dele",
            Screen::Dashboard => "Dash",
            Screen::News => "News",
            Screen::Notebook => "Note",
            Screen::Glossary => "Glos",
            Screen::Map => "Map",
            Screen::Charts => "Char",
        }
    }

    /// Whether the up and down keys select tracks here (else issues of the draft text).
    pub fn selects_tracks(self) -> bool {
        self == Screen::Dashboard
    }
}

/// A question that needs a yes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    Quit,
    EndRound,
    Extension,
}

/// Windows drawn over the screen; the last one is on top and gets the keys.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    Briefing,
    Help,
    /// The card drawn this round; `selected` is the highlighted choice.
    Card {
        id: String,
        selected: usize,
    },
    Menu(Menu),
    Confirm(Confirm),
    End,
    /// The advisor's answer (see [`odds`]).
    Odds(Vec<crate::advisor::Answer>),
    /// A reflection prompt being answered: its id and the answer typed so far.
    Reflect {
        id: String,
        text: String,
    },
}

/// Everything the interface knows: the game, and what the player has selected and open.
pub struct App {
    pub content: Content,
    pub state: GameState,
    /// Every command applied, for saves and replay.
    pub log: Vec<Command>,
    pub screen: Screen,
    /// Selected issue on the table screen, selected track on the world screen.
    pub cursor: usize,
    /// The cursor of the screen not shown (issue or track), kept for when the player comes back.
    pub other_cursor: usize,
    pub scroll: u16,
    pub overlays: Vec<Overlay>,
    /// The first issue of a link being built.
    pub link_mark: Option<IssueId>,
    /// One line of feedback: what just happened, or why a command was refused.
    pub status: String,
    /// The status line says why a command was refused.
    pub status_refused: bool,
    /// No change since the last save.
    pub saved: bool,
    /// Futures the advisor plays per move when asked.
    pub advisor_futures: u32,
    /// The guided first round, while it runs.
    pub guide: Option<Guide>,
    /// How far the help window is scrolled.
    pub help_scroll: u16,
    /// Where `log` starts when it is not a fresh game from the seed (see `SaveFile::start`).
    pub origin: Option<GameState>,
    /// The start menu, while it is open; it takes every key.
    pub start: Option<Start>,
}

impl App {
    /// The issue under the cursor of the table screen.
    pub fn selected_issue(&self) -> IssueId {
        IssueId::at(self.cursor)
    }

    /// A new game, opening on the briefing and the first card.
    pub fn new(content: Content, state: GameState, log: Vec<Command>) -> App {
        let mut app = App {
            content,
            state,
            log,
            screen: Screen::Table,
            cursor: 0,
            other_cursor: 0,
            scroll: 0,
            overlays: Vec::new(),
            link_mark: None,
            status: String::new(),
            status_refused: false,
            saved: true,
            advisor_futures: crate::advisor::FUTURES,
            guide: None,
            help_scroll: 0,
            origin: None,
            start: None,
        };
        if app.state.is_over() {
            app.overlays.push(Overlay::End);
        } else {
            if let Phase::Choosing(id) = &app.state.phase {
                app.overlays.push(Overlay::Card {
                    id: id.clone(),
                    selected: 0,
                });
            } else if app.log.is_empty()
                && let Some(id) = app.state.drawn.last()
            {
                app.overlays.push(Overlay::Card {
                    id: id.clone(),
                    selected: 0,
                });
            }
            if app.log.is_empty() {
                app.overlays.push(Overlay::Briefing);
            }
        }
        if !app.log.is_empty() {
            // A game resumed in the next lesson opens on any journal prompt left unanswered.
            app.offer_reflection();
        }
        app.status = "Draft a text with ←→, then press t to table it. ? shows every key.".into();
        app
    }

    /// Opens the first due, unanswered reflection prompt on top of the other windows, where the
    /// player sees it first: opened under the week's card, it appeared only when the card closed
    /// and took keys meant for the table as its text.
    fn offer_reflection(&mut self) -> bool {
        let Some(prompt) = game::reflect::pending(&self.content, &self.state)
            .first()
            .copied()
        else {
            return false;
        };
        let overlay = Overlay::Reflect {
            id: prompt.id.clone(),
            text: String::new(),
        };
        if !self.overlays.contains(&overlay) {
            self.overlays.push(overlay);
        }
        true
    }

    pub fn top(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    /// Starts the guided first round (a new game only).
    pub fn with_guide(mut self) -> App {
        if self.log.is_empty() && !self.state.is_over() {
            self.guide = Some(Guide::default());
        }
        self
    }

    /// Handles one message.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        if self.start.is_some() {
            return start::update(self, msg);
        }
        if msg == Msg::ForceQuit {
            // An untouched game has nothing to keep, and must not push real autosaves out.
            if self.log.is_empty() {
                return vec![Effect::Quit];
            }
            return vec![Effect::Autosave, Effect::Quit];
        }
        let before = self.log.len();
        let effects = match self.overlays.last().cloned() {
            Some(overlay) => self.on_overlay(overlay, msg),
            None => self.on_screen(msg),
        };
        if let Some(mut guide) = self.guide.take() {
            let new: Vec<Command> = self.log[before.min(self.log.len())..].to_vec();
            if guide.observe(self, msg, &new) {
                self.status =
                    "Guide finished: that is the week's rhythm. ? shows every key.".into();
            } else {
                self.guide = Some(guide);
            }
        }
        effects
    }

    fn on_overlay(&mut self, overlay: Overlay, msg: Msg) -> Vec<Effect> {
        match overlay {
            Overlay::Help => {
                match msg {
                    Msg::Up | Msg::ScrollUp => {
                        self.help_scroll = self.help_scroll.saturating_sub(1);
                    }
                    Msg::Down | Msg::ScrollDown => {
                        self.help_scroll = self.help_scroll.saturating_add(1);
                    }
                    Msg::Back | Msg::Confirm | Msg::Help | Msg::Quit => {
                        self.overlays.pop();
                        self.help_scroll = 0;
                    }
                    _ => {}
                }
                Vec::new()
            }
            Overlay::Briefing | Overlay::Odds(_) => {
                if matches!(msg, Msg::Back | Msg::Confirm | Msg::Help | Msg::Quit) {
                    self.overlays.pop();
                }
                Vec::new()
            }
            Overlay::Card { id, selected } => self.on_card(&id, selected, msg),
            Overlay::Menu(menu) => self.on_menu(menu, msg),
            Overlay::Confirm(what) => match msg {
                Msg::Yes | Msg::Confirm => {
                    self.overlays.pop();
                    match what {
                        Confirm::Quit => vec![Effect::Autosave, Effect::Quit],
                        Confirm::EndRound => self.run(Command::EndRound),
                        Confirm::Extension => self.run(Command::RequestExtension),
                    }
                }
                Msg::Back | Msg::Quit => {
                    self.overlays.pop();
                    Vec::new()
                }
                _ => Vec::new(),
            },
            Overlay::Reflect { id, text } => self.on_reflect(&id, text, msg),
            Overlay::End => match msg {
                Msg::Quit => vec![Effect::Autosave, Effect::Quit],
                Msg::Up => {
                    self.scroll = self.scroll.saturating_sub(1);
                    Vec::new()
                }
                Msg::Down => {
                    self.scroll = self.scroll.saturating_add(1);
                    Vec::new()
                }
                Msg::ScrollUp => {
                    self.scroll = self.scroll.saturating_sub(5);
                    Vec::new()
                }
                Msg::ScrollDown => {
                    self.scroll = self.scroll.saturating_add(5);
                    Vec::new()
                }
                Msg::Help => {
                    self.overlays.push(Overlay::Help);
                    Vec::new()
                }
                Msg::Report => vec![Effect::WriteReport],
                Msg::Back | Msg::Confirm => {
                    self.overlays.pop();
                    self.scroll = 0;
                    self.status =
                        "The talks are over. Look around; Enter reopens the debrief, q quits."
                            .into();
                    Vec::new()
                }
                Msg::Save => vec![Effect::Save],
                _ => Vec::new(),
            },
        }
    }

    fn on_reflect(&mut self, id: &str, mut text: String, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Type(c) if text.chars().count() < game::reflect::MAX_ANSWER => text.push(c),
            Msg::Type(_) => {
                self.status = "That is as long as an answer can be.".into();
            }
            Msg::Erase => {
                text.pop();
            }
            Msg::Back => {
                self.overlays.pop();
                self.status = "Journal prompt put aside: press r to answer it later.".into();
                return Vec::new();
            }
            Msg::Confirm => {
                // Answering emits no overlay, so this prompt stays on top until it is saved.
                let effects = self.run(Command::Reflect {
                    id: id.to_string(),
                    answer: text.clone(),
                });
                if game::reflect::answer(&self.state, id).is_some_and(|a| a.text == text.trim()) {
                    self.overlays.pop();
                    self.status = "Answer saved in the journal; it goes into the report.".into();
                    self.offer_reflection();
                }
                return effects;
            }
            _ => return Vec::new(),
        }
        if let Some(Overlay::Reflect { text: t, .. }) = self.overlays.last_mut() {
            *t = text;
        }
        Vec::new()
    }

    fn on_card(&mut self, id: &str, selected: usize, msg: Msg) -> Vec<Effect> {
        let choosing = matches!(&self.state.phase, Phase::Choosing(c) if c == id);
        let n = self.content.card(id).map_or(0, |c| c.choices.len());
        let set = |app: &mut App, s: usize| {
            if let Some(Overlay::Card { selected, .. }) = app.overlays.last_mut() {
                *selected = s;
            }
        };
        match msg {
            Msg::Up if choosing => set(self, selected.saturating_sub(1)),
            Msg::Down if choosing => set(self, (selected + 1).min(n.saturating_sub(1))),
            Msg::Confirm if choosing => {
                self.overlays.pop();
                return self.run(Command::ChooseCardOption(selected as u8));
            }
            Msg::Back | Msg::Confirm if !choosing => {
                self.overlays.pop();
            }
            Msg::Quit => self.overlays.push(Overlay::Confirm(Confirm::Quit)),
            Msg::Help => self.overlays.push(Overlay::Help),
            _ if choosing => {
                self.status = "Choose with ↑↓ and Enter: the card needs Oman's answer.".into();
            }
            _ => {}
        }
        Vec::new()
    }

    fn on_menu(&mut self, menu: Menu, msg: Msg) -> Vec<Effect> {
        let last = menu.items.len().saturating_sub(1);
        let set = |app: &mut App, s: usize| {
            if let Some(Overlay::Menu(m)) = app.overlays.last_mut() {
                m.selected = s;
            }
        };
        match msg {
            Msg::Up => set(self, menu.selected.saturating_sub(1)),
            Msg::Down => set(self, (menu.selected + 1).min(last)),
            Msg::Screen(k) if k < menu.items.len() => {
                set(self, k);
                return self.on_menu(
                    Menu {
                        selected: k,
                        ..menu
                    },
                    Msg::Confirm,
                );
            }
            Msg::Back | Msg::Quit => {
                self.overlays.pop();
            }
            Msg::Confirm => {
                self.overlays.pop();
                match menu.items.get(menu.selected).cloned() {
                    Some(MenuItem::Run(_, command)) => return self.run(command),
                    Some(MenuItem::Open(_, next)) => self.overlays.push(Overlay::Menu(*next)),
                    None => {}
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn on_screen(&mut self, msg: Msg) -> Vec<Effect> {
        let issues = self.content.domain.issues.len();
        match msg {
            Msg::Up => self.cursor = self.cursor.saturating_sub(1),
            Msg::Down => {
                let rows = if self.screen.selects_tracks() {
                    game::TrackId::ALL.len()
                } else {
                    issues
                };
                self.cursor = (self.cursor + 1).min(rows - 1);
            }
            Msg::ClickIssue(i) if i < issues => {
                self.switch(Screen::Table);
                self.cursor = i;
            }
            Msg::ClickTrack(i) if i < game::TrackId::ALL.len() => {
                self.switch(Screen::Dashboard);
                self.cursor = i;
            }
            Msg::Guide => {
                if self.guide.take().is_some() {
                    self.status = "Guide hidden; G shows it again.".into();
                } else if !self.state.is_over() {
                    self.guide = Some(Guide::default());
                }
            }
            Msg::Left | Msg::Right if self.screen == Screen::Table => {
                let step = if msg == Msg::Left { -1 } else { 1 };
                if let Some(clause) = self.next_clause(step) {
                    return self.run(Command::Draft {
                        issue: self.selected_issue(),
                        clause,
                    });
                }
            }
            Msg::Defer if self.screen == Screen::Table => {
                let issue = self.selected_issue();
                let clause = if self.state.text.clause(issue) == Clause::Deferred {
                    Clause::Open
                } else {
                    Clause::Deferred
                };
                return self.run(Command::Draft { issue, clause });
            }
            Msg::Table => return self.run(Command::Table(Audience::Both)),
            Msg::TableOne => self.overlays.push(Overlay::Menu(menu::table_one())),
            Msg::Caucus => self.overlays.push(Overlay::Menu(menu::caucus(self))),
            Msg::Errand => self.overlays.push(Overlay::Menu(menu::errand())),
            Msg::Goodwill => self.overlays.push(Overlay::Menu(menu::goodwill())),
            Msg::Statement => self.overlays.push(Overlay::Menu(menu::statement())),
            Msg::OffTheRecord => return self.run(Command::OffTheRecord),
            Msg::Extension => self.overlays.push(Overlay::Confirm(Confirm::Extension)),
            Msg::Link => return self.link(),
            Msg::Odds => return self.ask_advisor(),
            Msg::EndRound => {
                if self.state.action_points > 0 && !self.state.is_over() {
                    self.overlays.push(Overlay::Confirm(Confirm::EndRound));
                } else {
                    return self.run(Command::EndRound);
                }
            }
            Msg::NextScreen | Msg::PrevScreen => {
                let i = Screen::ALL
                    .iter()
                    .position(|&s| s == self.screen)
                    .unwrap_or(0);
                let n = Screen::ALL.len();
                let next = if msg == Msg::NextScreen {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.switch(Screen::ALL[next]);
            }
            Msg::Screen(k) if k < Screen::ALL.len() => self.switch(Screen::ALL[k]),
            Msg::ScrollUp => self.scroll = self.scroll.saturating_sub(5),
            Msg::ScrollDown => self.scroll = self.scroll.saturating_add(5),
            Msg::Save => return vec![Effect::Save],
            Msg::Report => return vec![Effect::WriteReport],
            Msg::Reflect => {
                let offered = self.offer_reflection();
                if !offered {
                    self.status = "No journal prompt is waiting for an answer.".into();
                }
            }
            Msg::Help => self.overlays.push(Overlay::Help),
            Msg::Quit => {
                if self.saved {
                    return vec![Effect::Quit];
                }
                self.overlays.push(Overlay::Confirm(Confirm::Quit));
            }
            Msg::Confirm if self.state.is_over() => {
                self.scroll = 0;
                self.overlays.push(Overlay::End);
            }
            _ => {}
        }
        Vec::new()
    }

    fn switch(&mut self, screen: Screen) {
        if self.screen != screen {
            // The dashboard selects tracks; coming back, the table keeps its issue.
            if screen.selects_tracks() != self.screen.selects_tracks() {
                std::mem::swap(&mut self.cursor, &mut self.other_cursor);
            }
            self.screen = screen;
            self.scroll = 0;
        }
    }

    /// The next available clause of the selected issue, left (US end) or right (Iran end).
    fn next_clause(&self, step: i32) -> Option<Clause> {
        let id = self.selected_issue();
        let now = self.state.text.clause(id);
        // From an open or deferred clause, the walk starts at the end it moves away from.
        let beyond = |o| match now {
            Clause::Option(now) if step > 0 => o > now,
            Clause::Option(now) => o < now,
            Clause::Open | Clause::Deferred => true,
        };
        let mut ahead = self
            .content
            .domain
            .issue(id)
            .option_choices()
            .filter(|&o| beyond(o));
        let available = |&o: &_| self.state.is_available(&self.content, id, o);
        let next = if step > 0 {
            ahead.find(available)
        } else {
            ahead.rev().find(available)
        };
        next.map(Clause::Option)
    }

    fn link(&mut self) -> Vec<Effect> {
        let here = self.selected_issue();
        match self.link_mark.take() {
            None => {
                self.link_mark = Some(here);
                let name = &self.content.domain.issue(here).name;
                self.status = format!(
                    "Link: {name} marked. Select a second issue, set its option, press m again."
                );
                Vec::new()
            }
            Some(first) if first == here => {
                self.status = "Link cancelled.".into();
                Vec::new()
            }
            Some(first) => {
                let text = &self.state.text;
                self.run(Command::Link {
                    first: (first, text.clause(first)),
                    second: (here, text.clause(here)),
                })
            }
        }
    }

    /// Applies a command to the game and reacts to what happened.
    pub fn run(&mut self, command: Command) -> Vec<Effect> {
        match game::apply(&mut self.state, &self.content, &command) {
            Err(e) => {
                self.status = refusal(&e);
                self.status_refused = true;
                Vec::new()
            }
            Ok(events) => {
                // The drafted clause shows in the table; keeping the status line for the last
                // real move means an errand's result survives the drafting that follows it. A
                // refusal is not kept: the draft that follows it worked.
                if !matches!(command, Command::Draft { .. }) || self.status_refused {
                    self.status = crate::narrate::summary(&self.content, &events);
                }
                self.status_refused = false;
                self.log.push(command);
                self.saved = false;
                let mut effects = Vec::new();
                for e in &events {
                    match e {
                        Event::CardDrawn { card, .. } => self.overlays.push(Overlay::Card {
                            id: card.clone(),
                            selected: 0,
                        }),
                        Event::RoundStarted(_) => effects.push(Effect::Autosave),
                        Event::Ended(_) => {
                            self.scroll = 0;
                            self.overlays.push(Overlay::End);
                            effects.push(Effect::Autosave);
                        }
                        _ => {}
                    }
                }
                if events
                    .iter()
                    .any(|e| matches!(e, Event::RoundStarted(_) | Event::Ended(_)))
                {
                    self.offer_reflection();
                }
                effects.dedup();
                effects
            }
        }
    }

    /// Reports the after-action report the loop wrote.
    pub fn reported(&mut self, result: Result<Vec<std::path::PathBuf>, crate::report::WriteError>) {
        self.status = match result {
            Ok(paths) => format!(
                "Report written: {}",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            Err(e) => format!("Could not write the report: {e}. The game goes on."),
        };
    }

    /// Reports the result of a save the loop carried out.
    pub fn saved_to(
        &mut self,
        result: Result<crate::save::Written, crate::save::WriteError>,
        manual: bool,
    ) {
        match result {
            Ok(written) => {
                if manual {
                    self.saved = true;
                    self.status = format!("Saved to {}", written.path.display());
                }
                if let Some(aside) = written.set_aside {
                    self.status = format!(
                        "{} was not a readable save, so it was kept as {}. {}",
                        written.path.display(),
                        aside.display(),
                        self.status
                    );
                }
            }
            Err(e) => self.status = format!("Could not save: {e}. The game goes on."),
        }
    }

    /// The save of the game as it stands.
    pub fn save_file(&self) -> crate::save::SaveFile {
        crate::save::SaveFile::continued(
            &self.content,
            self.origin.as_ref(),
            &self.state,
            &self.log,
        )
    }

    /// The file name a manual save uses.
    pub fn save_name(&self) -> String {
        format!("{}-{}", self.state.scenario_id, self.state.seed)
    }
}

pub(crate) fn refusal(e: &RuleError) -> String {
    let mut s = e.to_string();
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    format!("{s}.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Difficulty, start};
    use crate::model::{Choice, IssueId};

    fn app() -> App {
        let content = Content::builtin();
        let state = start(&content, 3, Difficulty::Normal);
        App::new(content, state, Vec::new())
    }

    fn close_all(app: &mut App) {
        while let Some(top) = app.top().cloned() {
            match top {
                Overlay::Card { .. } => {
                    app.update(Msg::Confirm);
                }
                _ => {
                    app.update(Msg::Back);
                }
            }
        }
    }

    #[test]
    fn opens_on_the_briefing_then_the_card() {
        let mut a = app();
        assert_eq!(a.top(), Some(&Overlay::Briefing));
        a.update(Msg::Confirm);
        assert!(matches!(a.top(), Some(Overlay::Card { .. })));
    }

    #[test]
    fn arrows_draft_and_t_tables() {
        let mut a = app();
        close_all(&mut a);
        a.update(Msg::Right);
        assert_eq!(a.state.text.clause(IssueId(0)), Clause::Option(Choice(0)));
        a.update(Msg::Table);
        assert!(
            a.status.to_lowercase().contains("draft the"),
            "{}",
            a.status
        );
        for i in 0..5 {
            a.cursor = i;
            a.update(Msg::Right);
            a.update(Msg::Right);
        }
        let before = a.state.action_points;
        a.update(Msg::Table);
        assert_eq!(a.state.action_points, before - 1);
        assert!(a.state.delegation(game::Side::Us).last_reply.is_some());
    }

    #[test]
    fn locked_options_are_skipped_while_drafting() {
        let mut a = app();
        close_all(&mut a);
        a.cursor = 1; // stockpile: "ship to Russia" starts locked
        a.update(Msg::Right);
        assert_eq!(a.state.text.clause(IssueId(1)), Clause::Option(Choice(1)));
        a.update(Msg::Left);
        assert_eq!(a.state.text.clause(IssueId(1)), Clause::Option(Choice(1)));
    }

    #[test]
    fn quit_asks_when_unsaved_and_ctrl_c_does_not() {
        let mut a = app();
        close_all(&mut a);
        assert_eq!(a.update(Msg::Quit), vec![Effect::Quit]);
        a.update(Msg::Right);
        assert!(a.update(Msg::Quit).is_empty());
        assert_eq!(a.top(), Some(&Overlay::Confirm(Confirm::Quit)));
        assert_eq!(a.update(Msg::Yes), vec![Effect::Autosave, Effect::Quit]);
        assert_eq!(
            a.update(Msg::ForceQuit),
            vec![Effect::Autosave, Effect::Quit]
        );
    }

    #[test]
    fn a_due_prompt_opens_under_the_card_and_takes_a_typed_answer() {
        let mut a = app();
        close_all(&mut a);
        a.update(Msg::Reflect);
        assert!(a.status.contains("No journal prompt"), "{}", a.status);
        while a.state.round < 2 {
            a.update(Msg::EndRound);
            if a.top() == Some(&Overlay::Confirm(Confirm::EndRound)) {
                a.update(Msg::Yes);
            }
            if matches!(a.top(), Some(Overlay::Card { .. })) {
                a.update(Msg::Confirm);
            }
        }
        assert!(
            matches!(a.top(), Some(Overlay::Reflect { id, .. }) if id == "opening"),
            "{:?}",
            a.overlays
        );
        for c in "Relief!?".chars() {
            a.update(Msg::Type(c));
        }
        a.update(Msg::Erase);
        a.update(Msg::Erase);
        a.update(Msg::Confirm);
        assert!(!matches!(a.top(), Some(Overlay::Reflect { .. })));
        assert_eq!(a.state.reflections[0].text, "Relief");
        assert_eq!(
            a.log.last(),
            Some(&Command::Reflect {
                id: "opening".into(),
                answer: "Relief".into()
            })
        );
    }

    #[test]
    fn an_empty_answer_keeps_the_prompt_open_and_esc_puts_it_aside() {
        let mut a = app();
        close_all(&mut a);
        a.state.round = 2;
        a.update(Msg::Reflect);
        a.update(Msg::Confirm);
        assert!(matches!(a.top(), Some(Overlay::Reflect { .. })));
        assert!(a.status.contains("needs some words"), "{}", a.status);
        a.update(Msg::Back);
        assert!(a.top().is_none());
        assert_eq!(a.update(Msg::Report), vec![Effect::WriteReport]);
    }
}
