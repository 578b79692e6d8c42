//! The panels of the table screen: the draft text, the delegations' last replies, the tracks and
//! the latest news.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::game::{Clause, Priority, Side, TrackId, last_tabled};
use crate::model::IssueId;
use crate::narrate as words;

pub(super) fn block<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .title(Span::styled(format!(" {title} "), theme.title))
        .border_style(theme.border)
}

/// Rows of the draft text panel: borders, the column header, eight issues and the detail line.
pub(super) const DRAFT_HEIGHT: u16 = 12;

/// What Oman knows of one side's stance on an issue, in two cells: the priority letter, then a mark
/// for the drafted clause: ✗ a known red line; otherwise, from its last reply, ! a complaint here,
/// ✓ no complaint, or ~ when the draft has changed here since that reply.
fn stance(
    app: &App,
    side: Side,
    issue: IssueId,
    tabled: Option<&[Clause]>,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let nb = &app.session.state.notebook;
    let priority = match nb.priorities.get(&(side, issue)) {
        Some(k) => match k.priority {
            Priority::High => "H",
            Priority::Medium => "M",
            Priority::Low => "L",
        },
        None => "?",
    };
    let clause = app.session.state.text.clause(issue);
    let red = clause
        .choice(app.session.content.domain.issue(issue))
        .is_some_and(|c| nb.red_lines.contains(&(side, issue, c)));
    let reply = app.session.state.delegation(side).last_reply.as_ref();
    let changed = tabled.is_some_and(|t| t.get(issue.index()) != Some(&clause));
    let complained = reply.is_some_and(|r| r.complaints.iter().any(|c| c.issue == issue));
    let (mark, style) = if red {
        ("✗", theme.bad)
    } else if reply.is_none() {
        (" ", theme.dim)
    } else if changed {
        ("~", theme.dim)
    } else if complained {
        ("!", theme.warn)
    } else {
        ("✓", theme.good)
    };
    vec![
        Span::styled(priority.to_string(), theme.dim),
        Span::styled(mark.to_string(), style),
    ]
}

fn clause_text(app: &App, issue: IssueId, clause: Clause) -> String {
    let issue = app.session.content.domain.issue(issue);
    match clause {
        // Tabled, an open clause of an issue that can wait counts as deferred: say so.
        Clause::Open if issue.deferrable => "— open: tables as deferred —".to_string(),
        Clause::Open => "— not drafted —".to_string(),
        Clause::Deferred => "(deferred)".to_string(),
        Clause::Option(o) => issue.choice_label(o).to_string(),
    }
}

