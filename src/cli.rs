//! The `muscat` command line: play (default), simulate, check, replay, report, class, odds,
//! negotiate.
//! Parses the arguments with clap and hands each subcommand to its own module.

mod check;
mod choices;
mod error;
mod handout;
mod negotiate;
mod odds;
mod replay;
mod report;
mod routines;
#[cfg(feature = "test-hooks")]
mod save_loop;
mod simulate;
mod simulate_print;
mod timing;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use choices::{Format, Level, Policy};
use error::CliError;

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

#[derive(clap::Args, Clone, Debug)]
pub(crate) struct ContentArgs {
    /// Scenario id (`muscat check` lists them), or a path to a scenario .ron file
    #[arg(long)]
    pub(crate) scenario: Option<String>,
    /// Folder laid out like assets/ to use instead of the built-in content
    #[arg(long)]
    pub(crate) assets: Option<PathBuf>,
}

#[derive(clap::Args, Clone, Debug)]
struct PlayArgs {
    /// Seed of the game (same seed + same moves = same game), 0 to 18446744073709551615
    #[arg(long, allow_hyphen_values = true, value_parser = parse_seed)]
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
    /// No guided first week (it is offered when the save folder has no autosave yet; G toggles it)
    #[arg(long)]
    no_guide: bool,
    #[command(flatten)]
    content: ContentArgs,
}

/// Where and how `report` and `class` write.
#[derive(clap::Args, Clone, Debug)]
struct ReportArgs {
    /// The report's format (default: from the -o file's extension, else md)
    #[arg(long, value_parser = Format::parser())]
    format: Option<Format>,
    /// Write to this file instead of printing
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Folder laid out like assets/ the saves were made with (default: the built-in content)
    #[arg(long)]
    assets: Option<PathBuf>,
}

impl ReportArgs {
    /// The format asked for, else the output file's extension, else Markdown.
    fn format(&self) -> crate::report::Format {
        Format::pick(self.format, self.output.as_deref()).into()
    }
}

#[derive(Subcommand)]
enum Cmd {
    /// Play the game (the default)
    Play(PlayArgs),
    /// Play headless games with a scripted Oman and count the outcomes
    Simulate {
        /// Games per policy (default 1000); for `routines`, the fresh games each reported
        /// routine is measured on (default 2000, seeds from SEED + 1000000); 1 to 10000000
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
        games: Option<u32>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Oman's scripted player (cycle-1 is cycle), all of them, or `routines`: search open-loop
        /// routines for one that wins
        #[arg(long, default_value = "all", value_parser = Policy::parser())]
        policy: Policy,
        /// `routines`: how many routines the search scores
        #[arg(long, default_value_t = 5000)]
        routines: usize,
        /// `routines`: the seeds (SEED, SEED + 1, …) each routine is scored on
        #[arg(long, default_value_t = 40)]
        batch: u32,
        #[arg(long, value_enum, default_value = "normal")]
        difficulty: Level,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
        /// Print Markdown tables (for docs/balance.md)
        #[arg(long, conflicts_with = "json")]
        markdown: bool,
        /// Also run the delegations against each other without a mediator
        #[arg(long)]
        bilateral: bool,
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
        /// Folder laid out like assets/ the game was played with (default: the built-in content)
        #[arg(long)]
        assets: Option<PathBuf>,
    },
    /// The advisor's look-ahead from a saved position: the odds of tabling the draft or ending the week
    Odds {
        save: PathBuf,
        /// Futures to play for each move (1 to 100000)
        #[arg(long, default_value_t = crate::advisor::FUTURES,
              value_parser = clap::value_parser!(u32).range(1..=100_000))]
        futures: u32,
        /// Weeks to look ahead, the current one counting (1 to 104)
        #[arg(long, default_value_t = crate::advisor::HORIZON,
              value_parser = clap::value_parser!(u32).range(1..=104))]
        horizon: u32,
        /// Print JSON (with elapsed_ms)
        #[arg(long)]
        json: bool,
        /// Folder laid out like assets/ the game was played with (default: the built-in content)
        #[arg(long)]
        assets: Option<PathBuf>,
    },
    /// After-action report of a game, from its save (timeline, turning points, red lines,
    /// gains over the walk-away values, the utility space, concepts, questions, reflections)
    Report {
        save: PathBuf,
        #[command(flatten)]
        out: ReportArgs,
    },
    /// Compare a class's games: outcome counts, mean scores, common texts, where games diverged
    Class {
        #[arg(required = true)]
        saves: Vec<PathBuf>,
        #[command(flatten)]
        out: ReportArgs,
    },
    /// A lesson's handouts: a one-page student brief and a one-page teacher sheet (HTML, for print)
    Handout {
        #[command(flatten)]
        content: ContentArgs,
        /// Folder to write `<scenario>-student.html` and `<scenario>-teacher.html` into
        #[arg(long, default_value = ".")]
        out: PathBuf,
    },
    /// How long a lesson takes: scripted games timed with a stated model of a student's pace
    Timing {
        #[command(flatten)]
        content: ContentArgs,
        /// Games per policy
        #[arg(long, default_value_t = 200)]
        games: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The negotiation engine as an agent for an outside harness (docs/negotiation-protocol.md)
    Negotiate {
        /// Play one side over JSON lines on stdin/stdout
        #[arg(long, required_unless_present = "game_domain")]
        stdio: bool,
        /// Print the game's domain and both sides' setup lines as JSON, and exit
        #[arg(long, conflicts_with = "stdio")]
        game_domain: bool,
    },
    /// Test hook for the crash test: saves after every move of scripted games until killed
    #[cfg(feature = "test-hooks")]
    #[command(hide = true)]
    SaveLoop {
        #[arg(long)]
        dir: PathBuf,
        #[arg(long, default_value_t = u64::MAX)]
        count: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value = "loop")]
        name: String,
    },
}

