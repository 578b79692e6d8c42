//! The tracks of the world (war risk, oil, breakout, …): values, ranges, per-round history, and
//! the record of every change with its cause, so any meter can answer "why did this change?".

use serde::{Deserialize, Serialize};

use super::fact::{Drift, Verb};
use crate::model::Side;
pub use crate::model::TrackId;

/// What moved a track.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// An event card, by id.
    Card(String),
    /// Oman's choice on a card: card id and choice label.
    CardChoice(String, String),
    /// One of Oman's verbs.
    Oman(Verb),
    /// A delegation's own move (a threat, a gesture, a reaction to a text).
    Delegation(Side),
    /// The slow drift of the world between rounds (sanctions pain, deadline pressure, …).
    Drift(Drift),
}

/// One recorded change of a track.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackChange {
    pub round: u32,
    pub track: TrackId,
    pub from: i32,
    pub to: i32,
    pub cause: Cause,
}

/// All tracks: current values and one history point per finished round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracks {
    values: Vec<i32>,
    history: Vec<Vec<i32>>,
}

impl Tracks {
    /// Tracks starting at the given values (missing tracks start mid-range), clamped to range.
    pub fn new(start: impl Fn(TrackId) -> Option<i32>) -> Tracks {
        let values: Vec<i32> = TrackId::ALL
            .iter()
            .map(|&t| {
                let (lo, hi) = t.range();
                start(t).unwrap_or(i32::midpoint(lo, hi)).clamp(lo, hi)
            })
            .collect();
        let history = values.iter().map(|&v| vec![v]).collect();
        Tracks { values, history }
    }

    pub fn get(&self, track: TrackId) -> i32 {
        self.values[track as usize]
    }

    /// Whether every track has a value in its range and a history (a state read from a file
    /// may have neither; found by the save fuzz).
    pub fn are_whole(&self) -> bool {
        self.values.len() == TrackId::ALL.len()
            && self.history.len() == TrackId::ALL.len()
            && TrackId::ALL.iter().zip(&self.values).all(|(t, v)| {
                let (lo, hi) = t.range();
                (lo..=hi).contains(v)
            })
    }

    /// History points of a track: the start value, then one per finished round.
    pub fn history(&self, track: TrackId) -> &[i32] {
        &self.history[track as usize]
    }

    /// Value of a track at the start of the game.
    pub fn start(&self, track: TrackId) -> i32 {
        self.history[track as usize][0]
    }

    /// Moves a track by `delta` within its range; returns the change, or `None` if nothing moved.
    pub fn shift(
        &mut self,
        round: u32,
        track: TrackId,
        delta: i32,
        cause: Cause,
    ) -> Option<TrackChange> {
        let (lo, hi) = track.range();
        let from = self.get(track);
        let to = from.saturating_add(delta).clamp(lo, hi);
        (to != from).then(|| {
            self.values[track as usize] = to;
            TrackChange {
                round,
                track,
                from,
                to,
                cause,
            }
        })
    }

    /// Closes a round: appends every current value to its history.
    pub fn close_round(&mut self) {
        for (h, &v) in self.history.iter_mut().zip(&self.values) {
            h.push(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_clamps_and_records() {
        let mut t = Tracks::new(|id| (id == TrackId::WarRisk).then_some(95));
        let c = t
            .shift(1, TrackId::WarRisk, 20, Cause::Drift(Drift::Markets))
            .expect("moved");
        assert_eq!((c.from, c.to), (95, 100));
        assert_eq!(t.get(TrackId::WarRisk), 100);
        assert!(
            t.shift(1, TrackId::WarRisk, 5, Cause::Drift(Drift::Markets))
                .is_none()
        );
    }

    #[test]
    fn history_grows_once_per_round() {
        let mut t = Tracks::new(|_| None);
        assert_eq!(t.history(TrackId::Oil).len(), 1);
        t.shift(1, TrackId::Oil, 7, Cause::Drift(Drift::Markets));
        t.close_round();
        assert_eq!(t.history(TrackId::Oil), &[100, 107]);
        assert_eq!(t.start(TrackId::Oil), 100);
    }
}

#[cfg(test)]
mod whole {
    use super::*;

    #[test]
    fn tracks_cut_short_or_out_of_range_are_not_whole() {
        let full = Tracks::new(|_| None);
        assert!(full.are_whole());
        let mut short = full.clone();
        short.values.pop();
        assert!(!short.are_whole());
        let mut wild = full.clone();
        wild.values[0] = i32::MIN;
        assert!(!wild.are_whole());
    }
}
