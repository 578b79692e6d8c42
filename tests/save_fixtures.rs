//! Save fixtures: every format-1 save migrates to the current format and still loads, and every
//! broken save is refused with its exact message, the file left as it was. The fixtures were
//! written by the game itself (format 1 by game 0.1.0) and do not depend on today's content: a
//! content change only moves them from "replays exactly" to "loads its stored state, with a
//! warning".

use std::path::Path;

use muscat::content::Content;
use muscat::save::{self, FORMAT};

const BROKEN: &str = "tests/fixtures/saves/broken";

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("muscat-fixtures-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A fixture loads as a game: replaying exactly when the content is the one it was made with,
/// else its stored position with a warning naming both content hashes.
fn loads(save: &save::SaveFile) -> muscat::game::GameState {
    let content = Content::builtin();
    let loaded = save::check(&content, save).expect("a migrated save loads");
    if save.content_hash == content.hash {
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.log, save.log);
    } else {
        assert!(
            loaded.warnings[0].contains(&format!("content {}", save.content_hash)),
            "{:?}",
            loaded.warnings
        );
        assert_eq!(loaded.start.as_ref(), Some(&save.state));
    }
    loaded.state
}

#[test]
fn format_1_mid_game_migrates_with_its_summary() {
    let save = save::read(Path::new("tests/fixtures/saves/v1_midgame.ron")).expect("migrates");
    assert_eq!(save.format, FORMAT);
    assert_eq!(save.game_version, "0.1.0", "the writer's version is kept");
    assert_eq!((save.seed, save.log.len()), (11, 5));
    assert_eq!(muscat::narrate::save_summary(&save.meta), "week 3 of 12");
    let state = loads(&save);
    assert_eq!((state.seed, state.round), (11, 3));

    // Written back, it is a format-2 save that reads the same.
    let dir = temp("v1");
    let path = save::write(&dir, "again", &save).expect("write").path;
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(&format!("format: {FORMAT},")), "{text}");
    let back = save::read(&path).expect("reads");
    assert_eq!(
        (back.meta, back.log, back.state),
        (save.meta, save.log, save.state)
    );
}

#[test]
fn format_1_finished_game_migrates_with_its_outcome() {
    let save = save::read(Path::new("tests/fixtures/saves/v1_ended.ron")).expect("migrates");
    assert_eq!(
        muscat::narrate::save_summary(&save.meta),
        "over: Sidelined: the channel moves to another capital"
    );
    assert!(loads(&save).is_over());
}

#[test]
fn broken_saves_are_refused_with_exact_messages_and_left_alone() {
    let version = env!("CARGO_PKG_VERSION");
    let cases: [(&str, String); 10] = [
        (
            "binary.ron",
            ": not a text file (byte 27 is not UTF-8)".into(),
        ),
        ("deep.ron", ":3:41: nested deeper than 64 levels".into()),
        ("empty.ron", ": the file is empty".into()),
        (
            "format_zero.ron",
            format!(": save format 0 does not exist (this version reads formats 1 to {FORMAT})"),
        ),
        (
            "future.ron",
            format!(
                ": save format 99 comes from a newer version of the game (0.9.0); this version \
                 ({version}) reads formats 1 to {FORMAT}"
            ),
        ),
        (
            "not_a_save.ron",
            ":3:1: not a save (it has no `format` field)".into(),
        ),
        (
            "truncated.ron",
            ":40:20: the file ends too early (was it cut short?)".into(),
        ),
        (
            "unknown_command.ron",
            ":21:9: unknown Command `Teleport`".into(),
        ),
        (
            "unknown_field.ron",
            ":7:5: unknown field `cheat` in SaveFile".into(),
        ),
        ("wrong_type.ron", ":6:10: Expected integer".into()),
    ];
    let fixtures = std::fs::read_dir(BROKEN).expect("fixtures").count();
    assert_eq!(fixtures, cases.len(), "every broken fixture has its case");
    for (name, message) in cases {
        let path = Path::new(BROKEN).join(name);
        let before = std::fs::read(&path).expect("fixture");
        let err = save::read(&path).expect_err(name);
        assert_eq!(err.to_string(), format!("{}{message}", path.display()));
        assert_eq!(std::fs::read(&path).expect("still there"), before);
    }
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let dir = temp("huge");
    let path = dir.join("huge.ron");
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(save::MAX_SAVE_BYTES + 1).expect("sparse file");
    let err = save::read(&path).expect_err("too big");
    assert!(matches!(err, save::ReadError::TooLarge { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!("{}: too large for a save (over 16 MiB)", path.display())
    );
}

#[test]
fn a_format_2_summary_lists_with_its_ending() {
    let path = Path::new("tests/fixtures/report/bilal.ron");
    let text = std::fs::read_to_string(path).expect("fixture");
    assert!(text.contains("format: 2,") && text.contains("outcome: Some(\"War"));
    let (_, _, meta) = save::peek("bilal.ron", &text).expect("lists");
    assert_eq!(meta.outcome, Some(muscat::game::Ending::War));
    assert_eq!(
        muscat::narrate::save_summary(&meta),
        "over: War: the strikes begin"
    );
}
