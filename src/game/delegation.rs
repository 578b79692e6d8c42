//! How a delegation decides: its walk-away value from the state of the world (BATNA), its target
//! over time (Faratin concession moved by urgency, trust, goodwill and pressure), the ratification
//! check at home (Putnam), and its answer to a tabled text with complaints and a counter.

pub mod bilateral;
mod reply;

pub use reply::{Complaint, FactionCheck, Reply, Rule, Trend};

use crate::content::{Content, DelegationProfile};
use crate::game::{GameState, Side, TrackId};
use crate::model::{Choice, IssueId};
use crate::negotiation::Issue;
use crate::negotiation::domain::by_issue;
use crate::negotiation::preferences::red_line_hits;

/// A walk-away value and the tracks that moved it since the start.
#[derive(Clone, Debug, PartialEq)]
pub struct Walkaway {
    pub value: f64,
    pub drivers: Vec<(TrackId, f64)>,
}

/// How far a track has moved since the start, as a share of its full range.
fn moved(state: &GameState, track: TrackId) -> f64 {
    let (lo, hi) = track.range();
    f64::from(state.track(track) - state.tracks.start(track)) / f64::from(hi - lo)
}

/// r(s) = clip(base + Σ coefficient × Δtrack), with the per-track contributions.
pub fn walkaway(profile: &DelegationProfile, state: &GameState) -> Walkaway {
    let w = &profile.def.walkaway;
    let mut value = f64::from(w.base) / 100.0;
    let mut drivers = Vec::new();
    for (&track, &coef) in &w.drivers {
        let d = f64::from(coef) / 100.0 * moved(state, track);
        if d.abs() > 1e-9 {
            drivers.push((track, d));
        }
        value += d;
    }
    drivers.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    Walkaway {
        value: value.clamp(f64::from(w.min) / 100.0, f64::from(w.max) / 100.0),
        drivers,
    }
}

/// Urgency in [0, 1], 0.5 at the start: how much the world pushes this delegation to settle.
pub fn urgency(profile: &DelegationProfile, state: &GameState) -> f64 {
    let push: f64 = profile
        .def
        .urgency
        .iter()
        .map(|(&t, &c)| f64::from(c) / 100.0 * moved(state, t))
        .sum();
    (0.5 + push + state.delegation(profile.def.side).pressure).clamp(0.0, 1.0)
}

/// The best utility a delegation could get from texts on the table that avoid its own red lines
/// and, when `respect_other`, the other side's red lines too (pairwise terms left out).
pub fn best_attainable(
    content: &Content,
    state: &GameState,
    side: Side,
    respect_other: bool,
) -> f64 {
    let prefs = &content.delegation(side).prefs;
    let own = &state.delegation(side).red_lines;
    let other = &state.delegation(side.other()).red_lines;
    content
        .domain
        .issue_ids()
        .filter_map(|i| {
            prefs
                .best_on(i, |c| {
                    state.is_available(content, i, c)
                        && !own.contains(&(i, c))
                        && !(respect_other && other.contains(&(i, c)))
                })
                .map(|(_, v)| v)
        })
        .sum::<f64>()
        .min(1.0)
}

/// What a delegation hopes for before trust, goodwill and reciprocity, with its walk-away value:
/// u*(s) = u_max − g·(u_max − r), where g is its give (see [`crate::game::position`]): how far
/// pressure, deadlines, carrots and commitments have brought it down. Not the calendar: a week
/// that passes moves g only a little, so a side that is merely waited on does not come down.
pub fn aspiration(content: &Content, state: &GameState, side: Side) -> (f64, f64) {
    let profile = content.delegation(side);
    let d = state.delegation(side);
    let r = walkaway(profile, state).value;
    let top = best_attainable(content, state, side, false).max(r);
    (top - d.give.clamp(0.0, 1.0) * (top - r), r)
}

