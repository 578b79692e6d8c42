//! The single negotiating text Oman drafts: one clause per issue.
//!
//! A **clause** is what the text holds for an issue: still open, deferred, or one of the issue's
//! options. Once drafted it stands for a **choice** of the issue (an option, or deferral), which is
//! what a package holds.

use serde::{Deserialize, Serialize};

use crate::model::{Choice, IssueId};
use crate::negotiation::{Domain, Issue, Package};

/// Oman's draft on one issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Clause {
    /// Not drafted yet.
    Open,
    /// Left for a later agreement.
    Deferred,
    /// The option this choice stands for.
    Option(Choice),
}

/// The draft text, issue by issue in the domain's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub clauses: Vec<Clause>,
}

impl Text {
    /// An empty draft.
    pub fn open(domain: &Domain) -> Text {
        Text {
            clauses: vec![Clause::Open; domain.issues.len()],
        }
    }

    /// The clause on one issue.
    ///
    /// # Panics
    /// If the issue is not of this text's domain.
    pub fn clause(&self, issue: IssueId) -> Clause {
        self.clauses[issue.index()]
    }

    /// Redrafts the clause on one issue.
    ///
    /// # Panics
    /// If the issue is not of this text's domain.
    pub fn set(&mut self, issue: IssueId, clause: Clause) {
        self.clauses[issue.index()] = clause;
    }

    /// Every clause with the issue it is on, in the domain's order.
    pub fn each_clause(&self) -> impl Iterator<Item = (IssueId, Clause)> + '_ {
        IssueId::all(self.clauses.len()).zip(self.clauses.iter().copied())
    }

    /// The package this text stands for, or the first issue that still needs drafting.
    /// Open issues that can be deferred count as deferred.
    pub fn package(&self, domain: &Domain) -> Result<Package, IssueId> {
        self.each_clause()
            .zip(&domain.issues)
            .map(|((i, clause), issue)| match clause {
                Clause::Option(o) => Ok(o),
                Clause::Deferred | Clause::Open => issue.deferred_choice().ok_or(i),
            })
            .collect()
    }

    /// The text that stands for a package.
    pub fn from_package(domain: &Domain, package: &[Choice]) -> Text {
        Text {
            clauses: package
                .iter()
                .zip(&domain.issues)
                .map(|(&c, issue)| {
                    if Some(c) == issue.deferred_choice() {
                        Clause::Deferred
                    } else {
                        Clause::Option(c)
                    }
                })
                .collect(),
        }
    }

    /// Whether the text defers nothing (a "grand bargain") once every issue is settled.
    pub fn is_comprehensive(&self) -> bool {
        self.clauses.iter().all(|c| matches!(c, Clause::Option(_)))
    }
}

impl Clause {
    /// The clause as a package choice on `issue`, or `None` while it is open.
    pub fn choice(self, issue: &Issue) -> Option<Choice> {
        match self {
            Clause::Option(o) => Some(o),
            Clause::Deferred => Some(Choice::at(issue.options.len())),
            Clause::Open => None,
        }
    }

    /// The clause that drafts a package choice on `issue`: its option, or deferral for a choice
    /// past the options.
    pub fn of_choice(issue: &Issue, choice: Choice) -> Clause {
        if issue.is_option(choice) {
            Clause::Option(choice)
        } else {
            Clause::Deferred
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::domain::tests::{package, toy};

    #[test]
    fn open_required_issue_blocks_the_package() {
        let d = toy();
        let mut t = Text::open(&d);
        assert_eq!(t.package(&d), Err(IssueId(0)));
        t.set(IssueId(0), Clause::Option(Choice(2)));
        assert_eq!(
            t.package(&d),
            Ok(package(&[2, 2])),
            "open deferrable issue counts as deferred"
        );
        assert!(!t.is_comprehensive());
    }

    #[test]
    fn package_round_trips() {
        let d = toy();
        for p in [package(&[0, 0]), package(&[1, 2]), package(&[2, 1])] {
            assert_eq!(Text::from_package(&d, &p).package(&d), Ok(p));
        }
    }
}
