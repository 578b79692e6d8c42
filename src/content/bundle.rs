//! Where content text comes from: the files embedded in the binary, or a folder on disk laid out
//! like `assets/`. This is the only part of `content` that touches the file system.

use std::io;
use std::path::Path;

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
        }
    }

    /// Reads a folder laid out like `assets/`: `domain.ron`, `glossary.ron`, and the `.ron` files of
    /// `scenarios/`, `delegations/`, `cards/` and `crises/` (sorted by name, so the order is the same everywhere).
    pub fn from_dir(dir: &Path) -> io::Result<Bundle> {
        let read = |p: &Path| -> io::Result<Source> {
            Ok(Source {
                label: p.display().to_string(),
                text: std::fs::read_to_string(p)?,
            })
        };
        let folder = |name: &str| -> io::Result<Vec<Source>> {
            let sub = dir.join(name);
            if !sub.is_dir() {
                return Ok(Vec::new());
            }
            let mut paths: Vec<_> = std::fs::read_dir(&sub)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect();
            paths.sort();
            paths.iter().map(|p| read(p)).collect()
        };
        let optional = |name: &str| -> io::Result<Option<Source>> {
            let p = dir.join(name);
            if p.is_file() {
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
        })
    }

    /// Replaces (or adds) a scenario read from one file, keeping the rest of the bundle.
    pub fn with_scenario_file(mut self, path: &Path) -> io::Result<Bundle> {
        let text = std::fs::read_to_string(path)?;
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
