//! The small menus behind Oman's verbs: pick a delegation, a kind of caucus, an errand.

use super::App;
use crate::game::{self, Audience, CaucusKind, Clause, Command, Errand, Side, Statement};

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
    /// What each item would do now, where that can be told without giving away a roll or a reply.
    pub effects: Vec<Option<String>>,
}

impl Menu {
    fn new(title: &str, items: Vec<MenuItem>) -> Menu {
        Menu {
            title: title.to_string(),
            effects: vec![None; items.len()],
            items,
            selected: 0,
        }
    }

    /// Each item's effects, foreseen through the real rules (see [`foreseen`]).
    fn foreseeing(mut self, app: &App) -> Menu {
        self.effects = self
            .items
            .iter()
            .map(|item| match item {
                MenuItem::Run(_, command) => foreseen(app, command),
                MenuItem::Open(..) => None,
            })
            .collect();
        self
    }
}

/// What a move would do now: the move played on a copy of the game through the real rules, its
/// effects summed. Only for moves that draw on no roll and no reply (statements, goodwill,
/// reassuring, relaying pressure): a trial errand, probe or tabling would give the answer away.
/// It is foreseen even with no action left, so a player sees what the next week could buy.
fn foreseen(app: &App, command: &Command) -> Option<String> {
    let certain = matches!(
        command,
        Command::Statement(_)
            | Command::SpendGoodwill(_)
            | Command::Caucus {
                kind: CaucusKind::Reassure | CaucusKind::RelayPressure,
                ..
            }
    );
    if !certain {
        return None;
    }
    let mut state = app.session.state.clone();
    state.action_points = state.action_points.max(command.cost());
    let events = crate::game::apply(&mut state, &app.session.content, command).ok()?;
    Some(crate::narrate::foreseen(&events))
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
        Box::new(Menu::new(&format!("Caucus with {}", side.name()), items).foreseeing(app))
    };
    Menu::new(
        "Caucus: meet which delegation?",
        vec![
            MenuItem::Open("United States".into(), kinds(Side::Us)),
            MenuItem::Open("Iran".into(), kinds(Side::Iran)),
        ],
    )
}

pub(super) fn errand(app: &App) -> Menu {
    let mut menu = Menu::new(
        "Errand: ask a third party",
        Errand::ALL
            .iter()
            .map(|&e| {
                MenuItem::Run(
                    crate::narrate::errand_offer(&app.session.content, e),
                    Command::Errand(e),
                )
            })
            .collect(),
    );
    // An errand rests on a roll, so it is told as odds and both outcomes, not foreseen.
    menu.effects = Errand::ALL
        .iter()
        .map(|&e| {
            Some(crate::narrate::errand_outlook(
                &app.session.content,
                game::errand_chance(&app.session.state, e),
                game::errand_gains(e),
                game::ERRAND_FAILURE_COST,
            ))
        })
        .collect();
    menu
}

pub(super) fn goodwill(app: &App) -> Menu {
    Menu::new(
        "Spend goodwill with",
        Side::BOTH
            .iter()
            .map(|&s| {
                MenuItem::Run(
                    crate::narrate::goodwill_offer(&app.session.state, s),
                    Command::SpendGoodwill(s),
                )
            })
            .collect(),
    )
    .foreseeing(app)
}

pub(super) fn statement(app: &App) -> Menu {
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
    .foreseeing(app)
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
