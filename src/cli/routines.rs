//! `muscat simulate --policy routines`: the exploit search over open-loop routines, timed, and
//! its answer in words — the best routine's text, its week and its card answers, with its win
//! rate on fresh seeds beside the reference routines'.

use std::fmt::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::error::CliError;
use crate::content::Content;
use crate::game::{Command, Difficulty};
use crate::narrate;
use crate::oman::search::{self, Space};
use crate::oman::{CardPlan, Routine, Tally};

/// How far the fresh seeds lie from the search's own, so no game is scored twice.
pub const FRESH_OFFSET: u64 = 1_000_000;
/// Where the seeds that re-rank the search's leaders start: the leaders tie on a small batch,
/// and the luckiest of them is not the best. They are re-ranked on [`VALIDATION_BATCHES`] times
/// as many seeds as the search scored each routine on.
pub const VALIDATION_OFFSET: u64 = 500_000;
pub const VALIDATION_BATCHES: u32 = 5;

/// What the search was asked for.
pub(crate) struct RoutineArgs {
    /// Routines to score (the reference ones included).
    pub(crate) routines: usize,
    /// Seeds each routine is scored on.
    pub(crate) batch: u32,
    /// Fresh games each reported routine is measured on.
    pub(crate) games: u32,
    pub(crate) seed: u64,
    pub(crate) difficulty: Difficulty,
    pub(crate) json: bool,
    pub(crate) markdown: bool,
}

/// One routine of the answer: its score on the search seeds and its tally on fresh ones.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub name: &'static str,
    pub search_wins: u32,
    /// Agreements on the validation seeds.
    pub validation_wins: u32,
    pub fresh: Tally,
    pub routine: Routine,
}

/// The search's answer (the `--json` object).
#[derive(Clone, Debug, Serialize)]
pub struct Answer {
    pub scenario: String,
    pub difficulty: &'static str,
    pub routines: usize,
    pub batch: u32,
    /// First and last seed of the search batch, of the leaders' re-ranking, and of the fresh
    /// games.
    pub search_seeds: (u64, u64),
    pub validation_seeds: (u64, u64),
    pub fresh_seeds: (u64, u64),
    pub threads: usize,
    pub search_secs: f64,
    pub routines_per_sec: f64,
    pub games_per_sec: f64,
    /// The best routine found, then the mindless routine and ending the week only.
    pub rows: Vec<Row>,
}

/// Runs the search and measures its best routine and the references on fresh seeds.
pub fn run(content: &Content, args: &RoutineArgs) -> Answer {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let space = Space::new(content, args.difficulty);
    let batch = args.seed..args.seed + u64::from(args.batch.max(1));
    let references = [
        ("mindless", Routine::mindless(content)),
        ("end week", Routine::end_week(content)),
    ];
    let score = search::win_score(content, args.difficulty, batch.clone());
    #[allow(clippy::disallowed_methods)] // throughput is measured here, outside the core
    let started = std::time::Instant::now();
    let found = search::search(
        &space,
        references.iter().map(|(_, r)| r.clone()).collect(),
        args.routines.max(1),
        args.seed,
        threads,
        &score,
    );
    let search_secs = started.elapsed().as_secs_f64().max(1e-9);
    let validation_from = args.seed + VALIDATION_OFFSET;
    let validation =
        validation_from..validation_from + u64::from(args.batch.max(1) * VALIDATION_BATCHES);
    let validate = search::win_score(content, args.difficulty, validation.clone());
    let search_wins = |r: &Routine| {
        found
            .leaders
            .iter()
            .find(|(l, _)| l == r)
            .map_or_else(|| score(r), |(_, s)| *s)
    };
    // The references stand for re-ranking too, so the best is never worse than them there.
    let mut candidates = found.leaders.clone();
    for (_, r) in &references {
        if !candidates.iter().any(|(c, _)| c == r) {
            candidates.push((r.clone(), score(r)));
        }
    }
    let (best, _) = search::rerank(&candidates, &validate, threads)
        .into_iter()
        .next()
        .unwrap_or((found.routine.clone(), found.score));
    let fresh = args.seed + FRESH_OFFSET;
    let row = |name, routine: Routine| Row {
        name,
        search_wins: search_wins(&routine).wins,
        validation_wins: validate(&routine).wins,
        fresh: search::measure(
            content,
            &routine,
            name,
            args.games,
            fresh,
            args.difficulty,
            threads,
        ),
        routine,
    };
    let mut rows = vec![row("best found", best)];
    for (name, routine) in references {
        rows.push(row(name, routine));
    }
    Answer {
        scenario: content.scenario.id.clone(),
        difficulty: args.difficulty.name(),
        routines: found.evaluated,
        batch: args.batch.max(1),
        search_seeds: (batch.start, batch.end - 1),
        validation_seeds: (validation.start, validation.end - 1),
        fresh_seeds: (fresh, fresh + u64::from(args.games.max(1)) - 1),
        threads,
        search_secs,
        routines_per_sec: found.evaluated as f64 / search_secs,
        games_per_sec: found.evaluated as f64 * f64::from(args.batch.max(1)) / search_secs,
        rows,
    }
}

