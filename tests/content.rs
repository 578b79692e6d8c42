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
        assert!(!card.concepts.is_empty(), "{} links no concept", card.id);
    }
}

#[test]
fn the_deck_and_glossary_are_rich_and_linked() {
    let c = content::load(&Bundle::builtin(), Some("muscat-2026")).expect("valid");
    assert!(c.cards.len() >= 40, "{} cards", c.cards.len());
    assert!(c.glossary.len() >= 20, "{} concepts", c.glossary.len());
    for concept in &c.glossary {
        assert!(
            c.cards_illustrating(&concept.id).next().is_some(),
            "no card illustrates \"{}\"",
            concept.id
        );
    }
    let with_choices = c.cards.iter().filter(|k| !k.choices.is_empty()).count();
    let recurring = c.cards.iter().filter(|k| !k.once).count();
    assert!(
        with_choices >= 15 && recurring >= 3,
        "{with_choices} {recurring}"
    );
}

#[test]
fn the_assets_folder_on_disk_matches_the_embedded_copy() {
    let disk = Bundle::from_dir(std::path::Path::new("assets")).expect("read assets/");
    let a = content::load(&disk, None).expect("valid");
    let b = content::load(&Bundle::builtin(), None).expect("valid");
    assert_eq!(
        a.counts, b.counts,
        "a file on disk is not embedded in src/content/bundle.rs"
    );
    assert_eq!(
        a.scenario.id, "muscat-2026",
        "the default game from a folder"
    );
    assert_eq!(a.cards, b.cards);
    assert_eq!(a.glossary, b.glossary);
}

/// A broken fixture: a content file with a header saying which built-in file it stands in for and
/// the exact errors it must produce.
///
/// ```text
/// // as: assets/delegations/us.ron      (or a new name, e.g. assets/cards/extra.ron, to add a file)
/// // error: 12:44: unknown option "zeroo" in issue "enrichment"
/// ```
///
/// `error:` lines starting with a digit are errors in the fixture itself (prefixed with its path);
/// the errors located in the fixture must be exactly those, in order. Others name another file
/// and must appear too.
struct Fixture {
    path: String,
    role: String,
    text: String,
    own: Vec<String>,
    elsewhere: Vec<String>,
}

fn fixtures() -> Vec<Fixture> {
    let mut paths: Vec<_> = std::fs::read_dir("tests/fixtures/broken")
        .expect("fixture folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let path = p.display().to_string();
            let text = std::fs::read_to_string(p).expect("fixture");
            let header = |key: &str| -> Vec<String> {
                text.lines()
                    .filter_map(|l| l.strip_prefix(&format!("// {key}: ")))
                    .map(str::to_string)
                    .collect()
            };
            let role = header("as")
                .pop()
                .unwrap_or_else(|| panic!("{path}: no `// as:` line"));
            let (own, elsewhere): (Vec<_>, Vec<_>) = header("error")
                .into_iter()
                .partition(|e| e.starts_with(|c: char| c.is_ascii_digit()));
            Fixture {
                own: own.iter().map(|e| format!("{path}:{e}")).collect(),
                path,
                role,
                text,
                elsewhere,
            }
        })
        .collect()
}

/// The built-in bundle with the fixture standing in for (or added next to) its role's file.
fn bundle_with(f: &Fixture) -> Bundle {
    let mut bundle = Bundle::builtin();
    let source = Source {
        label: f.path.clone(),
        text: f.text.clone(),
    };
    let single = |slot: &mut Option<Source>| *slot = Some(source.clone());
    match f.role.as_str() {
        "assets/domain.ron" => single(&mut bundle.domain),
        "assets/glossary.ron" => single(&mut bundle.glossary),
        role => {
            let group = if role.starts_with("assets/scenarios/") {
                &mut bundle.scenarios
            } else if role.starts_with("assets/delegations/") {
                &mut bundle.delegations
            } else if role.starts_with("assets/cards/") {
                &mut bundle.cards
            } else {
                panic!("{}: unknown role {role}", f.path)
            };
            match group.iter_mut().find(|s| s.label == role) {
                Some(slot) => *slot = source,
                None => group.push(source),
            }
        }
    }
    bundle
}

