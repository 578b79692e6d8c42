//! The US delegation's coercive diplomacy, after George (*Forceful Persuasion*, 1991): a demand,
//! a sense of urgency, a threatened punishment and carrots, run as one of three variants —
//! try-and-see, a gradual turning of the screw, or an explicit ultimatum — chosen at the start
//! of a game from the seed and the US persona.

use serde::{Deserialize, Serialize};

use super::Side;
use super::command::Event;
use super::fact::Act;
use super::position;
use super::rules::World;
use super::state::Flag;
use super::track::{Cause, TrackId};
use crate::content::Signal;
use crate::model::{Choice, IssueId, Persona};

/// George's variants of coercive diplomacy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Variant {
    /// A demand and one limited action, then wait and see.
    TryAndSee,
    /// Pressure that grows week by week, with no deadline.
    #[default]
    Screw,
    /// Demand, deadline and threat, all explicit.
    Ultimatum,
}

/// The US posture during a game.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posture {
    pub variant: Variant,
    /// The clause the US demands above all (issue, choice).
    pub demand: Option<(IssueId, Choice)>,
    /// The week the ultimatum runs out, when there is one.
    pub deadline: Option<u32>,
    /// Weeks the screw has been turning.
    pub turns: u32,
    /// The week of the last carrot offered.
    pub last_carrot: Option<u32>,
    /// The week Iran last threatened the Strait of Hormuz (crises answer it the week after).
    #[serde(default)]
    pub last_hormuz: Option<u32>,
    /// The week Iran last retaliated for a threat carried out.
    #[serde(default)]
    pub last_retaliation: Option<u32>,
}

impl Posture {
    /// Whether a coercive move stands as week `round` begins (a crisis's trigger).
    pub fn signals(&self, signal: Signal, round: u32) -> bool {
        let last_week = |w: Option<u32>| w.is_some_and(|w| w + 1 == round);
        let left = self
            .deadline
            .filter(|&w| self.variant == Variant::Ultimatum && w >= round)
            .map(|w| w - round);
        match signal {
            Signal::UltimatumRunning => left.is_some(),
            Signal::UltimatumWithin(n) => left.is_some_and(|l| l < n),
            Signal::CarrotOffered => last_week(self.last_carrot),
            Signal::HormuzThreat => last_week(self.last_hormuz),
            Signal::Retaliation => last_week(self.last_retaliation),
            Signal::ScrewTurned(n) => self.variant == Variant::Screw && self.turns >= n,
        }
    }

    /// Moves a running ultimatum's deadline by `weeks`, kept after this week and within the
    /// talks; returns (from, to) when it moved.
    pub(super) fn move_deadline(&mut self, weeks: i32, round: u32, end: u32) -> Option<(u32, u32)> {
        let from = self
            .deadline
            .filter(|_| self.variant == Variant::Ultimatum)?;
        let to = from
            .saturating_add_signed(weeks)
            .clamp(round.min(end), end.max(round));
        self.deadline = Some(to);
        (to != from).then_some((from, to))
    }
}

/// What an ultimatum carried out adds to war risk and takes from Iran's economy.
pub(super) const ULTIMATUM_WAR_RISK: i32 = 12;
pub(super) const ULTIMATUM_ECONOMY: i32 = 3;

/// What the screw takes from Iran's economy on its next turn, after `turns` turns: it tightens.
pub(super) fn screw_step(turns: u32) -> i32 {
    1 + (turns / 4) as i32
}

/// Chooses the posture at the start of a game: hawks favour the screw and the ultimatum.
pub(super) fn choose(world: &mut World) {
    let content = world.content;
    let us = content.delegation(Side::Us);
    let persona = world.state.delegation(Side::Us).persona;
    let weights: [u32; 3] = match persona {
        Persona::Hawk => [2, 5, 3],
        Persona::Pragmatist => [4, 4, 2],
        Persona::Dove => [6, 3, 1],
    };
    let roll = world.state.world_rng.index(weights.iter().sum());
    let variant = if roll < weights[0] {
        Variant::TryAndSee
    } else if roll < weights[0] + weights[1] {
        Variant::Screw
    } else {
        Variant::Ultimatum
    };
    let heaviest = us
        .prefs
        .weights
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(i, _)| IssueId::at(i));
    let demand = heaviest.and_then(|i| {
        us.prefs
            .best_on(i, |c| world.state.is_available(content, i, c))
            .map(|(c, _)| (i, c))
    });
    let deadline = (variant == Variant::Ultimatum).then(|| {
        world
            .state
            .deadline
            .saturating_sub(4)
            .max(4)
            .min(world.state.deadline)
    });
    world.state.coercion = Posture {
        variant,
        demand,
        deadline,
        turns: 0,
        last_carrot: None,
        last_hormuz: None,
        last_retaliation: None,
    };
    world.emit(Event::DelegationMove {
        side: Side::Us,
        act: Act::Posture {
            variant,
            demand,
            deadline,
        },
    });
}

