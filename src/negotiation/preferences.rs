//! A side's private preferences: linear additive utility over the issues with optional pairwise
//! terms, and the red lines it will never sign.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::domain::{Domain, DomainError, by_issue};
use crate::model::{Choice, IssueId};

/// Why preferences do not fit their domain.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PreferencesError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("{got} issue weights for a domain of {want} issues")]
    WeightCount { got: usize, want: usize },
    #[error("{got} value lists for a domain of {want} issues")]
    ValueCount { got: usize, want: usize },
    #[error("issue \"{issue}\": {got} values for {want} choices")]
    ChoiceCount {
        issue: String,
        got: usize,
        want: usize,
    },
    #[error("issue \"{issue}\": weight {weight} is not a number in [0, 1]")]
    BadWeight { issue: String, weight: f64 },
    #[error("the issue weights sum to {0}, not 1")]
    WeightSum(f64),
    #[error("issue \"{issue}\": value {value} of choice {choice} is not a number in [0, 1]")]
    BadValue {
        issue: String,
        choice: usize,
        value: f64,
    },
    #[error("pair term {index}: refers to a choice outside the domain")]
    PairOutside { index: usize },
    #[error("utilities can reach {low:.3}..{high:.3}, outside [0, 1]: scale the pair bonuses down")]
    OutOfRange { low: f64, high: f64 },
}

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
    /// Preferences checked against their domain: one weight and one value per choice for every
    /// issue, weights and values in [0, 1], weights summing to 1, pair terms inside the domain,
    /// and no package whose utility could leave [0, 1] (so nothing is ever clipped).
    pub fn new(
        domain: &Domain,
        weights: Vec<f64>,
        values: Vec<Vec<f64>>,
        pairs: Vec<PairTerm>,
    ) -> Result<Preferences, PreferencesError> {
        let prefs = Preferences {
            weights,
            values,
            pairs,
        };
        prefs.check(domain)?;
        let (low, high) = prefs.bounds();
        if low < -1e-9 || high > 1.0 + 1e-9 {
            return Err(PreferencesError::OutOfRange { low, high });
        }
        Ok(prefs)
    }

    /// Whether these preferences fit `domain` (shape, ranges, weight sum). Unlike [`Self::new`]
    /// it allows pair bonuses that push a package past 1, which [`Self::utility`] clips: the
    /// game's content is written that way.
    pub fn check(&self, domain: &Domain) -> Result<(), PreferencesError> {
        domain.check()?;
        let want = domain.issues.len();
        if self.weights.len() != want {
            return Err(PreferencesError::WeightCount {
                got: self.weights.len(),
                want,
            });
        }
        if self.values.len() != want {
            return Err(PreferencesError::ValueCount {
                got: self.values.len(),
                want,
            });
        }
        let in_unit = |x: f64| x.is_finite() && (0.0..=1.0).contains(&x);
        for ((issue, &w), values) in domain.issues.iter().zip(&self.weights).zip(&self.values) {
            if values.len() != issue.choice_count() {
                return Err(PreferencesError::ChoiceCount {
                    issue: issue.id.clone(),
                    got: values.len(),
                    want: issue.choice_count(),
                });
            }
            if !in_unit(w) {
                return Err(PreferencesError::BadWeight {
                    issue: issue.id.clone(),
                    weight: w,
                });
            }
            if let Some((choice, &value)) = values.iter().enumerate().find(|(_, v)| !in_unit(**v)) {
                return Err(PreferencesError::BadValue {
                    issue: issue.id.clone(),
                    choice,
                    value,
                });
            }
        }
        let sum: f64 = self.weights.iter().sum();
        if (sum - 1.0).abs() > 1e-6 {
            return Err(PreferencesError::WeightSum(sum));
        }
        for (index, p) in self.pairs.iter().enumerate() {
            let inside = |(i, c): (IssueId, Choice)| {
                domain
                    .get(i)
                    .is_some_and(|issue| c.index() < issue.choice_count())
            };
            if !inside(p.a) || !inside(p.b) || !p.bonus.is_finite() {
                return Err(PreferencesError::PairOutside { index });
            }
        }
        Ok(())
    }

    /// Lowest and highest utility any package could have before clipping (pair terms counted
    /// as if they could all apply at once: a bound, not the exact range).
    fn bounds(&self) -> (f64, f64) {
        let fold = |pick: fn(f64, f64) -> f64, start: f64| -> f64 {
            self.weights
                .iter()
                .zip(&self.values)
                .map(|(w, vs)| w * vs.iter().copied().fold(start, pick))
                .sum()
        };
        let plus: f64 = self.pairs.iter().map(|p| p.bonus.max(0.0)).sum();
        let minus: f64 = self.pairs.iter().map(|p| p.bonus.min(0.0)).sum();
        (
            fold(f64::min, f64::INFINITY) + minus,
            fold(f64::max, f64::NEG_INFINITY) + plus,
        )
    }

    /// Utility of a complete package, in [0, 1]. A package of another shape, or a choice
    /// outside the lists, counts as worth nothing on that issue instead of panicking.
    pub fn utility(&self, package: &[Choice]) -> f64 {
        let mut u: f64 = by_issue(package)
            .map(|(i, c)| self.weighted_value(i, c))
            .sum();
        for p in &self.pairs {
            let has = |(i, c): (IssueId, Choice)| package.get(i.index()) == Some(&c);
            if has(p.a) && has(p.b) {
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
        let w = self.weights.get(issue.index()).copied().unwrap_or(0.0);
        let v = self
            .values
            .get(issue.index())
            .and_then(|vs| vs.get(choice.index()))
            .copied()
            .unwrap_or(0.0);
        w * v
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
    fn preferences_are_checked_against_their_domain_when_built() {
        let d = crate::negotiation::domain::tests::toy();
        let (a, _) = toy_pair();
        let ok = Preferences::new(&d, a.weights.clone(), a.values.clone(), vec![]).unwrap();
        assert_eq!(ok, a);
        let short = Preferences::new(&d, a.weights.clone(), vec![vec![1.0, 0.5, 0.0]], vec![]);
        assert_eq!(
            short.unwrap_err(),
            PreferencesError::ValueCount { got: 1, want: 2 }
        );
        let mut values = a.values.clone();
        values[1].pop();
        let err = Preferences::new(&d, a.weights.clone(), values, vec![]).unwrap_err();
        assert_eq!(err.to_string(), "issue \"b\": 2 values for 3 choices");
        let err = Preferences::new(&d, vec![0.7, 0.7], a.values.clone(), vec![]).unwrap_err();
        assert!(matches!(err, PreferencesError::WeightSum(_)), "{err}");
        let over = vec![PairTerm {
            a: (IssueId(0), Choice(0)),
            b: (IssueId(1), Choice(0)),
            bonus: 0.2,
        }];
        let err = Preferences::new(&d, a.weights.clone(), a.values.clone(), over).unwrap_err();
        assert!(matches!(err, PreferencesError::OutOfRange { .. }), "{err}");
        let outside = vec![PairTerm {
            a: (IssueId(0), Choice(7)),
            b: (IssueId(1), Choice(0)),
            bonus: -0.1,
        }];
        let err = Preferences::new(&d, a.weights.clone(), a.values.clone(), outside).unwrap_err();
        assert_eq!(err, PreferencesError::PairOutside { index: 0 });
    }

    #[test]
    fn a_package_of_the_wrong_shape_does_not_panic() {
        let (a, _) = toy_pair();
        assert!((a.utility(&package(&[0])) - 0.7).abs() < 1e-12);
        assert!((a.utility(&package(&[0, 0, 5, 9])) - 1.0).abs() < 1e-12);
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
