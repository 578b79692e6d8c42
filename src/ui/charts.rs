//! Charts of track history with ratatui's Chart: war risk, oil, and the breakout time as
//! Washington believes it against the truth. Two lines differ by marker and legend, not only colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition};

use super::dashboard::series;
use super::panels::block;
use super::theme::Theme;
use crate::app::App;
use crate::game::TrackId;

fn points(app: &App, track: TrackId) -> Vec<(f64, f64)> {
    series(app, track)
        .iter()
        .enumerate()
        .map(|(week, &v)| (week as f64, f64::from(v)))
        .collect()
}

/// Low and high y bounds that hold every point with a little room, within the track's range.
fn y_bounds(sets: &[&[(f64, f64)]], range: (i32, i32)) -> [f64; 2] {
    let ys = sets.iter().flat_map(|s| s.iter().map(|p| p.1));
    let (lo, hi) = ys.fold((f64::MAX, f64::MIN), |(a, b), y| (a.min(y), b.max(y)));
    let pad = ((hi - lo) * 0.2).max(5.0);
    [
        (lo - pad).max(f64::from(range.0)).floor(),
        (hi + pad).min(f64::from(range.1)).ceil(),
    ]
}

fn chart<'a>(
    title: &'a str,
    sets: Vec<Dataset<'a>>,
    weeks: f64,
    y: [f64; 2],
    unit: &dyn Fn(f64) -> String,
    theme: &Theme,
) -> Chart<'a> {
    Chart::new(sets)
        .block(block(title, theme))
        .x_axis(
            Axis::default()
                .bounds([0.0, weeks])
                .labels([
                    Span::styled("wk 0", theme.dim),
                    Span::styled(format!("wk {weeks}"), theme.dim),
                ])
                .style(theme.dim),
        )
        .y_axis(
            Axis::default()
                .bounds(y)
                .labels([
                    Span::styled(unit(y[0]), theme.dim),
                    Span::styled(unit(y[1]), theme.dim),
                ])
                .style(theme.dim),
        )
        .legend_position(Some(LegendPosition::TopRight))
        .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(60)))
}

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let [top, bottom] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Fill(1),
    ]));
    let [left, right] = top.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Fill(1),
    ]));
    let weeks = f64::from(app.session.state.deadline.max(app.session.state.round));
    let war = points(app, TrackId::WarRisk);
    let oil = points(app, TrackId::Oil);
    let truth = points(app, TrackId::Breakout);
    let belief = points(app, TrackId::BreakoutBelief);
    let war_y = y_bounds(&[&war], TrackId::WarRisk.range());
    let oil_y = y_bounds(&[&oil], TrackId::Oil.range());
    let brk_y = y_bounds(&[&truth, &belief], TrackId::Breakout.range());
    frame.render_widget(
        chart(
            "War risk, week by week",
            vec![dataset("", &war, Marker::Braille, theme.bad)],
            weeks,
            war_y,
            &|v| format!("{v:.0}%"),
            theme,
        ),
        left,
    );
    frame.render_widget(
        chart(
            "Brent oil, $ a barrel",
            vec![dataset("", &oil, Marker::Braille, theme.warn)],
            weeks,
            oil_y,
            &|v| format!("${v:.0}"),
            theme,
        ),
        right,
    );
    frame.render_widget(
        chart(
            "Breakout in weeks: US belief (•) against the truth (line)",
            vec![
                dataset("true", &truth, Marker::Braille, theme.good),
                dataset("US belief •", &belief, Marker::Dot, theme.key),
            ],
            weeks,
            brk_y,
            &|v| format!("{v:.0} wk"),
            theme,
        ),
        bottom,
    );
}

fn dataset<'a>(
    name: &'static str,
    data: &'a [(f64, f64)],
    marker: Marker,
    style: Style,
) -> Dataset<'a> {
    let set = Dataset::default()
        .marker(marker)
        .graph_type(GraphType::Line)
        .style(style)
        .data(data);
    // A single line needs no legend box over the data.
    if name.is_empty() { set } else { set.name(name) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn y_bounds_hold_every_point_inside_the_range() {
        let a = [(0.0, 20.0), (1.0, 30.0)];
        let b = [(0.0, 95.0)];
        let [lo, hi] = y_bounds(&[&a, &b], (0, 100));
        assert!((0.0..=20.0).contains(&lo), "{lo}");
        assert!((hi - 100.0).abs() < f64::EPSILON, "{hi}");
    }
}
