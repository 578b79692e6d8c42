//! Oman's moves as the after-action report tells them ("tabled the text to both delegations").

use super::names::clause;
use super::{LANGUAGE, Language};
use crate::content::Content;
use crate::game::{Audience, CaucusKind, Command};

/// Oman's move in words; `None` for commands that are not moves (ending the week, answering a
/// card or a reflection prompt).
pub fn command(content: &Content, c: &Command) -> Option<String> {
    LANGUAGE.command(content, c)
}

pub(super) fn english(content: &Content, command: &Command) -> Option<String> {
    Some(match command {
        Command::Draft { issue, clause: c } => format!("drafted {}", clause(content, *issue, *c)),
        Command::EndRound | Command::ChooseCardOption(_) | Command::Reflect { .. } => return None,
        Command::Caucus { side, kind } => match kind {
            CaucusKind::TestIdea { issue, clause: c } => format!(
                "caucus with {}: tested {}",
                side.name(),
                clause(content, *issue, *c)
            ),
            other => format!(
                "caucus with {}: {}",
                side.name(),
                super::caucus_name(*other)
            ),
        },
        Command::Table(Audience::Both) => "tabled the text to both delegations".into(),
        Command::Table(Audience::One(side)) => {
            format!("tabled the text to the {} delegation only", side.name())
        }
        Command::Link { first, second } => format!(
            "linked {} with {}",
            clause(content, first.0, first.1),
            clause(content, second.0, second.1)
        ),
        Command::SpendGoodwill(side) => format!("spent goodwill with {}", side.name()),
        Command::Errand(e) => format!("errand to {}", super::errand_name(*e)),
        Command::OffTheRecord => "held an off-the-record session".into(),
        Command::Statement(s) => format!("public statement: {}", super::statement_name(*s)),
        Command::RequestExtension => "asked for a two-week extension".into(),
        Command::AskAdvisor => "asked the advisor for the odds".into(),
    })
}
