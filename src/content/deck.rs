//! Checks of the deck and the scenarios: each card's numbers, references, conditions and effects,
//! conditions that can never hold, and each scenario's numbers, deck and injects.

use std::collections::{BTreeMap, BTreeSet};

use super::Source;
use super::resolve::{Report, check_option, quoted};
use super::schema::{Card, CardEffect, Condition, DelegationDef, Scenario, Signal};
use crate::model::Side;
use crate::negotiation::Domain;

pub(super) fn check_card(
    report: &mut Report,
    domain: &Domain,
    card_ids: &BTreeSet<&str>,
    concepts: &BTreeSet<&str>,
    card: &Card,
) {
    let at = format!("id: {}", quoted(&card.id));
    let card_ref = |report: &mut Report, id: &str| {
        if !card_ids.contains(id) {
            report.err(&[&at, &quoted(id)], format!("unknown card \"{id}\""));
        }
    };
    if card.weight > 100 {
        report.err(
            &[&at, "weight:"],
            format!(
                "card \"{}\": weight {} is out of range (0-100)",
                card.id, card.weight
            ),
        );
    }
    if card.weight == 0 && card.when.is_empty() {
        report.err(
            &[&at, "weight"],
            format!("card \"{}\" has weight 0", card.id),
        );
    }
    if card.effects.is_empty() && card.choices.is_empty() {
        report.err(
            &[&at],
            format!("card \"{}\" has no effects and no choices", card.id),
        );
    }
    if card.choices.len() == 1 {
        report.err(
            &[&at, "choices"],
            format!("card \"{}\" offers a single choice", card.id),
        );
    }
    check_conditions(
        report,
        domain,
        card_ids,
        &at,
        &card.when,
        &format!("card \"{}\" can never be drawn", card.id),
    );
    if card.once && card.when.contains(&Condition::Drawn(card.id.clone())) {
        report.err(
            &[&at, "when:"],
            format!(
                "card \"{}\" can never be drawn: a one-shot card cannot need itself drawn first",
                card.id
            ),
        );
    }
    let effects = card
        .effects
        .iter()
        .chain(card.choices.iter().flat_map(|c| &c.effects));
    for e in effects {
        match e {
            CardEffect::Track(_, d) | CardEffect::Patience(_, d) => {
                // A range, not `abs()`: `i32::MIN.abs()` overflows (and wraps to a negative).
                if !(-100..=100).contains(d) {
                    report.err(
                        &[&at, &d.to_string()],
                        format!("effect size {d} is out of range (-100 to 100)"),
                    );
                }
            }
            CardEffect::AddRedLine(_, issue, option)
            | CardEffect::LiftRedLine(_, issue, option)
            | CardEffect::Unlock(issue, option) => {
                check_option(report, domain, &[&at, &quoted(option)], issue, option);
            }
            CardEffect::FollowUp(id, w) => {
                card_ref(report, id);
                if !(1..=100).contains(w) {
                    report.err(
                        &[&at, &quoted(id)],
                        format!("follow-up weight {w} is out of range (1-100)"),
                    );
                }
            }
            CardEffect::Give(_, d) => {
                if d.abs() > 30 || *d == 0 {
                    report.err(
                        &[&at, "Give"],
                        format!("Give moves 1-30 points of give either way, not {d}"),
                    );
                }
            }
            CardEffect::Hardliners(_, d) => {
                if d.abs() > 25 || *d == 0 {
                    report.err(
                        &[&at, "Hardliners"],
                        format!("Hardliners moves a bar 1-25 points either way, not {d}"),
                    );
                }
            }
            CardEffect::Deadline(w) => {
                if w.abs() > 8 || *w == 0 {
                    report.err(
                        &[&at, "Deadline"],
                        format!("Deadline moves the ultimatum 1-8 weeks either way, not {w}"),
                    );
                }
            }
            CardEffect::Verify(percent) => {
                if !(1..=100).contains(percent) {
                    report.err(
                        &[&at, "Verify"],
                        format!("Verify moves 1-100% of the way to the truth, not {percent}%"),
                    );
                }
            }
        }
    }
    for concept in &card.concepts {
        if !concepts.contains(concept.as_str()) {
            report.err(
                &[&at, &quoted(concept)],
                format!("unknown glossary concept \"{concept}\""),
            );
        }
    }
}

