//! Regressions from the play-test of the real binary (issue 13, item 9): each confusion a newcomer
//! met, drawn into a `TestBackend` or driven through `App::update` as the keys would.

use muscat::app::{App, Msg, Overlay, Screen};
use muscat::content::Content;
use muscat::game::{self, Difficulty};
use muscat::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn app(seed: u64) -> App {
    let content = Content::builtin();
    let state = game::start(&content, seed, Difficulty::Normal);
    App::new(content, state, Vec::new())
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("backend");
    t.draw(|f| ui::view(f, app, &Theme::mono())).expect("draw");
    t
}

/// The frame as rows of text.
fn rows(t: &Terminal<TestBackend>) -> Vec<String> {
    let b = t.backend().buffer();
    (0..b.area.height)
        .map(|y| {
            (0..b.area.width)
                .map(|x| b[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// Closes every window: cards and briefings are confirmed, a journal prompt is left for later.
fn close_overlays(a: &mut App) {
    for _ in 0..50 {
        match a.top() {
            None => return,
            Some(Overlay::Reflect { .. }) => a.update(Msg::Back),
            Some(_) => a.update(Msg::Confirm),
        };
    }
    panic!("a window would not close: {:?}", a.top());
}

/// Ends `weeks` weeks, taking each card's first choice, with a text tabled every week.
fn weeks_in(seed: u64, weeks: u32) -> App {
    let mut a = app(seed);
    close_overlays(&mut a);
    for _ in 0..5 {
        a.update(Msg::Right);
        a.update(Msg::Right);
        a.update(Msg::Down);
    }
    for _ in 0..weeks {
        a.update(Msg::Table);
        a.update(Msg::EndRound);
        a.update(Msg::Yes);
        close_overlays(&mut a);
        if a.session.state.is_over() {
            break;
        }
    }
    a
}

/// The news screen wraps its long lines at 80 and 100 columns (nothing is cut with "…"), shows
/// the newest line at the bottom, and PgUp goes back to older news while PgDn comes forward.
#[test]
fn news_wraps_and_pgup_goes_back() {
    let mut a = weeks_in(101, 5);
    a.update(Msg::Screen(3));
    assert_eq!(a.screen, Screen::News);
    for (w, h) in [(80, 24), (100, 30)] {
        a.scroll = 0;
        let newest = rows(&draw(&a, w, h));
        let last_week = format!("── Week {} ──", a.session.state.round);
        assert!(
            newest.iter().any(|r| r.contains(&last_week)),
            "the newest week is not in view:\n{}",
            newest.join("\n")
        );
        a.update(Msg::ScrollUp);
        let older = rows(&draw(&a, w, h));
        assert!(older[2].contains("lines back"), "{}", older[2]);
        // What was the top line is now lower down: the view moved back in time.
        let at = older
            .iter()
            .position(|r| *r == newest[3])
            .expect("the old top line is still in view");
        assert!(at > 3, "PgUp moved forward:\n{}", older.join("\n"));
        a.update(Msg::ScrollDown);
        assert_eq!(rows(&draw(&a, w, h)), newest, "PgDn did not come back");
        insta::assert_snapshot!(format!("news_at_{w}x{h}"), draw(&a, w, h).backend());

        // All the way back: the opening week, its long line wrapped rather than cut.
        a.scroll = ui::scroll_limit(&a, Rect::new(0, 0, w, h)).expect("news limit");
        let oldest = rows(&draw(&a, w, h));
        assert!(oldest[3].contains("── Week 1 ──"), "{}", oldest.join("\n"));
        let body = &oldest[3..oldest.len() - 2];
        assert!(
            body.iter().all(|r| !r.contains('…')),
            "a news line is cut at {w} columns:\n{}",
            oldest.join("\n")
        );
        assert!(
            body.iter().any(|r| r.starts_with("│  ")),
            "no wrapped continuation line at {w} columns:\n{}",
            oldest.join("\n")
        );
    }
}

/// Scrolling back past the oldest line is held at the oldest, so the first PgDn answers.
#[test]
fn news_scroll_is_held_at_the_oldest_line() {
    let mut a = weeks_in(101, 5);
    a.update(Msg::Screen(3));
    let area = Rect::new(0, 0, 80, 24);
    let limit = ui::scroll_limit(&a, area).expect("the news has a limit");
    assert!(limit > 0, "five weeks of news fill more than a page");
    for _ in 0..100 {
        a.update(Msg::ScrollUp);
    }
    assert!(a.scroll > limit, "the app alone cannot know the page");
    // What the terminal loop does after every message.
    a.scroll = a.scroll.min(limit);
    let oldest = rows(&draw(&a, 80, 24));
    assert!(oldest[3].contains("── Week 1 ──"), "{}", oldest.join("\n"));
    a.update(Msg::ScrollDown);
    assert_ne!(rows(&draw(&a, 80, 24)), oldest, "PgDn did not answer");
    // Not on other screens, and not under a window.
    a.update(Msg::Screen(0));
    assert_eq!(ui::scroll_limit(&a, area), None);
}

/// The glossary's "Seen in cards" names only cards this game has drawn: the others would spoil
/// the deck, and a newcomer looks for a card that has not come up.
#[test]
fn the_glossary_names_only_cards_already_drawn() {
    let mut a = weeks_in(101, 2);
    a.update(Msg::Screen(5));
    let text = rows(&draw(&a, 400, 400)).join("\n");
    let seen: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split("Seen in cards: ").nth(1))
        .collect();
    assert!(!seen.is_empty(), "no card seen yet:\n{text}");
    let content = &a.session.content;
    for card in &content.cards {
        let listed = seen.iter().any(|l| {
            l.trim_end_matches(['│', ' '])
                .split(" · ")
                .any(|t| t == card.title)
        });
        let drawn = a.session.state.drawn.contains(&card.id);
        assert!(!listed || drawn, "{} listed but not drawn", card.title);
    }
}

/// Ends the week until the talks are over, taking each card's first choice and doing nothing else.
fn idle_to_the_end(seed: u64) -> App {
    let mut a = app(seed);
    for _ in 0..40 {
        close_overlays(&mut a);
        if a.session.state.is_over() {
            break;
        }
        a.update(Msg::EndRound);
        a.update(Msg::Yes);
    }
    a
}

fn war_game() -> App {
    (101..200)
        .map(idle_to_the_end)
        .find(|a| a.session.state.outcome() == Some(&game::Outcome::War))
        .expect("a war among idle games")
}

/// The war ending has a real debrief: what tipped it, the war-risk path, the last text and the
/// replies; it no longer shows an untabled draft as "not drafted … US ok Iran ok". Its start
/// values are those of week 1's screen.
#[test]
fn the_war_debrief_tells_how_the_war_came() {
    let mut a = war_game();
    a.update(Msg::Confirm);
    assert_eq!(a.top(), Some(&Overlay::End));
    let text = rows(&draw(&a, 100, 200)).join("\n");
    for want in [
        "What tipped it: war risk stood at",
        "War risk, week 1 to the end:",
        "What pushed it up most:",
        "No text was ever tabled",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    assert!(!text.contains("not drafted"), "{text}");
    let opening = a.session.state.opening(game::TrackId::WarRisk);
    assert!(
        text.contains(&format!("War risk               {opening}% →")),
        "the start is not week 1's {opening}%:\n{text}"
    );
    assert!(a.guide.is_none());
}

/// After a text was tabled, a war's debrief shows that text and what each side last said.
#[test]
fn the_war_debrief_shows_the_last_text_tabled() {
    let mut a = (101..200)
        .map(|seed| {
            let mut a = weeks_in(seed, 1);
            for _ in 0..40 {
                close_overlays(&mut a);
                if a.session.state.is_over() {
                    break;
                }
                a.update(Msg::EndRound);
                a.update(Msg::Yes);
            }
            a
        })
        .find(|a| a.session.state.outcome() == Some(&game::Outcome::War))
        .expect("a war after one tabled text");
    a.update(Msg::Confirm);
    let text = rows(&draw(&a, 100, 200)).join("\n");
    assert!(
        text.contains("The week-1 text against the real red lines"),
        "{text}"
    );
    assert!(text.contains("US last said (week 1)"), "{text}");
    assert!(!text.contains("not drafted"), "{text}");
    insta::assert_snapshot!("war_debrief_at_100x60", draw(&a, 100, 60).backend());
}

/// "Announce progress" showed no effects: a costed menu shows what each move would do, foreseen
/// through the real rules, and a move with no action left shows as such.
#[test]
fn costed_menus_show_effects_and_what_cannot_be_afforded() {
    let mut a = app(101);
    close_overlays(&mut a);
    a.update(Msg::Statement);
    let text = rows(&draw(&a, 100, 30)).join("\n");
    assert!(text.contains("Announce progress"), "{text}");
    let Some(Overlay::Menu(menu)) = a.top() else {
        panic!("no menu: {:?}", a.top());
    };
    let announce = menu.effects[0]
        .clone()
        .expect("announce progress is foreseen");
    assert!(announce.contains("War risk -4"), "{announce}");
    let first = announce
        .split(" · ")
        .take(2)
        .collect::<Vec<_>>()
        .join(" · ");
    assert!(text.contains(&first), "{first} not shown:\n{text}");
    assert!(!text.contains("no actions left"), "{text}");
    // What the menu foresaw is what the move then does.
    let before = a.session.state.track(game::TrackId::WarRisk);
    a.update(Msg::Confirm);
    assert_eq!(a.session.state.track(game::TrackId::WarRisk), before - 4);

    a.session.state.action_points = 0;
    a.update(Msg::Statement);
    let text = rows(&draw(&a, 100, 30)).join("\n");
    assert_eq!(
        text.matches("(no actions left)").count(),
        2,
        "both statements cost an action:\n{text}"
    );
    insta::assert_snapshot!(
        "statement_menu_with_no_actions_at_80x24",
        draw(&a, 80, 24).backend()
    );
}

/// "Round" and "week" named the same thing: the player's words are "week" everywhere — the
/// keys and help, the refusals, the menus, the screens and the cards.
#[test]
fn the_player_reads_week_never_round() {
    let round = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("round") || w.eq_ignore_ascii_case("rounds"))
    };
    for b in muscat::app::keymap::KEYMAP {
        assert!(!round(b.help) && !round(b.hint), "{}", b.help);
    }
    for e in [
        game::RuleError::NotEnoughActionPoints,
        game::RuleError::GoodwillAlreadySpent,
    ] {
        assert!(!round(&e.to_string()), "{e}");
    }
    let mut a = weeks_in(101, 2);
    let mut seen = Vec::new();
    for k in 0..Screen::ALL.len() {
        a.update(Msg::Screen(k));
        seen.push(rows(&draw(&a, 160, 60)).join("\n"));
    }
    a.update(Msg::Screen(0));
    for open in [
        Msg::Help,
        Msg::Goodwill,
        Msg::Statement,
        Msg::Errand,
        Msg::Caucus,
    ] {
        a.update(open);
        seen.push(rows(&draw(&a, 160, 60)).join("\n"));
        a.overlays.clear();
    }
    for text in &seen {
        assert!(!round(text), "{text}");
    }
    // Card titles, texts and choices (their historical notes may speak of rounds of talks).
    for c in &a.session.content.cards {
        assert!(!round(&c.title) && !round(&c.text), "{}: {}", c.id, c.text);
        for choice in &c.choices {
            assert!(!round(&choice.label), "{}: {}", c.id, choice.label);
        }
    }
}

/// The map informs a decision: beside the forces it says what they mean as this week ends — the
/// chance of war, where the carriers go next, the US posture's clock, Iran's answer at the strait.
#[test]
fn the_map_says_what_the_forces_mean_this_week() {
    let mut a = weeks_in(101, 3);
    a.update(Msg::Screen(6));
    assert_eq!(a.screen, Screen::Map);
    let text = rows(&draw(&a, 100, 30)).join("\n");
    let war = a.session.state.track(game::TrackId::WarRisk);
    for want in [
        "As this week ends:",
        &format!("War risk {war}%"),
        "US ",
        "Iran ",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    insta::assert_snapshot!("map_stakes_at_80x24", draw(&a, 80, 24).backend());
    insta::assert_snapshot!("map_stakes_at_100x30", draw(&a, 100, 30).backend());
}

/// Errands rest on a roll: their menu gives the chance now and both outcomes, and a sure errand
/// does what its line said.
#[test]
fn the_errand_menu_gives_odds_and_both_outcomes() {
    let mut a = app(101);
    close_overlays(&mut a);
    a.update(Msg::Errand);
    let Some(Overlay::Menu(menu)) = a.top().cloned() else {
        panic!("no menu: {:?}", a.top());
    };
    let lines: Vec<String> = menu.effects.iter().flatten().cloned().collect();
    assert_eq!(lines.len(), game::Errand::ALL.len());
    for l in &lines {
        assert!(
            l.contains("% chance · if it works: ") && l.contains("if not: "),
            "{l}"
        );
    }
    let text = rows(&draw(&a, 120, 40)).join("\n");
    assert!(text.contains("100% chance"), "{text}");
    let qatar = game::Errand::ALL
        .iter()
        .position(|&e| e == game::Errand::Qatar)
        .expect("qatar");
    assert!(lines[qatar].starts_with("100% chance"), "{}", lines[qatar]);
    let economy = a.session.state.track(game::TrackId::Economy);
    a.update(Msg::Screen(qatar));
    let moved = a.session.state.track(game::TrackId::Economy) - economy;
    assert!(
        lines[qatar].contains(&format!("{} {moved:+}", game::TrackId::Economy.name())),
        "{} vs {moved:+}",
        lines[qatar]
    );
}
