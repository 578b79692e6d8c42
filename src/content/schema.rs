//! The shapes of the RON files in `assets/`: scenario, negotiation space, delegations, event
//! cards and glossary. Every struct denies unknown fields, so a typo is an error, not a silence.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::HistoryDate;
use crate::model::{Persona, Side, TrackId};
use crate::negotiation::Issue;

/// `assets/domain.ron`: the issues on the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainFile {
    pub version: u32,
    pub issues: Vec<Issue>,
}

/// An optional field that authors write as a plain value (`date: "2026-02-06"`, not
/// `Some("2026-02-06")`): left out, it is `None`.
fn written_plain<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// What a delegation thinks of one issue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueStance {
    /// Relative importance (any positive scale; normalised at load).
    pub weight: u32,
    /// Value 0–100 of each option, in the domain's order.
    pub values: Vec<u32>,
    /// Value 0–100 of leaving the issue for later (only on deferrable issues).
    #[serde(default)]
    pub deferred: Option<u32>,
}

/// Something that can lift a red line during play.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lift {
    /// Oman's off-the-record session on defence matters.
    OffTheRecord,
}

/// An option a delegation will not sign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedLineDef {
    pub issue: String,
    pub option: String,
    /// Why, in the delegation's own view (shown once Oman learns the red line).
    pub reason: String,
    #[serde(default)]
    pub lifted_by: Option<Lift>,
    /// A contested red line: held only in this share of games (percent), drawn from the seed, so
    /// Oman cannot learn one text that fits every game.
    #[serde(default)]
    pub chance: Option<u32>,
}

/// A bonus when two options come together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairDef {
    pub a: (String, String),
    pub b: (String, String),
    /// Utility points (0–100 scale) added when both appear.
    pub bonus: i32,
}

/// r(s) = clip(base + Σ coefficient × (track − start) / span, min, max).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WalkawayDef {
    /// Walk-away value (0–100) at the start of the scenario.
    pub base: u32,
    pub min: u32,
    pub max: u32,
    /// Points of walk-away value per full-range move of a track.
    pub drivers: BTreeMap<TrackId, i32>,
}

/// A domestic faction that must ratify a deal (Putnam's Level II).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactionDef {
    pub id: String,
    pub name: String,
    /// Share of the ratification vote (0–100).
    pub weight: u32,
    /// A veto player must be satisfied whatever the vote.
    #[serde(default)]
    pub veto: bool,
    /// Utility (0–100) the faction needs from a deal.
    pub bar: u32,
    /// How much more (or less) this faction cares about an issue than its delegation, in percent.
    #[serde(default)]
    pub emphasis: BTreeMap<String, u32>,
    /// Bar points per full-range move of a track (hardliners harden as unrest grows, …).
    #[serde(default)]
    pub bar_drivers: BTreeMap<TrackId, i32>,
    /// Hardliners: their bar rises when their capital is seen to bend (public commitments,
    /// pressure relayed under threat) and falls back when the talks stay quiet.
    #[serde(default)]
    pub hardliners: bool,
}

/// `assets/delegations/*.ron`: one AI delegation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DelegationDef {
    pub version: u32,
    pub id: String,
    pub side: Side,
    pub name: String,
    pub leader: String,
    pub persona: Persona,
    /// Urgency: how much each track (per full range, signed) speeds up concession.
    pub urgency: BTreeMap<TrackId, i32>,
    pub issues: BTreeMap<String, IssueStance>,
    #[serde(default)]
    pub pairs: Vec<PairDef>,
    pub red_lines: Vec<RedLineDef>,
    pub walkaway: WalkawayDef,
    pub factions: Vec<FactionDef>,
    /// Share of faction weight (0–100) a deal needs to be ratified.
    pub quorum: u32,
    /// Starting patience with the talks (0–100); the delegation walks out at 0. The US delegation
    /// uses the US patience track instead.
    pub patience: u32,
}

/// How sure the historical record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    pub fn letter(self) -> char {
        match self {
            Confidence::High => 'H',
            Confidence::Medium => 'M',
            Confidence::Low => 'L',
        }
    }
}

/// The history a card is drawn from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    pub text: String,
    pub source: String,
    pub confidence: Confidence,
    /// When the facts happened (or were reported). `muscat check` requires it and refuses a
    /// date after the scenario's `cutoff_date` unless the card is `hindsight`.
    #[serde(default, deserialize_with = "written_plain")]
    pub date: Option<HistoryDate>,
    /// Where a reader can check the facts: the first source's page.
    #[serde(default, deserialize_with = "written_plain")]
    pub url: Option<String>,
    /// Facts from after the cutoff, kept for the debrief: never drawn as news.
    #[serde(default)]
    pub hindsight: bool,
}

/// Kinds of news.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Category {
    Military,
    Economy,
    Domestic,
    Regional,
    Nuclear,
    Diplomacy,
}

/// When a card can be drawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    TrackAtLeast(TrackId, i32),
    TrackAtMost(TrackId, i32),
    RoundAtLeast(u32),
    RoundAtMost(u32),
    /// The card with this id has already been drawn.
    Drawn(String),
    /// The card with this id has not been drawn.
    NotDrawn(String),
    /// This option (issue id, option id) has been unlocked.
    Unlocked(String, String),
    /// A move of coercive diplomacy stands (what crises answer).
    Signal(Signal),
}

