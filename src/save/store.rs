//! Save files on disk: safe names, atomic writes, rotating autosaves, and listing a folder. A file
//! that is not a readable save is never replaced: it is set aside under a `.broken-N` name.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::check::{Standing, standing};
use super::error::{CheckError, ReadError, WriteError};
use super::format::{SaveFile, SaveMeta};
use super::parse::{peek, read, read_text};
use crate::content::Content;

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
    /// Whether its log vouches for it, once [`appraise`] has replayed it (`None` until then, or
    /// when it is of another scenario than the content at hand).
    pub standing: Option<Result<Standing, CheckError>>,
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

/// The lock file of a save folder: every write to the folder holds it, so games sharing the
/// folder take turns to rotate the autosaves instead of renaming over each other.
const LOCK: &str = ".muscat.lock";

/// The folder's lock, held until dropped (the system releases it if the process dies, so a kill
/// never leaves the folder locked).
struct FolderLock {
    _file: fs::File,
}

fn lock(dir: &Path) -> Result<FolderLock, WriteError> {
    let path = dir.join(LOCK);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| io_problem("lock", &path, e))?;
    file.lock().map_err(|e| io_problem("lock", &path, e))?;
    Ok(FolderLock { _file: file })
}

/// A name no one can guess, so no file or link can be planted under it beforehand.
fn unguessable() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    // `RandomState` is keyed from the system's randomness; the counter and the process id make
    // two names in a row differ even if the keys repeat.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNT.fetch_add(1, Ordering::Relaxed));
    h.write_u32(std::process::id());
    h.finish()
}

/// Whether a file name is one of the temporary files [`write_temp`] makes.
fn is_temporary(name: &str) -> bool {
    name.starts_with('.')
        && Path::new(name)
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("tmp"))
}

/// Writes `bytes` to a new temporary file beside `path`, flushed and synced, and returns its
/// path. The file is created exclusively (`create_new`: never an existing file, never through a
/// symlink) under an unguessable name; on failure nothing is left behind.
fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|s| s.to_str()).unwrap_or("save");
    let mut last = None;
    for _ in 0..8 {
        let tmp = dir.join(format!(".{name}.{:016x}.tmp", unguessable()));
        let mut f = match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                last = Some(e);
                continue;
            }
            Err(e) => return Err(io_problem("write", path, e)),
        };
        let written = f.write_all(bytes).and_then(|()| f.sync_all());
        return match written {
            Ok(()) => Ok(tmp),
            Err(e) => {
                drop(f);
                let _ = fs::remove_file(&tmp);
                Err(io_problem("write", path, e))
            }
        };
    }
    Err(io_problem(
        "write",
        path,
        last.unwrap_or_else(|| std::io::Error::other("no free temporary name")),
    ))
}

