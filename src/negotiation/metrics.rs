//! How good a deal is: the Pareto frontier of the space, the Nash and Kalai–Smorodinsky points,
//! and the distance of an outcome to each (utilities in [0, 1]).

use super::domain::Domain;
use super::preferences::Preferences;
use crate::model::{Choice, IssueId};

/// A pair of utilities (side A, side B).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutcomePoint {
    pub a: f64,
    pub b: f64,
}

impl OutcomePoint {
    pub fn distance(self, other: OutcomePoint) -> f64 {
        libm::hypot(self.a - other.a, self.b - other.b)
    }
}

/// The Pareto-optimal outcomes of a space, sorted by rising utility for A.
#[derive(Clone, Debug, PartialEq)]
pub struct Frontier {
    pub points: Vec<OutcomePoint>,
}

impl Frontier {
    /// Enumerates every allowed package and keeps the undominated utility pairs.
    pub fn of(
        domain: &Domain,
        a: &Preferences,
        b: &Preferences,
        allowed: &dyn Fn(IssueId, Choice) -> bool,
    ) -> Frontier {
        let mut all = Vec::new();
        // A domain too large to name yields no frontier rather than a truncated one.
        if domain
            .for_each_package(allowed, &mut |p| {
                all.push(OutcomePoint {
                    a: a.utility(p),
                    b: b.utility(p),
                });
            })
            .is_err()
        {
            return Frontier { points: Vec::new() };
        }
        Frontier::from_points(all)
    }

    /// Keeps the undominated points of a cloud.
    pub fn from_points(mut all: Vec<OutcomePoint>) -> Frontier {
        // Sort by A descending (B descending on ties); sweep keeping points that beat the best B so far.
        all.sort_by(|x, y| y.a.total_cmp(&x.a).then(y.b.total_cmp(&x.b)));
        let mut points = Vec::new();
        let mut best_b = f64::NEG_INFINITY;
        for p in all {
            if p.b > best_b {
                points.push(p);
                best_b = p.b;
            }
        }
        points.reverse();
        Frontier { points }
    }

    /// Euclidean distance from an outcome to the nearest frontier point (0 when on it).
    pub fn distance(&self, p: OutcomePoint) -> f64 {
        self.points
            .iter()
            .map(|f| f.distance(p))
            .fold(f64::INFINITY, f64::min)
    }

    /// The frontier point maximising (uA − rA)(uB − rB) among those above both reservations.
    pub fn nash_point(&self, reservation: OutcomePoint) -> Option<OutcomePoint> {
        self.points
            .iter()
            .filter(|p| p.a >= reservation.a && p.b >= reservation.b)
            .max_by(|x, y| {
                let px = (x.a - reservation.a) * (x.b - reservation.b);
                let py = (y.a - reservation.a) * (y.b - reservation.b);
                px.total_cmp(&py)
            })
            .copied()
    }

    /// The frontier point where both sides get the same share of their best possible gain.
    pub fn kalai_smorodinsky_point(&self, reservation: OutcomePoint) -> Option<OutcomePoint> {
        let rational: Vec<_> = self
            .points
            .iter()
            .filter(|p| p.a >= reservation.a && p.b >= reservation.b)
            .copied()
            .collect();
        let best_a = rational.iter().map(|p| p.a).fold(f64::NAN, f64::max);
        let best_b = rational.iter().map(|p| p.b).fold(f64::NAN, f64::max);
        let span_a = (best_a - reservation.a).max(1e-9);
        let span_b = (best_b - reservation.b).max(1e-9);
        rational.into_iter().max_by(|x, y| {
            let sx = ((x.a - reservation.a) / span_a).min((x.b - reservation.b) / span_b);
            let sy = ((y.a - reservation.a) / span_a).min((y.b - reservation.b) / span_b);
            sx.total_cmp(&sy)
        })
    }
}

