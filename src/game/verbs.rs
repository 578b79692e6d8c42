//! Oman's verbs: caucuses, tabling the text, linking issues, goodwill, errands to third parties,
//! the off-the-record session, public statements and the extension.

use super::Side;
use super::command::{Audience, CaucusKind, Errand, Event, Statement};
use super::delegation::{self, Trend};
use super::ending::{self, Outcome};
use super::fact::{Learned, Verb};
use super::grade::{self, Grade, Verdict};
use super::position;
use super::rules::{World, sides_of};
use super::state::{Flag, Known, Phase, Priority, Repeat};
use super::text::Clause;
use super::track::{Cause, TrackId};
use crate::content::Lift;
use crate::model::{Choice, IssueId};
use crate::negotiation::MoveKind;

/// Iran's trust in Oman needed for an off-the-record session on defence matters.
pub const OFF_THE_RECORD_TRUST: i32 = 72;

/// Times a verb has been used on a delegation, counting this use: repeated moves wear out.
fn remember(world: &mut World, side: Side, verb: Repeat) -> u32 {
    let n = world.state.delegations[side as usize]
        .memory
        .entry(verb)
        .or_insert(0);
    *n += 1;
    *n
}

pub(super) fn caucus(world: &mut World, side: Side, kind: CaucusKind) {
    let uses = remember(world, side, Repeat::caucus(kind));
    let trust = TrackId::trust_in_oman(side);
    let cause = Cause::Oman(Verb::Caucus(kind, side));
    match kind {
        CaucusKind::Probe => probe(world, side, &cause),
        CaucusKind::Reassure => {
            // Diminishing, then negative: the fourth reassurance in a row sounds hollow.
            let gain = match uses {
                1 => 6,
                2 => 4,
                3 => 2,
                _ => -2,
            };
            world.shift(trust, gain, &cause);
            world.patience(side, gain.max(0), &cause);
            world.state.delegations[side as usize].pressure -= 0.03;
            // A reassured delegation feels less need to move, and its hardliners calm down.
            position::concede(world, side, -position::REASSURED, &cause);
            position::mobilise(world, side, -0.01, &cause);
        }
        CaucusKind::RelayPressure => {
            let recent = position::recent_pressure(world.state, side);
            let backfires = world.state.track(trust) < position::PRESSURE_BACKFIRES_BELOW;
            world.state.delegations[side as usize].pressure += 0.03;
            if backfires {
                position::concede(world, side, -position::BACKFIRE, &cause);
                world.patience(side, -2, &cause);
            } else {
                // Pressure wears out: the same threat relayed again soon is discounted.
                let give = position::PRESSURE_GIVE / f64::from(1 + recent);
                position::concede(world, side, give, &cause);
            }
            world.shift(trust, -5, &cause);
            world.patience(side, -4, &cause);
            world.shift(TrackId::WarRisk, 1, &cause);
            // Concessions made under threat are what hardliners at home denounce.
            let stirred = if side == Side::Iran { 0.02 } else { 0.01 };
            position::mobilise(world, side, stirred, &cause);
        }
        CaucusKind::TestIdea { issue, clause } => test_idea(world, side, issue, clause),
    }
}

fn probe(world: &mut World, side: Side, cause: &Cause) {
    let content = world.content;
    let profile = content.delegation(side);
    // The delegation talks about the issue it cares most about that Oman has not confirmed yet.
    let mut order: Vec<IssueId> = content.domain.issue_ids().collect();
    order.sort_by(|&a, &b| profile.prefs.weight(b).total_cmp(&profile.prefs.weight(a)));
    let notebook = &world.state.notebook;
    let Some(&issue) = order.iter().find(|&&i| {
        notebook
            .priorities
            .get(&(side, i))
            .is_none_or(|k| !k.confirmed)
    }) else {
        world.emit(Event::Learned {
            side,
            fact: Learned::NothingNew,
        });
        return;
    };
    let trust = f64::from(world.state.track(TrackId::trust_in_oman(side)));
    let accuracy =
        (0.45 + trust / 200.0 + world.state.difficulty.probe_accuracy()).clamp(0.2, 0.95);
    let truthful = world.state.world_rng.chance(accuracy);
    let real = Priority::of_weight(profile.prefs.weight(issue));
    let heard = if truthful {
        real
    } else if real == Priority::High {
        Priority::Medium
    } else {
        Priority::High
    };
    let round = world.state.round;
    world.state.notebook.priorities.insert(
        (side, issue),
        Known {
            priority: heard,
            confirmed: false,
            round,
        },
    );
    let mut red_lines = Vec::new();
    if truthful {
        red_lines = world.state.delegations[side as usize]
            .red_lines
            .iter()
            .filter(|(i, _)| *i == issue)
            .map(|&(_, c)| c)
            .collect();
        for &c in &red_lines {
            world.state.notebook.red_lines.insert((side, issue, c));
        }
    }
    world.shift(TrackId::trust_in_oman(side), 1, cause);
    world.emit(Event::Learned {
        side,
        fact: Learned::Priority {
            issue,
            heard,
            red_lines,
        },
    });
}

