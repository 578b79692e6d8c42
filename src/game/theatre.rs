//! Where the forces in the Gulf stand, derived from the state (cards drawn, Oman's choices on them,
//! war risk, the outcome). There is no separate military simulation: the map only reads this.

use super::coercion::Posture;
use super::state::Flag;
use super::{Event, GameState, Outcome, TrackId};

/// A place on the map, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Position {
    pub lon: f64,
    pub lat: f64,
}

const fn at(lon: f64, lat: f64) -> Position {
    Position { lon, lat }
}

/// What kind of thing stands on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForceKind {
    Carrier,
    FastBoats,
    SeizedTanker,
}

/// One force, where it is, and why it is there.
#[derive(Clone, Debug, PartialEq)]
pub struct Force {
    pub kind: ForceKind,
    pub name: &'static str,
    pub at: Position,
    /// Why it stands here, in the game's words.
    pub why: String,
}

/// How open the Strait of Hormuz is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strait {
    Open,
    Tense,
    ClosureVoted,
}

impl Strait {
    pub fn name(self) -> &'static str {
        match self {
            Strait::Open => "open",
            Strait::Tense => "tense: tankers slow, insurers nervous",
            Strait::ClosureVoted => "closure voted in Tehran, not carried out",
        }
    }
}

/// The theatre at this moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Theatre {
    pub forces: Vec<Force>,
    pub strait: Strait,
}

/// Fixed places of the map.
pub const PLACES: &[(&str, Position)] = &[
    ("Muscat", at(58.4, 23.6)),
    ("Tehran", at(51.4, 35.7)),
    ("Bandar Abbas", at(56.3, 27.2)),
    ("Riyadh", at(46.7, 24.7)),
    ("Doha", at(51.5, 25.3)),
    ("Abu Dhabi", at(54.4, 24.5)),
    ("Baghdad", at(44.4, 33.3)),
    ("Isfahan", at(51.7, 32.7)),
    ("Fordow", at(51.0, 34.9)),
];

/// The Strait of Hormuz.
pub const HORMUZ: Position = at(56.5, 26.5);

const ARABIAN_SEA: Position = at(61.0, 21.0);
const GULF_OF_OMAN: Position = at(59.0, 24.2);
const STRAIT_APPROACH: Position = at(57.4, 25.4);
const INSIDE_GULF: Position = at(53.8, 26.6);
const HEADING_HOME: Position = at(62.5, 19.0);

/// War risk at which the carriers come into the Gulf of Oman, and to the mouth of the strait.
pub const GULF_OF_OMAN_AT: i32 = 45;
pub const STRAIT_AT: i32 = 70;

/// What the forces mean for this week's decisions, as this week ends if nothing changes: the
/// chance of war, the US posture's clock and Iran's answer at the strait. Read from the rules'
/// own thresholds, so the map says what the rules will do.
#[derive(Clone, Debug, PartialEq)]
pub struct Stakes {
    pub war_risk: i32,
    /// The chance that war breaks out as this week ends, at today's war risk.
    pub war_chance: f64,
    /// The war risk at which the carriers next close in, if they can close in further.
    pub carriers_move_at: Option<i32>,
    pub posture: Posture,
    /// What the screw takes from Iran's economy on its next turn.
    pub screw_step: i32,
    /// What an ultimatum carried out adds to war risk and takes from the economy.
    pub ultimatum_cost: (i32, i32),
    /// The week whose end brings the last US ultimatum (two weeks before the deadline), with
    /// what it adds to war risk; `None` once it has come.
    pub final_ultimatum: Option<(u32, i32)>,
    /// Whether Iran signals the strait as this week ends, and what that adds to oil and war risk.
    pub hormuz_threat: Option<(i32, i32)>,
    /// What squeezes Iran into signalling: economy below the first, or war risk above the second.
    pub squeezed_when: (i32, i32),
    pub round: u32,
    /// The week whose end turns a try-and-see posture into the screw, with no text accepted.
    pub screw_from: u32,
}

/// The stakes of this week (see [`Stakes`]).
pub fn stakes(state: &GameState) -> Stakes {
    use super::round::{
        FINAL_ULTIMATUM_WAR_RISK, HORMUZ_OIL, HORMUZ_WAR_RISK, SQUEEZED_ECONOMY, SQUEEZED_WAR_RISK,
        hormuz_threat_due,
    };
    let war_risk = state.track(TrackId::WarRisk);
    let carriers_move_at = [GULF_OF_OMAN_AT, STRAIT_AT]
        .into_iter()
        .find(|&at| war_risk < at);
    Stakes {
        war_risk,
        war_chance: super::ending::war_chance(war_risk),
        carriers_move_at,
        posture: state.coercion.clone(),
        screw_step: super::coercion::screw_step(state.coercion.turns),
        ultimatum_cost: (
            super::coercion::ULTIMATUM_WAR_RISK,
            super::coercion::ULTIMATUM_ECONOMY,
        ),
        final_ultimatum: (!state.flags.contains(&Flag::Ultimatum))
            .then(|| (state.deadline.saturating_sub(1), FINAL_ULTIMATUM_WAR_RISK)),
        hormuz_threat: hormuz_threat_due(state).then_some((HORMUZ_OIL, HORMUZ_WAR_RISK)),
        squeezed_when: (SQUEEZED_ECONOMY, SQUEEZED_WAR_RISK),
        round: state.round,
        // The rules turn the screw at the first week-end whose week is half the deadline or more.
        screw_from: state.deadline.div_ceil(2).max(state.round),
    }
}

