//! Inline SVG charts for the HTML pages: track histories, the utility space and bar charts.
//! Plain SVG text with no scripts, fonts or links, so a page stays one self-contained file.
//! Colours are the Okabe–Ito palette (safe for colour-blind readers), doubled by dash patterns.

use std::fmt::Write;

use super::model::{CLOUD, Point, Space, TrackSeries};

/// Okabe–Ito colours.
pub const PALETTE: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
];

/// Escapes text for HTML and SVG.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn open(out: &mut String, w: u32, h: u32, label: &str) {
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{0}\"><title>{0}</title>",
        esc(label)
    );
}

/// Tracks over the weeks, one small chart each (three a row), each on its own range with its
/// values on the axis: a shared axis would put dollars and percentages on one scale.
pub fn tracks(series: &[&TrackSeries]) -> String {
    let per_row = 3;
    let rows = series.len().div_ceil(per_row).max(1);
    let (cell_w, cell_h) = (240.0, 170.0);
    let (left, right, top, bottom) = (46.0, 12.0, 30.0, 34.0);
    let w = cell_w * per_row as f64;
    let h = cell_h * rows as f64;
    let mut out = String::new();
    open(
        &mut out,
        w as u32,
        h as u32,
        "Track history, week by week, one chart a track on its own range",
    );
    for (k, s) in series.iter().enumerate() {
        let ox = cell_w * (k % per_row) as f64;
        let oy = cell_h * (k / per_row) as f64;
        let plot_w = cell_w - left - right;
        let plot_h = cell_h - top - bottom;
        let points = s.values.len().max(2) - 1;
        let x = |i: usize| ox + left + plot_w * i as f64 / points as f64;
        let span = f64::from((s.max - s.min).max(1));
        let y = |v: i32| oy + top + plot_h * (1.0 - f64::from(v - s.min) / span);
        let colour = PALETTE[k % PALETTE.len()];
        let first = s.values.first().copied().unwrap_or_default();
        let last = s.values.last().copied().unwrap_or_default();
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"14\" font-weight=\"bold\">{} {first}→{last}</text>",
            ox + 6.0,
            oy + 18.0,
            esc(&s.name)
        );
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{plot_w:.1}\" height=\"{plot_h:.1}\" fill=\"none\" stroke=\"#999\"/>",
            ox + left,
            oy + top
        );
        let mid = i32::midpoint(s.min, s.max);
        for (v, label) in [
            (s.max, s.labels[1].clone()),
            (mid, String::new()),
            (s.min, s.labels[0].clone()),
        ] {
            let gy = y(v);
            let _ = write!(
                out,
                "<line x1=\"{:.1}\" y1=\"{gy:.1}\" x2=\"{:.1}\" y2=\"{gy:.1}\" stroke=\"#ddd\"/>",
                ox + left,
                ox + left + plot_w
            );
            let text = if label.is_empty() {
                mid.to_string()
            } else {
                label
            };
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
                ox + left - 4.0,
                gy + 4.0,
                esc(&text)
            );
        }
        // Week labels: the start, each week's end, and "end" or "now" for a week cut short.
        let step = points.div_ceil(6).max(1);
        for i in 0..=points {
            let shown = i == 0 || i == points || i % step == 0;
            if !shown {
                continue;
            }
            let label = match (i, s.last) {
                (0, _) => "start".to_string(),
                (i, Some(word)) if i == points => word.to_string(),
                (i, _) => i.to_string(),
            };
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\">{label}</text>",
                x(i),
                oy + top + plot_h + 15.0
            );
        }
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\">week</text>",
            ox + left + plot_w / 2.0,
            oy + cell_h - 4.0
        );
        let pts: Vec<String> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, &v)| format!("{:.1},{:.1}", x(i), y(v)))
            .collect();
        let _ = write!(
            out,
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" points=\"{}\"/>",
            pts.join(" ")
        );
    }
    out.push_str("</svg>");
    out
}

