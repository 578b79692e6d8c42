//! Every package of a domain, enumerated once and stored flat, with a package's index for quick
//! membership tests (240,000 packages in the built-in space: about 2 MB).

use super::domain::{Domain, DomainError};
use crate::model::{Choice, IssueId};

/// The packages of a domain whose choices pass a filter.
#[derive(Clone, Debug)]
pub struct Space {
    /// Per issue, the allowed choices in order.
    pub choices: Vec<Vec<Choice>>,
    packages: Vec<Choice>,
    /// Per issue, choice → position in `choices[issue]`.
    position: Vec<Vec<Option<u32>>>,
}

impl Space {
    /// Enumerates every package whose choices all pass `allowed(issue, choice)`; a domain whose
    /// choices cannot all be named is refused whole ([`Domain::check`]).
    pub fn new(
        domain: &Domain,
        allowed: &dyn Fn(IssueId, Choice) -> bool,
    ) -> Result<Space, DomainError> {
        let choices = domain.allowed_choices(allowed)?;
        let position = domain
            .issues
            .iter()
            .zip(&choices)
            .map(|(issue, cs)| {
                issue
                    .choices()
                    .map(|c| cs.iter().position(|&x| x == c).map(|p| p as u32))
                    .collect()
            })
            .collect();
        let mut packages = Vec::new();
        domain.for_each_package(allowed, &mut |p| packages.extend_from_slice(p))?;
        Ok(Space {
            choices,
            packages,
            position,
        })
    }

    pub fn issues(&self) -> usize {
        self.choices.len()
    }

    pub fn len(&self) -> usize {
        self.packages.len() / self.issues().max(1)
    }

    pub fn is_empty(&self) -> bool {
        self.packages.is_empty()
    }

    /// The package at an index, in the enumeration order (last issue fastest).
    pub fn get(&self, index: usize) -> &[Choice] {
        let n = self.issues();
        &self.packages[index * n..(index + 1) * n]
    }

    pub fn iter(&self) -> impl Iterator<Item = &[Choice]> {
        self.packages.chunks_exact(self.issues().max(1))
    }

    /// The index of a package, or `None` if one of its choices is outside the space.
    pub fn index_of(&self, package: &[Choice]) -> Option<usize> {
        if package.len() != self.issues() {
            return None;
        }
        let mut index = 0usize;
        for (i, &c) in package.iter().enumerate() {
            let p = self.position[i].get(c.index()).copied().flatten()?;
            index = index * self.choices[i].len() + p as usize;
        }
        Some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::domain::tests::{package, plain_issue, toy};

    #[test]
    fn index_of_inverts_get() {
        let d = toy();
        let s = Space::new(&d, &|_, _| true).unwrap();
        assert_eq!(s.len() as u64, d.size());
        for i in 0..s.len() {
            assert_eq!(s.index_of(s.get(i)), Some(i));
        }
    }

    #[test]
    fn filtered_choices_are_outside_the_space() {
        let d = toy();
        let s = Space::new(&d, &|i, c| !(i == IssueId(0) && c == Choice(1))).unwrap();
        assert!(s.iter().all(|p| p[0] != Choice(1)));
        assert_eq!(s.index_of(&package(&[1, 0])), None);
        assert_eq!(s.index_of(&package(&[0])), None);
    }

    #[test]
    fn a_space_of_300_options_is_refused_and_of_256_kept_whole() {
        let wide = |n| Domain {
            issues: vec![plain_issue("wide", n, false), plain_issue("b", 2, false)],
        };
        assert!(matches!(
            Space::new(&wide(300), &|_, _| true),
            Err(DomainError::TooManyChoices { count: 300, .. })
        ));
        let s = Space::new(&wide(256), &|_, _| true).unwrap();
        assert_eq!(s.len(), 512);
        assert_eq!(s.index_of(&[Choice(255), Choice(1)]), Some(511));
    }
}
