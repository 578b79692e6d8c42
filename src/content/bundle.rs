//! Where content text comes from: the files embedded in the binary, or a folder on disk laid out
//! like `assets/`. This is the only part of `content` that touches the file system.

use std::io::{self, Read};
use std::path::Path;

/// Largest content file read (the biggest shipped card file is ~16 KiB), so a huge or endless
/// file is refused at once and the check stays fast.
pub const MAX_CONTENT_BYTES: u64 = 4 * 1024 * 1024;

/// An I/O error that names the file it is about.
fn named(path: &Path, what: impl std::fmt::Display, kind: io::ErrorKind) -> io::Error {
    io::Error::new(kind, format!("{}: {what}", path.display()))
}

/// Reads a file of at most `cap` bytes as UTF-8 text, opening it only if it is a regular file
/// (a symlink is followed only to a regular file), so a FIFO, a device or a folder is refused
/// before it can block or stream forever. Every error names the file and says what is wrong.
pub fn read_file(path: &Path, cap: u64) -> io::Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| named(path, &e, e.kind()))?;
    if meta.is_dir() {
        return Err(named(
            path,
            "is a folder, not a file",
            io::ErrorKind::InvalidInput,
        ));
    }
    if !meta.is_file() {
        return Err(named(
            path,
            "not a regular file (a pipe, device or socket), so it is not read",
            io::ErrorKind::InvalidInput,
        ));
    }
    if meta.len() > cap {
        return Err(named(
            path,
            format!("too large ({} bytes; at most {cap} are read)", meta.len()),
            io::ErrorKind::InvalidData,
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| named(path, &e, e.kind()))?;
    let mut bytes = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| named(path, &e, e.kind()))?;
    if bytes.len() as u64 > cap {
        return Err(named(
            path,
            format!("too large (at most {cap} bytes are read)"),
            io::ErrorKind::InvalidData,
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        named(
            path,
            format!(
                "not UTF-8 text (byte {} is not UTF-8)",
                e.utf8_error().valid_up_to()
            ),
            io::ErrorKind::InvalidData,
        )
    })?;
    if text.starts_with('\u{feff}') {
        return Err(named(
            path,
            "starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without one",
            io::ErrorKind::InvalidData,
        ));
    }
    Ok(text)
}

/// One content file: a label for error messages (its path) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub label: String,
    pub text: String,
}

/// Every content file of a game, by role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bundle {
    pub domain: Option<Source>,
    pub scenarios: Vec<Source>,
    pub delegations: Vec<Source>,
    pub cards: Vec<Source>,
    /// Crises: cards that break on a condition, not by draw.
    pub crises: Vec<Source>,
    pub glossary: Option<Source>,
    /// The folder it was read from (none for the built-in content), so a missing file is named
    /// with its full path.
    pub folder: Option<std::path::PathBuf>,
}

macro_rules! embedded {
    ($path:literal) => {
        Source {
            label: concat!("assets/", $path).to_string(),
            text: include_str!(concat!("../../assets/", $path)).to_string(),
        }
    };
}

/// The rules that play the content. Raise it when a change to the rules makes the same commands
/// play out differently: a save written under older rules then loads as it was written, with a
/// warning, instead of being refused as tampered when its replay diverges.
const RULES: &str =
    "rules 4: crises take the week's card slot; ideas are graded by the real answer";

impl Bundle {
    /// The content shipped inside the binary, each folder in file-name order like
    /// [`Bundle::from_dir`], so a copy of `assets/` plays the same games as the binary.
    pub fn builtin() -> Bundle {
        Bundle {
            domain: Some(embedded!("domain.ron")),
            scenarios: vec![
                embedded!("scenarios/lesson-carriers.ron"),
                embedded!("scenarios/lesson-verification.ron"),
                embedded!("scenarios/muscat-2026.ron"),
            ],
            delegations: vec![
                embedded!("delegations/iran.ron"),
                embedded!("delegations/us.ron"),
            ],
            cards: vec![
                embedded!("cards/diplomacy.ron"),
                embedded!("cards/domestic.ron"),
                embedded!("cards/economy.ron"),
                embedded!("cards/military.ron"),
                embedded!("cards/nuclear.ron"),
                embedded!("cards/regional.ron"),
            ],
            crises: vec![
                embedded!("crises/coercion.ron"),
                embedded!("crises/extremes.ron"),
            ],
            glossary: Some(embedded!("glossary.ron")),
            folder: None,
        }
    }

    /// Reads a folder laid out like `assets/`: `domain.ron`, `glossary.ron`, and the `.ron` files of
    /// `scenarios/`, `delegations/`, `cards/` and `crises/` (sorted by name, so the order is the same everywhere).
    pub fn from_dir(dir: &Path) -> io::Result<Bundle> {
        let read = |p: &Path| -> io::Result<Source> {
            Ok(Source {
                label: p.display().to_string(),
                text: read_file(p, MAX_CONTENT_BYTES)?,
            })
        };
        let folder = |name: &str| -> io::Result<Vec<Source>> {
            let sub = dir.join(name);
            if !sub.is_dir() {
                return Ok(Vec::new());
            }
            let mut paths: Vec<_> = std::fs::read_dir(&sub)
                .map_err(|e| named(&sub, &e, e.kind()))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect();
            paths.sort();
            paths.iter().map(|p| read(p)).collect()
        };
        let optional = |name: &str| -> io::Result<Option<Source>> {
            let p = dir.join(name);
            if p.exists() {
                read(&p).map(Some)
            } else {
                Ok(None)
            }
        };
        Ok(Bundle {
            domain: optional("domain.ron")?,
            scenarios: folder("scenarios")?,
            delegations: folder("delegations")?,
            cards: folder("cards")?,
            crises: folder("crises")?,
            glossary: optional("glossary.ron")?,
            folder: Some(dir.to_path_buf()),
        })
    }

    /// Replaces (or adds) a scenario read from one file, keeping the rest of the bundle.
    pub fn with_scenario_file(mut self, path: &Path) -> io::Result<Bundle> {
        let text = read_file(path, MAX_CONTENT_BYTES)?;
        self.scenarios = vec![Source {
            label: path.display().to_string(),
            text,
        }];
        Ok(self)
    }

    /// A short fingerprint of all the text and of the rules that play it, stored in saves to
    /// notice changed content.
    pub fn hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(RULES.as_bytes());
        h.update([0]);
        let all = self
            .domain
            .iter()
            .chain(&self.scenarios)
            .chain(&self.delegations)
            .chain(&self.cards)
            .chain(&self.crises)
            .chain(&self.glossary);
        for s in all {
            h.update(s.text.as_bytes());
            h.update([0]);
        }
        h.finalize()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}
