//! The two delegations at the table.

use serde::{Deserialize, Serialize};

/// The two delegations at the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    Us,
    Iran,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Us, Side::Iran];

    pub fn name(self) -> &'static str {
        match self {
            Side::Us => "US",
            Side::Iran => "Iran",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Us => Side::Iran,
            Side::Iran => Side::Us,
        }
    }
}

/// Who acts in the game. Oman is the player's seat; each delegation's seat answers what is tabled
/// to it (an AI fills it today; a human or a remote client could later).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Seat {
    Oman,
    Delegation(Side),
}
