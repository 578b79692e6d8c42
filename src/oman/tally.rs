//! Outcome counts of a batch of whole games played by one of Oman's scripted players.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{by_name, play};
use crate::content::Content;
use crate::game::{self, Difficulty};

/// Outcome counts of a batch of games with one policy .
#[derive(Clone, Debug, Serialize)]
pub struct Tally {
    pub policy: String,
    pub games: u32,
    pub outcomes: BTreeMap<String, u32>,
    pub agreement_rate: f64,
    pub mean_rounds: f64,
    /// Oman's commands per game (moves, card choices and ends of week): the length of a game
    /// as a player feels it.
    pub mean_commands: f64,
    /// Mean score of the agreements reached (0–100).
    pub mean_deal_points: f64,
}

/// Plays `games` games with seeds `seed`, `seed + 1`, … and counts the outcomes.
pub fn tally(
    content: &Content,
    policy_name: &str,
    games: u32,
    seed: u64,
    difficulty: Difficulty,
) -> Option<Tally> {
    by_name(policy_name, seed)?;
    let mut outcomes: BTreeMap<String, u32> =
        ["agreement", "war", "walkout", "sidelined", "deadline"]
            .iter()
            .map(|k| ((*k).to_string(), 0))
            .collect();
    let mut rounds = 0u64;
    let mut commands = 0u64;
    let mut points = 0u64;
    for g in 0..games {
        let game_seed = seed.wrapping_add(u64::from(g));
        let mut policy = by_name(policy_name, game_seed)?;
        let (state, log) = play(content, game_seed, difficulty, policy.as_mut());
        rounds += u64::from(state.round);
        commands += log.len() as u64;
        if let Some(outcome) = state.outcome() {
            *outcomes.entry(outcome.key().to_string()).or_insert(0) += 1;
            if let game::Outcome::Agreement(score) = outcome {
                points += u64::from(score.points);
            }
        }
    }
    let agreements = outcomes["agreement"];
    Some(Tally {
        policy: policy_name.to_string(),
        games,
        agreement_rate: f64::from(agreements) / f64::from(games.max(1)),
        mean_rounds: rounds as f64 / f64::from(games.max(1)),
        mean_commands: commands as f64 / f64::from(games.max(1)),
        mean_deal_points: points as f64 / f64::from(agreements.max(1)),
        outcomes,
    })
}
