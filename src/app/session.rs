//! The game session: what a save holds and what every seat at the table shares (the content, the
//! state, the command log and where it starts). One screen's view state lives beside it in
//! [`App`](super::App); a class server or a second seat would share the session, not the view.

use crate::content::Content;
use crate::game::{self, Command, Event, GameState, RuleError};
use crate::save::SaveFile;

/// One game being played: its content, its state, and every command applied to get there.
pub struct Session {
    pub content: Content,
    pub state: GameState,
    /// Every command applied, for saves and replay.
    pub log: Vec<Command>,
    /// Where `log` starts when it is not a fresh game from the seed (see `SaveFile::start`).
    pub origin: Option<GameState>,
    /// No change since the last save.
    pub saved: bool,
}

impl Session {
    /// A game at `state`, reached by `log` from the seed; nothing in it is unsaved yet.
    pub fn new(content: Content, state: GameState, log: Vec<Command>) -> Session {
        Session {
            content,
            state,
            log,
            origin: None,
            saved: true,
        }
    }

    /// Applies a command through the rules and logs it; a refused command changes nothing.
    pub fn apply(&mut self, command: Command) -> Result<Vec<Event>, RuleError> {
        let events = game::apply(&mut self.state, &self.content, &command)?;
        self.log.push(command);
        self.saved = false;
        Ok(events)
    }

    /// Nothing has been played yet: there is nothing to keep.
    pub fn is_untouched(&self) -> bool {
        self.log.is_empty()
    }

    /// The save of the game as it stands.
    pub fn save_file(&self) -> SaveFile {
        SaveFile::continued(&self.content, self.origin.as_ref(), &self.state, &self.log)
    }

    /// The file name a manual save uses: the scenario and the seed, which name the game.
    pub fn save_name(&self) -> String {
        format!("{}-{}", self.state.scenario_id, self.state.seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Difficulty, Phase};

    fn session() -> Session {
        let content = Content::builtin();
        let mut state = game::start(&content, 3, Difficulty::Normal);
        state.phase = Phase::Acting;
        Session::new(content, state, Vec::new())
    }

    #[test]
    fn a_move_is_logged_and_leaves_the_game_unsaved() {
        let mut s = session();
        assert!(s.saved && s.is_untouched());
        s.apply(Command::EndRound).expect("the week can end");
        assert_eq!(s.log, [Command::EndRound]);
        assert!(!s.saved && !s.is_untouched());
        assert_eq!(s.save_file().log, s.log);
    }

    #[test]
    fn a_refused_move_changes_nothing() {
        let mut s = session();
        let before = s.state.clone();
        assert!(s.apply(Command::ChooseCardOption(9)).is_err());
        assert_eq!(s.state, before);
        assert!(s.saved && s.is_untouched());
    }

    #[test]
    fn a_manual_save_is_named_after_the_scenario_and_the_seed() {
        assert_eq!(session().save_name(), "muscat-2026-3");
    }
}