/// The US move at the end of a week, given whether it accepted a text this week.
pub(super) fn us_move(world: &mut World, us_accepted: bool) {
    let us = Cause::Delegation(Side::Us);
    let round = world.state.round;
    let posture = world.state.coercion.clone();
    match posture.variant {
        Variant::TryAndSee => {
            if round == 2 {
                world.shift(TrackId::Economy, -4, &us);
                world.shift(TrackId::WarRisk, 3, &us);
                say(world, Act::LimitedAction);
            } else if !us_accepted && round * 2 >= world.state.deadline {
                world.state.coercion.variant = Variant::Screw;
                say(world, Act::TurnsToScrew);
            }
        }
        Variant::Screw => {
            if !us_accepted {
                let step = screw_step(posture.turns);
                world.state.coercion.turns += 1;
                world.shift(TrackId::Economy, -step, &us);
                // Forces move every other week; sanctions bite every week.
                world.shift(TrackId::WarRisk, i32::from(posture.turns % 2 == 1), &us);
                say(world, Act::Screw);
            }
        }
        Variant::Ultimatum => {
            if let Some(week) = posture.deadline
                && round >= week
                && !us_accepted
            {
                world.shift(TrackId::WarRisk, ULTIMATUM_WAR_RISK, &us);
                world.shift(TrackId::Economy, -ULTIMATUM_ECONOMY, &us);
                world.state.coercion.variant = Variant::Screw;
                world.state.coercion.deadline = None;
                world.state.flags.insert(Flag::Ultimatum);
                say(world, Act::UltimatumExpired);
                // A threat carried out hardens the side it was aimed at.
                position::concede(world, Side::Iran, -position::BACKFIRE, &us);
                position::mobilise(world, Side::Iran, 0.05, &us);
                let iran = Cause::Delegation(Side::Iran);
                world.state.coercion.last_retaliation = Some(round);
                world.shift(TrackId::GulfPressure, 3, &iran);
                world.emit(Event::DelegationMove {
                    side: Side::Iran,
                    act: Act::Retaliation,
                });
            } else {
                world.shift(TrackId::WarRisk, 1, &us);
                if posture.deadline.is_some_and(|week| round < week) {
                    // The clock of an explicit ultimatum: Tehran moves, and the region tenses.
                    position::concede(world, Side::Iran, position::ULTIMATUM_GIVE, &us);
                }
            }
        }
    }
    carrot(world);
}

/// A carrot when Iran moves towards the US: a waiver for humanitarian trade, at most every third
/// week.
fn carrot(world: &mut World) {
    let round = world.state.round;
    let iran_moved = world
        .state
        .delegation(Side::Us)
        .other_move
        .is_some_and(|m| {
            matches!(
                m,
                crate::negotiation::MoveKind::Concession
                    | crate::negotiation::MoveKind::Nice
                    | crate::negotiation::MoveKind::Fortunate
            )
        })
        && world
            .state
            .delegation(Side::Iran)
            .last_reply
            .as_ref()
            .is_some_and(|r| r.round == round);
    let due = world
        .state
        .coercion
        .last_carrot
        .is_none_or(|w| w + 3 <= round);
    if iran_moved && due {
        world.state.coercion.last_carrot = Some(round);
        let us = Cause::Delegation(Side::Us);
        world.shift(TrackId::Economy, 2, &us);
        world.patience(Side::Iran, 3, &us);
        position::concede(world, Side::Iran, position::CARROT_GIVE, &us);
        say(world, Act::Carrot);
    }
}

fn say(world: &mut World, act: Act) {
    world.emit(Event::DelegationMove {
        side: Side::Us,
        act,
    });
}
