//! The classroom kit: golden reports (Markdown, JSON, CSV) of fixture saves, the HTML page is
//! one self-contained file with its charts, the class comparison over several saves, and the
//! `report` and `class` commands.
//!
//! The fixtures are real seeded games played by scripted policies, with reflection answers, and
//! saved with a frozen copy of the content (`tests/fixtures/report/assets`), so the golden files
//! do not move when the shipped cards or delegations are retuned. Regenerate them (after a save
//! format change) with `cargo test --test report -- --ignored regenerate_fixtures`.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use muscat::content::Content;
use muscat::game::{self, Command, Difficulty, reflect};
use muscat::oman as policy;
use muscat::report::{self, Format, class};
use muscat::save::{self, SaveFile};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report")
}

fn content() -> Content {
    muscat::content::load_with(Some("muscat-2026"), Some(&fixtures().join("assets")))
        .expect("the frozen fixture content loads")
}

/// The fixture games: file name, policy, seed, and the command count to stop at (a game saved
/// mid-play) or none to play to the end.
const GAMES: [(&str, &str, u64, Option<usize>); 4] = [
    ("alice", "greedy", 5, None),
    ("bilal", "random", 5, None),
    ("chen", "greedy", 11, None),
    ("dana", "greedy", 5, Some(12)),
];

const ANSWERS: [&str; 3] = [
    "The US needs verification it can sell to Congress; Iran needs relief it can show in the bazaar, and an agenda that stays nuclear.",
    "The tanker week: war risk rose and both sides stopped listening. I should have reassured Iran before tabling again.",
    "I would probe earlier and link inspections with banking relief. The game leaves out the people in the room, and leaks.",
];

/// Plays a fixture game, answering each reflection prompt as it comes due.
fn play(
    content: &Content,
    policy_name: &str,
    seed: u64,
    stop: Option<usize>,
) -> (game::GameState, Vec<Command>) {
    let mut p = policy::by_name(policy_name, seed).expect("known policy");
    let mut state = game::start(content, seed, Difficulty::Normal);
    let mut log = Vec::new();
    let mut refusals = 0;
    loop {
        for prompt in reflect::pending(content, &state) {
            let i = content
                .scenario
                .reflections
                .iter()
                .position(|r| r.id == prompt.id)
                .unwrap_or(0);
            let answer = Command::Reflect {
                id: prompt.id.clone(),
                answer: ANSWERS[i % ANSWERS.len()].to_string(),
            };
            game::apply(&mut state, content, &answer).expect("a due prompt takes an answer");
            log.push(answer);
        }
        if state.is_over() || stop.is_some_and(|n| log.len() >= n) || log.len() > 5000 {
            return (state, log);
        }
        let command = if refusals >= 20 {
            Command::EndRound
        } else {
            p.next(content, &state)
        };
        match game::apply(&mut state, content, &command) {
            Ok(_) => {
                refusals = 0;
                log.push(command);
            }
            Err(_) => refusals += 1,
        }
    }
}

#[test]
#[ignore = "writes the fixture saves; run by hand after a save-format change"]
fn regenerate_fixtures() {
    let content = content();
    for (name, policy, seed, stop) in GAMES {
        let (state, log) = play(&content, policy, seed, stop);
        save::write(&fixtures(), name, &SaveFile::new(&content, &state, &log)).expect("write");
        eprintln!(
            "{name}: {:?}, {} commands",
            state.outcome().map(game::Outcome::key),
            log.len()
        );
    }
}

fn load(name: &str) -> SaveFile {
    save::read(&fixtures().join(format!("{name}.ron"))).expect("fixture save reads")
}

fn report_of(name: &str) -> report::Report {
    let saved = load(name);
    report::build(&content(), &saved.state, &saved.log)
}

#[test]
fn golden_markdown_report() {
    insta::assert_snapshot!(report::render(&report_of("alice"), Format::Markdown));
}

