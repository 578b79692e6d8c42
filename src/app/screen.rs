//! The screens of the game, in Tab order, with their titles.

/// The screens, in Tab order (and number keys 1–8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Table,
    Delegations,
    /// Tracks as gauges with their history, the calendar, and the "why?" inspector.
    Dashboard,
    News,
    Notebook,
    Glossary,
    Map,
    Charts,
}

impl Screen {
    pub const ALL: [Screen; 8] = [
        Screen::Table,
        Screen::Delegations,
        Screen::Dashboard,
        Screen::News,
        Screen::Notebook,
        Screen::Glossary,
        Screen::Map,
        Screen::Charts,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Table => "Table",
            Screen::Delegations => "Delegations",
            Screen::Dashboard => "Dashboard",
            Screen::News => "News",
            Screen::Notebook => "Notebook",
            Screen::Glossary => "Glossary",
            Screen::Map => "Map",
            Screen::Charts => "Charts",
        }
    }

    /// At most four letters, for the header tabs at 80 columns.
    pub fn short(self) -> &'static str {
        match self {
            Screen::Table => "Tabl",
            Screen::Delegations => "Dele",
            Screen::Dashboard => "Dash",
            Screen::News => "News",
            Screen::Notebook => "Note",
            Screen::Glossary => "Glos",
            Screen::Map => "Map",
            Screen::Charts => "Char",
        }
    }

    /// Whether the up and down keys select tracks here (else issues of the draft text).
    pub fn selects_tracks(self) -> bool {
        self == Screen::Dashboard
    }
}
