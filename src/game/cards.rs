//! The event deck: weighted draws by the seeded deck stream among the cards whose conditions hold,
//! scripted injects, one-shot and recurring cards, follow-ups, and Oman's choices on a card.

use super::command::Event;
use super::rules::World;
use super::state::Phase;
use super::track::Cause;
use super::verbs::unlock;
use crate::content::{Card, CardEffect, Condition};

/// Whether a card's conditions hold now.
pub(super) fn eligible(world: &World, card: &Card) -> bool {
    let s = &*world.state;
    if card.once && s.drawn.contains(&card.id) {
        return false;
    }
    card.when.iter().all(|c| match c {
        Condition::TrackAtLeast(t, v) => s.track(*t) >= *v,
        Condition::TrackAtMost(t, v) => s.track(*t) <= *v,
        Condition::RoundAtLeast(r) => s.round >= *r,
        Condition::RoundAtMost(r) => s.round <= *r,
        Condition::Drawn(id) => s.drawn.contains(id),
        Condition::NotDrawn(id) => !s.drawn.contains(id),
        Condition::Unlocked(issue, option) => world
            .content
            .domain
            .locate(issue, option)
            .is_some_and(|(i, o)| s.unlocked.contains(&(i as u8, o))),
    })
}

/// Draws this round's card: a scripted inject if the scenario has one, else a weighted draw.
pub(super) fn draw(world: &mut World) {
    let content = world.content;
    let round = world.state.round;
    let inject = content
        .scenario
        .injects
        .iter()
        .find(|i| i.round == round)
        .and_then(|i| content.card(&i.card));
    let (card, injected) = if let Some(card) = inject {
        (card, true)
    } else {
        let weights: Vec<u32> = content
            .cards
            .iter()
            .map(|c| {
                if eligible(world, c) {
                    c.weight + world.state.follow_ups.get(&c.id).copied().unwrap_or(0)
                } else {
                    0
                }
            })
            .collect();
        let Some(pick) = world.state.deck_rng.weighted(&weights) else {
            return;
        };
        (&content.cards[pick], false)
    };
    world.state.drawn.push(card.id.clone());
    world.state.follow_ups.remove(&card.id);
    world.emit(Event::CardDrawn {
        card: card.id.clone(),
        injected,
    });
    resolve(world, &card.effects, &Cause::Card(card.id.clone()));
    if !card.choices.is_empty() {
        world.state.phase = Phase::Choosing(card.id.clone());
    }
}

/// Oman decides on the pending card.
pub(super) fn choose(world: &mut World, choice: u8) {
    let Phase::Choosing(id) = world.state.phase.clone() else {
        return;
    };
    let card = world
        .content
        .card(&id)
        .expect("invariant: drawn cards exist");
    let picked = &card.choices[choice as usize];
    world.state.phase = Phase::Acting;
    world.emit(Event::CardChoiceMade {
        card: id.clone(),
        choice,
    });
    resolve(
        world,
        &picked.effects,
        &Cause::CardChoice(id, picked.label.clone()),
    );
}

/// Applies card effects in order.
pub(super) fn resolve(world: &mut World, effects: &[CardEffect], cause: &Cause) {
    let domain = &world.content.domain;
    for effect in effects {
        match effect {
            CardEffect::Track(track, delta) => world.shift(*track, *delta, cause),
            CardEffect::Patience(side, delta) => world.patience(*side, *delta, cause),
            CardEffect::AddRedLine(side, issue, option) => {
                if let Some((i, o)) = domain.locate(issue, option)
                    && world.state.delegations[*side as usize]
                        .red_lines
                        .insert((i as u8, o))
                {
                    world.emit(Event::RedLineAdded {
                        side: *side,
                        issue: i as u8,
                        option: o,
                    });
                }
            }
            CardEffect::LiftRedLine(side, issue, option) => {
                if let Some((i, o)) = domain.locate(issue, option)
                    && world.state.delegations[*side as usize]
                        .red_lines
                        .remove(&(i as u8, o))
                {
                    world.state.notebook.red_lines.remove(&(*side, i as u8, o));
                    world.emit(Event::RedLineLifted {
                        side: *side,
                        issue: i as u8,
                        option: o,
                    });
                }
            }
            CardEffect::Unlock(issue, option) => unlock(world, issue, option),
            CardEffect::FollowUp(card, weight) => {
                *world.state.follow_ups.entry(card.clone()).or_insert(0) += weight;
            }
        }
    }
}
