//! What one side learns of the other's preferences from the packages it asks for: a frequency
//! model (issue weights from how steadily each issue is asked for, as in NegMAS'
//! `FrequencyLinearUFunModel`; choice values from counts, after HardHeaded) that starts from a
//! guess, and the labels of Hindriks, Jonker & Tykhonov (2007) for the other side's moves.

use serde::{Deserialize, Serialize};

use super::domain::by_issue;
use crate::model::{Choice, IssueId};

/// Observations worth as much as the prior guess at the values.
const PRIOR_STRENGTH: f64 = 20.0;
/// Weight kept by an issue asked for evenly, so no issue is thought worthless.
const WEIGHT_FLOOR: f64 = 0.1;

/// Estimated preferences of the other side, learned from the packages it asked for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FrequencyModel {
    /// Per issue, how often each choice was asked for.
    pub counts: Vec<Vec<u32>>,
    /// Estimated issue weights; they sum to 1.
    pub weights: Vec<f64>,
    /// Per issue, a guess at the value of each choice before anything is observed (e.g. the
    /// mirror of one's own values in an opposed domain); empty for no guess.
    #[serde(default)]
    pub prior: Vec<Vec<f64>>,
}

impl FrequencyModel {
    /// A model that knows nothing yet: uniform weights, no counts.
    pub fn new(choices_per_issue: &[usize]) -> FrequencyModel {
        let n = choices_per_issue.len().max(1);
        FrequencyModel {
            counts: choices_per_issue.iter().map(|&c| vec![0; c]).collect(),
            weights: vec![1.0 / n as f64; choices_per_issue.len()],
            prior: Vec::new(),
        }
    }

    /// A model that guesses the other side is opposed on every issue: what is best for us is
    /// worst for it. Its asks then correct the guess.
    pub fn mirroring(own_values: &[Vec<f64>]) -> FrequencyModel {
        FrequencyModel::with_prior(
            own_values
                .iter()
                .map(|vs| {
                    let hi = vs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    let lo = vs.iter().copied().fold(f64::INFINITY, f64::min);
                    vs.iter()
                        .map(|v| if hi > lo { (hi - v) / (hi - lo) } else { 0.5 })
                        .collect()
                })
                .collect(),
        )
    }

    /// A model that starts from a guess at the other side's values, trusted less as packages
    /// are observed.
    pub fn with_prior(prior: Vec<Vec<f64>>) -> FrequencyModel {
        let choices: Vec<usize> = prior.iter().map(Vec::len).collect();
        FrequencyModel {
            prior,
            ..FrequencyModel::new(&choices)
        }
    }

    /// Packages observed so far.
    pub fn observations(&self) -> u32 {
        self.counts.first().map_or(0, |c| c.iter().sum())
    }

    /// Learns from one package the other side asked for. An issue on which it keeps asking for
    /// the same choice weighs more: w_j ∝ floor + 1 − H_j / ln(n_j).
    pub fn observe(&mut self, package: &[Choice]) {
        if package.len() != self.counts.len() {
            return;
        }
        for (counts, &c) in self.counts.iter_mut().zip(package) {
            if let Some(n) = counts.get_mut(c.index()) {
                *n += 1;
            }
        }
        let raw: Vec<f64> = self
            .counts
            .iter()
            .map(|c| {
                let total: u32 = c.iter().sum();
                if total == 0 || c.len() < 2 {
                    return 1.0;
                }
                let entropy: f64 = c
                    .iter()
                    .filter(|&&n| n > 0)
                    .map(|&n| {
                        let p = f64::from(n) / f64::from(total);
                        -p * libm::log(p)
                    })
                    .sum();
                WEIGHT_FLOOR + 1.0 - entropy / libm::log(c.len() as f64)
            })
            .collect();
        let sum: f64 = raw.iter().sum();
        self.weights = raw.iter().map(|w| w / sum).collect();
    }

    /// Estimated value in [0, 1] of a choice: (count + 1) / (most asked count + 1), blended with
    /// the prior guess while there are few observations.
    pub fn value(&self, issue: IssueId, choice: Choice) -> f64 {
        self.value_given(issue, choice, self.prior_share())
    }

    /// How much the prior guess still counts, from the number of observations.
    fn prior_share(&self) -> f64 {
        let n = f64::from(self.observations());
        PRIOR_STRENGTH / (n + PRIOR_STRENGTH)
    }

