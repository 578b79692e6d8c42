//! How the talks ended, in one line for the end screen.

use super::names::pts;
use crate::game::Outcome;

/// A one-line epitaph of an outcome for the end screen.
pub fn outcome_line(o: &Outcome) -> String {
    match o {
        Outcome::Agreement(s) => format!(
            "Score {}/100 · US gets {} (walk-away {}) · Iran gets {} (walk-away {})",
            s.points,
            pts(s.utility.0),
            pts(s.walkaway.0),
            pts(s.utility.1),
            pts(s.walkaway.1)
        ),
        Outcome::War => {
            "War risk turned into war. Both sides fall back on force, at great cost.".into()
        }
        Outcome::Walkout(side) => format!(
            "The {} delegation decided walking away was worth more than anything on offer.",
            side.name()
        ),
        Outcome::Sidelined => {
            "Oman lost the trust it needed; the talks move to another capital.".into()
        }
        Outcome::Deadline => "The deadline passed without a text both could sign.".into(),
    }
}
