//! The turn of the world between Oman's rounds: drifts, the delegations' own moves (the US turning
//! the screw, Iran's signals), the checks for war, walk-out, sidelining and the deadline, and the
//! start of the next round.

use super::Side;
use super::cards;
use super::coercion;
use super::command::Event;
use super::delegation;
use super::ending::Outcome;
use super::fact::{Act, Drift};
use super::position;
use super::rules::World;
use super::state::{Flag, GameState, Phase, Repeat};
use super::track::{Cause, TrackId};

/// Starts the next round: action points, the card of the week.
pub(super) fn begin(world: &mut World) {
    let s = &mut *world.state;
    s.round += 1;
    s.action_points = world.content.scenario.action_points;
    s.tabled_this_round = 0;
    for d in &mut s.delegations {
        d.goodwill = 0.0;
        d.reciprocity *= 0.5;
        // Caucus moves wear out when repeated within a few weeks, not over the whole game;
        // the count of identical texts is reset by the table itself.
        for (verb, n) in &mut d.memory {
            if *verb != Repeat::SameText {
                *n = n.saturating_sub(1);
            }
        }
    }
    world.emit(Event::RoundStarted(world.state.round));
    if world.state.round == 1 {
        coercion::choose(world);
    }
    cards::draw(world);
}

/// Ends the round: the world moves, the checks run, and the next round begins if the game goes on.
pub(super) fn end(world: &mut World) {
    drift(world);
    position::week_passes(world);
    delegation_moves(world);
    world.state.tracks.close_round();
    if let Some(outcome) = check_endings(world) {
        world.state.phase = Phase::Ended(outcome.clone());
        world.emit(Event::Ended(outcome));
        return;
    }
    for d in &mut world.state.delegations {
        d.pressure *= 0.5;
    }
    begin(world);
}

fn drift(world: &mut World) {
    let s = &*world.state;
    let t = |id| s.track(id);
    let pain = if s.flags.contains(&Flag::Escrow) {
        1
    } else {
        2
    } + i32::from(!s.flags.contains(&Flag::SnapbackHeld));
    let economy = t(TrackId::Economy);
    let unrest = if economy < 35 {
        2
    } else if economy > 55 {
        -2
    } else {
        0
    };
    let verified = s.flags.contains(&Flag::IaeaProtocol);
    let belief_gap = t(TrackId::Breakout) - t(TrackId::BreakoutBelief);
    let belief = if verified {
        belief_gap.signum() * 2
    } else {
        -1
    };
    let talks_moved = s.tabled_this_round > 0;
    // Forces gather when the talks stall; while texts move, the build-up holds (Israel's
    // lobbying and the Gulf's restraint still push it either way).
    let mut war = i32::from(!talks_moved) * 2 + (t(TrackId::IsraeliPressure) - 60) / 20
        - (t(TrackId::GulfPressure) - 50) / 25
        - (t(TrackId::UsIranTrust) - 20) / 20;
    if s.rounds_left() <= 3 {
        war += 1;
    }
    if t(TrackId::BreakoutBelief) < 10 {
        war += 3;
    }
    let oil_goal = 62 + t(TrackId::WarRisk) / 4;
    let oil = (oil_goal - t(TrackId::Oil)) / 2;
    world.shift(TrackId::Economy, -pain, &Cause::Drift(Drift::SanctionsPain));
    world.shift(TrackId::Unrest, unrest, &Cause::Drift(Drift::Economy));
    if !verified {
        world.shift(TrackId::Breakout, -1, &Cause::Drift(Drift::NoInspectors));
    }
    world.shift(
        TrackId::BreakoutBelief,
        belief,
        &Cause::Drift(Drift::Intelligence),
    );
    world.shift(TrackId::WarRisk, war, &Cause::Drift(Drift::BuildUp));
    world.shift(TrackId::Oil, oil, &Cause::Drift(Drift::Markets));
    world.shift(TrackId::UsPatience, -2, &Cause::Drift(Drift::TalksDrag));
    world.shift(
        TrackId::IsraeliPressure,
        1,
        &Cause::Drift(Drift::IsraelLobbies),
    );
    world.patience(Side::Iran, -2, &Cause::Drift(Drift::WaitingForRelief));
    if !talks_moved {
        let cause = Cause::Drift(Drift::IdleWeek);
        world.patience(Side::Iran, -3, &cause);
        world.shift(TrackId::UsPatience, -3, &cause);
    }
}

