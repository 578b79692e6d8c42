//! The only code that touches the terminal: init and restore (panic included), and the blocking
//! event loop (draw, read, update), which hands the app's effects to the shared runner.

mod hooks;

use std::io::stdout;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event as TermEvent, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::app::{App, Msg, Overlay, keymap};
use crate::run::{Flow, Options, Runner};
use crate::ui::{self, Theme};
use hooks::Hooks;

/// Plays `app` in the terminal until the player quits. Everything is loaded and checked before
/// (see `run::prepare`), so errors print on a sane screen.
pub fn run(mut app: App, options: &Options, dir: &Path) -> Result<ExitCode, TerminalError> {
    let theme = Theme::from_env();
    if theme == Theme::mono() {
        // crossterm answers NO_COLOR by resetting every attribute on each style change, which
        // wipes bold and reverse; the mono theme has no colours, so force attribute output.
        ratatui::crossterm::style::force_color_output(true);
    }
    let mut terminal = ratatui::try_init().map_err(TerminalError::Open)?;
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
    let (autosaved, failed) = result?;
    let state = &app.session.state;
    if let Some(e) = failed {
        // Said after the terminal is restored, so it stays on screen after the game.
        println!("Could not autosave: {e}. Older autosaves are kept as they were.");
    }
    if let Some(outcome) = state.outcome() {
        println!("{}", crate::narrate::outcome_title(outcome));
    }
    match autosaved {
        Some(path) => println!("Seed {}. Autosaved to {}.", state.seed, path.display()),
        None => println!("Seed {}.", state.seed),
    }
    Ok(ExitCode::SUCCESS)
}

/// The terminal failed: it would not open, or reading or drawing failed during play.
#[derive(Debug, thiserror::Error)]
pub enum TerminalError {
    #[error("cannot open the terminal: {0}")]
    Open(std::io::Error),
    #[error("terminal error: {0}")]
    Lost(std::io::Error),
}

/// Draw, read, update, perform: until the app asks to quit. Returns where the last autosave went,
/// and why the latest one failed if it did.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    dir: &Path,
    assets: Option<&Path>,
) -> Result<(Option<PathBuf>, Option<String>), TerminalError> {
    let io = TerminalError::Lost;
    let hooks = Hooks::from_env();
    let mut runner = Runner::new(dir, assets);
    loop {
        terminal.draw(|f| ui::view(f, app, theme)).map_err(io)?;
        if hooks.first_frame_only() {
            return Ok((None, None));
        }
        let size = terminal.size().map_err(io)?;
        let area = Rect::new(0, 0, size.width, size.height);
        let event = event::read().map_err(io)?;
        hooks.on_event(&event);
        let Some(msg) = to_msg(app, area, &event) else {
            continue;
        };
        let effects = app.update(msg);
        if let Some(limit) = ui::scroll_limit(app, area) {
            app.scroll = app.scroll.min(limit);
        }
        if runner.perform(app, effects) == Flow::Quit {
            return Ok((
                runner.autosaved().map(Path::to_path_buf),
                runner.autosave_failure().map(str::to_string),
            ));
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
