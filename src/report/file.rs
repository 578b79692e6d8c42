//! The report's one edge with the file system: the report the game writes from its end screen.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Format, build, render};
use crate::content::Content;
use crate::game::{Command, GameState};
use crate::save;

/// Why the report could not be written beside the save (the save itself comes first).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Save(#[from] save::WriteError),
    #[error("cannot create {}: {source}", .dir.display())]
    Folder {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", .path.display())]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The report the game writes from its end screen: Markdown and HTML next to the save.
/// Returns the files written.
pub fn write_beside_save(
    dir: &Path,
    name: &str,
    content: &Content,
    state: &GameState,
    commands: &[Command],
) -> Result<Vec<PathBuf>, WriteError> {
    fs::create_dir_all(dir).map_err(|source| WriteError::Folder {
        dir: dir.to_path_buf(),
        source,
    })?;
    let report = build(content, state, commands);
    let stem = save::sanitise(name);
    let mut written = Vec::new();
    for format in [Format::Html, Format::Markdown] {
        let path = dir.join(format!("{stem}-report.{}", format.extension()));
        if let Err(source) = fs::write(&path, render(&report, format)) {
            return Err(WriteError::File { path, source });
        }
        written.push(path);
    }
    Ok(written)
}
