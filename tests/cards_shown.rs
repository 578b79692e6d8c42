//! What the player sees of the deck: the card pop-up shows a card's text, effects, history with
//! source and confidence, and its glossary concepts; the glossary lists the cards that show each
//! concept.

use muscat::app::{App, Msg, Overlay};
use muscat::content::Content;
use muscat::game::{self, Difficulty};
use muscat::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen_text(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(160, 48)).expect("backend");
    t.draw(|f| ui::view(f, app, &Theme::mono())).expect("draw");
    let buf = t.backend().buffer();
    (0..48u16)
        .map(|y| {
            (0..160u16)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn app() -> App {
    let content = Content::builtin();
    let state = game::start(&content, 5, Difficulty::Normal);
    App::new(content, state, Vec::new())
}

#[test]
fn the_card_pop_up_shows_text_effects_source_and_concepts() {
    let mut a = app();
    a.overlays = vec![Overlay::Card {
        id: "inspectors-return".into(),
        selected: 0,
    }];
    let text = screen_text(&a);
    for want in [
        "Inspectors Back at Isfahan",
        "Tehran's security council lets an IAEA team into Isfahan",
        "Effects: inspectors look: US breakout estimate moves 60% toward the truth",
        "History (2025-08-27): Since July 2025 every inspection needs",
        "[H]",
        "Read it: https://wanaen.com/pezeshkian-enacts-law",
        "[B9] and the like:",
        "entries of docs/sources.md",
        "Concepts: Additional Protocol",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn the_glossary_names_the_cards_that_show_each_concept() {
    let mut a = app();
    a.overlays.clear();
    // Only the cards this game has drawn are named, so draw three that illustrate it.
    let drawn: Vec<String> = [
        "\"Ninety Percent\"",
        "Teapot Sanctions",
        "The Armada Arrives",
    ]
    .iter()
    .map(|t| {
        let card = a.session.content.cards.iter().find(|c| c.title == *t);
        card.expect("a shipped card").id.clone()
    })
    .collect();
    a.session.state.drawn = drawn;
    a.update(Msg::Screen(5));
    let text = screen_text(&a);
    assert!(text.contains("Coercive diplomacy"), "{text}");
    assert!(
        text.contains("Seen in cards: \"Ninety Percent\" · Teapot Sanctions · The Armada Arrives"),
        "{text}"
    );
    assert!(
        !text.contains("Second Carrier Ordered"),
        "not drawn: {text}"
    );
}

#[test]
fn plain_mode_reads_out_what_the_pop_up_shows() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let content = Content::builtin();
    // A game whose week 1 draws a card with effects and concepts, not a crisis (tests/crises.rs).
    let seed = (0..100u64)
        .find(|&seed| {
            let state = game::start(&content, seed, Difficulty::Normal);
            content.crisis(&state.drawn[0]).is_none()
                && content
                    .card(&state.drawn[0])
                    .is_some_and(|c| !c.effects.is_empty() && !c.concepts.is_empty())
        })
        .expect("such a seed");
    let dir = std::env::temp_dir().join(format!("muscat-cards-{}", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_muscat"))
        .args(["play", "--plain", "--seed", &seed.to_string(), "--save-dir"])
        .arg(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"quit\n")
        .expect("write");
    let out = child.wait_with_output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let state = game::start(&content, seed, Difficulty::Normal);
    let card = content.card(&state.drawn[0]).expect("week 1 card");
    for want in [
        format!("NEWS: {}", card.title),
        format!("  {}", card.text),
        format!(
            "  History ({}): {} — {} [{}]",
            card.basis.date.expect("dated"),
            card.basis.text,
            card.basis.source,
            card.basis.confidence.letter()
        ),
        format!("  Read it: {}", card.basis.url.as_deref().expect("a link")),
        "  Effects: ".to_string(),
        "  Concepts: ".to_string(),
    ] {
        assert!(text.contains(&want), "missing {want:?} in:\n{text}");
    }
    let _ = std::fs::remove_dir_all(dir);
}
