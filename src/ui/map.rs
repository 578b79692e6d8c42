//! The map of the Gulf, drawn with ratatui's canvas: coastlines, capitals, the Strait of Hormuz,
//! and the forces where `game::theatre` places them. Glyphs and a legend carry the meaning, so
//! it reads the same without colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as Segment};
use ratatui::widgets::{Paragraph, Wrap};

use super::panels::block;
use super::theme::Theme;
use crate::app::App;
use crate::game::{ForceKind, HORMUZ, PLACES, Strait, stakes, theatre};

/// Longitudes and latitudes shown: from Baghdad to the Arabian Sea.
const LON: [f64; 2] = [43.5, 64.0];
const LAT: [f64; 2] = [18.0, 37.5];

/// Coastlines traced by hand, coarse on purpose: at 80 columns a world map's dots turn to dust,
/// while a few clean lines still read as the Gulf. (lon, lat), in order along the shore.
const COASTS: &[&[(f64, f64)]] = &[
    // Iran, from the Shatt al-Arab to the Makran coast.
    &[
        (48.0, 30.0),
        (48.9, 30.3),
        (50.1, 30.1),
        (50.3, 29.3),
        (50.8, 28.9),
        (51.4, 27.9),
        (52.5, 27.4),
        (53.6, 26.9),
        (54.6, 26.6),
        (55.5, 26.8),
        (56.3, 27.2),
        (57.0, 26.9),
        (57.3, 25.9),
        (58.5, 25.6),
        (59.6, 25.4),
        (61.6, 25.2),
        (64.0, 25.3),
    ],
    // Arabia, from Kuwait round Qatar and Musandam to Oman's Arabian Sea coast.
    &[
        (48.0, 30.0),
        (48.2, 29.4),
        (48.6, 28.1),
        (49.6, 27.0),
        (50.2, 26.3),
        (50.6, 25.6),
        (50.8, 24.8),
        (51.1, 26.1),
        (51.6, 25.3),
        (51.5, 24.6),
        (52.0, 24.0),
        (53.5, 24.1),
        (54.4, 24.5),
        (55.3, 25.3),
        (56.0, 25.8),
        (56.4, 26.4),
        (56.35, 25.6),
        (56.4, 24.9),
        (56.6, 24.5),
        (57.3, 23.9),
        (58.4, 23.6),
        (59.0, 22.8),
        (59.8, 22.5),
        (59.5, 21.5),
        (58.8, 20.5),
        (57.8, 19.0),
        (56.5, 18.0),
    ],
    // The Caspian's southern shore, north of Tehran.
    &[
        (48.9, 37.5),
        (50.3, 37.1),
        (51.5, 36.7),
        (53.0, 36.8),
        (54.0, 37.3),
    ],
];

/// Places whose label goes to the left of the dot, so neighbours do not run into each other.
const LABEL_LEFT: &[&str] = &["Abu Dhabi", "Bandar Abbas"];

fn glyph(kind: ForceKind, n: usize) -> String {
    match kind {
        ForceKind::Carrier => format!("C{n}"),
        ForceKind::FastBoats => "b".into(),
        ForceKind::SeizedTanker => "T".into(),
    }
}

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    // Wide enough for the week's stakes, which are what the map is read for.
    let legend_w = if area.width >= 120 { 52 } else { 40 };
    let [map_area, legend_area] = area.layout(&Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(legend_w),
    ]));
    let t = theatre(&app.session.state);
    let coast = theme.border.fg.unwrap_or(Color::Reset);
    let mut carriers = 0;
    let labels: Vec<(f64, f64, String, ForceKind)> = t
        .forces
        .iter()
        .map(|f| {
            if f.kind == ForceKind::Carrier {
                carriers += 1;
            }
            (f.at.lon, f.at.lat, glyph(f.kind, carriers), f.kind)
        })
        .collect();
    let strait_style = match t.strait {
        Strait::Open => theme.good,
        Strait::Tense => theme.warn,
        Strait::ClosureVoted => theme.bad,
    };
    let degrees_per_column = (LON[1] - LON[0]) / f64::from(map_area.width.saturating_sub(2).max(1));
    let canvas = Canvas::default()
        .block(block("The Gulf", theme))
        .marker(Marker::Braille)
        .x_bounds(LON)
        .y_bounds(LAT)
        .paint(move |ctx| {
            for coast_line in COASTS {
                for w in coast_line.windows(2) {
                    ctx.draw(&Segment::new(w[0].0, w[0].1, w[1].0, w[1].1, coast));
                }
            }
            for (name, at) in PLACES {
                let dot = Span::styled("•", theme.key);
                let label = Span::styled(*name, theme.text);
                if LABEL_LEFT.contains(name) {
                    let lon = at.lon - degrees_per_column * name.chars().count() as f64;
                    ctx.print(lon, at.lat, Line::from(vec![label, dot]));
                } else {
                    ctx.print(at.lon, at.lat, Line::from(vec![dot, label]));
                }
            }
            ctx.print(
                HORMUZ.lon + 0.4,
                HORMUZ.lat - 0.4,
                Span::styled("Hormuz", strait_style),
            );
            for (lon, lat, g, kind) in &labels {
                let style = match kind {
                    ForceKind::Carrier => theme.selected,
                    ForceKind::FastBoats | ForceKind::SeizedTanker => theme.bad,
                };
                ctx.print(*lon, *lat, Span::styled(g.clone(), style));
            }
        });
    frame.render_widget(canvas, map_area);

    // What the forces mean for this week's moves comes first: the map is read for a decision.
    let mut lines = vec![Line::styled("As this week ends:", theme.title)];
    lines.extend(
        crate::narrate::stakes(&app.session.content, &stakes(&app.session.state))
            .into_iter()
            .map(|l| Line::styled(l, theme.text)),
    );
    lines.extend([
        Line::raw(""),
        Line::from(vec![
            Span::styled("Strait of Hormuz: ", theme.title),
            Span::styled(t.strait.name(), strait_style),
        ]),
    ]);
    if t.forces.is_empty() {
        lines.push(Line::styled(
            "No warships in the news yet. Carriers appear with the cards that send them.",
            theme.dim,
        ));
    }
    let mut n = 0;
    for f in &t.forces {
        if f.kind == ForceKind::Carrier {
            n += 1;
        }
        let mut spans = vec![
            Span::styled(format!("{:<3}", glyph(f.kind, n)), theme.key),
            Span::styled(f.name, theme.text),
        ];
        // Narrow, the stakes above already say why the forces stand where they do.
        if legend_w > 40 {
            spans.push(Span::styled(format!(": {}", f.why), theme.dim));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Positions follow the cards drawn, Oman's answers and war risk.",
        theme.dim,
    ));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block("Forces and stakes", theme)),
        legend_area,
    );
}
