//! Kills the real binary (SIGKILL) while it writes saves in a loop (`muscat save-loop`, a hidden
//! test hook), again and again at different moments, and checks every save left behind is whole:
//! it reads, and its command log replays to its state.

// These tests wait on a real process with a deadline; the clock is theirs, not the game's.
#![allow(clippy::disallowed_methods)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use muscat::content::Content;
use muscat::save;

#[test]
fn a_kill_at_any_moment_leaves_every_save_whole() {
    let dir = std::env::temp_dir().join(format!("muscat-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let content = Content::builtin();
    // Kill delays after the first save appears, spread so kills land in different phases of a
    // write (encoding, writing, syncing, renaming, rotating autosaves).
    let delays = [0, 7, 23, 41, 66, 97, 130, 171, 5, 53, 89, 150];
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
        std::thread::sleep(Duration::from_millis(*delay));
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
    }
    let autosaves = save::list(&dir)
        .iter()
        .filter(|e| e.name.starts_with(save::AUTOSAVE))
        .count();
    assert!(autosaves >= 2, "the autosaves rotated under the kills too");
    let _ = std::fs::remove_dir_all(&dir);
}