/// The US posture banner: George's variant, demand, deadline, threat and carrot.
pub(super) fn posture(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let [first, second] = crate::narrate::posture(&app.session.content, &app.session.state);
    let width = area.width.saturating_sub(1) as usize;
    let lines = vec![
        Line::styled(format!(" {}", truncate(&first, width)), theme.warn),
        Line::styled(format!(" {}", truncate(&second, width)), theme.text),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

pub(super) fn draft(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let inner_width = area.width.saturating_sub(2) as usize;
    // Narrow terminals give the clause the room: issue names are the part players know by heart.
    let name_w = if inner_width < 70 { 15 } else { 19 };
    let clause_w = inner_width.saturating_sub(name_w + 2 + 10);
    let tabled_us = last_tabled(&app.session.state, Side::Us);
    let tabled_iran = last_tabled(&app.session.state, Side::Iran);
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!(
                "  {:<name_w$}{:<clause_w$}",
                "Issue",
                truncate("Draft clause (* not yet tabled)", clause_w)
            ),
            theme.dim,
        ),
        Span::styled("  US  Iran", theme.dim),
    ])];
    for (i, issue) in app.session.content.domain.each_issue() {
        let clause = app.session.state.text.clause(i);
        // The change from the last text: marked where the draft differs from what was tabled.
        let differs = [&tabled_us, &tabled_iran].iter().any(|t| {
            t.as_ref()
                .is_some_and(|t| t.get(i.index()) != Some(&clause))
        });
        let text = format!(
            "{}{}",
            if differs { "*" } else { "" },
            clause_text(app, i, clause)
        );
        let selected = i == app.selected_issue();
        let marker = if app.link_mark == Some(i) {
            "⇄ "
        } else if selected {
            "▶ "
        } else {
            "  "
        };
        let row_style = if selected { theme.selected } else { theme.text };
        let mut spans = vec![
            Span::styled(marker, theme.key),
            Span::styled(
                format!("{:<name_w$}", truncate(&issue.name, name_w - 1)),
                row_style,
            ),
            Span::styled(
                format!("{:<clause_w$}", truncate(&text, clause_w.saturating_sub(1))),
                if clause == Clause::Open {
                    theme.dim
                } else {
                    row_style
                },
            ),
            Span::raw("  "),
        ];
        spans.extend(stance(app, Side::Us, i, tabled_us.as_deref(), theme));
        spans.push(Span::raw("  "));
        spans.extend(stance(app, Side::Iran, i, tabled_iran.as_deref(), theme));
        lines.push(Line::from(spans));
    }
    // The selected clause in full, and what the delegations last saw there.
    let i = IssueId::at(
        app.cursor
            .min(app.session.content.domain.issues.len().saturating_sub(1)),
    );
    let now = clause_text(app, i, app.session.state.text.clause(i));
    let mut detail = format!("▶ {now}");
    if let Some(t) = tabled_us.as_ref().or(tabled_iran.as_ref())
        && let Some(&was) = t.get(i.index())
        && was != app.session.state.text.clause(i)
    {
        detail = format!("{detail} · tabled: {}", clause_text(app, i, was));
    }
    // What is not on the table yet here, and what would open it, comes first: it is the part a
    // player cannot find by pressing the arrows.
    if let Some(locked) = words::locked(&app.session.content, &app.session.state, i) {
        let full = format!("▶ {locked} · {}", &detail["▶ ".len()..]);
        // On a narrow panel the lock alone: the clause is in its row just above.
        detail = if full.chars().count() > inner_width {
            format!("▶ {locked}")
        } else {
            full
        };
    }
    lines.push(Line::styled(truncate(&detail, inner_width), theme.dim));
    let title = "Draft text (←→ option, d defer, t table)";
    frame.render_widget(Paragraph::new(lines).block(block(title, theme)), area);
}

pub(super) fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Greedy word wrap to `width` columns: leading spaces are kept, words longer than a line are
/// cut across lines, and every line after the first starts with `indent`, so a wrapped entry
/// reads as one.
pub(super) fn wrap(s: &str, width: usize, indent: &str) -> Vec<String> {
    let lead = s.len() - s.trim_start_matches(' ').len();
    let (pad, rest) = s.split_at(lead);
    let width = width.max(indent.chars().count().max(lead) + 2);
    let mut out = Vec::new();
    let mut line = pad.to_string();
    let mut len = lead;
    // Whether the line holds a word yet (not only its indent).
    let mut worded = false;
    for word in rest.split(' ').filter(|w| !w.is_empty()) {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let gap = usize::from(worded);
            if len + gap + word.len() <= width {
                if worded {
                    line.push(' ');
                }
                line.extend(word.iter());
                len += gap + word.len();
                worded = true;
                break;
            }
            if !worded {
                // A word wider than a whole line: cut it.
                let room = width - len;
                line.extend(word.drain(..room));
            }
            out.push(std::mem::take(&mut line));
            line.push_str(indent);
            len = indent.chars().count();
            worded = false;
        }
    }
    out.push(line);
    out
}

