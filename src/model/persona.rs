//! Delegation personas: how a side concedes over time.

use serde::{Deserialize, Serialize};

/// How a delegation concedes (its tactic is `negotiation::Tactic::of`): a hawk holds out, a dove
/// gives early.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Persona {
    Hawk,
    Pragmatist,
    Dove,
}

impl Persona {
    /// One step harder (for higher difficulty).
    pub fn harder(self) -> Persona {
        match self {
            Persona::Dove => Persona::Pragmatist,
            _ => Persona::Hawk,
        }
    }

    /// One step softer (for lower difficulty).
    pub fn softer(self) -> Persona {
        match self {
            Persona::Hawk => Persona::Pragmatist,
            _ => Persona::Dove,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Persona::Hawk => "hawk",
            Persona::Pragmatist => "pragmatist",
            Persona::Dove => "dove",
        }
    }
}
