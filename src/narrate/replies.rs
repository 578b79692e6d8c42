//! A delegation's answer to a tabled text in words: why it said yes or no, how the text
//! compares with the last one, what it makes of the other side, and what would win it over.

use super::names::{choice, pts};
use super::{LANGUAGE, Language, Tense};
use crate::content::Content;
use crate::game::{Reply, Rule, Trend};

/// Why a delegation answered as it did, in one line, as the delegations panel tells it.
pub fn reason(content: &Content, r: &Reply) -> String {
    LANGUAGE.reason(content, r, Tense::Present)
}

/// "better than the last text", …
pub fn trend(t: Trend) -> &'static str {
    LANGUAGE.trend(t)
}

pub(super) fn english(content: &Content, r: &Reply, tense: Tense) -> String {
    match r.rule {
        Rule::RedLine => r.red_line_hits.first().map_or_else(
            || "crosses a red line".to_string(),
            |&(i, c)| format!("crosses a red line ({})", choice(content, i, c)),
        ),
        // Within a point the two round alike; "51, less than 51" would read as a mistake.
        Rule::BelowWalkaway if pts(r.utility) >= pts(r.walkaway) => format!(
            "worth {} to it, no better than walking away",
            pts(r.utility)
        ),
        Rule::BelowWalkaway => format!(
            "worth {} to it, less than walking away ({})",
            pts(r.utility),
            pts(r.walkaway)
        ),
        Rule::BelowTarget => match tense {
            Tense::Present => format!(
                "not enough yet: worth {}, it still hopes for {}",
                pts(r.utility),
                pts(r.target)
            ),
            Tense::Past => format!(
                "above walking away but short of what it still hopes for ({} of {})",
                pts(r.utility),
                pts(r.target)
            ),
        },
        Rule::NotRatifiable => {
            let blocker = r
                .ratification
                .iter()
                .filter(|f| !f.ok)
                .min_by(|a, b| a.margin.total_cmp(&b.margin))
                .map_or("its factions", |f| f.faction.as_str());
            format!("{blocker} would not ratify it")
        }
        Rule::Accepted => format!(
            "acceptable: worth {} to it, and it needs {}",
            pts(r.utility),
            pts(r.target)
        ),
    }
}

pub(super) fn english_trend(t: Trend) -> &'static str {
    match t {
        Trend::First => "first text",
        Trend::Better => "better than the last text",
        Trend::Same => "no better than the last text",
        Trend::Worse => "worse than the last text",
    }
}

/// What a delegation makes of the other side, from the asks it has heard at the table.
pub fn reading(content: &Content, r: &Reply) -> Option<String> {
    let other = match r.side.other() {
        crate::game::Side::Us => "the US",
        crate::game::Side::Iran => "Iran",
    };
    let cares = r
        .other_cares_most
        .and_then(|i| content.domain.get(i))
        .map(|i| format!("thinks {other} cares most about {}", i.name.to_lowercase()));
    let moved = r
        .other_move
        .map(|m| format!("reads {other}'s last ask as {}", m.name()));
    match (moved, cares) {
        (Some(m), Some(c)) => Some(format!("It {m} and {c}.")),
        (Some(x), None) | (None, Some(x)) => Some(format!("It {x}.")),
        (None, None) => None,
    }
}

/// The change that would win a delegation's assent: "Enrichment: 3.67% cap + …"; `None` when
/// it has none, or only an ask that is not yet enough (see [`ask`]).
pub fn counter(content: &Content, r: &Reply) -> Option<String> {
    (!r.counter_short).then(|| clauses(content, r))?
}

/// What a delegation asks for when no small change would win its assent yet: the change it
/// values most, still short of its hopes.
pub fn ask(content: &Content, r: &Reply) -> Option<String> {
    r.counter_short.then(|| clauses(content, r))?
}

fn clauses(content: &Content, r: &Reply) -> Option<String> {
    (!r.counter.is_empty()).then(|| {
        r.counter
            .iter()
            .map(|&(i, c)| choice(content, i, c))
            .collect::<Vec<_>>()
            .join(" + ")
    })
}

/// The walk-away drivers: "War risk -4, Brent oil -1".
pub fn drivers(r: &Reply) -> String {
    if r.walkaway_drivers.is_empty() {
        return "unchanged since the start".into();
    }
    let moved: Vec<String> = r
        .walkaway_drivers
        .iter()
        .filter(|(_, d)| pts(*d) != 0)
        .take(3)
        .map(|(t, d)| format!("{} {:+}", t.name(), pts(*d)))
        .collect();
    if moved.is_empty() {
        "hardly at all since the start".into()
    } else {
        moved.join(", ")
    }
}
