//! What a move would do, told before it is made: the events of a trial run through the real rules
//! summed into one line of effects for a menu ("War risk -4 · Brent oil -4 · Unrest +3").

use super::{choice, pts};
use crate::content::Content;
use crate::game::{Event, Gain, Side, TrackId};

/// The effects in `events`, each track or side's figure summed over the move, in the order they
/// first moved; "no visible effect" when nothing moved.
pub fn foreseen(events: &[Event]) -> String {
    // (what moved, total): tracks in points, hopes and hardliners' bars in utility points.
    let mut moves: Vec<(String, i64)> = Vec::new();
    let mut add = |what: String, by: i64| match moves.iter_mut().find(|(w, _)| *w == what) {
        Some((_, total)) => *total += by,
        None => moves.push((what, by)),
    };
    for e in events {
        match e {
            Event::TrackMoved(c) => add(track_label(c.track), i64::from(c.to - c.from)),
            Event::PatienceChanged { side, from, to } => {
                add(format!("{} patience", side.name()), i64::from(to - from));
            }
            Event::HopeMoved { side, from, to, .. } => {
                add(format!("{} hopes", side.name()), pts(*to) - pts(*from));
            }
            Event::HardlinersMoved { side, from, to, .. } => {
                add(hardliners(*side), pts(*to) - pts(*from));
            }
            _ => {}
        }
    }
    let told: Vec<String> = moves
        .into_iter()
        .filter(|(_, by)| *by != 0)
        .map(|(what, by)| format!("{what} {by:+}"))
        .collect();
    if told.is_empty() {
        "no visible effect".into()
    } else {
        told.join(" · ")
    }
}

fn track_label(t: TrackId) -> String {
    t.name().to_string()
}

fn hardliners(side: Side) -> String {
    format!("{} hardliners' bar", side.name())
}

/// An errand before it is run: its chance now, what success brings and what failure costs.
pub fn errand_outlook(content: &Content, chance: f64, gains: &[Gain], failure: i32) -> String {
    let told: Vec<String> = gains
        .iter()
        .map(|g| match *g {
            Gain::Track(t, by) => format!("{} {by:+}", track_label(t)),
            Gain::Patience(side, by) => format!("{} patience {by:+}", side.name()),
            Gain::Unlock(issue, option) => content.domain.locate(issue, option).map_or_else(
                || format!("{issue}: {option} on the table"),
                |(i, o)| format!("{} on the table", choice(content, i, o)),
            ),
        })
        .collect();
    format!(
        "{:.0}% chance · if it works: {} · if not: {} -{failure}",
        chance * 100.0,
        told.join(" · "),
        track_label(TrackId::OmanCredibility)
    )
}
