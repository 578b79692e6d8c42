//! Save files on disk: safe names, atomic writes, rotating autosaves, and listing a folder. A file
//! that is not a readable save is never replaced: it is set aside under a `.broken-N` name.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::{ReadError, WriteError};
use super::format::{SaveFile, SaveMeta};
use super::parse::{peek, read, read_text};

/// The autosave slot's name; older autosaves are `autosave-1` (newest) to `autosave-4`.
pub const AUTOSAVE: &str = "autosave";
/// Autosaves kept, the current one included.
pub const AUTOSAVES_KEPT: usize = 5;

/// Where a save went, and where an unreadable file it would have replaced was set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub set_aside: Option<PathBuf>,
}

/// One file of a save folder, as a listing shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveEntry {
    pub path: PathBuf,
    /// The file name without `.ron`.
    pub name: String,
    /// Scenario, seed and summary, or why the file cannot be read.
    pub summary: Result<(String, u64, SaveMeta), ReadError>,
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

fn io_problem(what: &'static str, path: &Path, source: std::io::Error) -> WriteError {
    WriteError::Io {
        what,
        path: path.to_path_buf(),
        source,
    }
}

/// Moves `path` aside if it exists and is not a readable save, so nothing replaces it.
fn keep_if_broken(path: &Path) -> Result<Option<PathBuf>, WriteError> {
    if !path.exists() || read(path).is_ok() {
        return Ok(None);
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("save");
    let aside = (1..=u32::MAX)
        .map(|n| path.with_file_name(format!("{stem}.broken-{n}.ron")))
        .find(|p| !p.exists())
        .ok_or_else(|| WriteError::NoFreeName {
            path: path.to_path_buf(),
        })?;
    fs::rename(path, &aside).map_err(|e| io_problem("set aside", path, e))?;
    Ok(Some(aside))
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, flushed and synced,
/// then renamed over the old one, so a crash leaves either the old file or the new one whole.
fn write_atomic(path: &Path, text: &str) -> Result<(), WriteError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|s| s.to_str()).unwrap_or("save");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        // The rename itself must reach the disk for the new name to survive a power cut.
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_problem("write", path, e)
    })
}

fn prepare(dir: &Path, save: &SaveFile) -> Result<String, WriteError> {
    fs::create_dir_all(dir).map_err(|e| io_problem("create", dir, e))?;
    save.to_text()
}

/// Writes a named save (`<dir>/<name>.ron`, the name sanitised) atomically.
pub fn write(dir: &Path, name: &str, save: &SaveFile) -> Result<Written, WriteError> {
    let text = prepare(dir, save)?;
    let path = dir.join(format!("{}.ron", sanitise(name)));
    let set_aside = keep_if_broken(&path)?;
    write_atomic(&path, &text)?;
    Ok(Written { path, set_aside })
}

/// Writes the autosave, keeping the previous ones as `autosave-1` .. `autosave-4` (the oldest is
/// dropped). Each step is a rename or an atomic write, so a crash at any moment leaves every
/// autosave file whole.
pub fn autosave(dir: &Path, save: &SaveFile) -> Result<Written, WriteError> {
    let text = prepare(dir, save)?;
    let slot = |n: usize| {
        if n == 0 {
            dir.join(format!("{AUTOSAVE}.ron"))
        } else {
            dir.join(format!("{AUTOSAVE}-{n}.ron"))
        }
    };
    let path = slot(0);
    if fs::read_to_string(&path).is_ok_and(|old| old == text) {
        return Ok(Written {
            path,
            set_aside: None,
        });
    }
    let mut set_aside = keep_if_broken(&path)?;
    if path.exists() {
        let oldest = slot(AUTOSAVES_KEPT - 1);
        set_aside = keep_if_broken(&oldest)?.or(set_aside);
        for n in (0..AUTOSAVES_KEPT - 1).rev() {
            if slot(n).exists() {
                fs::rename(slot(n), slot(n + 1)).map_err(|e| io_problem("rotate", &slot(n), e))?;
            }
        }
    }
    write_atomic(&path, &text)?;
    Ok(Written { path, set_aside })
}

/// Every save in a folder (`*.ron`), newest first, each with its summary or what is wrong with it.
pub fn list(dir: &Path) -> Vec<SaveEntry> {
    let Ok(files) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, SaveEntry)> = files
        .filter_map(Result::ok)
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|path| {
            let name = path.file_stem()?.to_str()?.to_string();
            if name.starts_with('.') {
                return None;
            }
            let label = path.display().to_string();
            let summary = read_text(&path).and_then(|t| peek(&label, &t));
            let modified = fs::metadata(&path)
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            Some((
                modified,
                SaveEntry {
                    path,
                    name,
                    summary,
                },
            ))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    found.into_iter().map(|(_, e)| e).collect()
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
}