/// Where the forces stand now.
pub fn theatre(state: &GameState) -> Theatre {
    let drawn = |id: &str| state.drawn.iter().any(|d| d == id);
    let chose = |card: &str, n: u8| {
        state.log.iter().any(|(_, e)| {
            matches!(e, Event::CardChoiceMade { card: c, choice } if c == card && *choice == n)
        })
    };
    let war_risk = state.track(TrackId::WarRisk);
    let outcome = state.outcome();
    let mut forces = Vec::new();

    // Carriers close in as war risk climbs and leave once a deal is signed.
    let station = |outside_gulf_only: bool| -> (Position, String) {
        match outcome {
            Some(Outcome::Agreement(_)) => (HEADING_HOME, "a deal is signed: heading home".into()),
            Some(Outcome::War) => (INSIDE_GULF, "war: inside the Gulf".into()),
            _ if outside_gulf_only => (
                ARABIAN_SEA,
                "kept outside the Gulf at Oman's request".into(),
            ),
            _ if war_risk >= STRAIT_AT => (
                STRAIT_APPROACH,
                format!("war risk {war_risk}%: at the mouth of the strait"),
            ),
            _ if war_risk >= GULF_OF_OMAN_AT => (
                GULF_OF_OMAN,
                format!("war risk {war_risk}%: in the Gulf of Oman"),
            ),
            _ => (
                ARABIAN_SEA,
                format!("war risk {war_risk}%: on station in the Arabian Sea"),
            ),
        }
    };
    if drawn("armada-arrives") {
        let (mut pos, why) = station(false);
        if drawn("drone-down") && pos == ARABIAN_SEA {
            pos = GULF_OF_OMAN;
        }
        forces.push(Force {
            kind: ForceKind::Carrier,
            name: "1st carrier group",
            at: pos,
            why,
        });
    }
    if drawn("second-carrier") {
        let (pos, why) = station(chose("second-carrier", 1));
        // A little apart from the first group so both stay visible.
        forces.push(Force {
            kind: ForceKind::Carrier,
            name: "2nd carrier group",
            at: at(pos.lon - 1.2, pos.lat - 1.0),
            why,
        });
    }
    let boats = ["strait-drills", "hormuz-vote", "drone-down", "tanker-taken"]
        .iter()
        .any(|c| drawn(c));
    if (boats || war_risk >= 55) && !matches!(outcome, Some(Outcome::Agreement(_))) {
        forces.push(Force {
            kind: ForceKind::FastBoats,
            name: "IRGC fast boats",
            at: at(56.0, 26.2),
            why: if boats {
                "drills and seizures in the strait".into()
            } else {
                format!("war risk {war_risk}%: patrols in the strait")
            },
        });
    }
    if drawn("tanker-taken") && !chose("tanker-taken", 0) {
        forces.push(Force {
            kind: ForceKind::SeizedTanker,
            name: "seized tanker",
            at: at(57.1, 26.9),
            why: "held at Bandar Abbas with its crew".into(),
        });
    }
    let strait = if drawn("hormuz-vote") {
        Strait::ClosureVoted
    } else if state.track(TrackId::Oil) >= 85 || drawn("strait-drills") {
        Strait::Tense
    } else {
        Strait::Open
    };
    Theatre { forces, strait }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::game::{Cause, Difficulty, start};

    fn state() -> GameState {
        start(&Content::builtin(), 11, Difficulty::Normal)
    }

    fn carriers(t: &Theatre) -> Vec<Position> {
        t.forces
            .iter()
            .filter(|f| f.kind == ForceKind::Carrier)
            .map(|f| f.at)
            .collect()
    }

    #[test]
    fn carriers_come_with_their_cards_and_close_in_with_war_risk() {
        let mut s = state();
        s.drawn
            .retain(|c| c != "armada-arrives" && c != "second-carrier");
        s.drawn.retain(|c| c != "drone-down");
        assert!(carriers(&theatre(&s)).is_empty(), "no card, no carrier");
        s.drawn.push("armada-arrives".into());
        let cause = Cause::Drift(crate::game::Drift::Markets);
        let now = s.track(TrackId::WarRisk);
        s.tracks.shift(0, TrackId::WarRisk, 10 - now, cause.clone());
        assert_eq!(carriers(&theatre(&s)), vec![ARABIAN_SEA]);
        s.tracks.shift(0, TrackId::WarRisk, 70, cause);
        assert_eq!(carriers(&theatre(&s)), vec![STRAIT_APPROACH]);
    }

    #[test]
    fn oman_can_keep_the_second_carrier_outside() {
        let mut s = state();
        s.drawn.push("second-carrier".into());
        s.tracks.shift(
            0,
            TrackId::WarRisk,
            90,
            Cause::Drift(crate::game::Drift::Markets),
        );
        let near = carriers(&theatre(&s))[0];
        s.log.push((
            1,
            Event::CardChoiceMade {
                card: "second-carrier".into(),
                choice: 1,
            },
        ));
        let kept = carriers(&theatre(&s))[0];
        assert!(
            kept.lon > near.lon,
            "{kept:?} should be further out than {near:?}"
        );
    }
}
