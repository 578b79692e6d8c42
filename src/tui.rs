//! Terminal lifecycle (placeholder while the interface is being built).
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::content::{Bundle, Content, load};
use crate::game::Difficulty;

/// Options of `muscat play`.
#[derive(Clone, Debug)]
pub struct Options {
    pub seed: Option<u64>,
    pub difficulty: Difficulty,
    pub load: Option<PathBuf>,
    pub save_dir: Option<PathBuf>,
    pub plain: bool,
    pub mouse: bool,
    pub scenario: Option<String>,
    pub assets: Option<PathBuf>,
}

/// Loads content: built-in, or a folder, with a scenario picked by id or read from a file.
pub fn load_content(scenario: Option<&str>, assets: Option<&Path>) -> Result<Content, String> {
    let mut bundle = match assets {
        Some(dir) => Bundle::from_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?,
        None => Bundle::builtin(),
    };
    let mut id = scenario;
    if let Some(s) = scenario
        && (s.ends_with(".ron") || Path::new(s).is_file())
    {
        bundle = bundle
            .with_scenario_file(Path::new(s))
            .map_err(|e| format!("{s}: {e}"))?;
        id = None;
    }
    load(&bundle, id).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub fn run_cli(_options: &Options) -> Result<ExitCode, String> {
    Err("the interface is not built yet".into())
}
