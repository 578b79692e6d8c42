//! The dashboard: the calendar and deadline, every track as a gauge with a sparkline of its
//! history, and the "why?" inspector that lists what moved the selected track and by how much.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline};

use super::panels::{block, gauge, truncate};
use super::theme::Theme;
use crate::app::App;
use crate::game::{Cause, Flag, TrackId};

/// Calendar, track list and inspector.
fn layout(body: Rect) -> [Rect; 3] {
    let [calendar, rest] = body.layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(0),
    ]));
    let list_w = if body.width >= 120 { 64 } else { 46 };
    let [list, why] = rest.layout(&Layout::horizontal([
        Constraint::Length(list_w),
        Constraint::Min(0),
    ]));
    [calendar, list, why]
}

/// The track row under a screen position, for mouse clicks.
pub(super) fn track_at(body: Rect, column: u16, row: u16) -> Option<usize> {
    let [_, list, _] = layout(body);
    let top = list.y + 1;
    let inside = column > list.x && column < list.right().saturating_sub(1);
    (inside && row >= top && row < list.bottom().saturating_sub(1))
        .then(|| (row - top) as usize)
        .filter(|&i| i < TrackId::ALL.len())
}

/// A history as a line of block characters, scaled to the track's range; the newest at the right.
pub(super) fn spark(values: &[i32], range: (i32, i32), width: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let (lo, hi) = range;
    let start = values.len().saturating_sub(width);
    values[start..]
        .iter()
        .map(|&v| {
            let f = f64::from(v - lo) / f64::from((hi - lo).max(1));
            BARS[((f * 7.0).round() as usize).min(7)]
        })
        .collect()
}

/// The values a track has had: one per finished week, then now.
pub(super) fn series(app: &App, track: TrackId) -> Vec<i32> {
    let mut v = app.session.state.tracks.history(track).to_vec();
    // The chart starts where week 1's screen did (see `GameState::opening`).
    if let Some(first) = v.first_mut() {
        *first = app.session.state.opening(track);
    }
    v.push(app.session.state.track(track));
    v
}

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let [calendar_area, list, why] = layout(area);
    calendar(frame, app, theme, calendar_area);
    let wide = area.width >= 120;
    let bar = if wide { 14 } else { 8 };
    let spark_w = (list.width.saturating_sub(2) as usize).saturating_sub(17 + bar + 8);
    let lines: Vec<Line> = TrackId::ALL
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let v = app.session.state.track(t);
            let selected = i == app.cursor;
            let name_style = if selected { theme.selected } else { theme.text };
            Line::from(vec![
                Span::styled(
                    format!("{:<17}", crate::narrate::track_short(t)),
                    name_style,
                ),
                Span::styled(gauge(t, v, bar), theme.dim),
                Span::styled(
                    format!("{:>7} ", crate::narrate::track_value(t, v)),
                    theme.text,
                ),
                Span::styled(spark(&series(app, t), t.range(), spark_w), theme.good),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(block("Tracks: gauge, now, history (↑↓ select)", theme)),
        list,
    );
    inspector(frame, app, theme, why);
}

fn calendar(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let s = &app.session.state;
    let mut spans = Vec::new();
    for week in 1..=s.deadline {
        let (label, style) = match week.cmp(&s.round) {
            std::cmp::Ordering::Equal => (format!("[{week}]"), theme.selected),
            std::cmp::Ordering::Less => (format!(" {week} "), theme.dim),
            std::cmp::Ordering::Greater => (format!(" {week} "), theme.text),
        };
        spans.push(Span::styled(label, style));
    }
    let left = s.rounds_left();
    let mut note = format!(
        "  deadline week {} · {} week{} left",
        s.deadline,
        left,
        if left == 1 { "" } else { "s" }
    );
    if s.flags.contains(&Flag::ExtensionUsed) {
        note.push_str(" · extension used");
    }
    if s.is_over() {
        note = "  the talks are over".into();
    }
    spans.push(Span::styled(note, theme.key));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).block(block("Calendar", theme)),
        area,
    );
}

/// Which kind of cause a change had, for the totals line.
fn kind(cause: &Cause) -> usize {
    match cause {
        Cause::Card(_) | Cause::CardChoice(..) => 0,
        Cause::Oman(_) => 1,
        Cause::Delegation(_) => 2,
        Cause::Drift(_) => 3,
    }
}

fn inspector(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let track = TrackId::ALL[app.cursor.min(TrackId::ALL.len() - 1)];
    let [chart, why] = area.layout(&Layout::vertical([
        Constraint::Length(if area.height >= 24 { 8 } else { 5 }),
        Constraint::Min(0),
    ]));
    let (lo, _) = track.range();
    let data: Vec<u64> = series(app, track)
        .iter()
        .map(|&v| (v - lo).max(0) as u64 + 1)
        .collect();
    frame.render_widget(
        Sparkline::default()
            .data(&data)
            .style(theme.good)
            .block(block(
                &format!(
                    "{} {} → {}, weekly",
                    track.name(),
                    crate::narrate::track_value(track, app.session.state.opening(track)),
                    crate::narrate::track_value(track, app.session.state.track(track))
                ),
                theme,
            )),
        chart,
    );
    let changes: Vec<_> = app
        .session
        .state
        .changes()
        .filter(|c| c.track == track)
        .collect();
    let mut totals = [0i32; 4];
    for c in &changes {
        totals[kind(&c.cause)] += c.to - c.from;
    }
    let width = why.width.saturating_sub(2) as usize;
    let mut lines = vec![Line::styled(
        format!(
            "cards {:+} · Oman {:+} · delegations {:+} · drift {:+} (total)",
            totals[0], totals[1], totals[2], totals[3]
        ),
        theme.key,
    )];
    if changes.is_empty() {
        lines.push(Line::styled("Nothing has moved it yet.", theme.dim));
    }
    lines.extend(
        changes
            .iter()
            .rev()
            .take(why.height.saturating_sub(3) as usize)
            .map(|c| {
                let delta = c.to - c.from;
                // Meaning is carried by the sign and a word as well as by colour.
                let (word, style) = if (delta > 0) == track.higher_is_worse() {
                    ("worse", theme.bad)
                } else {
                    ("better", theme.good)
                };
                Line::from(vec![
                    Span::styled(format!("wk{:>2} {:>+4} {word:<6} ", c.round, delta), style),
                    Span::styled(
                        truncate(
                            &super::screens::describe_cause(app, &c.cause),
                            width.saturating_sub(18),
                        ),
                        theme.text,
                    ),
                ])
            }),
    );
    frame.render_widget(
        Paragraph::new(lines).block(block("Why? Newest first", theme)),
        why,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparks_scale_to_the_range_and_keep_the_newest() {
        assert_eq!(spark(&[0, 50, 100], (0, 100), 10), "▁▅█");
        assert_eq!(spark(&[0, 50, 100], (0, 100), 2), "▅█");
    }

    #[test]
    fn clicks_find_track_rows() {
        let body = Rect::new(0, 3, 80, 20);
        assert_eq!(track_at(body, 5, 3 + 3 + 1), Some(0));
        assert_eq!(track_at(body, 5, 3 + 3 + 1 + 12), Some(12));
        assert_eq!(track_at(body, 5, 3 + 3), None, "the border");
        assert_eq!(track_at(body, 70, 3 + 3 + 1), None, "the inspector");
    }
}
