//! The negotiation engine, usable without the game: a domain of issues with ordered options, each
//! side's private preferences over packages, a negotiator that concedes over time and learns the
//! other side's priorities, a bilateral protocol, and the metrics (Pareto frontier, Nash and
//! Kalai–Smorodinsky points, distances, welfare) that judge a deal.
//!
//! It knows nothing of tracks, cards or terminals; the game's delegations are built on top of it.
//! The step API is [`Negotiator::propose`] (an offer, or walking away), [`Negotiator::respond`]
//! and [`Negotiator::observe`], with the time and "is this the last offer/answer" given by the
//! caller and a [`Reason`] for every decision; [`alternating_offers`] runs two in one process
//! and `muscat negotiate --stdio` runs one for an outside harness.
//!
//! ```
//! use muscat::content::Content;
//! use muscat::negotiation::{Negotiator, Space, Tactic, alternating_offers};
//!
//! let content = Content::builtin();
//! let space = Space::new(&content.domain, &|i, c| !content.domain.issue(i).is_locked(c))?;
//! let us = content.delegation(muscat::game::Side::Us).prefs.clone();
//! let iran = content.delegation(muscat::game::Side::Iran).prefs.clone();
//! let mut a = Negotiator::new(&space, us, 0.45, Tactic::PRAGMATIST, &|_| true);
//! let mut b = Negotiator::new(&space, iran, 0.45, Tactic::PRAGMATIST, &|_| true);
//! let session = alternating_offers(&space, &mut a, &mut b, 50);
//! assert!(session.agreement.is_some());
//! # Ok::<(), muscat::negotiation::domain::DomainError>(())
//! ```

pub mod domain;
pub mod metrics;
pub mod negotiator;
pub mod opponent;
pub mod preferences;
pub mod space;

pub use domain::{Domain, DomainError, Issue, IssueOption, Package};
pub use metrics::{DealQuality, Frontier, OutcomePoint};
pub use negotiator::{
    Answer, Negotiator, Proposal, Ranking, Reason, SessionResult, Tactic, TraceEntry, Why,
    alternating_offers, faratin_target,
};
pub use opponent::{FrequencyModel, MoveKind};
pub use preferences::{PairTerm, Preferences, PreferencesError};
pub use space::Space;
