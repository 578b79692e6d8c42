//! The news: one line per event, told as it happens (the news log, plain mode) or afterwards
//! (the report's week-by-week "what else happened"), and the status line after a command.

use super::causes::{english_act, english_learned};
use super::names::{capital, choice, clause, clause_label};
use super::replies;
use super::{LANGUAGE, Language, Tense};
use crate::content::Content;
use crate::game::{Event, TrackId};
use crate::model::IssueId;

/// A news line for an event, as it happens; `None` for events too small for the log.
pub fn describe(content: &Content, event: &Event) -> Option<String> {
    LANGUAGE.event(content, event, Tense::Present)
}

/// A report line for an event that is neither a move, a reply nor a track change; `None` for
/// the events the report tells elsewhere (cards, replies, track changes) or not at all.
pub fn news(content: &Content, event: &Event) -> Option<String> {
    LANGUAGE.event(content, event, Tense::Past)
}

fn either<'a>(tense: Tense, present: &'a str, past: &'a str) -> &'a str {
    match tense {
        Tense::Present => present,
        Tense::Past => past,
    }
}

fn warm(warmer: bool) -> &'static str {
    if warmer { "warmer" } else { "colder" }
}

pub(super) fn english(content: &Content, event: &Event, tense: Tense) -> Option<String> {
    let past = tense == Tense::Past;
    let issue_name = |id: IssueId| {
        content
            .domain
            .get(id)
            .map_or_else(|| format!("issue {}", id.0), |i| i.name.clone())
    };
    Some(match event {
        Event::RoundStarted(_)
        | Event::CardDrawn { .. }
        | Event::CardChoiceMade { .. }
        | Event::Replied(_)
        | Event::StatementMade(_)
        | Event::GoodwillSpent(_)
        | Event::Reflected { .. }
            if past =>
        {
            return None;
        }
        Event::TrackMoved(_) | Event::Drafted { .. } | Event::PatienceChanged { .. } => {
            return None;
        }
        Event::HopeMoved {
            side,
            from,
            to,
            cause,
        } => {
            let how = if to < from {
                either(tense, "comes down", "came down")
            } else {
                either(tense, "digs in", "dug in")
            };
            format!(
                "{} {how}: hopes {:.0} → {:.0} ({})",
                side.name(),
                from * 100.0,
                to * 100.0,
                super::causes::cause(content, cause)
            )
        }
        Event::HardlinersMoved {
            side,
            from,
            to,
            cause,
        } => {
            let how = if to > from {
                either(tense, "mobilise", "mobilised")
            } else {
                either(tense, "stand down", "stood down")
            };
            format!(
                "{} hardliners {how}: their bar {:+.0} ({})",
                side.name(),
                (to - from) * 100.0,
                super::causes::cause(content, cause)
            )
        }
        Event::RoundStarted(r) => format!("── Week {r} ──"),
        Event::CardDrawn { card, injected } => {
            let title = content
                .card(card)
                .map_or(card.as_str(), |c| c.title.as_str());
            if content.crisis(card).is_some() {
                format!("CRISIS: {}", title.trim_start_matches("Crisis: "))
            } else if *injected {
                format!("NEWS (scripted): {title}")
            } else {
                format!("NEWS: {title}")
            }
        }
        Event::CardChoiceMade { card, choice } => {
            match content
                .card(card)
                .and_then(|c| c.choices.get(*choice as usize))
            {
                // What the choice does, so the log and plain mode say it, not only its label.
                Some(c) if !c.effects.is_empty() => format!(
                    "Oman decides: {} ({})",
                    c.label,
                    super::cards::effects(content, &c.effects)
                ),
                Some(c) => format!("Oman decides: {}", c.label),
                None => "Oman decides: ?".to_string(),
            }
        }
        Event::Replied(r) => format!(
            "{} {}: {}",
            r.side.name(),
            if r.accept { "ACCEPTS" } else { "rejects" },
            replies::english(content, r, tense)
        ),
        Event::Learned { side, fact } => format!(
            "{} {}: {}",
            either(tense, "Caucus with", "learned from"),
            side.name(),
            english_learned(content, *side, fact)
        ),
        Event::IdeaTested {
            side,
            issue,
            clause: c,
            warmer,
            red_line,
        } => {
            let feel = if *warmer { "warm" } else { "cold" };
            match tense {
                Tense::Present => format!(
                    "{} is {feel} on {} ({}){}",
                    side.name(),
                    issue_name(*issue),
                    clause_label(content, *issue, *c),
                    if *red_line { ": a red line!" } else { "" }
                ),
                Tense::Past => format!(
                    "{} was {feel} on {}{}",
                    side.name(),
                    clause(content, *issue, *c),
                    if *red_line { " (a red line)" } else { "" }
                ),
            }
        }
        Event::LinkSounded {
            first,
            second,
            us_warmer,
            iran_warmer,
        } => match tense {
            Tense::Present => format!(
                "Link {} + {}: US {}, Iran {}{}",
                issue_name(first.0),
                issue_name(second.0),
                warm(*us_warmer),
                warm(*iran_warmer),
                if *us_warmer && *iran_warmer {
                    ": a trade both like"
                } else {
                    ""
                }
            ),
            Tense::Past => format!(
                "the link left the US {} and Iran {}",
                warm(*us_warmer),
                warm(*iran_warmer)
            ),
        },
        Event::Unlocked { issue, option } => format!(
            "{}ow on the table: {}",
            either(tense, "N", "n"),
            choice(content, *issue, *option)
        ),
        Event::RedLineAdded {
            side,
            issue,
            option,
        }
        | Event::RedLineLifted {
            side,
            issue,
            option,
        } => {
            let (now, then) = if matches!(event, Event::RedLineAdded { .. }) {
                ("draws a new", "drew a new")
            } else {
                ("lifts a", "lifted a")
            };
            format!(
                "{} {} red line: {}",
                side.name(),
                either(tense, now, then),
                choice(content, *issue, *option)
            )
        }
        Event::ErrandDone { errand, success } => format!(
            "{} {}: {}",
            either(tense, "Errand,", "errand to"),
            super::errand_name(*errand),
            if *success {
                "success"
            } else {
                "came to nothing"
            }
        ),
        Event::OffTheRecordHeld => format!(
            "{}ff the record: missiles and proxies may {}go to a parallel track",
            either(tense, "O", "o"),
            either(tense, "now ", "")
        ),
        Event::StatementMade(s) => format!(
            "Oman makes a public statement: {}",
            super::statement_name(*s)
        ),
        Event::DeadlineExtended(d) => {
            format!("{}eadline extended to week {d}", either(tense, "D", "d"))
        }
        Event::UltimatumMoved { from, to, cause } => format!(
            "The US ultimatum {} out in week {to}, not week {from} ({})",
            either(tense, "now runs", "then ran"),
            super::causes::cause(content, cause)
        ),
        Event::GoodwillSpent(side) => format!("Oman spends goodwill with {}", side.name()),
        Event::DelegationMove { side, act } => {
            format!("{} {}", side.name(), english_act(content, *act))
        }
        Event::RatificationFailed { side, faction } => match tense {
            Tense::Present => format!(
                "{faction} blocks the deal at home in {}: involuntary defection",
                capital(*side)
            ),
            Tense::Past => format!(
                "{faction} blocked the deal at home ({}): involuntary defection",
                side.name()
            ),
        },
        Event::Ended(o) => match tense {
            Tense::Present => super::outcome_title(o),
            Tense::Past => format!("the talks ended: {}", super::outcome_title(o)),
        },
        Event::Reflected { id } => {
            let prompt = content
                .scenario
                .reflections
                .iter()
                .find(|p| &p.id == id)
                .map_or(id.as_str(), |p| p.prompt.as_str());
            format!("Journal: Oman answers \"{prompt}\"")
        }
    })
}

