//! The delegations negotiating with each other and no mediator, to measure them as negotiators:
//! agreement rate, distance to the Nash point and the Pareto frontier, and deals below a
//! reservation value, over a sweep of walk-away values and personas (`muscat simulate
//! --bilateral`). Utilities are normalised to [0, 1] over the packages both sides may sign.

use serde::Serialize;

use super::{ratification, ratified, walkaway};
use crate::content::Content;
use crate::game::{self, Difficulty, Side};
use crate::model::{Choice, Persona};
use crate::negotiation::preferences::red_line_hits;
use crate::negotiation::{
    DealQuality, Frontier, Negotiator, OutcomePoint, Ranking, Space, Tactic, alternating_offers,
};

/// Offers each side may make before the session ends without a deal.
pub const STEPS: u32 = 60;

/// A shift of both walk-away values, as in the research benchmark's sweep.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Variant {
    pub name: &'static str,
    pub us: f64,
    pub iran: f64,
}

/// The walk-away sweep: the game's start, then war scare, maximum pressure, an emboldened Iran,
/// and hardliners on both sides.
pub const VARIANTS: [Variant; 5] = [
    Variant {
        name: "start of the game",
        us: 0.0,
        iran: 0.0,
    },
    Variant {
        name: "war scare",
        us: -0.08,
        iran: -0.08,
    },
    Variant {
        name: "maximum pressure",
        us: 0.04,
        iran: -0.10,
    },
    Variant {
        name: "Iran emboldened",
        us: -0.06,
        iran: 0.06,
    },
    Variant {
        name: "hardliners",
        us: 0.06,
        iran: 0.06,
    },
];

/// One session's result.
#[derive(Clone, Debug, Serialize)]
pub struct Session {
    pub variant: &'static str,
    pub us_persona: &'static str,
    pub iran_persona: &'static str,
    pub us_opens: bool,
    pub agreement: bool,
    /// Normalised utilities of the deal (US, Iran).
    pub utilities: Option<(f64, f64)>,
    pub to_nash: Option<f64>,
    pub to_pareto: Option<f64>,
    pub welfare: Option<f64>,
    /// The deal is below a side's reservation value.
    pub irrational: bool,
    pub offers: u32,
}

/// Means over many sessions.
#[derive(Clone, Debug, Serialize)]
pub struct BilateralSummary {
    pub sessions: usize,
    pub agreement_rate: f64,
    pub mean_to_nash: f64,
    pub mean_to_pareto: f64,
    pub mean_welfare: f64,
    pub below_reservation: usize,
    pub mean_offers: f64,
    pub rows: Vec<Session>,
}

/// What stays fixed across the sweep: the space, each side's signable set at the start of the
/// game, each side's ranking of it (built once, not once a session), and the normalisation.
struct Setup {
    space: Space,
    admissible: [Vec<bool>; 2],
    ranking: [Ranking; 2],
    range: [(f64, f64); 2],
    start_walkaway: [f64; 2],
}

impl Setup {
    fn new(content: &Content) -> Setup {
        let state = game::before_start(content, 0, Difficulty::Normal);
        let space = Space::new(&content.domain, &|i, c| state.is_available(content, i, c))
            .expect("invariant: content holds at most 20 options an issue");
        let admissible: [Vec<bool>; 2] = Side::BOTH.map(|side| {
            let profile = content.delegation(side);
            let lines = &state.delegation(side).red_lines;
            space
                .iter()
                .map(|p| {
                    red_line_hits(lines, p).is_empty()
                        && ratified(profile, &ratification(content, &state, side, p))
                })
                .collect()
        });
        let range = Side::BOTH.map(|side| {
            let prefs = &content.delegation(side).prefs;
            space
                .iter()
                .map(|p| prefs.utility(p))
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), u| {
                    (lo.min(u), hi.max(u))
                })
        });
        let start_walkaway =
            Side::BOTH.map(|side| walkaway(content.delegation(side), &state).value);
        let ranking = Side::BOTH.map(|side| {
            let mask = &admissible[side as usize];
            Ranking::new(&space, &content.delegation(side).prefs, &|p| {
                space.index_of(p).is_some_and(|i| mask[i])
            })
        });
        Setup {
            space,
            admissible,
            ranking,
            range,
            start_walkaway,
        }
    }

    fn normalise(&self, side: Side, u: f64) -> f64 {
        let (lo, hi) = self.range[side as usize];
        ((u - lo) / (hi - lo).max(1e-9)).clamp(0.0, 1.0)
    }
}

