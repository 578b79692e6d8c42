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
        CardEffect::Give(s, d) if *d > 0 => format!("{} comes down {d}", s.name()),
        CardEffect::Give(s, d) => format!("{} digs in {}", s.name(), -d),
        CardEffect::Hardliners(s, d) => format!("{} hardliners' bar {d:+}", s.name()),
        CardEffect::Deadline(w) if *w > 0 => format!("ultimatum {w} weeks later"),
        CardEffect::Deadline(w) => format!("ultimatum {} weeks sooner", -w),
        CardEffect::FollowUp(id, _) => {
            let title = content.card(id).map_or(id.as_str(), |c| c.title.as_str());
            format!("makes {} likelier", super::causes::quoted(title))
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

/// A card's history in one line: when, what, where it is reported and how sure the record is
/// (H, M or L).
/// `dated` adds when the facts happened (a small screen leaves it to the report).
pub fn basis(basis: &Basis, dated: bool) -> String {
    let when = basis
        .date
        .filter(|_| dated)
        .map_or_else(String::new, |d| format!(" ({d})"));
    format!(
        "History{when}: {} — {} [{}]",
        basis.text,
        basis.source,
        basis.confidence.letter()
    )
}

/// Where to read a card's sources, and what its bracketed codes mean; `None` when it gives no
/// link (a crisis is drawn from the game's own state, not from one report).
pub fn basis_sources(basis: &Basis) -> Option<String> {
    let url = basis.url.as_deref()?;
    let code = basis
        .text
        .split_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(code, _)| code);
    Some(match code {
        Some(code) => format!("Read it: {url} · [{code}] and the like: entries of docs/sources.md"),
        None => format!("Read it: {url}"),
    })
}

/// A confidence grade in words.
pub fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}
