//! `muscat replay SAVE [--verify]`: replays a save's log and prints JSON with the final state hash
//! and whether the save is a verified record of play.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use crate::content::load_saved;
use crate::save;

/// Replays the save at `path` with the content it names (from `assets` when given) and prints
/// the result; with `require_match`, exits non-zero unless the replay gives the saved state and
/// the save is verified (no stored start, the same content), saying why on stderr.
pub(crate) fn run(
    path: &Path,
    require_match: bool,
    assets: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let saved = save::read(path)?;
    let content = load_saved(&saved.scenario, assets).map_err(|source| CliError::SaveContent {
        path: path.to_path_buf(),
        source,
    })?;
    let replayed = save::replayed(&content, &saved);
    let out = serde_json::json!({
        "save": path.display().to_string(),
        "format": saved.format,
        "commands": saved.log.len(),
        "round": replayed.round,
        "final_state_hash": replayed.hash,
        "saved_state_hash": saved.state_hash,
        "same_content": saved.content_hash == content.hash,
        "matches": replayed.problem.is_none(),
        "problem": replayed.problem.as_ref().map(ToString::to_string),
        "verified": replayed.problem.is_none() && replayed.unverified.is_none(),
        "unverified": replayed.unverified.as_ref().map(ToString::to_string),
    });
    println!("{out}");
    if !require_match {
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(problem) = &replayed.problem {
        eprintln!("muscat: {}: does not verify: {problem}", path.display());
        return Ok(ExitCode::FAILURE);
    }
    if let Some(why) = &replayed.unverified {
        eprintln!("muscat: {}: unverified: {why}", path.display());
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
