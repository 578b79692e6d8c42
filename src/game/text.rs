//! The single negotiating text Oman drafts: one clause per issue.

use serde::{Deserialize, Serialize};

use crate::negotiation::{Domain, Package};

/// Oman's draft on one issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Clause {
    /// Not drafted yet.
    Open,
    /// Left for a later agreement.
    Deferred,
    /// The option with this index.
    Option(u8),
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

    /// The package this text stands for, or the first issue that still needs drafting.
    /// Open issues that can be deferred count as deferred.
    pub fn package(&self, domain: &Domain) -> Result<Package, usize> {
        self.clauses
            .iter()
            .zip(&domain.issues)
            .enumerate()
            .map(|(i, (clause, issue))| match clause {
                Clause::Option(o) => Ok(*o),
                Clause::Deferred | Clause::Open => issue.deferred_choice().ok_or(i),
            })
            .collect()
    }

    /// The text that stands for a package.
    pub fn from_package(domain: &Domain, package: &[u8]) -> Text {
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
    /// The clause as a package choice on an issue with `options` options.
    pub fn choice(self, options: usize) -> Option<u8> {
        match self {
            Clause::Option(o) => Some(o),
            Clause::Deferred => Some(options as u8),
            Clause::Open => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::domain::tests::toy;

    #[test]
    fn open_required_issue_blocks_the_package() {
        let d = toy();
        let mut t = Text::open(&d);
        assert_eq!(t.package(&d), Err(0));
        t.clauses[0] = Clause::Option(2);
        assert_eq!(
            t.package(&d),
            Ok(vec![2, 2]),
            "open deferrable issue counts as deferred"
        );
        assert!(!t.is_comprehensive());
    }

    #[test]
    fn package_round_trips() {
        let d = toy();
        for p in [vec![0, 0], vec![1, 2], vec![2, 1]] {
            assert_eq!(Text::from_package(&d, &p).package(&d), Ok(p));
        }
    }
}
