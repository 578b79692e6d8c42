//! Render tests: the real view drawn into a `TestBackend`, snapshotted as text with insta, plus
//! style checks that text snapshots cannot see.

use muscat::app::{App, Msg, Screen};
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

/// Closes every window: cards and briefings are confirmed, a journal prompt is left for later.
fn close_overlays(a: &mut App) {
    for _ in 0..50 {
        match a.top() {
            None => return,
            Some(muscat::app::Overlay::Reflect { .. }) => a.update(Msg::Back),
            Some(_) => a.update(Msg::Confirm),
        };
    }
    panic!("a window would not close: {:?}", a.top());
}

/// Closes the briefing and the first card, drafts a text and tables it.
fn tabled(seed: u64) -> App {
    let mut a = app(seed);
    close_overlays(&mut a);
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

/// A game some weeks in, so histories, charts, the map and the notebook have something to show.
fn weeks_in(seed: u64) -> App {
    let mut a = tabled(seed);
    a.update(Msg::Caucus);
    a.update(Msg::Down);
    a.update(Msg::Confirm);
    a.update(Msg::Confirm);
    for _ in 0..3 {
        a.update(Msg::EndRound);
        a.update(Msg::Yes);
        close_overlays(&mut a);
        a.update(Msg::Table);
    }
    a
}

fn text_of(t: &Terminal<TestBackend>) -> String {
    t.backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

/// Every screen at 80x24 and at 160x48, one snapshot each.
#[test]
fn every_screen_at_both_sizes() {
    let mut a = weeks_in(42);
    for (k, screen) in Screen::ALL.iter().enumerate() {
        a.update(Msg::Screen(k));
        assert_eq!(a.screen, *screen);
        for (w, h) in [(80, 24), (160, 48)] {
            let name = format!("screen_{}_at_{w}x{h}", screen.title().to_lowercase());
            insta::assert_snapshot!(name, draw(&a, w, h, &Theme::mono()).backend());
        }
    }
}

#[test]
fn every_screen_draws_in_colour_at_the_minimum_size() {
    let mut a = weeks_in(7);
    for k in 0..Screen::ALL.len() {
        a.update(Msg::Screen(k));
        let text = text_of(&draw(&a, 80, 24, &Theme::colour()));
        assert!(text.contains("Week 4/12"), "screen {k}");
        for tab in ["1Tabl", "8Char"] {
            assert!(text.contains(tab), "header tab {tab} cut on screen {k}");
        }
    }
}

#[test]
fn debrief_at_both_sizes_scrolls_and_confirms_a_save() {
    let mut a = weeks_in(42);
    while !a.session.state.is_over() {
        a.update(Msg::EndRound);
        a.update(Msg::Yes);
        while matches!(
            a.top(),
            Some(muscat::app::Overlay::Card { .. } | muscat::app::Overlay::Reflect { .. })
        ) {
            if matches!(a.top(), Some(muscat::app::Overlay::Reflect { .. })) {
                a.update(Msg::Back);
            } else {
                a.update(Msg::Confirm);
            }
        }
    }
    assert_eq!(a.top(), Some(&muscat::app::Overlay::End));
    insta::assert_snapshot!(
        "debrief_at_80x24",
        draw(&a, 80, 24, &Theme::mono()).backend()
    );
    insta::assert_snapshot!(
        "debrief_at_160x48",
        draw(&a, 160, 48, &Theme::mono()).backend()
    );
    let top = text_of(&draw(&a, 80, 24, &Theme::mono()));
    a.update(Msg::ScrollDown);
    let scrolled = text_of(&draw(&a, 80, 24, &Theme::mono()));
    assert_ne!(top, scrolled, "PgDn scrolls the debrief");
    for _ in 0..40 {
        a.update(Msg::ScrollDown);
    }
    let bottom = text_of(&draw(&a, 80, 24, &Theme::mono()));
    assert!(
        bottom.contains("really happened"),
        "the epilogue can be scrolled to: {bottom}"
    );
    assert_eq!(a.update(Msg::Save), vec![muscat::app::Effect::Save]);
    a.saved_to(
        &Ok(muscat::save::Written {
            path: "saves/x.ron".into(),
            set_aside: None,
        }),
        true,
    );
    assert!(text_of(&draw(&a, 80, 24, &Theme::mono())).contains("Saved to saves/x.ron"));
}

#[test]
fn the_guide_shows_its_step_and_keys() {
    let a = app(42).with_guide();
    let text = text_of(&draw(&a, 80, 24, &Theme::mono()));
    assert!(text.contains("Guide 1/7"), "{text}");
    insta::assert_snapshot!("guide_at_80x24", draw(&a, 80, 24, &Theme::mono()).backend());
}

#[test]
fn help_scrolls_at_80x24_to_its_last_line() {
    let mut a = tabled(42);
    a.update(Msg::Help);
    for _ in 0..30 {
        a.update(Msg::Down);
    }
    let text = text_of(&draw(&a, 80, 24, &Theme::mono()));
    assert!(text.contains("* not yet tabled"), "{text}");
}

#[test]
fn marks_tell_the_draft_from_the_tabled_text() {
    let mut a = tabled(42);
    a.cursor = 0;
    a.update(Msg::Left);
    let text = text_of(&draw(&a, 80, 24, &Theme::mono()));
    assert!(
        text.contains("tabled:"),
        "the detail line names the tabled clause"
    );
    assert!(text.contains('~'), "a changed clause is marked ~");
    assert!(text.contains('*'), "a changed clause is starred");
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

#[test]
fn map_shows_the_forces_the_cards_sent() {
    let mut a = weeks_in(42);
    a.session
        .state
        .drawn
        .extend(["armada-arrives", "second-carrier", "tanker-taken"].map(String::from));
    a.update(Msg::Screen(6));
    let t = draw(&a, 80, 24, &Theme::mono());
    let text = text_of(&t);
    for want in ["C1", "C2", "1st carrier group", "seized tanker"] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    insta::assert_snapshot!("map_with_forces_at_80x24", t.backend());
}

#[test]
fn mono_draws_every_screen_without_colour_and_marks_the_current_tab() {
    let mut a = weeks_in(42);
    for k in 0..Screen::ALL.len() {
        a.update(Msg::Screen(k));
        for (w, h) in [(80, 24), (160, 48)] {
            let t = draw(&a, w, h, &Theme::mono());
            let buf = t.backend().buffer();
            for cell in buf.content() {
                assert_eq!(cell.fg, ratatui::style::Color::Reset, "screen {k}");
                assert_eq!(cell.bg, ratatui::style::Color::Reset, "screen {k}");
            }
            let digit = char::from_digit(k as u32 + 1, 10)
                .expect("digit")
                .to_string();
            let tab = (0..w).find(|&x| {
                buf[(x, 0)].symbol() == digit && buf[(x, 0)].modifier.contains(Modifier::REVERSED)
            });
            assert!(
                tab.is_some(),
                "the current tab is shown in reverse on screen {k}"
            );
        }
    }
}

#[test]
fn every_card_with_a_choice_fits_at_80x24() {
    let a = app(42);
    let cards: Vec<String> = a
        .session
        .content
        .cards
        .iter()
        .filter(|c| !c.choices.is_empty())
        .map(|c| c.id.clone())
        .collect();
    assert!(!cards.is_empty());
    for id in cards {
        let mut b = app(42);
        b.overlays.clear();
        b.session.state.phase = game::Phase::Choosing(id.clone());
        b.overlays.push(muscat::app::Overlay::Card {
            id: id.clone(),
            selected: 0,
        });
        let text = text_of(&draw(&b, 80, 24, &Theme::mono()));
        assert!(
            text.contains("Enter decide"),
            "card {id} is cut at 80x24:\n{text}"
        );
    }
}

#[test]
fn the_table_says_what_opens_a_locked_option() {
    let mut a = app(42);
    close_overlays(&mut a);
    a.cursor = 1; // the stockpile: "ship to Russia" starts locked
    let wide = draw(&a, 160, 48, &Theme::mono());
    let text = text_of(&wide);
    assert!(
        text.contains("▶ ship to Russia locked: Russia errand or a card · — not drafted —"),
        "{text}"
    );
    insta::assert_snapshot!(
        "table_locked_option_at_80x24",
        draw(&a, 80, 24, &Theme::mono()).backend()
    );
    insta::assert_snapshot!("table_locked_option_at_160x48", wide.backend());
}

#[test]
fn the_offer_to_draft_what_an_errand_opened() {
    let mut a = app(42);
    close_overlays(&mut a);
    let (issue, option) = a
        .session
        .content
        .domain
        .locate("stockpile", "ship-russia")
        .expect("shipped");
    a.overlays.push(muscat::app::Overlay::Confirm(
        muscat::app::Confirm::DraftUnlocked { issue, option },
    ));
    let t = draw(&a, 80, 24, &Theme::mono());
    assert!(
        text_of(&t).contains("Now on the table: 60% stockpile"),
        "{}",
        text_of(&t)
    );
    insta::assert_snapshot!("draft_unlocked_offer_at_80x24", t.backend());
}