/// What the delegation still hopes for this round, never below its walk-away value: its
/// aspiration, lowered by trust in Oman, goodwill and reciprocity.
pub fn target(content: &Content, state: &GameState, side: Side) -> f64 {
    let d = state.delegation(side);
    let (base, r) = aspiration(content, state, side);
    let trust = f64::from(state.track(TrackId::trust_in_oman(side)) - 50) / 1000.0;
    // Reciprocity: a side that saw the other accept the last text gives a little more back.
    let accepted = if state
        .delegation(side.other())
        .last_reply
        .as_ref()
        .is_some_and(|r| r.accept && r.round + 1 >= state.round)
    {
        0.02
    } else {
        0.0
    };
    (base - trust - d.goodwill - accepted - d.reciprocity).max(r)
}

/// Each faction's verdict on a package.
pub fn ratification(
    content: &Content,
    state: &GameState,
    side: Side,
    package: &[Choice],
) -> Vec<FactionCheck> {
    content
        .delegation(side)
        .factions
        .iter()
        .map(|f| {
            let mobilised = if f.hardliners {
                state.delegation(side).mobilised
            } else {
                0.0
            };
            let bar = f.bar
                + mobilised
                + f.bar_drivers
                    .iter()
                    .map(|(&t, &c)| c * moved(state, t))
                    .sum::<f64>();
            let margin = f.prefs.utility(package) - bar;
            FactionCheck {
                faction: f.name.clone(),
                veto: f.veto,
                ok: margin >= 0.0,
                margin,
            }
        })
        .collect()
}

/// Whether the checks carry the vote: every veto player satisfied and the quorum reached.
pub(crate) fn ratified(profile: &DelegationProfile, checks: &[FactionCheck]) -> bool {
    let vetoes_ok = checks.iter().all(|c| !c.veto || c.ok);
    let share: f64 = profile
        .factions
        .iter()
        .zip(checks)
        .filter(|(_, c)| c.ok)
        .map(|(f, _)| f.weight)
        .sum();
    vetoes_ok && share + 1e-9 >= f64::from(profile.def.quorum) / 100.0
}

/// Steps between two choices on an issue: option distance, or 2 to or from deferral.
fn steps(issue: &Issue, a: Choice, b: Choice) -> u32 {
    if a == b {
        0
    } else if !issue.is_option(a) || !issue.is_option(b) {
        2
    } else {
        u32::from(a.0.abs_diff(b.0))
    }
}

/// A delegation's answer to a package tabled by Oman.
pub fn reply(content: &Content, state: &GameState, side: Side, package: &[Choice]) -> Reply {
    answer(content, state, side, package, true)
}

/// The same answer without its counter (left empty): the verdict and its reasons only, for a
/// look-ahead that needs no more (a graded idea), at a fraction of the cost.
pub fn verdict(content: &Content, state: &GameState, side: Side, package: &[Choice]) -> Reply {
    answer(content, state, side, package, false)
}

fn answer(
    content: &Content,
    state: &GameState,
    side: Side,
    package: &[Choice],
    with_counter: bool,
) -> Reply {
    let profile = content.delegation(side);
    let d = state.delegation(side);
    let prefs = &profile.prefs;
    let utility = prefs.utility(package);
    let hits = red_line_hits(&d.red_lines, package);
    let walk = walkaway(profile, state);
    let target = target(content, state, side);
    let checks = ratification(content, state, side, package);
    let rule = if !hits.is_empty() {
        Rule::RedLine
    } else if utility < walk.value {
        Rule::BelowWalkaway
    } else if utility < target {
        Rule::BelowTarget
    } else if !ratified(profile, &checks) {
        Rule::NotRatifiable
    } else {
        Rule::Accepted
    };
    let accept = rule == Rule::Accepted;
    let trend = match d.last_tabled {
        None => Trend::First,
        Some(last) if utility > last + 0.005 => Trend::Better,
        Some(last) if utility < last - 0.005 => Trend::Worse,
        Some(_) => Trend::Same,
    };
    let allowed =
        |i: IssueId, c: Choice| state.is_available(content, i, c) && !d.red_lines.contains(&(i, c));
    let mut complaints: Vec<Complaint> = by_issue(package)
        .filter_map(|(i, c)| {
            let (wants, best) = prefs.best_on(i, |x| allowed(i, x))?;
            let cost = best - prefs.weighted_value(i, c);
            (cost > 0.004).then_some(Complaint {
                issue: i,
                wants,
                cost,
            })
        })
        .collect();
    complaints.sort_by(|a, b| b.cost.total_cmp(&a.cost));
    complaints.truncate(3);
    let (counter, counter_short) = if accept || !with_counter {
        (Vec::new(), false)
    } else {
        counter(content, state, side, package, target.max(walk.value))
    };
    Reply {
        side,
        round: state.round,
        accept,
        rule,
        utility,
        target,
        walkaway: walk.value,
        walkaway_drivers: walk.drivers,
        trend,
        red_line_hits: hits,
        complaints,
        counter,
        counter_short,
        ratification: checks,
        other_move: d.other_move,
        other_cares_most: d.model.heaviest_issue(),
    }
}