/// A seed as typed, with a message that says what a seed is (`--seed -1` is not one).
fn parse_seed(text: &str) -> Result<u64, String> {
    text.trim().parse().map_err(|_| {
        format!(
            "a seed is a whole number from 0 to {}, not \"{text}\"",
            u64::MAX
        )
    })
}

/// Parses the command line and runs what it asks for.
pub fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        None => play(&to_options(&cli.play)),
        Some(Cmd::Play(args)) => play(&to_options(&args)),
        Some(Cmd::Simulate {
            games,
            seed,
            policy,
            routines,
            batch,
            difficulty,
            json,
            markdown,
            bilateral,
            content,
        }) => simulate::run_cli(
            &content,
            &simulate::SimulateArgs {
                games,
                routines,
                batch,
                seed,
                policy,
                difficulty: difficulty.into(),
                json,
                markdown,
                bilateral,
            },
        ),
        Some(Cmd::Check { paths }) => check::run(&paths),
        Some(Cmd::Replay {
            save,
            verify,
            assets,
        }) => replay::run(&save, verify, assets.as_deref()),
        Some(Cmd::Odds {
            save,
            futures,
            horizon,
            json,
            assets,
        }) => odds::run(&save, futures, horizon, json, assets.as_deref()),
        Some(Cmd::Report { save, out }) => report::report_cli(
            &save,
            out.format(),
            out.output.as_deref(),
            out.assets.as_deref(),
        ),
        Some(Cmd::Class { saves, out }) => report::class_cli(
            &saves,
            out.format(),
            out.output.as_deref(),
            out.assets.as_deref(),
        ),
        Some(Cmd::Handout { content, out }) => handout::run(&content, &out),
        Some(Cmd::Timing {
            content,
            games,
            seed,
        }) => timing::run(&content, games.clamp(1, 100_000), seed),
        Some(Cmd::Negotiate { game_domain, .. }) => negotiate::run(game_domain),
        #[cfg(feature = "test-hooks")]
        Some(Cmd::SaveLoop {
            dir,
            count,
            seed,
            name,
        }) => save_loop::save_loop(&dir, count, seed, &name)
            .map(|()| ExitCode::SUCCESS)
            .map_err(CliError::from),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("muscat: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `muscat report SAVE | head` closes the pipe early; `println!` then panics. A reader that has
/// seen enough is not an error, so the program stops quietly instead of printing a panic.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map_or("", String::as_str);
        if message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// `muscat play`: the game is loaded and checked first, then played in plain mode or the terminal.
fn play(options: &crate::run::Options) -> Result<ExitCode, CliError> {
    let dir = options
        .save_dir
        .clone()
        .unwrap_or_else(crate::save::default_dir);
    let mut app = crate::run::prepare(options, &dir)?;
    if options.plain {
        crate::plain::run(&mut app, &dir).map_err(CliError::Input)
    } else {
        Ok(crate::tui::run(app, options, &dir)?)
    }
}

fn to_options(args: &PlayArgs) -> crate::run::Options {
    crate::run::Options {
        seed: args.seed,
        difficulty: args.difficulty.into(),
        load: args.load.clone(),
        save_dir: args.save_dir.clone(),
        plain: args.plain,
        mouse: !args.no_mouse,
        guide: !args.no_guide,
        scenario: args.content.scenario.clone(),
        assets: args.content.assets.clone(),
    }
}
