//! A whole game played by one of Oman's scripted players, from a seed to its end.

use super::Policy;
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
