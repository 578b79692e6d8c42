//! The negotiation space: issues, their ordered options, and packages (one choice per issue).
//!
//! The words: an **issue** has **options**, the positions that can be drafted, ordered from the
//! US end to the Iran end, and, when it is deferrable, **deferral** after them. A **choice** is
//! either, by its index ([`Choice`]); a package holds one choice per issue, in the domain's order
//! ([`IssueId`]).

use serde::{Deserialize, Serialize};

use crate::model::{Choice, IssueId};

/// Choices an issue may hold: a [`Choice`] is one byte, so 256 (indices 0–255).
pub const MAX_CHOICES: usize = 256;
/// Issues a domain may hold: an [`IssueId`] is one byte.
pub const MAX_ISSUES: usize = 256;

/// Why a domain cannot be negotiated over.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error(
        "issue \"{issue}\" has {count} choices; an issue holds at most {MAX_CHOICES} (options plus deferral)"
    )]
    TooManyChoices { issue: String, count: usize },
    #[error("the domain has {0} issues; it holds at most {MAX_ISSUES}")]
    TooManyIssues(usize),
    #[error("issue \"{0}\" has no choices")]
    NoChoices(String),
    #[error("the domain has no issues")]
    NoIssues,
}

/// One option of an issue, ordered from the US-preferred end to the Iran-preferred end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueOption {
    pub id: String,
    pub label: String,
    /// Only on the table once something unlocks it (Russia agrees to take the stockpile, …).
    #[serde(default)]
    pub locked: bool,
}

/// One issue of the talks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub id: String,
    pub name: String,
    /// A deal may leave this issue for later (a "Nuclear-First" deal defers missiles, proxies, …).
    #[serde(default)]
    pub deferrable: bool,
    pub options: Vec<IssueOption>,
}

impl Issue {
    /// Number of choices a package can make on this issue: the options, plus deferral when allowed.
    pub fn choice_count(&self) -> usize {
        self.options.len() + usize::from(self.deferrable)
    }

    /// Every choice of this issue in order: the options, then deferral when allowed.
    pub fn choices(&self) -> impl DoubleEndedIterator<Item = Choice> + use<> {
        (0..self.choice_count()).map(Choice::at)
    }

    /// The choices that are options (what Oman can draft), in order.
    pub fn option_choices(&self) -> impl DoubleEndedIterator<Item = Choice> + use<> {
        (0..self.options.len()).map(Choice::at)
    }

    /// Every option with the choice that drafts it, in order.
    pub fn each_option(&self) -> impl Iterator<Item = (Choice, &IssueOption)> {
        self.option_choices().zip(&self.options)
    }

    /// The option a choice stands for, or `None` for deferral (or a choice past the list).
    pub fn option(&self, choice: Choice) -> Option<&IssueOption> {
        self.options.get(choice.index())
    }

    /// Whether a choice is one of the options (not deferral, not past the list).
    pub fn is_option(&self, choice: Choice) -> bool {
        choice.index() < self.options.len()
    }

    /// Whether a choice is an option locked until an event unlocks it.
    pub fn is_locked(&self, choice: Choice) -> bool {
        self.option(choice).is_some_and(|o| o.locked)
    }

    /// The choice that means deferral, if this issue can be deferred: the one after the options.
    pub fn deferred_choice(&self) -> Option<Choice> {
        self.deferrable.then(|| Choice::at(self.options.len()))
    }

    /// The choice of the option with this id.
    pub fn option_index(&self, id: &str) -> Option<Choice> {
        self.options.iter().position(|o| o.id == id).map(Choice::at)
    }

    /// Human label of a choice (an option, or "deferred").
    pub fn choice_label(&self, choice: Choice) -> &str {
        self.option(choice).map_or("deferred", |o| o.label.as_str())
    }
}

/// A complete text: one choice per issue, in the domain's issue order. A choice equal to the
/// issue's option count means deferral.
pub type Package = Vec<Choice>;

/// A package's choices with the issue each is on.
pub fn by_issue(package: &[Choice]) -> impl Iterator<Item = (IssueId, Choice)> + '_ {
    IssueId::all(package.len()).zip(package.iter().copied())
}

/// The whole negotiation space.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Domain {
    pub issues: Vec<Issue>,
}

impl Domain {
    /// The issue with this id.
    ///
    /// # Panics
    /// If the id is not of this domain: ids come from the domain or from validated content.
    pub fn issue(&self, id: IssueId) -> &Issue {
        &self.issues[id.index()]
    }

    /// The issue with this id, or `None` if the domain has no such issue (an id from a save or
    /// a command line).
    pub fn get(&self, id: IssueId) -> Option<&Issue> {
        self.issues.get(id.index())
    }

    /// Every issue with its id, in order.
    pub fn each_issue(&self) -> impl Iterator<Item = (IssueId, &Issue)> {
        IssueId::all(self.issues.len()).zip(&self.issues)
    }

    /// The ids of the issues, in order.
    pub fn issue_ids(&self) -> impl Iterator<Item = IssueId> + use<> {
        IssueId::all(self.issues.len())
    }

    /// The issue whose string id is `id`.
    pub fn issue_index(&self, id: &str) -> Option<IssueId> {
        self.issues.iter().position(|i| i.id == id).map(IssueId::at)
    }

    /// Issue and choice of `issue`/`option` ids, or `None` when either is unknown.
    pub fn locate(&self, issue: &str, option: &str) -> Option<(IssueId, Choice)> {
        let i = self.issue_index(issue)?;
        let o = self.issue(i).option_index(option)?;
        Some((i, o))
    }

    /// How many packages the space holds when every choice is allowed.
    pub fn size(&self) -> u64 {
        self.issues
            .iter()
            .map(|i| i.choice_count() as u64)
            .product()
    }

