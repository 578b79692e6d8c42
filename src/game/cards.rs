//! The event deck: weighted draws by the seeded deck stream among the cards whose conditions hold,
//! scripted injects, one-shot and recurring cards, follow-ups, and Oman's choices on a card.

use super::command::Event;
use super::position;
use super::rules::World;
use super::state::{GameState, Phase};
use super::track::{Cause, TrackId};
use super::verbs::unlock;
use crate::content::{Card, CardEffect, Condition, Content};

/// Whether every condition holds now.
pub(super) fn holds(s: &GameState, content: &Content, conditions: &[Condition]) -> bool {
    conditions.iter().all(|c| match c {
        Condition::TrackAtLeast(t, v) => s.track(*t) >= *v,
        Condition::TrackAtMost(t, v) => s.track(*t) <= *v,
        Condition::RoundAtLeast(r) => s.round >= *r,
        Condition::RoundAtMost(r) => s.round <= *r,
        Condition::Drawn(id) => s.drawn.contains(id),
        Condition::NotDrawn(id) => !s.drawn.contains(id),
        Condition::Unlocked(issue, option) => content
            .domain
            .locate(issue, option)
            .is_some_and(|hit| s.unlocked.contains(&hit)),
        Condition::Signal(signal) => s.coercion.signals(*signal, s.round),
    })
}

/// Whether a card can come up in the random draw now. Cards the scenario injects are kept for
/// their inject, so a scripted lesson is not spoiled by the same news arriving early.
pub(super) fn eligible(s: &GameState, content: &Content, card: &Card) -> bool {
    if card.once && s.drawn.contains(&card.id) {
        return false;
    }
    let reserved = content.scenario.injects.iter().any(|i| i.card == card.id);
    !reserved && holds(s, content, &card.when)
}

/// The weight of each card of the deck (in `content.cards` order) in this week's random draw;
/// 0 means the card cannot come up now.
pub fn draw_weights(s: &GameState, content: &Content) -> Vec<u32> {
    content
        .cards
        .iter()
        .map(|c| {
            if eligible(s, content, c) {
                c.weight + s.follow_ups.get(&c.id).copied().unwrap_or(0)
            } else {
                0
            }
        })
        .collect()
}

/// The first inject due this week: not fired yet, its week reached and its conditions holding.
fn due_inject(world: &World) -> Option<usize> {
    let s = &*world.state;
    world
        .content
        .scenario
        .injects
        .iter()
        .enumerate()
        .find(|(i, inject)| {
            !s.injects_fired.contains(i)
                && s.round >= inject.round
                && holds(s, world.content, &inject.when)
        })
        .map(|(i, _)| i)
}

/// The first crisis that has not broken in this game and whose conditions hold now.
pub fn due_crisis<'a>(s: &GameState, content: &'a Content) -> Option<&'a Card> {
    content
        .crises
        .iter()
        .find(|c| !s.drawn.contains(&c.id) && holds(s, content, &c.when))
}

