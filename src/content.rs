//! Content: the RON files of `assets/` (embedded in the binary, overridable by a folder), parsed,
//! cross-checked and resolved into the immutable [`Content`] the game core reads. Errors name
//! `file:line:col`, all at once, and the game never starts on invalid content.

mod bundle;
mod cutoff;
mod deck;
mod dominance;
mod history;
mod resolve;
pub mod schema;

pub use bundle::{Bundle, MAX_CONTENT_BYTES, Source, read_file};
pub use history::HistoryDate;
pub use resolve::{
    Content, DEFAULT_SCENARIO, DelegationProfile, FactionProfile, RedLine, lint, load,
};
pub use schema::*;

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a content file, located as precisely as the file allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// Why content could not be loaded. Each variant's text is what the command line prints.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The `--assets` folder, or a file in it, cannot be read (the error names the path).
    #[error("{source}")]
    Folder {
        dir: PathBuf,
        source: std::io::Error,
    },
    /// A scenario named by its file cannot be read (the error names the path).
    #[error("{source}")]
    ScenarioFile {
        path: String,
        source: std::io::Error,
    },
    /// A save names its scenario by an id that is not one (a path, say): a save never makes the
    /// game read a file it names.
    #[error("the save names scenario \"{scenario}\", which is not a scenario id")]
    NotAnId { scenario: String },
    /// The files were read and are wrong: every problem found, one `file:line:col: message` line
    /// each.
    #[error("{}", lines(.0))]
    Invalid(Vec<ContentError>),
}

fn lines(errors: &[ContentError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Loads content: built-in, or a folder, with a scenario picked by id or read from a file.
pub fn load_with(scenario: Option<&str>, assets: Option<&Path>) -> Result<Content, LoadError> {
    let mut bundle = bundle_of(assets)?;
    let mut id = scenario;
    if let Some(s) = scenario
        && (Path::new(s)
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("ron"))
            || Path::new(s).is_file())
    {
        bundle =
            bundle
                .with_scenario_file(Path::new(s))
                .map_err(|source| LoadError::ScenarioFile {
                    path: s.to_string(),
                    source,
                })?;
        id = None;
    }
    load(&bundle, id).map_err(LoadError::Invalid)
}

/// The content a save was played with: its scenario is taken as an id only (letters, digits,
/// `-`, `_`), never as a file to read.
pub fn load_saved(scenario: &str, assets: Option<&Path>) -> Result<Content, LoadError> {
    let is_id = !scenario.is_empty()
        && scenario.len() <= 64
        && scenario
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !is_id {
        return Err(LoadError::NotAnId {
            scenario: scenario.chars().take(80).collect(),
        });
    }
    load(&bundle_of(assets)?, Some(scenario)).map_err(LoadError::Invalid)
}

/// The built-in content, or the `--assets` folder's.
fn bundle_of(assets: Option<&Path>) -> Result<Bundle, LoadError> {
    match assets {
        Some(dir) => Bundle::from_dir(dir).map_err(|source| LoadError::Folder {
            dir: dir.to_path_buf(),
            source,
        }),
        None => Ok(Bundle::builtin()),
    }
}

/// Parses one RON file; a syntax or shape error carries ron's own position.
pub fn parse<T: serde::de::DeserializeOwned>(source: &Source) -> Result<T, ContentError> {
    ron::Options::default()
        .from_str(&source.text)
        .map_err(|e: ron::error::SpannedError| ContentError {
            file: source.label.clone(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// Line and column (1-based) of `needle` in `text`, searched after each anchor in turn, so
/// `locate(text, &["\"card-id\"", "\"bad-ref\""])` finds the bad reference inside that card.
/// Falls back to the last anchor found, then to 1:1.
pub fn locate(text: &str, path: &[&str]) -> (usize, usize) {
    let mut at = 0;
    let mut found = None;
    for needle in path {
        if let Some(pos) = text[at..].find(needle) {
            at += pos;
            found = Some(at);
            at += needle.len().min(1);
        }
    }
    let Some(pos) = found else { return (1, 1) };
    let before = &text[..pos];
    let line = before.matches('\n').count() + 1;
    let col = before.rfind('\n').map_or(pos, |nl| pos - nl - 1) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_follows_anchors() {
        let text = "(\n  id: \"a\", x: \"z\",\n  id: \"b\", x: \"z\",\n)";
        assert_eq!(locate(text, &["\"b\"", "\"z\""]), (3, 15));
        assert_eq!(locate(text, &["\"a\"", "\"z\""]), (2, 15));
        assert_eq!(locate(text, &["missing"]), (1, 1));
    }

    #[test]
    fn parse_errors_carry_position() {
        let src = Source {
            label: "x.ron".into(),
            text: "(version: 1, issues: [], extra: 3)".into(),
        };
        let err = parse::<DomainFile>(&src).expect_err("unknown field");
        assert_eq!((err.line, err.col), (1, 26));
        assert!(err.to_string().starts_with("x.ron:1:26: "), "{err}");
        assert!(err.message.contains("extra"), "{err}");
    }
}
