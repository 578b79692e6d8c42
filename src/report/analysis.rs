//! The debrief's judgements on a game: turning points, the final text against each side's red
//! lines, each side's gain over its walk-away value, the utility space with the Pareto frontier,
//! the Nash and Kalai–Smorodinsky points, and the concepts met in play.

use std::collections::BTreeMap;

use crate::content::Content;
use crate::game::delegation;
use crate::game::{CaucusKind, Clause, Event, GameState, Outcome, Side, TrackId};
use crate::model::{Choice, IssueId};
use crate::negotiation::{Frontier, OutcomePoint};

use super::model::{
    CLOUD, ClauseRecord, ConceptRecord, GainRecord, Point, RoundRecord, Space, TurningPoint,
};
use super::timeline::r3;
use crate::narrate::choice;

/// A war-risk move in one week at least this big is a turning point.
const WAR_SWING: i32 = 8;

fn point(p: OutcomePoint) -> Point {
    Point {
        us: r3(p.a),
        iran: r3(p.b),
    }
}

/// The moments that changed the course of the game, oldest first.
pub fn turning_points(
    content: &Content,
    state: &GameState,
    rounds: &[RoundRecord],
) -> Vec<TurningPoint> {
    let mut points = Vec::new();
    let war = state.tracks.history(TrackId::WarRisk);
    for (i, pair) in war.windows(2).enumerate() {
        let delta = pair[1] - pair[0];
        if delta.abs() >= WAR_SWING {
            let round = i as u32 + 1;
            let cause = rounds
                .get(i)
                .and_then(|r| biggest_cause(r, TrackId::WarRisk.name()))
                .map_or_else(String::new, |c| format!(", mostly from {c}"));
            points.push(TurningPoint {
                round,
                what: format!(
                    "war risk {} from {}% to {}%{cause}",
                    if delta > 0 { "jumped" } else { "fell" },
                    pair[0],
                    pair[1]
                ),
            });
        }
    }
    let mut first_accept = [false, false];
    for (round, event) in &state.log {
        let what = match event {
            Event::Replied(r) if r.accept && !first_accept[r.side as usize] => {
                first_accept[r.side as usize] = true;
                format!(
                    "the {} delegation accepted a text for the first time",
                    r.side.name()
                )
            }
            Event::RedLineAdded { side, .. } | Event::RedLineLifted { side, .. } => {
                let verb = if matches!(event, Event::RedLineAdded { .. }) {
                    "drew"
                } else {
                    "lifted"
                };
                let (issue, option) = match event {
                    Event::RedLineAdded { issue, option, .. }
                    | Event::RedLineLifted { issue, option, .. } => (*issue, *option),
                    _ => continue,
                };
                format!(
                    "{} {verb} a red line on {}",
                    side.name(),
                    choice(content, issue, option)
                )
            }
            Event::ErrandDone {
                errand,
                success: true,
            } => format!(
                "a third party came through: {}",
                crate::narrate::errand_name(*errand)
            ),
            Event::OffTheRecordHeld => {
                "the off-the-record session opened a parallel track on defence matters".into()
            }
            Event::RatificationFailed { side, faction } => format!(
                "both sides said yes, but {faction} blocked the deal in {}",
                crate::narrate::capital(*side)
            ),
            Event::Ended(outcome) => crate::narrate::outcome_title(outcome),
            _ => continue,
        };
        points.push(TurningPoint {
            round: *round,
            what,
        });
    }
    points.sort_by_key(|p| p.round);
    points
}

/// The cause that moved a track most in one week, by name.
fn biggest_cause(round: &RoundRecord, track: &str) -> Option<String> {
    let mut by_cause: BTreeMap<&str, i32> = BTreeMap::new();
    for c in round.changes.iter().filter(|c| c.track == track) {
        *by_cause.entry(c.cause.as_str()).or_insert(0) += c.to - c.from;
    }
    by_cause
        .into_iter()
        .max_by_key(|(_, d)| d.abs())
        .map(|(c, _)| c.to_string())
}

