//! Format 3 stores facts where formats 1 and 2 stored sentences. Every fixture save (the
//! format-1 ones and the class's format-2 games) migrates, holds no old sentence, still verifies
//! against the content it was played with, and `narrate` tells each migrated fact in exactly
//! the words the old save held.

use std::path::Path;

use muscat::content::{self, Content};
use muscat::game::{Cause, Event, GameState};
use muscat::narrate;
use muscat::save::{self, FORMAT};

/// Every fixture save, with the content it was played with.
fn fixtures() -> Vec<(String, Content)> {
    let builtin = Content::builtin();
    let report = content::load_with(None, Some(Path::new("tests/fixtures/report/assets")))
        .expect("the report fixtures' assets load");
    let mut out = Vec::new();
    for (dir, content) in [
        ("tests/fixtures/saves", builtin),
        ("tests/fixtures/report", report),
    ] {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .expect("fixture folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        names.sort();
        out.extend(
            names
                .into_iter()
                .map(|p| (p.display().to_string(), content.clone())),
        );
    }
    out
}

/// The strings an old save wrote after `prefix` (e.g. `Drift("`), unescaped, in file order.
fn old_strings(text: &str, prefix: &str) -> Vec<String> {
    text.match_indices(prefix)
        .map(|(at, _)| {
            let rest = &text[at + prefix.len()..];
            let end = rest
                .char_indices()
                .scan(false, |escaped, (i, c)| {
                    let close = c == '"' && !*escaped;
                    *escaped = c == '\\' && !*escaped;
                    Some((i, close))
                })
                .find(|&(_, close)| close)
                .map(|(i, _)| i)
                .expect("closed string");
            rest[..end].replace("\\\"", "\"")
        })
        .collect()
}

/// What `narrate` says of the migrated facts, in the same order as the file's sentences.
fn told(content: &Content, states: &[&GameState]) -> [Vec<String>; 4] {
    let mut out: [Vec<String>; 4] = Default::default();
    for state in states {
        for (_, event) in &state.log {
            match event {
                Event::TrackMoved(c) => match c.cause {
                    Cause::Drift(d) => out[0].push(narrate::drift(d).to_string()),
                    Cause::Oman(v) => out[1].push(narrate::verb(v)),
                    _ => {}
                },
                Event::DelegationMove { act, .. } => out[2].push(narrate::act(content, *act)),
                Event::Learned { side, fact } => {
                    out[3].push(narrate::learned(content, *side, fact));
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn every_fixture_migrates_to_facts_that_read_as_it_was_written() {
    let (mut sentences, mut verified) = (0, 0);
    for (path, content) in fixtures() {
        let text = std::fs::read_to_string(&path).expect("fixture reads");
        let save = save::read(Path::new(&path)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(save.format, FORMAT, "{path}");

        let mut states = vec![];
        states.extend(save.start.as_ref());
        states.push(&save.state);
        let told = told(&content, &states);
        for (i, prefix) in ["Drift(\"", "Oman(\"", "move_: \"", "note: \""]
            .iter()
            .enumerate()
        {
            let old = old_strings(&text, prefix);
            sentences += old.len();
            assert_eq!(told[i], old, "{path}: {prefix}");
        }

        let written = save.to_text().expect("encodes");
        for old in ["Drift(\"", "Oman(\"", "move_:", "note:"] {
            assert!(!written.contains(old), "{path} still writes {old}");
        }
        // Fixtures from older rules no longer replay; they load as they were written.
        save::check(&content, &save).unwrap_or_else(|e| panic!("{path}: {e}"));
        verified += 1;
    }
    assert!(
        sentences > 400,
        "the fixtures hold {sentences} old sentences"
    );
    assert!(verified >= 4, "only {verified} fixtures load");
}
