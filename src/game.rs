//! The pure game core: state, tracks, commands and events, the rules that apply them, the event
//! deck, the endings, and the delegations (they are rules: `apply` asks them to answer). Seeded and deterministic; it never touches a terminal, a file or a clock.

mod cards;
mod coercion;
mod command;
pub mod delegation;
mod ending;
mod fact;
pub mod grade;
pub mod position;
pub mod reflect;
mod rng;
mod round;
mod rules;
pub mod seat;
mod state;
mod tabled;
mod text;
mod theatre;
mod track;
mod verbs;

pub use verbs::{errand_unlocks, goodwill_terms, unlocked_by};

pub use cards::{draw_weights, due_crisis};
pub use coercion::{Posture, Variant as CoercionVariant};
pub use command::{Audience, CaucusKind, Command, Errand, Event, RuleError, Statement};
pub use delegation::{Complaint, FactionCheck, Reply, Rule, Trend};
pub use ending::{DealKind, Ending, Outcome, Score, war_chance};
pub use fact::{Act, Change, Drift, Learned, Verb};
pub use grade::{Grade, Verdict};
pub use rng::GameRng;
pub use rules::{apply, apply_quietly, apply_seated, before_start, replay, start};
pub use seat::{AiDelegation, DelegationSeat, Seats};
pub use state::{
    AdvisorLimit, AdvisorUse, Answer, DelegationState, Difficulty, Flag, GameState, Known,
    Notebook, Phase, Priority, Repeat, opening_red_lines,
};
pub use tabled::last_tabled;
pub use text::{Clause, Text};
pub use theatre::{
    Force, ForceKind, GULF_OF_OMAN_AT, HORMUZ, PLACES, Position, STRAIT_AT, Stakes, Strait,
    Theatre, stakes, theatre,
};
pub use track::{Cause, TrackChange, TrackId, Tracks};
pub use verbs::{ERRAND_FAILURE_COST, Gain, errand_chance, errand_gains};

pub use crate::model::{Seat, Side};