/// Coercive moves a crisis answers, read from the state when a week begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Signal {
    /// A US ultimatum with a deadline is running.
    UltimatumRunning,
    /// The US ultimatum runs out within this many weeks.
    UltimatumWithin(u32),
    /// The US offered a carrot last week.
    CarrotOffered,
    /// Iran threatened the Strait of Hormuz last week.
    HormuzThreat,
    /// Iran retaliated last week for a threat carried out.
    Retaliation,
    /// The US screw has turned at least this many weeks.
    ScrewTurned(u32),
}

/// What a card does. A closed set: new kinds of effect are new variants with tests.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CardEffect {
    /// Moves a track.
    Track(TrackId, i32),
    /// Moves a delegation's patience with the talks.
    Patience(Side, i32),
    /// A delegation adds a red line (issue id, option id).
    AddRedLine(Side, String, String),
    /// A delegation drops a red line (issue id, option id).
    LiftRedLine(Side, String, String),
    /// An option becomes available (issue id, option id).
    Unlock(String, String),
    /// Makes another card more likely to come up (card id, weight added).
    FollowUp(String, u32),
    /// Inspectors see for themselves: the US view of breakout time moves this many percent
    /// (1-100) of the way to the true value, whichever way the truth lies.
    Verify(u32),
    /// A delegation comes down from its hopes towards its walk-away (percent of give, 1-30;
    /// negative: it digs in), scaled like any other push by persona and urgency.
    Give(Side, i32),
    /// A delegation's hardliners raise their bar at home (percent of utility, -25 to 25).
    Hardliners(Side, i32),
    /// The US ultimatum's deadline moves by this many weeks (buying time, or cutting it short);
    /// nothing when no ultimatum runs.
    Deadline(i32),
}

/// A decision the card asks of Oman.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardChoice {
    pub label: String,
    pub effects: Vec<CardEffect>,
}

/// One event card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub text: String,
    pub basis: Basis,
    pub category: Category,
    /// Relative chance of being drawn when its conditions hold.
    pub weight: u32,
    /// A one-shot card leaves the deck once drawn; others can recur.
    #[serde(default = "yes")]
    pub once: bool,
    #[serde(default)]
    pub when: Vec<Condition>,
    #[serde(default)]
    pub effects: Vec<CardEffect>,
    #[serde(default)]
    pub choices: Vec<CardChoice>,
    /// Glossary ids this card illustrates.
    #[serde(default)]
    pub concepts: Vec<String>,
}

fn yes() -> bool {
    true
}

/// `assets/cards/*.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardFile {
    pub version: u32,
    pub cards: Vec<Card>,
}

/// `assets/crises/*.ron`: crises, cards that break when their conditions hold rather than by
/// draw, at most once a game, and take the week's card slot. Every crisis asks Oman to choose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisFile {
    pub version: u32,
    pub crises: Vec<Card>,
}

/// A glossary concept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    pub term: String,
    pub definition: String,
    pub source: String,
}

/// `assets/glossary.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub version: u32,
    pub concepts: Vec<Concept>,
}

/// A card forced into play by the scenario (a teacher's scripted inject). It replaces the week's
/// random draw in the first week, from `round` on, in which all its conditions hold, and fires
/// once. A card named by any inject is never drawn at random, so the lesson lands when scripted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inject {
    /// The earliest week; 0 means from the start (useful with conditions).
    #[serde(default)]
    pub round: u32,
    pub card: String,
    /// Conditions that must also hold (e.g. war risk past a threshold), in the cards' language.
    #[serde(default)]
    pub when: Vec<Condition>,
}

/// What really happened after the information cutoff (for the debrief).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EpilogueItem {
    pub date: String,
    pub text: String,
    pub source: String,
    pub confidence: Confidence,
}

/// When a reflection prompt comes up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Checkpoint {
    /// When this week (round) begins.
    Round(u32),
    /// When the talks are over, whatever the outcome.
    End,
}

/// A journal prompt for the player ("a cable to Muscat"), answered in the game and saved into
/// the after-action report. A teacher picks the checkpoints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReflectionDef {
    pub id: String,
    pub at: Checkpoint,
    pub prompt: String,
}

/// `assets/scenarios/*.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub version: u32,
    pub id: String,
    pub title: String,
    pub briefing: String,
    /// Date of the last facts the scenario uses, in words for the screens.
    pub cutoff: String,
    /// The same date for checks: no card in the deck may be dated after it.
    #[serde(default, deserialize_with = "written_plain")]
    pub cutoff_date: Option<HistoryDate>,
    /// Rounds (weeks) before the deadline.
    pub deadline: u32,
    pub action_points: u32,
    pub tracks: BTreeMap<TrackId, i32>,
    /// Delegation ids, one per side.
    pub delegations: Vec<String>,
    /// Card ids in the deck; empty means every card.
    #[serde(default)]
    pub deck: Vec<String>,
    #[serde(default)]
    pub injects: Vec<Inject>,
    #[serde(default)]
    pub epilogue: Vec<EpilogueItem>,
    /// Journal prompts at checkpoints, answered in play and saved into the report.
    #[serde(default)]
    pub reflections: Vec<ReflectionDef>,
}
