//! `muscat timing`: how long a lesson takes, measured on scripted games with a stated model of
//! a student's pace, so the minutes in a scenario's title, the README and the guide come from
//! one measurement.

use std::process::ExitCode;

use super::ContentArgs;
use super::error::CliError;
use crate::content::Content;
use crate::game::{Command, Difficulty, Event, GameState};
use crate::narrate;
use crate::oman::{by_name, play};

/// The pace of a student reading an unfamiliar screen: slower than the 238 words a minute of
/// adult silent reading of non-fiction (Brysbaert, 2019), because every line is new.
const WORDS_PER_MINUTE: f64 = 180.0;
/// Seconds to pick and confirm one costed move in a menu.
const MOVE_SECONDS: f64 = 20.0;
/// Seconds to change one clause of the draft.
const DRAFT_SECONDS: f64 = 6.0;
/// Seconds to weigh a card's choices (beyond reading them).
const CHOICE_SECONDS: f64 = 30.0;
/// Seconds to look over the world at the end of a week.
const WEEK_SECONDS: f64 = 15.0;
/// Minutes to answer one journal prompt.
const JOURNAL_MINUTES: f64 = 3.0;
/// Minutes to read the briefing and the guide before the first move.
const START_MINUTES: f64 = 3.0;

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Minutes a student needs for this game at the pace above.
pub(crate) fn minutes(content: &Content, state: &GameState, log: &[Command]) -> f64 {
    let mut read = words(&content.scenario.briefing);
    for (_, event) in &state.log {
        if let Some(line) = narrate::describe(content, event) {
            read += words(&line);
        }
        if let Event::CardDrawn { card, .. } = event
            && let Some(c) = content.card(card)
        {
            read += words(&c.text) + words(&c.basis.text);
            read += c.choices.iter().map(|ch| words(&ch.label)).sum::<usize>();
        }
    }
    let mut seconds = 0.0;
    for command in log {
        seconds += match command {
            Command::Draft { .. } => DRAFT_SECONDS,
            Command::ChooseCardOption(_) => CHOICE_SECONDS,
            Command::EndRound => WEEK_SECONDS,
            Command::Reflect { .. } | Command::AskAdvisor => 0.0,
            _ => MOVE_SECONDS,
        };
    }
    let prompts = content
        .scenario
        .reflections
        .iter()
        .filter(|r| match r.at {
            crate::content::Checkpoint::Round(n) => n <= state.round,
            crate::content::Checkpoint::End => state.is_over(),
        })
        .count();
    START_MINUTES
        + read as f64 / WORDS_PER_MINUTE
        + seconds / 60.0
        + prompts as f64 * JOURNAL_MINUTES
}

/// The quantile `q` (0–1) of sorted values.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let at = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[at]
}

pub(crate) fn run(content_args: &ContentArgs, games: u32, seed: u64) -> Result<ExitCode, CliError> {
    let content = crate::content::load_with(
        content_args.scenario.as_deref(),
        content_args.assets.as_deref(),
    )?;
    println!(
        "{} ({} weeks), {games} games a policy, normal difficulty; a student reads {WORDS_PER_MINUTE} words a minute, \
         takes {MOVE_SECONDS} s a move, {DRAFT_SECONDS} s a clause, {CHOICE_SECONDS} s a card decision, \
         {WEEK_SECONDS} s a week's end, {JOURNAL_MINUTES} min a journal prompt and {START_MINUTES} min to start",
        content.scenario.id, content.scenario.deadline
    );
    println!("policy    weeks   median    p10    p90  (minutes)");
    for name in ["expert", "greedy"] {
        let mut all = Vec::new();
        let mut weeks = 0u32;
        for g in 0..games {
            let game_seed = seed.wrapping_add(u64::from(g));
            let mut policy = by_name(name, game_seed).expect("invariant: a built-in policy");
            let (state, log) = play(&content, game_seed, Difficulty::Normal, policy.as_mut());
            weeks += state.round;
            all.push(minutes(&content, &state, &log));
        }
        all.sort_by(f64::total_cmp);
        println!(
            "{name:<8} {:>6.1} {:>8.0} {:>6.0} {:>6.0}",
            f64::from(weeks) / f64::from(games),
            quantile(&all, 0.5),
            quantile(&all, 0.1),
            quantile(&all, 0.9)
        );
    }
    Ok(ExitCode::SUCCESS)
}
