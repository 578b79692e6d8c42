//! Hooks into the terminal loop for the tests and the start-up measurement, compiled only with
//! the `test-hooks` feature (the test suite turns it on through the crate's dev-dependency on
//! itself), so a release build carries neither the variables nor the deliberate panic.
//! - `MUSCAT_TEST_PANIC_KEY=%`: the `%` key panics, so the tmux tests can check that the terminal
//!   is restored after a crash;
//! - `MUSCAT_FIRST_FRAME_ONLY=1`: quit right after the first frame, so `scripts/perf.sh` can time
//!   start-up to first frame from outside.

use ratatui::crossterm::event::Event;

/// The hooks the environment asked for.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Hooks {
    #[cfg(feature = "test-hooks")]
    panic_key: Option<char>,
    #[cfg(feature = "test-hooks")]
    first_frame_only: bool,
}

#[cfg(feature = "test-hooks")]
impl Hooks {
    pub(super) fn from_env() -> Hooks {
        Hooks {
            panic_key: std::env::var("MUSCAT_TEST_PANIC_KEY")
                .ok()
                .and_then(|k| k.chars().next()),
            first_frame_only: std::env::var_os("MUSCAT_FIRST_FRAME_ONLY").is_some(),
        }
    }

    pub(super) fn first_frame_only(self) -> bool {
        self.first_frame_only
    }

    /// Panics on the test's key, as a bug in the loop would.
    pub(super) fn on_event(self, event: &Event) {
        if let (Some(k), Event::Key(key)) = (self.panic_key, event)
            && key.code == ratatui::crossterm::event::KeyCode::Char(k)
        {
            panic!(
                "MUSCAT_TEST_PANIC_KEY pressed: a deliberate panic to test the terminal restore"
            );
        }
    }
}

/// Without the feature: no hook, with the same calls, so the loop reads the same either way.
#[cfg(not(feature = "test-hooks"))]
#[allow(clippy::unused_self)]
impl Hooks {
    pub(super) fn from_env() -> Hooks {
        Hooks::default()
    }

    pub(super) fn first_frame_only(self) -> bool {
        false
    }

    pub(super) fn on_event(self, _event: &Event) {}
}
