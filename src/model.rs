//! The game's vocabulary, shared by every layer: the sides at the table, the seats that act, the
//! world's tracks, the delegations' personas, and the typed indices of the negotiating text.

mod issue;
mod persona;
mod side;
mod track;

pub use issue::{Choice, IssueId};
pub use persona::Persona;
pub use side::{Seat, Side};
pub use track::TrackId;
