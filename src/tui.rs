//! The only code that touches the terminal: loading before the screen opens, init and restore
//! (panic included), the blocking event loop, and carrying out the app's I/O effects.

use std::io::stdout;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event as TermEvent, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::app::{App, Effect, Msg, Overlay, Start, keymap};
use crate::content::LoadError;
use crate::game::{self, Difficulty};
use crate::save;
use crate::ui::{self, Theme};

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

/// Why a game could not be opened or played; the command line prints it after `muscat: `.
#[derive(Debug, thiserror::Error)]
pub enum PlayError {
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
    #[error("cannot open the terminal: {0}")]
    Open(std::io::Error),
    #[error("terminal error: {0}")]
    Terminal(std::io::Error),
}

/// A seed for a new game when the player gave none.
fn fresh_seed() -> u64 {
    #[allow(clippy::disallowed_methods)] // the one place a new game's seed may come from the clock
    let now = std::time::SystemTime::now();
    now.duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_secs() % 1_000_000)
}

/// Builds the app for a save: its state checked against its log (see [`save::check`]).
fn open_save(path: &Path, assets: Option<&Path>) -> Result<App, PlayError> {
    let saved = save::read(path)?;
    let content = crate::content::load_with(Some(&saved.scenario), assets).map_err(|source| {
        PlayError::SaveContent {
            path: path.to_path_buf(),
            scenario: saved.scenario.clone(),
            source,
        }
    })?;
    let loaded = save::check(&content, &saved).map_err(|source| PlayError::Check {
        path: path.to_path_buf(),
        source,
    })?;
    let mut app = App::new(content, loaded.state, loaded.log);
    app.origin = loaded.start;
    app.saved = true;
    app.status = format!("Loaded {}. {}", path.display(), loaded.warnings.join(" "));
    Ok(app)
}

/// Builds the app: a loaded save, or a new game; with the start menu when the player named no
/// save and an autosave exists, or when the named save cannot be loaded (the file is left as it
/// is, and the player may start afresh or pick another).
pub fn prepare(options: &Options, dir: &Path) -> Result<App, PlayError> {
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
    if options.plain {
        return Ok(app);
    }
    let saves = save::list(dir);
    if let Some(problem) = failed {
        app.start = Some(Start::failed(problem.to_string(), saves));
    } else if let Some(auto) = saves.iter().find(|s| s.name == save::AUTOSAVE).cloned() {
        app.start = Some(Start::menu(saves, Some(&auto)));
    } else if options.guide {
        // No autosave yet: most likely a first game, so the guide runs (G hides it).
        app = app.with_guide();
    }
    Ok(app)
}

/// Plays `app` in the terminal until the player quits. Everything is loaded and checked before
/// (see [`prepare`]), so errors print on a sane screen.
pub fn run(mut app: App, options: &Options, dir: &Path) -> Result<ExitCode, PlayError> {
    let theme = Theme::from_env();
    if theme == Theme::mono() {
        // crossterm answers NO_COLOR by resetting every attribute on each style change, which
        // wipes bold and reverse; the mono theme has no colours, so force attribute output.
        ratatui::crossterm::style::force_color_output(true);
    }
    let mut terminal = ratatui::try_init().map_err(PlayError::Open)?;
    if options.mouse {
        let _ = execute!(stdout(), EnableMouseCapture);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
    }
    let result = event_loop(
        &mut terminal,
        &mut app,
        &theme,
        dir,
        options.assets.as_deref(),
    );
    if options.mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let autosaved = result?;
    if let Some(outcome) = app.state.outcome() {
        println!("{}", outcome.title());
    }
    match autosaved {
        Some(path) => println!("Seed {}. Autosaved to {}.", app.state.seed, path.display()),
        None => println!("Seed {}.", app.state.seed),
    }
    Ok(ExitCode::SUCCESS)
}

