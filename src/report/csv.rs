//! The report as one CSV table (RFC 4180), one row per thing that happened, for spreadsheets and
//! grade books: `round,kind,actor,what,detail,from,to`.

use std::fmt::Write;

use super::model::Report;
use crate::narrate::pts;

pub const HEADER: &str = "round,kind,actor,what,detail,from,to";

/// One field, quoted when it holds a comma, a quote or a line break. Text that a spreadsheet
/// would run as a formula gets a leading apostrophe: students' answers are not code.
pub fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Writes a row: text fields are escaped, numbers as they are.
pub struct Rows(String);

impl Rows {
    pub fn new(header: &str) -> Rows {
        Rows(format!("{header}\r\n"))
    }

    /// A row: its week, kind and actor, two text fields (what, detail) and two numbers.
    pub fn row(
        &mut self,
        round: u32,
        kind: &str,
        actor: &str,
        [what, detail]: [&str; 2],
        [from, to]: [Option<i64>; 2],
    ) {
        let num = |n: Option<i64>| n.map_or_else(String::new, |v| v.to_string());
        let _ = write!(
            self.0,
            "{round},{},{},{},{},{},{}\r\n",
            field(kind),
            field(actor),
            field(what),
            field(detail),
            num(from),
            num(to)
        );
    }

    pub fn finish(self) -> String {
        self.0
    }
}

pub fn render(r: &Report) -> String {
    let mut rows = Rows::new(HEADER);
    if let Some(line) = super::record_line(r) {
        rows.row(0, "record", "save", [&line, ""], [None, None]);
    }
    for w in &r.rounds {
        let n = w.round;
        for c in &w.cards {
            let detail = c
                .choice
                .as_ref()
                .map_or_else(|| c.basis.clone(), |ch| format!("Oman decided: {ch}"));
            rows.row(
                n,
                "card",
                if c.injected { "scenario" } else { "deck" },
                [&c.title, &detail],
                [None, None],
            );
        }
        for m in &w.moves {
            rows.row(n, "move", "Oman", [m, ""], [None, None]);
        }
        for t in &w.tabled {
            rows.row(
                n,
                "tabled",
                "Oman",
                [
                    &t.text.join(" · "),
                    &format!("tabled {} time(s); worth to US, to Iran", t.times),
                ],
                [Some(pts(t.utility.us)), Some(pts(t.utility.iran))],
            );
            for reply in &t.replies {
                let mut detail = format!("{} ({})", reply.reason, reply.trend);
                if let Some(c) = &reply.counter {
                    detail.push_str("; would sign with ");
                    detail.push_str(c);
                }
                rows.row(
                    n,
                    "reply",
                    &reply.side,
                    [if reply.accept { "accepts" } else { "rejects" }, &detail],
                    [Some(pts(reply.utility)), Some(pts(reply.walkaway))],
                );
            }
        }
        for line in &w.news {
            rows.row(n, "news", "", [line, ""], [None, None]);
        }
        for c in &w.changes {
            rows.row(
                n,
                "track",
                &c.cause,
                [&c.track, ""],
                [Some(i64::from(c.from)), Some(i64::from(c.to))],
            );
        }
    }
    for t in &r.turning_points {
        rows.row(t.round, "turning-point", "", [&t.what, ""], [None, None]);
    }
    let points = r.outcome.points.map(i64::from);
    rows.row(
        r.rounds_played,
        "outcome",
        "",
        [&r.outcome.title, &r.outcome.key],
        [points, None],
    );
    for g in &r.gains {
        rows.row(
            r.rounds_played,
            "gain",
            &g.side,
            [&g.basis, "worth, walk-away"],
            [g.utility.map(pts), Some(pts(g.walkaway))],
        );
    }
    for c in &r.final_text {
        rows.row(
            r.rounds_played,
            "final-text",
            "",
            [
                &format!("{}: {}", c.issue, c.clause),
                &format!("US {}; Iran {}", c.us, c.iran),
            ],
            [None, None],
        );
    }
    for f in &r.reflections {
        rows.row(
            f.answered_in_round.unwrap_or(0),
            "reflection",
            &f.at,
            [&f.prompt, f.answer.as_deref().unwrap_or("")],
            [None, None],
        );
    }
    rows.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
