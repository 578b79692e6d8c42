//! Oman's scripted players, above the advisor: `random` (any legal-looking move), `greedy`
//! (shuttles each side's counter to the other, reassures when trust runs low), `hawk` and `dove`
//! (one-sided mediation), `expert` (the shuttle, with the advisor's look-ahead in dangerous weeks)
//! and the fixed `cycle`s (a loop of moves, which must not be a winning recipe), and the open-loop
//! `routine`s that `search` hunts through for one that wins. [`play`] drives one of them through
//! a whole game.

mod cycle;
mod expert;
mod greedy;
mod leaning;
mod play;
mod random;
pub mod routine;
pub mod search;
mod tally;

pub use cycle::{Cycle, cycles};
pub use expert::Expert;
pub use greedy::Greedy;
pub use leaning::Leaning;
pub use play::play;
pub use random::Random;
pub use routine::{CardPlan, Routine};
pub use tally::{Counts, Tally, count, tally};

use crate::content::Content;
use crate::game::{Command, GameState};

/// An Oman player: asked for one command at a time.
pub trait Policy {
    fn name(&self) -> &'static str;
    /// The next command. It may be refused; the driver then asks again (and ends the round after
    /// too many refusals).
    fn next(&mut self, content: &Content, state: &GameState) -> Command;
}

/// The policies `simulate` knows, by name.
pub const POLICIES: [&str; 6] = ["random", "greedy", "hawk", "dove", "cycle", "expert"];

/// A policy by name, with its own random stream (a player's choices are theirs, not the game's).
pub fn by_name(name: &str, seed: u64) -> Option<Box<dyn Policy>> {
    match name {
        "random" => Some(Box::new(Random::new(seed))),
        "greedy" => Some(Box::new(Greedy::default())),
        "hawk" => Some(Box::new(Leaning::hawk())),
        "dove" => Some(Box::new(Leaning::dove())),
        "cycle" => Some(Box::new(Cycle::numbered(1)?)),
        "expert" => Some(Box::new(Expert::default())),
        other => other
            .strip_prefix("cycle-")
            .and_then(|n| n.parse().ok())
            .and_then(Cycle::numbered)
            .map(|c| Box::new(c) as Box<dyn Policy>),
    }
}
