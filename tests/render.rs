//! Render tests: the real view drawn into a `TestBackend`, snapshotted as text with insta, plus
//! style checks that text snapshots cannot see.

use muscat::app::{App, Msg};
use muscat::content::Content;
use muscat::game::{self, Difficulty};
use muscat::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

fn app(seed: u64) -> App {
    let content = Content::builtin();
    let state = game::start(&content, seed, Difficulty::Normal);
    App::new(content, state, Vec::new())
}

fn draw(app: &App, w: u16, h: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("backend");
    t.draw(|f| ui::view(f, app, theme)).expect("draw");
    t
}

/// Closes the briefing and the first card, drafts a text and tables it.
fn tabled(seed: u64) -> App {
    let mut a = app(seed);
    while !a.overlays.is_empty() {
        a.update(Msg::Confirm);
    }
    for _ in 0..5 {
        a.update(Msg::Right);
        a.update(Msg::Right);
        a.update(Msg::Down);
    }
    a.update(Msg::Table);
    a
}

#[test]
fn briefing_at_80x24() {
    insta::assert_snapshot!(draw(&app(42), 80, 24, &Theme::mono()).backend());
}

#[test]
fn table_screen_after_a_text_at_80x24() {
    insta::assert_snapshot!(draw(&tabled(42), 80, 24, &Theme::mono()).backend());
}

#[test]
fn table_screen_at_160x48() {
    insta::assert_snapshot!(draw(&tabled(42), 160, 48, &Theme::mono()).backend());
}

#[test]
fn delegations_screen_at_80x24() {
    let mut a = tabled(42);
    a.update(Msg::Screen(1));
    insta::assert_snapshot!(draw(&a, 80, 24, &Theme::mono()).backend());
}

#[test]
fn help_at_80x24() {
    let mut a = tabled(42);
    a.update(Msg::Help);
    insta::assert_snapshot!(draw(&a, 80, 24, &Theme::mono()).backend());
}

#[test]
fn too_small_says_so() {
    insta::assert_snapshot!(draw(&app(42), 60, 14, &Theme::mono()).backend());
}

#[test]
fn every_screen_draws_at_the_minimum_size() {
    let mut a = tabled(7);
    for k in 0..6 {
        a.update(Msg::Screen(k));
        let t = draw(&a, 80, 24, &Theme::colour());
        let text: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        assert!(text.contains("MUSCAT CHANNEL"), "screen {k}");
    }
}

#[test]
fn mono_theme_shows_the_selection_in_reverse() {
    let a = tabled(42);
    let t = draw(&a, 80, 24, &Theme::mono());
    let buf = t.backend().buffer();
    // The selected issue row on the draft text.
    let row = (0..24u16)
        .find(|&y| buf[(1, y)].symbol() == "▶")
        .expect("a selected row");
    assert!(buf[(4, row)].modifier.contains(Modifier::REVERSED));
    for cell in buf.content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "mono draws no colour"
        );
    }
}
