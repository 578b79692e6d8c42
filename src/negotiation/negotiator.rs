//! A negotiator that proposes and responds given time and history: Faratin time-dependent
//! concession towards its reservation value, Nice-tit-for-tat reciprocity, Pareto-seeking offers
//! through a frequency model of the other side, and AC_next acceptance. It knows nothing of the
//! game; the game's delegations use the same pieces with the state of the world as input.

use super::domain::Package;
use super::opponent::FrequencyModel;
use super::preferences::Preferences;
use super::space::Space;
use crate::model::Choice;

/// How a negotiator concedes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tactic {
    /// Faratin exponent e: below 1 holds firm (Boulware), 1 is linear, above 1 concedes early.
    pub exponent: f64,
    /// Share of the range conceded at once (Faratin's k).
    pub k: f64,
    /// Width of the band of own utility above the target in which offers are looked for.
    pub band: f64,
    /// How much of the other side's concession (in own utility) is given back (μ).
    pub reciprocity: f64,
}

impl Tactic {
    /// A tactic with the usual constants and the given exponent.
    pub fn with_exponent(exponent: f64) -> Tactic {
        Tactic {
            exponent,
            k: 0.0,
            band: 0.03,
            reciprocity: 0.3,
        }
    }
}

/// Faratin's polynomial decision function in utility space:
/// u*(t) = r + (u_max − r)(1 − F(t)), F(t) = k + (1 − k)·t^(1/e).
pub fn faratin_target(reservation: f64, top: f64, t: f64, k: f64, exponent: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    let f = k + (1.0 - k) * libm::pow(t, 1.0 / exponent.max(1e-3));
    reservation + (top - reservation).max(0.0) * (1.0 - f)
}

/// One side in a bilateral negotiation over a [`Space`].
#[derive(Clone, Debug)]
pub struct Negotiator {
    pub prefs: Preferences,
    pub reservation: f64,
    pub tactic: Tactic,
    /// Packages this side may sign (outside its red lines and ratifiable), by index, with their
    /// utility, sorted by rising utility.
    acceptable: Vec<(f64, u32)>,
    admissible: Vec<bool>,
    pub model: FrequencyModel,
    /// Own utility of the other side's last offer, to measure its concessions.
    last_received: Option<f64>,
    last_offer_received: Option<Package>,
    /// Utility given back for the other side's concessions so far.
    given_back: f64,
}

impl Negotiator {
    /// A negotiator that signs only packages passing `admissible` (its red lines, its
    /// ratification) and never below `reservation`.
    pub fn new(
        space: &Space,
        prefs: Preferences,
        reservation: f64,
        tactic: Tactic,
        admissible: &dyn Fn(&[Choice]) -> bool,
    ) -> Negotiator {
        let admissible: Vec<bool> = space.iter().map(admissible).collect();
        let mut acceptable: Vec<(f64, u32)> = space
            .iter()
            .enumerate()
            .filter(|(i, _)| admissible[*i])
            .map(|(i, p)| (prefs.utility(p), i as u32))
            .filter(|(u, _)| *u >= reservation)
            .collect();
        acceptable.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let model = FrequencyModel::mirroring(&prefs.values);
        Negotiator {
            prefs,
            reservation,
            tactic,
            acceptable,
            admissible,
            model,
            last_received: None,
            last_offer_received: None,
            given_back: 0.0,
        }
    }

    /// The best utility this side could sign.
    pub fn top(&self) -> f64 {
        self.acceptable.last().map_or(self.reservation, |a| a.0)
    }

    /// Whether any package is worth signing at all.
    pub fn has_options(&self) -> bool {
        !self.acceptable.is_empty()
    }

    /// What this side still hopes for at relative time `t` in [0, 1].
    pub fn target(&self, t: f64) -> f64 {
        let base = faratin_target(
            self.reservation,
            self.top(),
            t,
            self.tactic.k,
            self.tactic.exponent,
        );
        (base - self.given_back).max(self.reservation)
    }

    /// Learns from the other side's offer: its preferences (frequency model) and how much it
    /// conceded, part of which is given back (reciprocity).
    pub fn observe(&mut self, offer: &[Choice]) {
        let u = self.prefs.utility(offer);
        if let Some(before) = self.last_received
            && u > before
        {
            self.given_back += self.tactic.reciprocity * (u - before);
        }
        self.last_received = Some(u);
        self.last_offer_received = Some(offer.to_vec());
        self.model.observe(offer);
    }

    /// The offer at time `t`: among signable packages within the band above the target, the one
    /// the other side is estimated to like best, ties broken towards its last offer.
    pub fn propose(&self, space: &Space, t: f64) -> Option<usize> {
        let target = self.target(t);
        let start = self.acceptable.partition_point(|a| a.0 < target);
        if start == self.acceptable.len() {
            return self.acceptable.last().map(|a| a.1 as usize);
        }
        let ceiling = self.acceptable[start].0.max(target) + self.tactic.band;
        let similarity = |p: &[Choice]| {
            self.last_offer_received
                .as_ref()
                .map_or(0, |o| o.iter().zip(p).filter(|(a, b)| a == b).count())
        };
        self.acceptable[start..]
            .iter()
            .take_while(|a| a.0 <= ceiling)
            .map(|&(u, i)| {
                let p = space.get(i as usize);
                (self.model.estimate(p), similarity(p), -u, i)
            })
            .max_by(|x, y| {
                x.0.total_cmp(&y.0)
                    .then(x.1.cmp(&y.1))
                    .then(x.2.total_cmp(&y.2))
                    .then(y.3.cmp(&x.3))
            })
            .map(|x| x.3 as usize)
    }

