//! Helpers shared by the integration tests.
#![allow(dead_code)]

use muscat::content::Content;
use muscat::game::{Command, Difficulty, GameState};
use muscat::oman as policy;

/// Plays a whole game with a named policy; returns the final state and its command log.
pub fn play(content: &Content, policy_name: &str, seed: u64) -> (GameState, Vec<Command>) {
    let mut p = policy::by_name(policy_name, seed).expect("known policy");
    policy::play(content, seed, Difficulty::Normal, p.as_mut())
}
