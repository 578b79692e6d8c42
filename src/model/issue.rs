//! Typed indices into the negotiating text: which issue, and which of its choices. Both are the
//! position in the domain's ordered lists, so a save stores them as plain numbers.

use serde::{Deserialize, Serialize};

/// An issue of the negotiating text (enrichment, stockpile, inspections, …), by its place in the
/// domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IssueId(pub u8);

/// One choice of an issue, by its place in the issue's list: the drafted options in order, then
/// deferral where the issue allows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Choice(pub u8);

impl IssueId {
    /// The issues of a domain of `count` issues, in order.
    pub fn all(count: usize) -> impl Iterator<Item = IssueId> {
        (0..count).map(IssueId::at)
    }

    /// The issue at position `index`.
    ///
    /// # Panics
    /// If `index` does not fit: domains are validated to hold far fewer issues.
    pub fn at(index: usize) -> IssueId {
        IssueId(u8::try_from(index).expect("invariant: a domain holds at most 255 issues"))
    }

    /// Its position in the domain's list of issues.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

impl Choice {
    /// The choice at position `index`.
    ///
    /// # Panics
    /// If `index` does not fit: issues are validated to hold far fewer choices.
    pub fn at(index: usize) -> Choice {
        Choice(u8::try_from(index).expect("invariant: an issue holds at most 255 choices"))
    }

    /// Its position in the issue's list of choices.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The neighbouring choice one step towards `goal`: up when the goal lies above, else down
    /// (never below the first).
    pub fn step_towards(self, goal: Choice) -> Choice {
        if goal > self {
            Choice(self.0 + 1)
        } else {
            Choice(self.0.saturating_sub(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_save_as_plain_numbers() {
        let both = (IssueId(3), Choice(2));
        let text = ron::to_string(&both).expect("serialises");
        assert_eq!(text, "(3,2)");
        assert_eq!(
            ron::from_str::<(IssueId, Choice)>(&text).expect("parses"),
            both
        );
    }

    #[test]
    fn a_step_moves_one_choice_towards_the_goal() {
        assert_eq!(Choice(1).step_towards(Choice(4)), Choice(2));
        assert_eq!(Choice(3).step_towards(Choice(0)), Choice(2));
        assert_eq!(Choice(0).step_towards(Choice(0)), Choice(0));
    }

    #[test]
    fn all_counts_in_order() {
        let ids: Vec<usize> = IssueId::all(3).map(IssueId::index).collect();
        assert_eq!(ids, [0, 1, 2]);
    }
}