#[test]
fn every_broken_fixture_fails_with_its_exact_messages() {
    let all = fixtures();
    assert!(all.len() >= 10, "only {} fixtures", all.len());
    let mut failures = Vec::new();
    for f in &all {
        assert!(!f.own.is_empty(), "{}: no `// error:` lines", f.path);
        let errors: Vec<String> = match content::load(&bundle_with(f), None) {
            Ok(_) => panic!("{} loaded without errors", f.path),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        };
        let own: Vec<&String> = errors
            .iter()
            .filter(|e| e.starts_with(&format!("{}:", f.path)))
            .collect();
        if own != f.own.iter().collect::<Vec<_>>() {
            failures.push(format!("{}: wanted {:#?}\ngot {own:#?}", f.path, f.own));
        }
        for want in &f.elsewhere {
            if !errors.contains(want) {
                failures.push(format!("{}: missing {want}\ngot {errors:#?}", f.path));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_missing_file_or_scenario_is_named() {
    let errors: Vec<String> = content::load(&Bundle::default(), None)
        .expect_err("empty")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        [
            "domain.ron:1:1: missing file domain.ron",
            "glossary.ron:1:1: missing file glossary.ron",
            "scenarios/:1:1: no scenario files",
        ]
    );
    let errors = content::load(&Bundle::builtin(), Some("no-such-lesson")).expect_err("unknown");
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["scenarios/:1:1: no scenario with id \"no-such-lesson\""]
    );
}

#[test]
fn a_scenario_with_bad_numbers_names_each_problem() {
    let mut bundle = Bundle::builtin();
    let main = bundle
        .scenarios
        .iter_mut()
        .find(|s| s.label == "assets/scenarios/muscat-2026.ron")
        .expect("shipped");
    main.text = main
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
    let main = bundle
        .scenarios
        .iter_mut()
        .find(|s| s.label.ends_with("muscat-2026.ron"))
        .expect("the main scenario");
    main.text = main
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

const DILEMMA: &str = "tests/fixtures/dilemma/cards.ron";

/// The `// error: line:col: message` lines of a fixture, prefixed with its path.
fn expected_errors(path: &str, text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("// error: "))
        .map(|e| format!("{path}:{e}"))
        .collect()
}

#[test]
fn card_choices_that_are_not_dilemmas_are_named_and_the_built_in_ones_all_are() {
    let text = std::fs::read_to_string(DILEMMA).expect("fixture");
    let mut bundle = Bundle::builtin();
    bundle.cards.push(Source {
        label: DILEMMA.into(),
        text: text.clone(),
    });
    let got: Vec<String> = content::lint(&bundle)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(got, expected_errors(DILEMMA, &text));
    // An authoring rule, not a rule of play: the folder still loads (so its saves do).
    assert!(content::load(&bundle, None).is_ok());
    assert_eq!(content::lint(&Bundle::builtin()), []);
}

/// Copies a folder tree.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn check_refuses_a_folder_with_a_dominated_card_option() {
    let dir = std::env::temp_dir().join(format!("muscat-dilemma-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(std::path::Path::new("assets"), &dir);
    std::fs::copy(DILEMMA, dir.join("cards/dilemma.ron")).expect("copy fixture");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_muscat"))
        .arg("check")
        .arg(&dir)
        .output()
        .expect("run");
    let _ = std::fs::remove_dir_all(&dir);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "dilemma.ron:20:25: card \"worse-on-all\": option 2 \"Say it louder\" is dominated: \
             it gains nothing of its own and is beaten on War risk, US trust in Oman by option 1 \
             \"Say it quietly\""
        ),
        "{text}"
    );
    assert_eq!(
        text.lines().count(),
        4,
        "one line per refused option:\n{text}"
    );
}

const CUTOFF: &str = "tests/fixtures/cutoff/cards.ron";

#[test]
fn check_refuses_cards_dated_after_the_cutoff_or_without_a_date_or_a_link() {
    let text = std::fs::read_to_string(CUTOFF).expect("fixture");
    let mut bundle = Bundle::builtin();
    bundle.cards.push(Source {
        label: CUTOFF.into(),
        text: text.clone(),
    });
    let got: Vec<String> = content::lint(&bundle)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(got, expected_errors(CUTOFF, &text));
    // The main scenario draws from every card: the hindsight one is left out of its deck.
    let game = content::load(&bundle, None).expect("loads");
    assert!(game.card("too-late").is_some());
    assert!(
        game.card("looking-back").is_none(),
        "hindsight is never news"
    );
}

#[test]
fn every_shipped_card_is_dated_within_the_cutoff_of_every_scenario_that_draws_it() {
    let bundle = Bundle::builtin();
    assert_eq!(content::lint(&bundle), []);
    for id in ["muscat-2026", "lesson-carriers", "lesson-verification"] {
        let game = content::load(&bundle, Some(id)).expect("loads");
        let cutoff = game.scenario.cutoff_date.expect("a cutoff date");
        for card in &game.cards {
            let date = card.basis.date.expect("a date");
            assert!(!date.after(cutoff), "{id}: {} {date}", card.id);
            assert!(
                card.basis
                    .url
                    .as_deref()
                    .is_some_and(|u| u.starts_with("https://"))
            );
        }
    }
}
