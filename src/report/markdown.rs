//! The report as Markdown: plain headings, lists and pipe tables that import cleanly into a
//! word processor, a wiki or a learning platform.

use std::fmt::Write;

use super::model::{ChangeRecord, Report, RoundRecord, Tabling};
use crate::narrate::pts;

/// A heading's anchor as Markdown renderers make it: lower case, spaces to dashes.
pub fn slug(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' | '-' => Some(c),
            ' ' => Some('-'),
            _ => None,
        })
        .collect()
}

/// A table cell: pipes and line breaks would break the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Net change of each track in a week, with what moved it: "War risk 35→41 (card x +4, drift +2)".
pub fn track_lines(changes: &[ChangeRecord]) -> Vec<String> {
    let mut order: Vec<&str> = Vec::new();
    for c in changes {
        if !order.contains(&c.track.as_str()) {
            order.push(&c.track);
        }
    }
    order
        .into_iter()
        .filter_map(|track| {
            let mine: Vec<&ChangeRecord> = changes.iter().filter(|c| c.track == track).collect();
            let mut causes: Vec<(String, i32)> = Vec::new();
            for c in &mine {
                match causes.iter_mut().find(|(k, _)| *k == c.cause) {
                    Some((_, d)) => *d += c.to - c.from,
                    None => causes.push((c.cause.clone(), c.to - c.from)),
                }
            }
            let why = causes
                .iter()
                .map(|(k, d)| format!("{k} {d:+}"))
                .collect::<Vec<_>>()
                .join(", ");
            let (from, to) = (mine[0].from, mine[mine.len() - 1].to);
            (from != to).then(|| format!("{track} {from}→{to} ({why})"))
        })
        .collect()
}

/// One line per reply: "US rejects: reason (trend); wants …; would sign with …".
pub fn reply_lines(t: &Tabling) -> Vec<String> {
    t.replies
        .iter()
        .map(|r| {
            let mut line = format!(
                "{} {}: {} ({})",
                r.side,
                if r.accept { "ACCEPTS" } else { "rejects" },
                r.reason,
                r.trend
            );
            if !r.complaints.is_empty() {
                let _ = write!(line, "; {}", r.complaints.join(", "));
            }
            if let Some(c) = &r.counter {
                let _ = write!(line, "; would sign with {c}");
            }
            line
        })
        .collect()
}

