//! Reading save text: size and nesting limits, the format version first, then the format's own
//! shape, migrated to the current one. Every error names the file, and where it can the line and
//! column, and says what is wrong.

use std::io::Read;
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::error::{Decode, ReadError};
use super::format::{FORMAT, SaveFile, SaveMeta};
use super::migrate;

/// Largest save read, so a hostile file cannot exhaust memory (a finished game is ~40 KiB).
pub const MAX_SAVE_BYTES: u64 = 16 * 1024 * 1024;
/// Deepest nesting of brackets accepted (a save needs about ten), so a hostile file cannot
/// exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// The fields every format has, read first to pick the format's parser.
#[derive(Deserialize)]
#[serde(rename = "SaveFile")]
struct Header {
    format: u32,
    #[serde(default)]
    game_version: String,
}

/// The parts of a format-2 (or later) save a listing needs.
#[derive(Deserialize)]
#[serde(rename = "SaveFile")]
struct Summary {
    scenario: String,
    seed: u64,
    meta: SaveMeta,
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_DEPTH)
}

fn decode<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, ReadError> {
    options()
        .from_str(text)
        .map_err(|e: ron::error::SpannedError| {
            let problem = match e.code {
                ron::Error::Eof => Decode::CutShort,
                ron::Error::ExceededRecursionLimit => Decode::TooDeep,
                // Short forms without ron's list of expected names, which grows with the game.
                ron::Error::NoSuchEnumVariant { found, outer, .. } => Decode::Other(format!(
                    "unknown {} `{found}`",
                    outer.as_deref().unwrap_or("choice")
                )),
                ron::Error::NoSuchStructField { found, outer, .. } => Decode::Other(format!(
                    "unknown field `{found}` in {}",
                    outer.as_deref().unwrap_or("the save")
                )),
                ron::Error::MissingStructField {
                    field: "format",
                    outer: Some(o),
                } if o == "SaveFile" => Decode::NotASave,
                ron::Error::MissingStructField { field, outer } => Decode::Other(format!(
                    "missing field `{field}` in {}",
                    outer.as_deref().unwrap_or("the save")
                )),
                other => Decode::Other(other.to_string()),
            };
            ReadError::Decode {
                file: file.to_string(),
                line: e.span.start.line,
                col: e.span.start.col,
                problem,
            }
        })
}

/// Reads a save file (at most [`MAX_SAVE_BYTES`]) and parses it.
pub fn read(path: &Path) -> Result<SaveFile, ReadError> {
    let file = path.display().to_string();
    parse(&file, &read_text(path)?)
}

/// The text of a save file, refusing anything that is not a regular file (a FIFO, a device, a
/// folder: they could block or never end), too large, or not UTF-8, before decoding.
pub(super) fn read_text(path: &Path) -> Result<String, ReadError> {
    let file = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| ReadError::io(&file, &e))?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile { file });
    }
    if meta.len() > MAX_SAVE_BYTES {
        return Err(ReadError::TooLarge { file });
    }
    let opened = std::fs::File::open(path).map_err(|e| ReadError::io(&file, &e))?;
    let mut bytes = Vec::new();
    opened
        .take(MAX_SAVE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::io(&file, &e))?;
    if bytes.len() as u64 > MAX_SAVE_BYTES {
        return Err(ReadError::TooLarge { file });
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotText {
        byte: e.utf8_error().valid_up_to(),
        file,
    })
}

/// The format version, checked against what this build reads.
fn format_of(file: &str, text: &str) -> Result<u32, ReadError> {
    let file = file.to_string();
    if text.len() as u64 > MAX_SAVE_BYTES {
        return Err(ReadError::TooLarge { file });
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty { file });
    }
    let header: Header = decode(&file, text)?;
    match header.format {
        1..=FORMAT => Ok(header.format),
        format if format > FORMAT => Err(ReadError::Newer {
            file,
            format,
            written_by: if header.game_version.is_empty() {
                "unknown".into()
            } else {
                header.game_version
            },
        }),
        format => Err(ReadError::NoSuchFormat { file, format }),
    }
}

/// Parses save text, migrating older formats; `label` names the file in errors.
pub fn parse(label: &str, text: &str) -> Result<SaveFile, ReadError> {
    let format = format_of(label, text)?;
    let migrated;
    let text = if format <= 2 {
        migrated = migrate::facts(text).map_err(|problem| ReadError::OldWording {
            file: label.to_string(),
            problem,
        })?;
        migrated.as_str()
    } else {
        text
    };
    let mut save = match format {
        1 => migrate::v2_to_v3(migrate::v1_to_v2(decode(label, text)?)),
        2 => migrate::v2_to_v3(decode(label, text)?),
        _ => decode::<SaveFile>(label, text)?,
    };
    save.written_format = Some(format);
    save.state_as_written = options()
        .from_str::<ron::Value>(text)
        .ok()
        .and_then(|v| match v {
            ron::Value::Map(mut m) => m.remove(&ron::Value::String("state".into())),
            _ => None,
        });
    Ok(save)
}

/// What a save listing shows: scenario, seed and summary, without decoding the state when the
/// format's summary is in today's shape (format 3); older saves are migrated whole.
pub fn peek(label: &str, text: &str) -> Result<(String, u64, SaveMeta), ReadError> {
    if format_of(label, text)? < FORMAT {
        let save = parse(label, text)?;
        return Ok((save.scenario, save.seed, save.meta));
    }
    let s: Summary = decode(label, text)?;
    Ok((s.scenario, s.seed, s.meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_text_names_line_and_column() {
        let err = parse("s.ron", "(format: 2,\n  seed: \"x\")").expect_err("broken");
        assert!(matches!(err, ReadError::Decode { line: 2, .. }), "{err}");
        assert!(err.to_string().starts_with("s.ron:2:"), "{err}");
    }

    #[test]
    fn deep_nesting_is_refused_not_followed() {
        let text = format!("(format: 2, seed: {}", "[".repeat(10_000));
        let err = parse("deep.ron", &text).expect_err("too deep");
        assert!(
            matches!(
                &err,
                ReadError::Decode {
                    problem: Decode::TooDeep,
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string().contains("nested deeper than 64 levels"),
            "{err}"
        );
    }

    #[test]
    fn formats_from_the_future_and_from_nowhere_are_named() {
        let err = parse("f.ron", "(format: 7, game_version: \"9.0.0\")").expect_err("future");
        assert!(
            err.to_string()
                .contains("save format 7 comes from a newer version of the game (9.0.0)")
        );
        let err = parse("z.ron", "(format: 0)").expect_err("zero");
        assert_eq!(
            err,
            ReadError::NoSuchFormat {
                file: "z.ron".into(),
                format: 0
            }
        );
        assert_eq!(
            err.to_string(),
            "z.ron: save format 0 does not exist (this version reads formats 1 to 3)"
        );
    }
}
