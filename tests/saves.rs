//! Saves: a game saved mid-play loads back identical, its log replays to the same state, and
//! broken or tampered files are refused with a clear message.

mod common;

use muscat::content::Content;
use muscat::save::{self, SaveFile};

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("muscat-saves-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn save_load_round_trips_and_replays() {
    let content = Content::builtin();
    for (policy, seed) in [("greedy", 3), ("random", 4)] {
        let (state, log) = common::play(&content, policy, seed);
        let dir = temp(policy);
        let path = save::write(
            &dir,
            "../escape attempt",
            &SaveFile::new(&content, &state, &log),
        )
        .expect("write")
        .path;
        assert_eq!(
            path.parent(),
            Some(dir.as_path()),
            "names cannot leave the folder"
        );
        let back = save::read(&path).expect("read");
        assert_eq!(back.state, state);
        assert_eq!(back.log, log);
        assert_eq!(
            save::verify(&content, &back).expect("replays"),
            state.hash()
        );
    }
}

#[test]
fn broken_and_tampered_saves_are_refused() {
    let content = Content::builtin();
    let (state, log) = common::play(&content, "greedy", 8);
    let dir = temp("broken");
    let path = save::write(&dir, "game", &SaveFile::new(&content, &state, &log))
        .expect("write")
        .path;
    let text = std::fs::read_to_string(&path).expect("read");

    let truncated = save::parse("cut.ron", &text[..text.len() / 2]).expect_err("truncated");
    assert!(truncated.starts_with("cut.ron:"), "{truncated}");

    let future =
        save::parse("future.ron", &text.replacen("format: 2", "format: 9", 1)).expect_err("future");
    assert_eq!(
        future,
        "future.ron: save format 9 comes from a newer version of the game (0.1.0); this version (0.1.0) reads formats 1 to 2"
    );

    // A hand-edited state no longer matches its own command log.
    let mut tampered = save::parse("t.ron", &text).expect("parses");
    tampered.state.round += 1;
    let err = save::verify(&content, &tampered).expect_err("tampered");
    assert!(
        err.contains("state.round is 9 in the file but 8 on replay"),
        "{err}"
    );
}
