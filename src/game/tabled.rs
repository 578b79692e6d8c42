//! The texts Oman last tabled to each delegation, recovered from the news log, so the table can
//! show what changed in the draft since the delegations last answered.

use super::{Clause, Event, GameState, Side};

/// The clauses of the last text a delegation answered, or `None` if none was tabled to it yet.
pub fn last_tabled(state: &GameState, side: Side) -> Option<Vec<Clause>> {
    let mut draft = vec![Clause::Open; state.text.clauses.len()];
    let mut tabled = None;
    // Every change of the draft is logged as `Drafted`; a reply is to the draft of that moment.
    for (_, event) in &state.log {
        match event {
            Event::Drafted { issue, clause } => {
                if let Some(c) = draft.get_mut(issue.index()) {
                    *c = *clause;
                }
            }
            Event::Replied(r) if r.side == side => tabled = Some(draft.clone()),
            _ => {}
        }
    }
    tabled
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::game::{Audience, Command, Difficulty, Phase, apply, start};
    use crate::model::{Choice, IssueId};

    #[test]
    fn the_tabled_text_stays_while_the_draft_moves_on() {
        let content = Content::builtin();
        let mut s = start(&content, 4, Difficulty::Normal);
        if matches!(s.phase, Phase::Choosing(_)) {
            apply(&mut s, &content, &Command::ChooseCardOption(0)).expect("choice");
        }
        assert_eq!(last_tabled(&s, Side::Us), None);
        for issue in IssueId::all(5) {
            let clause = Clause::Option(Choice(2));
            apply(&mut s, &content, &Command::Draft { issue, clause }).expect("draft");
        }
        apply(&mut s, &content, &Command::Table(Audience::Both)).expect("table");
        let tabled = s.text.clauses.clone();
        assert_eq!(last_tabled(&s, Side::Iran), Some(tabled.clone()));
        let clause = Clause::Option(Choice(0));
        let issue = IssueId(0);
        apply(&mut s, &content, &Command::Draft { issue, clause }).expect("draft");
        assert_eq!(last_tabled(&s, Side::Us), Some(tabled));
        assert_ne!(last_tabled(&s, Side::Us), Some(s.text.clauses.clone()));
    }
}