fn test_idea(world: &mut World, side: Side, issue: IssueId, clause: Clause) {
    let grade = grade::grade(world.content, world.state, &[(issue, clause)], &[side])
        .pop()
        .expect("invariant: one grade per side asked");
    reveal(world, &grade);
    world.emit(Event::IdeaTested {
        side,
        issue,
        clause,
        warmer: grade.warmer(),
        red_line: grade.red_line(),
        grade: Some(grade),
    });
}

/// A red line a graded answer names is one Oman now knows, as if it had been tabled.
fn reveal(world: &mut World, grade: &Grade) {
    if let Verdict::RedLine(hits) | Verdict::Unfinished(hits) = &grade.verdict {
        for &(issue, option) in hits {
            world
                .state
                .notebook
                .red_lines
                .insert((grade.side, issue, option));
        }
    }
}

pub(super) fn table(world: &mut World, audience: Audience) {
    let content = world.content;
    let package = world
        .state
        .text
        .package(&content.domain)
        .expect("invariant: checked complete");
    world.state.tabled_this_round += 1;
    let mut replies = Vec::new();
    for side in sides_of(audience) {
        let reply = world
            .seats
            .of(side)
            .answer(content, world.state, side, &package);
        let cause = Cause::Delegation(side);
        for &(issue, option) in &reply.red_line_hits {
            world.state.notebook.red_lines.insert((side, issue, option));
        }
        // A complaint is the delegation's own word on what matters: it confirms a high priority.
        if let Some(c) = reply.complaints.first() {
            let round = world.state.round;
            let real = Priority::of_weight(content.delegation(side).prefs.weight(c.issue));
            world.state.notebook.priorities.insert(
                (side, c.issue),
                Known {
                    priority: real,
                    confirmed: true,
                    round,
                },
            );
        }
        let repeats = world.state.delegations[side as usize]
            .memory
            .entry(Repeat::SameText)
            .or_insert(0);
        *repeats = if reply.trend == Trend::Same {
            *repeats + 1
        } else {
            0
        };
        let stale = *repeats >= 2;
        if reply.accept {
            world.patience(side, 3, &cause);
        } else if reply.utility < reply.walkaway - 0.1 {
            // A text far below what it can get by walking away reads as an insult.
            world.patience(side, -4, &cause);
        } else if stale {
            // The same rejected text again and again: the mediator is wasting its time.
            world.patience(side, -4, &cause);
        }
        let d = &mut world.state.delegations[side as usize];
        d.last_tabled = Some(reply.utility);
        d.last_reply = Some(reply.clone());
        replies.push(reply.clone());
        world.emit(Event::Replied(Box::new(reply)));
    }
    if replies.len() == 2 {
        hear_each_other(world, &package, &replies);
    }
    let both_accept = replies.len() == 2 && replies.iter().all(|r| r.accept);
    if both_accept {
        ratify(world, &package);
    } else if replies.iter().all(|r| !r.accept) && replies.len() == 2 {
        world.shift(
            TrackId::OmanCredibility,
            -1,
            &Cause::Oman(Verb::RejectedText),
        );
    }
}

