//! The debrief's account of a game that ended without a deal: how a war came (the chance that
//! tipped it, the war risk's path week by week, the pushes that raised it most) and which text
//! the delegations last saw.

use super::{cause, track_value};
use crate::content::Content;
use crate::game::{GameState, TrackId, war_chance};

/// How the war came, one line each: what tipped it, the path, the biggest pushes.
pub fn war_story(content: &Content, state: &GameState) -> Vec<String> {
    let t = TrackId::WarRisk;
    let last = state.track(t);
    let mut out = vec![format!(
        "What tipped it: war risk stood at {last}% as week {} ended, a {:.0}% chance that week \
         that the strikes would begin, and they did.",
        state.round,
        war_chance(last) * 100.0
    )];
    // The history holds the start and every finished week; the first screen showed the opening.
    let path: Vec<String> = std::iter::once(state.opening(t))
        .chain(state.tracks.history(t).iter().skip(1).copied())
        .map(|v| track_value(t, v))
        .collect();
    out.push(format!("War risk, week 1 to the end: {}", path.join(" → ")));
    let mut pushes: Vec<_> = state
        .changes()
        .filter(|c| c.track == t && c.to > c.from)
        .collect();
    // The biggest first; among equals, the latest, which was closer to the war.
    pushes.sort_by_key(|c| (std::cmp::Reverse(c.to - c.from), std::cmp::Reverse(c.round)));
    pushes.truncate(3);
    pushes.sort_by_key(|c| c.round);
    if pushes.is_empty() {
        out.push("Nothing pushed war risk up during the talks: it started too high.".into());
    } else {
        out.push("What pushed it up most:".into());
        out.extend(pushes.iter().map(|c| {
            format!(
                "  {:+} in week {}: {}",
                c.to - c.from,
                c.round,
                cause(content, &c.cause)
            )
        }));
    }
    out
}

/// The heading over the last text the delegations saw, or the sentence that none was tabled.
pub fn last_text_heading(week: Option<u32>) -> String {
    week.map_or_else(
        || "No text was ever tabled: Oman never put a draft to either delegation.".to_string(),
        |w| {
            format!(
                "The week-{w} text against the real red lines (✗ crossed · ? never found by Oman)"
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Command, Difficulty, Outcome, Phase, apply, start};

    #[test]
    fn a_war_is_told_with_its_path_and_its_pushes() {
        let content = Content::builtin();
        let war = (0..200)
            .find_map(|seed| {
                let mut s = start(&content, seed, Difficulty::Normal);
                while !s.is_over() {
                    let c = if matches!(s.phase, Phase::Choosing(_)) {
                        Command::ChooseCardOption(0)
                    } else {
                        Command::EndRound
                    };
                    apply(&mut s, &content, &c).expect("legal");
                }
                (s.outcome() == Some(&Outcome::War)).then_some(s)
            })
            .expect("a war among 200 idle games");
        let story = war_story(&content, &war);
        let last = war.track(TrackId::WarRisk);
        assert!(story[0].contains(&format!("{last}%")), "{story:?}");
        assert!(
            story[1].starts_with(&format!(
                "War risk, week 1 to the end: {}%",
                war.opening(TrackId::WarRisk)
            )),
            "{story:?}"
        );
        assert!(story[1].ends_with(&format!("{last}%")), "{story:?}");
        assert_eq!(
            story[1].matches('→').count() as u32,
            war.round,
            "one step a week: {story:?}"
        );
        assert!(story.len() >= 4, "{story:?}");
    }
}