/// One status line summing up what a command did.
pub fn summary(content: &Content, events: &[Event]) -> String {
    let replies: Vec<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Replied(r) => Some(format!(
                "{} {}",
                r.side.name(),
                if r.accept { "accepts" } else { "rejects" }
            )),
            _ => None,
        })
        .collect();
    if let Some(Event::Ended(o)) = events.iter().find(|e| matches!(e, Event::Ended(_))) {
        return super::outcome_title(o);
    }
    if !replies.is_empty() {
        return format!("{}. See the delegations panel for why.", replies.join(", "));
    }
    if let [Event::Drafted { issue, clause: c }] = events {
        return format!("Drafted {}.", clause(content, *issue, *c));
    }
    let moves: Vec<TrackId> = events
        .iter()
        .filter_map(|e| match e {
            Event::TrackMoved(c) => Some(c.track),
            _ => None,
        })
        .collect();
    let last = events.iter().rev().find_map(|e| describe(content, e));
    match (last, moves.is_empty()) {
        (Some(line), _) => line,
        (None, false) => {
            let total: i32 = events
                .iter()
                .filter_map(|e| match e {
                    Event::TrackMoved(c) if c.track == moves[0] => Some(c.to - c.from),
                    _ => None,
                })
                .sum();
            format!("{} {:+}.", moves[0].name(), total)
        }
        (None, true) => String::new(),
    }
}