    fn value_given(&self, issue: IssueId, choice: Choice, prior_share: f64) -> f64 {
        let Some(counts) = self.counts.get(issue.index()) else {
            return 0.0;
        };
        let top = counts.iter().copied().max().unwrap_or(0);
        let seen =
            f64::from(counts.get(choice.index()).copied().unwrap_or(0) + 1) / f64::from(top + 1);
        match self
            .prior
            .get(issue.index())
            .and_then(|p| p.get(choice.index()))
        {
            Some(&guess) => (1.0 - prior_share) * seen + prior_share * guess,
            None => seen,
        }
    }

    /// Estimated utility of a package for the other side.
    pub fn estimate(&self, package: &[Choice]) -> f64 {
        // Counted once per package rather than once per issue: this runs in every counter search.
        let prior_share = self.prior_share();
        by_issue(package)
            .map(|(i, c)| {
                let weight = self.weights.get(i.index()).copied().unwrap_or(0.0);
                weight * self.value_given(i, c, prior_share)
            })
            .sum()
    }

    /// The issue the other side seems to weigh most, once it has asked often enough for the
    /// guess to mean something.
    pub fn heaviest_issue(&self) -> Option<IssueId> {
        if self.observations() < 4 {
            return None;
        }
        self.weights
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| IssueId::at(i))
    }
}

/// A move of the other side, judged by what it did to our utility and to its own (estimated).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoveKind {
    /// Better for us, worse for them.
    Concession,
    /// Worse for us, better for them.
    Selfish,
    /// Better for both.
    Fortunate,
    /// Worse for both.
    Unfortunate,
    /// Better for us at no cost to them.
    Nice,
    /// Nothing changed that matters.
    Silent,
}

impl MoveKind {
    /// Labels a move from its change in our utility and in the other side's estimated utility.
    pub fn of(delta_self: f64, delta_other: f64) -> MoveKind {
        const EPS: f64 = 0.005;
        let s = if delta_self > EPS {
            1
        } else if delta_self < -EPS {
            -1
        } else {
            0
        };
        let o = if delta_other > EPS {
            1
        } else if delta_other < -EPS {
            -1
        } else {
            0
        };
        match (s, o) {
            (1, -1) => MoveKind::Concession,
            (1, 0) => MoveKind::Nice,
            (1, 1) => MoveKind::Fortunate,
            (-1, 1 | 0) => MoveKind::Selfish,
            (-1 | 0, -1) => MoveKind::Unfortunate,
            _ => MoveKind::Silent,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MoveKind::Concession => "a concession",
            MoveKind::Selfish => "a selfish move",
            MoveKind::Fortunate => "a move good for both",
            MoveKind::Unfortunate => "a move bad for both",
            MoveKind::Nice => "a free gift",
            MoveKind::Silent => "no real change",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::domain::tests::package;

    #[test]
    fn a_side_that_holds_an_issue_is_thought_to_weigh_it() {
        let mut m = FrequencyModel::new(&[3, 3, 3]);
        m.observe(&package(&[0, 0, 0]));
        m.observe(&package(&[0, 1, 2]));
        m.observe(&package(&[0, 2, 1]));
        assert_eq!(m.heaviest_issue(), None, "three asks are too few to say");
        m.observe(&package(&[0, 1, 1]));
        assert_eq!(m.heaviest_issue(), Some(IssueId(0)));
        assert!((m.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!((m.value(IssueId(0), Choice(0)) - 1.0).abs() < 1e-12);
        assert!(m.value(IssueId(0), Choice(1)) < 0.5);
        assert!(m.estimate(&package(&[0, 0, 0])) > m.estimate(&package(&[2, 0, 0])));
    }

    #[test]
    fn a_fresh_model_is_indifferent_and_says_so() {
        let m = FrequencyModel::new(&[2, 4]);
        assert_eq!(m.heaviest_issue(), None);
        assert!((m.estimate(&package(&[0, 0])) - m.estimate(&package(&[1, 3]))).abs() < 1e-12);
    }

    #[test]
    fn a_malformed_package_is_ignored() {
        let mut m = FrequencyModel::new(&[2, 2]);
        m.observe(&package(&[1]));
        assert_eq!(m.observations(), 0);
    }

    #[test]
    fn moves_are_labelled_as_in_hindriks_jonker_tykhonov() {
        assert_eq!(MoveKind::of(0.1, -0.1), MoveKind::Concession);
        assert_eq!(MoveKind::of(-0.1, 0.1), MoveKind::Selfish);
        assert_eq!(MoveKind::of(0.1, 0.1), MoveKind::Fortunate);
        assert_eq!(MoveKind::of(-0.1, -0.1), MoveKind::Unfortunate);
        assert_eq!(MoveKind::of(0.1, 0.0), MoveKind::Nice);
        assert_eq!(MoveKind::of(0.0, 0.0), MoveKind::Silent);
    }
}
