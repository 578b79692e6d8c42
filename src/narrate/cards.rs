//! A card's effects and history as the player reads them before choosing.

use super::names::choice;
use crate::content::{Basis, CardEffect, Confidence, Content};

/// One card effect as the player reads it.
pub fn effect(content: &Content, e: &CardEffect) -> String {
    match e {
        CardEffect::Track(t, d) => format!("{} {:+}", t.name(), d),
        CardEffect::Patience(s, d) => format!("{} patience {:+}", s.name(), d),
        CardEffect::AddRedLine(s, i, o) => format!(
            "{} adds a red line: {}",
            s.name(),
            option_name(content, i, o)
        ),
        CardEffect::LiftRedLine(s, i, o) => format!(
            "{} lifts a red line: {}",
            s.name(),
            option_name(content, i, o)
        ),
        CardEffect::Unlock(i, o) => format!("now on the table: {}", option_name(content, i, o)),
        CardEffect::Verify(p) => {
            format!("inspectors look: US breakout estimate moves {p}% toward the truth")
        }
        CardEffect::FollowUp(id, _) => {
            let title = content.card(id).map_or(id.as_str(), |c| c.title.as_str());
            format!("makes \"{title}\" likelier")
        }
    }
}

fn option_name(content: &Content, issue: &str, option: &str) -> String {
    content.domain.locate(issue, option).map_or_else(
        || format!("{issue}: {option}"),
        |(i, o)| choice(content, i, o),
    )
}

/// All effects of a card, comma separated.
pub fn effects(content: &Content, effects: &[CardEffect]) -> String {
    effects
        .iter()
        .map(|e| effect(content, e))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A card's history in one line: when, what, where it is reported and how sure the record is.
pub fn basis(basis: &Basis) -> String {
    let when = basis.date.map_or_else(String::new, |d| format!(" ({d})"));
    format!(
        "History{when}: {} — {}, confidence {}",
        basis.text,
        basis.source,
        confidence(basis.confidence)
    )
}

/// Where to read a card's sources, and what its bracketed codes mean.
pub fn basis_sources(basis: &Basis) -> String {
    let codes = basis.text.contains('[');
    let url = basis.url.as_deref().unwrap_or("no link given");
    if codes {
        format!("Read it: {url} · codes such as [G6] name entries of the game's fact sheet (docs/sources.md)")
    } else {
        format!("Read it: {url}")
    }
}

/// A confidence grade in words.
pub fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}
