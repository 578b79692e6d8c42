//! The `muscat` command line: play (default), simulate, check, replay, odds.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use muscat::content::{self, Bundle};
use muscat::game::Difficulty;
use muscat::sim;

#[derive(Parser)]
#[command(
    name = "muscat",
    version,
    about = "Muscat Channel: mediate the 2026 US-Iran nuclear talks as Oman",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
    #[command(flatten)]
    play: PlayArgs,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Level {
    Easy,
    Normal,
    Hard,
}

impl From<Level> for Difficulty {
    fn from(l: Level) -> Difficulty {
        match l {
            Level::Easy => Difficulty::Easy,
            Level::Normal => Difficulty::Normal,
            Level::Hard => Difficulty::Hard,
        }
    }
}

#[derive(clap::Args, Clone, Debug)]
struct ContentArgs {
    /// Scenario id, or a path to a scenario .ron file
    #[arg(long)]
    scenario: Option<String>,
    /// Folder laid out like assets/ to use instead of the built-in content
    #[arg(long)]
    assets: Option<PathBuf>,
}

#[derive(clap::Args, Clone, Debug)]
struct PlayArgs {
    /// Seed of the game (same seed + same moves = same game)
    #[arg(long)]
    seed: Option<u64>,
    #[arg(long, value_enum, default_value = "normal")]
    difficulty: Level,
    /// Load a save file
    #[arg(long)]
    load: Option<PathBuf>,
    /// Folder for saves (default: saves/, or $MUSCAT_SAVE_DIR)
    #[arg(long)]
    save_dir: Option<PathBuf>,
    /// Line-by-line text mode (screen readers, scripts): commands on stdin
    #[arg(long)]
    plain: bool,
    /// Do not capture the mouse
    #[arg(long)]
    no_mouse: bool,
    #[command(flatten)]
    content: ContentArgs,
}

#[derive(Subcommand)]
enum Cmd {
    /// Play the game (the default)
    Play(PlayArgs),
    /// Play headless games with a scripted Oman and count the outcomes
    Simulate {
        #[arg(long, default_value_t = 1000)]
        games: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// random, greedy, cycle, expert, or all
        #[arg(long, default_value = "all")]
        policy: String,
        #[arg(long, value_enum, default_value = "normal")]
        difficulty: Level,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        content: ContentArgs,
    },
    /// Validate content files (default: the built-in ones)
    Check {
        /// Asset folders or scenario files to check
        paths: Vec<PathBuf>,
    },
    /// Re-run a save's command log from its seed
    Replay {
        save: PathBuf,
        /// Exit non-zero unless the replayed state equals the saved one
        #[arg(long)]
        verify: bool,
    },
    /// The advisor's look-ahead from a saved position: the odds of tabling the draft or ending the week
    Odds {
        save: PathBuf,
        /// Futures to play for each move
        #[arg(long, default_value_t = muscat::advisor::FUTURES)]
        futures: u32,
        /// Weeks to look ahead (the current one counts)
        #[arg(long, default_value_t = muscat::advisor::HORIZON)]
        horizon: u32,
        /// Print JSON (with elapsed_ms)
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => muscat::tui::run_cli(&to_options(&cli.play)),
        Some(Cmd::Play(args)) => muscat::tui::run_cli(&to_options(&args)),
        Some(Cmd::Simulate {
            games,
            seed,
            policy,
            difficulty,
            json,
            content,
        }) => simulate(&content, games, seed, &policy, difficulty.into(), json),
        Some(Cmd::Check { paths }) => check(&paths),
        Some(Cmd::Replay { save, verify }) => muscat::save::replay_cli(&save, verify),
        Some(Cmd::Odds {
            save,
            futures,
            horizon,
            json,
        }) => muscat::odds::run(&save, futures, horizon, json),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("muscat: {message}");
            ExitCode::FAILURE
        }
    }
}

fn to_options(args: &PlayArgs) -> muscat::tui::Options {
    muscat::tui::Options {
        seed: args.seed,
        difficulty: args.difficulty.into(),
        load: args.load.clone(),
        save_dir: args.save_dir.clone(),
        plain: args.plain,
        mouse: !args.no_mouse,
        scenario: args.content.scenario.clone(),
        assets: args.content.assets.clone(),
    }
}

fn simulate(
    content_args: &ContentArgs,
    games: u32,
    seed: u64,
    policy: &str,
    difficulty: Difficulty,
    json: bool,
) -> Result<ExitCode, String> {
    let content = muscat::tui::load_content(
        content_args.scenario.as_deref(),
        content_args.assets.as_deref(),
    )?;
    let names: Vec<&str> = if policy == "all" {
        muscat::ai::policy::POLICIES.to_vec()
    } else {
        vec![policy]
    };
    let mut summaries = Vec::new();
    for name in names {
        let summary = sim::run(&content, name, games, seed, difficulty).ok_or_else(|| {
            format!(
                "unknown policy \"{name}\" (try one of: {}, all)",
                muscat::ai::policy::POLICIES.join(", ")
            )
        })?;
        summaries.push(summary);
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&summaries).map_err(|e| e.to_string())?
        );
    } else {
        println!(
            "{:<8} {:>6} {:>9} {:>5} {:>8} {:>9} {:>8} {:>7} {:>7} {:>9}",
            "policy",
            "games",
            "agreement",
            "war",
            "walkout",
            "sidelined",
            "deadline",
            "rounds",
            "points",
            "games/s"
        );
        for s in &summaries {
            println!(
                "{:<8} {:>6} {:>9} {:>5} {:>8} {:>9} {:>8} {:>7.1} {:>7.1} {:>9.0}",
                s.policy,
                s.games,
                s.outcomes["agreement"],
                s.outcomes["war"],
                s.outcomes["walkout"],
                s.outcomes["sidelined"],
                s.outcomes["deadline"],
                s.mean_rounds,
                s.mean_deal_points,
                s.games_per_sec
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(paths: &[PathBuf]) -> Result<ExitCode, String> {
    let mut bundles = Vec::new();
    if paths.is_empty() {
        bundles.push(("built-in assets".to_string(), Bundle::builtin()));
    }
    for path in paths {
        let bundle = if path.is_dir() {
            Bundle::from_dir(path)
        } else {
            Bundle::builtin().with_scenario_file(path)
        }
        .map_err(|e| format!("{}: {e}", path.display()))?;
        bundles.push((path.display().to_string(), bundle));
    }
    let mut failed = false;
    for (_, bundle) in &bundles {
        match content::load(bundle, None) {
            Ok(c) => {
                let [s, d, k, g] = c.counts;
                println!(
                    "ok: {s} scenario{}, {d} delegations, {k} cards, {g} glossary entries",
                    if s == 1 { "" } else { "s" }
                );
            }
            Err(errors) => {
                failed = true;
                for e in errors {
                    println!("{e}");
                }
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
