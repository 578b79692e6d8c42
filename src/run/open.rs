//! Opening a game before any screen is drawn: a save checked against its log, or a new game from
//! a seed, with the start menu when there is an autosave to continue or the named save failed.

use std::path::{Path, PathBuf};

use crate::app::{App, Session, Start};
use crate::content::LoadError;
use crate::game::{self, Difficulty};
use crate::save;

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
    /// Offer the guided first round to a new game (`--no-guide` turns it off).
    pub guide: bool,
}

/// A seed for a new game when the player gave none.
fn fresh_seed() -> u64 {
    #[allow(clippy::disallowed_methods)] // the one place a new game's seed may come from the clock
    let now = std::time::SystemTime::now();
    now.duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_secs() % 1_000_000)
}

/// Why a game could not be opened; the command line prints it after `muscat: `, the start menu
/// shows it.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Read(#[from] save::ReadError),
    /// The content a save names cannot be loaded.
    #[error("{}: scenario \"{scenario}\": {source}", .path.display())]
    SaveContent {
        path: PathBuf,
        scenario: String,
        source: LoadError,
    },
    /// The save does not stand up to its command log.
    #[error("{}: {source}", .path.display())]
    Check {
        path: PathBuf,
        source: save::CheckError,
    },
    /// The content of a new game cannot be loaded.
    #[error(transparent)]
    Content(#[from] LoadError),
}

/// Builds the app for a save: its state checked against its log (see [`save::check`]).
pub fn open_save(path: &Path, assets: Option<&Path>) -> Result<App, OpenError> {
    let saved = save::read(path)?;
    let content = crate::content::load_saved(&saved.scenario, assets).map_err(|source| {
        OpenError::SaveContent {
            path: path.to_path_buf(),
            scenario: saved.scenario.clone(),
            source,
        }
    })?;
    let loaded = save::check(&content, &saved).map_err(|source| OpenError::Check {
        path: path.to_path_buf(),
        source,
    })?;
    let mut session = Session::new(content, loaded.state, loaded.log);
    session.origin = loaded.start;
    let mut app = App::open(session);
    app.status = format!("Loaded {}. {}", path.display(), loaded.warnings.join(" "));
    Ok(app)
}

/// The autosave to continue: `autosave`, or if it is missing (a file system that lost it), the
/// newest readable `autosave-N`.
fn newest_autosave(saves: &[save::SaveEntry]) -> Option<&save::SaveEntry> {
    saves.iter().find(|s| s.name == save::AUTOSAVE).or_else(|| {
        (1..save::AUTOSAVES_KEPT).find_map(|n| {
            saves
                .iter()
                .find(|s| s.name == format!("{}-{n}", save::AUTOSAVE) && s.summary.is_ok())
        })
    })
}

/// Builds the app: a loaded save, or a new game; with the start menu when the player named no
/// save and an autosave exists, or when the named save cannot be loaded (the file is left as it
/// is, and the player may start afresh or pick another). Plain mode has no menu: a save that
/// cannot be loaded is an error there.
pub fn prepare(options: &Options, dir: &Path) -> Result<App, OpenError> {
    let failed = match &options.load {
        Some(path) => match open_save(path, options.assets.as_deref()) {
            Ok(app) => return Ok(app),
            Err(e) if options.plain => return Err(e),
            Err(e) => Some(e),
        },
        None => None,
    };
    let content =
        crate::content::load_with(options.scenario.as_deref(), options.assets.as_deref())?;
    let seed = options.seed.unwrap_or_else(fresh_seed);
    let state = game::start(&content, seed, options.difficulty);
    let mut app = App::new(content, state, Vec::new());
    // Temporary files a killed game left behind are never saves; the lock keeps others' writes.
    let _ = save::clean(dir);
    if options.plain {
        return Ok(app);
    }
    let mut saves = save::list(dir);
    save::appraise(&mut saves, &app.session.content);
    if let Some(problem) = failed {
        app.start = Some(Start::failed(problem.to_string(), saves));
    } else if let Some(auto) = newest_autosave(&saves).cloned() {
        app.start = Some(Start::menu(saves, Some(&auto)));
    } else if options.guide {
        // No autosave yet: most likely a first game, so the guide runs (G hides it).
        app = app.with_guide();
    }
    Ok(app)
}
