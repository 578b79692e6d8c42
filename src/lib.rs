//! Muscat Channel: Oman mediates the 2026 US–Iran nuclear talks.
//!
//! Layers, with dependencies pointing down only:
//! - [`tui`] owns the terminal (init, restore, panic hook, event loop); [`plain`] is the
//!   line-by-line text mode;
//! - [`run`], shared by both: opening a game, and carrying out the app's effects (saves, the
//!   report, loading, the advisor's futures), feeding each result back to the app;
//! - [`ui`] draws from `&App` and nothing else;
//! - [`app`]: the game [`app::Session`] (what a save holds, what every seat shares) and one
//!   screen's view state; turns keys into game commands and effects, with no I/O of its own;
//! - [`game`] (rules, tracks, cards, endings) and [`ai`] (delegations, Oman policies) are the pure,
//!   seeded core, on top of the [`negotiation`] engine;
//! - [`content`] and [`save`] read and write RON, with `file:line:col` errors;
//! - [`advisor`] plays many futures from a position with the real rules ("what are the odds?");
//! - [`sim`] plays headless games for `muscat simulate`;
//! - [`report`] turns a saved game into the after-action report and a class's games into a
//!   comparison (pure, apart from its `cli` edge).

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
