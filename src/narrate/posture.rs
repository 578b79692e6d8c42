//! The US posture banner of the table screen: George's variant, the demand, the deadline, the
//! threatened punishment and the carrot, in two lines that fit 80 columns.

use crate::content::Content;
use crate::game::{CoercionVariant, Flag, GameState};

/// The banner's two lines: what the US wants and by when, then what it threatens and offers.
pub fn posture(content: &Content, s: &GameState) -> [String; 2] {
    let p = &s.coercion;
    let demand = p.demand.map_or_else(
        || "no single clause".to_string(),
        |(i, c)| {
            content
                .domain
                .get(i)
                .map_or("?", |issue| issue.choice_label(c))
                .to_string()
        },
    );
    let final_word = s.flags.contains(&Flag::Ultimatum) && p.variant != CoercionVariant::Ultimatum;
    let when = match (p.variant, p.deadline) {
        (CoercionVariant::Ultimatum, Some(week)) => match week.saturating_sub(s.round) {
            0 => format!("by week {week}: runs out this week"),
            1 => format!("by week {week}, 1 week left"),
            left => format!("by week {week}, {left} weeks left"),
        },
        _ if final_word => format!("final ultimatum: by week {}", s.deadline),
        _ => "no deadline".to_string(),
    };
    let variant = match p.variant {
        CoercionVariant::Ultimatum => "US ULTIMATUM".to_string(),
        CoercionVariant::Screw => format!("US turns the screw (week {})", p.turns),
        CoercionVariant::TryAndSee => "US try-and-see".to_string(),
    };
    let threat = match p.variant {
        CoercionVariant::Ultimatum => "force when it runs out (war risk +12)".to_string(),
        CoercionVariant::Screw => format!("sanctions grow weekly (economy -{})", 1 + p.turns / 4),
        CoercionVariant::TryAndSee if s.round < 2 => format!(
            "limited action week 2, screw by week {}",
            s.deadline.div_ceil(2)
        ),
        CoercionVariant::TryAndSee => format!(
            "the screw by week {} if nothing moves",
            s.deadline.div_ceil(2)
        ),
    };
    let carrot = match p.last_carrot {
        Some(w) if w + 1 >= s.round => format!("waiver given week {w}"),
        Some(w) if w + 3 > s.round => format!("none before week {}", w + 3),
        _ => "waiver if Iran moves".to_string(),
    };
    [
        format!("{variant} · wants {demand} · {when}"),
        format!("Threat: {threat} · Carrot: {carrot}"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{self, Difficulty};

    #[test]
    fn every_posture_of_a_hundred_games_fits_80_columns() {
        let content = Content::builtin();
        let mut variants = std::collections::BTreeSet::new();
        for seed in 0..100 {
            let s = game::start(&content, seed, Difficulty::Normal);
            variants.insert(format!("{:?}", s.coercion.variant));
            for line in posture(&content, &s) {
                assert!(line.chars().count() <= 78, "seed {seed}: {line}");
            }
        }
        assert_eq!(variants.len(), 3, "all three of George's variants come up");
    }
}
