//! Content: every shipped asset loads and cross-checks; broken files fail with exact
//! `file:line:col: message` errors, all at once.

use muscat::content::{self, Bundle, Source};

#[test]
fn shipped_assets_load() {
    let c = content::load(&Bundle::builtin(), None).expect("valid");
    assert!(c.cards.len() >= 12, "{} cards", c.cards.len());
    assert_eq!(c.delegations.len(), 2);
    assert_eq!(c.domain.issues.len(), 8);
    for card in &c.cards {
        assert!(!card.basis.source.is_empty(), "{} has no source", card.id);
    }
}

#[test]
fn the_assets_folder_on_disk_matches_the_embedded_copy() {
    let disk = Bundle::from_dir(std::path::Path::new("assets")).expect("read assets/");
    let a = content::load(&disk, None).expect("valid");
    let b = content::load(&Bundle::builtin(), None).expect("valid");
    assert_eq!(
        a.cards.len(),
        b.cards.len(),
        "a card file on disk is not embedded in src/content/bundle.rs"
    );
    assert_eq!(a.glossary, b.glossary);
}

fn with_card_file(text: &str) -> Vec<String> {
    let mut bundle = Bundle::builtin();
    bundle.cards.push(Source {
        label: "broken.ron".into(),
        text: text.into(),
    });
    match content::load(&bundle, None) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/broken/{name}")).expect("fixture")
}

#[test]
fn broken_card_fixtures_fail_with_exact_messages() {
    let cases = [
        (
            "unknown_field.ron",
            "broken.ron:9:13: Unexpected field named `wieght` in `Card`",
        ),
        (
            "unknown_track.ron",
            "broken.ron:9:29: Unexpected variant named `Tension` in enum `TrackId`",
        ),
        ("syntax.ron", "broken.ron:10:13: Expected comma"),
        (
            "bad_refs.ron",
            "broken.ron:12:44: unknown option \"zeroo\" in issue \"enrichment\"",
        ),
    ];
    for (file, want) in cases {
        let errors = with_card_file(&fixture(file));
        assert!(
            errors.iter().any(|e| e.starts_with(want)),
            "{file}: wanted {want}\ngot {errors:#?}"
        );
    }
}

#[test]
fn all_errors_are_reported_at_once() {
    let errors = with_card_file(&fixture("bad_refs.ron"));
    let expected = [
        "broken.ron:12:44: unknown option \"zeroo\" in issue \"enrichment\"",
        "broken.ron:12:63: unknown card \"no-such-card\"",
        "broken.ron:13:24: unknown glossary concept \"ripeness-typo\"",
        "broken.ron:5:13: duplicate card id \"armada-arrives\"",
        "broken.ron:11:13: card \"armada-arrives\" can never be drawn: War risk at least 80 and at most 20",
    ];
    for want in expected {
        assert!(
            errors.iter().any(|e| e == want),
            "missing {want}\ngot {errors:#?}"
        );
    }
}

#[test]
fn a_scenario_with_bad_numbers_names_each_problem() {
    let mut bundle = Bundle::builtin();
    bundle.scenarios[0].text = bundle.scenarios[0]
        .text
        .replace("deadline: 12", "deadline: 0")
        .replace("WarRisk: 35", "WarRisk: 135")
        .replace("[\"us\", \"iran\"]", "[\"us\", \"iraq\"]");
    let errors: Vec<String> = content::load(&bundle, None)
        .expect_err("invalid")
        .iter()
        .map(ToString::to_string)
        .collect();
    let joined = errors.join("\n");
    assert!(joined.contains("deadline must be 1-52 rounds"), "{joined}");
    assert!(
        joined.contains("War risk starts at 135, outside 0-100"),
        "{joined}"
    );
    assert!(joined.contains("unknown delegation \"iraq\""), "{joined}");
    assert!(
        errors
            .iter()
            .all(|e| e.starts_with("assets/scenarios/muscat-2026.ron:")),
        "{joined}"
    );
}

#[test]
fn broken_reflection_prompts_are_named_with_their_line() {
    let mut bundle = Bundle::builtin();
    bundle.scenarios[0].text = bundle.scenarios[0]
        .text
        .replace("at: Round(6)", "at: Round(40)")
        .replace("id: \"debrief\"", "id: \"opening\"");
    let errors: Vec<String> = content::load(&bundle, None)
        .expect_err("invalid")
        .iter()
        .map(ToString::to_string)
        .collect();
    let joined = errors.join("\n");
    assert!(
        joined.contains("reflection \"midpoint\" at round 40 is outside 1-12"),
        "{joined}"
    );
    assert!(
        joined.contains("reflection \"opening\" appears twice"),
        "{joined}"
    );
    assert!(
        errors
            .iter()
            .all(|e| e.starts_with("assets/scenarios/muscat-2026.ron:") && !e.contains(":1:1:")),
        "{joined}"
    );
}