/// How good one deal is against the space it was struck in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DealQuality {
    pub deal: OutcomePoint,
    /// Distance to the nearest Pareto-optimal outcome.
    pub to_pareto: f64,
    /// Distance to the Nash bargaining solution (infinite when no outcome is rational for both).
    pub to_nash: f64,
    pub to_kalai_smorodinsky: f64,
    /// Sum of both utilities.
    pub welfare: f64,
    /// Both sides at or above their reservation values.
    pub rational: bool,
}

impl DealQuality {
    pub fn of(frontier: &Frontier, reservation: OutcomePoint, deal: OutcomePoint) -> DealQuality {
        let to = |p: Option<OutcomePoint>| p.map_or(f64::INFINITY, |p| p.distance(deal));
        DealQuality {
            deal,
            to_pareto: frontier.distance(deal),
            to_nash: to(frontier.nash_point(reservation)),
            to_kalai_smorodinsky: to(frontier.kalai_smorodinsky_point(reservation)),
            welfare: deal.a + deal.b,
            rational: deal.a + 1e-12 >= reservation.a && deal.b + 1e-12 >= reservation.b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::domain::tests::package;
    use crate::negotiation::domain::tests::toy;
    use crate::negotiation::preferences::tests::toy_pair;

    fn frontier() -> Frontier {
        let (a, b) = toy_pair();
        Frontier::of(&toy(), &a, &b, &|_, _| true)
    }

    #[test]
    fn frontier_points_are_undominated() {
        let f = frontier();
        assert!(!f.points.is_empty());
        for p in &f.points {
            for q in &f.points {
                let dominates = q.a >= p.a && q.b >= p.b && (q.a > p.a || q.b > p.b);
                assert!(!dominates, "{q:?} dominates {p:?}");
            }
        }
        for w in f.points.windows(2) {
            assert!(w[0].a < w[1].a && w[0].b > w[1].b);
        }
    }

    #[test]
    fn logroll_is_on_the_frontier_and_compromise_is_not() {
        let (a, b) = toy_pair();
        let f = frontier();
        // A wins its big issue, B wins its big issue: the integrative deal.
        let logroll = OutcomePoint {
            a: a.utility(&package(&[0, 1])),
            b: b.utility(&package(&[0, 1])),
        };
        assert!(f.distance(logroll) < 1e-12);
        let split = OutcomePoint {
            a: a.utility(&package(&[1, 2])),
            b: b.utility(&package(&[1, 2])),
        };
        assert!(f.distance(split) > 0.05);
    }

    #[test]
    fn nash_point_respects_reservations() {
        let f = frontier();
        let r = OutcomePoint { a: 0.6, b: 0.6 };
        let n = f.nash_point(r).expect("a rational deal exists");
        assert!(n.a >= 0.6 && n.b >= 0.6);
        assert!(f.nash_point(OutcomePoint { a: 1.0, b: 1.0 }).is_none());
        let ks = f
            .kalai_smorodinsky_point(r)
            .expect("a rational deal exists");
        assert!(ks.a >= 0.6 && ks.b >= 0.6);
    }
}

#[cfg(test)]
mod quality_tests {
    use super::*;

    #[test]
    fn a_deal_on_the_nash_point_scores_zero_distances() {
        let f = Frontier::from_points(vec![
            OutcomePoint { a: 0.9, b: 0.2 },
            OutcomePoint { a: 0.6, b: 0.6 },
            OutcomePoint { a: 0.2, b: 0.9 },
            OutcomePoint { a: 0.3, b: 0.3 },
        ]);
        let r = OutcomePoint { a: 0.1, b: 0.1 };
        let q = DealQuality::of(&f, r, OutcomePoint { a: 0.6, b: 0.6 });
        assert!(q.to_pareto < 1e-12 && q.to_nash < 1e-12 && q.rational);
        assert!((q.welfare - 1.2).abs() < 1e-12);
        let poor = DealQuality::of(
            &f,
            OutcomePoint { a: 0.4, b: 0.1 },
            OutcomePoint { a: 0.3, b: 0.3 },
        );
        assert!(poor.to_pareto > 0.2 && !poor.rational);
    }
}
