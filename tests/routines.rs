//! `muscat simulate --policy routines` at small sizes: the search's answer, its reference
//! routines, its seeds, and the same answer for the same seed.

use std::process::Command;

/// A search small enough for a debug build: 20 routines on 8 seeds, 20 fresh games.
const SMALL: [&str; 6] = ["--routines", "20", "--games", "20", "--batch", "8"];

fn simulate(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_muscat"))
        .args(["simulate", "--policy", "routines"])
        .args(args)
        .output()
        .expect("muscat runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&simulate(&all)).expect("JSON")
}

/// The answer without its timings, which are the only part that may differ between runs.
fn untimed(mut v: serde_json::Value) -> serde_json::Value {
    for key in [
        "search_secs",
        "routines_per_sec",
        "games_per_sec",
        "threads",
    ] {
        v.as_object_mut().expect("object").remove(key);
    }
    v
}

#[test]
fn a_small_search_reports_its_best_routine_and_the_references_on_fresh_seeds() {
    let v = json(&["--routines", "20", "--games", "20"]);
    assert_eq!(v["routines"], 20);
    assert_eq!(v["batch"], 40);
    assert_eq!(v["scenario"], "muscat-2026");
    assert_eq!(v["difficulty"], "normal");
    assert_eq!(v["search_seeds"], serde_json::json!([1, 40]));
    assert_eq!(v["fresh_seeds"], serde_json::json!([1_000_001, 1_000_020]));
    let rows = v["rows"].as_array().expect("rows");
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["best found", "mindless", "end week"]);
    for r in rows {
        assert_eq!(r["fresh"]["games"], 20);
        let outcomes: u64 = r["fresh"]["outcomes"]
            .as_object()
            .expect("outcomes")
            .values()
            .map(|n| n.as_u64().expect("count"))
            .sum();
        assert_eq!(outcomes, 20, "every fresh game ends");
    }
    // The references stand in the re-ranking, so the best does at least as well there.
    let wins = |i: usize| rows[i]["validation_wins"].as_u64().expect("wins");
    assert!(wins(0) >= wins(1) && wins(0) >= wins(2));
    assert_eq!(v["validation_seeds"], serde_json::json!([500_001, 500_200]));
    // A text never tabled is never signed.
    assert_eq!(rows[2]["fresh"]["outcomes"]["agreement"], 0);
    assert!(v["games_per_sec"].as_f64().expect("rate") > 0.0);
}

#[test]
fn the_same_seed_gives_the_same_answer_and_another_seed_searches_elsewhere() {
    let a = untimed(json(&SMALL));
    assert_eq!(a, untimed(json(&SMALL)));
    let mut other = SMALL.to_vec();
    other.extend(["--seed", "5"]);
    let b = json(&other);
    assert_eq!(b["search_seeds"], serde_json::json!([5, 12]));
    assert_eq!(b["fresh_seeds"], serde_json::json!([1_000_005, 1_000_024]));
}

#[test]
fn the_search_honours_scenario_and_difficulty_and_prints_the_routine_in_words() {
    let mut args = SMALL.to_vec();
    args.extend(["--scenario", "lesson-carriers", "--difficulty", "hard"]);
    let text = simulate(&args);
    assert!(
        text.contains("Exploit search (lesson-carriers, hard): 20 routines x 8 seeds"),
        "{text}"
    );
    for words in [
        "best found",
        "mindless",
        "end week",
        "Text, drafted in week 1:",
        "Every week:",
        "end the week",
        "Cards: ",
    ] {
        assert!(text.contains(words), "{words:?} missing from\n{text}");
    }
    let mut args = SMALL.to_vec();
    args.push("--markdown");
    let md = simulate(&args);
    assert!(md.starts_with("| scenario | difficulty |"), "{md}");
    assert!(md.contains("| muscat-2026 | normal | 20 x 8 |"), "{md}");
}
