//! The app layer: the game [`Session`] and the view state of one screen (what the player sees
//! selected and open), with `update(msg) -> Vec<Effect>`, which turns the player's input into
//! game commands and I/O requests. No I/O here: the front ends carry out the effects and feed the
//! results back. The view (`ui`) reads an `App` and never changes it.

mod feedback;
mod guide;
pub mod keymap;
mod menu;
mod msg;
mod odds;
mod overlay;
mod react;
mod screen;
mod session;
mod start;
mod update;

pub use guide::{Guide, Step};
pub use menu::{Menu, MenuItem};
pub use msg::{Effect, Msg};
pub use overlay::{Confirm, Overlay};
pub use screen::Screen;
pub use session::Session;
pub use start::{Start, StartItem};

use react::refusal;

use crate::content::Content;
use crate::game::{Command, GameState, Phase};
use crate::model::IssueId;

/// One screen on a game: the shared session, and what this player has selected and open.
pub struct App {
    pub session: Session,
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
    /// Futures the advisor plays per move when asked.
    pub advisor_futures: u32,
    /// The guided first round, while it runs.
    pub guide: Option<Guide>,
    /// How far the help window is scrolled.
    pub help_scroll: u16,
    /// The start menu, while it is open; it takes every key.
    pub start: Option<Start>,
    /// Journal prompts the player put aside with Esc: they wait for `r` instead of reopening
    /// each week on top of the card, where they took the keys meant for the screens as text.
    pub set_aside: Vec<String>,
}

impl App {
    /// A new game, or one reached by `log`: see [`App::open`].
    pub fn new(content: Content, state: GameState, log: Vec<Command>) -> App {
        App::open(Session::new(content, state, log))
    }

    /// A screen on `session`: a new game opens on the briefing and the first card, a game over
    /// on the debrief, a resumed one on any journal prompt left unanswered.
    pub fn open(session: Session) -> App {
        let mut app = App {
            session,
            screen: Screen::Table,
            cursor: 0,
            other_cursor: 0,
            scroll: 0,
            overlays: Vec::new(),
            link_mark: None,
            status: String::new(),
            status_refused: false,
            advisor_futures: crate::advisor::FUTURES,
            guide: None,
            help_scroll: 0,
            start: None,
            set_aside: Vec::new(),
        };
        let (state, fresh) = (&app.session.state, app.session.is_untouched());
        if state.is_over() {
            app.overlays.push(Overlay::End);
        } else {
            if let Phase::Choosing(id) = &state.phase {
                app.overlays.push(Overlay::Card {
                    id: id.clone(),
                    selected: 0,
                });
            } else if fresh && let Some(id) = state.drawn.last() {
                app.overlays.push(Overlay::Card {
                    id: id.clone(),
                    selected: 0,
                });
            }
            if fresh {
                app.overlays.push(Overlay::Briefing);
            }
        }
        if !fresh {
            // A game resumed in the next lesson opens on any journal prompt left unanswered.
            app.offer_reflection();
        }
        app.status = "Draft a text with ←→, then press t to table it. ? shows every key.".into();
        app
    }

    /// The issue under the cursor of the table screen.
    pub fn selected_issue(&self) -> IssueId {
        IssueId::at(self.cursor)
    }

    /// The window on top, which gets the keys.
    pub fn top(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    /// Starts the guided first round (a new game only).
    pub fn with_guide(mut self) -> App {
        if self.session.is_untouched() && !self.session.state.is_over() {
            self.guide = Some(Guide::new(self.session.state.round));
        }
        self
    }
}

/// Fresh games for unit tests (the app's and the runner's), and a way past the opening windows.
#[cfg(test)]
pub(crate) mod testing {
    use super::{App, Msg, Overlay};
    use crate::content::Content;
    use crate::game::{Difficulty, Phase, start};

    pub(crate) fn app() -> App {
        let content = Content::builtin();
        let state = start(&content, 3, Difficulty::Normal);
        App::new(content, state, Vec::new())
    }

    /// Seed 3 in the middle of the first week, no window open, the advisor playing few futures.
    pub(crate) fn acting(difficulty: Difficulty) -> App {
        let content = Content::builtin();
        let mut state = start(&content, 3, difficulty);
        state.phase = Phase::Acting;
        let mut a = App::new(content, state, Vec::new());
        a.overlays.clear();
        // Fewer futures keep the debug-build tests quick; the count does not change the logic.
        a.advisor_futures = 40;
        a
    }

    /// Closes every window: a card by taking its highlighted choice, the others with Esc.
    pub(crate) fn close_all(app: &mut App) {
        while let Some(top) = app.top().cloned() {
            match top {
                Overlay::Card { .. } => app.update(Msg::Confirm),
                _ => app.update(Msg::Back),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::app;
    use super::*;

    #[test]
    fn opens_on_the_briefing_then_the_card() {
        let mut a = app();
        assert_eq!(a.top(), Some(&Overlay::Briefing));
        a.update(Msg::Confirm);
        assert!(matches!(a.top(), Some(Overlay::Card { .. })));
    }
}
