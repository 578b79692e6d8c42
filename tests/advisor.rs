//! The advisor: asking for the odds never changes the game (the same state, the same next draws of
//! both random streams, the same game afterwards), questions replay from a save, difficulty limits
//! them, and `muscat odds` answers from a save with its timing.

mod common;

use std::process::Command as Process;

use muscat::advisor::{self, Fate, Question};
use muscat::content::Content;
use muscat::game::{self, Audience, Command, Difficulty, GameRng, GameState, RuleError};
use muscat::model::{Choice, IssueId};
use muscat::oman as policy;
use muscat::save::{self, SaveFile};

/// The state with the advisor's question count cleared: everything asking may change.
fn without_questions(state: &GameState) -> GameState {
    let mut s = state.clone();
    s.advisor = game::AdvisorUse::default();
    s
}

/// The next draws of both random streams, without touching the state.
fn next_draws(state: &GameState) -> (Vec<u32>, Vec<u32>) {
    let draw = |rng: &GameRng| {
        let mut r = rng.clone();
        (0..32).map(|_| r.index(1_000_000)).collect()
    };
    (draw(&state.deck_rng), draw(&state.world_rng))
}

/// Plays a game with greedy, asking the advisor before every command when `ask` is set
/// (a question the rules refuse is simply not logged, as in play).
fn game_with_questions(content: &Content, seed: u64, ask: bool) -> (GameState, Vec<Command>) {
    let mut state = game::start(content, seed, Difficulty::Easy);
    let mut oman = policy::by_name("greedy", seed).expect("greedy");
    let mut log = Vec::new();
    let mut refusals = 0;
    while !state.is_over() && log.len() < 400 {
        if ask && game::apply(&mut state, content, &Command::AskAdvisor).is_ok() {
            log.push(Command::AskAdvisor);
            let before = state.clone();
            let draws = next_draws(&state);
            let answers = advisor::advise(content, &state, 8, 2, 2);
            assert_eq!(answers.len(), 2);
            assert_eq!(state, before, "the look-ahead changed the state");
            assert_eq!(next_draws(&state), draws, "the look-ahead moved a stream");
        }
        let command = if refusals >= 20 {
            Command::EndRound
        } else {
            oman.next(content, &state)
        };
        match game::apply(&mut state, content, &command) {
            Ok(_) => {
                refusals = 0;
                log.push(command);
            }
            Err(_) => refusals += 1,
        }
    }
    (state, log)
}

#[test]
fn asking_does_not_change_the_game() {
    let content = Content::builtin();
    for seed in [3, 17] {
        let (plain, plain_log) = game_with_questions(&content, seed, false);
        let (asked, asked_log) = game_with_questions(&content, seed, true);
        assert!(asked.advisor.asked > 0, "the advisor was never asked");
        assert_eq!(
            without_questions(&asked),
            without_questions(&plain),
            "seed {seed}: asking changed the game"
        );
        assert_eq!(
            asked_log
                .iter()
                .filter(|c| **c != Command::AskAdvisor)
                .collect::<Vec<_>>(),
            plain_log.iter().collect::<Vec<_>>()
        );
        assert_eq!(next_draws(&asked), next_draws(&plain));
    }
}

#[test]
fn a_question_changes_only_its_count() {
    let content = Content::builtin();
    let mut state = game::start(&content, 9, Difficulty::Normal);
    if matches!(state.phase, game::Phase::Choosing(_)) {
        game::apply(&mut state, &content, &Command::ChooseCardOption(0)).expect("choice");
    }
    let before = state.clone();
    let events = game::apply(&mut state, &content, &Command::AskAdvisor).expect("asked");
    assert!(events.is_empty());
    assert_eq!(state.advisor.asked, 1);
    assert_eq!(without_questions(&state), without_questions(&before));
    assert_eq!(next_draws(&state), next_draws(&before));
}

