//! A side's private preferences: linear additive utility over the issues with optional pairwise
//! terms, and the red lines it will never sign.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::domain::by_issue;
use crate::model::{Choice, IssueId};

/// A bonus (or malus) when two choices appear together, e.g. a higher enrichment cap is easier to
/// live with when inspections are intrusive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairTerm {
    pub a: (IssueId, Choice),
    pub b: (IssueId, Choice),
    pub bonus: f64,
}

/// u(ω) = Σ_j w_j·v_j(ω_j) + Σ pair bonuses, clipped to [0, 1].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preferences {
    /// One weight per issue; they sum to 1.
    pub weights: Vec<f64>,
    /// Per issue, the value in [0, 1] of each choice (deferred last, when the issue allows it).
    pub values: Vec<Vec<f64>>,
    pub pairs: Vec<PairTerm>,
}

impl Preferences {
    /// Utility of a complete package, in [0, 1].
    pub fn utility(&self, package: &[Choice]) -> f64 {
        let mut u: f64 = by_issue(package)
            .map(|(i, c)| self.weighted_value(i, c))
            .sum();
        for p in &self.pairs {
            if package[p.a.0.index()] == p.a.1 && package[p.b.0.index()] == p.b.1 {
                u += p.bonus;
            }
        }
        u.clamp(0.0, 1.0)
    }

    /// How much this side weighs an issue.
    pub fn weight(&self, issue: IssueId) -> f64 {
        self.weights[issue.index()]
    }

    /// What a single choice on one issue is worth, weighted (pairwise terms left out).
    pub fn weighted_value(&self, issue: IssueId, choice: Choice) -> f64 {
        self.weights[issue.index()] * self.values[issue.index()][choice.index()]
    }

    /// The best weighted value this side can get on an issue among the allowed choices.
    pub fn best_on(
        &self,
        issue: IssueId,
        allowed: impl Fn(Choice) -> bool,
    ) -> Option<(Choice, f64)> {
        (0..self.values[issue.index()].len())
            .map(Choice::at)
            .filter(|&c| allowed(c))
            .map(|c| (c, self.weighted_value(issue, c)))
            .max_by(|x, y| x.1.total_cmp(&y.1))
    }
}

/// Choices a side will never sign: `(issue, choice)` pairs.
pub type RedLines = BTreeSet<(IssueId, Choice)>;

/// Red lines a package crosses, in issue order.
pub fn red_line_hits(red_lines: &RedLines, package: &[Choice]) -> Vec<(IssueId, Choice)> {
    by_issue(package)
        .filter(|hit| red_lines.contains(hit))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::negotiation::domain::tests::package;

    /// Two opposed sides on the toy domain of `domain::tests`: A cares most about issue a,
    /// B about issue b, so trading across issues creates value.
    pub(crate) fn toy_pair() -> (Preferences, Preferences) {
        let a = Preferences {
            weights: vec![0.7, 0.3],
            values: vec![vec![1.0, 0.5, 0.0], vec![1.0, 0.0, 0.4]],
            pairs: vec![],
        };
        let b = Preferences {
            weights: vec![0.3, 0.7],
            values: vec![vec![0.0, 0.5, 1.0], vec![0.0, 1.0, 0.7]],
            pairs: vec![],
        };
        (a, b)
    }

    #[test]
    fn utility_is_weighted_sum() {
        let (a, b) = toy_pair();
        assert!((a.utility(&package(&[0, 0])) - 1.0).abs() < 1e-12);
        assert!((a.utility(&package(&[1, 2])) - (0.35 + 0.12)).abs() < 1e-12);
        assert!((b.utility(&package(&[0, 1])) - 0.7).abs() < 1e-12);
    }

    #[test]
    fn pair_terms_apply_only_together() {
        let (mut a, _) = toy_pair();
        a.pairs.push(PairTerm {
            a: (IssueId(0), Choice(1)),
            b: (IssueId(1), Choice(1)),
            bonus: 0.2,
        });
        assert!((a.utility(&package(&[1, 1])) - 0.55).abs() < 1e-12);
        assert!((a.utility(&package(&[1, 0])) - 0.65).abs() < 1e-12);
        a.pairs[0].bonus = 5.0;
        assert!(
            (a.utility(&package(&[1, 1])) - 1.0).abs() < 1e-12,
            "clipped to 1"
        );
    }

    #[test]
    fn red_lines_are_reported_in_issue_order() {
        let lines: RedLines = [(IssueId(1), Choice(1)), (IssueId(0), Choice(2))]
            .into_iter()
            .collect();
        assert_eq!(
            red_line_hits(&lines, &package(&[2, 1])),
            vec![(IssueId(0), Choice(2)), (IssueId(1), Choice(1))]
        );
        assert!(red_line_hits(&lines, &package(&[0, 0])).is_empty());
    }
}
