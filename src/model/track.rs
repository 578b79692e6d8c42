//! The world's tracks (war risk, oil, breakout, …): which exist, their ranges and direction.

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

    /// The English name: what content's error messages (below `narrate`) and the screens call
    /// the track. Short names and units are in `narrate`.
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

    /// Inclusive range the value is kept in.
    pub fn range(self) -> (i32, i32) {
        match self {
            TrackId::Oil => (40, 160),
            TrackId::Breakout | TrackId::BreakoutBelief => (1, 104),
            _ => (0, 100),
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
