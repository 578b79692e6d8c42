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
    assert!(
        matches!(truncated, save::ReadError::Decode { .. }),
        "{truncated:?}"
    );
    assert!(truncated.to_string().starts_with("cut.ron:"), "{truncated}");

    let current = format!("format: {}", save::FORMAT);
    let future =
        save::parse("future.ron", &text.replacen(&current, "format: 9", 1)).expect_err("future");
    // The save was written by this build, so both versions are the crate's.
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        future.to_string(),
        format!(
            "future.ron: save format 9 comes from a newer version of the game ({version}); this \
             version ({version}) reads formats 1 to 3"
        )
    );

    // A hand-edited state no longer matches its own command log.
    let mut tampered = save::parse("t.ron", &text).expect("parses");
    tampered.state.round += 1;
    let err = save::verify(&content, &tampered).expect_err("tampered");
    assert!(matches!(err, save::CheckError::Differs { .. }), "{err:?}");
    assert!(
        err.to_string().contains(&format!(
            "state.round is {} in the file but {} on replay",
            state.round + 1,
            state.round
        )),
        "{err}"
    );
}

#[test]
fn a_hand_edited_file_names_the_field_and_the_log_names_the_command() {
    let content = Content::builtin();
    let (state, log) = common::play(&content, "greedy", 8);
    let text = SaveFile::new(&content, &state, &log)
        .to_text()
        .expect("encode");
    // The student moves the calendar back a week in a text editor.
    let round = state.round;
    let at = text.find("    state: (").expect("state section");
    let edited = format!(
        "{}{}",
        &text[..at],
        text[at..].replacen(
            &format!("round: {round},"),
            &format!("round: {},", round - 1),
            1
        )
    );
    let save = save::parse("edited.ron", &edited).expect("still parses");
    assert_eq!(
        save::verify(&content, &save)
            .expect_err("edited")
            .to_string(),
        format!(
            "the saved state is not what its command log gives: state.round is {} in the file but \
             {round} on replay (was the file edited?)",
            round - 1
        )
    );
    let err = save::check(&content, &save).expect_err("refused on load too");
    assert!(err.to_string().contains("state.round"), "{err}");

    // A command cut from the log: the replay stops short of the saved state.
    let mut short = save::parse("short.ron", &text).expect("parses");
    short.log.pop();
    assert!(save::verify(&content, &short).is_err());
}

#[test]
fn a_save_from_other_content_loads_its_position_and_goes_on_from_there() {
    let content = Content::builtin();
    let (state, log) = common::play(&content, "random", 21);
    let mut save = SaveFile::new(&content, &state, &log);
    // As if the cards had changed since: the log no longer leads to this state.
    save.content_hash = "made-with-older-cards".into();
    save.state.round -= 1;
    let loaded = save::check(&content, &save).expect("loads with a warning");
    assert_eq!(loaded.state, save.state);
    assert!(loaded.log.is_empty());
    assert!(
        loaded.warnings[0].contains("content made-with-older-cards"),
        "{:?}",
        loaded.warnings
    );
    // Saved again, the game replays from that position and verifies.
    let again = SaveFile::continued(&content, loaded.start.as_ref(), &loaded.state, &loaded.log);
    let dir = temp("continued");
    let path = save::write(&dir, "again", &again).expect("write").path;
    let back = save::read(&path).expect("read");
    assert_eq!(
        save::verify(&content, &back).expect("verifies"),
        save.state.hash()
    );
}

#[test]
fn autosaves_rotate_and_keep_the_last_five() {
    let content = Content::builtin();
    let (_, log) = common::play(&content, "greedy", 5);
    let dir = temp("rotate");
    for n in 1..=7 {
        let state = muscat::game::replay(&content, 5, muscat::game::Difficulty::Normal, &log[..n])
            .expect("replays");
        save::autosave(&dir, &SaveFile::new(&content, &state, &log[..n])).expect("autosave");
    }
    // Saving the same game twice does not push an older one out.
    let state = muscat::game::replay(&content, 5, muscat::game::Difficulty::Normal, &log[..7])
        .expect("replays");
    save::autosave(&dir, &SaveFile::new(&content, &state, &log[..7])).expect("again");
    let mut lens = Vec::new();
    for name in [
        "autosave",
        "autosave-1",
        "autosave-2",
        "autosave-3",
        "autosave-4",
    ] {
        let s = save::read(&dir.join(format!("{name}.ron"))).expect(name);
        lens.push(s.log.len());
    }
    assert_eq!(lens, [7, 6, 5, 4, 3]);
    assert!(!dir.join("autosave-5.ron").exists());
    let names: Vec<String> = save::list(&dir).into_iter().map(|e| e.name).collect();
    assert_eq!(names.len(), 5, "{names:?}");
}

#[test]
fn a_broken_file_is_set_aside_never_overwritten() {
    let content = Content::builtin();
    let (state, log) = common::play(&content, "greedy", 6);
    let save = SaveFile::new(&content, &state, &log);
    let dir = temp("aside");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("autosave.ron"), "(format: 2, seed: 1").expect("broken autosave");
    std::fs::write(dir.join("alice.ron"), "homework").expect("broken named save");

    let listed = save::list(&dir);
    assert!(listed.iter().all(|e| e.summary.is_err()), "{listed:?}");

    let w = save::autosave(&dir, &save).expect("autosave");
    let aside = w.set_aside.expect("set aside");
    assert_eq!(aside, dir.join("autosave.broken-1.ron"));
    assert_eq!(
        std::fs::read_to_string(&aside).expect("kept"),
        "(format: 2, seed: 1"
    );
    assert!(save::read(&w.path).is_ok());

    let w = save::write(&dir, "alice", &save).expect("write");
    assert_eq!(w.set_aside, Some(dir.join("alice.broken-1.ron")));
    assert_eq!(
        std::fs::read_to_string(dir.join("alice.broken-1.ron")).expect("kept"),
        "homework"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_gives_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let content = Content::builtin();
    let state = muscat::game::start(&content, 1, muscat::game::Difficulty::Normal);
    let dir = temp("readonly");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    if std::fs::write(dir.join("probe"), "x").is_ok() {
        // Running as root: permissions do not bite, so there is nothing to test here.
        eprintln!("skipped: this user can write to a read-only folder (root?)");
        return;
    }
    let err = save::write(&dir, "game", &SaveFile::new(&content, &state, &[])).expect_err("ro");
    assert!(
        err.to_string().starts_with(&format!(
            "cannot write {}: the folder is read-only or not yours (",
            dir.join("game.ron").display()
        )),
        "{err}"
    );
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
}