#[test]
fn golden_json_report() {
    let text = report::render(&report_of("alice"), Format::Json);
    let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(parsed["seed"], 5);
    insta::assert_snapshot!(text);
}

#[test]
fn golden_csv_report() {
    let text = report::render(&report_of("alice"), Format::Csv);
    let mut lines = text.split("\r\n");
    assert_eq!(lines.next(), Some("round,kind,actor,what,detail,from,to"));
    insta::assert_snapshot!(text);
}

#[test]
fn the_report_holds_the_game() {
    // A game played today, with answers given after its end, replays to its state.
    let (state, log) = play(&content(), "greedy", 5, None);
    save::verify(&content(), &SaveFile::new(&content(), &state, &log))
        .expect("answers after the end replay too");
    // The fixture was played under older rules: it loads as it was written.
    let saved = load("alice");
    save::check(&content(), &saved).expect("a save from older rules loads as written");
    let r = report::build(&content(), &saved.state, &saved.log);
    assert_eq!(r.rounds.len() as u32, saved.state.round);
    let cards: usize = r.rounds.iter().map(|w| w.cards.len()).sum();
    assert_eq!(
        cards,
        saved.state.drawn.len(),
        "every card drawn is in the timeline"
    );
    let replies: usize = r
        .rounds
        .iter()
        .flat_map(|w| &w.tabled)
        .map(|t| t.replies.len() * t.times as usize)
        .sum();
    let logged = saved
        .state
        .log
        .iter()
        .filter(|(_, e)| matches!(e, game::Event::Replied(_)))
        .count();
    assert_eq!(replies, logged, "every reply is in the timeline");
    let changes: usize = r.rounds.iter().map(|w| w.changes.len()).sum();
    assert!(changes >= saved.state.changes().count());
    assert!(
        r.reflections.iter().all(|f| f.answer.is_some()),
        "all prompts were answered"
    );
    assert!(!r.space.frontier.is_empty());
    assert!(!r.epilogue.is_empty());
    assert!(
        r.concepts
            .iter()
            .all(|c| content().concept(&c.id).is_some())
    );
}

#[test]
fn a_game_saved_mid_play_reports_what_happened_so_far() {
    let r = report_of("dana");
    assert_eq!(r.outcome.key, "in-progress");
    assert!(
        r.reflections.iter().any(|f| f.answer.is_none()),
        "later prompts are not due yet"
    );
    let md = report::render(&r, Format::Markdown);
    assert!(md.contains("In progress: week"), "{md}");
}

#[test]
fn html_is_one_self_contained_page_with_its_charts() {
    for name in ["alice", "bilal", "chen"] {
        let report = report_of(name);
        let html = report::render(&report, Format::Html);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_eq!(html.matches("<html").count(), 1);
        assert!(html.trim_end().ends_with("</html>"));
        for outside in [
            "http://", "https://", "<script", "<link", "<img", "<iframe", "src=", "url(",
            "@import", "//cdn",
        ] {
            assert!(!html.contains(outside), "{name}: {outside} in the page");
        }
        // Every link stays on the page and lands somewhere.
        for part in html.split("href=\"").skip(1) {
            let target = &part[..part.find('"').expect("closed attribute")];
            let id = target
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("{name}: link {target} leaves the page"));
            assert!(
                html.contains(&format!("id=\"{id}\"")),
                "{name}: no anchor for {target}"
            );
        }
        assert_eq!(
            html.matches("<svg").count(),
            2,
            "{name}: track history and utility space"
        );
        assert!(
            html.contains("class=\"frontier\""),
            "{name}: the Pareto frontier"
        );
        assert!(html.contains("class=\"nash\""), "{name}: the Nash point");
        assert_eq!(
            html.matches("class=\"tabled\"").count(),
            report.space.tabled.len(),
            "{name}: one mark per text tabled"
        );
        assert!(html.contains("<polyline"), "{name}: track lines");
    }
    let deal = report::render(&report_of("alice"), Format::Html);
    assert!(deal.contains("class=\"deal\""), "the deal is marked");
}

