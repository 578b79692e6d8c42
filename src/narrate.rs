//! Every sentence the game says: templates that turn events, replies, track moves and outcomes
//! into words. The core never writes prose; everything the player reads is rendered here.

use crate::content::{Card, CardEffect, Content};
use crate::game::{Cause, Clause, Event, Outcome, Side, TrackId};
use crate::game::{Reply, Rule, Trend};
use crate::model::{Choice, IssueId};

fn clause_label(content: &Content, issue: IssueId, clause: Clause) -> String {
    let i = content.domain.issue(issue);
    match clause {
        Clause::Open => "not drafted".into(),
        Clause::Deferred => "deferred".into(),
        Clause::Option(o) => i.choice_label(o).to_string(),
    }
}

/// "Enrichment: 3.67% cap".
pub fn choice(content: &Content, issue: IssueId, choice: Choice) -> String {
    let i = content.domain.issue(issue);
    format!("{}: {}", i.name, i.choice_label(choice))
}

/// Utility as points out of 100.
pub fn pts(u: f64) -> i64 {
    (u * 100.0).round() as i64
}

/// Why a delegation answered as it did, in one line.
pub fn reason(content: &Content, r: &Reply) -> String {
    match r.rule {
        Rule::RedLine => {
            let (i, c) = r.red_line_hits[0];
            format!("crosses a red line ({})", choice(content, i, c))
        }
        Rule::BelowWalkaway => format!(
            "worth {} to it, less than walking away ({})",
            pts(r.utility),
            pts(r.walkaway)
        ),
        Rule::BelowTarget => format!(
            "not enough yet: worth {}, it still hopes for {}",
            pts(r.utility),
            pts(r.target)
        ),
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
            "acceptable: worth {}, it hoped for {}",
            pts(r.utility),
            pts(r.target)
        ),
    }
}

/// "better than the last text", …
pub fn trend(t: Trend) -> &'static str {
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

/// The change that would win a delegation's assent.
pub fn counter(content: &Content, r: &Reply) -> Option<String> {
    if r.counter.is_empty() {
        return None;
    }
    Some(
        r.counter
            .iter()
            .map(|&(i, c)| choice(content, i, c))
            .collect::<Vec<_>>()
            .join(" + "),
    )
}

/// The walk-away drivers: "war risk −0.04, oil −0.01".
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

