//! The class comparison: many students' games merged into one summary — outcome counts, mean
//! scores, the texts most often tabled, and where games from the same scenario and seed
//! diverged — in Markdown, JSON, CSV or one HTML page with charts.

mod page;

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use super::model::Report;
use super::timeline::r3;
use crate::content::Content;
use crate::game::{Command, GameState};
use crate::narrate::command as command_line;

/// One student's game, as read from a save.
pub struct Entry<'a> {
    /// The save's file name, to tell games apart.
    pub name: String,
    pub content: &'a Content,
    pub state: &'a GameState,
    pub commands: &'a [Command],
    /// Why the save is not a verified record of play (`None` when it is).
    pub unverified: Option<String>,
}

/// The class summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClassSummary {
    pub games: usize,
    /// Every outcome key with its count (in-progress for unfinished games), over the verified
    /// games only; the scores and means below count only them too.
    pub outcomes: BTreeMap<String, u32>,
    /// Games whose saves are not verified records of play, counted apart, by outcome.
    pub unverified_outcomes: BTreeMap<String, u32>,
    pub mean_rounds: f64,
    /// Mean score of the agreements reached (0–100).
    pub mean_deal_points: Option<f64>,
    /// Mean gain over the walk-away value, per side, over the games that tabled a text.
    pub mean_gain_us: Option<f64>,
    pub mean_gain_iran: Option<f64>,
    pub mean_final_war_risk: f64,
    pub common_texts: Vec<TextCount>,
    pub divergences: Vec<Divergence>,
    pub game_list: Vec<GameLine>,
}

/// A text tabled in several games.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextCount {
    pub text: Vec<String>,
    /// Games that tabled it at least once.
    pub games: u32,
    /// Times it was tabled in all.
    pub times: u32,
}

/// Games that started alike (same scenario, seed and difficulty) and where they parted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Divergence {
    pub scenario: String,
    pub seed: u64,
    pub difficulty: String,
    pub games: Vec<String>,
    /// Commands every game of the group played alike before the first difference.
    pub shared_commands: usize,
    /// The week of the first difference (none if every game is the same so far).
    pub week: Option<u32>,
    /// The first differing move and the games that made it.
    pub branches: Vec<Branch>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Branch {
    pub choice: String,
    pub games: Vec<String>,
}

/// One game in a line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GameLine {
    pub name: String,
    pub scenario: String,
    pub seed: u64,
    pub outcome: String,
    pub points: Option<u32>,
    pub rounds: u32,
    pub texts_tabled: usize,
    pub reflections_answered: usize,
    /// Why the save is not a verified record of play (`None` when it is).
    pub unverified: Option<String>,
}

/// Outcome keys in the order they are shown.
const KEYS: [&str; 6] = [
    "agreement",
    "war",
    "walkout",
    "sidelined",
    "deadline",
    "in-progress",
];

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| r3(xs.iter().sum::<f64>() / xs.len() as f64))
}

/// Builds each game's report, then the summary.
pub fn summarise(entries: &[Entry]) -> ClassSummary {
    let reports: Vec<Report> = entries
        .iter()
        .map(|e| super::build(e.content, e.state, e.commands))
        .collect();
    build(entries, &reports)
}

/// Builds the summary from each game's report and command log.
pub fn build(entries: &[Entry], reports: &[Report]) -> ClassSummary {
    let mut outcomes: BTreeMap<String, u32> = KEYS.iter().map(|k| ((*k).to_string(), 0)).collect();
    let mut unverified_outcomes: BTreeMap<String, u32> = BTreeMap::new();
    let mut texts: BTreeMap<Vec<String>, (u32, u32)> = BTreeMap::new();
    let mut points = Vec::new();
    let (mut gain_us, mut gain_iran) = (Vec::new(), Vec::new());
    // An unverified game is listed and counted apart, never as an outcome of the class.
    let all = reports;
    let reports: Vec<&Report> = entries
        .iter()
        .zip(all)
        .filter(|(e, _)| e.unverified.is_none())
        .map(|(_, r)| r)
        .collect();
    for (e, r) in entries.iter().zip(all) {
        if e.unverified.is_some() {
            *unverified_outcomes
                .entry(r.outcome.key.clone())
                .or_insert(0) += 1;
        }
    }
    for r in &reports {
        *outcomes.entry(r.outcome.key.clone()).or_insert(0) += 1;
        if let Some(p) = r.outcome.points {
            points.push(f64::from(p));
        }
        for g in &r.gains {
            if let Some(v) = g.gain {
                if g.side == "US" {
                    gain_us.push(v);
                } else {
                    gain_iran.push(v);
                }
            }
        }
        let mut seen = Vec::new();
        for t in r.rounds.iter().flat_map(|w| &w.tabled) {
            let e = texts.entry(t.text.clone()).or_insert((0, 0));
            e.1 += 1;
            if !seen.contains(&&t.text) {
                seen.push(&t.text);
                e.0 += 1;
            }
        }
    }
    let mut common: Vec<TextCount> = texts
        .into_iter()
        .map(|(text, (games, times))| TextCount { text, games, times })
        .collect();
    common.sort_by(|a, b| {
        b.games
            .cmp(&a.games)
            .then(b.times.cmp(&a.times))
            .then(a.text.cmp(&b.text))
    });
    common.truncate(5);
    let n = reports.len().max(1) as f64;
    ClassSummary {
        games: all.len(),
        outcomes,
        unverified_outcomes,
        mean_rounds: r3(reports
            .iter()
            .map(|r| f64::from(r.rounds_played))
            .sum::<f64>()
            / n),
        mean_deal_points: mean(&points),
        mean_gain_us: mean(&gain_us),
        mean_gain_iran: mean(&gain_iran),
        mean_final_war_risk: r3(reports
            .iter()
            .filter_map(|r| {
                r.tracks
                    .iter()
                    .find(|t| t.id == "WarRisk")
                    .and_then(|t| t.values.last())
            })
            .map(|&v| f64::from(v))
            .sum::<f64>()
            / n),
        common_texts: common,
        divergences: divergences(entries),
        game_list: entries
            .iter()
            .zip(all)
            .map(|(e, r)| GameLine {
                name: e.name.clone(),
                scenario: r.scenario.clone(),
                seed: r.seed,
                outcome: r.outcome.key.clone(),
                points: r.outcome.points,
                rounds: r.rounds_played,
                texts_tabled: r.space.tabled.len(),
                reflections_answered: r.reflections.iter().filter(|f| f.answer.is_some()).count(),
                unverified: e.unverified.clone(),
            })
            .collect(),
    }
}

