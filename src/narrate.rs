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
pub use names::{capital, choice, clause, clause_label, pts, track_short, track_value};
pub use outcomes::outcome_line;
pub use replies::{counter, drivers, reading, reason, trend};

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
