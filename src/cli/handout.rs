//! `muscat handout`: writes a lesson's two printable pages, the student brief and the teacher
//! sheet, as `<scenario>-student.html` and `<scenario>-teacher.html`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::ContentArgs;
use super::error::CliError;
use crate::app::keymap;
use crate::report::handout;

pub(crate) fn run(content_args: &ContentArgs, out: &Path) -> Result<ExitCode, CliError> {
    let content = crate::content::load_with(
        content_args.scenario.as_deref(),
        content_args.assets.as_deref(),
    )?;
    let keys: Vec<(String, &str)> = keymap::help_lines().collect();
    std::fs::create_dir_all(out).map_err(|source| CliError::Output {
        path: out.to_path_buf(),
        source,
    })?;
    let id = &content.scenario.id;
    let pages: [(PathBuf, String); 2] = [
        (
            out.join(format!("{id}-student.html")),
            handout::student(&content, &keys),
        ),
        (
            out.join(format!("{id}-teacher.html")),
            handout::teacher(&content),
        ),
    ];
    for (path, page) in &pages {
        std::fs::write(path, page).map_err(|source| CliError::Output {
            path: path.clone(),
            source,
        })?;
        println!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