#[test]
fn difficulty_limits_the_questions() {
    let content = Content::builtin();
    let ready = |difficulty| {
        let mut s = game::start(&content, 5, difficulty);
        s.phase = game::Phase::Acting;
        s
    };
    // Easy: as often as Oman likes.
    let mut easy = ready(Difficulty::Easy);
    for _ in 0..5 {
        game::apply(&mut easy, &content, &Command::AskAdvisor).expect("easy is unlimited");
    }
    // Normal: once a week.
    let mut normal = ready(Difficulty::Normal);
    game::apply(&mut normal, &content, &Command::AskAdvisor).expect("first question");
    let refused = normal.clone();
    assert!(matches!(
        game::apply(&mut normal, &content, &Command::AskAdvisor),
        Err(RuleError::AdvisorLimit(_))
    ));
    assert_eq!(normal, refused, "a refused question changes nothing");
    game::apply(&mut normal, &content, &Command::EndRound).expect("end the week");
    normal.phase = game::Phase::Acting;
    game::apply(&mut normal, &content, &Command::AskAdvisor).expect("a new week");
    // Hard: three in the whole game.
    let mut hard = ready(Difficulty::Hard);
    for _ in 0..3 {
        game::apply(&mut hard, &content, &Command::AskAdvisor).expect("three allowed");
    }
    let err = game::apply(&mut hard, &content, &Command::AskAdvisor).expect_err("a fourth");
    assert!(
        err.to_string()
            .contains("as often as this difficulty allows")
    );
}

#[test]
fn questions_replay_from_a_save() {
    let content = Content::builtin();
    let (state, log) = game_with_questions(&content, 21, true);
    assert!(log.contains(&Command::AskAdvisor));
    let file = SaveFile::new(&content, &state, &log);
    save::verify(&content, &file).expect("the log with questions replays to the saved state");
    let replayed = game::replay(&content, 21, Difficulty::Easy, &log).expect("replays");
    assert_eq!(replayed.advisor, state.advisor);
}

