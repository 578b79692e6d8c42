//! Every sentence the game says: templates that turn events, replies, track moves, causes,
//! outcomes, cards and the advisor's reasons into words. The core never writes prose (events
//! carry facts: ids, numbers, enums); everything the player reads is rendered here, by the
//! terminal view, plain mode and the reports alike.
//!
//! Each fact has one template, with a [`Tense`] where the news log (present: "Iran lifts a red
//! line") and the after-action report (past: "Iran lifted a red line") tell it differently.
//! The templates of a language are the [`Language`] trait; English ([`English`]) is the one
//! built in, and the free functions of this module speak it. A translation is one more
//! implementation of the trait (see `docs/architecture.md`, "Narrate and languages").

mod advice;
mod cards;
mod causes;
mod commands;
mod events;
mod names;
mod outcomes;
mod replies;

pub use advice::reason as advice;
pub use cards::{effect, effects};
pub use causes::{act, cause, drift, learned, verb};
pub use commands::command;
pub use events::{describe, news, summary};
pub use names::{
    capital, caucus_name, choice, clause, clause_label, errand_name, priority_name, pts,
    statement_name, track_short, track_value,
};
pub use outcomes::{
    ending_title, outcome_line, outcome_title, save_entry, save_summary, save_trust,
};
pub use replies::{ask, counter, drivers, reading, reason, trend};

use crate::advisor::Reason;
use crate::content::Content;
use crate::game::{Act, Cause, Command, Drift, Event, Learned, Reply, Side, Trend, Verb};

/// Whether a fact is told as it happens (the news log, the status line) or afterwards (the
/// after-action report).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Present,
    Past,
}

/// The templates of one language: one method per kind of fact. Names from the content (issues,
/// options, cards, factions) come from the content files, which a translation translates too.
pub trait Language {
    /// A news line for an event; `None` for events too small to tell.
    fn event(&self, content: &Content, event: &Event, tense: Tense) -> Option<String>;
    /// What moved a track.
    fn cause(&self, content: &Content, cause: &Cause) -> String;
    /// Why a delegation answered as it did.
    fn reason(&self, content: &Content, reply: &Reply, tense: Tense) -> String;
    /// How a text compares with the last one a delegation saw.
    fn trend(&self, trend: Trend) -> &'static str;
    /// A drift of the world.
    fn drift(&self, drift: Drift) -> &'static str;
    /// One of Oman's verbs, as a cause.
    fn verb(&self, verb: Verb) -> String;
    /// A delegation's own move, after the side's name.
    fn act(&self, content: &Content, act: Act) -> String;
    /// What a caucus taught Oman.
    fn learned(&self, content: &Content, side: Side, fact: &Learned) -> String;
    /// Oman's move in the report; `None` for commands that are not moves.
    fn command(&self, content: &Content, command: &Command) -> Option<String>;
    /// One of the advisor's reasons, without a full stop.
    fn advice(&self, content: &Content, reason: &Reason) -> String;
}

/// The game's own language.
#[derive(Clone, Copy, Debug, Default)]
pub struct English;

impl Language for English {
    fn event(&self, content: &Content, event: &Event, tense: Tense) -> Option<String> {
        events::english(content, event, tense)
    }
    fn cause(&self, content: &Content, c: &Cause) -> String {
        causes::english(content, c)
    }
    fn reason(&self, content: &Content, reply: &Reply, tense: Tense) -> String {
        replies::english(content, reply, tense)
    }
    fn trend(&self, t: Trend) -> &'static str {
        replies::english_trend(t)
    }
    fn drift(&self, d: Drift) -> &'static str {
        causes::english_drift(d)
    }
    fn verb(&self, v: Verb) -> String {
        causes::english_verb(v)
    }
    fn act(&self, content: &Content, a: Act) -> String {
        causes::english_act(content, a)
    }
    fn learned(&self, content: &Content, side: Side, fact: &Learned) -> String {
        causes::english_learned(content, side, fact)
    }
    fn command(&self, content: &Content, c: &Command) -> Option<String> {
        commands::english(content, c)
    }
    fn advice(&self, content: &Content, r: &Reason) -> String {
        advice::english(content, r)
    }
}

