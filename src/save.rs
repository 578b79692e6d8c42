//! Saves: a game in progress as RON (format version, game version, scenario and content hash,
//! seed, difficulty, the full command log and the state), written atomically; loading with clear
//! `file:line:col` errors; and replay of the command log to check a save.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::{Deserialize, Serialize};

use crate::content::{Bundle, Content, load};
use crate::game::{Command, Difficulty, GameState, replay};

/// Format version of the save file.
pub const FORMAT: u32 = 1;
/// Largest save file read, so a hostile file cannot exhaust memory.
const MAX_SAVE_BYTES: u64 = 16 * 1024 * 1024;

/// A saved game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveFile {
    pub format: u32,
    pub game_version: String,
    pub scenario: String,
    pub content_hash: String,
    pub seed: u64,
    pub difficulty: Difficulty,
    pub log: Vec<Command>,
    pub state_hash: String,
    pub state: GameState,
}

impl SaveFile {
    pub fn new(content: &Content, state: &GameState, log: &[Command]) -> SaveFile {
        SaveFile {
            format: FORMAT,
            game_version: env!("CARGO_PKG_VERSION").to_string(),
            scenario: state.scenario_id.clone(),
            content_hash: content.hash.clone(),
            seed: state.seed,
            difficulty: state.difficulty,
            log: log.to_vec(),
            state_hash: state.hash(),
            state: state.clone(),
        }
    }
}

/// The default save folder: `$MUSCAT_SAVE_DIR`, else `saves/`.
pub fn default_dir() -> PathBuf {
    std::env::var_os("MUSCAT_SAVE_DIR").map_or_else(|| PathBuf::from("saves"), PathBuf::from)
}

/// A save name made safe for a file name: letters, digits, `-` and `_` only, so no path can
/// escape the save folder.
pub fn sanitise(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    if clean.trim_matches('_').is_empty() {
        "save".to_string()
    } else {
        clean
    }
}

/// Writes a save atomically: a temporary file in the same folder, flushed and synced, then renamed
/// over the old one, so a crash leaves either the old save or the new one whole.
pub fn write(dir: &Path, name: &str, save: &SaveFile) -> Result<PathBuf, String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(format!("{}.ron", sanitise(name)));
    let text = ron::ser::to_string_pretty(save, ron::ser::PrettyConfig::default())
        .map_err(|e| format!("cannot encode the save: {e}"))?;
    let tmp = dir.join(format!(".{}.ron.tmp", sanitise(name)));
    let result = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        fs::rename(&tmp, &path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        format!("cannot write {}: {e}", path.display())
    })?;
    Ok(path)
}

/// Reads and parses a save; errors name the file, line and column.
pub fn read(path: &Path) -> Result<SaveFile, String> {
    let meta = fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > MAX_SAVE_BYTES {
        return Err(format!(
            "{}: file too large for a save ({} bytes)",
            path.display(),
            meta.len()
        ));
    }
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&path.display().to_string(), &text)
}

/// Parses save text (label names the file in errors).
pub fn parse(label: &str, text: &str) -> Result<SaveFile, String> {
    let save: SaveFile =
        ron::Options::default()
            .from_str(text)
            .map_err(|e: ron::error::SpannedError| {
                format!(
                    "{label}:{}:{}: {}",
                    e.span.start.line, e.span.start.col, e.code
                )
            })?;
    if save.format != FORMAT {
        return Err(format!(
            "{label}: save format {} is not supported by this version (expects {FORMAT})",
            save.format
        ));
    }
    Ok(save)
}

/// Checks a loaded save against its own command log: replaying from the seed must give the saved
/// state. Returns the replayed state's hash.
pub fn verify(content: &Content, save: &SaveFile) -> Result<String, String> {
    let state = replay(content, save.seed, save.difficulty, &save.log)
        .map_err(|(i, e)| format!("command {} of the log was refused on replay: {e}", i + 1))?;
    let hash = state.hash();
    if state != save.state {
        return Err(format!(
            "the replayed game differs from the saved state (replayed {hash}, saved {})",
            save.state_hash
        ));
    }
    Ok(hash)
}

/// `muscat replay SAVE [--verify]`: prints JSON with the final state hash.
pub fn replay_cli(path: &Path, check: bool) -> Result<ExitCode, String> {
    let save = read(path)?;
    let content = load(&Bundle::builtin(), Some(&save.scenario)).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let state = replay(&content, save.seed, save.difficulty, &save.log)
        .map_err(|(i, e)| format!("command {} of the log was refused on replay: {e}", i + 1))?;
    let hash = state.hash();
    let matches = state == save.state;
    let out = serde_json::json!({
        "save": path.display().to_string(),
        "commands": save.log.len(),
        "round": state.round,
        "final_state_hash": hash,
        "saved_state_hash": save.state_hash,
        "matches": matches,
    });
    println!("{out}");
    Ok(if check && !matches {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_escape_the_folder() {
        assert_eq!(sanitise("../../etc/passwd"), "______etc_passwd");
        assert_eq!(sanitise("/abs"), "_abs");
        assert_eq!(sanitise(""), "save");
        assert_eq!(sanitise("class-3_alice"), "class-3_alice");
    }

    #[test]
    fn broken_text_names_line_and_column() {
        let err = parse("s.ron", "(format: 1,\n  seed: \"x\")").expect_err("broken");
        assert!(err.starts_with("s.ron:2:"), "{err}");
    }
}
