//! The AI delegations built on the negotiation engine: walk-away values moved by the world,
//! concession over time, replies to a tabled text with structured reasons, ratification at home;
//! and the scripted Oman policies `muscat simulate` plays with.

pub mod bilateral;
mod delegation;
pub mod expert;
mod leaning;
pub mod policy;
mod reply;

pub use delegation::{
    Walkaway, aspiration, best_attainable, ratification, reply, target, urgency, walkaway,
};
pub use reply::{Complaint, FactionCheck, Reply, Rule, Trend};
