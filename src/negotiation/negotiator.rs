//! A negotiator that proposes, responds and observes given the time and history, and cannot be
//! exploited by waiting: it concedes as far as the other side has actually conceded (measured in
//! the other side's utility through the frequency model) or as the deadline presses, whichever
//! is further, never further than its time curve allows; it mirrors net concessions only
//! (retractions count against, capped and fading); it estimates the other side's reservation and
//! the best offer still to come; its offers seek the Pareto frontier through the model. Every
//! decision carries a structured [`Reason`], and a per-offer trace is kept. It knows nothing of
//! the game.

use serde::Serialize;

use super::domain::Package;
use super::opponent::FrequencyModel;
use super::preferences::Preferences;
use super::space::Space;
use crate::model::{Choice, Persona};

/// How a negotiator concedes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Tactic {
    /// Faratin exponent e of the time curve: the most it may have conceded by time t. Below 1
    /// holds firm (Boulware), 1 is linear, above 1 concedes early.
    pub exponent: f64,
    /// Share of the range conceded at once (Faratin's k).
    pub k: f64,
    /// Width of the band of own utility above the target in which offers are looked for.
    pub band: f64,
    /// Share of the other side's concession (as a share of its range, in its estimated
    /// utility) matched by an equal share of one's own range.
    pub mirror: f64,
    /// Exponent of the deadline's pull, conceded whatever the other side does: small, so it
    /// only bites near the end (0.1 gives t^10).
    pub deadline: f64,
    /// How much of each net move of the other side's offers (in own utility, retractions
    /// negative) is given back at once (μ).
    pub reciprocity: f64,
    /// The most the give-back may ever amount to, in own utility.
    pub reciprocity_cap: f64,
    /// Share of the give-back kept from one offer to the next: it fades unless renewed.
    pub reciprocity_keep: f64,
    /// From this time on, an offer at least as good as the best one likely before the deadline
    /// is signed.
    pub endgame: f64,
}

impl Tactic {
    /// Holds out: concedes late and matches half of the other side's moves.
    pub const HAWK: Tactic = Tactic {
        exponent: 0.4,
        k: 0.0,
        band: 0.03,
        mirror: 0.5,
        deadline: 0.1,
        reciprocity: 0.1,
        reciprocity_cap: 0.03,
        reciprocity_keep: 0.8,
        endgame: 0.95,
    };

    /// Concedes linearly at most, and only three quarters as far as it is met or as the
    /// deadline presses.
    pub const PRAGMATIST: Tactic = Tactic {
        exponent: 1.0,
        k: 0.0,
        band: 0.03,
        mirror: 0.75,
        deadline: 0.15,
        reciprocity: 0.2,
        reciprocity_cap: 0.05,
        reciprocity_keep: 0.8,
        endgame: 0.92,
    };

    /// Gives early, as much as it is given, but still not to whoever merely waits.
    pub const DOVE: Tactic = Tactic {
        exponent: 2.0,
        k: 0.0,
        band: 0.03,
        mirror: 1.0,
        deadline: 0.25,
        reciprocity: 0.3,
        reciprocity_cap: 0.06,
        reciprocity_keep: 0.8,
        endgame: 0.9,
    };

    /// The tactic of a named persona.
    pub fn of(persona: Persona) -> Tactic {
        match persona {
            Persona::Hawk => Tactic::HAWK,
            Persona::Pragmatist => Tactic::PRAGMATIST,
            Persona::Dove => Tactic::DOVE,
        }
    }

    /// The tactic named `hawk`, `pragmatist` or `dove`.
    pub fn named(name: &str) -> Option<Tactic> {
        match name {
            "hawk" => Some(Tactic::HAWK),
            "pragmatist" => Some(Tactic::PRAGMATIST),
            "dove" => Some(Tactic::DOVE),
            _ => None,
        }
    }
}

/// Faratin's polynomial decision function in utility space:
/// u*(t) = r + (u_max − r)(1 − F(t)), F(t) = k + (1 − k)·t^(1/e).
pub fn faratin_target(reservation: f64, top: f64, t: f64, k: f64, exponent: f64) -> f64 {
    reservation + (top - reservation).max(0.0) * (1.0 - faratin_share(t, k, exponent))
}

