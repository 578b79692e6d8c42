//! Commands (what Oman intends; may be refused), events (what happened) and the reasons a command
//! is refused.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::delegation::Reply;
use super::ending::Outcome;
use super::fact::{Act, Change, Learned};
use super::grade::Grade;
use super::text::Clause;
use super::track::{Cause, TrackChange};
use super::{Seat, Side};
use crate::model::{Choice, IssueId};

/// What Oman does in a private meeting with one delegation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaucusKind {
    /// Learn a priority or red line (noisy; better with trust).
    Probe,
    /// Trust in Oman up, urgency down.
    Reassure,
    /// Carry the other side's deadline or threat: urgency up, trust in Oman down.
    RelayPressure,
    /// The side's graded answer to one change to the text (see [`super::grade`]).
    TestIdea { issue: IssueId, clause: Clause },
}

/// Who hears a tabled text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    Both,
    One(Side),
}

/// A third-party errand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Errand {
    /// Ask Moscow to take custody of the 60% stockpile.
    Russia,
    /// Ask the IAEA for an inspection protocol.
    Iaea,
    /// Ask the Gulf capitals for a non-aggression pact.
    Gulf,
    /// Ask Qatar to hold escrowed funds.
    Qatar,
    /// Ask the E3 to hold back snapback enforcement.
    E3,
}

impl Errand {
    pub const ALL: [Errand; 5] = [
        Errand::Russia,
        Errand::Iaea,
        Errand::Gulf,
        Errand::Qatar,
        Errand::E3,
    ];
}

/// Oman's public voice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Statement {
    /// Announce progress: commits both sides (audience costs), calms markets, risks backlash.
    AnnounceProgress,
    /// Urge restraint on all sides: cools the war risk a little, spends credibility if ignored.
    UrgeRestraint,
}

/// Everything Oman can do. Stored in the command log; replaying the log from the seed
/// reproduces the game.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// Change the draft text on one issue (free).
    Draft { issue: IssueId, clause: Clause },
    /// A private meeting with one delegation (1 action point).
    Caucus { side: Side, kind: CaucusKind },
    /// Put the draft text to one or both delegations (1 action point).
    Table(Audience),
    /// Propose a package trade across two issues and sound out both sides (1 action point).
    Link {
        first: (IssueId, Clause),
        second: (IssueId, Clause),
    },
    /// Ask a delegation to take a slightly worse text this round (1 action point, costs trust).
    SpendGoodwill(Side),
    /// A third-party errand (1 action point).
    Errand(Errand),
    /// An off-the-record session on missiles and proxies (1 action point, needs trust).
    OffTheRecord,
    /// A public statement (1 action point).
    Statement(Statement),
    /// Ask for two more weeks before the deadline (once; costs credibility).
    RequestExtension,
    /// Decide on the event card that asks for a choice.
    ChooseCardOption(u8),
    /// End the round: the world moves, the next card is drawn.
    EndRound,
    /// Ask the advisor for the odds (free; difficulty limits how often). It changes nothing but
    /// the count of questions; the answer is computed outside the rules, from the state.
    AskAdvisor,
    /// Answer a reflection prompt of the scenario (free; allowed after the end, for the debrief).
    Reflect { id: String, answer: String },
}

impl Command {
    /// The seat that makes this command. Every move of today's game is Oman's: the delegations
    /// answer what is tabled through their seats (see [`super::seat`]), and a move a delegation
    /// could make itself would name its seat here.
    pub fn seat(&self) -> Seat {
        match self {
            Command::Draft { .. }
            | Command::Caucus { .. }
            | Command::Table(_)
            | Command::Link { .. }
            | Command::SpendGoodwill(_)
            | Command::Errand(_)
            | Command::OffTheRecord
            | Command::Statement(_)
            | Command::RequestExtension
            | Command::ChooseCardOption(_)
            | Command::EndRound
            | Command::AskAdvisor
            | Command::Reflect { .. } => Seat::Oman,
        }
    }

    /// Action points the command costs.
    pub fn cost(&self) -> u32 {
        match self {
            Command::Draft { .. }
            | Command::ChooseCardOption(_)
            | Command::EndRound
            | Command::AskAdvisor
            | Command::Reflect { .. } => 0,
            Command::RequestExtension
            | Command::Caucus { .. }
            | Command::Table(_)
            | Command::Link { .. }
            | Command::SpendGoodwill(_)
            | Command::Errand(_)
            | Command::OffTheRecord
            | Command::Statement(_) => 1,
        }
    }
}

