//! The debrief when the talks end: the outcome and its score, the final text against each side's
//! real red lines (revealed now), the turning points of the tracks, the cards of each week, and
//! what really happened after the cutoff. Scrolls; the last status (e.g. "Saved to …") shows below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::panels::block;
use super::theme::Theme;
use crate::app::App;
use crate::game::{Clause, Event, Outcome, Side, TrackId};
use crate::narrate::{self as words, pts};

/// Tracks the debrief sums up, in the order a class discusses them.
const SUMMED: [TrackId; 6] = [
    TrackId::WarRisk,
    TrackId::Oil,
    TrackId::Breakout,
    TrackId::BreakoutBelief,
    TrackId::UsIranTrust,
    TrackId::OmanCredibility,
];

fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let Some(outcome) = app.session.state.outcome() else {
        return Vec::new();
    };
    let mut out = vec![
        Line::styled(crate::narrate::outcome_title(outcome), theme.title),
        Line::styled(words::outcome_line(outcome), theme.text),
    ];
    if let Outcome::Agreement(score) = outcome {
        out.push(Line::styled(
            format!(
                "Distance to the Pareto frontier {:.3} · closest faction vote {:+} · war risk {}% · oil ${}",
                score.pareto_distance,
                pts(score.durability),
                score.war_risk,
                score.oil
            ),
            theme.text,
        ));
    } else {
        if *outcome == Outcome::War {
            out.push(Line::raw(""));
            out.extend(
                words::war_story(&app.session.content, &app.session.state)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.text)),
            );
        }
        for side in Side::BOTH {
            if let Some(r) = &app.session.state.delegation(side).last_reply {
                out.push(Line::styled(
                    format!(
                        "{} last said (week {}): {}",
                        side.name(),
                        r.round,
                        words::reason(&app.session.content, r)
                    ),
                    theme.text,
                ));
            }
        }
    }

    out.push(Line::raw(""));
    // A deal is judged on the signed text; any other ending on the last text the delegations
    // saw, not on a draft nobody answered ("not drafted … US ok Iran ok").
    let state = &app.session.state;
    let (clauses, heading) = if matches!(outcome, Outcome::Agreement(_)) {
        (
            Some(state.text.clauses.clone()),
            "The final text against the real red lines (✗ crossed · ? never found by Oman)"
                .to_string(),
        )
    } else {
        let last = Side::BOTH
            .iter()
            .filter_map(|&s| Some((state.delegation(s).last_reply.as_ref()?.round, s)))
            .max();
        let clauses = last.and_then(|(_, s)| crate::game::last_tabled(state, s));
        (clauses, words::last_text_heading(last.map(|(w, _)| w)))
    };
    out.push(Line::styled(heading, theme.title));
    for ((i, clause), issue) in clauses
        .iter()
        .flatten()
        .copied()
        .enumerate()
        .map(|(i, c)| (crate::model::IssueId::at(i), c))
        .zip(&app.session.content.domain.issues)
    {
        let label = match clause {
            // An open clause of an issue that can wait was tabled, and signed, as deferred.
            Clause::Open if issue.deferrable => "deferred (left open)".to_string(),
            Clause::Open => "not drafted".to_string(),
            Clause::Deferred => "deferred".to_string(),
            Clause::Option(o) => issue.choice_label(o).to_string(),
        };
        let mut spans = vec![Span::styled(
            format!("  {:<20}{:<34}", issue.name, label),
            theme.text,
        )];
        for side in Side::BOTH {
            let crossed = clause.choice(issue).is_some_and(|c| {
                app.session
                    .state
                    .delegation(side)
                    .red_lines
                    .contains(&(i, c))
            });
            let known = clause
                .choice(issue)
                .is_some_and(|c| app.session.state.notebook.red_lines.contains(&(side, i, c)));
            let (mark, style) = match (crossed, known) {
                (true, true) => ("✗", theme.bad),
                (true, false) => ("✗?", theme.bad),
                _ => ("ok", theme.good),
            };
            spans.push(Span::styled(format!(" {} {mark:<3}", side.name()), style));
        }
        out.push(Line::from(spans));
    }

    out.push(Line::raw(""));
    out.push(Line::styled(
        "Turning points: start → end, and the biggest single move",
        theme.title,
    ));
    for t in SUMMED {
        let biggest = app
            .session
            .state
            .changes()
            .filter(|c| c.track == t)
            .max_by_key(|c| (c.to - c.from).abs());
        let turn = biggest.map_or_else(
            || "never moved".to_string(),
            |c| {
                format!(
                    "{:+} in week {}: {}",
                    c.to - c.from,
                    c.round,
                    super::screens::describe_cause(app, &c.cause)
                )
            },
        );
        out.push(Line::styled(
            format!(
                "  {:<19}{:>7} → {:<7} {turn}",
                t.name(),
                crate::narrate::track_value(t, app.session.state.opening(t)),
                crate::narrate::track_value(t, app.session.state.track(t))
            ),
            theme.text,
        ));
    }

    out.push(Line::raw(""));
    out.push(Line::styled("The news, week by week", theme.title));
    let mut week_cards: Vec<(u32, String)> = Vec::new();
    for (round, e) in &app.session.state.log {
        if let Event::CardDrawn { card, .. } = e {
            let title = app
                .session
                .content
                .card(card)
                .map_or(card.clone(), |c| c.title.clone());
            match week_cards.last_mut() {
                Some((r, titles)) if r == round => {
                    titles.push_str(" · ");
                    titles.push_str(&title);
                }
                _ => week_cards.push((*round, title)),
            }
        }
    }
    for (round, titles) in week_cards {
        out.push(Line::styled(
            format!("  week {round:>2}: {titles}"),
            theme.text,
        ));
    }

    out.push(Line::raw(""));
    out.push(Line::styled(
        "What really happened after the cutoff",
        theme.title,
    ));
    for item in &app.session.content.scenario.epilogue {
        out.push(Line::styled(
            format!(
                "{}: {} [{}]",
                item.date,
                item.text,
                item.confidence.letter()
            ),
            theme.text,
        ));
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        "For discussion: which of George's conditions for coercive diplomacy held here?",
        theme.dim,
    ));
    out
}

/// Draws the debrief over the whole screen but its top line.
pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let rect = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    frame.render_widget(Clear, rect);
    let outer = block("Debrief: the talks are over", theme);
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let [body, status, keys] = inner.layout(&Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    let text = lines(app, theme);
    // Keep the last page in view rather than scrolling into emptiness.
    let wrapped: u16 = text
        .iter()
        .map(|l| (l.width() as u16).div_ceil(body.width.max(1)).max(1))
        .sum();
    let top = app.scroll.min(wrapped.saturating_sub(body.height));
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .scroll((top, 0)),
        body,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(app.status.clone(), theme.warn)),
        status,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            "↑↓ PgUp PgDn scroll · w write the report · s save · Esc look around · q quit",
            theme.key,
        )),
        keys,
    );
}