/// Runs the sweep: every variant × persona pair × opening order.
pub fn run(content: &Content) -> BilateralSummary {
    let setup = Setup::new(content);
    let both: Vec<usize> = (0..setup.space.len())
        .filter(|&i| setup.admissible[0][i] && setup.admissible[1][i])
        .collect();
    let pairs = [
        (Persona::Hawk, Persona::Pragmatist),
        (Persona::Pragmatist, Persona::Pragmatist),
        (Persona::Hawk, Persona::Hawk),
        (Persona::Dove, Persona::Dove),
        (Persona::Pragmatist, Persona::Hawk),
    ];
    let mut rows = Vec::new();
    for variant in VARIANTS {
        let r = [
            setup.start_walkaway[0] + variant.us,
            setup.start_walkaway[1] + variant.iran,
        ];
        let points: Vec<OutcomePoint> = both
            .iter()
            .map(|&i| point(content, &setup, setup.space.get(i)))
            .filter(|p| {
                p.a >= setup.normalise(Side::Us, r[0]) && p.b >= setup.normalise(Side::Iran, r[1])
            })
            .collect();
        let frontier = Frontier::from_points(points);
        let reservation = OutcomePoint {
            a: setup.normalise(Side::Us, r[0]),
            b: setup.normalise(Side::Iran, r[1]),
        };
        for (us_persona, iran_persona) in pairs {
            for us_opens in [true, false] {
                let mut us = negotiator(content, &setup, Side::Us, r[0], us_persona);
                let mut iran = negotiator(content, &setup, Side::Iran, r[1], iran_persona);
                let result = if us_opens {
                    alternating_offers(&setup.space, &mut us, &mut iran, STEPS)
                } else {
                    alternating_offers(&setup.space, &mut iran, &mut us, STEPS)
                };
                let quality = result.agreement.as_ref().map(|deal| {
                    DealQuality::of(&frontier, reservation, point(content, &setup, deal))
                });
                let irrational = result.agreement.as_ref().is_some_and(|deal| {
                    content.delegation(Side::Us).prefs.utility(deal) < r[0] - 1e-12
                        || content.delegation(Side::Iran).prefs.utility(deal) < r[1] - 1e-12
                });
                rows.push(Session {
                    variant: variant.name,
                    us_persona: us_persona.name(),
                    iran_persona: iran_persona.name(),
                    us_opens,
                    agreement: result.agreement.is_some(),
                    utilities: quality.map(|q| (q.deal.a, q.deal.b)),
                    to_nash: quality.map(|q| q.to_nash),
                    to_pareto: quality.map(|q| q.to_pareto),
                    welfare: quality.map(|q| q.welfare),
                    irrational,
                    offers: result.offers,
                });
            }
        }
    }
    summarise(rows)
}

fn point(content: &Content, setup: &Setup, p: &[Choice]) -> OutcomePoint {
    OutcomePoint {
        a: setup.normalise(Side::Us, content.delegation(Side::Us).prefs.utility(p)),
        b: setup.normalise(Side::Iran, content.delegation(Side::Iran).prefs.utility(p)),
    }
}

fn negotiator(
    content: &Content,
    setup: &Setup,
    side: Side,
    reservation: f64,
    persona: Persona,
) -> Negotiator {
    Negotiator::ranked(
        &setup.ranking[side as usize],
        content.delegation(side).prefs.clone(),
        reservation,
        Tactic::of(persona),
    )
}

fn summarise(rows: Vec<Session>) -> BilateralSummary {
    let deals: Vec<&Session> = rows.iter().filter(|r| r.agreement).collect();
    let mean = |f: &dyn Fn(&Session) -> f64| {
        if deals.is_empty() {
            f64::NAN
        } else {
            deals.iter().map(|r| f(r)).sum::<f64>() / deals.len() as f64
        }
    };
    BilateralSummary {
        sessions: rows.len(),
        agreement_rate: deals.len() as f64 / rows.len().max(1) as f64,
        mean_to_nash: mean(&|r| r.to_nash.unwrap_or(f64::NAN)),
        mean_to_pareto: mean(&|r| r.to_pareto.unwrap_or(f64::NAN)),
        mean_welfare: mean(&|r| r.welfare.unwrap_or(f64::NAN)),
        below_reservation: rows.iter().filter(|r| r.irrational).count(),
        mean_offers: rows.iter().map(|r| f64::from(r.offers)).sum::<f64>()
            / rows.len().max(1) as f64,
        rows,
    }
}
