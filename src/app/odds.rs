//! Asking the advisor from the game: the question is a logged command (difficulty limits how
//! often); the front end plays the futures (an [`Effect::Advise`]) and the ranking of this week's
//! moves opens the odds window.

use super::{App, Effect, Overlay, refusal};
use crate::advisor::Ranking;
use crate::game::{Command, RuleError};

impl App {
    /// Asks the advisor to rank this week's moves.
    pub fn ask_advisor(&mut self) -> Vec<Effect> {
        if let Err(e) = self.session.apply(Command::AskAdvisor) {
            self.status = refusal(&e);
            return Vec::new();
        }
        vec![Effect::Advise {
            futures: self.advisor_futures,
        }]
    }

    /// Shows the advisor's ranking, played with `futures` futures per move, or why it could
    /// not rank.
    pub fn advised(&mut self, ranking: Result<Ranking, RuleError>, futures: u32) {
        match ranking {
            Ok(ranking) => {
                self.status = format!("The advisor played {futures} futures for each move.");
                self.overlays.push(Overlay::Odds(ranking));
            }
            Err(e) => self.status = refusal(&e),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::app::testing::acting as app;
    use crate::app::{Effect, Msg};
    use crate::game::{Command, Difficulty};
    #[test]
    fn a_logs_the_question_and_asks_for_the_futures() {
        let mut a = app(Difficulty::Easy);
        assert_eq!(a.update(Msg::Odds), [Effect::Advise { futures: 40 }]);
        assert_eq!(a.session.log, vec![Command::AskAdvisor]);
        let ranking = crate::advisor::Ranking {
            futures: 40,
            horizon: 6,
            moves: Vec::new(),
            table_now: None,
        };
        a.advised(Ok(ranking), 40);
        assert!(a.top().is_some(), "the odds window opens");
        assert_eq!(a.status, "The advisor played 40 futures for each move.");
        a.update(Msg::Back);
        assert!(a.top().is_none());
    }

    #[test]
    fn normal_allows_one_question_a_week() {
        let mut a = app(Difficulty::Normal);
        assert!(!a.update(Msg::Odds).is_empty());
        assert!(a.update(Msg::Odds).is_empty(), "a second question was put");
        assert!(
            a.status.contains("already been asked this week"),
            "{}",
            a.status
        );
        assert_eq!(a.session.state.advisor.asked, 1);
    }
}
