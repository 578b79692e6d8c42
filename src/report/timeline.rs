//! The timeline of a game, week by week, rebuilt from the state's event log and the command log:
//! cards drawn, Oman's moves, each text tabled with every reply and its reasons, what else
//! happened, and every track change with its cause. Nothing is replayed, so a report of an old
//! save stays what that game was.

use crate::content::Content;
use crate::game::{Clause, Command, Event, GameState, Reply, Rule, Side, Text};
use crate::narrate::{self, Language, Tense, choice, clause};

use super::model::{CardRecord, ChangeRecord, Point, ReplyRecord, RoundRecord, Tabling};

/// Rounded to three decimals, so exports stay readable and stable.
pub fn r3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Builds one record per week, from week 1 to the last week played.
pub fn rounds(content: &Content, state: &GameState, commands: &[Command]) -> Vec<RoundRecord> {
    let last = state.round.max(1);
    let mut rounds: Vec<RoundRecord> = (1..=last)
        .map(|round| RoundRecord {
            round,
            cards: Vec::new(),
            moves: Vec::new(),
            tabled: Vec::new(),
            news: Vec::new(),
            changes: Vec::new(),
        })
        .collect();
    let slot = |round: u32| (round.clamp(1, last) - 1) as usize;
    moves(content, commands, &mut rounds, last);
    let mut text = Text::open(&content.domain);
    for (round, event) in &state.log {
        let r = &mut rounds[slot(*round)];
        match event {
            Event::Drafted { issue, clause } => {
                if let Some(c) = text.clauses.get_mut(issue.index()) {
                    *c = *clause;
                }
            }
            Event::CardDrawn { card, injected } => {
                r.cards.push(card_record(content, card, *injected));
            }
            Event::CardChoiceMade { card, choice } => {
                let label = content
                    .card(card)
                    .and_then(|c| c.choices.get(*choice as usize))
                    .map_or_else(|| format!("choice {choice}"), |c| c.label.clone());
                if let Some(c) = r.cards.iter_mut().rev().find(|c| &c.id == card) {
                    c.choice = Some(label);
                }
            }
            Event::Replied(reply) => add_reply(content, &text, r, reply),
            Event::TrackMoved(change) => r.changes.push(ChangeRecord {
                track: change.track.name().to_string(),
                from: change.from,
                to: change.to,
                cause: narrate::cause(content, &change.cause),
            }),
            Event::PatienceChanged { side, from, to } => r.changes.push(ChangeRecord {
                track: format!("{} patience", side.name()),
                from: *from,
                to: *to,
                cause: "the delegation's mood".into(),
            }),
            other => {
                if let Some(line) = narrate::news(content, other) {
                    r.news.push(line);
                }
            }
        }
    }
    for r in &mut rounds {
        r.tabled = merge_repeats(std::mem::take(&mut r.tabled));
    }
    rounds
}

/// Folds a text tabled again with the same answers into the one before, so a week of
/// identical tables reads as one line with a count.
fn merge_repeats(tabled: Vec<Tabling>) -> Vec<Tabling> {
    let mut out: Vec<Tabling> = Vec::new();
    for t in tabled {
        let same = |r: &ReplyRecord, s: &ReplyRecord| {
            r.side == s.side
                && r.accept == s.accept
                && r.reason == s.reason
                && r.counter == s.counter
        };
        match out.last_mut() {
            Some(last)
                if last.text == t.text
                    && last.replies.len() == t.replies.len()
                    && last.replies.iter().zip(&t.replies).all(|(a, b)| same(a, b)) =>
            {
                last.times += 1;
            }
            _ => out.push(t),
        }
    }
    out
}

