//! What moves a delegation's position: how far it has come down from its hopes towards its
//! walk-away value (its *give*), and how mobilised its hardliners are at home. Pressure, an
//! ultimatum's clock, carrots, public commitments and crises move them, each at a cost elsewhere;
//! the calendar alone moves them only a little, so waiting is not a strategy.

use super::command::{CaucusKind, Event};
use super::fact::{Drift, Verb};
use super::rules::World;
use super::track::{Cause, TrackId};
use super::{GameState, Side, delegation};
use crate::model::Persona;

/// Give per quiet week: talks that merely go on wear positions down only slowly.
pub const WEEKLY_GIVE: f64 = 0.015;
/// Give per week in the last two weeks: a real deadline concentrates minds, a little.
pub const DEADLINE_GIVE: f64 = 0.04;
/// Give from one relayed pressure on a delegation that has not been pressed lately.
pub const PRESSURE_GIVE: f64 = 0.12;
/// Trust in Oman below which relayed pressure backfires: Oman now sounds like the other side's
/// messenger, and the delegation digs in.
pub const PRESSURE_BACKFIRES_BELOW: i32 = 30;
/// Give lost when pressure backfires.
pub const BACKFIRE: f64 = 0.05;
/// Give lost to a reassurance: a delegation told all will be well feels less need to move.
pub const REASSURED: f64 = 0.02;
/// Give per week of a running US ultimatum, on Iran.
pub const ULTIMATUM_GIVE: f64 = 0.04;
/// Give on Iran from a US carrot.
pub const CARROT_GIVE: f64 = 0.05;
/// Give on the US from an Iranian threat to the Strait of Hormuz.
pub const HORMUZ_GIVE: f64 = 0.05;
/// Give on each side from announcing progress when there is some (audience costs bind).
pub const COMMITMENT_GIVE: f64 = 0.08;
/// Hardliners' mobilisation fades by this share each week.
pub const MOBILISATION_FADES: f64 = 0.15;

/// How much a persona moves for the same push: hawks less, doves more.
pub fn yielding(persona: Persona) -> f64 {
    match persona {
        Persona::Hawk => 0.85,
        Persona::Pragmatist => 1.0,
        Persona::Dove => 1.3,
    }
}

/// Moves a delegation's give by `amount` (negative: it digs in), scaled by its persona and, when
/// it gives, by how urgently the world pushes it; records how its hopes moved.
pub(super) fn concede(world: &mut World, side: Side, amount: f64, cause: &Cause) {
    let content = world.content;
    let from = delegation::target(content, world.state, side);
    let profile = content.delegation(side);
    let urgency = delegation::urgency(profile, world.state);
    let d = &mut world.state.delegations[side as usize];
    let scaled = if amount > 0.0 {
        amount * yielding(d.persona) * world.state.difficulty.yielding() * (0.5 + urgency)
    } else {
        amount
    };
    d.give = (d.give + scaled).clamp(0.0, 1.0);
    let to = delegation::target(content, world.state, side);
    // Told only when it shows: hopes are read in whole points, and "91 → 91" says nothing.
    let points = |u: f64| (u * 100.0).round() as i64;
    if points(to) != points(from) {
        world.emit(Event::HopeMoved {
            side,
            from,
            to,
            cause: cause.clone(),
        });
    }
}

/// Raises (or lowers) the bar of a delegation's hardliners at home.
pub(super) fn mobilise(world: &mut World, side: Side, amount: f64, cause: &Cause) {
    let d = &mut world.state.delegations[side as usize];
    let from = d.mobilised;
    d.mobilised = (from + amount).clamp(0.0, 0.25);
    let to = d.mobilised;
    if (to - from).abs() >= 0.001 {
        world.emit(Event::HardlinersMoved {
            side,
            from,
            to,
            cause: cause.clone(),
        });
    }
}

/// The week's slow wear on positions, stronger as the deadline comes, and the hardliners
/// standing down a little when nothing stirs them.
pub(super) fn week_passes(world: &mut World) {
    let give = if world.state.rounds_left() <= 2 {
        DEADLINE_GIVE
    } else {
        WEEKLY_GIVE
    };
    for side in Side::BOTH {
        concede(world, side, give, &Cause::Drift(Drift::Deadline));
        let d = &mut world.state.delegations[side as usize];
        d.mobilised *= 1.0 - MOBILISATION_FADES;
    }
}

/// Times Oman has relayed pressure to a delegation in this week and the two before.
pub fn recent_pressure(state: &GameState, side: Side) -> u32 {
    let since = state.round.saturating_sub(2);
    // One caucus moves several tracks; its trust change is the one mark it always leaves.
    let trust = TrackId::trust_in_oman(side);
    let relayed = Cause::Oman(Verb::Caucus(CaucusKind::RelayPressure, side));
    state
        .log
        .iter()
        .filter(|(r, e)| {
            *r >= since
                && matches!(e, Event::TrackMoved(c) if c.track == trust && c.cause == relayed)
        })
        .count() as u32
}