/// Checks conditions (of a card or an inject): ranges, references, and combinations that can
/// never hold. `never` starts the message for the latter ("card \"x\" can never be drawn").
fn check_conditions(
    report: &mut Report,
    domain: &Domain,
    card_ids: &BTreeSet<&str>,
    at: &str,
    conditions: &[Condition],
    never: &str,
) {
    let mut lower = BTreeMap::new();
    let mut upper = BTreeMap::new();
    let (mut first_week, mut last_week) = (None, None);
    for c in conditions {
        match c {
            Condition::TrackAtLeast(t, v) | Condition::TrackAtMost(t, v) => {
                let (lo, hi) = t.range();
                if !(lo..=hi).contains(v) {
                    report.err(
                        &[at, &format!("{t:?}")],
                        format!("{} is {lo}-{hi}; {v} is out of range", t.name()),
                    );
                }
                if matches!(c, Condition::TrackAtLeast(..)) {
                    lower.insert(*t, *v);
                } else {
                    upper.insert(*t, *v);
                }
            }
            Condition::RoundAtLeast(r) => first_week = Some(*r),
            Condition::RoundAtMost(r) => last_week = Some(*r),
            Condition::Drawn(id) | Condition::NotDrawn(id) => {
                if !card_ids.contains(id.as_str()) {
                    report.err(&[at, &quoted(id)], format!("unknown card \"{id}\""));
                }
            }
            Condition::Unlocked(issue, option) => {
                check_option(report, domain, &[at, &quoted(option)], issue, option);
            }
            Condition::Signal(Signal::UltimatumWithin(0)) => report.err(
                &[at, "UltimatumWithin"],
                format!("{never}: an ultimatum never runs out within 0 weeks"),
            ),
            Condition::Signal(_) => {}
        }
    }
    for (t, lo) in &lower {
        if let Some(hi) = upper.get(t).filter(|hi| *hi < lo) {
            report.err(
                &[at, "when:"],
                format!("{never}: {} at least {lo} and at most {hi}", t.name()),
            );
        }
    }
    if last_week == Some(0) {
        report.err(
            &[at, "RoundAtMost"],
            format!("{never}: week 0 never comes (weeks start at 1)"),
        );
    } else if let (Some(a), Some(b)) = (first_week, last_week)
        && a > b
    {
        report.err(
            &[at, "RoundAtLeast"],
            format!("{never}: week at least {a} and at most {b}"),
        );
    }
    for c in conditions {
        if let Condition::Drawn(id) = c
            && conditions.contains(&Condition::NotDrawn(id.clone()))
        {
            report.err(
                &[at, "NotDrawn"],
                format!("{never}: card \"{id}\" both drawn and not drawn"),
            );
        }
    }
}

pub(super) fn check_scenario(
    report: &mut Report,
    domain: &Domain,
    delegations: &[(Source, DelegationDef)],
    cards: &[Card],
    s: &Scenario,
) {
    let card_ids: &BTreeSet<&str> = &cards.iter().map(|c| c.id.as_str()).collect();
    report.version(s.version);
    if !(1..=52).contains(&s.deadline) {
        report.err(&["deadline:"], "deadline must be 1-52 rounds");
    }
    if !(1..=10).contains(&s.action_points) {
        report.err(&["action_points:"], "action_points must be 1-10");
    }
    for (t, v) in &s.tracks {
        let (lo, hi) = t.range();
        if !(lo..=hi).contains(v) {
            report.err(
                &["tracks:", &format!("{t:?}")],
                format!("{} starts at {v}, outside {lo}-{hi}", t.name()),
            );
        }
    }
    let mut sides = Vec::new();
    for id in &s.delegations {
        match delegations.iter().find(|(_, d)| &d.id == id) {
            Some((_, d)) => sides.push(d.side),
            None => report.err(
                &["delegations:", &quoted(id)],
                format!("unknown delegation \"{id}\""),
            ),
        }
    }
    for side in Side::BOTH {
        let n = sides.iter().filter(|&&x| x == side).count();
        if n != 1 && sides.len() == s.delegations.len() {
            report.err(
                &["delegations:"],
                format!(
                    "the scenario needs exactly one {} delegation, found {n}",
                    side.name()
                ),
            );
        }
    }
    let mut in_deck = BTreeSet::new();
    for id in &s.deck {
        if !card_ids.contains(id.as_str()) {
            report.err(&["deck:", &quoted(id)], format!("unknown card \"{id}\""));
        } else if !in_deck.insert(id.as_str()) {
            report.err(
                &["deck:", &quoted(id), &quoted(id)],
                format!("card \"{id}\" is twice in the deck"),
            );
        }
    }
    for inject in &s.injects {
        let at = quoted(&inject.card);
        if !card_ids.contains(inject.card.as_str()) {
            report.err(
                &["injects:", &at],
                format!("unknown card \"{}\"", inject.card),
            );
        }
        if inject.round > s.deadline {
            report.err(
                &["injects:", &at],
                format!(
                    "inject round {} is after the deadline (week {})",
                    inject.round, s.deadline
                ),
            );
        }
        check_conditions(
            report,
            domain,
            card_ids,
            &at,
            &inject.when,
            &format!("the inject of \"{}\" can never fire", inject.card),
        );
    }
    // Cards that can come up in this scenario: its deck (or every card) and its injects.
    let playable: BTreeSet<&str> = if s.deck.is_empty() {
        card_ids.clone()
    } else {
        in_deck
            .iter()
            .copied()
            .chain(s.injects.iter().map(|i| i.card.as_str()))
            .collect()
    };
    // In the deck's own order, so the messages follow the file.
    let drawable: Vec<&Card> = if s.deck.is_empty() {
        cards
            .iter()
            .filter(|c| !s.injects.iter().any(|i| i.card == c.id))
            .collect()
    } else {
        let mut listed = BTreeSet::new();
        s.deck
            .iter()
            .filter(|id| listed.insert(id.as_str()))
            .filter_map(|id| cards.iter().find(|c| &c.id == id))
            .collect()
    };
    for card in drawable {
        for c in &card.when {
            match c {
                Condition::RoundAtLeast(r) if *r > s.deadline => report.err(
                    &["deck:", &quoted(&card.id)],
                    format!(
                        "card \"{}\" can never be drawn here: it waits for week {r}, after the deadline (week {})",
                        card.id, s.deadline
                    ),
                ),
                Condition::Drawn(id) if !playable.contains(id.as_str()) => report.err(
                    &["deck:", &quoted(&card.id)],
                    format!(
                        "card \"{}\" can never be drawn here: it needs \"{id}\", which is not in the deck",
                        card.id
                    ),
                ),
                _ => {}
            }
        }
    }
}