/// Groups games by scenario, seed and difficulty, and finds each group's first difference.
fn divergences(entries: &[Entry]) -> Vec<Divergence> {
    let mut groups: BTreeMap<(String, u64, String), Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        groups
            .entry((
                e.state.scenario_id.clone(),
                e.state.seed,
                e.state.difficulty.name().to_string(),
            ))
            .or_default()
            .push(e);
    }
    groups
        .into_iter()
        .map(|((scenario, seed, difficulty), games)| {
            // Reflections are not moves: leave them out when comparing play.
            let logs: Vec<Vec<&Command>> = games
                .iter()
                .map(|g| {
                    g.commands
                        .iter()
                        .filter(|c| !matches!(c, Command::Reflect { .. }))
                        .collect()
                })
                .collect();
            let shortest = logs.iter().map(Vec::len).min().unwrap_or(0);
            let shared = (0..shortest)
                .find(|&i| logs.iter().any(|l| l[i] != logs[0][i]))
                .unwrap_or(shortest);
            let differs = logs.iter().any(|l| l.len() != shared);
            let week = (differs && games.len() > 1).then(|| {
                1 + logs[0][..shared]
                    .iter()
                    .filter(|c| matches!(c, Command::EndRound))
                    .count() as u32
            });
            let mut branches: Vec<Branch> = Vec::new();
            if week.is_some() {
                for (g, log) in games.iter().zip(&logs) {
                    let choice = log.get(shared).map_or_else(
                        || "stopped here (game over or saved)".to_string(),
                        |c| describe(g.content, c),
                    );
                    match branches.iter_mut().find(|b| b.choice == choice) {
                        Some(b) => b.games.push(g.name.clone()),
                        None => branches.push(Branch {
                            choice,
                            games: vec![g.name.clone()],
                        }),
                    }
                }
            }
            Divergence {
                scenario,
                seed,
                difficulty,
                games: games.iter().map(|g| g.name.clone()).collect(),
                shared_commands: shared,
                week,
                branches,
            }
        })
        .collect()
}

fn describe(content: &Content, c: &Command) -> String {
    command_line(content, c).unwrap_or_else(|| match c {
        Command::EndRound => "ended the week".into(),
        Command::ChooseCardOption(n) => format!("chose option {} on the card", n + 1),
        _ => format!("{c:?}"),
    })
}

/// The games, one CSV row each.
pub fn csv(s: &ClassSummary) -> String {
    let mut out = String::from(
        "save,scenario,seed,outcome,points,weeks,texts_tabled,reflections_answered,verified\r\n",
    );
    for g in &s.game_list {
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{},{}\r\n",
            super::csv::field(&g.name),
            super::csv::field(&g.scenario),
            g.seed,
            g.outcome,
            g.points.map_or_else(String::new, |p| p.to_string()),
            g.rounds,
            g.texts_tabled,
            g.reflections_answered,
            if g.unverified.is_some() { "no" } else { "yes" }
        );
    }
    out
}

/// Renders the summary in a format.
pub fn render(s: &ClassSummary, format: super::Format) -> String {
    match format {
        super::Format::Markdown => page::markdown(s),
        super::Format::Json => {
            let mut j = serde_json::to_string_pretty(s).expect("invariant: the summary serialises");
            j.push('\n');
            j
        }
        super::Format::Csv => csv(s),
        super::Format::Html => page::html(s),
    }
}