/// A news line for an event, or `None` for events too small for the log.
pub fn describe(content: &Content, event: &Event) -> Option<String> {
    let card = |id: &str| -> Option<&Card> { content.card(id) };
    Some(match event {
        Event::RoundStarted(r) => format!("── Week {r} ──"),
        Event::CardDrawn { card: id, injected } => {
            let title = card(id).map_or(id.as_str(), |c| c.title.as_str());
            if *injected {
                format!("NEWS (scripted): {title}")
            } else {
                format!("NEWS: {title}")
            }
        }
        Event::CardChoiceMade { card: id, choice } => {
            let label = card(id)
                .and_then(|c| c.choices.get(*choice as usize))
                .map_or("?", |c| c.label.as_str());
            format!("Oman decides: {label}")
        }
        Event::Replied(r) => format!(
            "{} {}: {}",
            r.side.name(),
            if r.accept { "ACCEPTS" } else { "rejects" },
            reason(content, r)
        ),
        Event::Learned { side, note } => format!("Caucus with {}: {note}", side.name()),
        Event::IdeaTested {
            side,
            issue,
            clause,
            warmer,
            red_line,
        } => format!(
            "{} is {} on {} ({}){}",
            side.name(),
            if *warmer { "warm" } else { "cold" },
            content.domain.issue(*issue).name,
            clause_label(content, *issue, *clause),
            if *red_line { ": a red line!" } else { "" }
        ),
        Event::LinkSounded {
            first,
            second,
            us_warmer,
            iran_warmer,
        } => format!(
            "Link {} + {}: US {}, Iran {}{}",
            content.domain.issue(first.0).name,
            content.domain.issue(second.0).name,
            if *us_warmer { "warmer" } else { "colder" },
            if *iran_warmer { "warmer" } else { "colder" },
            if *us_warmer && *iran_warmer {
                ": a trade both like"
            } else {
                ""
            }
        ),
        Event::Unlocked { issue, option } => {
            format!("Now on the table: {}", choice(content, *issue, *option))
        }
        Event::RedLineAdded {
            side,
            issue,
            option,
        } => {
            format!(
                "{} draws a new red line: {}",
                side.name(),
                choice(content, *issue, *option)
            )
        }
        Event::RedLineLifted {
            side,
            issue,
            option,
        } => {
            format!(
                "{} lifts a red line: {}",
                side.name(),
                choice(content, *issue, *option)
            )
        }
        Event::ErrandDone { errand, success } => format!(
            "Errand, {}: {}",
            errand.name(),
            if *success {
                "success"
            } else {
                "came to nothing"
            }
        ),
        Event::OffTheRecordHeld => {
            "Off the record: missiles and proxies may now go to a parallel track".into()
        }
        Event::StatementMade(s) => format!("Oman makes a public statement: {}", s.name()),
        Event::DeadlineExtended(d) => format!("Deadline extended to week {d}"),
        Event::GoodwillSpent(side) => format!("Oman spends goodwill with {}", side.name()),
        Event::DelegationMove { side, move_ } => format!("{} {move_}", side.name()),
        Event::RatificationFailed { side, faction } => format!(
            "{faction} blocks the deal at home in {}: involuntary defection",
            capital(*side)
        ),
        Event::Ended(o) => o.title(),
        Event::Reflected { id } => {
            let prompt = content
                .scenario
                .reflections
                .iter()
                .find(|p| &p.id == id)
                .map_or(id.as_str(), |p| p.prompt.as_str());
            format!("Journal: Oman answers \"{prompt}\"")
        }
        Event::TrackMoved(_) | Event::Drafted { .. } | Event::PatienceChanged { .. } => {
            return None;
        }
    })
}

fn capital(side: Side) -> &'static str {
    match side {
        Side::Us => "Washington",
        Side::Iran => "Tehran",
    }
}

/// What moved a track, naming cards by their titles.
pub fn cause(content: &Content, cause: &Cause) -> String {
    match cause {
        Cause::Card(id) | Cause::CardChoice(id, _) => {
            let title = content.card(id).map_or(id.as_str(), |c| c.title.as_str());
            match cause {
                Cause::CardChoice(_, label) => format!("card \"{title}\": {label}"),
                _ => format!("card \"{title}\""),
            }
        }
        other => other.describe(),
    }
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
        return o.title();
    }
    if !replies.is_empty() {
        return format!("{}. See the delegations panel for why.", replies.join(", "));
    }
    if let [Event::Drafted { issue, clause }] = events {
        return format!(
            "Drafted {}: {}.",
            content.domain.issue(*issue).name,
            clause_label(content, *issue, *clause)
        );
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

/// A one-line epitaph of an outcome for the end screen.
pub fn outcome_line(o: &Outcome) -> String {
    match o {
        Outcome::Agreement(s) => format!(
            "Score {}/100 · US gets {} (walk-away {}) · Iran gets {} (walk-away {})",
            s.points,
            pts(s.utility.0),
            pts(s.walkaway.0),
            pts(s.utility.1),
            pts(s.walkaway.1)
        ),
        Outcome::War => {
            "War risk turned into war. Both sides fall back on force, at great cost.".into()
        }
        Outcome::Walkout(side) => format!(
            "The {} delegation decided walking away was worth more than anything on offer.",
            side.name()
        ),
        Outcome::Sidelined => {
            "Oman lost the trust it needed; the talks move to another capital.".into()
        }
        Outcome::Deadline => "The deadline passed without a text both could sign.".into(),
    }
}