/// Oman's moves from the command log: a week ends with each `EndRound`.
fn moves(content: &Content, commands: &[Command], rounds: &mut [RoundRecord], last: u32) {
    let mut round = 1u32;
    let mut drafts = 0;
    let flush = |rounds: &mut [RoundRecord], round: u32, drafts: &mut u32| {
        if *drafts > 0 {
            let r = &mut rounds[(round.min(last) - 1) as usize];
            r.moves.insert(
                0,
                format!(
                    "redrafted the text ({} drafting step{})",
                    drafts,
                    if *drafts == 1 { "" } else { "s" }
                ),
            );
            *drafts = 0;
        }
    };
    for command in commands {
        let line = match command {
            Command::Draft { .. } => {
                drafts += 1;
                None
            }
            Command::EndRound => {
                flush(rounds, round, &mut drafts);
                round += 1;
                None
            }
            other => narrate::command(content, other),
        };
        if let Some(line) = line {
            let moves = &mut rounds[(round.min(last) - 1) as usize].moves;
            // Repeats in a row read as one move with a count: "tabled the text (×3)".
            let count = |m: &str| {
                m.strip_prefix(line.as_str())
                    .and_then(|rest| rest.strip_prefix(" (×"))
                    .and_then(|rest| rest.strip_suffix(')'))
                    .and_then(|n| n.parse::<u32>().ok())
            };
            match moves.last_mut() {
                Some(prev) if *prev == line => *prev = format!("{line} (×2)"),
                Some(prev) if count(prev).is_some() => {
                    let n = count(prev).unwrap_or(1) + 1;
                    *prev = format!("{line} (×{n})");
                }
                _ => moves.push(line),
            }
        }
    }
    flush(rounds, round, &mut drafts);
}

fn card_record(content: &Content, id: &str, injected: bool) -> CardRecord {
    let card = content.card(id);
    CardRecord {
        id: id.to_string(),
        title: card.map_or_else(|| id.to_string(), |c| c.title.clone()),
        injected,
        choice: None,
        basis: card.map_or_else(String::new, |c| c.basis.text.clone()),
        source: card.map_or_else(String::new, |c| c.basis.source.clone()),
        confidence: card
            .map_or("?", |c| crate::narrate::confidence(c.basis.confidence))
            .to_string(),
        date: card
            .and_then(|c| c.basis.date)
            .map_or_else(String::new, |d| d.to_string()),
        url: card.and_then(|c| c.basis.url.clone()).unwrap_or_default(),
    }
}

/// Files a reply under the text it answered: a new tabling when the text changed or this side
/// already answered it.
fn add_reply(content: &Content, text: &Text, round: &mut RoundRecord, reply: &Reply) {
    // A tabled text leaves an undrafted deferrable issue for later, as the package does.
    let lines: Vec<String> = text
        .each_clause()
        .map(|(i, c)| {
            let deferrable = content.domain.get(i).is_some_and(|d| d.deferrable);
            let c = if c == Clause::Open && deferrable {
                Clause::Deferred
            } else {
                c
            };
            clause(content, i, c)
        })
        .collect();
    let side = reply.side.name().to_string();
    let fresh = round
        .tabled
        .last()
        .is_none_or(|t| t.text != lines || t.replies.iter().any(|r| r.side == side));
    if fresh {
        let utility = text
            .package(&content.domain)
            .map_or(Point { us: 0.0, iran: 0.0 }, |p| Point {
                us: r3(content.delegation(Side::Us).prefs.utility(&p)),
                iran: r3(content.delegation(Side::Iran).prefs.utility(&p)),
            });
        round.tabled.push(Tabling {
            round: round.round,
            text: lines,
            utility,
            replies: Vec::new(),
            times: 1,
        });
    }
    let tabling = round.tabled.last_mut().expect("invariant: pushed above");
    tabling.replies.push(reply_record(content, reply));
}

fn reply_record(content: &Content, r: &Reply) -> ReplyRecord {
    let rule = match r.rule {
        Rule::RedLine => "red-line",
        Rule::BelowWalkaway => "below-walkaway",
        Rule::BelowTarget => "below-target",
        Rule::NotRatifiable => "not-ratifiable",
        Rule::Accepted => "accepted",
    };
    ReplyRecord {
        side: r.side.name().to_string(),
        accept: r.accept,
        rule: rule.to_string(),
        reason: narrate::LANGUAGE.reason(content, r, Tense::Past),
        trend: narrate::trend(r.trend).to_string(),
        utility: r3(r.utility),
        walkaway: r3(r.walkaway),
        target: r3(r.target),
        complaints: r
            .complaints
            .iter()
            .map(|c| format!("wants {}", choice(content, c.issue, c.wants)))
            .collect(),
        counter: narrate::counter(content, r),
    }
}
