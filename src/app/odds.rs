//! Asking the advisor from the game: the question is a logged command (difficulty limits how
//! often), and the answer, computed from a copy of the state, opens the odds window.

use super::{App, Effect, Overlay, refusal};
use crate::advisor;
use crate::game::{self, Command};

impl App {
    /// Asks the advisor for the odds of tabling the draft now and of ending the week now.
    pub fn ask_advisor(&mut self) -> Vec<Effect> {
        if let Err(e) = game::apply(&mut self.state, &self.content, &Command::AskAdvisor) {
            self.status = refusal(&e);
            return Vec::new();
        }
        self.log.push(Command::AskAdvisor);
        self.saved = false;
        let futures = self.advisor_futures;
        let answers = advisor::advise(
            &self.content,
            &self.state,
            futures,
            advisor::HORIZON,
            advisor::cores(),
        );
        self.status = format!("The advisor played {futures} futures for each move.");
        self.overlays.push(Overlay::Odds(answers));
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{App, Msg, Overlay};
    use crate::content::Content;
    use crate::game::{Command, Difficulty, Phase, start};

    fn app(difficulty: Difficulty) -> App {
        let content = Content::builtin();
        let mut state = start(&content, 3, difficulty);
        state.phase = Phase::Acting;
        let mut a = App::new(content, state, Vec::new());
        a.overlays.clear();
        // Fewer futures keep the debug-build test quick; the count does not change the logic.
        a.advisor_futures = 40;
        a
    }

    #[test]
    fn a_opens_the_odds_and_logs_the_question() {
        let mut a = app(Difficulty::Easy);
        a.update(Msg::Odds);
        let Some(Overlay::Odds(answers)) = a.top() else {
            panic!("no odds window: {:?}", a.top());
        };
        assert_eq!(answers.len(), 2);
        // The draft is empty: tabling is refused with the rule's reason, ending the week is not.
        assert!(answers[0].odds.is_err());
        assert!(answers[1].odds.is_ok());
        assert_eq!(a.log, vec![Command::AskAdvisor]);
        a.update(Msg::Back);
        assert!(a.top().is_none());
    }

    #[test]
    fn normal_allows_one_question_a_week() {
        let mut a = app(Difficulty::Normal);
        a.update(Msg::Odds);
        a.update(Msg::Back);
        a.update(Msg::Odds);
        assert!(a.top().is_none(), "a second window opened");
        assert!(
            a.status.contains("already been asked this week"),
            "{}",
            a.status
        );
        assert_eq!(a.state.advisor.asked, 1);
    }
}
