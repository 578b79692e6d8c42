//! Headless games for `muscat simulate`: a scripted Oman plays whole games from seeds, and the
//! outcomes are counted. Reports its own throughput.

pub mod print;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ai::policy::{self, Policy};
use crate::content::Content;
use crate::game::{self, Command, Difficulty, GameState};

/// Refusals in a row after which the driver ends the round for the policy.
const MAX_REFUSALS: u32 = 20;
/// A safety net far above any real game's length.
const MAX_COMMANDS: usize = 5_000;

/// Plays one game to its end; returns the final state and the command log that produced it.
pub fn play(
    content: &Content,
    seed: u64,
    difficulty: Difficulty,
    policy: &mut dyn Policy,
) -> (GameState, Vec<Command>) {
    let mut state = game::start(content, seed, difficulty);
    let mut log = Vec::new();
    let mut refusals = 0;
    while !state.is_over() && log.len() < MAX_COMMANDS {
        let mut command = policy.next(content, &state);
        if refusals >= MAX_REFUSALS {
            command = Command::EndRound;
        }
        match game::apply(&mut state, content, &command) {
            Ok(_) => {
                refusals = 0;
                log.push(command);
            }
            Err(_) => refusals += 1,
        }
    }
    (state, log)
}

/// Outcome counts of a batch of games with one policy (the `simulate --json` object).
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
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
    pub games_per_sec: f64,
}

/// Plays `games` games with seeds `seed`, `seed + 1`, … and counts the outcomes.
pub fn run(
    content: &Content,
    policy_name: &str,
    games: u32,
    seed: u64,
    difficulty: Difficulty,
) -> Option<Summary> {
    policy::by_name(policy_name, seed)?;
    let mut outcomes: BTreeMap<String, u32> =
        ["agreement", "war", "walkout", "sidelined", "deadline"]
            .iter()
            .map(|k| ((*k).to_string(), 0))
            .collect();
    let mut rounds = 0u64;
    let mut commands = 0u64;
    let mut points = 0u64;
    #[allow(clippy::disallowed_methods)] // throughput is measured here, outside the core
    let started = std::time::Instant::now();
    for g in 0..games {
        let game_seed = seed.wrapping_add(u64::from(g));
        let mut policy = policy::by_name(policy_name, game_seed)?;
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
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let agreements = outcomes["agreement"];
    Some(Summary {
        policy: policy_name.to_string(),
        games,
        agreement_rate: f64::from(agreements) / f64::from(games.max(1)),
        mean_rounds: rounds as f64 / f64::from(games.max(1)),
        mean_commands: commands as f64 / f64::from(games.max(1)),
        mean_deal_points: points as f64 / f64::from(agreements.max(1)),
        outcomes,
        games_per_sec: f64::from(games) / secs,
    })
}
