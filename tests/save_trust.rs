//! Saves a teacher can trust (issue 14, item 1): a forged win, a wrong `state_hash`, a summary
//! that lies, edited content and out-of-range states are each refused or marked unverified, by
//! the library and by the real binary (`replay --verify`, `report`, `class`, `odds`), each with
//! its exact message. The forgeries are made from real games at run time, so they follow the
//! rules of the day.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use muscat::content::Content;
use muscat::game::{self, Command, Difficulty, Ending, GameState};
use muscat::oman as policy;
use muscat::save::{self, CheckError, Misfit, SaveFile, SaveMeta, Standing, Unverified};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("muscat-trust-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A game played `moves` accepted commands into its first weeks by a random Oman.
fn midgame(content: &Content, seed: u64, moves: usize) -> (GameState, Vec<Command>) {
    let mut oman = policy::by_name("random", seed).expect("known policy");
    let mut state = game::start(content, seed, Difficulty::Normal);
    let mut log = Vec::new();
    let mut refusals = 0;
    while log.len() < moves && !state.is_over() {
        let command = if refusals > 20 {
            Command::EndRound
        } else {
            oman.next(content, &state)
        };
        if game::apply(&mut state, content, &command).is_ok() {
            log.push(command);
            refusals = 0;
        } else {
            refusals += 1;
        }
    }
    (state, log)
}

fn write(dir: &Path, name: &str, save: &SaveFile) -> PathBuf {
    let path = dir.join(format!("{name}.ron"));
    std::fs::write(&path, save.to_text().expect("encodes")).expect("written");
    path
}

fn muscat(args: &[&str]) -> (i32, String, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_muscat"))
        .args(args)
        .env(
            "MUSCAT_SAVE_DIR",
            std::env::temp_dir().join("muscat-trust-unused"),
        )
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The issue's forgery: a finished game stored as `start`, an empty log, the replayed hash.
fn forged_win(content: &Content) -> SaveFile {
    let (end, log) = common::play(content, "expert", 5);
    assert!(end.is_over() && !log.is_empty());
    let mut forged = SaveFile::new(content, &game::start(content, 5, Difficulty::Normal), &[]);
    forged.start = Some(end.clone());
    forged.state = end.clone();
    forged.state_hash = end.hash();
    forged.meta = SaveMeta::of(&end);
    forged
}

#[test]
fn a_forged_win_from_a_stored_start_is_unverified_everywhere() {
    let content = Content::builtin();
    let forged = forged_win(&content);
    assert_eq!(
        save::standing(&content, &forged),
        Ok(Standing::Unverified(Unverified::StoredStart))
    );
    let dir = temp("forged");
    let path = write(&dir, "forged", &forged);
    let file = path.to_str().expect("utf-8 path");

    let (code, out, err) = muscat(&["replay", file, "--verify"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("\"matches\":true"), "{out}");
    assert!(out.contains("\"verified\":false"), "{out}");
    assert_eq!(
        err,
        format!(
            "muscat: {file}: unverified: its log starts from a stored position, not from its \
             seed, so nothing shows how that position was reached\n"
        )
    );

    let (code, out, err) = muscat(&["report", file]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "UNVERIFIED SAVE: its log starts from a stored position, not from its seed, so \
             nothing shows how that position was reached. Its outcome is not a verified record \
             of play."
        ),
        "{out}"
    );

    // Beside an honest game, the class counts the forgery apart.
    let (state, log) = common::play(&content, "greedy", 3);
    let honest = write(&dir, "honest", &SaveFile::new(&content, &state, &log));
    let (code, out, err) = muscat(&[
        "class",
        file,
        honest.to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let summary: serde_json::Value = serde_json::from_str(&out).expect("json");
    let counted: u64 = summary["outcomes"]
        .as_object()
        .expect("outcomes")
        .values()
        .map(|v| v.as_u64().expect("count"))
        .sum();
    assert_eq!(counted, 1, "only the honest game is an outcome: {out}");
    let apart: u64 = summary["unverified_outcomes"]
        .as_object()
        .expect("unverified")
        .values()
        .map(|v| v.as_u64().expect("count"))
        .sum();
    assert_eq!(apart, 1, "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_honest_save_verifies_and_says_so() {
    let content = Content::builtin();
    let (state, log) = midgame(&content, 11, 12);
    let dir = temp("honest");
    let path = write(&dir, "honest", &SaveFile::new(&content, &state, &log));
    let file = path.to_str().expect("utf-8");
    let (code, out, err) = muscat(&["replay", file, "--verify"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.contains("\"verified\":true"), "{out}");
    let (_, out, _) = muscat(&["report", file]);
    assert!(
        out.contains("Verified save: its command log replays from its seed to exactly this game."),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_wrong_state_hash_is_refused() {
    let content = Content::builtin();
    let (state, log) = midgame(&content, 12, 10);
    let mut save = SaveFile::new(&content, &state, &log);
    save.state_hash = "deadbeef".into();
    let back = save::parse("deadbeef.ron", &save.to_text().expect("encodes")).expect("parses");
    let expected = format!(
        "state_hash is \"deadbeef\" in the file but \"{}\" on replay (was the file edited?)",
        state.hash()
    );
    assert_eq!(
        save::verify(&content, &back).map_err(|e| e.to_string()),
        Err(expected.clone())
    );
    assert_eq!(
        save::check(&content, &back)
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Err(expected)
    );
}

#[test]
fn a_summary_that_lies_is_refused() {
    let content = Content::builtin();
    let (state, log) = midgame(&content, 13, 10);
    assert!(!state.is_over());
    let mut save = SaveFile::new(&content, &state, &log);
    save.meta.outcome = Some(Ending::War);
    let back = save::parse("lie.ron", &save.to_text().expect("encodes")).expect("parses");
    let week = state.round;
    let deadline = state.deadline;
    assert_eq!(
        save::verify(&content, &back).map_err(|e| e.to_string()),
        Err(format!(
            "meta says week {week} of {deadline}, over: War in the file but week {week} of \
             {deadline}, in progress on replay (was the file edited?)"
        ))
    );
    // The menu marks it before anyone opens it.
    let dir = temp("lie");
    let path = write(&dir, "lie", &save);
    let mut entries = save::list(&dir);
    save::appraise(&mut entries, &content);
    assert_eq!(entries[0].path, path);
    assert_eq!(
        muscat::narrate::save_entry(&entries[0]),
        "lie: seed 13, over: War: the strikes begin · does not replay"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_edited_state_under_other_content_stays_unverified_when_saved_again() {
    let content = Content::builtin();
    let (mut state, log) = midgame(&content, 14, 10);
    state.tracks = game::start(&content, 99, Difficulty::Easy).tracks;
    let mut save = SaveFile::new(&content, &state, &log);
    save.content_hash = "0123456789abcdef".into();
    save.state_hash = state.hash();
    let loaded = save::check(&content, &save).expect("loads from its stored position");
    assert_eq!(
        loaded.standing,
        Standing::Unverified(Unverified::OtherContent {
            saved: "0123456789abcdef".into(),
            this: content.hash.clone(),
        })
    );
    // What the game writes next records the stored position as its start: still unverified.
    let again = SaveFile::continued(&content, loaded.start.as_ref(), &loaded.state, &loaded.log);
    assert_eq!(
        save::standing(&content, &again),
        Ok(Standing::Unverified(Unverified::StoredStart))
    );
    let dir = temp("edited");
    let mut entries = {
        write(&dir, "again", &again);
        save::list(&dir)
    };
    save::appraise(&mut entries, &content);
    assert!(
        muscat::narrate::save_entry(&entries[0]).ends_with(" · unverified"),
        "{}",
        muscat::narrate::save_entry(&entries[0])
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_state_out_of_range_is_refused_by_every_reader() {
    let content = Content::builtin();
    let (state, log) = midgame(&content, 15, 8);
    let dir = temp("range");

    let mut far = state.clone();
    far.round = u32::MAX;
    let mut save = SaveFile::new(&content, &far, &log);
    save.content_hash = "0123456789abcdef".into();
    let far_path = write(&dir, "far", &save);
    let deadline = state.deadline;
    let misfit = format!(
        "the week is 4294967295; with deadline week {deadline} it must be 1 to {}",
        deadline + 1
    );
    assert_eq!(
        save::check(&content, &save)
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Err(format!(
            "made with other game content (content 0123456789abcdef, this game {}), and {misfit}",
            content.hash
        ))
    );
    let file = far_path.display().to_string();
    let said = format!("muscat: {file}: the saved state does not fit the scenario: {misfit}\n");
    for command in ["report", "odds"] {
        let (code, out, err) = muscat(&[command, &file]);
        assert_eq!((code, err.as_str()), (1, said.as_str()), "{command}: {out}");
    }

    let mut lonely = state.clone();
    lonely.delegations.truncate(1);
    let lonely_path = write(&dir, "lonely", &SaveFile::new(&content, &lonely, &log));
    let (state_ok, log_ok) = common::play(&content, "greedy", 3);
    let fine = write(&dir, "fine", &SaveFile::new(&content, &state_ok, &log_ok));
    let (code, out, err) = muscat(&[
        "class",
        &lonely_path.display().to_string(),
        &fine.display().to_string(),
    ]);
    assert_eq!(code, 2, "one file skipped: {out}");
    assert_eq!(
        err,
        format!(
            "muscat: skipped {}: the saved state does not fit the scenario: the saved state does \
             not have the US and Iran delegations in order\n",
            lonely_path.display()
        )
    );
    assert!(out.contains("1 games."), "{out}");

    let mut wrong = state.clone();
    wrong.text.clauses[0] = game::Clause::Option(muscat::model::Choice(200));
    let issue = &content.domain.issues[0];
    assert_eq!(
        save::fits(&content, &wrong),
        Err(Misfit::Option {
            option: 200,
            issue: 1,
            has: issue.options.len()
        })
    );
    let wrong_path = write(&dir, "wrong", &SaveFile::new(&content, &wrong, &log));
    let (code, _, err) = muscat(&["odds", &wrong_path.display().to_string()]);
    assert_eq!(
        (code, err),
        (
            1,
            format!(
                "muscat: {}: the saved state does not fit the scenario: the saved draft picks \
                 option 200 of issue 1, which has {}\n",
                wrong_path.display(),
                issue.options.len()
            )
        )
    );
    assert!(matches!(
        save::verify(&content, &SaveFile::new(&content, &wrong, &log)),
        Err(CheckError::Misfit { what: "state", .. })
    ));
    let _ = std::fs::remove_dir_all(&dir);
}