pub(crate) fn run_cli(content: &Content, args: &RoutineArgs) -> Result<ExitCode, CliError> {
    let answer = run(content, args);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&answer)?);
    } else if args.markdown {
        print!("{}", markdown(content, &answer));
    } else {
        print!("{}", table(content, &answer));
    }
    Ok(ExitCode::SUCCESS)
}

fn share(t: &Tally, key: &str) -> String {
    let n = t.outcomes[key];
    format!(
        "{n} ({:.1}%)",
        100.0 * f64::from(n) / f64::from(t.games.max(1))
    )
}

/// The answer for the terminal: the search, a table of the three routines, the best one in words.
pub fn table(content: &Content, a: &Answer) -> String {
    let mut out = format!(
        "Exploit search ({}, {}): {} routines x {} seeds ({}-{}) in {:.1} s on {} threads: \
         {:.0} routines/s, {:.0} games/s\nThe {} leaders re-ranked on seeds {}-{}; fresh games: seeds {}-{}\n\n",
        a.scenario,
        a.difficulty,
        a.routines,
        a.batch,
        a.search_seeds.0,
        a.search_seeds.1,
        a.search_secs,
        a.threads,
        a.routines_per_sec,
        a.games_per_sec,
        search::LEADERS,
        a.validation_seeds.0,
        a.validation_seeds.1,
        a.fresh_seeds.0,
        a.fresh_seeds.1,
    );
    let _ = writeln!(
        out,
        "{:<11} {:>7} {:>8} {:>15} {:>14} {:>14} {:>12} {:>14} {:>6}",
        "routine",
        "search",
        "re-rank",
        "agreement",
        "war",
        "walkout",
        "sidelined",
        "deadline",
        "weeks"
    );
    for r in &a.rows {
        let _ = writeln!(
            out,
            "{:<11} {:>7} {:>8} {:>15} {:>14} {:>14} {:>12} {:>14} {:>6.1}",
            r.name,
            format!("{}/{}", r.search_wins, a.batch),
            format!("{}/{}", r.validation_wins, a.batch * VALIDATION_BATCHES),
            share(&r.fresh, "agreement"),
            share(&r.fresh, "war"),
            share(&r.fresh, "walkout"),
            share(&r.fresh, "sidelined"),
            share(&r.fresh, "deadline"),
            r.fresh.mean_rounds,
        );
    }
    out.push('\n');
    out.push_str(&describe(content, &a.rows[0].routine));
    out
}