/// The final text, issue by issue, against each side's red lines.
pub fn final_text(content: &Content, state: &GameState) -> Vec<ClauseRecord> {
    let text = match state.outcome() {
        Some(Outcome::Agreement(score)) => {
            crate::game::Text::from_package(&content.domain, &score.package)
        }
        _ => state.text.clone(),
    };
    content
        .domain
        .each_issue()
        .zip(&text.clauses)
        .map(|((i, issue), clause)| {
            let picked = clause.choice(issue);
            let verdict = |side: Side| -> String {
                let Some(c) = picked else {
                    return if issue.deferrable {
                        "deferred".into()
                    } else {
                        "not drafted".into()
                    };
                };
                let now = state.delegation(side).red_lines.contains(&(i, c));
                let at_start =
                    crate::game::opening_red_lines(content, state.seed, state.difficulty)
                        [side as usize]
                        .contains(&(i, c));
                match (now, at_start) {
                    (true, _) => "red line".into(),
                    (false, true) => "red line lifted in play".into(),
                    (false, false) => "acceptable".into(),
                }
            };
            ClauseRecord {
                issue: issue.name.clone(),
                clause: match clause {
                    Clause::Option(o) => issue.choice_label(*o).to_string(),
                    Clause::Deferred => "deferred".into(),
                    Clause::Open if issue.deferrable => "deferred".into(),
                    Clause::Open => "not drafted".into(),
                },
                us: verdict(Side::Us),
                iran: verdict(Side::Iran),
            }
        })
        .collect()
}

/// Walk-away values at the end of the game (the state carries every track they depend on).
pub fn walkaways(content: &Content, state: &GameState) -> Point {
    match state.outcome() {
        Some(Outcome::Agreement(s)) => Point {
            us: r3(s.walkaway.0),
            iran: r3(s.walkaway.1),
        },
        _ => Point {
            us: r3(delegation::walkaway(content.delegation(Side::Us), state).value),
            iran: r3(delegation::walkaway(content.delegation(Side::Iran), state).value),
        },
    }
}

/// Each side's gain over its walk-away value: for the deal, or else for the last text tabled.
pub fn gains(state: &GameState, walkaway: Point, last_tabled: Option<Point>) -> Vec<GainRecord> {
    let (basis, utility) = match state.outcome() {
        Some(Outcome::Agreement(s)) => (
            "the deal",
            Some(Point {
                us: r3(s.utility.0),
                iran: r3(s.utility.1),
            }),
        ),
        _ => match last_tabled {
            Some(p) => ("the last text tabled (no deal signed)", Some(p)),
            None => ("no text tabled", None),
        },
    };
    Side::BOTH
        .iter()
        .map(|&side| {
            let pick = |p: Point| if side == Side::Us { p.us } else { p.iran };
            let w = pick(walkaway);
            GainRecord {
                side: side.name().to_string(),
                basis: basis.to_string(),
                utility: utility.map(pick),
                walkaway: w,
                gain: utility.map(|u| r3(pick(u) - w)),
            }
        })
        .collect()
}

/// The utility space at the end of the game.
pub fn space(content: &Content, state: &GameState, walkaway: Point, tabled: Vec<Point>) -> Space {
    let us = &content.delegation(Side::Us).prefs;
    let ir = &content.delegation(Side::Iran).prefs;
    let available = |i: IssueId, c: Choice| state.is_available(content, i, c);
    let signable = |i: IssueId, c: Choice| state.is_signable(content, i, c);
    let frontier = Frontier::of(&content.domain, us, ir, &signable);
    let mut cells = std::collections::BTreeSet::new();
    let scale = f64::from(CLOUD - 1);
    content
        .domain
        .for_each_package(&available, &mut |p| {
            let x = (us.utility(p) * scale).round() as u16;
            let y = (ir.utility(p) * scale).round() as u16;
            cells.insert((x, y));
        })
        .expect("invariant: content holds at most 20 options an issue");
    let reservation = OutcomePoint {
        a: walkaway.us,
        b: walkaway.iran,
    };
    Space {
        frontier: frontier.points.iter().map(|&p| point(p)).collect(),
        walkaway,
        nash: frontier.nash_point(reservation).map(point),
        kalai_smorodinsky: frontier.kalai_smorodinsky_point(reservation).map(point),
        deal: match state.outcome() {
            Some(Outcome::Agreement(s)) => Some(Point {
                us: r3(s.utility.0),
                iran: r3(s.utility.1),
            }),
            _ => None,
        },
        tabled,
        cloud: cells.into_iter().collect(),
    }
}

