//! How a game ends, and the score of an agreement: each side's gain over its walk-away value,
//! the Nash product, the distance to the Pareto frontier, durability and the state of the region.

use serde::{Deserialize, Serialize};

use super::Side;
use super::delegation;
use super::state::GameState;
use super::track::TrackId;
use crate::content::Content;
use crate::model::{Choice, IssueId};
use crate::negotiation::{Frontier, OutcomePoint, Package};

/// Interim (some issues deferred) or comprehensive ("grand bargain").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DealKind {
    Interim,
    Comprehensive,
}

/// The measures of a signed deal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub kind: DealKind,
    pub package: Package,
    /// Utility of the deal for the US and for Iran.
    pub utility: (f64, f64),
    /// Walk-away values at signature.
    pub walkaway: (f64, f64),
    pub nash_product: f64,
    /// Distance to the Pareto frontier of the texts both could sign (0 = nothing left on the table).
    pub pareto_distance: f64,
    /// Smallest ratification margin of any faction: how close the deal came to failing at home.
    pub durability: f64,
    pub war_risk: i32,
    pub oil: i32,
    pub credibility: i32,
    /// 0–100 summary for the end screen.
    pub points: u32,
}

/// How a game ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Agreement(Score),
    War,
    Walkout(Side),
    Sidelined,
    Deadline,
}

/// The chance that war breaks out as a week ends at this war risk: none up to 50%, rising as the
/// square of the excess to 60% at 99%, certain at 100%. The debrief quotes it when war came.
pub fn war_chance(war_risk: i32) -> f64 {
    if war_risk >= 100 {
        1.0
    } else if war_risk > 50 {
        let x = f64::from(war_risk - 50) / 50.0;
        0.6 * x * x
    } else {
        0.0
    }
}

impl Outcome {
    /// Stable short name (used by `simulate --json`).
    pub fn key(&self) -> &'static str {
        match self {
            Outcome::Agreement(_) => "agreement",
            Outcome::War => "war",
            Outcome::Walkout(_) => "walkout",
            Outcome::Sidelined => "sidelined",
            Outcome::Deadline => "deadline",
        }
    }

    /// How it ended, without the measures of a deal: what a save's summary keeps.
    pub fn ending(&self) -> Ending {
        match self {
            Outcome::Agreement(s) => Ending::Agreement(s.kind),
            Outcome::War => Ending::War,
            Outcome::Walkout(side) => Ending::Walkout(*side),
            Outcome::Sidelined => Ending::Sidelined,
            Outcome::Deadline => Ending::Deadline,
        }
    }
}

/// The kind of ending alone, as a save's summary and the start menu name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ending {
    Agreement(DealKind),
    War,
    Walkout(Side),
    Sidelined,
    Deadline,
}

/// Scores a package both sides signed and their factions ratified.
pub fn score(content: &Content, state: &GameState, package: &[Choice]) -> Score {
    let us = &content.delegation(Side::Us).prefs;
    let ir = &content.delegation(Side::Iran).prefs;
    let signable = |i: IssueId, c: Choice| state.is_signable(content, i, c);
    let frontier = Frontier::of(&content.domain, us, ir, &signable);
    let pareto_distance = frontier.distance(OutcomePoint {
        a: us.utility(package),
        b: ir.utility(package),
    });
    scored(content, state, package, pareto_distance)
}

/// A deal without its quality: no distance to the Pareto frontier (NaN) and no points. The
/// advisor's futures count deals; the frontier, which weighs every text, is most of a deal's cost.
pub(super) fn unscored(content: &Content, state: &GameState, package: &[Choice]) -> Score {
    Score {
        pareto_distance: f64::NAN,
        points: 0,
        ..scored(content, state, package, 0.0)
    }
}

/// The score of a deal at a given distance to the Pareto frontier.
fn scored(content: &Content, state: &GameState, package: &[Choice], pareto_distance: f64) -> Score {
    let us = &content.delegation(Side::Us).prefs;
    let ir = &content.delegation(Side::Iran).prefs;
    let utility = (us.utility(package), ir.utility(package));
    let walkaway = (
        delegation::walkaway(content.delegation(Side::Us), state).value,
        delegation::walkaway(content.delegation(Side::Iran), state).value,
    );
    let durability = Side::BOTH
        .iter()
        .flat_map(|&s| delegation::ratification(content, state, s, package))
        .map(|c| c.margin)
        .fold(f64::INFINITY, f64::min);
    let gain = (utility.0 - walkaway.0)
        .min(utility.1 - walkaway.1)
        .max(0.0);
    let war_risk = state.track(TrackId::WarRisk);
    let credibility = state.track(TrackId::OmanCredibility);
    let points = 100.0
        * (0.35 * (gain / 0.3).min(1.0)
            + 0.3 * (1.0 - pareto_distance * 5.0).max(0.0)
            + 0.15 * (1.0 - f64::from(war_risk) / 100.0)
            + 0.1 * (f64::from(credibility) / 100.0)
            + 0.1 * (durability * 5.0).clamp(0.0, 1.0));
    Score {
        kind: if package
            .iter()
            .zip(&content.domain.issues)
            .any(|(&c, i)| Some(c) == i.deferred_choice())
        {
            DealKind::Interim
        } else {
            DealKind::Comprehensive
        },
        package: package.to_vec(),
        utility,
        walkaway,
        nash_product: (utility.0 - walkaway.0).max(0.0) * (utility.1 - walkaway.1).max(0.0),
        pareto_distance,
        durability,
        war_risk,
        oil: state.track(TrackId::Oil),
        credibility,
        points: points.round().clamp(0.0, 100.0) as u32,
    }
}
