//! The words for options still locked and what puts them on the table, for an errand's promise,
//! for the offer to draft what an errand opened, and for goodwill's terms before it is spent.

use super::names::{choice, errand_name, pts};
use crate::content::Content;
use crate::game::{self, Errand, GameState, Side};
use crate::model::{Choice, IssueId};

/// The options of an issue that are not on the table yet, each with what opens it, short enough
/// for the table's detail line at 80 columns: "ship to Russia locked: Russia errand or a card".
pub fn locked(content: &Content, state: &GameState, issue: IssueId) -> Option<String> {
    let on = content.domain.get(issue)?;
    let each: Vec<String> = on
        .option_choices()
        .filter(|&c| !state.is_available(content, issue, c))
        .map(|c| {
            let (errands, card) = game::unlocked_by(content, issue, c);
            // "Russia: stockpile custody" is the Russia errand.
            let mut ways: Vec<String> = errands
                .iter()
                .map(|&e| {
                    let name = errand_name(e);
                    format!("{} errand", name.split(':').next().unwrap_or(name))
                })
                .collect();
            if card {
                ways.push("a card".into());
            }
            let how = if ways.is_empty() {
                "nothing in this game opens it".to_string()
            } else {
                ways.join(" or ")
            };
            format!("{} locked: {how}", on.choice_label(c))
        })
        .collect();
    (!each.is_empty()).then(|| each.join("; "))
}

/// An errand's menu line: where Oman sends, and the option it would put on the table.
pub fn errand_offer(content: &Content, errand: Errand) -> String {
    match game::errand_unlocks(errand).and_then(|(i, o)| content.domain.locate(i, o)) {
        Some((issue, option)) => format!(
            "{} (opens {})",
            errand_name(errand),
            choice(content, issue, option)
        ),
        None => errand_name(errand).to_string(),
    }
}

/// The question after an errand opened an option.
pub fn draft_offer(content: &Content, issue: IssueId, option: Choice) -> String {
    format!(
        "Now on the table: {}. Draft it into the text?",
        choice(content, issue, option)
    )
}

/// Goodwill's menu line: how much lower the side's hopes go, for which week, at what trust.
pub fn goodwill_offer(state: &GameState, side: Side) -> String {
    let (lowers, cost) = game::goodwill_terms(state, side);
    format!(
        "{}: hopes {} lower for week {} only; trust in Oman -{cost}",
        side.name(),
        pts(lowers),
        state.round
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Difficulty, start};

    #[test]
    fn a_locked_option_says_what_opens_it() {
        let content = Content::builtin();
        let state = start(&content, 7, Difficulty::Normal);
        let (stockpile, russia) = content
            .domain
            .locate("stockpile", "ship-russia")
            .expect("shipped");
        let line = locked(&content, &state, stockpile).expect("locked at the start");
        assert_eq!(line, "ship to Russia locked: Russia errand or a card");
        let mut opened = state.clone();
        opened.unlocked.insert((stockpile, russia));
        assert_eq!(locked(&content, &opened, stockpile), None);
        assert!(errand_offer(&content, Errand::Russia).contains("opens 60% stockpile: ship"));
        assert_eq!(
            errand_offer(&content, Errand::Qatar),
            errand_name(Errand::Qatar)
        );
    }

    #[test]
    fn goodwill_says_its_week_and_that_it_wears_out() {
        let content = Content::builtin();
        let mut state = start(&content, 7, Difficulty::Normal);
        let first = goodwill_offer(&state, Side::Iran);
        assert!(first.contains("hopes 4 lower for week 1 only"), "{first}");
        assert!(first.contains("-4"), "{first}");
        state.delegations[Side::Iran as usize].goodwill_used = 1;
        let again = goodwill_offer(&state, Side::Iran);
        assert!(again.contains("hopes 3 lower"), "{again}");
        assert!(again.contains("-6"), "{again}");
    }
}
