//! `muscat simulate`: a scripted Oman plays whole games from seeds, and the outcomes are counted.
//! Reports its own throughput.

use std::process::ExitCode;

use serde::Serialize;

use super::choices::Policy;
use super::error::CliError;
use super::{ContentArgs, simulate_print};
use crate::content::Content;
use crate::game::Difficulty;
use crate::oman::{Tally, tally};

/// A batch's counts and how fast it was played (the `simulate --json` object).
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    #[serde(flatten)]
    pub tally: Tally,
    pub games_per_sec: f64,
}

/// Plays `games` games with seeds `seed`, `seed + 1`, … and counts the outcomes, timed.
pub fn run(
    content: &Content,
    policy_name: &str,
    games: u32,
    seed: u64,
    difficulty: Difficulty,
) -> Option<Summary> {
    #[allow(clippy::disallowed_methods)] // throughput is measured here, outside the core
    let started = std::time::Instant::now();
    let tally = tally(content, policy_name, games, seed, difficulty)?;
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    Some(Summary {
        tally,
        games_per_sec: f64::from(games) / secs,
    })
}

/// What `muscat simulate` was asked for.
pub(crate) struct SimulateArgs {
    /// Games per policy; `None` for the policy's default.
    pub(crate) games: Option<u32>,
    pub(crate) routines: usize,
    pub(crate) batch: u32,
    pub(crate) seed: u64,
    pub(crate) policy: Policy,
    pub(crate) difficulty: Difficulty,
    pub(crate) json: bool,
    pub(crate) markdown: bool,
    pub(crate) bilateral: bool,
}

pub(crate) fn run_cli(
    content_args: &ContentArgs,
    args: &SimulateArgs,
) -> Result<ExitCode, CliError> {
    let content = crate::content::load_with(
        content_args.scenario.as_deref(),
        content_args.assets.as_deref(),
    )?;
    if args.policy == Policy::Routines {
        let routine_args = super::routines::RoutineArgs {
            routines: args.routines,
            batch: args.batch,
            games: args.games.unwrap_or(2000),
            seed: args.seed,
            difficulty: args.difficulty,
            json: args.json,
            markdown: args.markdown,
        };
        return super::routines::run_cli(&content, &routine_args);
    }
    let games = args.games.unwrap_or(1000);
    let names = args.policy.names();
    let summaries: Vec<Summary> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            // A long run says where it is, on stderr so the table or JSON stays clean.
            if games >= 10_000 {
                eprintln!(
                    "muscat: simulate: policy {name} ({} of {}), {games} games…",
                    i + 1,
                    names.len()
                );
            }
            let summary = run(&content, name, games, args.seed, args.difficulty)
                .expect("invariant: every --policy value names a policy (see cli::choices)");
            if games >= 10_000 {
                eprintln!(
                    "muscat: simulate: policy {name} done, {:.0} games/s",
                    summary.games_per_sec
                );
            }
            summary
        })
        .collect();
    let bilateral = args
        .bilateral
        .then(|| crate::game::delegation::bilateral::run(&content));
    if args.json {
        let value = serde_json::json!({ "policies": summaries, "bilateral": bilateral });
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else if args.markdown {
        print!("{}", simulate_print::markdown(&summaries));
        if let Some(b) = &bilateral {
            print!("\n{}", simulate_print::bilateral(b, true));
        }
    } else {
        print!("{}", simulate_print::table(&summaries));
        print!("\n{}", simulate_print::crises(&summaries));
        if let Some(b) = &bilateral {
            print!("\n{}", simulate_print::bilateral(b, false));
        }
    }
    Ok(ExitCode::SUCCESS)
}
