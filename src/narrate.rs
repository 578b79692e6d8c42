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
mod debrief;
mod events;
mod locks;
mod names;
mod outcomes;
mod posture;
mod preview;
mod replies;
mod theatre;

pub use advice::{assumed, best, move_name, reason as advice, table_now};
pub use cards::{basis, basis_sources, confidence, effect, effects};
pub use causes::{act, cause, drift, learned, quoted, verb};
pub use commands::command;
pub use debrief::{last_text_heading, war_story};
pub use events::{describe, news, summary};
pub use locks::{draft_offer, errand_offer, goodwill_offer, locked};
pub use names::{
    capital, caucus_name, choice, clause, clause_label, errand_name, priority_name, pts,
    statement_name, track_short, track_value,
};
pub use outcomes::{
    ending_title, outcome_line, outcome_title, save_entry, save_summary, save_trust,
};
pub use posture::posture;
pub use preview::{errand_outlook, foreseen};
pub use replies::{ask, counter, drivers, reading, reason, trend};
pub use theatre::stakes;

use crate::advisor::{Move, Reason, TableNow};
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
    /// One of Oman's candidate moves, as the advisor ranks it ("caucus with Iran: reassure").
    fn advisor_move(&self, content: &Content, m: Move) -> String;
    /// What the delegations would answer to the draft tabled now.
    fn table_now(&self, content: &Content, t: &TableNow) -> String;
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
    fn advisor_move(&self, content: &Content, m: Move) -> String {
        advice::english_move(content, m)
    }
    fn table_now(&self, content: &Content, t: &TableNow) -> String {
        advice::english_table_now(content, *t)
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
                grade: None,
            },
            Event::LinkSounded {
                first: (IssueId(0), Clause::Option(Choice(1))),
                second: (IssueId(1), Clause::Option(Choice(0))),
                us_warmer: true,
                iran_warmer: false,
                grades: Vec::new(),
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
            Event::UltimatumMoved {
                from: 8,
                to: 10,
                cause: Cause::Card("ultimatum-issued".into()),
            },
            Event::GoodwillSpent(Side::Us),
            Event::GoodwillLent {
                side: Side::Iran,
                week: 3,
                lowers: 0.04,
                next: 0.03,
            },
            Event::Done {
                command: Command::Caucus {
                    side: Side::Iran,
                    kind: game::CaucusKind::Reassure,
                },
                changes: vec![game::Change::Track {
                    track: TrackId::IranTrustInOman,
                    from: 50,
                    to: 56,
                }],
            },
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
        out.extend(grades().into_iter().map(|g| Event::IdeaTested {
            side: g.side,
            issue: IssueId(0),
            clause: Clause::Option(Choice(1)),
            warmer: g.warmer(),
            red_line: g.red_line(),
            grade: Some(g),
        }));
        out.push(Event::LinkSounded {
            first: (IssueId(0), Clause::Option(Choice(1))),
            second: (IssueId(1), Clause::Option(Choice(0))),
            us_warmer: true,
            iran_warmer: false,
            grades: grades().into_iter().take(2).collect(),
        });
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
        if matches!(state.phase, game::Phase::Choosing(_)) {
            game::apply(&mut state, content, &Command::ChooseCardOption(0)).expect("answered");
        }
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
    fn a_text_as_good_as_walking_away_is_not_called_less_than_it() {
        let content = Content::builtin();
        let below = replies(&content)
            .into_iter()
            .find(|r| r.rule == Rule::BelowWalkaway)
            .expect("a below-walk-away reply");
        let just = Reply {
            utility: 0.512,
            walkaway: 0.514,
            ..below.clone()
        };
        let text = LANGUAGE.reason(&content, &just, Tense::Present);
        assert!(
            text.contains("worth 51 to it, no better than walking away"),
            "{text}"
        );
        let clear = Reply {
            utility: 0.40,
            walkaway: 0.51,
            ..below
        };
        let text = LANGUAGE.reason(&content, &clear, Tense::Present);
        assert!(
            text.contains("worth 40 to it, less than walking away (51)"),
            "{text}"
        );
    }

    /// A grade with each verdict.
    fn grades() -> Vec<game::Grade> {
        use game::Verdict;
        let grade = |side, change, below_demand, verdict| game::Grade {
            side,
            worth: Some(0.6),
            change,
            below_demand,
            verdict,
        };
        vec![
            grade(Side::Us, Some(0.06), 0.0, Verdict::Short { gap: 0.04 }),
            grade(Side::Iran, Some(0.03), 0.02, Verdict::WouldSign),
            grade(Side::Iran, None, 0.0, Verdict::BelowWalkaway { gap: 0.2 }),
            grade(
                Side::Iran,
                Some(-0.02),
                0.05,
                Verdict::RedLine(vec![(IssueId(0), Choice(0))]),
            ),
            grade(
                Side::Us,
                Some(0.0),
                0.0,
                Verdict::NotRatifiable {
                    faction: "Senate hawks".into(),
                },
            ),
            grade(Side::Us, None, 0.15, Verdict::Unfinished(Vec::new())),
        ]
    }

    #[test]
    fn a_grade_is_told_in_the_sides_own_terms() {
        let content = Content::builtin();
        let lines: Vec<String> = grades()
            .iter()
            .map(|g| events::grade(&content, g))
            .collect();
        assert_eq!(
            lines[0],
            "US: warmer by 6 than the last text, still 4 short of signing"
        );
        assert_eq!(
            lines[1],
            "Iran: warmer by 3 than the last text, would sign this text now"
        );
        assert_eq!(
            lines[2],
            "Iran: its own demand, worse than walking away, 20 short of signing"
        );
        assert!(
            lines[3].starts_with(
                "Iran: colder by 2 than the last text, this crosses a red line (Enrichment: "
            ),
            "{}",
            lines[3]
        );
        assert_eq!(
            lines[4],
            "US: no better than the last text, good enough at the table, but Senate hawks would \
             block it at home"
        );
        assert_eq!(
            lines[5],
            "US: 15 below its own demand, no verdict until the text is finished"
        );
    }

    #[test]
    fn a_move_tells_its_effects_and_goodwill_its_week() {
        let content = Content::builtin();
        let all = events(&content);
        let told = |pick: fn(&Event) -> bool| {
            describe(&content, all.iter().find(|e| pick(e)).expect("sampled")).expect("told")
        };
        assert_eq!(
            told(|e| matches!(e, Event::Done { .. })),
            "Reassure Iran → Iran trust in Oman 50 → 56"
        );
        assert_eq!(
            told(|e| matches!(e, Event::GoodwillLent { .. })),
            "Oman spends goodwill with Iran: its hopes 4 lower for the rest of week 3 only \
             (asked again, a favour would buy 3)"
        );
        // Nothing moved: a reassurance says so, a test of an idea has its own line.
        let quiet = |kind| Event::Done {
            command: Command::Caucus {
                side: Side::Us,
                kind,
            },
            changes: Vec::new(),
        };
        assert_eq!(
            describe(&content, &quiet(game::CaucusKind::Reassure)).as_deref(),
            Some("Reassure US → no gauge moved (all at their limits)")
        );
        let idea = game::CaucusKind::TestIdea {
            issue: IssueId(0),
            clause: Clause::Option(Choice(0)),
        };
        assert_eq!(describe(&content, &quiet(idea)), None);
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
