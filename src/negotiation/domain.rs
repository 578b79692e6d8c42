//! The negotiation space: issues, their ordered options, and packages (one choice per issue).

use serde::{Deserialize, Serialize};

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
    /// Number of choices a package can make on this issue: the options, plus "deferred" when allowed.
    pub fn choices(&self) -> usize {
        self.options.len() + usize::from(self.deferrable)
    }

    /// The choice index that means "deferred", if this issue can be deferred.
    /// Whether a choice is an option locked until an event unlocks it.
    pub fn is_locked(&self, choice: u8) -> bool {
        self.options.get(choice as usize).is_some_and(|o| o.locked)
    }

    pub fn deferred_choice(&self) -> Option<u8> {
        self.deferrable.then_some(self.options.len() as u8)
    }

    /// Index of the option with this id.
    pub fn option_index(&self, id: &str) -> Option<u8> {
        self.options
            .iter()
            .position(|o| o.id == id)
            .map(|i| i as u8)
    }

    /// Human label of a choice (an option, or "deferred").
    pub fn choice_label(&self, choice: u8) -> &str {
        self.options
            .get(choice as usize)
            .map_or("deferred", |o| o.label.as_str())
    }
}

/// A complete text: one choice per issue, in the domain's issue order. A choice equal to the
/// issue's option count means "deferred".
pub type Package = Vec<u8>;

/// The whole negotiation space.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Domain {
    pub issues: Vec<Issue>,
}

impl Domain {
    /// Index of the issue with this id.
    pub fn issue_index(&self, id: &str) -> Option<usize> {
        self.issues.iter().position(|i| i.id == id)
    }

    /// Index pair of `issue`/`option` ids, or `None` when either is unknown.
    pub fn locate(&self, issue: &str, option: &str) -> Option<(usize, u8)> {
        let i = self.issue_index(issue)?;
        let o = self.issues[i].option_index(option)?;
        Some((i, o))
    }

    /// How many packages the space holds when every choice is allowed.
    pub fn size(&self) -> u64 {
        self.issues.iter().map(|i| i.choices() as u64).product()
    }

    /// Per issue, the choices that pass `allowed(issue, choice)`, in order.
    pub fn allowed_choices(&self, allowed: &dyn Fn(usize, u8) -> bool) -> Vec<Vec<u8>> {
        self.issues
            .iter()
            .enumerate()
            .map(|(i, issue)| {
                (0..issue.choices() as u8)
                    .filter(|&c| allowed(i, c))
                    .collect()
            })
            .collect()
    }

    /// Calls `visit` with every package whose choices all pass `allowed(issue, choice)`.
    /// Depth-first over issues, so the caller can keep running sums if it wants.
    pub fn for_each_package(
        &self,
        allowed: &dyn Fn(usize, u8) -> bool,
        visit: &mut dyn FnMut(&[u8]),
    ) {
        let choices = self.allowed_choices(allowed);
        if choices.iter().any(Vec::is_empty) {
            return;
        }
        let mut package = vec![0u8; choices.len()];
        let mut cursor = vec![0usize; choices.len()];
        for (slot, first) in package.iter_mut().zip(&choices) {
            *slot = first[0];
        }
        loop {
            visit(&package);
            // Odometer increment, last issue fastest.
            let mut i = choices.len();
            loop {
                if i == 0 {
                    return;
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

    pub(crate) fn toy() -> Domain {
        let issue = |id: &str, n: usize, deferrable: bool| Issue {
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
        };
        Domain {
            issues: vec![issue("a", 3, false), issue("b", 2, true)],
        }
    }

    #[test]
    fn enumerates_every_package_once() {
        let d = toy();
        let mut seen = Vec::new();
        d.for_each_package(&|_, _| true, &mut |p| seen.push(p.to_vec()));
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
        d.for_each_package(&|i, c| !(i == 1 && c == 2), &mut |_| n += 1);
        assert_eq!(n, 6);
        let mut none = 0;
        d.for_each_package(&|i, _| i != 0, &mut |_| none += 1);
        assert_eq!(none, 0);
    }

    #[test]
    fn deferred_is_the_last_choice() {
        let d = toy();
        assert_eq!(d.issues[1].deferred_choice(), Some(2));
        assert_eq!(d.issues[0].deferred_choice(), None);
        assert_eq!(d.issues[1].choice_label(2), "deferred");
        assert_eq!(d.locate("b", "b1"), Some((1, 1)));
    }
}
