//! Plain-mode answers to "why did this track move?" and "where are the forces?", in sentences a
//! screen reader can speak: the same facts as the dashboard's inspector and the map.

use crate::app::App;
use crate::game::{TrackId, theatre};
use crate::narrate::cause;

/// `why TRACK`: the track's start and now, and every change with its cause, newest first.
pub(super) fn why(app: &App, word: Option<&&str>) -> String {
    let Some(word) = word.map(|w| w.to_ascii_lowercase()) else {
        return format!("Say which track: {}.", track_names());
    };
    let Some(track) = TrackId::ALL
        .iter()
        .copied()
        .find(|t| t.name().to_ascii_lowercase().contains(&word))
    else {
        return format!("No track called \"{word}\". Tracks: {}.", track_names());
    };
    let s = &app.session.state;
    let mut out = format!(
        "{}: {} at the start, {} now.",
        track.name(),
        crate::narrate::track_value(track, s.opening(track)),
        crate::narrate::track_value(track, s.track(track))
    );
    let changes: Vec<String> = s
        .changes()
        .filter(|c| c.track == track)
        .rev()
        .map(|c| {
            format!(
                "week {} {:+} ({})",
                c.round,
                c.to - c.from,
                cause(&app.session.content, &c.cause)
            )
        })
        .collect();
    if changes.is_empty() {
        out.push_str(" Nothing has moved it yet.");
    } else {
        out.push_str(" Newest first: ");
        out.push_str(&changes.join("; "));
        out.push('.');
    }
    out
}

fn track_names() -> String {
    TrackId::ALL
        .iter()
        .map(|t| t.name().to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `map`: the strait and every force with the reason it stands where it does.
pub(super) fn forces(app: &App) -> String {
    let t = theatre(&app.session.state);
    let mut out = format!("Strait of Hormuz: {}.", t.strait.name());
    if t.forces.is_empty() {
        out.push_str(" No warships in the news yet.");
    }
    let forces: Vec<String> = t
        .forces
        .iter()
        .map(|f| format!(" {}: {}.", f.name, f.why))
        .collect();
    out + &forces.concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::game::{Difficulty, start};

    #[test]
    fn why_names_the_causes_and_refuses_unknown_tracks() {
        let content = Content::builtin();
        let state = start(&content, 5, Difficulty::Normal);
        let mut app = App::new(content, state, Vec::new());
        app.run(crate::game::Command::EndRound);
        let text = why(&app, Some(&"war"));
        assert!(text.starts_with("War risk:"), "{text}");
        assert!(text.contains("week 1"), "{text}");
        assert!(why(&app, Some(&"weather")).contains("No track called"));
        assert!(forces(&app).starts_with("Strait of Hormuz"));
    }
}
