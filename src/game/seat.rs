//! The seats at the table. Every command is made from a seat, and each delegation's answer to a
//! tabled text comes through its seat: an AI fills the US and Iran seats today, the player fills
//! Oman's, and a human or a remote client could fill a delegation's seat later without the rules
//! changing.

use super::delegation::{self, Reply};
use super::state::GameState;
use crate::content::Content;
use crate::model::{Choice, Side};

/// Whoever sits in a delegation's seat: answers the text Oman tables to it.
pub trait DelegationSeat {
    /// The delegation's answer to `package` (a choice per issue), with its reasons.
    fn answer(
        &mut self,
        content: &Content,
        state: &GameState,
        side: Side,
        package: &[Choice],
    ) -> Reply;
}

/// The AI delegation: it answers by the rules of [`delegation::reply`].
#[derive(Clone, Copy, Debug, Default)]
pub struct AiDelegation;

impl DelegationSeat for AiDelegation {
    fn answer(
        &mut self,
        content: &Content,
        state: &GameState,
        side: Side,
        package: &[Choice],
    ) -> Reply {
        delegation::reply(content, state, side, package)
    }
}

/// Who fills the two delegations' seats in one call of the rules.
pub struct Seats<'a> {
    us: &'a mut dyn DelegationSeat,
    iran: &'a mut dyn DelegationSeat,
}

impl<'a> Seats<'a> {
    pub fn new(us: &'a mut dyn DelegationSeat, iran: &'a mut dyn DelegationSeat) -> Seats<'a> {
        Seats { us, iran }
    }

    /// The seat of `side`.
    pub fn of(&mut self, side: Side) -> &mut dyn DelegationSeat {
        match side {
            Side::Us => self.us,
            Side::Iran => self.iran,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{
        Audience, Clause, Command, Difficulty, Event, RuleError, Seat, apply, apply_seated, start,
    };

    /// A stand-in for a person in the Iran seat: says yes to whatever is tabled, whatever the
    /// rules would have said, and keeps the rules' reasons for the record.
    struct AlwaysYes {
        asked: u32,
    }

    impl DelegationSeat for AlwaysYes {
        fn answer(
            &mut self,
            content: &Content,
            state: &GameState,
            side: Side,
            package: &[Choice],
        ) -> Reply {
            self.asked += 1;
            Reply {
                accept: true,
                counter: Vec::new(),
                ..delegation::reply(content, state, side, package)
            }
        }
    }

    fn drafted() -> (Content, GameState) {
        let content = Content::builtin();
        let mut state = start(&content, 7, Difficulty::Normal);
        while let crate::game::Phase::Choosing(_) = state.phase {
            apply(&mut state, &content, &Command::ChooseCardOption(0)).expect("a card choice");
        }
        for (i, issue) in content.domain.each_issue() {
            // The first option still open to drafting: the US end of the issue.
            let first = issue
                .option_choices()
                .find(|&o| state.is_available(&content, i, o));
            let clause = if issue.deferrable {
                Clause::Deferred
            } else {
                Clause::Option(first.expect("an issue has an open option"))
            };
            let draft = Command::Draft { issue: i, clause };
            apply(&mut state, &content, &draft).expect("a draft");
        }
        (content, state)
    }

    fn iran_reply(events: &[Event]) -> &Reply {
        events
            .iter()
            .find_map(|e| match e {
                Event::Replied(r) if r.side == Side::Iran => Some(r.as_ref()),
                _ => None,
            })
            .expect("Iran answered")
    }

    #[test]
    fn a_scripted_seat_stands_in_for_a_delegation() {
        let (content, state) = drafted();
        let table = Command::Table(Audience::Both);

        // The AI in Iran's seat turns down a text drafted at the US end of every issue.
        let mut ai_state = state.clone();
        let by_ai = apply(&mut ai_state, &content, &table).expect("tabled");
        assert!(!iran_reply(&by_ai).accept);

        // The same text, with a scripted seat in Iran's chair, is accepted: the answer came from
        // the seat, and the rules carried it on (the reply is logged and remembered).
        let mut seated = state.clone();
        let (mut us, mut iran) = (AiDelegation, AlwaysYes { asked: 0 });
        let mut seats = Seats::new(&mut us, &mut iran);
        let events =
            apply_seated(&mut seated, &content, Seat::Oman, &table, &mut seats).expect("tabled");
        assert_eq!(iran.asked, 1);
        assert!(iran_reply(&events).accept);
        let remembered = seated.delegation(Side::Iran).last_reply.as_ref();
        assert!(remembered.is_some_and(|r| r.accept));
    }

    #[test]
    fn only_oman_may_make_oman_moves() {
        let (content, state) = drafted();
        let mut tried = state.clone();
        let (mut us, mut iran) = (AiDelegation, AiDelegation);
        let mut seats = Seats::new(&mut us, &mut iran);
        let refused = apply_seated(
            &mut tried,
            &content,
            Seat::Delegation(Side::Iran),
            &Command::Table(Audience::Both),
            &mut seats,
        );
        assert_eq!(
            refused,
            Err(RuleError::NotYourSeat {
                seat: Seat::Delegation(Side::Iran)
            })
        );
        assert_eq!(tried, state, "a refused command changes nothing");
    }
}