/// The answer as a Markdown table row under its header, with the best routine in words after it
/// (`scripts/balance.sh` gathers the rows of every scenario and difficulty into one table).
pub fn markdown(content: &Content, a: &Answer) -> String {
    let mut out = String::from(
        "| scenario | difficulty | routines x seeds | best: search wins | best: re-rank wins | best: fresh agreement | best: fresh war | mindless: fresh agreement | end week: fresh agreement | routines/s | games/s |\n|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} x {} | {}/{} | {}/{} | {} | {} | {} | {} | {:.0} | {:.0} |",
        a.scenario,
        a.difficulty,
        a.routines,
        a.batch,
        a.rows[0].search_wins,
        a.batch,
        a.rows[0].validation_wins,
        a.batch * VALIDATION_BATCHES,
        share(&a.rows[0].fresh, "agreement"),
        share(&a.rows[0].fresh, "war"),
        share(&a.rows[1].fresh, "agreement"),
        share(&a.rows[2].fresh, "agreement"),
        a.routines_per_sec,
        a.games_per_sec,
    );
    let _ = write!(
        out,
        "\nBest routine, {} {} (fresh seeds {}-{}):\n\n",
        a.scenario, a.difficulty, a.fresh_seeds.0, a.fresh_seeds.1
    );
    for line in describe(content, &a.rows[0].routine).lines() {
        let _ = writeln!(out, "    {line}");
    }
    out
}

/// A routine in words: its text, its week, its card answers.
pub fn describe(content: &Content, r: &Routine) -> String {
    let mut out = String::from("Text, drafted in week 1:\n");
    for (issue, clause) in search::drafted(r) {
        let _ = writeln!(out, "  {}", narrate::clause(content, issue, clause));
    }
    out.push_str("Every week:\n");
    let mut ended = false;
    for (n, verb) in r.week.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", n + 1, verb_name(content, verb));
        if *verb == Command::EndRound {
            ended = true;
            break;
        }
    }
    if !ended {
        let _ = writeln!(
            out,
            "  {}. {}",
            r.week.len() + 1,
            verb_name(content, &Command::EndRound)
        );
    }
    let _ = writeln!(out, "Cards: {}", cards(&r.cards));
    out
}

fn verb_name(content: &Content, verb: &Command) -> String {
    narrate::command(content, verb).unwrap_or_else(|| "end the week".to_string())
}

/// Card answers as a player counts them (option 1 is the first).
fn cards(plan: &CardPlan) -> String {
    match plan {
        CardPlan::Always(k) => format!("always option {} (or the last a card has)", k + 1),
        CardPlan::ByWeek(ks) => {
            let weeks: Vec<String> = ks
                .iter()
                .enumerate()
                .map(|(w, k)| format!("w{} {}", w + 1, k + 1))
                .collect();
            format!("by week, option {}", weeks.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Audience, Statement};

    #[test]
    fn the_mindless_routine_reads_as_the_issue_tells_it() {
        let content = Content::builtin();
        let text = describe(&content, &Routine::mindless(&content));
        for words in [
            "3.67% cap",
            "down-blend in Iran",
            "Additional Protocol + monitoring",
            "phased oil relief",
            "snap-back after joint review",
            "deferred",
            "1. tabled the text to both delegations",
            "2. public statement: urge restraint",
            "3. public statement: urge restraint",
            "4. end the week",
            "always option 1",
        ] {
            assert!(text.contains(words), "{words:?} missing from\n{text}");
        }
    }

    #[test]
    fn a_week_without_its_end_still_shows_the_end_and_by_week_cards_show_each_week() {
        let content = Content::builtin();
        let r = Routine {
            week: vec![
                Command::Statement(Statement::AnnounceProgress),
                Command::Table(Audience::Both),
            ],
            cards: CardPlan::ByWeek(vec![1, 0]),
            ..Routine::end_week(&content)
        };
        let text = describe(&content, &r);
        assert!(text.contains("3. end the week"), "{text}");
        assert!(text.contains("by week, option w1 2, w2 1"), "{text}");
    }
}
