//! The tracks of the world (war risk, oil, breakout, …): values, ranges, per-round history, and
//! the record of every change with its cause, so any meter can answer "why did this change?".

use serde::{Deserialize, Serialize};

use super::Side;

/// Every track of DESIGN §4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TrackId {
    WarRisk,
    Oil,
    /// True breakout time in weeks: what Iran could really do.
    Breakout,
    /// Breakout time as Washington and Israel believe it to be.
    BreakoutBelief,
    /// Iran's economy and the rial (100 = healthy).
    Economy,
    Unrest,
    UsPatience,
    IsraeliPressure,
    GulfPressure,
    UsIranTrust,
    UsTrustInOman,
    IranTrustInOman,
    OmanCredibility,
}

impl TrackId {
    pub const ALL: [TrackId; 13] = [
        TrackId::WarRisk,
        TrackId::Oil,
        TrackId::Breakout,
        TrackId::BreakoutBelief,
        TrackId::Economy,
        TrackId::Unrest,
        TrackId::UsPatience,
        TrackId::IsraeliPressure,
        TrackId::GulfPressure,
        TrackId::UsIranTrust,
        TrackId::UsTrustInOman,
        TrackId::IranTrustInOman,
        TrackId::OmanCredibility,
    ];

    /// Name shown on screen.
    pub fn name(self) -> &'static str {
        match self {
            TrackId::WarRisk => "War risk",
            TrackId::Oil => "Brent oil",
            TrackId::Breakout => "Breakout (true)",
            TrackId::BreakoutBelief => "Breakout (US view)",
            TrackId::Economy => "Iran economy",
            TrackId::Unrest => "Iran unrest",
            TrackId::UsPatience => "US patience",
            TrackId::IsraeliPressure => "Israeli pressure",
            TrackId::GulfPressure => "Gulf pressure",
            TrackId::UsIranTrust => "US-Iran trust",
            TrackId::UsTrustInOman => "US trust in Oman",
            TrackId::IranTrustInOman => "Iran trust in Oman",
            TrackId::OmanCredibility => "Oman credibility",
        }
    }

    /// Name for narrow panels (at most 16 characters).
    pub fn short(self) -> &'static str {
        match self {
            TrackId::Breakout => "Breakout true",
            TrackId::BreakoutBelief => "Breakout US view",
            TrackId::IsraeliPressure => "Israel pressure",
            TrackId::IranTrustInOman => "Iran trust Oman",
            TrackId::UsTrustInOman => "US trust Oman",
            TrackId::OmanCredibility => "Oman credibility",
            other => other.name(),
        }
    }

    /// Inclusive range the value is kept in.
    pub fn range(self) -> (i32, i32) {
        match self {
            TrackId::Oil => (40, 160),
            TrackId::Breakout | TrackId::BreakoutBelief => (1, 104),
            _ => (0, 100),
        }
    }

    /// The value as a player reads it: "34%", "$72", "26 wk".
    pub fn format(self, value: i32) -> String {
        match self {
            TrackId::WarRisk => format!("{value}%"),
            TrackId::Oil => format!("${value}"),
            TrackId::Breakout | TrackId::BreakoutBelief => format!("{value} wk"),
            _ => value.to_string(),
        }
    }

    /// Whether a rise in this track is bad news for the talks (drives colour and arrows).
    pub fn higher_is_worse(self) -> bool {
        matches!(
            self,
            TrackId::WarRisk | TrackId::Oil | TrackId::Unrest | TrackId::IsraeliPressure
        )
    }

    /// The track that holds a delegation's trust in Oman.
    pub fn trust_in_oman(side: Side) -> TrackId {
        match side {
            Side::Us => TrackId::UsTrustInOman,
            Side::Iran => TrackId::IranTrustInOman,
        }
    }
}

/// What moved a track.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// An event card, by id.
    Card(String),
    /// Oman's choice on a card: card id and choice label.
    CardChoice(String, String),
    /// One of Oman's verbs, by its name.
    Oman(String),
    /// A delegation's own move (a threat, a gesture, a reaction to a text).
    Delegation(Side),
    /// The slow drift of the world between rounds (sanctions pain, deadline pressure, …).
    Drift(String),
}

impl Cause {
    /// Short description for logs and the "why?" view.
    pub fn describe(&self) -> String {
        match self {
            Cause::Card(id) => format!("card {id}"),
            Cause::CardChoice(id, label) => format!("card {id}: {label}"),
            Cause::Oman(verb) => format!("Oman: {verb}"),
            Cause::Delegation(side) => format!("{} move", side.name()),
            Cause::Drift(what) => format!("drift: {what}"),
        }
    }
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
            .shift(1, TrackId::WarRisk, 20, Cause::Drift("test".into()))
            .expect("moved");
        assert_eq!((c.from, c.to), (95, 100));
        assert_eq!(t.get(TrackId::WarRisk), 100);
        assert!(
            t.shift(1, TrackId::WarRisk, 5, Cause::Drift("test".into()))
                .is_none()
        );
    }

    #[test]
    fn history_grows_once_per_round() {
        let mut t = Tracks::new(|_| None);
        assert_eq!(t.history(TrackId::Oil).len(), 1);
        t.shift(1, TrackId::Oil, 7, Cause::Drift("x".into()));
        t.close_round();
        assert_eq!(t.history(TrackId::Oil), &[100, 107]);
        assert_eq!(t.start(TrackId::Oil), 100);
    }

    #[test]
    fn every_track_has_a_distinct_name() {
        let mut names: Vec<_> = TrackId::ALL.iter().map(|t| t.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TrackId::ALL.len());
    }
}
