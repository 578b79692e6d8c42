//! What the forces on the map mean for this week, in the player's words: the chance of war, where
//! the carriers go next, the US posture's clock and Iran's answer at the strait.

use super::choice;
use crate::content::Content;
use crate::game::{CoercionVariant, GULF_OF_OMAN_AT, Stakes};

/// One line per stake, the most pressing first.
pub fn stakes(content: &Content, s: &Stakes) -> Vec<String> {
    let mut out = Vec::new();
    if s.war_chance > 0.0 {
        out.push(format!(
            "War risk {}%: a {:.0}% chance of war as this week ends.",
            s.war_risk,
            s.war_chance * 100.0
        ));
    } else {
        out.push(format!(
            "War risk {}%: no war this week; past 50% any week-end can bring it.",
            s.war_risk
        ));
    }
    if let Some(at) = s.carriers_move_at {
        let whither = if at == GULF_OF_OMAN_AT {
            "into the Gulf of Oman"
        } else {
            "to the mouth of the strait"
        };
        out.push(format!("At {at}% the carriers move {whither}."));
    }
    let p = &s.posture;
    let (war, economy) = s.ultimatum_cost;
    out.push(match (p.variant, p.deadline) {
        (CoercionVariant::Ultimatum, Some(week)) if week >= s.round => format!(
            "US ultimatum: a text it accepts by the end of week {week} ({} left), or war risk \
             +{war}, Iran's economy -{economy}, and Tehran hardens.",
            weeks(week + 1 - s.round)
        ),
        (CoercionVariant::TryAndSee, _) => format!(
            "US try-and-see: {}; as week {} ends, with no text it accepts, it turns the screw.",
            if s.round <= 2 {
                "one limited action as week 2 ends"
            } else {
                "its limited action is taken"
            },
            s.screw_from
        ),
        _ => format!(
            "US screw: each week-end without a text it accepts, Iran's economy -{} and, every \
             other week, war risk +1.",
            s.screw_step
        ),
    });
    if let Some((issue, c)) = p.demand {
        out.push(format!("Its demand: {}.", choice(content, issue, c)));
    }
    if let Some((week, war)) = s.final_ultimatum
        && week >= s.round
    {
        out.push(format!(
            "As week {week} ends the US issues its last ultimatum: war risk +{war}."
        ));
    }
    match s.hormuz_threat {
        Some((oil, war)) => out.push(format!(
            "Iran is squeezed: as this week ends it signals the strait (oil +{oil}, war risk \
             +{war})."
        )),
        None => out.push(format!(
            "Iran signals the strait when its economy falls below {} or war risk passes {}%.",
            s.squeezed_when.0, s.squeezed_when.1
        )),
    }
    out
}

fn weeks(n: u32) -> String {
    if n == 1 {
        "this week".into()
    } else {
        format!("{n} weeks")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Difficulty, start, stakes as stakes_of};

    #[test]
    fn every_posture_has_its_clock_and_the_war_its_chance() {
        let content = Content::builtin();
        let mut variants = std::collections::BTreeSet::new();
        for seed in 0..60 {
            let s = start(&content, seed, Difficulty::Normal);
            let st = stakes_of(&s);
            let lines = stakes(&content, &st);
            assert!(lines[0].starts_with(&format!("War risk {}%", st.war_risk)));
            let clock = lines.iter().find(|l| l.starts_with("US ")).expect("posture");
            variants.insert(clock.split(':').next().map(str::to_string));
            if let Some(week) = s.coercion.deadline {
                assert!(clock.contains(&format!("week {week}")), "{clock}");
            }
        }
        assert_eq!(variants.len(), 3, "{variants:?}");
    }
}
