//! The full screens behind Tab: delegations with their whole reasoning, the world's tracks with
//! history and the "why?" of each change, the news log, Oman's notebook and the glossary.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Wrap};

use super::panels::{block, gauge, truncate};
use super::theme::Theme;
use super::words::{self, pts};
use crate::app::App;
use crate::game::{Side, TrackId};

pub(super) fn delegations(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Fill(1),
    ]));
    for (side, rect) in [(Side::Us, left), (Side::Iran, right)] {
        let profile = app.content.delegation(side);
        let d = app.state.delegation(side);
        let mut lines = vec![
            Line::from(vec![
                Span::styled("Leader: ", theme.dim),
                Span::styled(profile.def.leader.clone(), theme.text),
            ]),
            Line::from(vec![
                Span::styled("Style: ", theme.dim),
                Span::styled(
                    format!(
                        "{} · patience {}",
                        d.persona.name(),
                        app.state.patience(side)
                    ),
                    theme.text,
                ),
            ]),
        ];
        match &d.last_reply {
            None => lines.push(Line::styled("No text tabled to it yet.", theme.dim)),
            Some(r) => {
                let (verdict, style) = if r.accept {
                    ("ACCEPTS", theme.good)
                } else {
                    ("REJECTS", theme.bad)
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("{verdict} "), style),
                    Span::styled(
                        format!("the week {} text ({})", r.round, words::trend(r.trend)),
                        theme.text,
                    ),
                ]));
                lines.push(Line::styled(
                    format!("Why: {}", words::reason(&app.content, r)),
                    theme.text,
                ));
                lines.push(Line::styled(
                    format!(
                        "Text worth {} · hopes for {} · walk-away {}",
                        pts(r.utility),
                        pts(r.target),
                        pts(r.walkaway)
                    ),
                    theme.text,
                ));
                lines.push(Line::styled(
                    format!("Walk-away moved by: {}", words::drivers(r)),
                    theme.dim,
                ));
                for c in &r.complaints {
                    lines.push(Line::styled(
                        format!(
                            "Wants {} (this text is {} short)",
                            words::choice(&app.content, c.issue, c.wants),
                            pts(c.cost)
                        ),
                        theme.warn,
                    ));
                }
                if let Some(counter) = words::counter(&app.content, r) {
                    lines.push(Line::styled(
                        format!("Would sign with: {counter}"),
                        theme.key,
                    ));
                } else if !r.accept {
                    lines.push(Line::styled(
                        "No one- or two-issue change would win it over.",
                        theme.dim,
                    ));
                }
                lines.push(Line::styled("At home:", theme.dim));
                for f in &r.ratification {
                    let (mark, style) = if f.ok {
                        ("✓", theme.good)
                    } else {
                        ("✗", theme.bad)
                    };
                    lines.push(Line::from(vec![
                        Span::styled(format!(" {mark} "), style),
                        Span::styled(
                            format!(
                                "{}{} (margin {:+})",
                                f.faction,
                                if f.veto { ", veto" } else { "" },
                                pts(f.margin)
                            ),
                            theme.text,
                        ),
                    ]));
                }
            }
        }
        let known: Vec<String> = app
            .state
            .notebook
            .red_lines
            .iter()
            .filter(|(s, _, _)| *s == side)
            .map(|&(_, i, c)| words::choice(&app.content, i, c))
            .collect();
        lines.push(Line::styled(
            format!(
                "Known red lines: {}",
                if known.is_empty() {
                    "none yet".into()
                } else {
                    known.join("; ")
                }
            ),
            theme.text,
        ));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((app.scroll, 0))
                .block(block(&profile.def.name, theme)),
            rect,
        );
    }
}