/// At a plenary each side hears what the other asks for (the text with its counter): it learns
/// the other's priorities, labels its move, and gives back part of any concession.
fn hear_each_other(world: &mut World, package: &[Choice], replies: &[delegation::Reply]) {
    /// Share of the other side's concession given back.
    const GIVE_BACK: f64 = 0.3;
    /// Most that reciprocity can lower a target.
    const MOST: f64 = 0.06;
    let content = world.content;
    for reply in replies {
        // What it asks for: its counter, or with no small counter on offer, what it says it
        // wants on the clauses it complains about.
        let mut ask = package.to_vec();
        if reply.counter.is_empty() && !reply.accept {
            for c in &reply.complaints {
                ask[c.issue.index()] = c.wants;
            }
        }
        for &(issue, choice) in &reply.counter {
            ask[issue.index()] = choice;
        }
        let listener = reply.side.other();
        let prefs = &content.delegation(listener).prefs;
        let d = &mut world.state.delegations[listener as usize];
        if let Some(before) = &d.other_ask {
            let gain = prefs.utility(&ask) - prefs.utility(before);
            let theirs = d.model.estimate(&ask) - d.model.estimate(before);
            d.other_move = Some(MoveKind::of(gain, theirs));
            if gain > 0.0 {
                d.reciprocity = (d.reciprocity + GIVE_BACK * gain).min(MOST);
            }
        }
        d.model.observe(&ask);
        d.other_ask = Some(ask);
    }
}

/// Both sides said yes at the table: now each side's factions vote at home, with a little
/// uncertainty about how they will really vote.
fn ratify(world: &mut World, package: &[Choice]) {
    let content = world.content;
    for side in Side::BOTH {
        let checks = delegation::ratification(content, world.state, side, package);
        for (check, faction) in checks.iter().zip(&content.delegation(side).factions) {
            let shock = (world.state.world_rng.unit() - 0.5) * 0.06;
            if check.margin + shock < 0.0
                && (faction.veto || checks.iter().filter(|c| c.ok).count() < 2)
            {
                let cause = Cause::Delegation(side);
                world.emit(Event::RatificationFailed {
                    side,
                    faction: check.faction.clone(),
                });
                world.shift(TrackId::UsIranTrust, -5, &cause);
                world.shift(TrackId::OmanCredibility, -4, &cause);
                world.patience(side, -10, &cause);
                return;
            }
        }
    }
    let score = if world.scored {
        ending::score(content, world.state, package)
    } else {
        ending::unscored(content, world.state, package)
    };
    let outcome = Outcome::Agreement(score);
    world.state.phase = Phase::Ended(outcome.clone());
    world.emit(Event::Ended(outcome));
}

pub(super) fn link(world: &mut World, first: (IssueId, Clause), second: (IssueId, Clause)) {
    let grades = grade::grade(world.content, world.state, &[first, second], &Side::BOTH);
    for g in &grades {
        reveal(world, g);
    }
    for (issue, clause) in [first, second] {
        world.state.text.set(issue, clause);
        world.emit(Event::Drafted { issue, clause });
    }
    world.emit(Event::LinkSounded {
        first,
        second,
        us_warmer: grades[0].warmer(),
        iran_warmer: grades[1].warmer(),
        grades,
    });
}

/// What goodwill asked of a delegation now would buy and cost: how much lower its hopes go for
/// the rest of this week (utility), and the trust in Oman it spends. A favour asked again is
/// worth less: 4 points the first time, then less each time, and costs more trust.
pub fn goodwill_terms(state: &super::GameState, side: Side) -> (f64, i32) {
    let used = state.delegation(side).goodwill_used;
    (
        0.04 / (1.0 + 0.5 * f64::from(used)),
        2 + 2 * (used as i32 + 1),
    )
}

pub(super) fn goodwill(world: &mut World, side: Side) {
    let (lowers, cost) = goodwill_terms(world.state, side);
    let from = delegation::target(world.content, world.state, side);
    let d = &mut world.state.delegations[side as usize];
    d.goodwill = lowers;
    d.goodwill_used += 1;
    let cause = Cause::Oman(Verb::Goodwill);
    world.shift(TrackId::trust_in_oman(side), -cost, &cause);
    let to = delegation::target(world.content, world.state, side);
    let week = world.state.round;
    let next = goodwill_terms(world.state, side).0;
    world.emit(Event::GoodwillLent {
        side,
        week,
        lowers,
        next,
    });
    if (to - from).abs() >= 0.005 {
        world.emit(Event::HopeMoved {
            side,
            from,
            to,
            cause,
        });
    }
}

