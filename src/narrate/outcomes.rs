//! How the talks ended: the title of each ending, the end screen's one line, and a save's
//! summary in a menu.

use super::names::pts;
use crate::game::{DealKind, Ending, Outcome};
use crate::save::{SaveEntry, SaveMeta, Standing};

/// The title of an outcome: "War: the strikes begin".
pub fn outcome_title(o: &Outcome) -> String {
    ending_title(o.ending())
}

/// The title of an ending, as the end screen, the report and the start menu show it.
pub fn ending_title(e: Ending) -> String {
    match e {
        Ending::Agreement(DealKind::Interim) => "Agreement: an interim, nuclear-first deal".into(),
        Ending::Agreement(DealKind::Comprehensive) => {
            "Agreement: a comprehensive grand bargain".into()
        }
        Ending::War => "War: the strikes begin".into(),
        Ending::Walkout(side) => format!("Walk-out: the {} delegation leaves Muscat", side.name()),
        Ending::Sidelined => "Sidelined: the channel moves to another capital".into(),
        Ending::Deadline => "Deadline: no deal, a brief intermission before a larger storm".into(),
    }
}

/// Where a saved game stands, for a menu: "week 3 of 12", or how it ended.
pub fn save_summary(meta: &SaveMeta) -> String {
    match meta.outcome {
        Some(e) => format!("over: {}", ending_title(e)),
        None => format!("week {} of {}", meta.week, meta.deadline),
    }
}

/// What a listing adds when a save's log does not vouch for it: " · unverified" (a stored start
/// or other content), " · does not replay" (an edited file), or nothing.
pub fn save_trust(entry: &SaveEntry) -> &'static str {
    match &entry.standing {
        None | Some(Ok(Standing::Verified)) => "",
        Some(Ok(Standing::Unverified(_))) => " · unverified",
        Some(Err(_)) => " · does not replay",
    }
}

/// One line of the save picker: "bob: seed 7, week 3 of 12".
pub fn save_entry(entry: &SaveEntry) -> String {
    let trust = save_trust(entry);
    match &entry.summary {
        Ok((_, seed, meta)) => {
            format!("{}: seed {seed}, {}{trust}", entry.name, save_summary(meta))
        }
        Err(_) => format!("{}: cannot be read", entry.name),
    }
}

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
