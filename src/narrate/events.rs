//! The news: one line per event, told as it happens (the news log, plain mode) or afterwards
//! (the report's week-by-week "what else happened"), and the status line after a command.

use super::causes::{english_act, english_learned};
use super::names::{capital, choice, clause, clause_label, pts};
use super::replies;
use super::{LANGUAGE, Language, Tense};
use crate::content::Content;
use crate::game::{Audience, CaucusKind, Change, Command, Event, Grade, TrackId, Verdict};
use crate::model::{Choice, IssueId};

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

/// A side's graded answer in its own terms: "US: +6 on the last text, still 4 short of signing".
pub(super) fn grade(content: &Content, g: &Grade) -> String {
    let change = match g.change {
        Some(c) if pts(c) == 0 => "no better than the last text".to_string(),
        Some(c) if c > 0.0 => format!("warmer by {} than the last text", pts(c)),
        Some(c) => format!("colder by {} than the last text", -pts(c)),
        None if pts(g.below_demand) == 0 => "its own demand".to_string(),
        None => format!("{} below its own demand", pts(g.below_demand)),
    };
    let lines = |hits: &[(IssueId, Choice)]| {
        hits.iter()
            .map(|&(i, c)| choice(content, i, c))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let verdict = match &g.verdict {
        Verdict::WouldSign => "would sign this text now".to_string(),
        Verdict::Short { gap } if pts(*gap) == 0 => "just short of signing".to_string(),
        Verdict::Short { gap } => format!("still {} short of signing", pts(*gap)),
        Verdict::BelowWalkaway { gap } => format!(
            "worse than walking away, {} short of signing",
            pts(*gap).max(1)
        ),
        Verdict::RedLine(hits) => format!("this crosses a red line ({})", lines(hits)),
        Verdict::NotRatifiable { faction } => {
            format!("good enough at the table, but {faction} would block it at home")
        }
        Verdict::Unfinished(hits) if !hits.is_empty() => {
            format!("this crosses a red line ({})", lines(hits))
        }
        Verdict::Unfinished(_) => "no verdict until the text is finished".to_string(),
    };
    format!("{}: {change}, {verdict}", g.side.name())
}

/// The line that tells what one of Oman's moves changed: "Reassure Iran → Iran trust in Oman
/// 50 → 56, Iran patience 60 → 66". `None` for a move that changed nothing and tells its result
/// in a line of its own.
fn done(command: &Command, changes: &[Change]) -> Option<String> {
    let deed = match command {
        Command::Caucus { side, kind } => match kind {
            CaucusKind::Probe => format!("Probe {}", side.name()),
            CaucusKind::Reassure => format!("Reassure {}", side.name()),
            CaucusKind::RelayPressure => format!("Relay pressure to {}", side.name()),
            CaucusKind::TestIdea { .. } => format!("Test an idea with {}", side.name()),
        },
        Command::Table(Audience::Both) => "Table the text to both".into(),
        Command::Table(Audience::One(side)) => format!("Table the text to {}", side.name()),
        Command::Link { .. } => "Link".into(),
        Command::SpendGoodwill(side) => format!("Goodwill with {}", side.name()),
        Command::Errand(e) => format!("Errand to {}", super::errand_name(*e)),
        Command::OffTheRecord => "Off the record".into(),
        Command::Statement(s) => format!("Statement ({})", super::statement_name(*s)),
        Command::RequestExtension => "Extension".into(),
        Command::ChooseCardOption(_) => "Oman's decision".into(),
        _ => return None,
    };
    if changes.is_empty() {
        // Every caucus that is not a test tells nothing else when it moves nothing.
        return matches!(
            command,
            Command::Caucus {
                kind: CaucusKind::Reassure | CaucusKind::RelayPressure,
                ..
            }
        )
        .then(|| format!("{deed} → no gauge moved (all at their limits)"));
    }
    let moved: Vec<String> = changes
        .iter()
        .map(|c| match *c {
            Change::Track { track, from, to } => format!(
                "{} {} → {}",
                track.name(),
                super::track_value(track, from),
                super::track_value(track, to)
            ),
            Change::Patience { side, from, to } => {
                format!("{} patience {from} → {to}", side.name())
            }
        })
        .collect();
    Some(format!("{deed} → {}", moved.join(", ")))
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
            grade: Some(g),
            ..
        } => match tense {
            Tense::Present => format!(
                "Test an idea, {}: {}",
                clause(content, *issue, *c),
                grade(content, g)
            ),
            Tense::Past => format!(
                "{} graded {}: {}",
                side.name(),
                clause(content, *issue, *c),
                grade(content, g)
            ),
        },
        Event::IdeaTested {
            side,
            issue,
            clause: c,
            warmer,
            red_line,
            grade: None,
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
            grades,
            ..
        } if !grades.is_empty() => {
            let both = grades
                .iter()
                .map(|g| grade(content, g))
                .collect::<Vec<_>>()
                .join("; ");
            match tense {
                Tense::Present => format!(
                    "Link {} + {}: {both}",
                    clause(content, first.0, first.1),
                    clause(content, second.0, second.1)
                ),
                Tense::Past => format!("the link was graded {both}"),
            }
        }
        Event::LinkSounded {
            first,
            second,
            us_warmer,
            iran_warmer,
            ..
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
        Event::GoodwillLent { .. } | Event::Done { .. } if past => return None,
        Event::GoodwillLent {
            side,
            week,
            lowers,
            next,
        } => format!(
            "Oman spends goodwill with {}: its hopes {} lower for the rest of week {week} only \
             (asked again, a favour would buy {})",
            side.name(),
            pts(*lowers),
            pts(*next)
        ),
        Event::Done { command, changes } => return done(command, changes),
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
    // A move's own news first ("Caucus with Iran: …"); its effects line only when it has no other.
    let told = |done: bool| {
        events
            .iter()
            .rev()
            .filter(|e| matches!(e, Event::Done { .. }) == done)
            .find_map(|e| describe(content, e))
    };
    let last = told(false).or_else(|| told(true));
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