pub(super) fn world(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let [list, detail] = area.layout(&Layout::horizontal([
        Constraint::Length(40),
        Constraint::Min(0),
    ]));
    let lines: Vec<Line> = TrackId::ALL
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let v = app.state.track(t);
            let style = if i == app.cursor {
                theme.selected
            } else {
                theme.text
            };
            Line::from(vec![
                Span::styled(format!("{:<19}", t.name()), style),
                Span::styled(gauge(t, v, 10), theme.dim),
                Span::styled(format!("{:>7}", t.format(v)), theme.text),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(block("Tracks (↑↓ select)", theme)),
        list,
    );
    let track = TrackId::ALL[app.cursor.min(TrackId::ALL.len() - 1)];
    let [chart, why] = detail.layout(&Layout::vertical([
        Constraint::Length(6),
        Constraint::Min(0),
    ]));
    let (lo, _) = track.range();
    let data: Vec<u64> = app
        .state
        .tracks
        .history(track)
        .iter()
        .chain(std::iter::once(&app.state.track(track)))
        .map(|&v| (v - lo).max(0) as u64 + 1)
        .collect();
    frame.render_widget(
        Sparkline::default()
            .data(&data)
            .style(theme.good)
            .block(block(&format!("{}: one bar per week", track.name()), theme)),
        chart,
    );
    let changes: Vec<Line> = app
        .state
        .changes()
        .filter(|c| c.track == track)
        .rev()
        .take(why.height.saturating_sub(2) as usize)
        .map(|c| {
            let delta = c.to - c.from;
            let style = if (delta > 0) == track.higher_is_worse() {
                theme.bad
            } else {
                theme.good
            };
            Line::from(vec![
                Span::styled(format!("week {:>2}  {:>+4}  ", c.round, delta), style),
                Span::styled(describe_cause(app, &c.cause), theme.text),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(changes).block(block("Why did it change? (newest first)", theme)),
        why,
    );
}

fn describe_cause(app: &App, cause: &crate::game::Cause) -> String {
    use crate::game::Cause;
    match cause {
        Cause::Card(id) | Cause::CardChoice(id, _) => {
            let title = app
                .content
                .card(id)
                .map_or(id.as_str(), |c| c.title.as_str());
            match cause {
                Cause::CardChoice(_, label) => format!("card \"{title}\": {label}"),
                _ => format!("card \"{title}\""),
            }
        }
        other => other.describe(),
    }
}

pub(super) fn news(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lines: Vec<Line> = app
        .state
        .log
        .iter()
        .filter_map(|(_, e)| words::describe(&app.content, e))
        .map(|s| {
            let style = if s.starts_with("──") {
                theme.title
            } else {
                theme.text
            };
            Line::styled(s, style)
        })
        .collect();
    let visible = area.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(visible);
    // Scrolling counts back from the newest line.
    let top = max_scroll.saturating_sub(app.scroll.min(max_scroll));
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((top, 0))
            .block(block("News log (PgUp/PgDn scroll)", theme)),
        area,
    );
}

pub(super) fn notebook(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let nb = &app.state.notebook;
    let mut lines = vec![Line::styled(
        "What Oman has learned in caucuses and replies. Probes can mislead; replies do not.",
        theme.dim,
    )];
    for (i, issue) in app.content.domain.issues.iter().enumerate() {
        lines.push(Line::styled(issue.name.clone(), theme.title));
        for side in Side::BOTH {
            let priority = nb.priorities.get(&(side, i as u8)).map_or_else(
                || "priority unknown".to_string(),
                |k| {
                    format!(
                        "{} priority ({}, week {})",
                        k.priority.name(),
                        if k.confirmed {
                            "from its own words"
                        } else {
                            "from a probe"
                        },
                        k.round
                    )
                },
            );
            let reds: Vec<&str> = nb
                .red_lines
                .iter()
                .filter(|(s, x, _)| *s == side && *x as usize == i)
                .map(|&(_, _, c)| issue.choice_label(c))
                .collect();
            let red = if reds.is_empty() {
                String::new()
            } else {
                format!(" · red line: {}", reds.join(", "))
            };
            lines.push(Line::styled(
                format!("  {:<5} {priority}{red}", side.name()),
                theme.text,
            ));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.scroll, 0))
            .block(block("Notebook", theme)),
        area,
    );
}

pub(super) fn glossary(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut lines = Vec::new();
    for c in &app.content.glossary {
        lines.push(Line::styled(c.term.clone(), theme.title));
        lines.push(Line::styled(c.definition.clone(), theme.text));
        lines.push(Line::styled(
            format!("Source: {}", truncate(&c.source, 200)),
            theme.dim,
        ));
        let seen: Vec<&str> = app
            .content
            .cards_illustrating(&c.id)
            .map(|k| k.title.as_str())
            .collect();
        if !seen.is_empty() {
            lines.push(Line::styled(
                format!("Seen in cards: {}", seen.join(" · ")),
                theme.dim,
            ));
        }
        lines.push(Line::raw(""));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.scroll, 0))
            .block(block("Glossary (PgUp/PgDn scroll)", theme)),
        area,
    );
}
