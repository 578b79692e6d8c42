//! Windows drawn over the screen: the briefing, help, the event card, menus and confirmations
//! (the end-of-game debrief has its own file).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::panels::{block, wrap};
use super::theme::Theme;
use crate::app::{App, Confirm, MenuItem, Overlay, keymap};
use crate::game::Phase;
use crate::narrate as words;

/// Draws every open overlay, bottom first.
pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if let Some(top) = app.overlays.last() {
        match top {
            Overlay::Briefing => briefing(frame, app, theme, area),
            Overlay::Help => help(frame, app, theme, area),
            Overlay::Card { id, selected } => card(frame, app, theme, area, id, *selected),
            Overlay::Menu(menu) => {
                let points = app.session.state.action_points;
                let lines: Vec<Line> = menu
                    .items
                    .iter()
                    .enumerate()
                    .flat_map(|(i, item)| {
                        // A move that costs more actions than are left shows, greyed, as such.
                        let short = matches!(item, MenuItem::Run(_, c) if c.cost() > points);
                        let style = match (i == menu.selected, short) {
                            (true, _) => theme.selected,
                            (false, true) => theme.dim,
                            (false, false) => theme.text,
                        };
                        let mut label = format!(" {} {}", i + 1, item.label());
                        if short {
                            label.push_str(" (no actions left)");
                        }
                        // Wrapped here, with an indent, so a long line of effects reads as one.
                        let room = area.width.saturating_sub(7) as usize;
                        let effects = menu.effects.get(i).cloned().flatten();
                        wrap(&label, room, "   ")
                            .into_iter()
                            .map(move |l| Line::styled(l, style))
                            .chain(
                                effects
                                    .map(|e| wrap(&format!("     {e}"), room, "     "))
                                    .into_iter()
                                    .flatten()
                                    .map(|l| Line::styled(l, theme.dim)),
                            )
                            .collect::<Vec<_>>()
                    })
                    .chain([
                        Line::raw(""),
                        Line::styled(" ↑↓ Enter choose · 1-9 pick · Esc cancel", theme.dim),
                    ])
                    .collect();
                let width = lines.iter().map(Line::width).max().unwrap_or(20) as u16 + 4;
                // Long labels wrap rather than being cut on a narrow terminal.
                let wrapped = width > area.width.saturating_sub(2);
                popup(frame, theme, area, &menu.title, lines, width, wrapped);
            }
            Overlay::Confirm(what) => {
                let question = match *what {
                    Confirm::Quit => "Quit? The game is autosaved to saves/autosave.ron.".into(),
                    Confirm::EndRound => "End the week with action points left?".into(),
                    Confirm::Extension => {
                        "Ask for two more weeks? It costs credibility and US patience.".into()
                    }
                    Confirm::DraftUnlocked { issue, option } => {
                        words::draft_offer(&app.session.content, issue, option)
                    }
                };
                let lines = vec![
                    Line::styled(question, theme.text),
                    Line::raw(""),
                    Line::styled("y / Enter: yes    Esc: no", theme.key),
                ];
                // An offer is a question, not a warning; its long option names wrap.
                let (title, wrap) = match what {
                    Confirm::DraftUnlocked { .. } => ("Draft it?", true),
                    _ => ("Are you sure?", false),
                };
                popup(frame, theme, area, title, lines, 66, wrap);
            }
            Overlay::End => super::debrief::draw(frame, app, theme, area),
            Overlay::Odds(ranking) => super::odds::draw(frame, app, theme, area, ranking),
            Overlay::Reflect { id, text } => reflect(frame, app, theme, area, id, text),
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
    let s = &app.session.content.scenario;
    let lines = vec![
        Line::styled(s.briefing.clone(), theme.text),
        Line::from(vec![
            Span::styled("A week: ", theme.title),
            Span::styled(
                "read the card · draft: ↑↓ issue, ←→ option · 3 actions: t tables the text, \
                 c meets one side · read the replies · n ends the week",
                theme.text,
            ),
        ]),
        Line::styled(
            format!(
                "A what-if with information up to {}; a game models, it does not predict. Seed {} · {}.",
                s.cutoff,
                app.session.state.seed,
                app.session.state.difficulty.name()
            ),
            theme.dim,
        ),
        Line::styled("Enter to begin · ? for every key", theme.key),
    ];
    popup(frame, theme, area, &s.title, lines, 78, true);
}

fn help(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut lines: Vec<Line> = keymap::help_lines()
        .map(|(key, what)| {
            Line::from(vec![
                Span::styled(format!(" {key:<10}"), theme.key),
                Span::styled(what, theme.text),
            ])
        })
        .collect();
    lines.push(Line::styled(
        " Marks, from each side's last reply: H/M/L priority · ✗ known red line",
        theme.dim,
    ));
    lines.push(Line::styled(
        "   ! wants more · ✓ fine · ~ changed since the reply · * not yet tabled",
        theme.dim,
    ));
    // Scrolls when the terminal is too short for every key.
    let room = area.height.saturating_sub(2) as usize;
    let max = lines.len().saturating_sub(room);
    let skip = (app.help_scroll as usize).min(max);
    let title = if max > 0 {
        "Keys (↑↓ scroll, Esc closes)"
    } else {
        "Keys (Esc closes)"
    };
    let lines: Vec<Line> = lines.into_iter().skip(skip).take(room).collect();
    popup(frame, theme, area, title, lines, 80, false);
}

fn card(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, id: &str, selected: usize) {
    let Some(card) = app.session.content.card(id) else {
        return;
    };
    let choosing = matches!(&app.session.state.phase, Phase::Choosing(c) if c == id);
    let mut lines = vec![Line::styled(card.text.clone(), theme.text), Line::raw("")];
    if !card.effects.is_empty() {
        lines.push(Line::styled(
            format!(
                "Effects: {}",
                words::effects(&app.session.content, &card.effects)
            ),
            theme.warn,
        ));
    }
    // On a small terminal the decision matters more than the date and link: the report has both.
    let roomy = area.height >= 30;
    lines.push(Line::styled(words::basis(&card.basis, roomy), theme.dim));
    if roomy && let Some(line) = words::basis_sources(&card.basis) {
        lines.push(Line::styled(line, theme.dim));
    }
    let concepts: Vec<&str> = card
        .concepts
        .iter()
        .filter_map(|c| app.session.content.concept(c).map(|x| x.term.as_str()))
        .collect();
    if !concepts.is_empty() {
        lines.push(Line::styled(
            format!("Concepts: {} (glossary: 6)", concepts.join(", ")),
            theme.dim,
        ));
    }
    if choosing {
        lines.push(Line::raw(""));
        let ask = if app.session.content.crisis(id).is_some() {
            "A crisis: Oman must answer, each answer costs someone:"
        } else {
            "Oman must decide:"
        };
        lines.push(Line::styled(ask, theme.title));
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
                format!(
                    "    {}",
                    words::effects(&app.session.content, &choice.effects)
                ),
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
        &format!("Week {}: {}", app.session.state.round, card.title),
        lines,
        76,
        true,
    );
}
/// The journal: a reflection prompt and the answer being typed.
fn reflect(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, id: &str, text: &str) {
    let prompt = app
        .session
        .content
        .scenario
        .reflections
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.prompt.as_str());
    let lines = vec![
        Line::styled(prompt.to_string(), theme.text),
        Line::raw(""),
        Line::from(vec![
            Span::styled(format!("> {text}"), theme.selected),
            Span::styled("_", theme.key),
        ]),
        Line::raw(""),
        Line::styled(
            "Type your answer · Enter save · Esc later (r) · it goes into the report",
            theme.dim,
        ),
    ];
    popup(
        frame,
        theme,
        area,
        "Journal: a cable to Muscat",
        lines,
        76,
        true,
    );
}