/// The utility space: every possible text (grey), the Pareto frontier, the walk-away lines,
/// the texts tabled in order, the Nash and Kalai–Smorodinsky points and the deal.
pub fn space(s: &Space) -> String {
    let (size, pad) = (420.0, 44.0);
    let plot = size - 2.0 * pad;
    let legend_w = 290.0;
    let x = |u: f64| pad + plot * u;
    let y = |u: f64| pad + plot * (1.0 - u);
    let mut out = String::new();
    open(
        &mut out,
        (size + legend_w) as u32,
        size as u32,
        "Utility space: worth of each text to the US (across) and Iran (up)",
    );
    let _ = write!(
        out,
        "<rect x=\"{pad}\" y=\"{pad}\" width=\"{plot}\" height=\"{plot}\" fill=\"none\" stroke=\"#999\"/>"
    );
    let cell = plot / f64::from(CLOUD - 1);
    for &(cx, cy) in &s.cloud {
        let ux = f64::from(cx) / f64::from(CLOUD - 1);
        let uy = f64::from(cy) / f64::from(CLOUD - 1);
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#ddd\"/>",
            x(ux) - cell / 2.0,
            y(uy) - cell / 2.0,
            cell,
            cell
        );
    }
    let frontier: Vec<String> = s
        .frontier
        .iter()
        .map(|p| format!("{:.1},{:.1}", x(p.us), y(p.iran)))
        .collect();
    let _ = write!(
        out,
        "<polyline class=\"frontier\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" points=\"{}\"/>",
        PALETTE[0],
        frontier.join(" ")
    );
    let _ = write!(
        out,
        "<line x1=\"{0:.1}\" y1=\"{pad}\" x2=\"{0:.1}\" y2=\"{1}\" stroke=\"#666\" stroke-dasharray=\"4 3\"/><line x1=\"{pad}\" y1=\"{2:.1}\" x2=\"{1}\" y2=\"{2:.1}\" stroke=\"#666\" stroke-dasharray=\"4 3\"/>",
        x(s.walkaway.us),
        pad + plot,
        y(s.walkaway.iran)
    );
    let path: Vec<String> = s
        .tabled
        .iter()
        .map(|p| format!("{:.1},{:.1}", x(p.us), y(p.iran)))
        .collect();
    if path.len() > 1 {
        let _ = write!(
            out,
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"1\" stroke-dasharray=\"2 2\" points=\"{}\"/>",
            PALETTE[4],
            path.join(" ")
        );
    }
    for (i, p) in s.tabled.iter().enumerate() {
        let _ = write!(
            out,
            "<circle class=\"tabled\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{}\"><title>text {} tabled: US {:.2}, Iran {:.2}</title></circle>",
            x(p.us),
            y(p.iran),
            PALETTE[4],
            i + 1,
            p.us,
            p.iran
        );
    }
    if let Some(p) = s.kalai_smorodinsky {
        let (cx, cy) = (x(p.us), y(p.iran));
        let _ = write!(
            out,
            "<polygon class=\"ks\" points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{}\"><title>Kalai–Smorodinsky point</title></polygon>",
            cx,
            cy - 7.0,
            cx - 6.0,
            cy + 5.0,
            cx + 6.0,
            cy + 5.0,
            PALETTE[2]
        );
    }
    if let Some(p) = s.nash {
        let (cx, cy) = (x(p.us), y(p.iran));
        let _ = write!(
            out,
            "<polygon class=\"nash\" points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{}\"><title>Nash point</title></polygon>",
            cx,
            cy - 8.0,
            cx + 8.0,
            cy,
            cx,
            cy + 8.0,
            cx - 8.0,
            cy,
            PALETTE[1]
        );
    }
    if let Some(p) = s.deal {
        let _ = write!(
            out,
            "<circle class=\"deal\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"8\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"><title>the deal</title></circle>",
            x(p.us),
            y(p.iran),
            PALETTE[6]
        );
    }
    for t in [0.0, 0.5, 1.0] {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{t}</text><text x=\"{}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{t}</text>",
            x(t),
            pad + plot + 14.0,
            pad - 4.0,
            y(t) + 4.0
        );
    }
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">worth to the US →</text>",
        pad + plot / 2.0,
        size - 6.0
    );
    let _ = write!(
        out,
        "<text x=\"12\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 12 {:.1})\">worth to Iran →</text>",
        pad + plot / 2.0,
        pad + plot / 2.0
    );
    let lx = size + 8.0;
    let items: [(&str, String); 6] = [
        ("possible texts", "<rect width=\"10\" height=\"10\" y=\"-9\" fill=\"#ddd\"/>".into()),
        ("Pareto frontier (texts both could sign)", format!("<line x1=\"0\" y1=\"-4\" x2=\"12\" y2=\"-4\" stroke=\"{}\" stroke-width=\"2.5\"/>", PALETTE[0])),
        ("walk-away values at the end", "<line x1=\"0\" y1=\"-4\" x2=\"12\" y2=\"-4\" stroke=\"#666\" stroke-dasharray=\"4 3\"/>".into()),
        ("texts tabled, in order", format!("<circle cx=\"5\" cy=\"-4\" r=\"4\" fill=\"{}\"/>", PALETTE[4])),
        ("Nash point ◆, Kalai–Smorodinsky ▲", format!("<polygon points=\"5,-12 12,-4 5,4 -2,-4\" fill=\"{}\"/>", PALETTE[1])),
        ("the deal (ring)", format!("<circle cx=\"5\" cy=\"-4\" r=\"6\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"/>", PALETTE[6])),
    ];
    for (k, (label, mark)) in items.iter().enumerate() {
        let ly = pad + 20.0 * k as f64;
        let _ = write!(
            out,
            "<g transform=\"translate({lx} {ly})\">{mark}<text x=\"18\" y=\"0\" font-size=\"11\">{}</text></g>",
            esc(label)
        );
    }
    out.push_str("</svg>");
    out
}

/// A horizontal bar chart of counts.
/// `full` is the value a bar fills the width at (100 for a score out of 100); `None` scales to
/// the largest bar.
pub fn bars(title: &str, bars: &[(String, u32)], full: Option<u32>) -> String {
    let (w, row, left) = (560.0, 26.0, 170.0);
    let h = row * bars.len().max(1) as f64 + 10.0;
    let largest = bars.iter().map(|b| b.1).max().unwrap_or(1);
    let most = full.unwrap_or(largest).max(largest).max(1);
    let mut out = String::new();
    open(&mut out, w as u32, h as u32, title);
    for (k, (label, n)) in bars.iter().enumerate() {
        let y = 5.0 + row * k as f64;
        let bw = (w - left - 50.0) * f64::from(*n) / f64::from(most);
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text><rect class=\"bar\" x=\"{left}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"{:.1}\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{n}</text>",
            left - 6.0,
            y + row * 0.6,
            esc(label),
            row - 8.0,
            PALETTE[k % PALETTE.len()],
            left + bw + 6.0,
            y + row * 0.6
        );
    }
    out.push_str("</svg>");
    out
}

/// A point as "US 45, Iran 52".
pub fn point(p: &Point) -> String {
    format!(
        "US {}, Iran {}",
        crate::narrate::pts(p.us),
        crate::narrate::pts(p.iran)
    )
}