/// The smallest change (one issue, else two) that would win this delegation's assent:
/// fewest issues, then fewest option steps, then the least greedy. When none would, the change
/// of one or two clauses that it values most (its ask for now), marked short.
fn counter(
    content: &Content,
    state: &GameState,
    side: Side,
    package: &[Choice],
    threshold: f64,
) -> (Vec<(IssueId, Choice)>, bool) {
    let profile = content.delegation(side);
    let d = state.delegation(side);
    let domain = &content.domain;
    let choices: Vec<Vec<Choice>> = domain
        .each_issue()
        .map(|(i, issue)| {
            issue
                .choices()
                .filter(|&c| {
                    c != package[i.index()]
                        && state.is_available(content, i, c)
                        && !d.red_lines.contains(&(i, c))
                        // Oman has told it: the other side will never sign this.
                        && !state.notebook.red_lines.contains(&(side.other(), i, c))
                })
                .collect()
        })
        .collect();
    // Issues where the text crosses a red line: a counter must change every one of them.
    let crossed: Vec<IssueId> = red_line_hits(&d.red_lines, package)
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    if crossed.len() > 2 {
        return (Vec::new(), false);
    }
    let fixes = |changed: &[IssueId]| crossed.iter().all(|i| changed.contains(i));
    // Pareto-seeking: among the changes that win its assent, the one it believes the other
    // side minds least (its frequency model), then the smallest, then the least greedy. The
    // cheap tests come first; the ratification vote only for a change that would be chosen.
    type Best = Option<(i64, u32, f64, Vec<(IssueId, Choice)>)>;
    let mut best: Best = None;
    // The ask when nothing small wins its assent: its own utility first (in hundredths), then
    // what it believes the other side minds least.
    type Ask = Option<(i64, i64, Vec<(IssueId, Choice)>)>;
    let mut ask: Ask = None;
    let consider = |best: &mut Best, ask: &mut Ask, p: &[Choice], change: &[(IssueId, Choice)]| {
        let u = profile.prefs.utility(p);
        if u < threshold {
            let mine = (u * 100.0).round() as i64;
            // The estimate only breaks ties: a change below the ask so far needs none.
            if ask.as_ref().is_some_and(|(m, _, _)| mine < *m) {
                return;
            }
            let other = (d.model.estimate(p) * 100.0).round() as i64;
            if ask
                .as_ref()
                .is_none_or(|(m, o, _)| mine > *m || (mine == *m && other > *o))
            {
                *ask = Some((mine, other, change.to_vec()));
            }
            return;
        }
        let cost: u32 = change
            .iter()
            .map(|&(i, c)| steps(domain.issue(i), package[i.index()], c))
            .sum();
        // In hundredths: smaller differences than that are noise in the model.
        let other = (d.model.estimate(p) * 100.0).round() as i64;
        let better = best.as_ref().is_none_or(|(bo, bc, bu, _)| {
            other > *bo || (other == *bo && (cost < *bc || (cost == *bc && u < *bu)))
        });
        if better && ratified(profile, &ratification(content, state, side, p)) {
            *best = Some((other, cost, u, change.to_vec()));
        }
    };
    let mut p = package.to_vec();
    for (i, cs) in domain.issue_ids().zip(&choices) {
        if !fixes(&[i]) {
            continue;
        }
        for &c in cs {
            p[i.index()] = c;
            consider(&mut best, &mut ask, &p, &[(i, c)]);
        }
        p[i.index()] = package[i.index()];
    }
    if let Some(b) = best {
        return (b.3, false);
    }
    // A bound on the utility a change of two issues can reach (each at its best choice, every
    // pairwise bonus won): a pair of issues that cannot reach the threshold nor the ask so far
    // is skipped, which changes no answer.
    let prefs = &profile.prefs;
    let here: Vec<f64> = by_issue(package)
        .map(|(i, c)| prefs.weighted_value(i, c))
        .collect();
    let top_on: Vec<f64> = domain
        .issue_ids()
        .zip(&choices)
        .map(|(i, cs)| {
            cs.iter()
                .map(|&c| prefs.weighted_value(i, c))
                .fold(f64::NEG_INFINITY, f64::max)
        })
        .collect();
    let base: f64 = here.iter().sum();
    let bonus: f64 = prefs.pairs.iter().map(|t| t.bonus.max(0.0)).sum();
    for (i, ci) in domain.issue_ids().zip(&choices) {
        for (j, cj) in domain.issue_ids().zip(&choices).skip(i.index() + 1) {
            if !fixes(&[i, j]) || ci.is_empty() || cj.is_empty() {
                continue;
            }
            let (a, b) = (i.index(), j.index());
            let bound =
                (base - here[a] - here[b] + top_on[a] + top_on[b] + bonus).clamp(0.0, 1.0) + 1e-9;
            if bound < threshold
                && ask
                    .as_ref()
                    .is_some_and(|(m, _, _)| ((bound * 100.0).round() as i64) < *m)
            {
                continue;
            }
            for &a in ci {
                p[i.index()] = a;
                for &b in cj {
                    p[j.index()] = b;
                    consider(&mut best, &mut ask, &p, &[(i, a), (j, b)]);
                }
                p[j.index()] = package[j.index()];
            }
            p[i.index()] = package[i.index()];
        }
    }
    match (best, ask) {
        (Some(b), _) => (b.3, false),
        (None, Some((_, _, change))) => (change, true),
        (None, None) => (Vec::new(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::game::{Difficulty, start as rules_start};
    use crate::negotiation::domain::tests::package;

    fn game() -> (Content, GameState) {
        let content = Content::builtin();
        let state = rules_start(&content, 7, Difficulty::Normal);
        (content, state)
    }

    /// A package with every issue at the given end of its options (0 = US end).
    fn extreme(content: &Content, us_end: bool) -> Vec<Choice> {
        content
            .domain
            .issues
            .iter()
            .map(|i| {
                let avail: Vec<Choice> = i.option_choices().filter(|&o| !i.is_locked(o)).collect();
                if us_end {
                    avail[0]
                } else {
                    *avail.last().expect("options")
                }
            })
            .collect()
    }

    #[test]
    fn each_side_rejects_the_others_dream_text() {
        let (content, state) = game();
        let us_dream = extreme(&content, true);
        let iran_dream = extreme(&content, false);
        let r = reply(&content, &state, Side::Iran, &us_dream);
        assert!(!r.accept);
        assert_eq!(r.rule, Rule::RedLine);
        assert!(!r.red_line_hits.is_empty());
        let r = reply(&content, &state, Side::Us, &iran_dream);
        assert!(!r.accept);
        assert!(!r.complaints.is_empty());
        assert!(r.complaints.windows(2).all(|w| w[0].cost >= w[1].cost));
    }

    #[test]
    fn accepted_texts_clear_walkaway_and_red_lines() {
        let (content, mut state) = game();
        // Delegations that have given all the way hope for no more than their walk-away
        // values, so many texts pass.
        for d in &mut state.delegations {
            d.give = 1.0;
        }
        let mut seen = 0;
        let mut n = 0u32;
        content
            .domain
            .for_each_package(&|i, c| state.is_available(&content, i, c), &mut |p| {
                // A spread-out sample of the space keeps the test quick in debug builds.
                n += 1;
                if !n.is_multiple_of(97) {
                    return;
                }
                for side in Side::BOTH {
                    let r = reply(&content, &state, side, p);
                    if r.accept {
                        seen += 1;
                        assert!(r.utility >= r.walkaway && r.utility >= r.target);
                        assert!(r.red_line_hits.is_empty());
                    }
                }
            })
            .unwrap();
        assert!(seen > 0, "some texts are acceptable at the deadline");
    }

    #[test]
    fn counter_wins_assent_when_offered() {
        let (content, mut state) = game();
        for d in &mut state.delegations {
            d.give = 0.9;
        }
        let mut checked = 0;
        // Middle-ground texts with a few clauses pushed to either end.
        for variant in 0..16u8 {
            let mut p = package(&[2, 1, 1, 2, 1, 4, 4, 3]);
            p[usize::from(variant % 5)] = Choice(if variant < 8 { 1 } else { 2 });
            for side in Side::BOTH {
                let r = reply(&content, &state, side, &p);
                if r.accept || r.counter.is_empty() || r.counter_short {
                    continue;
                }
                let mut fixed = p.clone();
                for &(i, c) in &r.counter {
                    fixed[i.index()] = c;
                }
                assert!(
                    reply(&content, &state, side, &fixed).accept,
                    "{side:?} counter {:?}",
                    r.counter
                );
                checked += 1;
            }
        }
        assert!(checked > 0, "no counter was offered at all");
    }

    #[test]
    fn war_risk_lowers_the_us_walkaway_with_a_driver() {
        let (content, mut state) = game();
        let before = walkaway(content.delegation(Side::Us), &state);
        state.tracks.shift(
            1,
            TrackId::WarRisk,
            40,
            crate::game::Cause::Drift(crate::game::Drift::Markets),
        );
        let after = walkaway(content.delegation(Side::Us), &state);
        assert!(after.value < before.value);
        assert_eq!(after.drivers[0].0, TrackId::WarRisk);
    }

    #[test]
    fn the_calendar_alone_barely_moves_hopes() {
        let (content, mut state) = game();
        let early = target(&content, &state, Side::Iran);
        state.round = state.deadline;
        let late = target(&content, &state, Side::Iran);
        assert!(
            (late - early).abs() < 1e-12,
            "no give, no change: {late} vs {early}"
        );
        state.delegations[Side::Iran as usize].give = 1.0;
        let given = target(&content, &state, Side::Iran);
        let walk = walkaway(content.delegation(Side::Iran), &state).value;
        assert!(given < early, "{given} < {early}");
        assert!(
            (given - walk).abs() < 0.03,
            "all the way down: {given} near {walk}"
        );
    }

    #[test]
    fn a_short_counter_asks_for_more_than_the_text_gives() {
        let (content, state) = game();
        // Early on hopes are high: no change of one or two clauses wins assent to a middle text.
        let p = package(&[2, 1, 1, 2, 1, 4, 4, 3]);
        let r = reply(&content, &state, Side::Us, &p);
        assert!(!r.accept);
        assert!(r.counter_short, "{:?}", r.counter);
        let mut asked = p.clone();
        for &(i, c) in &r.counter {
            asked[i.index()] = c;
        }
        let prefs = &content.delegation(Side::Us).prefs;
        assert!(prefs.utility(&asked) > prefs.utility(&p));
        assert!(prefs.utility(&asked) < r.target);
    }
}