fn entries<'a>(content: &'a Content, saves: &'a [(String, SaveFile)]) -> Vec<class::Entry<'a>> {
    saves
        .iter()
        .map(|(name, s)| class::Entry {
            name: name.clone(),
            content,
            state: &s.state,
            commands: &s.log,
            // Counted as verified: these tests are about the summing; the fixtures were played
            // under older rules (see `unverified_games_are_counted_apart`).
            unverified: None,
        })
        .collect()
}

#[test]
fn class_comparison_over_the_fixture_saves() {
    let content = content();
    let saves: Vec<(String, SaveFile)> =
        GAMES.iter().map(|g| (g.0.to_string(), load(g.0))).collect();
    let summary = class::summarise(&entries(&content, &saves));
    assert_eq!(summary.games, 4);
    assert_eq!(summary.outcomes.values().sum::<u32>(), 4);
    assert_eq!(summary.outcomes["in-progress"], 1);
    for (name, s) in &saves {
        let key = s.state.outcome().map_or("in-progress", |o| o.key());
        assert!(
            summary
                .game_list
                .iter()
                .any(|g| &g.name == name && g.outcome == key)
        );
    }
    // alice, bilal and dana share seed 5: one group, parted at a real move.
    let seven = summary
        .divergences
        .iter()
        .find(|d| d.seed == 5)
        .expect("seed 5 group");
    assert_eq!(seven.games, ["alice", "bilal", "dana"]);
    assert!(seven.week.is_some());
    assert!(seven.branches.len() >= 2, "{seven:?}");
    let eleven = summary
        .divergences
        .iter()
        .find(|d| d.seed == 11)
        .expect("seed 11 group");
    assert_eq!(eleven.week, None);
    assert!(!summary.common_texts.is_empty());
    assert!(
        summary
            .common_texts
            .windows(2)
            .all(|w| w[0].games >= w[1].games)
    );
    insta::assert_snapshot!(class::render(&summary, Format::Markdown));
    let html = class::render(&summary, Format::Html);
    assert!(
        html.contains("<svg") && !html.contains("http"),
        "a chart, nothing outside"
    );
}

#[test]
fn unverified_games_are_counted_apart() {
    let content = content();
    let saves: Vec<(String, SaveFile)> =
        GAMES.iter().map(|g| (g.0.to_string(), load(g.0))).collect();
    let mut games = entries(&content, &saves);
    // The fixtures were played under older rules, so today they are unverified for real.
    let why = match save::standing(&content, &saves[0].1) {
        Ok(save::Standing::Unverified(why)) => why.to_string(),
        other => panic!("alice is unverified today: {other:?}"),
    };
    assert!(
        why.starts_with("it was made with other game content"),
        "{why}"
    );
    games[0].unverified = Some(why.clone());
    let summary = class::summarise(&games);
    assert_eq!(summary.games, 4);
    assert_eq!(
        summary.outcomes.values().sum::<u32>(),
        3,
        "alice is not counted"
    );
    assert_eq!(summary.unverified_outcomes.values().sum::<u32>(), 1);
    assert_eq!(
        summary.game_list[0].unverified.as_deref(),
        Some(why.as_str())
    );
    let md = class::render(&summary, Format::Markdown);
    assert!(
        md.contains(&format!(
            "**1 unverified game(s), not counted in the outcomes, scores or means: alice ({why}).**"
        )),
        "{md}"
    );
    assert!(class::render(&summary, Format::Csv).contains(",no\r\n"));
}

