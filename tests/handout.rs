//! `muscat handout`: the real binary writes a lesson's two pages, each self-contained, with the
//! brief, the prompts, the keys and (for the teacher only) what really happened.

use std::process::Command;

#[test]
fn handout_writes_a_student_brief_and_a_teacher_sheet_for_each_lesson() {
    for id in ["lesson-carriers", "lesson-verification", "muscat-2026"] {
        let dir = std::env::temp_dir().join(format!("muscat-handout-{id}-{}", std::process::id()));
        let out = Command::new(env!("CARGO_BIN_EXE_muscat"))
            .args(["handout", "--scenario", id, "--out"])
            .arg(&dir)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let student =
            std::fs::read_to_string(dir.join(format!("{id}-student.html"))).expect("brief");
        let teacher =
            std::fs::read_to_string(dir.join(format!("{id}-teacher.html"))).expect("sheet");
        for page in [&student, &teacher] {
            assert!(page.starts_with("<!DOCTYPE html>"));
            assert!(page.contains("@page{size:A4"), "a print layout");
            assert!(
                !page.contains("http") && !page.contains("<script"),
                "self-contained"
            );
        }
        assert!(student.contains("Oman's tools") && student.contains("Keys"));
        assert!(
            student.contains("<td>t</td><td>table the draft"),
            "the key table"
        );
        assert!(!student.contains("What really happened"));
        assert!(teacher.contains("George's conditions"));
        assert!(teacher.contains(&format!("--scenario {id}")));
        if id.starts_with("lesson-") {
            assert!(
                student.contains("Questions of the lesson"),
                "{id} has journal prompts"
            );
            assert!(
                teacher.contains("What really happened"),
                "{id} has an epilogue"
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn handout_names_an_unknown_scenario() {
    let out = Command::new(env!("CARGO_BIN_EXE_muscat"))
        .args(["handout", "--scenario", "no-such-lesson", "--out"])
        .arg(std::env::temp_dir())
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-lesson"));
}