    /// Whether every issue and choice can be named by an [`IssueId`] and a [`Choice`]: a larger
    /// domain is refused whole rather than truncated.
    pub fn check(&self) -> Result<(), DomainError> {
        if self.issues.is_empty() {
            return Err(DomainError::NoIssues);
        }
        if self.issues.len() > MAX_ISSUES {
            return Err(DomainError::TooManyIssues(self.issues.len()));
        }
        for issue in &self.issues {
            match issue.choice_count() {
                0 => return Err(DomainError::NoChoices(issue.id.clone())),
                count if count > MAX_CHOICES => {
                    return Err(DomainError::TooManyChoices {
                        issue: issue.id.clone(),
                        count,
                    });
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Per issue, the choices that pass `allowed(issue, choice)`, in order; every choice is
    /// offered to the filter, or the domain is refused.
    pub fn allowed_choices(
        &self,
        allowed: &dyn Fn(IssueId, Choice) -> bool,
    ) -> Result<Vec<Vec<Choice>>, DomainError> {
        self.check()?;
        Ok(self
            .each_issue()
            .map(|(i, issue)| issue.choices().filter(|&c| allowed(i, c)).collect())
            .collect())
    }

    /// Calls `visit` with every package whose choices all pass `allowed(issue, choice)`.
    /// Depth-first over issues, so the caller can keep running sums if it wants. A domain too
    /// large to name is refused before anything is visited.
    pub fn for_each_package(
        &self,
        allowed: &dyn Fn(IssueId, Choice) -> bool,
        visit: &mut dyn FnMut(&[Choice]),
    ) -> Result<(), DomainError> {
        let choices = self.allowed_choices(allowed)?;
        if choices.iter().any(Vec::is_empty) {
            return Ok(());
        }
        let mut package: Package = choices.iter().map(|first| first[0]).collect();
        let mut cursor = vec![0usize; choices.len()];
        loop {
            visit(&package);
            // Odometer increment, last issue fastest.
            let mut i = choices.len();
            loop {
                if i == 0 {
                    return Ok(());
                }
                i -= 1;
                cursor[i] += 1;
                if cursor[i] < choices[i].len() {
                    package[i] = choices[i][cursor[i]];
                    break;
                }
                cursor[i] = 0;
                package[i] = choices[i][0];
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A package written as plain numbers, for tests.
    pub(crate) fn package(choices: &[u8]) -> Package {
        choices.iter().map(|&c| Choice(c)).collect()
    }

    /// An issue of `n` plain options, for tests.
    pub(crate) fn plain_issue(id: &str, n: usize, deferrable: bool) -> Issue {
        Issue {
            id: id.into(),
            name: id.into(),
            deferrable,
            options: (0..n)
                .map(|k| IssueOption {
                    id: format!("{id}{k}"),
                    label: format!("{id} option {k}"),
                    locked: false,
                })
                .collect(),
        }
    }

    pub(crate) fn toy() -> Domain {
        Domain {
            issues: vec![plain_issue("a", 3, false), plain_issue("b", 2, true)],
        }
    }

    #[test]
    fn an_issue_of_300_options_is_refused_not_truncated() {
        let d = Domain {
            issues: vec![plain_issue("wide", 300, false), plain_issue("b", 2, false)],
        };
        assert_eq!(d.size(), 600);
        let err = d.allowed_choices(&|_, _| true).unwrap_err();
        assert_eq!(
            err,
            DomainError::TooManyChoices {
                issue: "wide".into(),
                count: 300
            }
        );
        assert!(err.to_string().contains("at most 256"), "{err}");
        let mut visited = 0;
        assert!(
            d.for_each_package(&|_, _| true, &mut |_| visited += 1)
                .is_err()
        );
        assert_eq!(visited, 0);
    }

    #[test]
    fn an_issue_of_256_choices_is_kept_whole() {
        let d = Domain {
            issues: vec![plain_issue("wide", 255, true)],
        };
        let choices = d.allowed_choices(&|_, _| true).unwrap();
        assert_eq!(choices[0].len(), 256);
        let mut visited = 0;
        d.for_each_package(&|_, _| true, &mut |_| visited += 1)
            .unwrap();
        assert_eq!(visited as u64, d.size());
    }

    #[test]
    fn enumerates_every_package_once() {
        let d = toy();
        let mut seen = Vec::new();
        d.for_each_package(&|_, _| true, &mut |p| seen.push(p.to_vec()))
            .unwrap();
        assert_eq!(seen.len() as u64, d.size());
        assert_eq!(d.size(), 9);
        let mut sorted = seen.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), seen.len());
    }

    #[test]
    fn filter_removes_choices() {
        let d = toy();
        let mut n = 0;
        let not_b2 = |i, c| !(i == IssueId(1) && c == Choice(2));
        d.for_each_package(&not_b2, &mut |_| n += 1).unwrap();
        assert_eq!(n, 6);
        let mut none = 0;
        d.for_each_package(&|i, _| i != IssueId(0), &mut |_| none += 1)
            .unwrap();
        assert_eq!(none, 0);
    }

    #[test]
    fn deferred_is_the_last_choice() {
        let d = toy();
        let b = d.issue(IssueId(1));
        assert_eq!(b.deferred_choice(), Some(Choice(2)));
        assert_eq!(d.issue(IssueId(0)).deferred_choice(), None);
        assert_eq!(b.choice_label(Choice(2)), "deferred");
        assert_eq!(
            b.choices().collect::<Vec<_>>(),
            [Choice(0), Choice(1), Choice(2)]
        );
        assert_eq!(b.option_choices().count(), 2);
        assert_eq!(d.locate("b", "b1"), Some((IssueId(1), Choice(1))));
    }
}
