//! The line-by-line text mode, driven through stdin like a script or a screen reader would.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Plays seed 7 in plain mode with saves in `dir`, typing `script`; returns what it printed.
fn play_plain(dir: &Path, script: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_muscat"))
        .args(["play", "--plain", "--seed", "7", "--save-dir"])
        .arg(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_short_game_piped_through_stdin() {
    let dir = std::env::temp_dir().join(format!("muscat-plain-{}", std::process::id()));
    let text = play_plain(
        &dir,
        "help\nstatus\nchoose 1\ndraft enr cap-367\ndraft stock seal\ndraft verif ap-plus\n\
                  draft sanc phased-oil\ndraft enf joint\ntable\nprobe iran\nfrobnicate\nend\nwhy war\nmap\nsave lesson1\nquit\n",
    );
    for want in [
        "Commands (any unique prefix works)",
        "Week 1 of 12",
        "Drafted: Enrichment: 3.67% cap (JCPOA level).",
        "US rejects",
        "Caucus with Iran",
        "Unknown or ambiguous command \"frobnicate\"",
        "── Week 2 ──",
        "Saved to",
        // As week 1 showed it: the opening card took war risk from 35% to 33%.
        "War risk: 33% at the start",
        "stockpile: not drafted (options: ship-russia (locked), downblend, seal, keep); \
         ship to Russia locked: Russia errand or a card",
        "Strait of Hormuz:",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert_eq!(
        text.matches("Caucus with Iran").count(),
        1,
        "a move is told once:\n{text}"
    );
    assert!(dir.join("lesson1.ron").is_file());
    assert!(dir.join("autosave.ron").is_file());
}

#[test]
fn journal_prompts_and_the_report_in_plain_mode() {
    let dir = std::env::temp_dir().join(format!("muscat-plain-journal-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let text = play_plain(
        &dir,
        "reflect\nreflect opening too soon\nchoose 1\nend\n\
                  reflect opening   Both need cover at home, and a sequence.\nreflect\nreport\nquit\n",
    );
    for want in [
        "opening: Cable to Muscat",
        "[comes in week 2]",
        "That reflection prompt is not due yet.",
        "Journal prompt opening:",
        "[answered: Both need cover at home, and a sequence.]",
        "Report written:",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    let page = std::fs::read_to_string(dir.join("muscat-2026-7-report.html")).expect("report");
    assert!(page.contains("Both need cover at home, and a sequence."));
    assert!(dir.join("muscat-2026-7-report.md").is_file());
    assert!(
        dir.join("muscat-2026-7.ron").is_file(),
        "saved beside the report"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_verb_prints_its_effect_in_plain_mode() {
    let dir = std::env::temp_dir().join(format!("muscat-plain-verbs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let text = play_plain(
        &dir,
        "choose 1\ndraft enr cap-367\ndraft stock seal\ndraft verif ap-plus\n\
         draft sanc phased-oil\ndraft enf joint\n\
         probe us\nreassure iran\npressure us\nend\n\
         choose 1\noffrecord\ntest iran enr\nlink enr stock\nend\n\
         choose 1\ngoodwill us\nerrand qatar\nannounce\nend\n\
         choose 1\nrestraint\nextension\ntable\nquit\n",
    );
    // Each verb, and a line that tells what it did with its numbers.
    for (verb, effect) in [
        ("probe", "Probe US → US trust in Oman 55 → 56"),
        ("reassure", "Reassure Iran → Iran trust in Oman 68 → 74"),
        (
            "pressure",
            "Relay pressure to US → US trust in Oman 56 → 51",
        ),
        ("offrecord", "Off the record → US-Iran trust"),
        (
            "test",
            "Test an idea, Enrichment: 3.67% cap (JCPOA level): Iran: ",
        ),
        ("test", " short of signing"),
        (
            "link",
            "Link Enrichment: 3.67% cap (JCPOA level) + 60% stockpile",
        ),
        ("goodwill", "its hopes 4 lower for the rest of week 3 only"),
        ("goodwill", "Goodwill with US → US trust in Oman"),
        ("errand", "Errand to Qatar: escrowed funds → Iran economy"),
        ("announce", "Statement (announce progress) → Brent oil"),
        ("restraint", "Statement (urge restraint) → War risk"),
        ("extension", "Extension → Oman credibility"),
        ("table", "Table the text to both → Oman credibility"),
    ] {
        assert!(
            text.contains(effect),
            "{verb}: missing {effect:?} in:\n{text}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_errand_that_opens_an_option_says_how_to_draft_it() {
    let dir = std::env::temp_dir().join(format!("muscat-plain-unlock-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // Seed 7: the errand to Russia succeeds at the first try.
    let text = play_plain(
        &dir,
        "choose 1\nerrand russia\ndraft stockpile ship-russia\nquit\n",
    );
    for want in [
        "Now on the table: 60% stockpile: ship to Russia",
        "To draft it: draft stockpile ship-russia",
        "Drafted: 60% stockpile: ship to Russia.",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