/// Whether an errand has already succeeded (it cannot be run again).
pub(super) fn errand_done(state: &super::GameState, errand: Errand) -> bool {
    state
        .log
        .iter()
        .any(|(_, e)| matches!(e, Event::ErrandDone { errand: x, success: true } if *x == errand))
}

/// One thing an errand brings when it succeeds. The rules apply these, and the errand menu shows
/// them, so what the menu promises is what the errand does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gain {
    Track(TrackId, i32),
    Patience(Side, i32),
    /// An option (issue id, option id) comes onto the table.
    Unlock(&'static str, &'static str),
}

/// What an errand that fails costs Oman's credibility.
pub const ERRAND_FAILURE_COST: i32 = 1;

/// What an errand brings when it succeeds, in the order the rules apply it.
pub fn errand_gains(errand: Errand) -> &'static [Gain] {
    use Gain::{Patience, Track, Unlock};
    match errand {
        Errand::Russia => &[Unlock("stockpile", "ship-russia")],
        Errand::Iaea => &[
            Track(TrackId::BreakoutBelief, 4),
            Track(TrackId::IsraeliPressure, -3),
            Track(TrackId::WarRisk, -2),
        ],
        Errand::Gulf => &[Unlock("proxies", "gulf-pact"), Track(TrackId::WarRisk, -3)],
        Errand::Qatar => &[
            Track(TrackId::Economy, 3),
            Patience(Side::Iran, 5),
            Track(TrackId::UsPatience, -2),
        ],
        Errand::E3 => &[
            Track(TrackId::Economy, 2),
            Track(TrackId::IsraeliPressure, 4),
        ],
    }
}

/// The chance an errand succeeds now: it rests on Oman's standing with whom it asks.
pub fn errand_chance(state: &super::GameState, errand: Errand) -> f64 {
    let credibility = f64::from(state.track(TrackId::OmanCredibility));
    match errand {
        Errand::Russia => 0.35 + credibility / 200.0,
        Errand::Iaea => 0.4 + f64::from(state.track(TrackId::IranTrustInOman)) / 200.0,
        Errand::Gulf => 0.2 + f64::from(state.track(TrackId::GulfPressure)) / 150.0,
        Errand::Qatar => 1.0,
        Errand::E3 => 0.3 + credibility / 200.0,
    }
}

pub(super) fn errand(world: &mut World, errand: Errand) {
    let cause = Cause::Oman(Verb::Errand(errand));
    let chance = errand_chance(world.state, errand);
    let success = world.state.world_rng.chance(chance);
    world.emit(Event::ErrandDone { errand, success });
    if !success {
        world.shift(TrackId::OmanCredibility, -ERRAND_FAILURE_COST, &cause);
        return;
    }
    match errand {
        Errand::Iaea => {
            world.state.flags.insert(Flag::IaeaProtocol);
        }
        Errand::Qatar => {
            world.state.flags.insert(Flag::Escrow);
        }
        Errand::E3 => {
            world.state.flags.insert(Flag::SnapbackHeld);
        }
        Errand::Russia | Errand::Gulf => {}
    }
    for gain in errand_gains(errand) {
        match *gain {
            Gain::Track(t, by) => world.shift(t, by, &cause),
            Gain::Patience(side, by) => world.patience(side, by, &cause),
            Gain::Unlock(issue, option) => unlock(world, issue, option),
        }
    }
}

/// The option (issue id, option id) an errand puts on the table when it succeeds.
pub fn errand_unlocks(errand: Errand) -> Option<(&'static str, &'static str)> {
    errand_gains(errand).iter().find_map(|g| match *g {
        Gain::Unlock(issue, option) => Some((issue, option)),
        _ => None,
    })
}

/// What can put a locked option on the table: the errands that unlock it, and whether some event
/// card of the deck can (which card is not said: the deck is not the player's to read).
pub fn unlocked_by(
    content: &crate::content::Content,
    issue: IssueId,
    option: Choice,
) -> (Vec<Errand>, bool) {
    let names = |i: &str, o: &str| content.domain.locate(i, o) == Some((issue, option));
    let errands = Errand::ALL
        .into_iter()
        .filter(|&e| errand_unlocks(e).is_some_and(|(i, o)| names(i, o)))
        .collect();
    let unlocks = |effects: &[crate::content::CardEffect]| {
        effects
            .iter()
            .any(|e| matches!(e, crate::content::CardEffect::Unlock(i, o) if names(i, o)))
    };
    let card = content
        .cards
        .iter()
        .any(|c| unlocks(&c.effects) || c.choices.iter().any(|ch| unlocks(&ch.effects)));
    (errands, card)
}

