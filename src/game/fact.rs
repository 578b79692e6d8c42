//! The facts that events and track changes carry instead of sentences: which drift moved a
//! track, which of Oman's verbs did, what a delegation did on its own, what a caucus taught
//! Oman. `narrate` turns each into words; saves hold the facts, so wording can change (or be
//! translated) without touching a save.

use serde::{Deserialize, Serialize};

use super::Side;
use super::coercion::Variant;
use super::command::{CaucusKind, Errand, Statement};
use super::state::Priority;
use super::track::TrackId;
use crate::model::{Choice, IssueId};

/// The slow pressures of the world between rounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Drift {
    /// Sanctions bite Iran's economy.
    SanctionsPain,
    /// The economy feeds (or calms) unrest.
    Economy,
    /// The true breakout time shrinks while no one inspects the bombed sites.
    NoInspectors,
    /// Washington's estimate of the breakout time moves.
    Intelligence,
    /// Forces gather and neighbours press: war risk.
    BuildUp,
    /// Oil follows the war risk.
    Markets,
    /// Washington tires of talking.
    TalksDrag,
    /// Israel presses Washington.
    IsraelLobbies,
    /// Iran waits for sanctions relief.
    WaitingForRelief,
    /// A week passed with no text tabled.
    IdleWeek,
    /// The weeks pass and the deadline nears: positions wear down a little.
    Deadline,
}

impl Drift {
    pub const ALL: [Drift; 11] = [
        Drift::SanctionsPain,
        Drift::Economy,
        Drift::NoInspectors,
        Drift::Intelligence,
        Drift::BuildUp,
        Drift::Markets,
        Drift::TalksDrag,
        Drift::IsraelLobbies,
        Drift::WaitingForRelief,
        Drift::IdleWeek,
        Drift::Deadline,
    ];
}

/// One of Oman's moves, as the cause of a track change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verb {
    /// A private meeting with one delegation.
    Caucus(CaucusKind, Side),
    /// A text tabled to both sides and rejected by both.
    RejectedText,
    Goodwill,
    Errand(Errand),
    OffTheRecord,
    Statement(Statement),
    Extension,
}

/// A delegation's own move between Oman's rounds (George's coercive diplomacy on the US side,
/// signals on Iran's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Act {
    /// The US posture announced in week 1: the variant, the clause it demands (issue, choice)
    /// and, for an ultimatum, its deadline.
    Posture {
        variant: Variant,
        demand: Option<(IssueId, Choice)>,
        deadline: Option<u32>,
    },
    /// Try-and-see: the one limited action.
    LimitedAction,
    /// Try-and-see gives way to the screw.
    TurnsToScrew,
    /// The screw turns: new designations.
    Screw,
    /// The ultimatum ran out.
    UltimatumExpired,
    /// Iran answers the expired ultimatum.
    Retaliation,
    /// The deadline is close: the US issues an ultimatum.
    Ultimatum,
    /// Iran, squeezed, signals the strait.
    HormuzThreat,
    /// The US rewards a move of Iran's.
    Carrot,
}

impl Act {
    /// Every act, with a sample posture of each variant (for tests that each has words).
    pub const ALL: [Act; 11] = [
        Act::Posture {
            variant: Variant::TryAndSee,
            demand: None,
            deadline: None,
        },
        Act::Posture {
            variant: Variant::Screw,
            demand: Some((IssueId(0), Choice(0))),
            deadline: None,
        },
        Act::Posture {
            variant: Variant::Ultimatum,
            demand: Some((IssueId(0), Choice(0))),
            deadline: Some(8),
        },
        Act::LimitedAction,
        Act::TurnsToScrew,
        Act::Screw,
        Act::UltimatumExpired,
        Act::Retaliation,
        Act::Ultimatum,
        Act::HormuzThreat,
        Act::Carrot,
    ];
}

/// What a caucus taught Oman.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Learned {
    /// Oman already knew every priority of this delegation.
    NothingNew,
    /// The priority the delegation gave an issue (true or not), and the red lines it named on
    /// that issue when it spoke truly.
    Priority {
        issue: IssueId,
        heard: Priority,
        red_lines: Vec<Choice>,
    },
    /// A note in the words an older save (format 1 or 2) wrote it in, kept as written because
    /// the issue it names is not in the built-in domain: a game played with other content.
    AsWritten(String),
}

/// A gauge one of Oman's moves changed, from and to, for the line that tells the move's effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Track {
        track: TrackId,
        from: i32,
        to: i32,
    },
    /// Iran's patience (the US one is a track).
    Patience {
        side: Side,
        from: i32,
        to: i32,
    },
}
