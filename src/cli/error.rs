//! Why a subcommand failed. `muscat: {error}` is what the player reads, so each variant's text is
//! the sentence itself; the layers' own errors pass through unchanged.

use std::path::PathBuf;

use crate::content::LoadError;
use crate::run::OpenError;
use crate::save;
use crate::tui::TerminalError;

#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    #[error(transparent)]
    Read(#[from] save::ReadError),
    #[error(transparent)]
    Content(#[from] LoadError),
    #[error(transparent)]
    Save(#[from] save::WriteError),
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error(transparent)]
    Terminal(#[from] TerminalError),
    /// Plain mode's input failed.
    #[error(transparent)]
    Input(std::io::Error),
    /// The content a save was played with cannot be loaded (`report`, `class`).
    #[error("{}: {source}", .path.display())]
    SaveContent { path: PathBuf, source: LoadError },
    /// A folder or scenario file given to `check` cannot be read (the error names the file).
    #[error("{source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A loaded save's state does not fit its content; nothing reads it.
    #[error("{}: {source}", .path.display())]
    Misfit {
        path: PathBuf,
        source: save::CheckError,
    },
    #[error("{}: the talks in this save are over", .path.display())]
    Over { path: PathBuf },
    #[error("{}: the advisor cannot rank moves here: {why}", .path.display())]
    Refused { path: PathBuf, why: String },
    #[error("{}: that is one of the saves being read; choose another output file", .path.display())]
    OverwritesInput { path: PathBuf },
    #[error("cannot write {}: {source}", .path.display())]
    Output {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no save could be read; nothing to compare")]
    NothingToCompare,
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}
