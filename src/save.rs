//! Saves: a game in progress as RON, written atomically, read back with clear `file:line:col`
//! errors, migrated from older formats, and checked by replaying its command log.
//!
//! The API other modules use (the report and odds commands included):
//! - [`SaveFile`] (format [`FORMAT`]): versions, scenario and content hash, seed, difficulty, the
//!   command log, a summary ([`SaveMeta`]) for menus, the state and its hash.
//! - [`read`] (a path, size-capped) and [`parse`] (text) give a `SaveFile` in the current format,
//!   migrating older ones; [`peek`] reads only the summary, for listings.
//! - [`verify`] replays the log and insists it gives the saved state; [`check`] is what loading a
//!   game uses: the same, but a save made with different content loads its stored state with a
//!   warning instead of being refused.
//! - [`write()`] (named save) and [`autosave`] (rotating slots) write atomically and never replace a
//!   file that is not a readable save; [`list`] describes every save in a folder.
//! - Errors are typed by step: [`ReadError`], [`WriteError`], [`CheckError`]; each one's text is
//!   the sentence the player reads.

mod check;
mod error;
mod format;
mod migrate;
mod parse;
mod store;

pub use check::{
    Loaded, MAX_EXTRA_WEEKS, Replayed, Standing, check, fits, replayed, standing, verify,
};
pub use error::{CheckError, Decode, Misfit, ReadError, Unverified, WriteError};
pub use format::{FORMAT, SaveFile, SaveMeta};
pub use parse::{MAX_DEPTH, MAX_SAVE_BYTES, parse, peek, read};
pub use store::{
    AUTOSAVE, AUTOSAVES_KEPT, SaveEntry, Written, appraise, autosave, clean, default_dir, list,
    reserved, sanitise, write,
};