/// Draws this round's card: a crisis if one breaks (it takes the week's slot, so Oman answers
/// one thing at a time), else a scripted inject if one is due, else a weighted draw.
pub(super) fn draw(world: &mut World) {
    let content = world.content;
    if let Some(crisis) = due_crisis(world.state, content) {
        world.state.drawn.push(crisis.id.clone());
        world.emit(Event::CardDrawn {
            card: crisis.id.clone(),
            injected: false,
        });
        resolve(world, &crisis.effects, &Cause::Card(crisis.id.clone()));
        world.state.phase = Phase::Choosing(crisis.id.clone());
        return;
    }
    let inject = due_inject(world).and_then(|i| {
        let card = content.card(&content.scenario.injects[i].card)?;
        world.state.injects_fired.insert(i);
        Some(card)
    });
    let (card, injected) = if let Some(card) = inject {
        (card, true)
    } else {
        let weights = draw_weights(world.state, content);
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
                        .insert((i, o))
                {
                    // Drawn in public by a card: Oman knows it as well as one it was told.
                    world.state.notebook.red_lines.insert((*side, i, o));
                    world.emit(Event::RedLineAdded {
                        side: *side,
                        issue: i,
                        option: o,
                    });
                }
            }
            CardEffect::LiftRedLine(side, issue, option) => {
                if let Some((i, o)) = domain.locate(issue, option)
                    && world.state.delegations[*side as usize]
                        .red_lines
                        .remove(&(i, o))
                {
                    world.state.notebook.red_lines.remove(&(*side, i, o));
                    world.emit(Event::RedLineLifted {
                        side: *side,
                        issue: i,
                        option: o,
                    });
                }
            }
            CardEffect::Unlock(issue, option) => unlock(world, issue, option),
            CardEffect::FollowUp(card, weight) => {
                *world.state.follow_ups.entry(card.clone()).or_insert(0) += weight;
            }
            CardEffect::Give(side, d) => {
                position::concede(world, *side, f64::from(*d) / 100.0, cause);
            }
            CardEffect::Hardliners(side, d) => {
                position::mobilise(world, *side, f64::from(*d) / 100.0, cause);
            }
            CardEffect::Deadline(weeks) => {
                let (round, end) = (world.state.round, world.state.deadline);
                if let Some((from, to)) = world.state.coercion.move_deadline(*weeks, round, end) {
                    world.emit(Event::UltimatumMoved {
                        from,
                        to,
                        cause: cause.clone(),
                    });
                }
            }
            CardEffect::Verify(percent) => {
                let gap = world.state.track(TrackId::Breakout)
                    - world.state.track(TrackId::BreakoutBelief);
                world.shift(TrackId::BreakoutBelief, gap * *percent as i32 / 100, cause);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::content::{Condition, Content, Inject};
    use crate::game::{self, Command, Difficulty, Event, GameState, Phase, TrackId};

    fn next_week(state: &mut GameState, content: &Content) {
        if matches!(state.phase, Phase::Choosing(_)) {
            game::apply(state, content, &Command::ChooseCardOption(0)).expect("choose");
        }
        // Idle weeks raise the war risk; these tests are about the deck, so no war ends them.
        let war = state.track(TrackId::WarRisk);
        let calm = game::Cause::Drift(game::Drift::Markets);
        state
            .tracks
            .shift(state.round, TrackId::WarRisk, -war, calm);
        game::apply(state, content, &Command::EndRound).expect("end round");
    }

    #[test]
    fn a_red_line_a_card_draws_is_a_known_red_line() {
        let content = Content::builtin();
        for seed in 0..200 {
            let mut state = game::start(&content, seed, Difficulty::Normal);
            while !state.is_over() && state.round < 10 {
                next_week(&mut state, &content);
                let added = state.log.iter().find_map(|(_, e)| match *e {
                    Event::RedLineAdded {
                        side,
                        issue,
                        option,
                    } => Some((side, issue, option)),
                    _ => None,
                });
                if let Some(line) = added {
                    assert!(state.notebook.red_lines.contains(&line), "seed {seed}");
                    return;
                }
            }
        }
        panic!("no card drew a red line in 200 games");
    }

    fn injected(state: &GameState) -> Vec<(u32, String)> {
        state
            .log
            .iter()
            .filter_map(|(week, e)| match e {
                Event::CardDrawn {
                    card,
                    injected: true,
                } => Some((*week, card.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn injects_fire_once_in_order_and_their_cards_are_never_drawn_at_random() {
        let mut content = Content::builtin();
        // Crises take a week's slot before any inject; this test is about the deck alone.
        content.crises.clear();
        content.scenario.injects = vec![
            Inject {
                round: 2,
                card: "second-carrier".into(),
                when: vec![],
            },
            // Due in week 2 too: it waits a week rather than being lost.
            Inject {
                round: 2,
                card: "rial-record-low".into(),
                when: vec![],
            },
            // War risk starts at 35, so this is due from week 1.
            Inject {
                round: 0,
                card: "telegraphed-strike".into(),
                when: vec![Condition::TrackAtLeast(TrackId::WarRisk, 30)],
            },
        ];
        for seed in 0..20 {
            let mut state = game::start(&content, seed, Difficulty::Normal);
            for _ in 0..5 {
                next_week(&mut state, &content);
            }
            assert_eq!(
                injected(&state),
                [
                    (1, "telegraphed-strike".to_string()),
                    (2, "second-carrier".to_string()),
                    (3, "rial-record-low".to_string()),
                ],
                "seed {seed}"
            );
            assert_eq!(state.round, 6);
            assert_eq!(
                state.drawn.len(),
                6,
                "weeks 4 to 6 draw at random, one card each"
            );
            assert_eq!(
                state
                    .drawn
                    .iter()
                    .filter(|c| *c == "rial-record-low")
                    .count(),
                1,
                "a recurring injected card stays out of the random draw"
            );
        }
    }

    #[test]
    fn a_conditional_inject_waits_for_its_condition() {
        let mut content = Content::builtin();
        content.scenario.injects = vec![Inject {
            round: 0,
            card: "hormuz-vote".into(),
            when: vec![Condition::TrackAtLeast(TrackId::WarRisk, 100)],
        }];
        let mut state = game::start(&content, 3, Difficulty::Normal);
        for _ in 0..4 {
            next_week(&mut state, &content);
        }
        assert!(injected(&state).is_empty(), "war risk never reached 100");
        assert!(!state.drawn.contains(&"hormuz-vote".to_string()));
        let weights = game::draw_weights(&state, &content);
        let i = content
            .cards
            .iter()
            .position(|c| c.id == "hormuz-vote")
            .expect("in the deck");
        assert_eq!(weights[i], 0, "reserved for its inject");
    }

    #[test]
    fn verify_moves_the_belief_part_way_to_the_truth_either_way() {
        let mut content = Content::builtin();
        let mut card = content.card("bushehr-only").expect("shipped").clone();
        card.id = "inspection".into();
        card.effects = vec![crate::content::CardEffect::Verify(50)];
        content.cards.push(card);
        content.scenario.injects = vec![Inject {
            round: 1,
            card: "inspection".into(),
            when: vec![],
        }];
        for (truth, belief, after) in [(26, 16, 21), (10, 30, 20), (12, 12, 12)] {
            content.scenario.tracks.insert(TrackId::Breakout, truth);
            content
                .scenario
                .tracks
                .insert(TrackId::BreakoutBelief, belief);
            let state = game::start(&content, 1, Difficulty::Normal);
            assert_eq!(state.track(TrackId::Breakout), truth);
            assert_eq!(
                state.track(TrackId::BreakoutBelief),
                after,
                "{truth} vs {belief}"
            );
        }
    }
}
