//! The after-action report as data: every field a renderer needs, already in the game's words,
//! so Markdown, JSON, CSV and HTML all say the same thing. Serialised as the JSON format.

use serde::Serialize;

/// The whole after-action report of one game.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub title: String,
    pub scenario: String,
    pub seed: u64,
    pub difficulty: String,
    /// Date of the last facts the scenario uses.
    pub cutoff: String,
    pub rounds_played: u32,
    pub deadline: u32,
    /// Commands in the game's log (Oman's moves, drafts and card choices).
    pub commands: usize,
    /// Whether the save it was made from is a verified record of play: `None` when the report
    /// was not made from a save file, `Some(None)` when verified, `Some(Some(why))` when not.
    pub unverified: Option<Option<String>>,
    pub outcome: OutcomeRecord,
    pub rounds: Vec<RoundRecord>,
    pub turning_points: Vec<TurningPoint>,
    pub final_text: Vec<ClauseRecord>,
    pub gains: Vec<GainRecord>,
    pub space: Space,
    pub tracks: Vec<TrackSeries>,
    pub concepts: Vec<ConceptRecord>,
    pub questions: Vec<String>,
    pub reflections: Vec<ReflectionRecord>,
    pub epilogue: Vec<EpilogueRecord>,
}

/// How the game ended (or that it is still going).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutcomeRecord {
    /// agreement, war, walkout, sidelined, deadline, or in-progress.
    pub key: String,
    pub title: String,
    /// The end screen's score of a deal (0–100).
    pub points: Option<u32>,
    pub nash_product: Option<f64>,
    pub pareto_distance: Option<f64>,
}

/// One week of play.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoundRecord {
    pub round: u32,
    pub cards: Vec<CardRecord>,
    /// Oman's moves, in order.
    pub moves: Vec<String>,
    pub tabled: Vec<Tabling>,
    /// What else happened: what Oman learned, red lines, unlocks, the delegations' own moves.
    pub news: Vec<String>,
    pub changes: Vec<ChangeRecord>,
}

/// An event card drawn, with its historical basis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CardRecord {
    pub id: String,
    pub title: String,
    /// A teacher's scripted inject rather than a draw.
    pub injected: bool,
    /// Oman's decision, when the card asked for one.
    pub choice: Option<String>,
    pub basis: String,
    pub source: String,
    pub confidence: String,
    /// When the facts happened, and where to read them (empty when the card gives none).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
}

/// A text put to the delegations, and their answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tabling {
    pub round: u32,
    /// "Issue: option", issue by issue.
    pub text: Vec<String>,
    /// The text's worth to the US and to Iran (0–1).
    pub utility: Point,
    pub replies: Vec<ReplyRecord>,
    /// Times this text was tabled in a row in the week with the same answers.
    pub times: u32,
}

/// A delegation's answer and its reasons.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReplyRecord {
    pub side: String,
    pub accept: bool,
    /// The rule that decided: red-line, below-walkaway, below-target, not-ratifiable, accepted.
    pub rule: String,
    pub reason: String,
    pub trend: String,
    pub utility: f64,
    pub walkaway: f64,
    pub target: f64,
    pub complaints: Vec<String>,
    /// The smallest change that would win its assent.
    pub counter: Option<String>,
}

/// One recorded change of a track, with its cause.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangeRecord {
    pub track: String,
    pub from: i32,
    pub to: i32,
    pub cause: String,
}

/// A moment that changed the course of the game.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TurningPoint {
    pub round: u32,
    pub what: String,
}

/// One clause of the final text against each side's red lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClauseRecord {
    pub issue: String,
    pub clause: String,
    /// "red line", "red line lifted in play", "acceptable" or "not drafted".
    pub us: String,
    pub iran: String,
}

/// A side's gain over its walk-away value (what its BATNA is worth to it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GainRecord {
    pub side: String,
    /// Which text the figures are for: "the deal", "the last text tabled", or "no text tabled".
    pub basis: String,
    pub utility: Option<f64>,
    pub walkaway: f64,
    pub gain: Option<f64>,
}

/// Utilities for the US (x) and Iran (y), 0–1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Point {
    pub us: f64,
    pub iran: f64,
}

/// The utility space: every text's worth to both sides, the frontier and the landmarks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Space {
    /// Texts both could sign (no red line crossed, every option on the table) that no other
    /// such text beats for both sides.
    pub frontier: Vec<Point>,
    /// Walk-away values at the end of the game.
    pub walkaway: Point,
    pub nash: Option<Point>,
    pub kalai_smorodinsky: Option<Point>,
    pub deal: Option<Point>,
    /// Every text tabled, in order.
    pub tabled: Vec<Point>,
    /// Cells (of a `CLOUD` × `CLOUD` grid) holding at least one possible text; drawn, not exported.
    #[serde(skip)]
    pub cloud: Vec<(u16, u16)>,
}

/// Grid size of the cloud of possible texts.
pub const CLOUD: u16 = 40;

/// The history of one track: its start value, then one point per finished week, then where it
/// stands at the end (or now) when the game stopped during a week.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrackSeries {
    pub id: String,
    pub name: String,
    pub min: i32,
    pub max: i32,
    pub values: Vec<i32>,
    /// The range's ends as the screens write them ("0%", "$160"), for the chart's axis.
    #[serde(skip)]
    pub labels: [String; 2],
    /// What the last value is when it is not a week's end: "end" or "now".
    #[serde(skip)]
    pub last: Option<&'static str>,
}

/// A glossary concept met in play, with where.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConceptRecord {
    pub id: String,
    pub term: String,
    pub definition: String,
    pub source: String,
    pub rounds: Vec<u32>,
    /// How it came up, one line per kind of encounter.
    pub seen_in: Vec<String>,
}

/// A reflection prompt and the player's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReflectionRecord {
    pub id: String,
    /// "week 2" or "the end".
    pub at: String,
    pub prompt: String,
    pub answer: Option<String>,
    pub answered_in_round: Option<u32>,
}

/// What really happened after the information cutoff.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EpilogueRecord {
    pub date: String,
    pub text: String,
    pub source: String,
    pub confidence: String,
}

impl Report {
    /// Whether any card of the game links to its sources (then the report says how to read them).
    pub fn cites_sources(&self) -> bool {
        self.rounds
            .iter()
            .flat_map(|r| &r.cards)
            .any(|c| !c.url.is_empty())
    }
}
