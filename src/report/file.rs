//! The report's one edge with the file system: the report the game writes from its end screen.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Format, build, render};
use crate::content::Content;
use crate::game::{Command, GameState};
use crate::save;

/// The report the game writes from its end screen: Markdown and HTML next to the save.
/// Returns the files written.
pub fn write_beside_save(
    dir: &Path,
    name: &str,
    content: &Content,
    state: &GameState,
    commands: &[Command],
) -> Result<Vec<PathBuf>, String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let report = build(content, state, commands);
    let stem = save::sanitise(name);
    let mut written = Vec::new();
    for format in [Format::Html, Format::Markdown] {
        let path = dir.join(format!("{stem}-report.{}", format.extension()));
        fs::write(&path, render(&report, format))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
