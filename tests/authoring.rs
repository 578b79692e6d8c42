//! The scenario-authoring guide stays true: its worked example is a real file that loads, its
//! injects fire when the guide says, the error it shows is the one `muscat check` prints, its
//! card snippet is a valid card, and `muscat check` lists scenarios and fails on broken ones.

use std::process::Command as Process;

use muscat::content::{self, Bundle, Source};
use muscat::game::{Difficulty, Event};
use muscat::oman as policy;

const GUIDE: &str = "docs/authoring.md";
const EXAMPLE: &str = "docs/examples/two-level-lesson.ron";

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The ```ron blocks of the guide.
fn ron_blocks(md: &str) -> Vec<String> {
    md.split("```ron\n")
        .skip(1)
        .map(|rest| rest.split("```").next().expect("closed block").to_string())
        .collect()
}

fn example_bundle(text: &str) -> Bundle {
    let mut bundle = Bundle::builtin();
    bundle.scenarios = vec![Source {
        label: EXAMPLE.into(),
        text: text.into(),
    }];
    bundle
}

#[test]
fn the_guide_shows_the_example_file_verbatim() {
    let example = read(EXAMPLE);
    assert!(
        ron_blocks(&read(GUIDE)).contains(&example),
        "{GUIDE} must quote {EXAMPLE} exactly"
    );
}

#[test]
fn the_example_loads_and_its_injects_fire_as_the_guide_says() {
    let content = content::load(&example_bundle(&read(EXAMPLE)), None).expect("valid");
    assert_eq!(content.scenario.id, "two-level-lesson");
    assert_eq!(content.scenario.deadline, 6);
    let mut blackouts = 0;
    for seed in 0..40 {
        let mut oman =
            policy::by_name(if seed % 2 == 0 { "greedy" } else { "cycle" }, seed).expect("policy");
        let (state, _) = muscat::oman::play(&content, seed, Difficulty::Normal, oman.as_mut());
        let injected: Vec<(u32, &str)> = state
            .log
            .iter()
            .filter_map(|(week, e)| match e {
                Event::CardDrawn {
                    card,
                    injected: true,
                } => Some((*week, card.as_str())),
                _ => None,
            })
            .collect();
        assert!(
            injected.contains(&(2, "bazaar-strike")),
            "seed {seed}: {injected:?}"
        );
        if state.round >= 4 {
            assert!(
                injected.contains(&(4, "war-powers-vote"))
                    || injected.contains(&(5, "war-powers-vote")),
                "seed {seed}: {injected:?}"
            );
        }
        if injected.iter().any(|(_, c)| *c == "blackout") {
            blackouts += 1;
        }
        assert_eq!(
            state.drawn.iter().filter(|c| *c == "bazaar-strike").count(),
            1,
            "seed {seed}: an injected card never comes up at random"
        );
    }
    eprintln!("blackout injected in {blackouts} of 40 games");
}

#[test]
fn the_typo_error_in_the_guide_is_what_check_reports() {
    let typo = read(EXAMPLE).replace("\"bazaar-strike\"", "\"bazar-strike\"");
    let errors: Vec<String> = content::load(&example_bundle(&typo), None)
        .expect_err("a typo")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        read(GUIDE).contains(&errors[0]),
        "the guide should show {}",
        errors[0]
    );
}

#[test]
fn the_card_in_the_guide_is_a_valid_card() {
    let cards: Vec<String> = ron_blocks(&read(GUIDE))
        .into_iter()
        .filter(|b| b.starts_with("(\n    id: "))
        .collect();
    assert_eq!(cards.len(), 1, "one card example");
    let mut bundle = Bundle::builtin();
    bundle.cards.push(Source {
        label: "guide-card.ron".into(),
        text: format!("(version: 1, cards: [\n{}])", cards[0]),
    });
    let c = content::load(&bundle, None).expect("the guide's card is valid");
    assert!(c.card("oil-minister-resigns").is_some());
}

#[test]
fn check_lists_scenarios_and_fails_on_broken_files_with_every_error() {
    let bin = env!("CARGO_BIN_EXE_muscat");
    let ok = Process::new(bin).arg("check").output().expect("run");
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{out}");
    for id in ["muscat-2026", "lesson-carriers", "lesson-verification"] {
        assert!(
            out.lines().any(|l| l.trim_start().starts_with(id)),
            "{id} not listed:\n{out}"
        );
    }
    let example = Process::new(bin)
        .args(["check", EXAMPLE])
        .output()
        .expect("run");
    assert!(example.status.success());

    let broken = "tests/fixtures/broken/scenario_rules.ron";
    let bad = Process::new(bin)
        .args(["check", broken])
        .output()
        .expect("run");
    let out = String::from_utf8_lossy(&bad.stdout);
    assert_eq!(bad.status.code(), Some(1), "{out}");
    let expected: Vec<String> = read(broken)
        .lines()
        .filter_map(|l| l.strip_prefix("// error: "))
        .map(|e| format!("{broken}:{e}"))
        .collect();
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got, expected);
}