/// Syncs the folder, so the renames in it reach the disk and survive a power cut.
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Renames a finished temporary file over `path` (atomic: `path` is old or new, never half).
fn commit(tmp: &Path, path: &Path) -> Result<(), WriteError> {
    fs::rename(tmp, path).map_err(|e| {
        let _ = fs::remove_file(tmp);
        io_problem("write", path, e)
    })?;
    sync_dir(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

/// Removes temporary files that a killed or failed write left in the folder. Done under the
/// folder's lock, so no other game's write in progress is touched.
pub fn clean(dir: &Path) -> Result<usize, WriteError> {
    if !dir.is_dir() {
        return Ok(0);
    }
    let _lock = lock(dir)?;
    let Ok(files) = fs::read_dir(dir) else {
        return Ok(0);
    };
    let mut removed = 0;
    for f in files.filter_map(Result::ok) {
        let name = f.file_name();
        let Some(name) = name.to_str() else { continue };
        // `file_type` does not follow links: a planted link is removed, never its target.
        let is_dir = f.file_type().is_ok_and(|t| t.is_dir());
        if is_temporary(name) && !is_dir && fs::remove_file(f.path()).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Refuses a save folder that exists but is not a folder, with its path.
fn prepare(dir: &Path, save: &SaveFile) -> Result<String, WriteError> {
    if dir.exists() && !dir.is_dir() {
        return Err(WriteError::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    fs::create_dir_all(dir).map_err(|e| io_problem("create", dir, e))?;
    save.to_text()
}

/// Writes a named save (`<dir>/<name>.ron`, the name sanitised) atomically. Names the autosave
/// slots use and names some systems cannot open (`CON`, `NUL`, `COM1`, …) are refused.
pub fn write(dir: &Path, name: &str, save: &SaveFile) -> Result<Written, WriteError> {
    let clean = sanitise(name);
    if let Some(why) = reserved(&clean) {
        return Err(WriteError::Reserved {
            path: dir.join(format!("{clean}.ron")),
            why,
        });
    }
    let text = prepare(dir, save)?;
    let path = dir.join(format!("{clean}.ron"));
    let _lock = lock(dir)?;
    let tmp = write_temp(&path, text.as_bytes())?;
    let set_aside = keep_if_broken(&path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })?;
    commit(&tmp, &path)?;
    Ok(Written { path, set_aside })
}

/// Why a (sanitised) save name cannot be used, if it cannot: the autosave slots' names, or a
/// device name Windows reserves whatever the extension.
pub fn reserved(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    if lower.starts_with(AUTOSAVE) {
        return Some("names starting with \"autosave\" are kept for the autosaves");
    }
    let device = matches!(lower.as_str(), "con" | "prn" | "aux" | "nul")
        || ["com", "lpt"].iter().any(|p| {
            lower
                .strip_prefix(p)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
        });
    device.then_some("it is a device name that Windows cannot open as a file")
}

/// The game a save belongs to, to keep each game's newest autosave when games share a folder.
fn game_of(path: &Path) -> Option<(String, u64, crate::game::Difficulty)> {
    read(path).ok().map(|s| (s.scenario, s.seed, s.difficulty))
}

fn slot(dir: &Path, n: usize) -> PathBuf {
    if n == 0 {
        dir.join(format!("{AUTOSAVE}.ron"))
    } else {
        dir.join(format!("{AUTOSAVE}-{n}.ron"))
    }
}

/// Writes the autosave, keeping the previous ones as `autosave-1` .. `autosave-4`.
///
/// The new autosave is written and synced to a temporary file first, so a full disk or a kill
/// before it is whole changes nothing. Then, under the folder's lock, the older slots shift down
/// by renames, `autosave.ron` is linked (not moved) to `autosave-1.ron`, and the new file is
/// renamed over `autosave.ron`: at every moment `autosave.ron` exists and every slot is whole.
/// When the slots are full, the one dropped is the oldest that has a newer autosave of the same
/// game (scenario, seed, difficulty), else the oldest: games sharing a folder each keep their
/// newest autosave.
pub fn autosave(dir: &Path, save: &SaveFile) -> Result<Written, WriteError> {
    let text = prepare(dir, save)?;
    let _lock = lock(dir)?;
    let path = slot(dir, 0);
    if read_text(&path).is_ok_and(|old| old == text) {
        return Ok(Written {
            path,
            set_aside: None,
        });
    }
    let tmp = write_temp(&path, text.as_bytes())?;
    let rotated = rotate(dir, save).and_then(|set_aside| {
        commit(&tmp, &path)?;
        Ok(set_aside)
    });
    if rotated.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    Ok(Written {
        path,
        set_aside: rotated?,
    })
}

/// Frees `autosave.ron` for the new autosave (see [`autosave`]), leaving it in place as the
/// copy at `autosave-1.ron`; returns where a broken slot was set aside.
fn rotate(dir: &Path, save: &SaveFile) -> Result<Option<PathBuf>, WriteError> {
    let exists = |n: usize| fs::symlink_metadata(slot(dir, n)).is_ok();
    let mut set_aside = keep_if_broken(&slot(dir, 0))?;
    if !exists(0) {
        return Ok(set_aside);
    }
    let free = (1..AUTOSAVES_KEPT)
        .find(|&n| !exists(n))
        .unwrap_or_else(|| {
            let ids: Vec<_> = (0..AUTOSAVES_KEPT)
                .map(|n| game_of(&slot(dir, n)))
                .collect();
            let new = Some((save.scenario.clone(), save.seed, save.difficulty));
            (1..AUTOSAVES_KEPT)
                .rev()
                .find(|&n| ids[n].is_some() && (ids[n] == new || ids[..n].contains(&ids[n])))
                .unwrap_or(AUTOSAVES_KEPT - 1)
        });
    if exists(free) {
        set_aside = keep_if_broken(&slot(dir, free))?.or(set_aside);
    }
    for n in (1..free).rev() {
        if exists(n) {
            fs::rename(slot(dir, n), slot(dir, n + 1))
                .map_err(|e| io_problem("rotate", &slot(dir, n), e))?;
        }
    }
    // `autosave.ron` stays where it is until the new one replaces it: a hard link gives its
    // second name, or, where the file system has no links, a synced copy does.
    let newest = slot(dir, 0);
    let second = slot(dir, 1);
    let link = dir.join(format!(".{AUTOSAVE}-1.ron.{:016x}.tmp", unguessable()));
    let tmp = if fs::hard_link(&newest, &link).is_ok() {
        link
    } else {
        let bytes = fs::read(&newest).map_err(|e| io_problem("rotate", &newest, e))?;
        write_temp(&second, &bytes)?
    };
    fs::rename(&tmp, &second).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_problem("rotate", &newest, e)
    })?;
    Ok(set_aside)
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
                    standing: None,
                },
            ))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    found.into_iter().map(|(_, e)| e).collect()
}

/// Replays every readable save of `content`'s scenario in a listing, so the menu can say which
/// are verified records of play and which are not (or do not even replay).
pub fn appraise(entries: &mut [SaveEntry], content: &Content) {
    for entry in entries {
        let ours =
            matches!(&entry.summary, Ok((scenario, _, _)) if *scenario == content.scenario.id);
        if ours && let Ok(save) = read(&entry.path) {
            entry.standing = Some(standing(content, &save));
        }
    }
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