/// Below this economy, or above this war risk, Iran feels squeezed and signals the strait.
pub(super) const SQUEEZED_ECONOMY: i32 = 20;
pub(super) const SQUEEZED_WAR_RISK: i32 = 65;
/// What Iran's signal at the strait adds to oil and war risk.
pub(super) const HORMUZ_OIL: i32 = 6;
pub(super) const HORMUZ_WAR_RISK: i32 = 2;
/// What the last ultimatum, two weeks before the deadline, adds to war risk.
pub(super) const FINAL_ULTIMATUM_WAR_RISK: i32 = 6;

/// Whether Iran signals the Strait of Hormuz as this week ends: it is squeezed and has not
/// signalled in this week or the last. The map shows it, so Oman can see the threat coming.
pub(super) fn hormuz_threat_due(state: &GameState) -> bool {
    let squeezed = state.track(TrackId::Economy) < SQUEEZED_ECONOMY
        || state.track(TrackId::WarRisk) > SQUEEZED_WAR_RISK;
    // This week's and last week's news, however many lines they ran to.
    let signalled_last_round = state
        .log
        .iter()
        .rev()
        .take_while(|(r, _)| *r + 1 >= state.round)
        .any(|(_, e)| {
            matches!(
                e,
                Event::DelegationMove {
                    side: Side::Iran,
                    ..
                }
            )
        });
    squeezed && !signalled_last_round
}

/// George's coercive diplomacy on the US side, signalling on Iran's.
fn delegation_moves(world: &mut World) {
    let us_accepted = world
        .state
        .delegation(Side::Us)
        .last_reply
        .as_ref()
        .is_some_and(|r| r.accept && r.round == world.state.round);
    let us = Cause::Delegation(Side::Us);
    coercion::us_move(world, us_accepted);
    if world.state.rounds_left() <= 2 && !world.state.flags.contains(&Flag::Ultimatum) {
        world.state.flags.insert(Flag::Ultimatum);
        world.shift(TrackId::WarRisk, FINAL_ULTIMATUM_WAR_RISK, &us);
        position::concede(world, Side::Iran, position::ULTIMATUM_GIVE, &us);
        world.emit(Event::DelegationMove {
            side: Side::Us,
            act: Act::Ultimatum,
        });
    }
    let iran = Cause::Delegation(Side::Iran);
    if hormuz_threat_due(world.state) {
        world.shift(TrackId::Oil, HORMUZ_OIL, &iran);
        world.shift(TrackId::GulfPressure, 5, &iran);
        world.shift(TrackId::WarRisk, HORMUZ_WAR_RISK, &iran);
        // Counter-coercion: a threat to the Strait raises what Washington pays for no deal.
        position::concede(world, Side::Us, position::HORMUZ_GIVE, &iran);
        world.state.coercion.last_hormuz = Some(world.state.round);
        world.emit(Event::DelegationMove {
            side: Side::Iran,
            act: Act::HormuzThreat,
        });
    }
}

/// War, walk-out, sidelining, deadline: the first that applies ends the game.
fn check_endings(world: &mut World) -> Option<Outcome> {
    let p_war = super::ending::war_chance(world.state.track(TrackId::WarRisk));
    if world.state.world_rng.chance(p_war) {
        return Some(Outcome::War);
    }
    for side in Side::BOTH {
        if world.state.patience(side) <= 0 {
            return Some(Outcome::Walkout(side));
        }
        let r = delegation::walkaway(world.content.delegation(side), world.state).value;
        if r > delegation::best_attainable(world.content, world.state, side, true) {
            return Some(Outcome::Walkout(side));
        }
    }
    let s = &*world.state;
    if s.track(TrackId::OmanCredibility) <= 5
        || s.track(TrackId::UsTrustInOman) <= 5
        || s.track(TrackId::IranTrustInOman) <= 5
    {
        return Some(Outcome::Sidelined);
    }
    if s.round >= s.deadline {
        return Some(Outcome::Deadline);
    }
    None
}
