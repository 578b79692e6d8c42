//! The reason record of a delegation's answer to a tabled text. Structured, never prose: the UI
//! renders it with templates.

use serde::{Deserialize, Serialize};

use crate::game::{Side, TrackId};
use crate::model::{Choice, IssueId};
use crate::negotiation::MoveKind;

/// How the text compares with the last one tabled to this delegation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trend {
    First,
    Better,
    Same,
    Worse,
}

/// The rule that decided the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// The text crosses a red line.
    RedLine,
    /// The text is worth less than walking away.
    BelowWalkaway,
    /// The text is above walking away but below what the delegation still hopes for.
    BelowTarget,
    /// A faction at home would not ratify it.
    NotRatifiable,
    /// Accepted.
    Accepted,
}

/// An issue where the text costs the delegation most, and the choice it wants there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Complaint {
    pub issue: IssueId,
    pub wants: Choice,
    /// Utility lost on this issue against the wanted choice.
    pub cost: f64,
}

/// One faction's verdict in the ratification check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactionCheck {
    pub faction: String,
    pub veto: bool,
    pub ok: bool,
    /// Faction utility minus its bar.
    pub margin: f64,
}

/// A delegation's answer, with everything needed to explain it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub side: Side,
    pub round: u32,
    pub accept: bool,
    pub rule: Rule,
    /// Utility of the text for this delegation.
    pub utility: f64,
    /// What it still hopes to get this round.
    pub target: f64,
    /// Its walk-away value and the per-track contributions that moved it from the start.
    pub walkaway: f64,
    pub walkaway_drivers: Vec<(TrackId, f64)>,
    pub trend: Trend,
    pub red_line_hits: Vec<(IssueId, Choice)>,
    pub complaints: Vec<Complaint>,
    /// The smallest change (issue, choice) that would win its assent; when no change of one or
    /// two clauses would, the one that brings the text closest to its hopes (`counter_short`).
    /// Empty if it accepts.
    pub counter: Vec<(IssueId, Choice)>,
    /// The counter is what it asks for now, not yet enough for it to sign.
    #[serde(default)]
    pub counter_short: bool,
    pub ratification: Vec<FactionCheck>,
    /// How it read the other side's latest ask at the table (Hindriks–Jonker–Tykhonov label).
    #[serde(default)]
    pub other_move: Option<MoveKind>,
    /// The issue it believes the other side weighs most, from what that side has asked for.
    #[serde(default)]
    pub other_cares_most: Option<IssueId>,
}
