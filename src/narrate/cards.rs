//! A card's effects as the player reads them before choosing.

use super::names::choice;
use crate::content::{CardEffect, Content};

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
