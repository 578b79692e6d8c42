//! `muscat report` and `muscat class`: reports of saves, printed or written to a file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::CliError;
use crate::content::Content;
use crate::report::{Format, build, class, render};
use crate::save::{self, SaveFile};

/// A save read for a report: the file, its content, and whether its log vouches for it.
pub(crate) struct Opened {
    pub saved: SaveFile,
    pub content: Content,
    /// `None` when verified; else why its outcome is not a verified record of play.
    pub unverified: Option<String>,
}

/// Reads a save and the content it was played with (built-in, or an assets folder), checks that
/// its state (and stored start) fit that content before anything reads them, and replays it to
/// say whether it is verified.
pub(crate) fn open(path: &Path, assets: Option<&Path>) -> Result<Opened, CliError> {
    let saved = save::read(path)?;
    let content = crate::content::load_saved(&saved.scenario, assets).map_err(|source| {
        CliError::SaveContent {
            path: path.to_path_buf(),
            source,
        }
    })?;
    for (what, state) in [
        ("state", Some(&saved.state)),
        ("start", saved.start.as_ref()),
    ] {
        if let Some(state) = state {
            save::fits(&content, state).map_err(|misfit| CliError::Misfit {
                path: path.to_path_buf(),
                source: save::CheckError::Misfit { what, misfit },
            })?;
        }
    }
    let unverified = match save::standing(&content, &saved) {
        Ok(save::Standing::Verified) => None,
        Ok(save::Standing::Unverified(why)) => Some(why.to_string()),
        Err(problem) => Some(format!("it does not replay: {problem}")),
    };
    if content.hash != saved.content_hash {
        eprintln!(
            "muscat: note: {} was made with other content (a changed card, delegation or scenario); names and worths are today's",
            path.display()
        );
    }
    Ok(Opened {
        saved,
        content,
        unverified,
    })
}

/// Writes the text to a file (refusing to overwrite an input save) or prints it.
fn emit(text: &str, output: Option<&Path>, inputs: &[PathBuf]) -> Result<(), CliError> {
    let Some(out) = output else {
        print!("{text}");
        return Ok(());
    };
    let same = |p: &PathBuf| {
        p == out || matches!((fs::canonicalize(p), fs::canonicalize(out)), (Ok(a), Ok(b)) if a == b)
    };
    if inputs.iter().any(same) {
        return Err(CliError::OverwritesInput {
            path: out.to_path_buf(),
        });
    }
    fs::write(out, text).map_err(|source| CliError::Output {
        path: out.to_path_buf(),
        source,
    })?;
    eprintln!("muscat: wrote {}", out.display());
    Ok(())
}

/// `muscat report SAVE [--format md|json|csv|html] [-o FILE]`; the format is picked already.
pub(crate) fn report_cli(
    path: &Path,
    format: Format,
    output: Option<&Path>,
    assets: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let opened = open(path, assets)?;
    if let Some(why) = &opened.unverified {
        eprintln!("muscat: note: {}: unverified: {why}", path.display());
    }
    let mut report = build(&opened.content, &opened.saved.state, &opened.saved.log);
    report.unverified = Some(opened.unverified.clone());
    emit(&render(&report, format), output, &[path.to_path_buf()])?;
    Ok(ExitCode::SUCCESS)
}

/// `muscat class SAVE.. [--format ..] [-o FILE]`. Saves that cannot be read are named and left
/// out; the summary needs at least one.
pub(crate) fn class_cli(
    paths: &[PathBuf],
    format: Format,
    output: Option<&Path>,
    assets: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let mut games = Vec::new();
    let mut skipped = 0;
    for path in paths {
        match open(path, assets) {
            Ok(g) => games.push((path, g)),
            Err(e) => {
                eprintln!("muscat: skipped {e}");
                skipped += 1;
            }
        }
    }
    if games.is_empty() {
        return Err(CliError::NothingToCompare);
    }
    let entries: Vec<class::Entry> = games
        .iter()
        .map(|(path, opened)| class::Entry {
            name: path.file_stem().map_or_else(
                || path.display().to_string(),
                |s| s.to_string_lossy().into_owned(),
            ),
            content: &opened.content,
            state: &opened.saved.state,
            commands: &opened.saved.log,
            unverified: opened.unverified.clone(),
        })
        .collect();
    let summary = class::summarise(&entries);
    emit(&class::render(&summary, format), output, paths)?;
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
