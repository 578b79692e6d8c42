//! The information cutoff, checked by `muscat check`: every card says when its facts happened
//! and where to read them, and no card a scenario can draw is dated after the scenario's cutoff
//! unless it is marked as hindsight for the debrief.

use std::collections::BTreeMap;

use super::resolve::{Report, quoted};
use super::schema::{Card, CardFile, Scenario};
use super::{Bundle, Source, parse};

/// Adds the dating rules' problems with each card file and scenario of `bundle` to `report`.
pub(super) fn check(report: &mut Report, bundle: &Bundle) {
    let mut cards: BTreeMap<String, (&Source, Card)> = BTreeMap::new();
    for source in &bundle.cards {
        let Ok(file) = parse::<CardFile>(source) else {
            continue;
        };
        report.on(source);
        for card in file.cards {
            let at = format!("id: {}", quoted(&card.id));
            if card.basis.date.is_none() {
                report.err(
                    &[&at, "basis:"],
                    format!(
                        "card \"{}\" has no basis date (date: \"YYYY-MM-DD\")",
                        card.id
                    ),
                );
            }
            match &card.basis.url {
                None => report.err(
                    &[&at, "basis:"],
                    format!(
                        "card \"{}\" has no source url (url: \"https://…\")",
                        card.id
                    ),
                ),
                Some(u) if !(u.starts_with("https://") || u.starts_with("http://")) => report.err(
                    &[&at, "url:"],
                    format!(
                        "card \"{}\": url \"{u}\" does not start with https://",
                        card.id
                    ),
                ),
                Some(_) => {}
            }
            cards.insert(card.id.clone(), (source, card));
        }
    }
    for source in &bundle.scenarios {
        let Ok(scenario) = parse::<Scenario>(source) else {
            continue;
        };
        report.on(source);
        let Some(cutoff) = scenario.cutoff_date else {
            report.err(
                &["cutoff:"],
                format!(
                    "scenario \"{}\" has no cutoff_date (the cutoff \"{}\" as YYYY-MM-DD)",
                    scenario.id, scenario.cutoff
                ),
            );
            continue;
        };
        let listed = scenario
            .deck
            .iter()
            .chain(scenario.injects.iter().map(|i| &i.card));
        for id in listed {
            if cards.get(id).is_some_and(|(_, c)| c.basis.hindsight) {
                report.on(source);
                report.err(
                    &[&quoted(id)],
                    format!(
                        "scenario \"{}\" lists the hindsight card \"{id}\", which is never drawn",
                        scenario.id
                    ),
                );
            }
        }
        let drawable: Vec<&str> = if scenario.deck.is_empty() {
            cards.keys().map(String::as_str).collect()
        } else {
            scenario
                .deck
                .iter()
                .chain(scenario.injects.iter().map(|i| &i.card))
                .map(String::as_str)
                .collect()
        };
        for id in drawable {
            let Some((card_source, card)) = cards.get(id) else {
                continue;
            };
            let Some(date) = card.basis.date else {
                continue;
            };
            if date.after(cutoff) && !card.basis.hindsight {
                report.on(card_source);
                report.err(
                    &[&format!("id: {}", quoted(id)), "date:"],
                    format!(
                        "card \"{id}\" is dated {date}, after the cutoff {cutoff} of scenario \"{}\" \
                         (mark it hindsight: true to keep it for the debrief only)",
                        scenario.id
                    ),
                );
            }
        }
    }
}
