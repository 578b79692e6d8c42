//! Muscat Channel: Oman mediates the 2026 US–Iran nuclear talks.
//!
//! Layers, bottom first; code names only modules below its own (`tests/layers.rs` checks it, and
//! `docs/architecture.md` draws it):
//! - [`model`]: the vocabulary every layer shares (sides, seats, tracks, personas, issue and
//!   choice indices);
//! - [`negotiation`]: the engine (domain, preferences, negotiator, metrics), usable without the game;
//! - [`content`]: the RON of `assets/` in, validated with `file:line:col` errors, resolved into
//!   immutable `Content`;
//! - [`game`]: the pure, seeded rules (state, tracks, commands and events, `apply`, cards,
//!   endings) and the delegations, who answer through their seats;
//! - [`save`]: saves written atomically, read back, migrated and checked by replay;
//! - [`advisor`]: many futures from a copy of the state through the real rules ("what are the
//!   odds?"), played by the one shuttle-diplomacy Oman;
//! - [`oman`]: Oman's scripted players (the bots, the expert) and whole headless games;
//! - [`narrate`]: every sentence the game says, one template per fact;
//! - [`report`]: the after-action report of a game and the comparison of a class's games;
//! - [`app`]: the game [`app::Session`] (what a save holds, what every seat shares) and one
//!   screen's view state; turns keys into commands and effects, with no I/O of its own;
//! - [`ui`]: draws from `&App` and nothing else;
//! - [`run`]: opening a game, and carrying out the app's effects (saves, the report, loading, the
//!   advisor's futures) for both front ends;
//! - [`tui`] (the terminal: init, restore, panic hook, event loop) and [`plain`] (the
//!   line-by-line text mode), the front ends;
//! - [`cli`]: the command line and its subcommands.

pub mod advisor;
pub mod app;
pub mod cli;
pub mod content;
pub mod game;
pub mod model;
pub mod narrate;
pub mod negotiation;
pub mod oman;
pub mod plain;
pub mod report;
pub mod run;
pub mod save;
pub mod tui;
pub mod ui;
