//! Windows drawn over the screen: the briefing, help, the event card, menus, confirmations and the
//! end-of-game debrief.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::panels::block;
use super::theme::Theme;
use super::words::{self, pts};
use crate::app::{App, Confirm, Overlay, keymap};
use crate::game::{Outcome, Phase, Side};

/// Draws every open overlay, bottom first.
pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if let Some(top) = app.overlays.last() {
        match top {
            Overlay::Briefing => briefing(frame, app, theme, area),
            Overlay::Help => help(frame, theme, area),
            Overlay::Card { id, selected } => card(frame, app, theme, area, id, *selected),
            Overlay::Menu(menu) => {
                let lines: Vec<Line> = menu
                    .items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let style = if i == menu.selected {
                            theme.selected
                        } else {
                            theme.text
                        };
                        Line::styled(format!(" {} {} ", i + 1, item.label()), style)
                    })
                    .chain([
                        Line::raw(""),
                        Line::styled(" ↑↓ Enter choose · 1-9 pick · Esc cancel", theme.dim),
                    ])
                    .collect();
                let width = lines.iter().map(Line::width).max().unwrap_or(20) as u16 + 4;
                popup(frame, theme, area, &menu.title, lines, width, false);
            }
            Overlay::Confirm(what) => {
                let question = match what {
                    Confirm::Quit => "Quit? The game is autosaved to saves/autosave.ron.",
                    Confirm::EndRound => "End the week with action points left?",
                    Confirm::Extension => {
                        "Ask for two more weeks? It costs credibility and US patience."
                    }
                };
                let lines = vec![
                    Line::styled(question, theme.text),
                    Line::raw(""),
                    Line::styled("y / Enter: yes    Esc: no", theme.key),
                ];
                popup(frame, theme, area, "Are you sure?", lines, 66, false);
            }
            Overlay::End => end(frame, app, theme, area),
            Overlay::Odds(answers) => super::odds::draw(frame, app, theme, area, answers),
        }
    }
}