#[test]
fn a_game_compared_with_itself_never_diverges() {
    let content = content();
    let saves = vec![
        ("a".to_string(), load("chen")),
        ("b".to_string(), load("chen")),
    ];
    let summary = class::summarise(&entries(&content, &saves));
    assert_eq!(summary.divergences.len(), 1);
    assert_eq!(summary.divergences[0].week, None);
    assert_eq!(
        summary.divergences[0].shared_commands,
        saves[0]
            .1
            .log
            .iter()
            .filter(|c| !matches!(c, Command::Reflect { .. }))
            .count()
    );
    assert_eq!(summary.common_texts[0].games, 2);
}

fn muscat(args: &[&str]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_muscat"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("muscat-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn report_and_class_commands() {
    let assets = fixtures().join("assets");
    let assets = assets.to_str().expect("utf-8 path");
    let alice = fixtures().join("alice.ron");
    let alice = alice.to_str().expect("utf-8 path");
    let out = muscat(&["report", alice, "--format", "json", "--assets", assets]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["scenario"], "muscat-2026");

    let dir = temp("cli");
    let page = dir.join("alice.html");
    let out = muscat(&[
        "report",
        alice,
        "-o",
        page.to_str().expect("utf-8"),
        "--assets",
        assets,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&page)
            .expect("written")
            .starts_with("<!DOCTYPE html>")
    );

    let out = muscat(&["report", alice, "--format", "pdf"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown format \"pdf\""));

    let out = muscat(&["report", alice, "-o", alice, "--assets", assets]);
    assert!(!out.status.success(), "never overwrite the save being read");
    assert!(load("alice").log.len() > 10, "the save is intact");

    let broken = dir.join("broken.ron");
    std::fs::write(&broken, "(format: 1,").expect("write");
    let bilal = fixtures().join("bilal.ron");
    let summary = dir.join("class.csv");
    let out = muscat(&[
        "class",
        alice,
        bilal.to_str().expect("utf-8"),
        broken.to_str().expect("utf-8"),
        "-o",
        summary.to_str().expect("utf-8"),
        "--assets",
        assets,
    ]);
    assert_eq!(out.status.code(), Some(2), "a skipped save is flagged");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("skipped") && err.contains("broken.ron:"),
        "{err}"
    );
    let csv = std::fs::read_to_string(&summary).expect("written");
    assert_eq!(csv.lines().count(), 3, "header + two games: {csv}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Fields of one CSV record (RFC 4180 quoting).
fn csv_fields(record: &str) -> usize {
    let (mut fields, mut quoted) = (1, false);
    for c in record.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields += 1,
            _ => {}
        }
    }
    fields
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8))]

    /// Any game, from the shipped content, at any point: every format renders, the CSV keeps
    /// its columns, and the page stays self-contained.
    #[test]
    fn any_game_reports_in_every_format(seed in 0u64..10_000, policy in 0usize..3, cut in 0usize..80) {
        let content = Content::builtin();
        let name = policy::POLICIES[policy];
        let (state, log) = play(&content, name, seed, (cut > 10).then_some(cut));
        let r = report::build(&content, &state, &log);
        proptest::prop_assert_eq!(r.rounds.len() as u32, state.round.max(1));
        let csv = report::render(&r, Format::Csv);
        // Records may hold quoted line breaks; split on CRLF, which fields never contain.
        for record in csv.split("\r\n").filter(|l| !l.is_empty()) {
            proptest::prop_assert_eq!(csv_fields(record), 7, "{}", record);
        }
        let html = report::render(&r, Format::Html);
        // Self-contained: nothing is fetched (sources are plain links a reader may follow).
        proptest::prop_assert!(!html.contains("src=\"http") && !html.contains("url(http") && !html.contains("<script"));
        proptest::prop_assert_eq!(html.matches("http").count(), html.matches("<a href=\"http").count() * 2);
        let json: serde_json::Value = serde_json::from_str(&report::render(&r, Format::Json)).expect("JSON");
        proptest::prop_assert_eq!(&json["outcome"]["key"], state.outcome().map_or("in-progress", game::Outcome::key));
        proptest::prop_assert!(report::render(&r, Format::Markdown).starts_with("# After-action report"));
    }
}
