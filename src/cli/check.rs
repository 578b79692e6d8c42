//! `muscat check`: validates content (what loading checks, and the authoring rules of
//! `content::lint`) and lists its scenarios, with `file:line:col` errors.

use std::path::PathBuf;
use std::process::ExitCode;

use super::error::CliError;
use crate::content::{self, Bundle};

/// Validates content folders or scenario files (the built-in assets when none is given).
pub(crate) fn run(paths: &[PathBuf]) -> Result<ExitCode, CliError> {
    let mut bundles = Vec::new();
    if paths.is_empty() {
        bundles.push(("built-in assets".to_string(), Bundle::builtin()));
    }
    for path in paths {
        let bundle = if path.is_dir() {
            Bundle::from_dir(path)
        } else {
            Bundle::builtin().with_scenario_file(path)
        }
        .map_err(|source| CliError::Unreadable {
            path: path.clone(),
            source,
        })?;
        bundles.push((path.display().to_string(), bundle));
    }
    let mut failed = false;
    for (_, bundle) in &bundles {
        let lint = content::lint(bundle);
        match content::load(bundle, None) {
            Ok(_) if !lint.is_empty() => {
                failed = true;
                for e in lint {
                    println!("{e}");
                }
            }
            Ok(c) => {
                let [s, d, k, g] = c.counts;
                println!(
                    "ok: {s} scenario{}, {d} delegations, {k} cards, {g} glossary entries",
                    if s == 1 { "" } else { "s" }
                );
                // The list a teacher picks from with `--scenario ID`.
                for source in &bundle.scenarios {
                    if let Ok(sc) = content::parse::<content::Scenario>(source) {
                        println!("  {:<22} {:>2} weeks  {}", sc.id, sc.deadline, sc.title);
                    }
                }
            }
            Err(errors) => {
                failed = true;
                for e in errors.into_iter().chain(lint) {
                    println!("{e}");
                }
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
