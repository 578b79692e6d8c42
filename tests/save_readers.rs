//! Every reader bounded and every message naming its file (issue 14, items 3, 5, 6 and 12):
//! FIFOs, devices, folders, huge, BOM and non-UTF-8 files are refused with the full path; a
//! save's scenario is never read as a file; plain mode skips a bad line by number; reserved
//! save names and a save folder that is a file are refused. The real binary, each exact message.

// These tests wait on a real process with a deadline; the clock is theirs, not the game's.
#![allow(clippy::disallowed_methods)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("muscat-readers-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the binary with `input` on stdin; panics if it takes over 60 s (a hang).
fn muscat(args: &[&str], input: &[u8], save_dir: &Path) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_muscat"))
        .args(args)
        .env("MUSCAT_SAVE_DIR", save_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let _ = stdin.write_all(input);
    drop(stdin);
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("muscat {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

#[test]
fn special_files_are_refused_without_blocking() {
    let dir = temp("special");
    let saves = dir.join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    // A FIFO as the autosave: plain mode plays a week and quits without hanging, and the FIFO is
    // set aside, never opened.
    fifo(&saves.join("autosave.ron"));
    let (code, out, err) = muscat(
        &[
            "play",
            "--plain",
            "--seed",
            "3",
            "--save-dir",
            saves.to_str().expect("utf-8"),
        ],
        // Seed 3 opens on a crisis: answer it, then end the week.
        b"choose 1\nend\nquit\n",
        &saves,
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        std::fs::metadata(saves.join("autosave.ron")).is_ok_and(|m| m.is_file()),
        "a real autosave replaced the FIFO"
    );
    assert!(
        saves.join("autosave.broken-1.ron").exists(),
        "the FIFO was set aside"
    );

    // A save that is a link to a device.
    let link = dir.join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
    let (code, _, err) = muscat(&["replay", link.to_str().expect("utf-8")], b"", &saves);
    assert_eq!(
        (code, err),
        (
            1,
            format!(
                "muscat: {}: not a regular file (a folder, pipe, device or socket), so it is not read\n",
                link.display()
            )
        )
    );

    // Content: a device, a FIFO scenario.
    let (code, out, err) = muscat(&["check", "/dev/zero"], b"", &saves);
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "muscat: /dev/zero: not a regular file (a pipe, device or socket), so it is not read\n"
        ),
        "{out}"
    );
    let pipe = dir.join("scenario.ron");
    fifo(&pipe);
    let (code, _, err) = muscat(
        &[
            "play",
            "--plain",
            "--scenario",
            pipe.to_str().expect("utf-8"),
        ],
        b"quit\n",
        &saves,
    );
    assert_eq!(
        (code, err),
        (
            1,
            format!(
                "muscat: {}: not a regular file (a pipe, device or socket), so it is not read\n",
                pipe.display()
            )
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A copy of `assets/` to break one file of.
fn assets_copy(dir: &Path) -> PathBuf {
    let to = dir.join("assets");
    let copied = Command::new("cp")
        .args(["-r", "assets"])
        .arg(&to)
        .status()
        .expect("cp");
    assert!(copied.success());
    to
}

#[test]
fn content_files_are_named_in_every_message() {
    let dir = temp("content");
    let saves = dir.join("saves");
    let assets = assets_copy(&dir);
    let check = |what: &str| -> String {
        let (code, out, err) = muscat(&["check", assets.to_str().expect("utf-8")], b"", &saves);
        assert_eq!(code, 1, "{what}: {out}");
        err
    };
    let card = assets.join("cards/zz-broken.ron");

    std::fs::write(&card, b"(version: 1, cards: [\xff])").expect("write");
    assert_eq!(
        check("not UTF-8"),
        format!(
            "muscat: {}: not UTF-8 text (byte 21 is not UTF-8)\n",
            card.display()
        )
    );

    std::fs::write(&card, "\u{feff}(version: 1, cards: [])").expect("write");
    assert_eq!(
        check("BOM"),
        format!(
            "muscat: {}: starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without one\n",
            card.display()
        )
    );

    std::fs::remove_file(&card).expect("rm");
    std::fs::create_dir(&card).expect("a folder named like a card");
    assert_eq!(
        check("folder"),
        format!("muscat: {}: is a folder, not a file\n", card.display())
    );
    std::fs::remove_dir(&card).expect("rmdir");

    // 50 MB of cards: refused at once by size, not parsed for minutes.
    let big = std::fs::File::create(&card).expect("big");
    big.set_len(50 * 1024 * 1024).expect("50 MB");
    let start = Instant::now();
    assert_eq!(
        check("huge"),
        format!(
            "muscat: {}: too large (52428800 bytes; at most 4194304 are read)\n",
            card.display()
        )
    );
    assert!(start.elapsed() < Duration::from_secs(10));
    std::fs::remove_file(&card).expect("rm");

    // A missing file is named with its folder.
    let domain = assets.join("domain.ron");
    std::fs::remove_file(&domain).expect("rm domain");
    let (code, out, _) = muscat(&["check", assets.to_str().expect("utf-8")], b"", &saves);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "{}:1:1: missing file {}",
            domain.display(),
            domain.display()
        )),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_saves_scenario_is_never_read_as_a_file() {
    let dir = temp("scenario-path");
    let saves = dir.join("saves");
    // A real save, with its scenario swapped for a path.
    let (code, out, err) = muscat(
        &[
            "play",
            "--plain",
            "--seed",
            "4",
            "--save-dir",
            saves.to_str().expect("utf-8"),
        ],
        b"end\nsave mine\nquit\n",
        &saves,
    );
    assert_eq!(code, 0, "{out}{err}");
    let path = saves.join("mine.ron");
    let text = std::fs::read_to_string(&path).expect("saved");
    let edited = text.replacen("scenario: \"muscat-2026\"", "scenario: \"/etc/passwd\"", 1);
    assert_ne!(edited, text, "the scenario field was found");
    std::fs::write(&path, edited).expect("edited");
    let file = path.to_str().expect("utf-8");
    let said = format!(
        "muscat: {file}: the save names scenario \"/etc/passwd\", which is not a scenario id\n"
    );
    for args in [vec!["replay", file], vec!["report", file]] {
        let (code, out, err) = muscat(&args, b"", &saves);
        assert_eq!((code, err.as_str()), (1, said.as_str()), "{args:?}: {out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn plain_mode_skips_a_bad_line_and_refuses_reserved_names() {
    let dir = temp("plain");
    let saves = dir.join("saves");
    let (code, out, err) = muscat(
        &[
            "play",
            "--plain",
            "--seed",
            "5",
            "--save-dir",
            saves.to_str().expect("utf-8"),
        ],
        b"status\n\xffbad\nend\nsave autosave\nsave CON\nsave com1\nsave fine\n",
        &saves,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Line 2 is not valid text (byte 1 is not UTF-8); it was skipped."),
        "{out}"
    );
    let refused = |name: &str, why: &str| {
        format!(
            "Could not save: cannot save as {}: {why}; choose another name",
            saves.join(format!("{name}.ron")).display()
        )
    };
    for line in [
        refused(
            "autosave",
            "names starting with \"autosave\" are kept for the autosaves",
        ),
        refused(
            "CON",
            "it is a device name that Windows cannot open as a file",
        ),
        refused(
            "com1",
            "it is a device name that Windows cannot open as a file",
        ),
    ] {
        assert!(out.contains(&line), "{line}\n{out}");
    }
    assert!(saves.join("fine.ron").exists());
    // The end of input autosaved the game, after the week's own autosave.
    assert!(saves.join("autosave.ron").exists());

    // A save folder that is a file.
    let file = dir.join("not-a-folder");
    std::fs::write(&file, "x").expect("file");
    let (_, out, _) = muscat(
        &[
            "play",
            "--plain",
            "--seed",
            "5",
            "--save-dir",
            file.to_str().expect("utf-8"),
        ],
        b"end\n",
        &saves,
    );
    assert!(
        out.contains(&format!(
            "Could not autosave: cannot save in {}: it is a file, not a folder",
            file.display()
        )),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn command_line_numbers_are_bounded() {
    let dir = temp("bounds");
    for (args, said) in [
        (
            vec!["odds", "x.ron", "--futures", "1000000000"],
            "error: invalid value '1000000000' for '--futures <FUTURES>': 1000000000 is not in 1..=100000\n",
        ),
        (
            vec!["odds", "x.ron", "--horizon", "0"],
            "error: invalid value '0' for '--horizon <HORIZON>': 0 is not in 1..=104\n",
        ),
        (
            vec!["simulate", "--games", "4294967295"],
            "error: invalid value '4294967295' for '--games <GAMES>': 4294967295 is not in 1..=10000000\n",
        ),
        (
            vec!["play", "--plain", "--seed", "-1"],
            "error: invalid value '-1' for '--seed <SEED>': a seed is a whole number from 0 to 18446744073709551615, not \"-1\"\n",
        ),
    ] {
        let (code, _, err) = muscat(&args, b"", &dir);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.starts_with(said), "{args:?}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
