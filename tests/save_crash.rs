//! Kills the real binary (SIGKILL) while it writes saves in a loop (`muscat save-loop`, a hidden
//! test hook), again and again at different moments (during autosave rotation too), and checks
//! every save left behind is whole (it reads, and its command log replays to its state) and that
//! the start menu offers Continue after every kill. Also: three games sharing a folder lose no
//! autosave, and a full disk (a small tmpfs, when the tests run as root) loses none either.

// These tests wait on a real process with a deadline; the clock is theirs, not the game's.
#![allow(clippy::disallowed_methods)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use std::path::{Path, PathBuf};

use muscat::app::StartItem;
use muscat::content::Content;
use muscat::game::Difficulty;
use muscat::run::{self, Options};
use muscat::save;

/// What `muscat` with no `--load` offers first in this folder, if there is a start menu.
fn first_offer(dir: &Path) -> Option<String> {
    let options = Options {
        seed: Some(1),
        difficulty: Difficulty::Normal,
        load: None,
        save_dir: Some(dir.to_path_buf()),
        plain: false,
        mouse: false,
        scenario: None,
        assets: None,
        guide: false,
    };
    let app = run::prepare(&options, dir).expect("opens");
    app.start
        .and_then(|s| s.items.first().map(StartItem::label))
}

fn save_loop(dir: &Path, count: u64, seed: u64, name: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_muscat"))
        .args(["save-loop", "--dir"])
        .arg(dir)
        .args(["--count", &count.to_string(), "--seed", &seed.to_string()])
        .args(["--name", name])
        .stdout(Stdio::null())
        .spawn()
        .expect("the binary starts")
}

#[test]
fn a_kill_at_any_moment_leaves_every_save_whole() {
    let dir = std::env::temp_dir().join(format!("muscat-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let content = Content::builtin();
    // Kill delays after the first save appears, spread so kills land in different phases of a
    // write (encoding, writing, syncing, renaming, rotating autosaves).
    // The short ones, a few hundred microseconds apart, land in the rotation's renames too.
    let delays = [
        0, 7, 23, 41, 66, 97, 130, 171, 5, 53, 89, 150, 1, 2, 3, 4, 6, 8, 9, 11,
    ];
    for (round, delay) in delays.iter().enumerate() {
        let mut child = Command::new(env!("CARGO_BIN_EXE_muscat"))
            .args(["save-loop", "--dir"])
            .arg(&dir)
            .stdout(Stdio::null())
            .spawn()
            .expect("the binary starts");
        let start = Instant::now();
        let loop_save = dir.join("loop.ron");
        let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        let first = modified(&loop_save);
        // Wait until this run has written at least once, then let it run on for `delay` ms.
        while modified(&loop_save) == first && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_micros(*delay * 700));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        assert!(loop_save.exists(), "round {round}: a save was written");

        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).expect("dir") {
            let path = entry.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue; // a temporary file the kill interrupted: never a save
            }
            assert!(
                !name.contains("broken"),
                "round {round}: {name} was set aside as broken"
            );
            let s = save::read(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
            save::verify(&content, &s).unwrap_or_else(|e| panic!("round {round}: {name}: {e}"));
            checked += 1;
        }
        assert!(checked >= 1, "round {round}: loop.ron at least");
        // Once any autosave was written, a kill at any moment (mid-rotation too) leaves one to
        // continue: the newest is renamed into place only after the older ones are shifted.
        let any_autosave = !autosaves(&dir).is_empty();
        // Opening the game (which also cleans what the kill left half done).
        let offer = first_offer(&dir);
        if any_autosave {
            assert!(
                dir.join("autosave.ron").exists(),
                "round {round}: autosave.ron"
            );
            assert!(
                offer
                    .as_deref()
                    .is_some_and(|o| o.starts_with("Continue: seed")),
                "round {round}: the start menu offers {offer:?}"
            );
        }
        // The start cleaned what the kill left half done.
        assert!(
            std::fs::read_dir(&dir)
                .expect("dir")
                .filter_map(Result::ok)
                .all(|e| !is_tmp(&e.file_name().to_string_lossy())),
            "round {round}: temporary files are cleaned at start"
        );
    }
    let autosaves = save::list(&dir)
        .iter()
        .filter(|e| e.name.starts_with(save::AUTOSAVE))
        .count();
    assert!(autosaves >= 2, "the autosaves rotated under the kills too");
    let _ = std::fs::remove_dir_all(&dir);
}

fn is_tmp(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("tmp"))
}

