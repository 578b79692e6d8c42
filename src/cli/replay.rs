//! `muscat replay SAVE [--verify]`: replays a save's log and prints JSON with the final state hash.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use crate::content::load_with;
use crate::save;

/// Replays the save at `path` with the content it names (from `assets` when given) and prints
/// the result; with `require_match`, exits non-zero unless the replay gives the saved state.
pub(crate) fn run(
    path: &Path,
    require_match: bool,
    assets: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let saved = save::read(path)?;
    let content = load_with(Some(&saved.scenario), assets)?;
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
    });
    println!("{out}");
    Ok(if require_match && replayed.problem.is_some() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
