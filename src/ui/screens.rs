//! The text screens behind Tab: delegations with their whole reasoning, the news log, Oman's
//! notebook and the glossary.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::panels::{block, truncate, wrap};
use super::theme::Theme;
use crate::app::App;
use crate::game::Side;
use crate::narrate::{self as words, pts};

pub(super) fn delegations(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Fill(1),
    ]));
    for (side, rect) in [(Side::Us, left), (Side::Iran, right)] {
        let profile = app.session.content.delegation(side);
        let d = app.session.state.delegation(side);
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
                        app.session.state.patience(side)
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
                    format!("Why: {}", words::reason(&app.session.content, r)),
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
                if r.rule == crate::game::Rule::BelowTarget {
                    lines.push(Line::styled(
                        "Its hopes come down under pressure, deadlines, carrots and public \
                         commitments; waiting alone moves them little.",
                        theme.dim,
                    ));
                }
                for c in &r.complaints {
                    lines.push(Line::styled(
                        format!(
                            "Wants {} (this text is {} short)",
                            words::choice(&app.session.content, c.issue, c.wants),
                            pts(c.cost)
                        ),
                        theme.warn,
                    ));
                }
                if let Some(reading) = words::reading(&app.session.content, r) {
                    lines.push(Line::styled(reading, theme.dim));
                }
                if let Some(counter) = words::counter(&app.session.content, r) {
                    lines.push(Line::styled(
                        format!("Would sign with: {counter}"),
                        theme.key,
                    ));
                } else if !r.accept {
                    lines.push(Line::styled(
                        "No one- or two-issue change would win it over yet.",
                        theme.dim,
                    ));
                    if let Some(ask) = words::ask(&app.session.content, r) {
                        lines.push(Line::styled(format!("Asks for now: {ask}"), theme.text));
                    }
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
            .session
            .state
            .notebook
            .red_lines
            .iter()
            .filter(|(s, _, _)| *s == side)
            .map(|&(_, i, c)| words::choice(&app.session.content, i, c))
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

pub(super) fn describe_cause(app: &App, cause: &crate::game::Cause) -> String {
    words::cause(&app.session.content, cause)
}

/// The news log wrapped to `width` columns, oldest first: each entry's first line, then its
/// continuation lines indented; the week headers are marked as titles.
fn news_lines(app: &App, width: usize) -> Vec<(String, bool)> {
    app.session
        .state
        .log
        .iter()
        .filter_map(|(_, e)| words::describe(&app.session.content, e))
        .flat_map(|s| {
            let title = s.starts_with("──");
            wrap(&s, width, "  ").into_iter().map(move |l| (l, title))
        })
        .collect()
}

/// How far back from the newest line the news screen can scroll in `area` (its body).
pub(super) fn news_max_scroll(app: &App, area: Rect) -> u16 {
    let lines = news_lines(app, area.width.saturating_sub(2) as usize).len();
    u16::try_from(lines)
        .unwrap_or(u16::MAX)
        .saturating_sub(area.height.saturating_sub(2))
}

pub(super) fn news(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lines: Vec<Line> = news_lines(app, area.width.saturating_sub(2) as usize)
        .into_iter()
        .map(|(s, title)| Line::styled(s, if title { theme.title } else { theme.text }))
        .collect();
    let max_scroll = news_max_scroll(app, area);
    // Scrolling counts back from the newest line: PgUp goes to older news, PgDn to newer.
    let back = app.scroll.min(max_scroll);
    let top = max_scroll - back;
    let title = if back == 0 {
        "News log, newest at the bottom (PgUp older)".to_string()
    } else {
        format!("News log, {back} lines back (PgUp older · PgDn newer)")
    };
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((top, 0))
            .block(block(&title, theme)),
        area,
    );
}

pub(super) fn notebook(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let nb = &app.session.state.notebook;
    let mut lines = vec![Line::styled(
        "What Oman has learned in caucuses and replies. Probes can mislead; replies do not.",
        theme.dim,
    )];
    for (i, issue) in app.session.content.domain.each_issue() {
        lines.push(Line::styled(issue.name.clone(), theme.title));
        for side in Side::BOTH {
            let priority = nb.priorities.get(&(side, i)).map_or_else(
                || "priority unknown".to_string(),
                |k| {
                    format!(
                        "{} priority ({}, week {})",
                        crate::narrate::priority_name(k.priority),
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
                .filter(|&&(s, x, _)| s == side && x == i)
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
    for c in &app.session.content.glossary {
        lines.push(Line::styled(c.term.clone(), theme.title));
        lines.push(Line::styled(c.definition.clone(), theme.text));
        lines.push(Line::styled(
            format!("Source: {}", truncate(&c.source, 200)),
            theme.dim,
        ));
        // Only the cards this game has drawn: the rest would spoil the deck.
        let seen: Vec<&str> = app
            .session
            .content
            .cards_illustrating(&c.id)
            .filter(|k| app.session.state.drawn.contains(&k.id))
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