/// F(t): the share of the range conceded by time t.
fn faratin_share(t: f64, k: f64, exponent: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    k + (1.0 - k) * libm::pow(t, 1.0 / exponent.max(1e-3))
}

/// What a decision was, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// An offer near the target, the one the other side is thought to like best.
    Offer,
    /// The other side's best offer so far already meets the target: it is offered back.
    RepeatBest,
    /// The last offer of the session: the best of the other side's offers that this side can
    /// sign (it has shown it can sign them), else packages as good as its best offer that it
    /// seems likeliest to sign, rather than a demand that ends the session without a deal.
    LastOffer,
    /// Nothing is signable: walk away.
    NothingSignable,
    /// The offer meets what this side still hopes for.
    MeetsTarget,
    /// The offer meets the target, but a package as good for this side seems clearly better
    /// for the other: it is rejected and that package offered instead, for a deal nearer the
    /// Pareto frontier.
    Improves,
    /// Late in the session, the offer is as good as any likely before the deadline.
    BestLikely,
    /// The last answer of the session: anything signable beats no deal.
    LastAnswer,
    /// The offer is below what this side still hopes for.
    BelowTarget,
    /// The offer crosses a red line, is outside the space or below the walk-away value.
    NotSignable,
}

/// The figures behind one decision, all in own utility unless said otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Reason {
    pub why: Why,
    /// Relative time of the decision, in [0, 1].
    pub time: f64,
    /// Own utility of the package offered or answered (0 when there is none).
    pub utility: f64,
    /// What this side still hopes for.
    pub target: f64,
    /// Where the time curve alone would put the target.
    pub time_target: f64,
    /// Share of its range the other side has conceded, in its estimated utility.
    pub other_conceded: f64,
    /// Utility given back for the other side's net moves (capped, fading).
    pub given_back: f64,
    /// Estimated reservation value of the other side, in its estimated utility.
    pub other_reservation: f64,
    /// The best own utility the other side is likely to offer before the deadline.
    pub likely_best: f64,
}

/// A move of the proposing side.
#[derive(Clone, Debug, PartialEq)]
pub enum Proposal {
    /// Offer the package at this index of the space.
    Offer { index: usize, reason: Reason },
    /// End the session without a deal.
    WalkAway { reason: Reason },
}

/// An answer to the other side's offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Accept,
    Reject,
    End,
}

/// One entry of the per-offer trace.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TraceEntry {
    /// Whether this side made the offer (else it answered or observed it).
    pub own: bool,
    pub package: Package,
    pub answer: Option<Answer>,
    pub reason: Reason,
}

/// Own utilities of the signable packages, sorted, with the admissible mask: everything a
/// negotiator needs from a space that does not depend on its walk-away value, so a sweep can
/// build it once per side and reuse it for every session.
#[derive(Clone, Debug)]
pub struct Ranking {
    /// (utility, index) of the admissible packages, by rising utility.
    ranked: Vec<(f64, u32)>,
    admissible: Vec<bool>,
}

impl Ranking {
    /// Ranks the packages of `space` passing `admissible` by their utility under `prefs`.
    pub fn new(space: &Space, prefs: &Preferences, admissible: &dyn Fn(&[Choice]) -> bool) -> Self {
        let admissible: Vec<bool> = space.iter().map(admissible).collect();
        let mut ranked: Vec<(f64, u32)> = space
            .iter()
            .enumerate()
            .filter(|(i, _)| admissible[*i])
            .map(|(i, p)| (prefs.utility(p), i as u32))
            .collect();
        ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        Ranking { ranked, admissible }
    }
}

