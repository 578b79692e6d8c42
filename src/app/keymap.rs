//! The one key table: it maps keys to messages AND writes the help screen and the hint bar, so
//! the two can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Msg;

/// One binding: the keys, what they do, and whether the hint bar shows them.
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub label: &'static str,
    pub help: &'static str,
    pub msg: Msg,
    /// Short text for the hint bar; empty keeps the binding out of it.
    pub hint: &'static str,
}

macro_rules! bind {
    ([$($k:expr),+], $label:literal, $help:literal, $msg:expr, $hint:literal) => {
        Binding { keys: &[$($k),+], label: $label, help: $help, msg: $msg, hint: $hint }
    };
}

use KeyCode::{BackTab, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up};

/// Every key of the game.
pub const KEYMAP: &[Binding] = &[
    bind!(
        [Up, Char('k')],
        "↑↓",
        "select an issue, a track (dashboard) or a choice (k and j too)",
        Msg::Up,
        "issue"
    ),
    bind!([Down, Char('j')], "", "", Msg::Down, ""),
    bind!(
        [Left, Char('h')],
        "←→",
        "draft: change the option of the selected issue (h and l too)",
        Msg::Left,
        "draft"
    ),
    bind!([Right, Char('l')], "", "", Msg::Right, ""),
    bind!(
        [Char('d')],
        "d",
        "defer the selected issue / undo the deferral",
        Msg::Defer,
        ""
    ),
    bind!(
        [Char('t')],
        "t",
        "table the draft text to both delegations (1 action)",
        Msg::Table,
        "table"
    ),
    bind!(
        [Char('T')],
        "T",
        "table the draft text to one delegation only (1 action)",
        Msg::TableOne,
        ""
    ),
    bind!(
        [Char('c')],
        "c",
        "caucus: a private meeting with one delegation (1 action)",
        Msg::Caucus,
        "caucus"
    ),
    bind!(
        [Char('m')],
        "m",
        "link: mark this issue, then another, as a package (1 action)",
        Msg::Link,
        ""
    ),
    bind!(
        [Char('e')],
        "e",
        "errand to a third party: Russia, IAEA, Gulf, Qatar, E3 (1 action)",
        Msg::Errand,
        ""
    ),
    bind!(
        [Char('g')],
        "g",
        "goodwill: ask a delegation to bend a little this week (1 action)",
        Msg::Goodwill,
        ""
    ),
    bind!(
        [Char('o')],
        "o",
        "off the record: missiles, proxies to a side track (needs trust)",
        Msg::OffTheRecord,
        ""
    ),
    bind!(
        [Char('p')],
        "p",
        "public statement: announce progress or urge restraint (1 action)",
        Msg::Statement,
        ""
    ),
    bind!(
        [Char('x')],
        "x",
        "ask for a two-week extension of the deadline (once, 1 action)",
        Msg::Extension,
        ""
    ),
    bind!(
        [Char('n')],
        "n",
        "end the week: the world moves, the next card is drawn",
        Msg::EndRound,
        "end week"
    ),
    bind!(
        [Char('a')],
        "a",
        "advisor: odds of a deal, war or walk-out (limits by difficulty)",
        Msg::Odds,
        "odds"
    ),
    bind!(
        [Tab],
        "Tab",
        "next screen (Shift-Tab back)",
        Msg::NextScreen,
        "screens"
    ),
    bind!([BackTab], "", "", Msg::PrevScreen, ""),
    bind!(
        [
            Char('1'),
            Char('2'),
            Char('3'),
            Char('4'),
            Char('5'),
            Char('6'),
            Char('7'),
            Char('8')
        ],
        "1-8",
        "jump to a screen (the numbered tabs at the top)",
        Msg::Screen(0),
        ""
    ),
    bind!(
        [Char('G')],
        "G",
        "guided first week: hide it / show it again",
        Msg::Guide,
        ""
    ),
    bind!(
        [PageUp],
        "PgUp/PgDn",
        "scroll the news, the debrief and long screens (or mouse wheel)",
        Msg::ScrollUp,
        ""
    ),
    bind!([PageDown], "", "", Msg::ScrollDown, ""),
    bind!([Home], "", "", Msg::ScrollUp, ""),
    bind!([End], "", "", Msg::ScrollDown, ""),
    bind!(
        [Enter],
        "Enter/Esc",
        "confirm, choose / close a window, go back",
        Msg::Confirm,
        ""
    ),
    bind!([Esc], "", "", Msg::Back, ""),
    bind!(
        [Char('s')],
        "s",
        "save the game (saves/<scenario>-<seed>.ron)",
        Msg::Save,
        ""
    ),
    bind!(
        [Char('r')],
        "r / w",
        "answer the journal prompt due / write the report beside the save",
        Msg::Reflect,
        ""
    ),
    bind!([Char('w')], "", "", Msg::Report, ""),
    bind!([Char('?')], "?", "this help", Msg::Help, "help"),
    bind!(
        [Char('q')],
        "q",
        "quit (asks if unsaved); Ctrl-C quits at once; both autosave",
        Msg::Quit,
        "quit"
    ),
];

/// The message a key press stands for.
pub fn lookup(key: KeyEvent) -> Option<Msg> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == Char('c') {
        return Some(Msg::ForceQuit);
    }
    if let Char(d @ '1'..='8') = key.code {
        return Some(Msg::Screen(d as usize - '1' as usize));
    }
    if matches!(key.code, Char('y' | 'Y')) {
        return Some(Msg::Yes);
    }
    KEYMAP
        .iter()
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.msg)
}

/// The hint bar: the bindings marked for it.
pub fn hints() -> impl Iterator<Item = (&'static str, &'static str)> {
    KEYMAP
        .iter()
        .filter(|b| !b.hint.is_empty())
        .map(|b| (b.label, b.hint))
}

/// The help screen's lines: key label and what it does.
pub fn help_lines() -> impl Iterator<Item = (String, &'static str)> {
    KEYMAP.iter().filter(|b| !b.help.is_empty()).map(|b| {
        let label = if b.label.is_empty() {
            format!("{:?}", b.keys[0])
        } else {
            b.label.to_string()
        };
        (label, b.help)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_bound_once() {
        let mut seen = Vec::new();
        for b in KEYMAP {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
    }

    #[test]
    fn ctrl_c_always_quits() {
        let k = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(k), Some(Msg::ForceQuit));
        assert_eq!(
            lookup(KeyEvent::new(Char('c'), KeyModifiers::NONE)),
            Some(Msg::Caucus)
        );
    }

    #[test]
    fn help_lists_the_hinted_keys() {
        let help: Vec<_> = help_lines().map(|(k, _)| k).collect();
        for (label, _) in hints() {
            assert!(help.iter().any(|h| h == label), "{label} missing from help");
        }
    }
}
