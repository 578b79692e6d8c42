//! The negotiation engine, usable without the game: a domain of issues with ordered options, each
//! side's private preferences over packages, and the metrics (Pareto frontier, Nash and
//! Kalai–Smorodinsky points, distances) that judge a deal.
//!
//! It knows nothing of tracks, cards or terminals; the game's delegations are built on top of it.

pub mod domain;
pub mod metrics;
pub mod preferences;

pub use domain::{Domain, Issue, IssueOption, Package};
pub use metrics::{Frontier, OutcomePoint};
pub use preferences::{PairTerm, Preferences};
