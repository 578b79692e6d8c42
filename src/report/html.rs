//! The report as one self-contained HTML page a teacher can project: inline CSS and inline SVG
//! charts, no scripts, fonts, images or links to anything outside the page.

use std::fmt::Write;

use super::markdown::{reply_lines, track_lines};
use super::model::Report;
use super::svg::{self, esc};
use crate::narrate::pts;

/// The style shared by the report and the class comparison: large type for a projector, and a
/// print layout without page-breaking charts.
pub const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111;background:#fff}\
h1{font-size:1.9rem}h2{border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2.2rem}\
table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}\
th{background:#eef4fa}.meta{color:#444}.outcome{font-size:1.3rem;font-weight:bold}.week{margin:.8rem 0 1.2rem}\
.accept{color:#006b4f;font-weight:bold}.reject{color:#a33a00;font-weight:bold}.small{font-size:.9rem;color:#444}\
blockquote{border-left:4px solid #CC79A7;margin:.4rem 0;padding:.2rem .8rem;background:#faf5f8}\
svg.chart{max-width:100%;height:auto;display:block;margin:.6rem 0}@media print{svg.chart,table{page-break-inside:avoid}}";

/// Opens a page with its title and the shared style.
pub fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
}

/// Tracks drawn on the history chart: the ones a debrief talks about.
const CHARTED: [&str; 6] = [
    "WarRisk",
    "Oil",
    "UsPatience",
    "UsIranTrust",
    "IranTrustInOman",
    "OmanCredibility",
];

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    head(&mut out, &format!("After-action report: {}", r.title));
    let _ = writeln!(out, "<h1>After-action report: {}</h1>", esc(&r.title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">Scenario <code>{}</code> · seed {} · difficulty {} · {} of {} weeks · {} commands · facts up to {}. A game models; it does not predict.</p>",
        esc(&r.scenario),
        r.seed,
        esc(&r.difficulty),
        r.rounds_played,
        r.deadline,
        r.commands,
        esc(&r.cutoff)
    );
    if r.cites_sources() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(super::SOURCE_CODES));
    }
    if let Some(line) = super::record_line(r) {
        let _ = writeln!(
            out,
            "<p class=\"record\"><strong>{}</strong></p>",
            esc(&line)
        );
    }
    let _ = write!(
        out,
        "<h2 id=\"outcome\">Outcome</h2>\n<p class=\"outcome\">{}",
        esc(&r.outcome.title)
    );
    if let Some(p) = r.outcome.points {
        let _ = write!(out, " — score {p}/100");
    }
    out.push_str("</p>\n");
    if let (Some(n), Some(d)) = (r.outcome.nash_product, r.outcome.pareto_distance) {
        let _ = writeln!(
            out,
            "<p>Nash product {n}; distance to the Pareto frontier {d}.</p>"
        );
    }
    out.push_str("<h2 id=\"turning-points\">Turning points</h2>\n<ul>\n");
    for t in &r.turning_points {
        let _ = writeln!(
            out,
            "<li><a href=\"#week-{0}\">Week {0}</a>: {1}</li>",
            t.round,
            esc(&t.what)
        );
    }
    out.push_str("</ul>\n<h2 id=\"tracks\">The state of the world, week by week</h2>\n");
    let charted: Vec<_> = CHARTED
        .iter()
        .filter_map(|id| r.tracks.iter().find(|t| t.id == *id))
        .collect();
    out.push_str(&svg::tracks(&charted));
    out.push_str("\n<h2 id=\"space\">The utility space</h2>\n");
    out.push_str(&svg::space(&r.space));
    let s = &r.space;
    let _ = writeln!(
        out,
        "<p class=\"small\">Walk-away values at the end: {}. Nash point: {}. Kalai–Smorodinsky point: {}. The deal: {}. Texts tabled: {}.</p>",
        svg::point(&s.walkaway),
        s.nash.as_ref().map_or_else(|| "none".into(), svg::point),
        s.kalai_smorodinsky
            .as_ref()
            .map_or_else(|| "none".into(), svg::point),
        s.deal
            .as_ref()
            .map_or_else(|| "none signed".into(), svg::point),
        s.tabled.len()
    );
    out.push_str("<h2 id=\"final-text\">The final text against each side's red lines</h2>\n<table><tr><th>Issue</th><th>Clause</th><th>US</th><th>Iran</th></tr>\n");
    for c in &r.final_text {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.issue),
            esc(&c.clause),
            esc(&c.us),
            esc(&c.iran)
        );
    }
    let walk_away = if r.concepts.iter().any(|c| c.id == "reservation-point") {
        "<a href=\"#concept-reservation-point\">walk-away value</a>"
    } else {
        "walk-away value"
    };
    let _ = writeln!(
        out,
        "</table>\n<h2 id=\"gains\">Gains over the {walk_away}</h2>\n<table><tr><th>Side</th><th>Measured on</th><th>Worth</th><th>Walk-away</th><th>Gain</th></tr>"
    );
    for g in &r.gains {
        let opt = |x: Option<f64>| x.map_or_else(|| "–".to_string(), |v| pts(v).to_string());
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&g.side),
            esc(&g.basis),
            opt(g.utility),
            pts(g.walkaway),
            g.gain
                .map_or_else(|| "–".to_string(), |v| format!("{:+}", pts(v)))
        );
    }
    out.push_str("</table>\n<h2 id=\"timeline\">Timeline</h2>\n");
    for w in &r.rounds {
        let _ = writeln!(
            out,
            "<div class=\"week\" id=\"week-{0}\"><h3>Week {0}</h3>\n<ul>",
            w.round
        );
        for c in &w.cards {
            let _ = write!(
                out,
                "<li><b>Card{}:</b> {}",
                if c.injected { " (scripted)" } else { "" },
                esc(&c.title)
            );
            if let Some(ch) = &c.choice {
                let _ = write!(out, " — Oman decided: {}", esc(ch));
            }
            if !c.basis.is_empty() {
                let _ = write!(
                    out,
                    "<br><span class=\"small\">Basis{}: {} ({}; confidence {})",
                    if c.date.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", esc(&c.date))
                    },
                    esc(&c.basis),
                    esc(&c.source),
                    esc(&c.confidence)
                );
                if !c.url.is_empty() {
                    let _ = write!(out, " <a href=\"{0}\">{0}</a>", esc(&c.url));
                }
                out.push_str("</span>");
            }
            out.push_str("</li>\n");
        }
        if !w.moves.is_empty() {
            let _ = writeln!(out, "<li><b>Oman:</b> {}</li>", esc(&w.moves.join("; ")));
        }
        for t in &w.tabled {
            let times = if t.times > 1 {
                format!(" ×{}", t.times)
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "<li><b>Text tabled{times}</b> (worth {} to the US, {} to Iran): {}<ul>",
                pts(t.utility.us),
                pts(t.utility.iran),
                esc(&t.text.join(" · "))
            );
            for (line, reply) in reply_lines(t).iter().zip(&t.replies) {
                let class = if reply.accept { "accept" } else { "reject" };
                let _ = write!(
                    out,
                    "<li class=\"{class}-line\"><span class=\"{class}\">{}</span></li>",
                    esc(line)
                );
            }
            out.push_str("</ul></li>\n");
        }
        for n in &w.news {
            let _ = writeln!(out, "<li>{}</li>", esc(n));
        }
        let tracks = track_lines(&w.changes);
        if !tracks.is_empty() {
            let _ = writeln!(
                out,
                "<li class=\"small\"><b>Tracks:</b> {}</li>",
                esc(&tracks.join("; "))
            );
        }
        out.push_str("</ul></div>\n");
    }
    out.push_str("<h2 id=\"concepts\">Concepts met in play</h2>\n<ul>\n");
    for c in &r.concepts {
        let weeks: Vec<String> = c
            .rounds
            .iter()
            .map(|w| format!("<a href=\"#week-{w}\">{w}</a>"))
            .collect();
        let _ = writeln!(
            out,
            "<li><a href=\"#concept-{}\">{}</a> (week {}): {}</li>",
            esc(&c.id),
            esc(&c.term),
            weeks.join(", "),
            esc(&c.seen_in.join("; "))
        );
    }
    out.push_str("</ul>\n<h2 id=\"questions\">Discussion questions</h2>\n<ol>\n");
    for q in &r.questions {
        let _ = writeln!(out, "<li>{}</li>", esc(q));
    }
    out.push_str("</ol>\n<h2 id=\"reflections\">Reflections</h2>\n");
    for f in &r.reflections {
        let _ = writeln!(out, "<p><b>{} — {}</b></p>", esc(&f.at), esc(&f.prompt));
        match (&f.answer, f.answered_in_round) {
            (Some(a), Some(w)) => {
                let _ = writeln!(
                    out,
                    "<blockquote>{}<br><span class=\"small\">answered in week {w}</span></blockquote>",
                    esc(a).replace('\n', "<br>")
                );
            }
            _ => out.push_str("<p class=\"small\">Not answered.</p>\n"),
        }
    }
    out.push_str(
        "<h2 id=\"epilogue\">Epilogue: what really happened after the cutoff</h2>\n<ul>\n",
    );
    for e in &r.epilogue {
        let _ = writeln!(
            out,
            "<li><b>{}:</b> {} <span class=\"small\">({}; confidence {})</span></li>",
            esc(&e.date),
            esc(&e.text),
            esc(&e.source),
            esc(&e.confidence)
        );
    }
    out.push_str("</ul>\n<h2 id=\"glossary\">Glossary</h2>\n<dl>\n");
    for c in &r.concepts {
        let _ = writeln!(
            out,
            "<dt id=\"concept-{}\"><b>{}</b></dt><dd>{} <span class=\"small\">({})</span></dd>",
            esc(&c.id),
            esc(&c.term),
            esc(&c.definition),
            esc(&c.source)
        );
    }
    out.push_str("</dl>\n</body>\n</html>\n");
    out
}