/// Something that happened. Events form the news log and drive the UI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {
    RoundStarted(u32),
    CardDrawn {
        card: String,
        injected: bool,
    },
    CardChoiceMade {
        card: String,
        choice: u8,
    },
    TrackMoved(TrackChange),
    Drafted {
        issue: IssueId,
        clause: Clause,
    },
    /// A delegation's answer to a tabled text, with its reasons.
    Replied(Box<Reply>),
    /// Oman learned something in a caucus.
    Learned {
        side: Side,
        fact: Learned,
    },
    /// A side's answer to an idea: warmer than the last text it saw (or its own demand), whether it
    /// crosses a red line, and the full grade.
    IdeaTested {
        side: Side,
        issue: IssueId,
        clause: Clause,
        warmer: bool,
        red_line: bool,
        /// The side's graded answer (older saves have none).
        #[serde(default)]
        grade: Option<Grade>,
    },
    LinkSounded {
        first: (IssueId, Clause),
        second: (IssueId, Clause),
        us_warmer: bool,
        iran_warmer: bool,
        /// Each side's graded answer, the US first (older saves have none).
        #[serde(default)]
        grades: Vec<Grade>,
    },
    Unlocked {
        issue: IssueId,
        option: Choice,
    },
    RedLineAdded {
        side: Side,
        issue: IssueId,
        option: Choice,
    },
    RedLineLifted {
        side: Side,
        issue: IssueId,
        option: Choice,
    },
    ErrandDone {
        errand: Errand,
        success: bool,
    },
    OffTheRecordHeld,
    StatementMade(Statement),
    DeadlineExtended(u32),
    /// The US ultimatum's deadline moved (from week, to week), and why.
    UltimatumMoved {
        from: u32,
        to: u32,
        cause: Cause,
    },
    GoodwillSpent(Side),
    /// Goodwill spent: the delegation's hopes are `lowers` lower (utility) for the rest of
    /// `week` only, and the next favour asked of it would lower them by `next`.
    GoodwillLent {
        side: Side,
        week: u32,
        lowers: f64,
        next: f64,
    },
    /// What one of Oman's moves (or card choices) changed on the gauges, in order of change;
    /// the delegations' hopes and hardliners are told by their own events.
    Done {
        command: Command,
        changes: Vec<Change>,
    },
    /// A delegation's own move, e.g. the US turning the screw or Iran's Hormuz signal.
    DelegationMove {
        side: Side,
        act: Act,
    },
    /// Both sides accepted but a faction at home blocked the deal.
    RatificationFailed {
        side: Side,
        faction: String,
    },
    PatienceChanged {
        side: Side,
        from: i32,
        to: i32,
    },
    /// A delegation's hopes (its target, 0–1) moved, and why.
    HopeMoved {
        side: Side,
        from: f64,
        to: f64,
        cause: Cause,
    },
    /// A delegation's hardliners raised or lowered their bar at home (utility, 0–1), and why.
    HardlinersMoved {
        side: Side,
        from: f64,
        to: f64,
        cause: Cause,
    },
    Ended(Outcome),
    /// Oman answered (or revised the answer to) a reflection prompt.
    Reflected {
        id: String,
    },
}

/// Why a command was refused. The state is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleError {
    GameOver,
    CardChoicePending,
    NoCardChoicePending,
    NoSuchChoice,
    NotEnoughActionPoints,
    NoSuchIssue,
    NoSuchOption,
    OptionLocked,
    CannotDefer,
    TextIncomplete {
        issue: String,
    },
    NotEnoughTrust {
        needed: i32,
        have: i32,
    },
    AlreadyDone(&'static str),
    GoodwillAlreadySpent,
    SameIssueTwice,
    AdvisorLimit(&'static str),
    NoSuchReflection,
    ReflectionNotDue,
    EmptyAnswer,
    AnswerTooLong {
        max: usize,
    },
    /// The command is not one the seat it came from may make.
    NotYourSeat {
        seat: Seat,
    },
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleError::GameOver => write!(f, "the talks are over"),
            RuleError::CardChoicePending => write!(f, "decide on the event card first"),
            RuleError::NoCardChoicePending => write!(f, "no card is waiting for a decision"),
            RuleError::NoSuchChoice => write!(f, "that card has no such choice"),
            RuleError::NotEnoughActionPoints => {
                write!(f, "no action points left this week: end the week")
            }
            RuleError::NoSuchIssue => write!(f, "no such issue"),
            RuleError::NoSuchOption => write!(f, "no such option"),
            RuleError::OptionLocked => write!(f, "that option is not on the table yet"),
            RuleError::CannotDefer => write!(f, "that issue cannot be deferred"),
            RuleError::TextIncomplete { issue } => {
                write!(f, "draft the {issue} clause before tabling")
            }
            RuleError::NotEnoughTrust { needed, have } => {
                write!(f, "not enough trust ({have}, needs {needed})")
            }
            RuleError::AlreadyDone(what) => write!(f, "{what} already done"),
            RuleError::GoodwillAlreadySpent => {
                write!(f, "goodwill already spent with that delegation this week")
            }
            RuleError::SameIssueTwice => write!(f, "a link needs two different issues"),
            RuleError::AdvisorLimit(why) => write!(f, "{why}"),
            RuleError::NoSuchReflection => write!(f, "the scenario has no such reflection prompt"),
            RuleError::ReflectionNotDue => write!(f, "that reflection prompt is not due yet"),
            RuleError::EmptyAnswer => write!(f, "an answer needs some words"),
            RuleError::AnswerTooLong { max } => {
                write!(f, "an answer can be at most {max} characters")
            }
            RuleError::NotYourSeat { seat } => match seat {
                Seat::Oman => write!(f, "that move is not Oman's to make"),
                Seat::Delegation(side) => {
                    write!(f, "that move is not the {} seat's to make", side.name())
                }
            },
        }
    }
}

impl std::error::Error for RuleError {}