pub(super) fn delegations(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut lines = Vec::new();
    for side in Side::BOTH {
        let d = app.session.state.delegation(side);
        let trust = app.session.state.track(TrackId::trust_in_oman(side));
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} ", app.session.content.delegation(side).def.name),
                theme.title,
            ),
            Span::styled(
                format!(
                    "patience {} · trust in Oman {}",
                    app.session.state.patience(side),
                    trust
                ),
                theme.dim,
            ),
        ]));
        match &d.last_reply {
            None => lines.push(Line::styled("  No text tabled yet.", theme.dim)),
            Some(r) => {
                let (verdict, style) = if r.accept {
                    ("✓ ACCEPTS", theme.good)
                } else {
                    ("✗ rejects", theme.bad)
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {verdict} "), style),
                    Span::styled(
                        format!(
                            "(week {}): {}",
                            r.round,
                            words::reason(&app.session.content, r)
                        ),
                        theme.text,
                    ),
                ]));
                if !r.complaints.is_empty() {
                    let wants: Vec<String> = r
                        .complaints
                        .iter()
                        .take(2)
                        .map(|c| words::choice(&app.session.content, c.issue, c.wants))
                        .collect();
                    lines.push(Line::styled(
                        format!("  wants: {}", wants.join("; ")),
                        theme.text,
                    ));
                }
                if let Some(counter) = words::counter(&app.session.content, r) {
                    lines.push(Line::from(vec![
                        Span::styled("  would sign with: ", theme.key),
                        Span::styled(counter, theme.text),
                    ]));
                } else if let Some(ask) = words::ask(&app.session.content, r) {
                    lines.push(Line::from(vec![
                        Span::styled("  asks for now: ", theme.dim),
                        Span::styled(ask, theme.text),
                    ]));
                }
            }
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block("Delegations (2 for the full reasons)", theme)),
        area,
    );
}

/// A gauge of `width` cells for a track value.
pub(super) fn gauge(track: TrackId, value: i32, width: usize) -> String {
    let (lo, hi) = track.range();
    let filled = ((value - lo) as f64 / (hi - lo) as f64 * width as f64).round() as usize;
    format!(
        "{}{}",
        "█".repeat(filled.min(width)),
        "░".repeat(width - filled.min(width))
    )
}

pub(super) fn tracks(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = area.width.saturating_sub(2) as usize;
    let bar = width.saturating_sub(17 + 7).max(4);
    let lines: Vec<Line> = TrackId::ALL
        .iter()
        .map(|&t| {
            let v = app.session.state.track(t);
            let history = app.session.state.tracks.history(t);
            let before = history.last().copied().unwrap_or(v);
            let (arrow, style) = match v.cmp(&before) {
                std::cmp::Ordering::Greater if t.higher_is_worse() => ("▲", theme.bad),
                std::cmp::Ordering::Greater => ("▲", theme.good),
                std::cmp::Ordering::Less if t.higher_is_worse() => ("▼", theme.good),
                std::cmp::Ordering::Less => ("▼", theme.bad),
                std::cmp::Ordering::Equal => (" ", theme.dim),
            };
            Line::from(vec![
                Span::styled(
                    format!("{:<17}", crate::narrate::track_short(t)),
                    theme.text,
                ),
                Span::styled(gauge(t, v, bar), theme.dim),
                Span::styled(
                    format!("{:>6}", crate::narrate::track_value(t, v)),
                    theme.text,
                ),
                Span::styled(arrow, style),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(block("World · 3 dash · 8 charts", theme)),
        area,
    );
}

pub(super) fn news(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let height = area.height.saturating_sub(2) as usize;
    let items: Vec<String> = app
        .session
        .state
        .log
        .iter()
        .filter_map(|(_, e)| words::describe(&app.session.content, e))
        .collect();
    let start = items.len().saturating_sub(height);
    let lines: Vec<Line> = items[start..]
        .iter()
        .map(|s| {
            Line::styled(
                truncate(s, area.width.saturating_sub(2) as usize),
                theme.text,
            )
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(block("News (4 for all, 7 map)", theme)),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_words_keeps_the_lead_and_cuts_only_a_word_too_long() {
        assert_eq!(
            wrap("  one two three", 9, "    "),
            ["  one two", "    three"]
        );
        assert_eq!(wrap("abcdefghij", 6, " "), ["abcdef", " ghij"]);
        assert_eq!(wrap("short", 80, "  "), ["short"]);
        for l in wrap(&"word ".repeat(40), 17, "  ") {
            assert!(l.chars().count() <= 17, "{l}");
        }
    }
}
