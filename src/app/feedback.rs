//! The results of the effects the front end carried out, told on the status line: a save, the
//! report, a save that would not load.

use std::path::PathBuf;

use super::{App, Start};
use crate::report;
use crate::save::{self, SaveEntry, Written};

impl App {
    /// Tells the after-action report the front end wrote (the game is saved beside it).
    pub fn reported(&mut self, result: Result<Vec<PathBuf>, report::WriteError>) {
        self.session.saved |= result.is_ok();
        self.status = match result {
            Ok(paths) => format!(
                "Report written: {}",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            Err(e) => format!("Could not write the report: {e}. The game goes on."),
        };
    }

    /// Tells a save the front end carried out; only a manual one counts as the player's save.
    pub fn saved_to(&mut self, result: &Result<Written, save::WriteError>, manual: bool) {
        match result {
            Ok(written) => {
                if manual {
                    self.session.saved = true;
                    self.status = format!("Saved to {}", written.path.display());
                }
                if let Some(aside) = &written.set_aside {
                    self.status = format!(
                        "{} was not a readable save, so it was kept as {}. {}",
                        written.path.display(),
                        aside.display(),
                        self.status
                    );
                }
            }
            Err(e) => self.status = format!("Could not save: {e}. The game goes on."),
        }
    }

    /// A save picked from the start menu would not load: the menu says why and offers the rest.
    pub fn load_failed(&mut self, problem: String, saves: Vec<SaveEntry>) {
        self.start = Some(Start::failed(problem, saves));
    }
}
