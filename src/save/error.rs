//! What can go wrong with a save, one type per step: reading it ([`ReadError`]), writing it
//! ([`WriteError`]) and checking it against its command log ([`CheckError`]). Each variant's text
//! is the sentence the player reads; the variants let callers and tests tell the cases apart.

use std::io::{self, ErrorKind};
use std::path::PathBuf;

use super::format::{FORMAT, SaveMeta};
use super::parse::{MAX_DEPTH, MAX_SAVE_BYTES};
use crate::game::{Command, RuleError};

/// Why a file cannot be read as a save. `file` names it as the player gave it.
///
/// Comparable and cloneable, so a listing can keep it beside each save: an I/O failure is kept
/// as its kind and its text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("{file}: {detail}")]
    Io {
        file: String,
        kind: ErrorKind,
        detail: String,
    },
    #[error("{file}: too large for a save (over {} MiB)", MAX_SAVE_BYTES / 1024 / 1024)]
    TooLarge { file: String },
    #[error("{file}: not a text file (byte {byte} is not UTF-8)")]
    NotText { file: String, byte: usize },
    #[error("{file}: not a regular file (a folder, pipe, device or socket), so it is not read")]
    NotAFile { file: String },
    #[error("{file}: the file is empty")]
    Empty { file: String },
    /// The text does not decode, at `line:col`.
    #[error("{file}:{line}:{col}: {problem}")]
    Decode {
        file: String,
        line: usize,
        col: usize,
        problem: Decode,
    },
    #[error(
        "{file}: save format {format} comes from a newer version of the game ({written_by}); this version ({}) reads formats 1 to {FORMAT}",
        env!("CARGO_PKG_VERSION")
    )]
    Newer {
        file: String,
        format: u32,
        /// The game version that wrote it, or "unknown".
        written_by: String,
    },
    #[error(
        "{file}: save format {format} does not exist (this version reads formats 1 to {FORMAT})"
    )]
    NoSuchFormat { file: String, format: u32 },
    /// A format 1 or 2 save holds a sentence no version of the game wrote, so it maps to no
    /// fact (see `migrate::wording`).
    #[error("{file}: {problem}")]
    OldWording { file: String, problem: String },
}

impl ReadError {
    pub(super) fn io(file: &str, e: &io::Error) -> ReadError {
        ReadError::Io {
            file: file.to_string(),
            kind: e.kind(),
            detail: e.to_string(),
        }
    }
}

/// What is wrong with a save's text where it stops decoding.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Decode {
    #[error("the file ends too early (was it cut short?)")]
    CutShort,
    #[error("nested deeper than {MAX_DEPTH} levels")]
    TooDeep,
    #[error("not a save (it has no `format` field)")]
    NotASave,
    /// Any other problem, in short words (an unknown name or field, a wrong type).
    #[error("{0}")]
    Other(String),
}

/// Why a save could not be written. Nothing was replaced.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot encode the save: {0}")]
    Encode(#[source] ron::Error),
    /// `what` is the step: create, write, rotate, set aside.
    #[error("cannot {what} {}: {}", .path.display(), why(.source))]
    Io {
        what: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("no free name to set {} aside", .path.display())]
    NoFreeName { path: PathBuf },
    /// The save folder's path is taken by something that is not a folder.
    #[error("cannot save in {}: it is a file, not a folder", .path.display())]
    NotAFolder { path: PathBuf },
    /// A save name the game keeps for itself or that some systems cannot open.
    #[error("cannot save as {}: {why}; choose another name", .path.display())]
    Reserved { path: PathBuf, why: &'static str },
}

/// Says what went wrong in the player's terms: a read-only folder and a full disk are named.
fn why(e: &io::Error) -> String {
    match e.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            format!("the folder is read-only or not yours ({e})")
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => format!("the disk is full ({e})"),
        _ => e.to_string(),
    }
}