/// Makes an option available, if the content has it.
pub(super) fn unlock(world: &mut World, issue: &str, option: &str) {
    if let Some((i, o)) = world.content.domain.locate(issue, option)
        && world.state.unlocked.insert((i, o))
    {
        world.emit(Event::Unlocked {
            issue: i,
            option: o,
        });
    }
}

pub(super) fn off_the_record(world: &mut World) {
    world.state.flags.insert(Flag::OffTheRecord);
    world.emit(Event::OffTheRecordHeld);
    for side in Side::BOTH {
        let lifted: Vec<(IssueId, Choice)> = world
            .content
            .delegation(side)
            .red_lines
            .iter()
            .filter(|r| r.lifted_by == Some(Lift::OffTheRecord))
            .map(|r| (r.issue, r.choice))
            .collect();
        for (issue, option) in lifted {
            if world.state.delegations[side as usize]
                .red_lines
                .remove(&(issue, option))
            {
                world
                    .state
                    .notebook
                    .red_lines
                    .remove(&(side, issue, option));
                world.emit(Event::RedLineLifted {
                    side,
                    issue,
                    option,
                });
            }
        }
    }
    let cause = Cause::Oman(Verb::OffTheRecord);
    world.shift(TrackId::UsIranTrust, 2, &cause);
    // Talks no one reports on give the hardliners nothing to denounce.
    for side in Side::BOTH {
        position::mobilise(world, side, -0.02, &cause);
    }
}

pub(super) fn statement(world: &mut World, statement: Statement) {
    let cause = Cause::Oman(Verb::Statement(statement));
    world.emit(Event::StatementMade(statement));
    match statement {
        Statement::AnnounceProgress => {
            let progress = world
                .state
                .delegations
                .iter()
                .any(|d| d.last_reply.as_ref().is_some_and(|r| r.accept));
            world.state.flags.insert(Flag::PublicCommitment);
            world.shift(TrackId::Oil, -4, &cause);
            world.shift(TrackId::WarRisk, -4, &cause);
            // Audience costs: both capitals are now seen to be negotiating, which hardliners resent.
            world.shift(TrackId::Unrest, 3, &cause);
            world.shift(TrackId::IsraeliPressure, 4, &cause);
            let before = world
                .state
                .log
                .iter()
                .filter(|(_, e)| matches!(e, Event::StatementMade(Statement::AnnounceProgress)))
                .count() as f64;
            if progress {
                world.shift(TrackId::UsIranTrust, 3, &cause);
                for side in Side::BOTH {
                    world.patience(side, 6, &cause);
                    // Audience costs: a capital seen to be close to a deal finds it harder to
                    // walk away, and its hardliners mobilise against it.
                    position::concede(
                        world,
                        side,
                        position::COMMITMENT_GIVE / (1.0 + before),
                        &cause,
                    );
                    position::mobilise(world, side, 0.04, &cause);
                }
            } else {
                world.shift(TrackId::OmanCredibility, -6, &cause);
                for side in Side::BOTH {
                    position::mobilise(world, side, 0.02, &cause);
                }
            }
        }
        Statement::UrgeRestraint => {
            // A call for restraint repeated within three weeks is heard less each time.
            let since = world.state.round.saturating_sub(2);
            let uses = world
                .state
                .log
                .iter()
                .filter(|(r, e)| {
                    *r >= since && matches!(e, Event::StatementMade(Statement::UrgeRestraint))
                })
                .count() as i32;
            world.shift(TrackId::WarRisk, -(4 - uses.min(3)), &cause);
            world.shift(TrackId::OmanCredibility, -1, &cause);
        }
    }
}

pub(super) fn extension(world: &mut World) {
    let cause = Cause::Oman(Verb::Extension);
    world.state.flags.insert(Flag::ExtensionUsed);
    world.state.deadline += 2;
    world.emit(Event::DeadlineExtended(world.state.deadline));
    world.shift(TrackId::OmanCredibility, -8, &cause);
    world.shift(TrackId::UsPatience, -6, &cause);
}
