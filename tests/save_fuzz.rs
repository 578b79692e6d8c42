//! Fuzzing by proptest: the save parser and the content parser over random text and over valid
//! files with random edits (flipped bytes, cuts, deletions, duplicated spans, inserted RON tokens
//! and bracket bombs). Nothing may panic; a mutated save that still parses must also survive the
//! load check, which replays its (possibly nonsensical) command log.
//!
//! A mutated save that parses and fits its content also goes through what reads loaded saves: the
//! report in every format, the class summary and the advisor's odds. Plain-mode transcripts
//! (real command sequences, mutated as bytes) are played through plain mode's reader.
//!
//! The default run is small; `MUSCAT_FUZZ_CASES=N` sets the total number of inputs, e.g.
//! `MUSCAT_FUZZ_CASES=1000000 cargo test --release --test save_fuzz -- --nocapture`.

mod common;

use std::cell::Cell;
use std::sync::LazyLock;

use muscat::content::{self, Bundle, Content};
use muscat::game::{Audience, CaucusKind, Clause, Command, Errand, Side, Statement};
use muscat::model::{Choice, IssueId};
use muscat::save::{self, SaveFile};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

fn total_cases() -> u32 {
    std::env::var("MUSCAT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600)
}

fn config(share: u32) -> ProptestConfig {
    ProptestConfig {
        cases: (total_cases() * share / 100).max(1),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

static CONTENT: LazyLock<Content> = LazyLock::new(Content::builtin);

/// Valid saves to mutate: a game in progress, a finished one, a fresh one, and format-1 files.
static SAVES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let content = &*CONTENT;
    let (state, log) = common::play(content, "greedy", 3);
    let mid = muscat::game::replay(
        content,
        3,
        muscat::game::Difficulty::Normal,
        &log[..log.len() / 2],
    )
    .expect("replays");
    let fresh = muscat::game::start(content, 9, muscat::game::Difficulty::Hard);
    vec![
        SaveFile::new(content, &state, &log)
            .to_text()
            .expect("encode"),
        SaveFile::new(content, &mid, &log[..log.len() / 2])
            .to_text()
            .expect("encode"),
        SaveFile::new(content, &fresh, &[])
            .to_text()
            .expect("encode"),
        std::fs::read_to_string("tests/fixtures/saves/v1_midgame.ron").expect("fixture"),
        std::fs::read_to_string("tests/fixtures/saves/v1_ended.ron").expect("fixture"),
    ]
});

const TOKENS: [&str; 24] = [
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "Some(",
    "None",
    "-1",
    "4294967296",
    "340282366920938463463374607431768211456",
    "1e308",
    "NaN",
    "format: 1,",
    "format: 2,",
    "r#\"",
    "/*",
    "'",
    "\u{0}",
    "()",
    "é",
];

/// One random edit of a file, positions as fractions of its length.
#[derive(Clone, Debug)]
enum Edit {
    Flip(u32, u8),
    Delete(u32, u16),
    Insert(u32, usize),
    Bomb(u32, u16),
    Duplicate(u32, u16),
    Cut(u32),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<u32>(), any::<u8>()).prop_map(|(p, b)| Edit::Flip(p, b)),
        (any::<u32>(), 1..200u16).prop_map(|(p, n)| Edit::Delete(p, n)),
        (any::<u32>(), 0..TOKENS.len()).prop_map(|(p, t)| Edit::Insert(p, t)),
        (any::<u32>(), 1..5000u16).prop_map(|(p, n)| Edit::Bomb(p, n)),
        (any::<u32>(), 1..400u16).prop_map(|(p, n)| Edit::Duplicate(p, n)),
        any::<u32>().prop_map(Edit::Cut),
    ]
}

fn at(p: u32, len: usize) -> usize {
    (u64::from(p) * len as u64 / (u64::from(u32::MAX) + 1)) as usize
}

fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut b = text.as_bytes().to_vec();
    for e in edits {
        let len = b.len();
        match *e {
            Edit::Flip(p, x) if len > 0 => b[at(p, len)] ^= x.max(1),
            Edit::Delete(p, n) => {
                let i = at(p, len);
                b.drain(i..(i + usize::from(n)).min(len));
            }
            Edit::Insert(p, t) => {
                let i = at(p, len);
                b.splice(i..i, TOKENS[t].bytes());
            }
            Edit::Bomb(p, n) => {
                let i = at(p, len);
                let open = if p % 2 == 0 { b'[' } else { b'(' };
                b.splice(i..i, std::iter::repeat_n(open, usize::from(n)));
            }
            Edit::Duplicate(p, n) => {
                let i = at(p, len);
                let span: Vec<u8> = b[i..(i + usize::from(n)).min(len)].to_vec();
                b.splice(i..i, span);
            }
            Edit::Cut(p) => b.truncate(at(p, len)),
            Edit::Flip(..) => {}
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// Parses one input and, when it parses, runs the load check on it, and when its state fits the
/// content, every reader of a loaded save. Says whether it parsed.
fn try_save(text: &str) -> bool {
    let Ok(s) = save::parse("fuzz.ron", text) else {
        return false;
    };
    let _ = save::check(&CONTENT, &s);
    let _ = save::standing(&CONTENT, &s);
    read_loaded(&s);
    true
}

/// What `report`, `class` and `odds` do with a loaded save, after the same check they make.
fn read_loaded(s: &SaveFile) {
    use muscat::report::{self, Format, class};
    let c = &*CONTENT;
    let fits = |st: &muscat::game::GameState| save::fits(c, st).is_ok();
    if !fits(&s.state) || s.start.as_ref().is_some_and(|st| !fits(st)) {
        return;
    }
    let r = report::build(c, &s.state, &s.log);
    for f in [Format::Markdown, Format::Json, Format::Csv, Format::Html] {
        let _ = report::render(&r, f);
    }
    let entry = class::Entry {
        name: "fuzz".into(),
        content: c,
        state: &s.state,
        commands: &s.log,
        unverified: None,
    };
    let _ = class::render(&class::summarise(&[entry]), Format::Markdown);
    if !s.state.is_over() {
        let _ = muscat::advisor::advise(c, &s.state, 1, 1, 1);
    }
}

/// Real plain-mode sessions to mutate.
const TRANSCRIPTS: [&str; 3] = [
    "status\ndraft enrichment cap-367\ntable\nprobe iran\nend\nchoose 1\nstatus\nend\nquit\n",
    "reassure us\npressure iran\ntest us enrichment\nerrand qatar\nannounce\nend\nwhy war\nmap\nend\n",
    "offrecord\ngoodwill iran\nlink enrichment inspections\nreflect\nextension\nend\nend\nend\n",
];

/// Nothing panics on mutated plain-mode transcripts, read as bytes and played.
#[test]
fn mutated_transcripts_never_panic() {
    let dir = std::env::temp_dir().join(format!("muscat-fuzz-plain-{}", std::process::id()));
    let tried = Cell::new(0u32);
    let mut runner = TestRunner::new(config(5));
    let inputs = (0..3usize, any::<u64>(), prop::collection::vec(edit(), 0..6));
    let result = runner.run(&inputs, |(which, seed, edits)| {
        tried.set(tried.get() + 1);
        let text = mutate(TRANSCRIPTS[which], &edits);
        let mut bytes = text.into_bytes();
        // Raw bytes too, not only what a String holds.
        if let Some(b) = bytes.get_mut((seed % 97) as usize) {
            *b ^= (seed >> 8) as u8 | 0x80;
        }
        let state = muscat::game::start(&CONTENT, seed % 1000, muscat::game::Difficulty::Normal);
        let mut app = muscat::app::App::new(CONTENT.clone(), state, Vec::new());
        let _ = muscat::plain::run_on(&mut app, &dir, &mut bytes.as_slice(), &mut std::io::sink());
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(failure) = result {
        panic!("{failure}");
    }
    eprintln!("mutated transcripts: {} played", tried.get());
}

/// The files the fuzz mutates are whole, checked saves, so the mutations start from what the
/// game writes and not from something the parser already refuses.
#[test]
fn the_saves_to_mutate_load_and_check() {
    for (i, text) in SAVES.iter().enumerate() {
        let parsed = save::parse("seed.ron", text).unwrap_or_else(|e| panic!("save {i}: {e}"));
        save::check(&CONTENT, &parsed).unwrap_or_else(|e| panic!("save {i}: {e}"));
    }
}

/// Nothing panics on mutated saves. The counts printed are this test's own (not shared with
/// other tests, so no test order changes them): how many inputs ran, and how many still parsed
/// and went on through the load check, which replays their mutated log.
#[test]
fn mutated_saves_never_panic() {
    let tried = Cell::new(0u32);
    let parsed = Cell::new(0u32);
    let mut runner = TestRunner::new(config(40));
    let inputs = (0..5usize, prop::collection::vec(edit(), 1..6));
    let result = runner.run(&inputs, |(which, edits)| {
        tried.set(tried.get() + 1);
        if try_save(&mutate(&SAVES[which], &edits)) {
            parsed.set(parsed.get() + 1);
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    eprintln!(
        "mutated saves: {} tried, {} parsed and checked",
        tried.get(),
        parsed.get()
    );
    assert_eq!(tried.get(), config(40).cases, "every input ran, once");
}

proptest! {
    #![proptest_config(config(15))]
    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}", ron_ish in "[()\\[\\]{}:,\" a-z0-9_.-]{0,300}") {
        try_save(&text);
        try_save(&ron_ish);
        try_save(&format!("(format: 2, {ron_ish})"));
    }
}

static BUNDLE: LazyLock<Bundle> = LazyLock::new(Bundle::builtin);

proptest! {
    #![proptest_config(config(40))]
    #[test]
    fn mutated_content_never_panics(which in any::<u32>(), edits in prop::collection::vec(edit(), 1..6)) {
        let mut bundle = BUNDLE.clone();
        let mut sources: Vec<&mut content::Source> = bundle
            .domain
            .iter_mut()
            .chain(bundle.scenarios.iter_mut())
            .chain(bundle.delegations.iter_mut())
            .chain(bundle.cards.iter_mut())
            .chain(bundle.glossary.iter_mut())
            .collect();
        let n = sources.len();
        let source = &mut *sources[which as usize % n];
        source.text = mutate(&source.text, &edits);
        let _ = content::load(&bundle, None);
    }
}

fn side() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::Us), Just(Side::Iran)]
}

fn clause() -> impl Strategy<Value = Clause> {
    prop_oneof![
        Just(Clause::Open),
        Just(Clause::Deferred),
        any::<u8>().prop_map(|c| Clause::Option(Choice(c))),
        (0..6u8).prop_map(|c| Clause::Option(Choice(c))),
    ]
}

/// Any command at all, most of them nonsense for the moment they are played in.
fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        (0..10u8, clause()).prop_map(|(issue, clause)| Command::Draft {
            issue: IssueId(issue),
            clause
        }),
        (side(), 0..4u8, 0..10u8, clause()).prop_map(|(side, k, issue, clause)| Command::Caucus {
            side,
            kind: match k {
                0 => CaucusKind::Probe,
                1 => CaucusKind::Reassure,
                2 => CaucusKind::RelayPressure,
                _ => CaucusKind::TestIdea {
                    issue: IssueId(issue),
                    clause,
                },
            },
        }),
        prop_oneof![Just(Audience::Both), side().prop_map(Audience::One)].prop_map(Command::Table),
        (0..10u8, clause(), any::<u8>(), clause()).prop_map(|(a, x, b, y)| Command::Link {
            first: (IssueId(a), x),
            second: (IssueId(b), y)
        }),
        side().prop_map(Command::SpendGoodwill),
        (0..5usize).prop_map(|i| Command::Errand(Errand::ALL[i])),
        Just(Command::OffTheRecord),
        Just(Command::Statement(Statement::AnnounceProgress)),
        Just(Command::Statement(Statement::UrgeRestraint)),
        Just(Command::RequestExtension),
        any::<u8>().prop_map(Command::ChooseCardOption),
        Just(Command::EndRound),
        Just(Command::EndRound),
    ]
}

proptest! {
    #![proptest_config(config(5))]
    /// Saves whose log is any sequence of commands, and whose state may be cut down (as a hostile
    /// hand edit would), claiming other content half the time so the stored state is used: the
    /// load check refuses or loads, and a loaded game draws without panicking.
    #[test]
    fn hostile_logs_and_states_never_panic(
        log in prop::collection::vec(command(), 0..60),
        seed in any::<u64>(),
        other_content: bool,
        cut_clauses in 0..12usize,
        drop_delegation: bool,
        round in prop_oneof![Just(None), any::<u32>().prop_map(Some)],
        stored_start: bool,
    ) {
        let content = &*CONTENT;
        let mut state = muscat::game::start(content, seed, muscat::game::Difficulty::Normal);
        for c in &log {
            let _ = muscat::game::apply(&mut state, content, c);
        }
        let mut file = SaveFile::new(content, &state, &log);
        if other_content {
            file.content_hash = "other".into();
        }
        file.state.text.clauses.truncate(cut_clauses);
        if drop_delegation {
            file.state.delegations.pop();
        }
        if let Some(round) = round {
            file.state.round = round;
        }
        if stored_start {
            file.start = Some(file.state.clone());
        }
        let text = file.to_text().expect("encode");
        let parsed = save::parse("hostile.ron", &text).expect("well-formed");
        read_loaded(&parsed);
        if let Ok(loaded) = save::check(content, &parsed) {
            let app = muscat::app::App::new(content.clone(), loaded.state, loaded.log);
            let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
                .expect("terminal");
            terminal
                .draw(|f| muscat::ui::view(f, &app, &muscat::ui::Theme::mono()))
                .expect("draws");
        }
    }
}
