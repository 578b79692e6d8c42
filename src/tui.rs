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

use crate::app::{App, Effect, Msg, keymap};
use crate::content::{Bundle, Content, load};
use crate::game::{self, Difficulty};
use crate::save::{self, SaveFile};
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

/// Loads content: built-in, or a folder, with a scenario picked by id or read from a file.
pub fn load_content(scenario: Option<&str>, assets: Option<&Path>) -> Result<Content, String> {
    let mut bundle = match assets {
        Some(dir) => Bundle::from_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?,
        None => Bundle::builtin(),
    };
    let mut id = scenario;
    if let Some(s) = scenario
        && (Path::new(s)
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("ron"))
            || Path::new(s).is_file())
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

/// A seed for a new game when the player gave none.
fn fresh_seed() -> u64 {
    #[allow(clippy::disallowed_methods)] // the one place a new game's seed may come from the clock
    let now = std::time::SystemTime::now();
    now.duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_secs() % 1_000_000)
}

/// Builds the app: a loaded save (checked against its log) or a new game.
fn prepare(options: &Options) -> Result<App, String> {
    if let Some(path) = &options.load {
        let saved = save::read(path)?;
        let content = load_content(Some(&saved.scenario), options.assets.as_deref())?;
        save::verify(&content, &saved).map_err(|e| format!("{}: {e}", path.display()))?;
        let SaveFile { state, log, .. } = saved;
        let mut app = App::new(content, state, log);
        app.saved = true;
        app.status = format!("Loaded {}.", path.display());
        return Ok(app);
    }
    let content = load_content(options.scenario.as_deref(), options.assets.as_deref())?;
    let seed = options.seed.unwrap_or_else(fresh_seed);
    let state = game::start(&content, seed, options.difficulty);
    let app = App::new(content, state, Vec::new());
    Ok(if options.guide { app.with_guide() } else { app })
}

/// `muscat play`: everything is loaded and checked before the terminal is touched, so errors
/// print on a sane screen.
pub fn run_cli(options: &Options) -> Result<ExitCode, String> {
    let mut app = prepare(options)?;
    let dir = options.save_dir.clone().unwrap_or_else(save::default_dir);
    if dir.join("autosave.ron").is_file() && app.log.is_empty() {
        // Not the first game on this machine: the guide waits until asked for (G).
        app.guide = None;
    }
    if options.plain {
        return crate::plain::run(&mut app, &dir);
    }
    let theme = Theme::from_env();
    if theme == Theme::mono() {
        // crossterm answers NO_COLOR by resetting every attribute on each style change, which
        // wipes bold and reverse; the mono theme has no colours, so force attribute output.
        ratatui::crossterm::style::force_color_output(true);
    }
    let mut terminal = ratatui::try_init().map_err(|e| format!("cannot open the terminal: {e}"))?;
    if options.mouse {
        let _ = execute!(stdout(), EnableMouseCapture);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
    }
    let result = event_loop(&mut terminal, &mut app, &theme, &dir);
    if options.mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result?;
    if let Some(outcome) = app.state.outcome() {
        println!("{}", outcome.title());
    }
    println!(
        "Seed {}. Autosaved to {}.",
        app.state.seed,
        dir.join("autosave.ron").display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Draw, read, update, perform: until the app asks to quit.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    dir: &Path,
) -> Result<(), String> {
    let io = |e: std::io::Error| format!("terminal error: {e}");
    // Test hook, documented in the README: a key that panics, to check the terminal is restored.
    let panic_key = std::env::var("MUSCAT_TEST_PANIC_KEY")
        .ok()
        .and_then(|k| k.chars().next());
    // Measuring hook, documented in docs/performance.md: quit right after the first frame, so
    // start-up to first frame can be timed from outside.
    let first_frame_only = std::env::var_os("MUSCAT_FIRST_FRAME_ONLY").is_some();
    loop {
        terminal.draw(|f| ui::view(f, app, theme)).map_err(io)?;
        if first_frame_only {
            return Ok(());
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
                Effect::Quit => return Ok(()),
                Effect::Save => {
                    let result = save::write(
                        dir,
                        &app.save_name(),
                        &SaveFile::new(&app.content, &app.state, &app.log),
                    );
                    app.saved_to(result, true);
                }
                Effect::Autosave => {
                    let result = save::write(
                        dir,
                        "autosave",
                        &SaveFile::new(&app.content, &app.state, &app.log),
                    );
                    app.saved_to(result, false);
                }
            }
        }
    }
}

/// Maps a terminal event to a message: keys through the key table, clicks through the layout.
pub fn to_msg(app: &App, area: Rect, event: &TermEvent) -> Option<Msg> {
    match event {
        TermEvent::Key(key) if key.is_press() => {
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