/// Why a save's state cannot be trusted or played on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// Command `index` (0-based) of a log of `of` commands is refused on replay.
    #[error("command {} of {of} in the log ({command:?}) is refused on replay: {error}", .index + 1)]
    Refused {
        index: usize,
        of: usize,
        command: Command,
        error: RuleError,
    },
    /// The replayed state differs from the saved one, first at `at`.
    #[error("the saved state is not what its command log gives: {at} (was the file edited?)")]
    Differs { at: String },
    /// Made with other content, and the stored state does not fit this content.
    #[error("made with other game content (content {saved}, this game {this}), and {misfit}")]
    OtherContent {
        saved: String,
        this: String,
        misfit: Misfit,
    },
    /// The saved state (or the stored start, `what`) does not fit the content, so it is not read.
    #[error("the saved {what} does not fit the scenario: {misfit}")]
    Misfit { what: &'static str, misfit: Misfit },
    /// The state replays, but the file's `state_hash` is not its hash.
    #[error(
        "state_hash is \"{saved}\" in the file but \"{replayed}\" on replay (was the file edited?)"
    )]
    Hash { saved: String, replayed: String },
    /// The state replays, but the file's summary (`meta`, what menus show) says otherwise.
    #[error("meta says {} in the file but {} on replay (was the file edited?)", summary(.saved), summary(.replayed))]
    Meta { saved: SaveMeta, replayed: SaveMeta },
}

fn summary(meta: &SaveMeta) -> String {
    let end = meta
        .outcome
        .as_ref()
        .map_or_else(|| "in progress".to_string(), |e| format!("over: {e:?}"));
    format!("week {} of {}, {end}", meta.week, meta.deadline)
}

/// Why a save that replays is still not a verified record of play.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Unverified {
    /// `start: Some(..)`: the log starts from a position the file states, not from the seed.
    #[error(
        "its log starts from a stored position, not from its seed, so nothing shows how that position was reached"
    )]
    StoredStart,
    /// Made with other cards, delegations, scenario or rules.
    #[error("it was made with other game content (content {saved}, this game {this})")]
    OtherContent { saved: String, this: String },
}

/// How a saved state does not fit the content it would be played with.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Misfit {
    #[error("the saved state does not have the US and Iran delegations in order")]
    Delegations,
    #[error("the saved draft has {saved} issues; this scenario has {scenario}")]
    Issues { saved: usize, scenario: usize },
    /// `issue` counts from 1, as the player does.
    #[error("the saved draft picks option {option} of issue {issue}, which has {has}")]
    Option {
        option: u8,
        issue: usize,
        has: usize,
    },
    #[error("the saved game waits on card \"{card}\", which no longer exists")]
    Card { card: String },
    #[error("the saved tracks are not one value in range for each track")]
    Tracks,
    #[error("the deadline is week {deadline}; this scenario allows weeks 1 to {most}")]
    Deadline { deadline: u32, most: u32 },
    #[error("the week is {round}; with deadline week {deadline} it must be 1 to {}", .deadline + 1)]
    Round { round: u32, deadline: u32 },
    /// A red line or an unlock names a choice that does not exist (both count from 1).
    #[error("a red line or unlock names choice {choice} of issue {issue}, which does not exist")]
    Choice { issue: usize, choice: usize },
    #[error("an event is dated week {week}, after the last week the game can reach ({last})")]
    EventWeek { week: u32, last: u32 },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_and_a_read_only_folder_are_named() {
        let io = |kind| WriteError::Io {
            what: "write",
            path: PathBuf::from("saves/game.ron"),
            source: io::Error::from(kind),
        };
        assert!(
            io(ErrorKind::StorageFull)
                .to_string()
                .starts_with("cannot write saves/game.ron: the disk is full (")
        );
        assert!(
            io(ErrorKind::ReadOnlyFilesystem)
                .to_string()
                .contains("the folder is read-only or not yours")
        );
        let other = io::Error::from(ErrorKind::Interrupted);
        assert_eq!(
            io(ErrorKind::Interrupted).to_string(),
            format!("cannot write saves/game.ron: {other}")
        );
    }
}
