//! Older save formats and how each becomes the next one. Each migration has a fixture in
//! `tests/fixtures/saves/` written by the game version that used that format.

mod wording;

use serde::Deserialize;

use super::format::{SaveFile, SaveMeta};
use crate::game::{Command, Difficulty, GameState};

/// Format 1 (game 0.1.0): no summary.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "SaveFile")]
pub(super) struct SaveV1 {
    pub format: u32,
    pub game_version: String,
    pub scenario: String,
    pub content_hash: String,
    pub seed: u64,
    pub difficulty: Difficulty,
    pub log: Vec<Command>,
    pub state_hash: String,
    pub state: GameState,
}

/// 1 → 2: the summary is computed from the saved state; everything else carries over as it was,
/// so the save still replays and still names the content it was made with.
pub(super) fn v1_to_v2(old: SaveV1) -> SaveFile {
    debug_assert_eq!(old.format, 1);
    SaveFile {
        format: 2,
        game_version: old.game_version,
        scenario: old.scenario,
        content_hash: old.content_hash,
        seed: old.seed,
        difficulty: old.difficulty,
        meta: SaveMeta::of(&old.state),
        start: None,
        log: old.log,
        state_hash: old.state_hash,
        state: old.state,
        state_as_written: None,
        written_format: None,
    }
}

pub(super) use wording::facts;

/// 2 → 3: the state's sentences became facts (see [`wording`]), which happens on the text
/// before decoding; the rest carries over.
pub(super) fn v2_to_v3(old: SaveFile) -> SaveFile {
    debug_assert_eq!(old.format, 2);
    SaveFile { format: 3, ..old }
}
