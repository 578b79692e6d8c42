//! The classroom kit: the after-action report of one game and the comparison of a class's
//! games. A pure model is built from the content, the saved state and its command log (nothing
//! is replayed, so a report stays true to the game that was played), then rendered as Markdown,
//! JSON, CSV or one self-contained HTML page with inline SVG charts. Only [`write_beside_save`] touches files.

mod analysis;
pub mod class;
mod csv;
mod file;
pub mod handout;
mod html;
mod markdown;
mod model;
mod svg;
mod timeline;

pub use file::{WriteError, write_beside_save};
pub use model::*;

use crate::content::{Checkpoint, Content};
use crate::game::{Command, GameState, TrackId, reflect};

/// How a reader follows a card's sources, said once per report that links to them.
const SOURCE_CODES: &str = "Sources: each card gives the date of its facts and a link to the first \
     report of them; codes such as [G6] name entries of the game's fact sheet (docs/sources.md: \
     each entry's date, outlets and links). Many links are to copies of wire stories; the outlet \
     named before \"via\" is the original.";

/// The formats a report can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Csv,
    Html,
}

impl Format {
    /// The file extension, which is also the name `--format` takes.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }
}

/// Builds the report of a game from its state and the commands that led to it.
pub fn build(content: &Content, state: &GameState, commands: &[Command]) -> Report {
    let rounds = timeline::rounds(content, state, commands);
    let tabled: Vec<Point> = rounds
        .iter()
        .flat_map(|r| r.tabled.iter().map(|t| t.utility))
        .collect();
    let walkaway = analysis::walkaways(content, state);
    let gains = analysis::gains(state, walkaway, tabled.last().copied());
    let concepts = analysis::concepts(content, state);
    let scenario = &content.scenario;
    Report {
        title: scenario.title.clone(),
        scenario: state.scenario_id.clone(),
        seed: state.seed,
        difficulty: state.difficulty.name().to_string(),
        cutoff: scenario.cutoff.clone(),
        rounds_played: state.round,
        deadline: state.deadline,
        commands: commands.len(),
        unverified: None,
        outcome: outcome(state),
        turning_points: analysis::turning_points(content, state, &rounds),
        final_text: analysis::final_text(content, state),
        gains,
        space: analysis::space(content, state, walkaway, tabled),
        tracks: TrackId::ALL
            .iter()
            .map(|&t| {
                let mut values = state.tracks.history(t).to_vec();
                // A game that stopped during a week has no point for it yet: add where it stands.
                let last = (values.len() <= state.round as usize).then(|| {
                    values.push(state.tracks.get(t));
                    if state.is_over() { "end" } else { "now" }
                });
                let (min, max) = t.range();
                TrackSeries {
                    id: format!("{t:?}"),
                    name: t.name().to_string(),
                    min,
                    max,
                    values,
                    labels: [
                        crate::narrate::track_value(t, min),
                        crate::narrate::track_value(t, max),
                    ],
                    last,
                }
            })
            .collect(),
        questions: analysis::questions(state, &concepts),
        concepts,
        reflections: scenario
            .reflections
            .iter()
            .map(|p| {
                let answer = reflect::answer(state, &p.id);
                ReflectionRecord {
                    id: p.id.clone(),
                    at: match p.at {
                        Checkpoint::Round(n) => format!("week {n}"),
                        Checkpoint::End => "the end".into(),
                    },
                    prompt: p.prompt.clone(),
                    answer: answer.map(|a| a.text.clone()),
                    answered_in_round: answer.map(|a| a.round),
                }
            })
            .collect(),
        epilogue: scenario
            .epilogue
            .iter()
            .map(|e| EpilogueRecord {
                date: e.date.clone(),
                text: e.text.clone(),
                source: e.source.clone(),
                confidence: crate::narrate::confidence(e.confidence).to_string(),
            })
            .collect(),
        rounds,
    }
}

/// The line that says whether the save behind a report is a verified record of play (none when
/// the report was not made from a save file).
pub fn record_line(r: &Report) -> Option<String> {
    r.unverified.as_ref().map(|why| match why {
        None => "Verified save: its command log replays from its seed to exactly this game.".into(),
        Some(why) => {
            format!("UNVERIFIED SAVE: {why}. Its outcome is not a verified record of play.")
        }
    })
}

fn outcome(state: &GameState) -> OutcomeRecord {
    match state.outcome() {
        Some(o) => {
            let score = match o {
                crate::game::Outcome::Agreement(s) => Some(s),
                _ => None,
            };
            OutcomeRecord {
                key: o.key().to_string(),
                title: crate::narrate::outcome_title(o),
                points: score.map(|s| s.points),
                nash_product: score.map(|s| timeline::r3(s.nash_product)),
                pareto_distance: score.map(|s| timeline::r3(s.pareto_distance)),
            }
        }
        None => OutcomeRecord {
            key: "in-progress".into(),
            title: format!("In progress: week {} of {}", state.round, state.deadline),
            points: None,
            nash_product: None,
            pareto_distance: None,
        },
    }
}

/// Renders a report in a format.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Markdown => markdown::render(report),
        Format::Json => {
            let mut s =
                serde_json::to_string_pretty(report).expect("invariant: the report serialises");
            s.push('\n');
            s
        }
        Format::Csv => csv::render(report),
        Format::Html => html::render(report),
    }
}