    /// Whether this side may sign a package at all.
    pub fn may_sign(&self, space: &Space, package: &[Choice]) -> bool {
        space
            .index_of(package)
            .is_some_and(|i| self.admissible[i] && self.prefs.utility(package) >= self.reservation)
    }

    /// AC_next: accept what is worth at least the next own offer; in the last step, anything
    /// signable beats no deal.
    pub fn accepts(&self, space: &Space, package: &[Choice], t_next: f64, last_step: bool) -> bool {
        self.may_sign(space, package)
            && (last_step || self.prefs.utility(package) >= self.target(t_next))
    }
}

/// How a bilateral session ended.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionResult {
    /// The package both signed, if any.
    pub agreement: Option<Package>,
    /// Offers made before the end.
    pub offers: u32,
    /// Relative time of the end, in [0, 1].
    pub time: f64,
}

/// Stacked alternating offers between two negotiators, `first` opening, for `steps` steps
/// (NegMAS time: (step + 1) / (steps + 1)). Each offer is answered by the other side, which
/// either signs it or makes its own.
pub fn alternating_offers(
    space: &Space,
    first: &mut Negotiator,
    second: &mut Negotiator,
    steps: u32,
) -> SessionResult {
    let time = |s: u32| f64::from(s + 1) / f64::from(steps + 1);
    let mut offers = 0;
    for step in 0..steps {
        for turn in 0..2 {
            let (mover, other) = if turn == 0 {
                (&mut *first, &mut *second)
            } else {
                (&mut *second, &mut *first)
            };
            let Some(index) = mover.propose(space, time(step)) else {
                continue;
            };
            let offer = space.get(index).to_vec();
            offers += 1;
            other.observe(&offer);
            let last = step + 1 == steps && turn == 1;
            let t_next = time((step + 1).min(steps - 1));
            if other.accepts(space, &offer, t_next, last) {
                return SessionResult {
                    agreement: Some(offer),
                    offers,
                    time: time(step),
                };
            }
        }
    }
    SessionResult {
        agreement: None,
        offers,
        time: 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::domain::tests::package;
    use crate::negotiation::domain::tests::toy;
    use crate::negotiation::preferences::tests::toy_pair;

    #[test]
    fn the_target_falls_from_the_top_to_the_reservation() {
        assert!((faratin_target(0.4, 1.0, 0.0, 0.0, 1.0) - 1.0).abs() < 1e-12);
        assert!((faratin_target(0.4, 1.0, 1.0, 0.0, 1.0) - 0.4).abs() < 1e-12);
        let boulware = faratin_target(0.4, 1.0, 0.5, 0.0, 0.2);
        let conceder = faratin_target(0.4, 1.0, 0.5, 0.0, 2.0);
        assert!(boulware > conceder, "{boulware} > {conceder}");
    }

    #[test]
    fn two_negotiators_trade_across_issues() {
        let d = toy();
        let space = Space::new(&d, &|_, _| true);
        let (a, b) = toy_pair();
        let mut na = Negotiator::new(&space, a.clone(), 0.3, Tactic::with_exponent(1.0), &|_| {
            true
        });
        let mut nb = Negotiator::new(&space, b.clone(), 0.3, Tactic::with_exponent(1.0), &|_| {
            true
        });
        let r = alternating_offers(&space, &mut na, &mut nb, 20);
        let deal = r.agreement.expect("a deal on a domain with joint gains");
        assert!(a.utility(&deal) >= 0.3 && b.utility(&deal) >= 0.3);
        // The logroll: A keeps issue a (which it weighs 0.7), B keeps issue b.
        assert_eq!(deal, package(&[0, 1]));
    }

    #[test]
    fn nothing_below_the_reservation_or_outside_admissible_is_offered_or_signed() {
        let d = toy();
        let space = Space::new(&d, &|_, _| true);
        let (a, b) = toy_pair();
        let no_a0 = |p: &[Choice]| p[0] != Choice(0);
        let na = Negotiator::new(&space, a.clone(), 0.2, Tactic::with_exponent(0.5), &no_a0);
        for step in 0..10 {
            let i = na
                .propose(&space, f64::from(step) / 10.0)
                .expect("an offer");
            assert!(no_a0(space.get(i)));
            assert!(a.utility(space.get(i)) >= 0.2);
        }
        assert!(!na.accepts(&space, &package(&[0, 0]), 1.0, true));
        let nb = Negotiator::new(
            &space,
            b,
            0.5,
            Tactic::with_exponent(1.0),
            &|p: &[Choice]| p[1] == Choice(0),
        );
        assert!(!nb.has_options());
        assert_eq!(nb.propose(&space, 0.5), None);
    }

    #[test]
    fn reciprocity_lowers_the_target_after_a_concession() {
        let d = toy();
        let space = Space::new(&d, &|_, _| true);
        let (a, _) = toy_pair();
        let mut na = Negotiator::new(&space, a, 0.2, Tactic::with_exponent(1.0), &|_| true);
        let before = na.target(0.3);
        na.observe(&package(&[2, 1]));
        na.observe(&package(&[1, 1]));
        assert!(na.target(0.3) < before);
    }
}