/// One side in a bilateral negotiation over a [`Space`].
#[derive(Clone, Debug)]
pub struct Negotiator {
    pub prefs: Preferences,
    pub reservation: f64,
    pub tactic: Tactic,
    /// Packages this side may sign (outside its red lines and ratifiable), by index, with their
    /// utility, sorted by rising utility, none below the reservation.
    acceptable: Vec<(f64, u32)>,
    admissible: Vec<bool>,
    pub model: FrequencyModel,
    /// The other side's offers so far, with the time each was received and its own utility.
    received: Vec<(f64, f64, Package)>,
    /// Index into `received` of the best offer for this side.
    best_received: Option<usize>,
    /// Utility given back for the other side's net moves so far (capped, fading).
    given_back: f64,
    /// A package found better for both than an offer just turned down (`Why::Improves`), to be
    /// offered next.
    improvement: Option<u32>,
    trace: Vec<TraceEntry>,
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
        let ranking = Ranking::new(space, &prefs, admissible);
        Negotiator::ranked(&ranking, prefs, reservation, tactic)
    }

    /// A negotiator from a ranking built once for these preferences over the same space.
    pub fn ranked(
        ranking: &Ranking,
        prefs: Preferences,
        reservation: f64,
        tactic: Tactic,
    ) -> Negotiator {
        let start = ranking.ranked.partition_point(|a| a.0 < reservation);
        let model = FrequencyModel::mirroring(&prefs.values);
        Negotiator {
            prefs,
            reservation,
            tactic,
            acceptable: ranking.ranked[start..].to_vec(),
            admissible: ranking.admissible.clone(),
            model,
            received: Vec::new(),
            best_received: None,
            given_back: 0.0,
            improvement: None,
            trace: Vec::new(),
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

    /// Utility given back so far for the other side's net moves.
    pub fn given_back(&self) -> f64 {
        self.given_back
    }

    /// The other side's last offer, if any.
    pub fn last_received(&self) -> Option<&[Choice]> {
        self.received.last().map(|r| r.2.as_slice())
    }

    /// The other side's best offer so far for this side, with its utility.
    pub fn best_received(&self) -> Option<(&[Choice], f64)> {
        self.best_received
            .map(|i| (self.received[i].2.as_slice(), self.received[i].1))
    }

    /// Every offer made, answered or observed, in order, with its reason.
    pub fn trace(&self) -> &[TraceEntry] {
        &self.trace
    }

    /// Share of its range the other side has conceded, in its own utility as the model
    /// estimates it: from its first offer to the best (for it) of its last three, so offers
    /// that merely go up and down count as no concession.
    pub fn other_conceded(&self) -> f64 {
        let Some(first) = self.received.first() else {
            return 0.0;
        };
        let start = self.model.estimate(&first.2);
        let recent = self
            .received
            .iter()
            .rev()
            .take(3)
            .map(|r| self.model.estimate(&r.2))
            .fold(f64::NEG_INFINITY, f64::max);
        (start - recent).clamp(0.0, 1.0)
    }

    /// Estimated reservation value of the other side, in its estimated utility: where its
    /// offers are heading at the pace they have moved, by the deadline.
    pub fn other_reservation(&self, t: f64) -> f64 {
        let Some(first) = self.received.first() else {
            return 0.0;
        };
        let now = self
            .received
            .last()
            .map_or(1.0, |r| self.model.estimate(&r.2));
        let elapsed = (t - first.0).max(1e-9);
        let pace = (self.model.estimate(&first.2) - now).max(0.0) / elapsed;
        (now - pace * (1.0 - t).max(0.0)).clamp(0.0, now)
    }

    /// The best own utility the other side is likely to offer before the deadline: its best so
    /// far, raised by the pace its recent offers have been rising at.
    pub fn likely_best(&self, t: f64) -> f64 {
        let Some(best) = self.best_received else {
            return self.top();
        };
        let best_u = self.received[best].1;
        let window = self.received.len().min(8);
        let pace = if window >= 2 {
            let old = &self.received[self.received.len() - window];
            let new = &self.received[self.received.len() - 1];
            ((new.1 - old.1) / (new.0 - old.0).max(1e-9)).max(0.0)
        } else {
            0.0
        };
        (best_u + pace * (1.0 - t).max(0.0)).min(self.top())
    }

    /// What this side still hopes for at relative time `t` in [0, 1]: it has conceded as far
    /// as the other side has (mirrored) or as the deadline presses, whichever is further, but
    /// never further than its time curve, less what it gives back.
    pub fn target(&self, t: f64) -> f64 {
        self.reason(Why::Offer, t, 0.0).target
    }

    fn reason(&self, why: Why, t: f64, utility: f64) -> Reason {
        let top = self.top();
        let span = (top - self.reservation).max(0.0);
        let by_time = faratin_share(t, self.tactic.k, self.tactic.exponent);
        let conceded = self.other_conceded();
        let met = (self.tactic.mirror * conceded).min(1.0);
        let pressed = faratin_share(t, 0.0, self.tactic.deadline);
        let share = by_time.min(met.max(pressed));
        let time_target = top - span * by_time;
        let target = (top - span * share - self.given_back)
            .max(time_target)
            .clamp(self.reservation, top);
        Reason {
            why,
            time: t,
            utility,
            target,
            time_target,
            other_conceded: conceded,
            given_back: self.given_back,
            other_reservation: self.other_reservation(t),
            likely_best: self.likely_best(t),
        }
    }

    /// Learns from the other side's offer at time `t`: its preferences (frequency model), how
    /// far it has come, and its net move, part of which is given back. A retraction takes the
    /// give-back down as a concession puts it up; it fades unless renewed and never exceeds the
    /// cap, so offers that merely go up and down move nothing.
    pub fn observe(&mut self, offer: &[Choice], t: f64) {
        let u = self.prefs.utility(offer);
        if let Some(&(_, before, _)) = self.received.last() {
            let moved = self.tactic.reciprocity * (u - before);
            self.given_back = (self.given_back * self.tactic.reciprocity_keep + moved)
                .clamp(0.0, self.tactic.reciprocity_cap);
        }
        if self.best_received.is_none_or(|b| u > self.received[b].1) {
            self.best_received = Some(self.received.len());
        }
        self.received.push((t, u, offer.to_vec()));
        self.model.observe(offer);
    }

    /// The move at time `t`: walk away when nothing is signable; offer back the other side's
    /// best offer when it already meets the target, or when this is the `last` offer of the
    /// session (the caller knows); else, among signable packages within the band above the
    /// target, the one the other side is estimated to like best, ties broken towards its last
    /// offer.
    pub fn propose(&mut self, space: &Space, t: f64, last: bool) -> Proposal {
        let improvement = self.improvement.take();
        let proposal = match improvement {
            Some(index) if !last => {
                let u = self.prefs.utility(space.get(index as usize));
                Proposal::Offer {
                    index: index as usize,
                    reason: self.reason(Why::Improves, t, u),
                }
            }
            _ => self.choose(space, t, last),
        };
        if let Proposal::Offer { index, reason } = &proposal {
            self.trace.push(TraceEntry {
                own: true,
                package: space.get(*index).to_vec(),
                answer: None,
                reason: *reason,
            });
        }
        proposal
    }

    fn choose(&self, space: &Space, t: f64, last: bool) -> Proposal {
        if !self.has_options() {
            return Proposal::WalkAway {
                reason: self.reason(Why::NothingSignable, t, 0.0),
            };
        }
        let target = self.target(t);
        if let Some((best, u)) = self.best_received()
            && u >= target
            && let Some(index) = space.index_of(best)
            && self.admissible[index]
            && u >= self.reservation
        {
            return Proposal::Offer {
                index,
                reason: self.reason(Why::RepeatBest, t, u),
            };
        }
        if last
            && let Some((u, index)) = self
                .received
                .iter()
                .filter_map(|r| space.index_of(&r.2).map(|i| (r.1, i)))
                .filter(|&(u, i)| self.admissible[i] && u >= self.reservation)
                .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
        {
            // Every package the other side offered is one it can sign: the best of them that
            // this side can sign too is a deal, where a demand would end the session without one.
            return Proposal::Offer {
                index,
                reason: self.reason(Why::LastOffer, t, u),
            };
        }
        // The last offer, when the other side's best cannot be signed here: as good for this
        // side as that best and no better, among the packages the other side is likeliest to sign.
        let (target, why) = if last {
            let floor = self.best_received().map_or(self.reservation, |b| b.1);
            (floor.max(self.reservation), Why::LastOffer)
        } else {
            (target, Why::Offer)
        };
        let start = self.acceptable.partition_point(|a| a.0 < target);
        let start = start.min(self.acceptable.len() - 1);
        let ceiling = self.acceptable[start].0.max(target) + self.tactic.band;
        let last = self.last_received();
        let similarity =
            |p: &[Choice]| last.map_or(0, |o| o.iter().zip(p).filter(|(a, b)| a == b).count());
        let (u, index) = self.acceptable[start..]
            .iter()
            .take_while(|a| a.0 <= ceiling)
            .map(|&(u, i)| {
                let p = space.get(i as usize);
                (self.model.estimate(p), similarity(p), u, i)
            })
            .max_by(|x, y| {
                x.0.total_cmp(&y.0)
                    .then(x.1.cmp(&y.1))
                    .then(y.2.total_cmp(&x.2))
                    .then(y.3.cmp(&x.3))
            })
            .map_or_else(|| self.acceptable[start], |x| (x.2, x.3));
        Proposal::Offer {
            index: index as usize,
            reason: self.reason(why, t, u),
        }
    }

    /// A signable package at least as good for this side as `offer` (worth `u`) and within the
    /// band above it, that the other side is estimated to like clearly more than `offer`.
    fn improvement_on(&self, space: &Space, offer: &[Choice], u: f64) -> Option<u32> {
        const CLEARLY: f64 = 0.05;
        let theirs = self.model.estimate(offer);
        let start = self.acceptable.partition_point(|a| a.0 < u);
        self.acceptable[start..]
            .iter()
            .take_while(|a| a.0 <= u + self.tactic.band)
            .map(|&(_, i)| (self.model.estimate(space.get(i as usize)), i))
            .filter(|&(e, _)| e >= theirs + CLEARLY)
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
            .map(|x| x.1)
    }

    /// Whether this side may sign a package at all.
    pub fn may_sign(&self, space: &Space, package: &[Choice]) -> bool {
        space
            .index_of(package)
            .is_some_and(|i| self.admissible[i] && self.prefs.utility(package) >= self.reservation)
    }

    /// Answers the other side's offer at time `t` (observing it first): sign what meets the
    /// target; late on, sign what is as good as the best offer likely before the deadline; on
    /// the `last` answer of the session, anything signable beats no deal. Walk away only when
    /// nothing at all is signable.
    pub fn respond(
        &mut self,
        space: &Space,
        offer: &[Choice],
        t: f64,
        last: bool,
    ) -> (Answer, Reason) {
        self.observe(offer, t);
        let u = self.prefs.utility(offer);
        let target = self.target(t);
        let (answer, why) = if !self.has_options() {
            (Answer::End, Why::NothingSignable)
        } else if !self.may_sign(space, offer) {
            (Answer::Reject, Why::NotSignable)
        } else if u >= target
            && !last
            && t < self.tactic.endgame
            && let Some(better) = self.improvement_on(space, offer, u)
        {
            self.improvement = Some(better);
            (Answer::Reject, Why::Improves)
        } else if u >= target {
            (Answer::Accept, Why::MeetsTarget)
        } else if last {
            (Answer::Accept, Why::LastAnswer)
        } else if t >= self.tactic.endgame && u >= self.likely_best(t) - 1e-9 {
            (Answer::Accept, Why::BestLikely)
        } else {
            (Answer::Reject, Why::BelowTarget)
        };
        let reason = self.reason(why, t, u);
        self.trace.push(TraceEntry {
            own: false,
            package: offer.to_vec(),
            answer: Some(answer),
            reason,
        });
        (answer, reason)
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
    /// Whether a side walked away (else the session ran out of time or ended in a deal).
    pub walked_away: bool,
    /// Every offer in order: who made it (true for `first`), the package, and the answer with
    /// the answering side's reason.
    pub trace: Vec<(bool, Package, Answer, Reason)>,
}

/// Alternating offers between two negotiators, `first` opening, for `steps` rounds in which
/// each side moves once (time (round + 1) / (steps + 1)), as in NegMAS's SAO: the side that
/// moves second gives the last answer, to the opener's offer of the last round.
pub fn alternating_offers(
    space: &Space,
    first: &mut Negotiator,
    second: &mut Negotiator,
    steps: u32,
) -> SessionResult {
    let time = |s: u32| f64::from(s + 1) / f64::from(steps + 1);
    let mut trace = Vec::new();
    let end = |agreement, trace, time, walked_away| SessionResult {
        agreement,
        offers: u32::try_from(Vec::len(&trace)).unwrap_or(u32::MAX),
        time,
        walked_away,
        trace,
    };
    for step in 0..steps {
        for turn in 0..2 {
            let last = step + 1 == steps;
            if last && turn == 1 {
                // The second side's counter in the last round would never be answered.
                break;
            }
            let (mover, other) = if turn == 0 {
                (&mut *first, &mut *second)
            } else {
                (&mut *second, &mut *first)
            };
            let index = match mover.propose(space, time(step), last) {
                Proposal::Offer { index, .. } => index,
                Proposal::WalkAway { .. } => return end(None, trace, time(step), true),
            };
            let offer = space.get(index).to_vec();
            let (answer, reason) = other.respond(space, &offer, time(step), last);
            trace.push((turn == 0, offer.clone(), answer, reason));
            match answer {
                Answer::Accept => return end(Some(offer), trace, time(step), false),
                Answer::End => return end(None, trace, time(step), true),
                Answer::Reject => {}
            }
        }
    }
    end(None, trace, 1.0, false)
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
        let space = Space::new(&d, &|_, _| true).unwrap();
        let (a, b) = toy_pair();
        let mut na = Negotiator::new(&space, a.clone(), 0.3, Tactic::PRAGMATIST, &|_| true);
        let mut nb = Negotiator::new(&space, b.clone(), 0.3, Tactic::PRAGMATIST, &|_| true);
        let r = alternating_offers(&space, &mut na, &mut nb, 20);
        let deal = r.agreement.expect("a deal on a domain with joint gains");
        assert!(a.utility(&deal) >= 0.3 && b.utility(&deal) >= 0.3);
        // The logroll: A keeps issue a (which it weighs 0.7), B keeps issue b.
        assert_eq!(deal, package(&[0, 1]));
        assert_eq!(r.trace.len() as u32, r.offers);
        assert_eq!(r.trace.last().unwrap().2, Answer::Accept);
    }

    #[test]
    fn nothing_below_the_reservation_or_outside_admissible_is_offered_or_signed() {
        let d = toy();
        let space = Space::new(&d, &|_, _| true).unwrap();
        let (a, b) = toy_pair();
        let no_a0 = |p: &[Choice]| p[0] != Choice(0);
        let mut na = Negotiator::new(&space, a.clone(), 0.2, Tactic::HAWK, &no_a0);
        for step in 0..10 {
            let Proposal::Offer { index, reason } =
                na.propose(&space, f64::from(step) / 10.0, false)
            else {
                panic!("an offer");
            };
            assert!(no_a0(space.get(index)));
            assert!(a.utility(space.get(index)) >= 0.2);
            assert!(reason.utility >= reason.target - 1e-12 || reason.why == Why::RepeatBest);
        }
        let (answer, reason) = na.respond(&space, &package(&[0, 0]), 1.0, true);
        assert_eq!((answer, reason.why), (Answer::Reject, Why::NotSignable));
        let mut nb = Negotiator::new(&space, b, 0.5, Tactic::PRAGMATIST, &|p: &[Choice]| {
            p[1] == Choice(0)
        });
        assert!(!nb.has_options());
        assert!(matches!(
            nb.propose(&space, 0.5, false),
            Proposal::WalkAway {
                reason: Reason {
                    why: Why::NothingSignable,
                    ..
                }
            }
        ));
    }

    /// A larger domain in which the opposed offers of the tests below can be told apart.
    fn wide() -> (Space, Preferences, Preferences) {
        use crate::negotiation::domain::{Domain, tests::plain_issue};
        let d = Domain {
            issues: (0..4)
                .map(|i| plain_issue(&format!("i{i}"), 5, false))
                .collect(),
        };
        let space = Space::new(&d, &|_, _| true).unwrap();
        let up = vec![1.0, 0.75, 0.5, 0.25, 0.0];
        let down: Vec<f64> = up.iter().rev().copied().collect();
        let a = Preferences::new(&d, vec![0.4, 0.3, 0.2, 0.1], vec![up; 4], vec![]).unwrap();
        let b = Preferences::new(&d, vec![0.1, 0.2, 0.3, 0.4], vec![down; 4], vec![]).unwrap();
        (space, a, b)
    }

    /// The package of `space` whose utility for `prefs` is nearest `u`.
    fn worth(space: &Space, prefs: &Preferences, u: f64) -> Package {
        space
            .iter()
            .min_by(|x, y| {
                (prefs.utility(x) - u)
                    .abs()
                    .total_cmp(&(prefs.utility(y) - u).abs())
            })
            .unwrap()
            .to_vec()
    }

    #[test]
    fn offers_that_go_up_and_down_do_not_drive_the_target_to_the_reservation() {
        let (space, a, _) = wide();
        let mut na = Negotiator::new(&space, a.clone(), 0.4, Tactic::PRAGMATIST, &|_| true);
        let low = worth(&space, &a, 0.0);
        let high = worth(&space, &a, 0.225);
        assert!(a.utility(&high) <= 0.23);
        for step in 0..100u32 {
            let t = f64::from(step + 1) / 101.0;
            let offer = if step % 2 == 0 { &low } else { &high };
            na.observe(offer, t);
            assert!(na.given_back() <= Tactic::PRAGMATIST.reciprocity_cap + 1e-12);
            if step == 14 {
                let target = na.target(t);
                assert!(
                    target > 0.9,
                    "step 15: target {target} should hold near the top"
                );
            }
        }
        assert!(na.target(0.5) > 0.9, "{}", na.target(0.5));
    }

    #[test]
    fn a_retraction_takes_back_what_a_concession_gave() {
        let (space, a, _) = wide();
        let mut na = Negotiator::new(&space, a.clone(), 0.2, Tactic::PRAGMATIST, &|_| true);
        na.observe(&worth(&space, &a, 0.1), 0.1);
        na.observe(&worth(&space, &a, 0.3), 0.2);
        let after_concession = na.given_back();
        assert!(after_concession > 0.0);
        na.observe(&worth(&space, &a, 0.1), 0.3);
        assert!(na.given_back() < 1e-12, "{}", na.given_back());
    }

    #[test]
    fn against_a_side_that_never_moves_it_holds_firm_until_the_deadline_presses() {
        let (space, a, b) = wide();
        let mut na = Negotiator::new(&space, a.clone(), 0.3, Tactic::PRAGMATIST, &|_| true);
        let theirs = worth(&space, &b, 1.0);
        for step in 0..60u32 {
            na.observe(&theirs, f64::from(step + 1) / 101.0);
        }
        let linear = faratin_target(0.3, na.top(), 0.6, 0.0, 1.0);
        let target = na.target(0.6);
        assert!(
            target > 0.9 && target > linear + 0.3,
            "{target} vs {linear}"
        );
        assert!(na.target(0.999) < 0.5, "the deadline pulls at the end");
    }

    #[test]
    fn against_a_side_that_concedes_it_concedes_too() {
        let (space, a, b) = wide();
        let mut na = Negotiator::new(&space, a.clone(), 0.3, Tactic::PRAGMATIST, &|_| true);
        for step in 0..40u32 {
            let t = f64::from(step + 1) / 101.0;
            na.observe(&worth(&space, &b, 1.0 - 1.5 * t), t);
        }
        let t = 40.0 / 101.0;
        let reason = na.reason(Why::Offer, t, 0.0);
        assert!(reason.other_conceded > 0.2, "{reason:?}");
        assert!(reason.target < 0.85, "{reason:?}");
        assert!(reason.target >= reason.time_target - 1e-12, "{reason:?}");
    }

    #[test]
    fn a_session_is_deterministic_and_never_below_a_walk_away() {
        let (space, a, b) = wide();
        let run = |first_a: bool| {
            let mut na = Negotiator::new(&space, a.clone(), 0.35, Tactic::HAWK, &|_| true);
            let mut nb = Negotiator::new(&space, b.clone(), 0.35, Tactic::DOVE, &|_| true);
            if first_a {
                alternating_offers(&space, &mut na, &mut nb, 100)
            } else {
                alternating_offers(&space, &mut nb, &mut na, 100)
            }
        };
        for first_a in [true, false] {
            let r = run(first_a);
            assert_eq!(r, run(first_a));
            let deal = r.agreement.expect("a deal");
            assert!(a.utility(&deal) >= 0.35 && b.utility(&deal) >= 0.35);
        }
    }

    #[test]
    fn a_ranking_built_once_gives_the_same_negotiator() {
        let (space, a, _) = wide();
        let ranking = Ranking::new(&space, &a, &|_| true);
        let mut one = Negotiator::ranked(&ranking, a.clone(), 0.3, Tactic::DOVE);
        let mut two = Negotiator::new(&space, a, 0.3, Tactic::DOVE, &|_| true);
        assert_eq!(
            one.propose(&space, 0.5, false),
            two.propose(&space, 0.5, false)
        );
        assert!((one.top() - two.top()).abs() < 1e-12);
    }
}
