//! A test hook, `muscat save-loop` (hidden from `--help`, built only with the `test-hooks`
//! feature): plays games with a scripted Oman and saves after every move, so the crash test can
//! kill the real binary in the middle of a write and then check that every save left behind is
//! whole.

use std::path::Path;

use crate::content::Content;
use crate::game::{self, Command, Difficulty};
use crate::oman as policy;
use crate::save::{SaveFile, WriteError, autosave, write};

/// Saves `count` times (to `<name>.ron` and the autosave slots), one move of play apart, playing
/// seeds `first_seed`, `first_seed + 1`, … (several loops can share a folder, each its own seeds).
pub(crate) fn save_loop(
    dir: &Path,
    count: u64,
    first_seed: u64,
    name: &str,
) -> Result<(), WriteError> {
    let content = Content::builtin();
    let mut saves = 0;
    for seed in first_seed.. {
        let mut oman = policy::by_name("random", seed).expect("invariant: a known policy");
        let mut state = game::start(&content, seed, Difficulty::Normal);
        let mut log = Vec::new();
        let mut refusals = 0;
        while !state.is_over() {
            let command = if refusals > 20 {
                Command::EndRound
            } else {
                oman.next(&content, &state)
            };
            if game::apply(&mut state, &content, &command).is_err() {
                refusals += 1;
                continue;
            }
            refusals = 0;
            log.push(command);
            let save = SaveFile::new(&content, &state, &log);
            write(dir, name, &save)?;
            autosave(dir, &save)?;
            saves += 1;
            if saves >= count {
                return Ok(());
            }
        }
    }
    Ok(())
}
