//! What both front ends share, between the view and the terminal or the line mode: opening a
//! game (a save, or a new game with its start menu) and carrying out the app's effects (saves,
//! the report, loading, the advisor's futures), feeding each result back to the app.

mod effects;
mod open;

pub use effects::{Flow, Runner};
pub use open::{OpenError, Options, open_save, prepare};