/// The language the game speaks today.
pub const LANGUAGE: English = English;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{
        self, Audience, CaucusKind, Clause, Difficulty, Errand, Outcome, Rule, Statement,
        TrackChange, TrackId,
    };
    use crate::model::{Choice, IssueId};

    /// Every kind of cause, with each verb, drift and delegation.
    fn causes() -> Vec<Cause> {
        let kinds = [
            CaucusKind::Probe,
            CaucusKind::Reassure,
            CaucusKind::RelayPressure,
        ];
        let mut verbs = vec![
            Verb::RejectedText,
            Verb::Goodwill,
            Verb::OffTheRecord,
            Verb::Extension,
            Verb::Statement(Statement::AnnounceProgress),
            Verb::Statement(Statement::UrgeRestraint),
        ];
        verbs.extend(Errand::ALL.map(Verb::Errand));
        verbs.extend(
            kinds
                .iter()
                .flat_map(|&k| Side::BOTH.map(|s| Verb::Caucus(k, s))),
        );
        let mut out: Vec<Cause> = verbs.into_iter().map(Cause::Oman).collect();
        out.extend(Drift::ALL.map(Cause::Drift));
        out.extend(Side::BOTH.map(Cause::Delegation));
        out.push(Cause::Card("armada-arrives".into()));
        out.push(Cause::CardChoice("hormuz-vote".into(), "stay out".into()));
        out
    }

    /// One event of every kind the news can tell, with every act and caucus note.
    fn events(content: &Content) -> Vec<Event> {
        let mut out = vec![
            Event::RoundStarted(1),
            Event::CardDrawn {
                card: "armada-arrives".into(),
                injected: false,
            },
            Event::CardChoiceMade {
                card: "hormuz-vote".into(),
                choice: 0,
            },
            Event::IdeaTested {
                side: Side::Us,
                issue: IssueId(0),
                clause: Clause::Option(Choice(1)),
                warmer: true,
                red_line: true,
            },
            Event::LinkSounded {
                first: (IssueId(0), Clause::Option(Choice(1))),
                second: (IssueId(1), Clause::Option(Choice(0))),
                us_warmer: true,
                iran_warmer: false,
            },
            Event::Unlocked {
                issue: IssueId(0),
                option: Choice(1),
            },
            Event::RedLineAdded {
                side: Side::Iran,
                issue: IssueId(0),
                option: Choice(0),
            },
            Event::RedLineLifted {
                side: Side::Iran,
                issue: IssueId(0),
                option: Choice(0),
            },
            Event::ErrandDone {
                errand: Errand::Qatar,
                success: true,
            },
            Event::OffTheRecordHeld,
            Event::StatementMade(Statement::UrgeRestraint),
            Event::DeadlineExtended(14),
            Event::GoodwillSpent(Side::Us),
            Event::RatificationFailed {
                side: Side::Iran,
                faction: "Principlists".into(),
            },
            Event::Ended(Outcome::War),
            Event::Reflected { id: "end".into() },
            Event::Learned {
                side: Side::Us,
                fact: Learned::NothingNew,
            },
            Event::Learned {
                side: Side::Iran,
                fact: Learned::Priority {
                    issue: IssueId(0),
                    heard: game::Priority::High,
                    red_lines: vec![Choice(0)],
                },
            },
            Event::Learned {
                side: Side::Us,
                fact: Learned::AsWritten("US calls sanctions a high priority".into()),
            },
        ];
        out.extend(Act::ALL.map(|act| Event::DelegationMove {
            side: Side::Us,
            act,
        }));
        out.extend(
            replies(content)
                .into_iter()
                .map(|r| Event::Replied(Box::new(r))),
        );
        out
    }

    /// Real replies to a tabled text, one with each rule.
    fn replies(content: &Content) -> Vec<Reply> {
        let mut state = game::start(content, 3, Difficulty::Normal);
        for (id, issue) in content.domain.each_issue() {
            let clause = Clause::Option(Choice::at(issue.choice_count() / 2));
            game::apply(&mut state, content, &Command::Draft { issue: id, clause })
                .expect("a draft is free");
        }
        let events = game::apply(&mut state, content, &Command::Table(Audience::Both))
            .expect("the text is complete");
        let reply = events
            .iter()
            .find_map(|e| match e {
                Event::Replied(r) => Some((**r).clone()),
                _ => None,
            })
            .expect("a reply");
        [
            Rule::RedLine,
            Rule::BelowWalkaway,
            Rule::BelowTarget,
            Rule::NotRatifiable,
            Rule::Accepted,
        ]
        .map(|rule| Reply {
            rule,
            ..reply.clone()
        })
        .into()
    }

    #[test]
    fn every_event_cause_and_reply_fact_has_an_english_sentence() {
        let content = Content::builtin();
        for event in events(&content) {
            let now = describe(&content, &event);
            assert!(now.is_some_and(|s| !s.trim().is_empty()), "{event:?}");
            if let Some(then) = news(&content, &event) {
                assert!(!then.trim().is_empty(), "{event:?}");
            }
        }
        for c in causes() {
            assert!(!cause(&content, &c).trim().is_empty(), "{c:?}");
        }
        for r in replies(&content) {
            for tense in [Tense::Present, Tense::Past] {
                assert!(
                    !LANGUAGE.reason(&content, &r, tense).is_empty(),
                    "{:?}",
                    r.rule
                );
            }
        }
        let change = TrackChange {
            round: 1,
            track: TrackId::Oil,
            from: 70,
            to: 72,
            cause: Cause::Drift(Drift::Markets),
        };
        assert_eq!(describe(&content, &Event::TrackMoved(change)), None);
    }

    #[test]
    fn the_report_tells_in_the_past_what_the_news_tells_in_the_present() {
        let content = Content::builtin();
        let lifted = Event::RedLineLifted {
            side: Side::Iran,
            issue: IssueId(0),
            option: Choice(0),
        };
        let now = describe(&content, &lifted).expect("told");
        let then = news(&content, &lifted).expect("told");
        assert!(now.starts_with("Iran lifts a red line: "), "{now}");
        assert_eq!(then, now.replace("lifts", "lifted"));
    }
}
