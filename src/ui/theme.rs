//! Colours and emphasis. The default palette is colour-blind safe (blue/orange, after Okabe–Ito);
//! with `NO_COLOR` the mono theme carries every meaning with bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

/// The styles the view draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub key: Style,
    pub selected: Style,
    /// Good news for the talks.
    pub good: Style,
    /// Bad news for the talks.
    pub bad: Style,
    pub warn: Style,
    pub border: Style,
}

const BLUE: Color = Color::Rgb(86, 180, 233);
const ORANGE: Color = Color::Rgb(230, 159, 0);
const YELLOW: Color = Color::Rgb(240, 228, 66);

impl Theme {
    pub fn colour() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
            title: Style::new().fg(BLUE).add_modifier(Modifier::BOLD),
            key: Style::new().fg(YELLOW).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            good: Style::new().fg(BLUE).add_modifier(Modifier::BOLD),
            bad: Style::new().fg(ORANGE).add_modifier(Modifier::BOLD),
            warn: Style::new().fg(YELLOW),
            border: Style::new().fg(Color::DarkGray),
        }
    }

    /// No colour at all: emphasis only.
    pub fn mono() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            good: Style::new().add_modifier(Modifier::BOLD),
            bad: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            warn: Style::new().add_modifier(Modifier::UNDERLINED),
            border: Style::new(),
        }
    }

    /// The theme the environment asks for: mono when `NO_COLOR` is set and not empty.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => Theme::colour(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_has_no_colour_but_keeps_emphasis() {
        let m = Theme::mono();
        for s in [
            m.text, m.dim, m.title, m.key, m.selected, m.good, m.bad, m.warn, m.border,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(m.selected.add_modifier.contains(Modifier::REVERSED));
        assert_ne!(
            m.good, m.bad,
            "good and bad news must differ without colour"
        );
    }
}