#[test]
fn a_saved_position_gets_odds_from_the_command_line() {
    let content = Content::builtin();
    let mut state = game::start(&content, 8, Difficulty::Normal);
    let mut log = Vec::new();
    let mut run = |state: &mut GameState, c: Command| {
        game::apply(state, &content, &c).expect("legal");
        log.push(c);
    };
    if matches!(state.phase, game::Phase::Choosing(_)) {
        run(&mut state, Command::ChooseCardOption(0));
    }
    for issue in IssueId::all(5) {
        let clause = game::Clause::Option(Choice(if issue == IssueId(1) { 2 } else { 1 }));
        run(&mut state, Command::Draft { issue, clause });
    }
    let dir = std::env::temp_dir().join(format!("muscat-odds-{}", std::process::id()));
    let path = save::write(&dir, "odds", &SaveFile::new(&content, &state, &log))
        .expect("write")
        .path;
    let out = Process::new(env!("CARGO_BIN_EXE_muscat"))
        .args(["odds", "--futures", "40", "--json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v["elapsed_ms"].as_f64().is_some_and(|ms| ms >= 0.0));
    assert_eq!(v["futures"], 40);
    let moves = v["moves"].as_array().expect("moves");
    assert_eq!(v["best"], moves[0]["move"]);
    assert_eq!(v["assumes"], "shuttle");
    let has = |key: &str| moves.iter().any(|m| m["move"] == key);
    assert!(has("table") && has("end") && moves.len() >= 8, "{moves:?}");
    let scores: Vec<f64> = moves.iter().filter_map(|m| m["score"].as_f64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(
        v["table_now"]
            .as_str()
            .is_some_and(|t| t.starts_with("tabled now"))
    );
    let total: f64 = moves[0]["odds"]
        .as_object()
        .expect("odds")
        .values()
        .filter_map(serde_json::Value::as_f64)
        .sum();
    assert!((total - 1.0).abs() < 1e-9, "{total}");
    // The text form says what it weighed.
    let out = Process::new(env!("CARGO_BIN_EXE_muscat"))
        .args(["odds", "--futures", "20"])
        .arg(&path)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Best move: "), "{text}");
    assert!(text.contains("table the draft now"), "{text}");
    assert!(
        text.contains("if Oman goes on playing like the shuttle"),
        "{text}"
    );
    assert!(text.contains("Took"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_hopeless_text_is_called_hopeless() {
    // Every clause at the US end: Iran's red lines block it in every future where it is tabled
    // and nothing else changes within the week.
    let content = Content::builtin();
    let mut state = game::start(&content, 4, Difficulty::Normal);
    state.phase = game::Phase::Acting;
    for (issue, i) in content.domain.each_issue() {
        let first = i
            .option_choices()
            .find(|&o| state.is_available(&content, issue, o))
            .expect("an option");
        game::apply(
            &mut state,
            &content,
            &Command::Draft {
                issue,
                clause: game::Clause::Option(first),
            },
        )
        .expect("draft");
    }
    let odds = advisor::ask(
        &content,
        &state,
        &Question {
            plan: vec![Command::Table(Audience::Both)],
            futures: 30,
            horizon: 1,
            threads: 1,
        },
    )
    .expect("odds");
    assert_eq!(odds.count(Fate::Agreement), 0);
    let why = muscat::narrate::advice(&content, &odds.reasons[0]);
    assert!(why.contains("Tehran"), "{why}");
}

#[test]
fn plain_mode_answers_odds_once_a_week_on_normal() {
    use std::io::Write;
    let dir = std::env::temp_dir().join(format!("muscat-plain-odds-{}", std::process::id()));
    let mut child = Process::new(env!("CARGO_BIN_EXE_muscat"))
        .args(["play", "--plain", "--seed", "12", "--save-dir"])
        .arg(&dir)
        // Every move of the week ranked in a debug build: fewer futures than in play.
        .env("MUSCAT_ADVISOR_FUTURES", "30")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"choose 1\nodds\nodds\nquit\n")
        .expect("write");
    let out = child.wait_with_output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for want in [
        "Best move: ",
        "30 futures a move, 6 weeks ahead, the same futures for every move:",
        "end the week",
        "Odds if Oman goes on playing like the shuttle for 6 weeks",
        "Normal: once a week (0 left this week).",
        "The advisor has already been asked this week.",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_expert_looks_ahead_to_more_deals_than_greedy() {
    let content = Content::builtin();
    let deals = |policy: &str| {
        (0..100)
            .filter(|&seed| {
                let (state, _) = common::play(&content, policy, seed);
                matches!(state.outcome(), Some(game::Outcome::Agreement(_)))
            })
            .count()
    };
    let (expert, greedy) = (deals("expert"), deals("greedy"));
    // More deals, not a margin: a hundred seeded games (83 to 76 when written) measure no
    // margin, and the balance moves under this test (docs/balance.md has 2,000-game figures).
    assert!(expert > greedy, "expert {expert} vs greedy {greedy} of 100");
}

#[test]
fn the_odds_window_at_80x24() {
    use muscat::app::{App, Msg};
    use muscat::ui::{self, Theme};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let content = Content::builtin();
    let state = game::start(&content, 42, Difficulty::Normal);
    let mut app = App::new(content, state, Vec::new());
    app.guide = None;
    while !app.overlays.is_empty() {
        app.update(Msg::Confirm);
    }
    for _ in 0..5 {
        app.update(Msg::Right);
        app.update(Msg::Right);
        app.update(Msg::Down);
    }
    // Fixed odds, so the snapshot shows the window and not the balance of the day.
    let odds = advisor::Odds {
        futures: 1000,
        horizon: advisor::HORIZON,
        counts: [420, 80, 150, 0, 0, 350],
        reasons: vec![
            advisor::Reason::Blocked {
                blocker: advisor::Blocker::Faction {
                    side: game::Side::Iran,
                    faction: 2,
                    issue: IssueId(5),
                },
                futures: 370,
                of: 580,
            },
            advisor::Reason::Danger {
                fate: Fate::Walkout,
                futures: 150,
                of: 1000,
            },
        ],
    };
    // A ranking of fixed odds: each move a little worse than the one before.
    let moves = [
        advisor::Move::Statement(game::Statement::UrgeRestraint),
        advisor::Move::TableDraft,
        advisor::Move::Caucus(game::Side::Iran, game::CaucusKind::Reassure),
        advisor::Move::Errand(game::Errand::Qatar),
        advisor::Move::Goodwill(game::Side::Us),
        advisor::Move::CarryCounter(game::Side::Iran),
        advisor::Move::Caucus(game::Side::Us, game::CaucusKind::RelayPressure),
        advisor::Move::Statement(game::Statement::AnnounceProgress),
        advisor::Move::EndWeek,
    ]
    .into_iter()
    .enumerate()
    .map(|(k, move_)| {
        let mut odds = odds.clone();
        odds.counts[0] -= 30 * k as u32;
        odds.counts[5] += 30 * k as u32;
        advisor::Ranked {
            move_,
            plan: Vec::new(),
            odds,
        }
    })
    .collect();
    let ranking = advisor::Ranking {
        futures: 1000,
        horizon: advisor::HORIZON,
        moves,
        table_now: Some(advisor::TableNow {
            blocks: [
                None,
                Some(advisor::Blocker::RedLine {
                    side: game::Side::Iran,
                    issue: IssueId(0),
                }),
            ],
        }),
    };
    app.overlays.push(muscat::app::Overlay::Odds(ranking));
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    t.draw(|f| ui::view(f, &app, &Theme::mono())).expect("draw");
    insta::assert_snapshot!(t.backend());
}
