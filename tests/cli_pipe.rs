//! The command line as a shell script uses it: output cut short by the reader is not an error.

use std::io::Read;
use std::process::{Command, Stdio};

#[test]
fn a_reader_that_stops_early_gets_no_panic() {
    // The JSON report is larger than a pipe's buffer, so the writer meets the closed pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_muscat"))
        .args([
            "report",
            "tests/fixtures/report/alice.ron",
            "--format",
            "json",
            "--assets",
            "tests/fixtures/report/assets",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = [0u8; 64];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // Dropping stdout above closed the pipe, as `| head` does.
    let out = child.wait_with_output().expect("it ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?} {stderr}", out.status);
}
