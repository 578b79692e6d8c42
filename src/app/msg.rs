//! The app's vocabulary with the front ends: [`Msg`] is the player's input after the key table,
//! [`Effect`] is the I/O the app asks the front end to carry out (the app does none itself).

/// The player's input, after the key table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Left,
    Right,
    Defer,
    Table,
    TableOne,
    Caucus,
    Link,
    Errand,
    Goodwill,
    OffTheRecord,
    Statement,
    Extension,
    EndRound,
    /// Ask the advisor for the odds.
    Odds,
    NextScreen,
    PrevScreen,
    Screen(usize),
    ScrollUp,
    ScrollDown,
    Confirm,
    Back,
    Yes,
    Save,
    Help,
    Quit,
    ForceQuit,
    /// Shows or hides the guided first round.
    Guide,
    /// A mouse click on a row of the draft text.
    ClickIssue(usize),
    /// A mouse click on a track of the dashboard.
    ClickTrack(usize),
    /// Open the reflection prompt that is due.
    Reflect,
    /// Write the after-action report.
    Report,
    /// A character typed into a text entry.
    Type(char),
    /// Backspace in a text entry.
    Erase,
}

/// What the front end carries out for the app, feeding each result back (see `App::saved_to`,
/// `App::reported`, `App::advised`, `App::load_failed`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save under the game's own name (the player asked).
    Save,
    /// Save to the autosave slot (end of round, quit).
    Autosave,
    /// Save, then write the after-action report next to the save.
    WriteReport,
    /// Load this save in place of the game (start menu).
    Load(std::path::PathBuf),
    /// Play this many futures per move from the position for the odds window. The question is
    /// already logged; the answer takes seconds on every core, so the front end computes it.
    Advise {
        futures: u32,
    },
    Quit,
}
