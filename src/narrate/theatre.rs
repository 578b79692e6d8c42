//! What the forces on the map mean for this week, in the player's words: the chance of war, where
//! the carriers go next, the US posture's clock and Iran's answer at the strait.

use super::choice;
use crate::content::Content;
use crate::game::{CoercionVariant, GULF_OF_OMAN_AT, Stakes};

/// One short line per stake, the most pressing first (they share the map's legend at 80 columns).
pub fn stakes(content: &Content, s: &Stakes) -> Vec<String> {
    let mut out = Vec::new();
    if s.war_chance > 0.0 {
        out.push(format!(
            "War risk {}%: {:.0}% chance of war.",
            s.war_risk,
            s.war_chance * 100.0
        ));
    } else {
        out.push(format!("War risk {}%: no war below 51%.", s.war_risk));
    }
    if let Some(at) = s.carriers_move_at {
        let whither = if at == GULF_OF_OMAN_AT {
            "enter the Gulf of Oman"
        } else {
            "go to the strait"
        };
        out.push(format!("At {at}% carriers {whither}."));
    }
    let p = &s.posture;
    let (war, economy) = s.ultimatum_cost;
    out.push(match (p.variant, p.deadline) {
        (CoercionVariant::Ultimatum, Some(week)) if week >= s.round => format!(
            "US ultimatum: a deal by week {week} ({}) or war risk +{war}, economy -{economy}, \
             Iran hardens.",
            weeks(week + 1 - s.round)
        ),
        (CoercionVariant::TryAndSee, _) => format!(
            "US try-and-see: {}; the screw from week {} with no deal.",
            if s.round <= 2 {
                "a limited action in week 2"
            } else {
                "limited action taken"
            },
            s.screw_from
        ),
        _ => format!(
            "US screw: each week with no deal, economy -{}, war risk +1 every other week.",
            s.screw_step
        ),
    });
    if let Some((issue, c)) = p.demand {
        out.push(format!("It demands {}.", choice(content, issue, c)));
    }
    if let Some((week, war)) = s.final_ultimatum
        && week >= s.round
    {
        out.push(format!("Week {week}: final ultimatum, war +{war}."));
    }
    match s.hormuz_threat {
        Some((oil, war)) => out.push(format!(
            "Iran squeezed: it signals the strait this week (oil +{oil}, war risk +{war})."
        )),
        None => out.push(format!(
            "Iran signals the strait if economy < {} or war risk > {}%.",
            s.squeezed_when.0, s.squeezed_when.1
        )),
    }
    out
}

fn weeks(n: u32) -> String {
    if n == 1 {
        "this week".into()
    } else {
        format!("{n} weeks left")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Difficulty, stakes as stakes_of, start};

    #[test]
    fn every_posture_has_its_clock_and_the_war_its_chance() {
        let content = Content::builtin();
        let mut variants = std::collections::BTreeSet::new();
        for seed in 0..60 {
            let s = start(&content, seed, Difficulty::Normal);
            let st = stakes_of(&s);
            let lines = stakes(&content, &st);
            assert!(lines[0].starts_with(&format!("War risk {}%", st.war_risk)));
            let clock = lines
                .iter()
                .find(|l| l.starts_with("US "))
                .expect("posture");
            variants.insert(clock.split(':').next().map(str::to_string));
            if let Some(week) = s.coercion.deadline {
                assert!(clock.contains(&format!("week {week}")), "{clock}");
            }
        }
        assert_eq!(variants.len(), 3, "{variants:?}");
    }
}
