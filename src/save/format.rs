//! The save format: what a save file holds, in the current format version.

use serde::{Deserialize, Serialize};

use super::error::WriteError;
use crate::content::Content;
use crate::game::{Command, Difficulty, Ending, GameState};

/// Format version written by this build. Format 2 added [`SaveMeta`], so menus can describe a save
/// without decoding its state (which may have been written by another version of the game);
/// format 3 stores facts where the state held sentences (causes, delegations' moves, caucus notes, the summary's ending).
pub const FORMAT: u32 = 3;

/// A summary of where the saved game stands, for the continue prompt and the save picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveMeta {
    /// The week the game was in.
    pub week: u32,
    pub deadline: u32,
    /// How it ended, if it has.
    pub outcome: Option<Ending>,
}

impl SaveMeta {
    pub fn of(state: &GameState) -> SaveMeta {
        SaveMeta {
            week: state.round,
            deadline: state.deadline,
            outcome: state.outcome().map(crate::game::Outcome::ending),
        }
    }
}

/// A saved game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveFile {
    pub format: u32,
    pub game_version: String,
    pub scenario: String,
    pub content_hash: String,
    pub seed: u64,
    pub difficulty: Difficulty,
    pub meta: SaveMeta,
    /// Where the log starts: `None` for a fresh game from the seed; a stored position when the
    /// game was continued after the content changed and its earlier moves no longer replay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<GameState>,
    pub log: Vec<Command>,
    pub state_hash: String,
    pub state: GameState,
    /// The state exactly as the file wrote it (set by [`super::parse`]), so a save made before
    /// new state fields existed is compared on the fields it has (see [`super::verify`]).
    #[serde(skip)]
    pub state_as_written: Option<ron::Value>,
    /// The format the file was written in, before migration (set by [`super::parse`]); the state
    /// hash is compared only for files in the current format.
    #[serde(skip)]
    pub written_format: Option<u32>,
}

impl SaveFile {
    pub fn new(content: &Content, state: &GameState, log: &[Command]) -> SaveFile {
        SaveFile::continued(content, None, state, log)
    }

    /// A save whose log starts from `start` (see [`SaveFile::start`]) rather than the seed.
    pub fn continued(
        content: &Content,
        start: Option<&GameState>,
        state: &GameState,
        log: &[Command],
    ) -> SaveFile {
        SaveFile {
            format: FORMAT,
            game_version: env!("CARGO_PKG_VERSION").to_string(),
            scenario: state.scenario_id.clone(),
            content_hash: content.hash.clone(),
            seed: state.seed,
            difficulty: state.difficulty,
            meta: SaveMeta::of(state),
            start: start.cloned(),
            log: log.to_vec(),
            state_hash: state.hash(),
            state: state.clone(),
            state_as_written: None,
            written_format: None,
        }
    }

    /// The save as RON text.
    pub fn to_text(&self) -> Result<String, WriteError> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(WriteError::Encode)
    }
}