/// Concepts of the glossary met in play: through the cards drawn, Oman's moves, the replies and
/// the ending. Only concepts the glossary defines are listed.
pub fn concepts(content: &Content, state: &GameState) -> Vec<ConceptRecord> {
    let mut met: BTreeMap<String, (Vec<u32>, Vec<String>)> = BTreeMap::new();
    let mut note = |id: &str, round: u32, how: String| {
        let entry = met.entry(id.to_string()).or_default();
        if !entry.0.contains(&round) {
            entry.0.push(round);
        }
        if !entry.1.contains(&how) {
            entry.1.push(how);
        }
    };
    for (round, event) in &state.log {
        let round = *round;
        match event {
            Event::CardDrawn { card, .. } => {
                if let Some(c) = content.card(card) {
                    for id in &c.concepts {
                        note(id, round, format!("card: {}", c.title));
                    }
                }
            }
            Event::Replied(r) => {
                note(
                    "single-negotiating-text",
                    round,
                    "Oman tabled one text to both sides".into(),
                );
                match r.rule {
                    delegation::Rule::BelowWalkaway => {
                        note("batna", round, "a delegation preferred walking away".into());
                        note(
                            "reservation-point",
                            round,
                            "a text fell below a walk-away value".into(),
                        );
                    }
                    delegation::Rule::NotRatifiable => {
                        note(
                            "two-level-game",
                            round,
                            "a faction at home would not ratify".into(),
                        );
                    }
                    _ => {}
                }
            }
            Event::LinkSounded { .. } => {
                // A package trades across issues: logrolling, not linkage (which adds a condition).
                note(
                    "logrolling",
                    round,
                    "Oman linked two issues into a package".into(),
                );
            }
            Event::StatementMade(_) => {
                note("audience-costs", round, "Oman spoke in public".into());
            }
            Event::OffTheRecordHeld => {
                note("back-channel", round, "an off-the-record session".into());
            }
            Event::RatificationFailed { .. } => {
                note(
                    "two-level-game",
                    round,
                    "a faction blocked the deal at home".into(),
                );
            }
            Event::TrackMoved(c) => {
                if let crate::game::Cause::Oman(crate::game::Verb::Caucus(kind, _)) = &c.cause {
                    if matches!(kind, CaucusKind::Probe | CaucusKind::Reassure) {
                        note(
                            "shuttle-diplomacy",
                            round,
                            "private meetings with each side".into(),
                        );
                    }
                    if *kind == CaucusKind::RelayPressure {
                        note(
                            "coercive-diplomacy",
                            round,
                            "Oman carried one side's pressure".into(),
                        );
                    }
                }
            }
            Event::Ended(o) => match o {
                Outcome::Agreement(s) if matches!(s.kind, crate::game::DealKind::Interim) => {
                    note(
                        "nothing-agreed",
                        round,
                        "an interim deal deferred some issues".into(),
                    );
                    note(
                        "zopa",
                        round,
                        "the deal lay inside both walk-away values".into(),
                    );
                }
                Outcome::Agreement(_) => {
                    note(
                        "zopa",
                        round,
                        "the deal lay inside both walk-away values".into(),
                    );
                }
                Outcome::War => {
                    note("brinkmanship", round, "war risk turned into war".into());
                    note("security-dilemma", round, "war risk turned into war".into());
                }
                Outcome::Walkout(_) => {
                    note("batna", round, "a delegation walked out".into());
                }
                Outcome::Sidelined | Outcome::Deadline => {
                    note("ripeness", round, "the talks ended without a deal".into());
                }
            },
            _ => {}
        }
    }
    content
        .glossary
        .iter()
        .filter_map(|c| {
            let (rounds, seen_in) = met.remove(&c.id)?;
            Some(ConceptRecord {
                id: c.id.clone(),
                term: c.term.clone(),
                definition: c.definition.clone(),
                source: c.source.clone(),
                rounds,
                seen_in,
            })
        })
        .collect()
}

/// Discussion questions, some for every game, some for how this one went.
pub fn questions(state: &GameState, concepts: &[ConceptRecord]) -> Vec<String> {
    let mut q = vec![
        "Which single moment decided this game? Point to the week in the timeline.".to_string(),
        "Oman knew each side's red lines only from caucuses and replies. What did you learn too late, and how could you have learned it sooner?".to_string(),
    ];
    q.push(match state.outcome() {
        Some(Outcome::Agreement(_)) => {
            "The deal was signed. Would it survive the next crisis? Look at the ratification margins and the war risk at the end.".into()
        }
        Some(Outcome::War) => {
            "War came although neither delegation wanted it. Where could the spiral have been stopped, and by whom?".into()
        }
        Some(Outcome::Walkout(side)) => format!(
            "The {} delegation walked out. What raised its walk-away value, and could Oman have lowered it?",
            side.name()
        ),
        Some(Outcome::Sidelined) => {
            "Oman was sidelined. What spent its credibility, and what does a mediator need to keep both sides' trust?".into()
        }
        Some(Outcome::Deadline) => {
            "The deadline passed with no deal. Were the talks ripe? What would have made both sides feel the cost of waiting?".into()
        }
        None => "The game is not over. What is your plan for the weeks left?".into(),
    });
    if concepts.iter().any(|c| c.id == "two-level-game") {
        q.push("A faction at home mattered. How do domestic politics limit what a negotiator can sign?".into());
    }
    if concepts.iter().any(|c| c.id == "logrolling") {
        q.push("You linked issues. Which trade created value for both sides, and which only moved it from one to the other?".into());
    }
    q.push("Compare your game with what really happened after the information cutoff (the epilogue). What did the game model well, and what did it leave out?".into());
    q
}
