//! The small menus behind Oman's verbs: pick a delegation, a kind of caucus, an errand.

use super::App;
use crate::game::{Audience, CaucusKind, Clause, Command, Errand, Side, Statement};

/// One line of a menu: run a command, or open another menu.
#[derive(Clone, Debug, PartialEq)]
pub enum MenuItem {
    Run(String, Command),
    Open(String, Box<Menu>),
}

impl MenuItem {
    pub fn label(&self) -> &str {
        match self {
            MenuItem::Run(l, _) | MenuItem::Open(l, _) => l,
        }
    }
}

/// A titled list with a selection.
#[derive(Clone, Debug, PartialEq)]
pub struct Menu {
    pub title: String,
    pub items: Vec<MenuItem>,
    pub selected: usize,
}

impl Menu {
    fn new(title: &str, items: Vec<MenuItem>) -> Menu {
        Menu {
            title: title.to_string(),
            items,
            selected: 0,
        }
    }
}

pub(super) fn caucus(app: &App) -> Menu {
    let id = app.selected_issue();
    let issue = app.session.content.domain.issue(id);
    let clause = app.session.state.text.clause(id);
    let idea = match clause {
        Clause::Open => None,
        Clause::Deferred => Some(format!("{}: deferred", issue.name)),
        Clause::Option(o) => Some(format!("{}: {}", issue.name, issue.choice_label(o))),
    };
    let kinds = |side: Side| {
        let mut items = vec![
            MenuItem::Run(
                "Probe: learn a priority or a red line".into(),
                Command::Caucus {
                    side,
                    kind: CaucusKind::Probe,
                },
            ),
            MenuItem::Run(
                "Reassure: trust up, urgency down".into(),
                Command::Caucus {
                    side,
                    kind: CaucusKind::Reassure,
                },
            ),
            MenuItem::Run(
                format!(
                    "Relay pressure from {}: urgency up, trust down",
                    side.other().name()
                ),
                Command::Caucus {
                    side,
                    kind: CaucusKind::RelayPressure,
                },
            ),
        ];
        if let Some(idea) = &idea {
            items.push(MenuItem::Run(
                format!("Test an idea: {idea}"),
                Command::Caucus {
                    side,
                    kind: CaucusKind::TestIdea { issue: id, clause },
                },
            ));
        }
        Box::new(Menu::new(&format!("Caucus with {}", side.name()), items))
    };
    Menu::new(
        "Caucus: meet which delegation?",
        vec![
            MenuItem::Open("United States".into(), kinds(Side::Us)),
            MenuItem::Open("Iran".into(), kinds(Side::Iran)),
        ],
    )
}

pub(super) fn errand(content: &crate::content::Content) -> Menu {
    Menu::new(
        "Errand: ask a third party",
        Errand::ALL
            .iter()
            .map(|&e| MenuItem::Run(crate::narrate::errand_offer(content, e), Command::Errand(e)))
            .collect(),
    )
}

pub(super) fn goodwill(state: &crate::game::GameState) -> Menu {
    Menu::new(
        "Spend goodwill with",
        Side::BOTH
            .iter()
            .map(|&s| {
                MenuItem::Run(
                    crate::narrate::goodwill_offer(state, s),
                    Command::SpendGoodwill(s),
                )
            })
            .collect(),
    )
}

pub(super) fn statement() -> Menu {
    Menu::new(
        "Public statement",
        vec![
            MenuItem::Run(
                "Announce progress (commits both sides; backlash risk)".into(),
                Command::Statement(Statement::AnnounceProgress),
            ),
            MenuItem::Run(
                "Urge restraint on all sides".into(),
                Command::Statement(Statement::UrgeRestraint),
            ),
        ],
    )
}

pub(super) fn table_one() -> Menu {
    Menu::new(
        "Table the draft to one delegation",
        Side::BOTH
            .iter()
            .map(|&s| {
                MenuItem::Run(
                    format!("{} only", s.name()),
                    Command::Table(Audience::One(s)),
                )
            })
            .collect(),
    )
}