/// Draw, read, update, perform: until the app asks to quit. Returns where the last autosave went.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    dir: &Path,
    assets: Option<&Path>,
) -> Result<Option<PathBuf>, PlayError> {
    let io = PlayError::Terminal;
    // Test hook, documented in the README: a key that panics, to check the terminal is restored.
    let panic_key = std::env::var("MUSCAT_TEST_PANIC_KEY")
        .ok()
        .and_then(|k| k.chars().next());
    // Measuring hook, documented in docs/performance.md: quit right after the first frame, so
    // start-up to first frame can be timed from outside.
    let first_frame_only = std::env::var_os("MUSCAT_FIRST_FRAME_ONLY").is_some();
    let mut autosaved = None;
    loop {
        terminal.draw(|f| ui::view(f, app, theme)).map_err(io)?;
        if first_frame_only {
            return Ok(autosaved);
        }
        let size = terminal.size().map_err(io)?;
        let area = Rect::new(0, 0, size.width, size.height);
        let event = event::read().map_err(io)?;
        if let (Some(k), TermEvent::Key(key)) = (panic_key, &event)
            && key.code == event::KeyCode::Char(k)
        {
            panic!(
                "MUSCAT_TEST_PANIC_KEY pressed: a deliberate panic to test the terminal restore"
            );
        }
        let Some(msg) = to_msg(app, area, &event) else {
            continue;
        };
        for effect in app.update(msg) {
            match effect {
                Effect::Quit => return Ok(autosaved),
                Effect::Save => {
                    let result = save::write(dir, &app.save_name(), &app.save_file());
                    app.saved_to(result, true);
                }
                Effect::WriteReport => {
                    let name = app.save_name();
                    let saved = save::write(dir, &name, &app.save_file());
                    let result = saved.map_err(Into::into).and_then(|_| {
                        crate::report::write_beside_save(
                            dir,
                            &name,
                            &app.content,
                            &app.state,
                            &app.log,
                        )
                    });
                    app.saved = app.saved || result.is_ok();
                    app.reported(result);
                }
                Effect::Autosave => {
                    let result = save::autosave(dir, &app.save_file());
                    if let Ok(w) = &result {
                        autosaved = Some(w.path.clone());
                    }
                    app.saved_to(result, false);
                }
                Effect::Load(path) => match open_save(&path, assets) {
                    Ok(loaded) => *app = loaded,
                    Err(e) => app.start = Some(Start::failed(e.to_string(), save::list(dir))),
                },
            }
        }
    }
}

/// Maps a terminal event to a message: keys through the key table, clicks through the layout.
pub fn to_msg(app: &App, area: Rect, event: &TermEvent) -> Option<Msg> {
    match event {
        TermEvent::Key(key) if key.is_press() => {
            if matches!(app.top(), Some(Overlay::Reflect { .. })) {
                return text_entry(*key);
            }
            if area.width < ui::MIN_WIDTH || area.height < ui::MIN_HEIGHT {
                // Only quitting makes sense on a screen too small to show anything.
                return keymap::lookup(*key)
                    .filter(|m| matches!(m, Msg::Quit | Msg::ForceQuit))
                    .map(|_| Msg::ForceQuit);
            }
            keymap::lookup(*key)
        }
        TermEvent::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) if app.overlays.is_empty() => {
                ui::click_at(app, area, m.column, m.row)
            }
            MouseEventKind::ScrollUp => Some(Msg::ScrollUp),
            MouseEventKind::ScrollDown => Some(Msg::ScrollDown),
            _ => None,
        },
        _ => None,
    }
}

/// Keys while typing an answer: characters are text, not commands.
fn text_entry(key: ratatui::crossterm::event::KeyEvent) -> Option<Msg> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(Msg::ForceQuit),
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => Some(Msg::Type(c)),
        KeyCode::Backspace => Some(Msg::Erase),
        KeyCode::Enter => Some(Msg::Confirm),
        KeyCode::Esc => Some(Msg::Back),
        _ => None,
    }
}