pub(super) fn popup(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    title: &str,
    lines: Vec<Line>,
    width: u16,
    wrap: bool,
) {
    let width = width.min(area.width.saturating_sub(2));
    let inner = width.saturating_sub(2).max(1);
    let height = if wrap {
        lines
            .iter()
            .map(|l| (l.width() as u16).div_ceil(inner).max(1))
            .sum::<u16>()
    } else {
        lines.len() as u16
    } + 2;
    let rect = area.centered(
        Constraint::Length(width),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    let mut p = Paragraph::new(lines).block(block(title, theme));
    if wrap {
        p = p.wrap(Wrap { trim: false });
    }
    frame.render_widget(p, rect);
}

fn briefing(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let s = &app.content.scenario;
    let lines = vec![
        Line::styled(s.briefing.clone(), theme.text),
        Line::raw(""),
        Line::styled("How a week goes", theme.title),
        Line::styled(
            "1. Read the news card. 2. Draft the text: ↑↓ pick an issue, ←→ pick an option.",
            theme.text,
        ),
        Line::styled(
            "3. Spend 3 actions: t tables the text, c meets one delegation in private.",
            theme.text,
        ),
        Line::styled(
            "4. Read the replies: what each side wants, and what it would sign. n ends the week.",
            theme.text,
        ),
        Line::raw(""),
        Line::styled(
            format!(
                "A what-if with information up to {}; a game models, it does not predict. Seed {} · {}.",
                s.cutoff,
                app.state.seed,
                app.state.difficulty.name()
            ),
            theme.dim,
        ),
        Line::styled("Enter to begin · ? for every key", theme.key),
    ];
    popup(frame, theme, area, &s.title, lines, 78, true);
}

fn help(frame: &mut Frame, theme: &Theme, area: Rect) {
    let mut lines: Vec<Line> = keymap::help_lines()
        .map(|(key, what)| {
            Line::from(vec![
                Span::styled(format!(" {key:<10}"), theme.key),
                Span::styled(what, theme.text),
            ])
        })
        .collect();
    lines.push(Line::styled(
        " Table marks: H/M/L known priority · ✗ red line · ! wants more here · ✓ fine",
        theme.dim,
    ));
    popup(frame, theme, area, "Keys (Esc closes)", lines, 78, false);
}

fn card(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, id: &str, selected: usize) {
    let Some(card) = app.content.card(id) else {
        return;
    };
    let choosing = matches!(&app.state.phase, Phase::Choosing(c) if c == id);
    let mut lines = vec![Line::styled(card.text.clone(), theme.text), Line::raw("")];
    if !card.effects.is_empty() {
        lines.push(Line::styled(
            format!("Effects: {}", words::effects(&app.content, &card.effects)),
            theme.warn,
        ));
    }
    lines.push(Line::styled(
        format!(
            "History: {} — {} [{}]",
            card.basis.text,
            card.basis.source,
            card.basis.confidence.letter()
        ),
        theme.dim,
    ));
    let concepts: Vec<&str> = card
        .concepts
        .iter()
        .filter_map(|c| app.content.concept(c).map(|x| x.term.as_str()))
        .collect();
    if !concepts.is_empty() {
        lines.push(Line::styled(
            format!("Concepts: {} (glossary: 6)", concepts.join(", ")),
            theme.dim,
        ));
    }
    if choosing {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Oman must decide:", theme.title));
        for (i, choice) in card.choices.iter().enumerate() {
            let style = if i == selected {
                theme.selected
            } else {
                theme.text
            };
            lines.push(Line::styled(
                format!("{} {}", if i == selected { "▶" } else { " " }, choice.label),
                style,
            ));
            lines.push(Line::styled(
                format!("    {}", words::effects(&app.content, &choice.effects)),
                theme.dim,
            ));
        }
        lines.push(Line::styled("↑↓ choose · Enter decide", theme.key));
    } else {
        lines.push(Line::styled("Enter or Esc to continue", theme.key));
    }
    popup(
        frame,
        theme,
        area,
        &format!("Week {}: {}", app.state.round, card.title),
        lines,
        76,
        true,
    );
}

fn end(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(outcome) = app.state.outcome() else {
        return;
    };
    let mut lines = vec![
        Line::styled(outcome.title(), theme.title),
        Line::styled(words::outcome_line(outcome), theme.text),
        Line::raw(""),
    ];
    if let Outcome::Agreement(score) = outcome {
        lines.push(Line::styled(
            format!(
                "Distance to the Pareto frontier {:.3} · closest faction vote {:+} · war risk {}% · oil ${}",
                score.pareto_distance,
                pts(score.durability),
                score.war_risk,
                score.oil
            ),
            theme.text,
        ));
        let deferred: Vec<&str> = score
            .package
            .iter()
            .zip(&app.content.domain.issues)
            .filter(|(c, i)| Some(**c) == i.deferred_choice())
            .map(|(_, i)| i.name.as_str())
            .collect();
        if !deferred.is_empty() {
            lines.push(Line::styled(
                format!("Left for later: {}", deferred.join(", ")),
                theme.dim,
            ));
        }
    } else {
        for side in Side::BOTH {
            if let Some(r) = &app.state.delegation(side).last_reply {
                lines.push(Line::styled(
                    format!(
                        "{} last said: {}",
                        side.name(),
                        words::reason(&app.content, r)
                    ),
                    theme.text,
                ));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "What really happened after the cutoff",
        theme.title,
    ));
    for item in &app.content.scenario.epilogue {
        lines.push(Line::styled(
            format!(
                "{}: {} [{}]",
                item.date,
                item.text,
                item.confidence.letter()
            ),
            theme.text,
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "For discussion: which of George's conditions for coercive diplomacy held here?",
        theme.dim,
    ));
    lines.push(Line::styled("Esc look around · s save · q quit", theme.key));
    popup(frame, theme, area, "The talks are over", lines, 78, true);
}
