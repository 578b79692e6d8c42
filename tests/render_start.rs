//! Render tests of the start menu: the continue line, the reason a save failed to load, and the
//! list of saves, drawn into a `TestBackend` at the minimum size.

use std::path::PathBuf;

use muscat::app::{App, Msg, Start};
use muscat::content::Content;
use muscat::game::{self, Difficulty};
use muscat::save::{Decode, ReadError, SaveEntry, SaveMeta};
use muscat::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn entry(name: &str, week: Option<u32>) -> SaveEntry {
    SaveEntry {
        path: PathBuf::from(format!("saves/{name}.ron")),
        name: name.into(),
        summary: week.map_or_else(
            || {
                Err(ReadError::Decode {
                    file: "saves/x.ron".into(),
                    line: 1,
                    col: 1,
                    problem: Decode::Other("bad".into()),
                })
            },
            |w| {
                Ok((
                    "muscat-2026".into(),
                    2026,
                    SaveMeta {
                        week: w,
                        deadline: 12,
                        outcome: None,
                    },
                ))
            },
        ),
        standing: None,
    }
}

fn screen(start: Start) -> (App, String) {
    let content = Content::builtin();
    let state = game::start(&content, 1, Difficulty::Normal);
    let mut app = App::new(content, state, Vec::new());
    app.start = Some(start);
    let text = draw(&app);
    (app, text)
}

fn draw(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    t.draw(|f| ui::view(f, app, &Theme::mono())).expect("draw");
    let buffer = t.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

#[test]
fn the_start_menu_offers_to_continue_the_autosave() {
    let saves = vec![entry("autosave", Some(5)), entry("alice", Some(2))];
    let (_, text) = screen(Start::menu(saves.clone(), Some(&saves[0])));
    for line in [
        "Muscat Channel",
        "1 Continue: seed 2026, week 5 of 12",
        "2 New game",
        "3 Pick a save…",
        "4 Quit",
    ] {
        assert!(text.contains(line), "{line:?} missing:\n{text}");
    }
    assert!(
        !text.contains("Draft text"),
        "the game is hidden behind the menu"
    );
}

#[test]
fn a_failed_load_shows_why_and_the_list_marks_unreadable_saves() {
    let saves = vec![entry("autosave", None), entry("alice", Some(2))];
    let (mut app, text) = screen(Start::failed(
        "saves/bob.ron:40:20: the file ends too early (was it cut short?)".into(),
        saves,
    ));
    for line in [
        "This save cannot be loaded:",
        "saves/bob.ron:40:20: the file ends too early",
        "The file is left as it is.",
        "1 New game",
        "2 Pick a save…",
    ] {
        assert!(text.contains(line), "{line:?} missing:\n{text}");
    }
    app.update(Msg::Screen(1));
    let text = draw(&app);
    assert!(text.contains("Pick a save"), "{text}");
    assert!(text.contains("1 autosave: cannot be read"), "{text}");
    assert!(text.contains("2 alice: seed 2026, week 2 of 12"), "{text}");
    assert!(text.contains("3 Back"), "{text}");
}