fn round(out: &mut String, r: &RoundRecord) {
    let _ = writeln!(out, "### Week {}\n", r.round);
    for c in &r.cards {
        let _ = write!(
            out,
            "- **Card{}:** {}",
            if c.injected { " (scripted)" } else { "" },
            c.title
        );
        if let Some(choice) = &c.choice {
            let _ = write!(out, " — Oman decided: {choice}");
        }
        if !c.basis.is_empty() {
            let when = if c.date.is_empty() {
                String::new()
            } else {
                format!(", {}", c.date)
            };
            let _ = write!(
                out,
                ". *Basis{when}:* {} ({}; confidence {})",
                c.basis, c.source, c.confidence
            );
            if !c.url.is_empty() {
                let _ = write!(out, " <{}>", c.url);
            }
        }
        out.push('\n');
    }
    if !r.moves.is_empty() {
        let _ = writeln!(out, "- **Oman:** {}", r.moves.join("; "));
    }
    for t in &r.tabled {
        let _ = writeln!(
            out,
            "- **Text tabled{}** (worth {} to the US, {} to Iran): {}",
            if t.times > 1 {
                format!(" ×{}", t.times)
            } else {
                String::new()
            },
            pts(t.utility.us),
            pts(t.utility.iran),
            t.text.join(" · ")
        );
        for line in reply_lines(t) {
            let _ = writeln!(out, "  - {line}");
        }
    }
    for n in &r.news {
        let _ = writeln!(out, "- {n}");
    }
    let tracks = track_lines(&r.changes);
    if !tracks.is_empty() {
        let _ = writeln!(out, "- **Tracks:** {}", tracks.join("; "));
    }
    out.push('\n');
}

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# After-action report: {}\n", r.title);
    let _ = writeln!(
        out,
        "Scenario `{}` · seed {} · difficulty {} · {} of {} weeks · {} commands · facts up to {}. \
         A game models; it does not predict.\n",
        r.scenario, r.seed, r.difficulty, r.rounds_played, r.deadline, r.commands, r.cutoff
    );
    if r.cites_sources() {
        let _ = writeln!(out, "{}\n", super::SOURCE_CODES);
    }
    if let Some(line) = super::record_line(r) {
        let _ = writeln!(out, "{line}\n");
    }
    let _ = write!(out, "## Outcome\n\n**{}**", r.outcome.title);
    if let Some(p) = r.outcome.points {
        let _ = write!(out, " — score {p}/100");
        if let (Some(n), Some(d)) = (r.outcome.nash_product, r.outcome.pareto_distance) {
            let _ = write!(
                out,
                ", Nash product {n}, distance to the Pareto frontier {d}"
            );
        }
    }
    out.push_str("\n\n## Turning points\n\n");
    if r.turning_points.is_empty() {
        out.push_str("- None stood out: the talks drifted.\n");
    }
    for t in &r.turning_points {
        let _ = writeln!(out, "- Week {}: {}", t.round, t.what);
    }
    out.push_str("\n## Timeline\n\n");
    for w in &r.rounds {
        round(&mut out, w);
    }
    out.push_str("## The final text against each side's red lines\n\n");
    out.push_str("| Issue | Clause | US | Iran |\n|---|---|---|---|\n");
    for c in &r.final_text {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&c.issue),
            cell(&c.clause),
            c.us,
            c.iran
        );
    }
    out.push_str("\n## Gains over the walk-away value\n\n");
    out.push_str("| Side | Measured on | Worth | Walk-away | Gain |\n|---|---|---|---|---|\n");
    for g in &r.gains {
        let opt = |x: Option<f64>| x.map_or_else(|| "–".to_string(), |v| pts(v).to_string());
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            g.side,
            g.basis,
            opt(g.utility),
            pts(g.walkaway),
            g.gain
                .map_or_else(|| "–".to_string(), |v| format!("{:+}", pts(v)))
        );
    }
    out.push_str("\nPoints out of 100 for each side.\n\n## The utility space\n\n");
    let s = &r.space;
    let p = |x: &super::model::Point| format!("US {}, Iran {}", pts(x.us), pts(x.iran));
    let _ = writeln!(
        out,
        "- Pareto frontier of the texts both could sign: {} points, from ({}) to ({})",
        s.frontier.len(),
        s.frontier.first().map_or_else(|| "–".into(), p),
        s.frontier.last().map_or_else(|| "–".into(), p)
    );
    let _ = writeln!(out, "- Walk-away values at the end: {}", p(&s.walkaway));
    let _ = writeln!(
        out,
        "- Nash point (the largest product of both gains): {}",
        s.nash
            .as_ref()
            .map_or_else(|| "none: no text beats both walk-aways".into(), p)
    );
    let _ = writeln!(
        out,
        "- Kalai–Smorodinsky point (equal shares of the best possible gain): {}",
        s.kalai_smorodinsky
            .as_ref()
            .map_or_else(|| "none".into(), p)
    );
    let _ = writeln!(
        out,
        "- The deal: {}",
        s.deal.as_ref().map_or_else(|| "none signed".into(), p)
    );
    let _ = writeln!(
        out,
        "- Texts tabled: {}",
        if s.tabled.is_empty() {
            "none".to_string()
        } else {
            s.tabled
                .iter()
                .map(|t| format!("({})", p(t)))
                .collect::<Vec<_>>()
                .join(" → ")
        }
    );
    out.push_str("\n## Concepts met in play\n\n");
    if r.concepts.is_empty() {
        out.push_str("- None yet.\n");
    }
    for c in &r.concepts {
        let weeks = c.rounds.iter().map(ToString::to_string).collect::<Vec<_>>();
        let _ = writeln!(
            out,
            "- [{}](#{}) (week {}): {}",
            c.term,
            slug(&c.term),
            weeks.join(", "),
            c.seen_in.join("; ")
        );
    }
    out.push_str("\n## Discussion questions\n\n");
    for (i, q) in r.questions.iter().enumerate() {
        let _ = writeln!(out, "{}. {q}", i + 1);
    }
    out.push_str("\n## Reflections\n\n");
    if r.reflections.is_empty() {
        out.push_str("The scenario sets no reflection prompts.\n");
    }
    for f in &r.reflections {
        let _ = writeln!(out, "**{} — {}**\n", capital(&f.at), f.prompt);
        match (&f.answer, f.answered_in_round) {
            (Some(a), Some(w)) => {
                let _ = writeln!(
                    out,
                    "> {} *(answered in week {w})*\n",
                    a.replace('\n', "\n> ")
                );
            }
            _ => out.push_str("*Not answered.*\n\n"),
        }
    }
    out.push_str("## Epilogue: what really happened after the cutoff\n\n");
    for e in &r.epilogue {
        let _ = writeln!(
            out,
            "- **{}:** {} *({}; confidence {})*",
            e.date, e.text, e.source, e.confidence
        );
    }
    out.push_str("\n## Glossary\n");
    for c in &r.concepts {
        let _ = writeln!(out, "\n### {}\n\n{} *({})*", c.term, c.definition, c.source);
    }
    out
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_match_heading_anchors() {
        assert_eq!(
            slug("Deterrence and compellence"),
            "deterrence-and-compellence"
        );
        assert_eq!(slug("BATNA"), "batna");
        assert_eq!(slug("Two-level game (Putnam)"), "two-level-game-putnam");
    }

    #[test]
    fn track_lines_net_each_track_with_its_causes() {
        let c = |track: &str, from, to, cause: &str| ChangeRecord {
            track: track.into(),
            from,
            to,
            cause: cause.into(),
        };
        let lines = track_lines(&[
            c("War risk", 35, 39, "card a"),
            c("Brent oil", 70, 72, "card a"),
            c("War risk", 39, 41, "drift"),
            c("War risk", 41, 43, "card a"),
        ]);
        assert_eq!(
            lines,
            [
                "War risk 35→43 (card a +6, drift +2)",
                "Brent oil 70→72 (card a +2)"
            ]
        );
    }
}