fn autosaves(dir: &Path) -> Vec<(PathBuf, save::SaveFile)> {
    (0..save::AUTOSAVES_KEPT)
        .map(|n| {
            if n == 0 {
                dir.join("autosave.ron")
            } else {
                dir.join(format!("autosave-{n}.ron"))
            }
        })
        .filter(|p| p.exists())
        .map(|p| {
            let s = save::read(&p).unwrap_or_else(|e| panic!("{e}"));
            (p, s)
        })
        .collect()
}

#[test]
fn three_games_sharing_a_folder_lose_no_autosave() {
    let dir = std::env::temp_dir().join(format!("muscat-shared-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let content = Content::builtin();
    let games = [("a", 1), ("b", 1001), ("c", 2001)];
    let children: Vec<_> = games
        .iter()
        .map(|(name, seed)| save_loop(&dir, 100, *seed, name))
        .collect();
    for (mut child, (name, _)) in children.into_iter().zip(games) {
        let status = child.wait().expect("reaped");
        assert!(status.success(), "{name}: every autosave was written");
    }
    let slots = autosaves(&dir);
    assert_eq!(slots.len(), save::AUTOSAVES_KEPT, "all five slots are full");
    for (_, s) in &slots {
        save::verify(&content, s).unwrap_or_else(|e| panic!("{e}"));
    }
    for (name, _) in games {
        // Each game's last move is in its own named save; its autosave must still be there.
        let last = save::read(&dir.join(format!("{name}.ron"))).expect("named save");
        assert!(
            slots.iter().any(|(_, s)| s.state == last.state),
            "{name}: its newest autosave survived the other two games"
        );
    }
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !is_tmp(n) && !n.contains("broken")),
        "{names:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Mounts a tmpfs of `kib` KiB at `dir`; false (with a message) when the tests cannot.
fn small_disk(dir: &Path, kib: u32) -> bool {
    std::fs::create_dir_all(dir).expect("mount point");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
        .arg(dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: a small tmpfs cannot be mounted here (the full-disk test needs root)");
    }
    mounted
}

#[test]
fn a_full_disk_loses_no_autosave_and_says_so() {
    let dir = std::env::temp_dir().join(format!("muscat-full-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if !small_disk(&dir, 512) {
        return;
    }
    let content = Content::builtin();
    let (_, log) = {
        let mut p = muscat::oman::by_name("greedy", 5).expect("policy");
        muscat::oman::play(&content, 5, Difficulty::Normal, p.as_mut())
    };
    for n in 1..=5 {
        let state = muscat::game::replay(&content, 5, Difficulty::Normal, &log[..n]).expect("ok");
        save::autosave(&dir, &save::SaveFile::new(&content, &state, &log[..n])).expect("fits");
    }
    let before: Vec<(PathBuf, Vec<u8>)> = autosaves(&dir)
        .into_iter()
        .map(|(p, _)| (p.clone(), std::fs::read(&p).expect("read")))
        .collect();
    assert_eq!(before.len(), 5);
    // Fill the disk to the last byte.
    {
        use std::io::Write;
        let mut filler = std::fs::File::create(dir.join("filler")).expect("filler");
        let block = vec![0u8; 4096];
        while filler.write_all(&block).is_ok() {}
        while filler.write_all(&block[..1]).is_ok() {}
        let _ = filler.sync_all();
    }
    // The real game, in plain mode, plays a week on the full disk and quits.
    let out = Command::new(env!("CARGO_BIN_EXE_muscat"))
        .args(["play", "--plain", "--seed", "9", "--save-dir"])
        .arg(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(b"end\nquit\n")?;
            child.wait_with_output()
        })
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    let expected = format!(
        "Could not autosave: cannot write {}: the disk is full (",
        dir.join("autosave.ron").display()
    );
    let after: Vec<(PathBuf, Vec<u8>)> = before
        .iter()
        .map(|(p, _)| (p.clone(), std::fs::read(p).unwrap_or_default()))
        .collect();
    let leftovers: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_tmp(n))
        .collect();
    let offer = first_offer(&dir);
    let _ = Command::new("umount").arg(&dir).status();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(said.contains(&expected), "{said}");
    assert_eq!(after, before, "every older autosave is kept, byte for byte");
    assert_eq!(leftovers, Vec::<String>::new(), "no temporary file is left");
    assert!(
        offer
            .as_deref()
            .is_some_and(|o| o.starts_with("Continue: seed 5")),
        "{offer:?}"
    );
}
