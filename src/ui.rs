//! The view: draws the whole interface from `&App`, reading state and changing nothing. The layout
//! is computed by [`areas`], which the mouse hit-test uses too.

pub mod odds;
mod overlay;
mod panels;
mod screens;
pub mod theme;
mod words;

pub use theme::Theme;
pub use words::{describe, summary};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Screen, keymap};

/// Smallest terminal the game draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Where everything goes on the main screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub status: Rect,
    pub body: Rect,
    pub hints: Rect,
    /// Table screen only: the draft text, the delegations, the tracks and the news.
    pub text: Rect,
    pub delegations: Rect,
    pub tracks: Rect,
    pub news: Rect,
}

/// The layout for a frame of this size.
pub fn areas(area: Rect) -> Areas {
    let [header, status, body, hints] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ]));
    let right_width = if body.width >= 120 { 40 } else { 30 };
    let [left, right] = body.layout(&Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(right_width),
    ]));
    let [text, delegations] = left.layout(&Layout::vertical([
        Constraint::Length(11),
        Constraint::Min(0),
    ]));
    let [tracks, news] = right.layout(&Layout::vertical([
        Constraint::Length(15),
        Constraint::Min(0),
    ]));
    Areas {
        header,
        status,
        body,
        hints,
        text,
        delegations,
        tracks,
        news,
    }
}

/// The issue row of the draft text under a screen position, if any.
pub fn issue_at(app: &App, area: Rect, column: u16, row: u16) -> Option<usize> {
    if app.screen != Screen::Table || too_small(area) {
        return None;
    }
    let a = areas(area);
    let inner_top = a.text.y + 2; // border + column header
    let inside = column > a.text.x && column < a.text.right().saturating_sub(1);
    (inside && row >= inner_top && row < a.text.bottom().saturating_sub(1))
        .then(|| (row - inner_top) as usize)
        .filter(|&i| i < app.content.domain.issues.len())
}

fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Draws one frame.
pub fn view(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if too_small(area) {
        let msg = format!(
            "Terminal too small: {}x{} (need {MIN_WIDTH}x{MIN_HEIGHT}).\nEnlarge the window, or press q to quit.",
            area.width, area.height
        );
        let y = area.height / 2;
        let rect = Rect::new(
            area.x,
            area.y + y.saturating_sub(1),
            area.width,
            2.min(area.height),
        );
        frame.render_widget(Paragraph::new(msg).centered().style(theme.warn), rect);
        return;
    }
    let a = areas(area);
    header(frame, app, theme, a.header);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {}", app.status),
            theme.text,
        ))),
        a.status,
    );
    match app.screen {
        Screen::Table => {
            panels::draft(frame, app, theme, a.text);
            panels::delegations(frame, app, theme, a.delegations);
            panels::tracks(frame, app, theme, a.tracks);
            panels::news(frame, app, theme, a.news);
        }
        Screen::Delegations => screens::delegations(frame, app, theme, a.body),
        Screen::World => screens::world(frame, app, theme, a.body),
        Screen::News => screens::news(frame, app, theme, a.body),
        Screen::Notebook => screens::notebook(frame, app, theme, a.body),
        Screen::Glossary => screens::glossary(frame, app, theme, a.body),
    }
    hints(frame, theme, a.hints);
    overlay::draw(frame, app, theme, area);
}

fn header(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let s = &app.state;
    let points: String = (0..app.content.scenario.action_points)
        .map(|i| if i < s.action_points { '●' } else { '○' })
        .collect();
    let mut spans = vec![
        Span::styled(" MUSCAT CHANNEL ", theme.title),
        Span::styled(
            format!("Week {}/{} ", s.round.min(s.deadline), s.deadline),
            theme.text,
        ),
        Span::styled(format!("Actions {points} "), theme.key),
        Span::styled(format!("seed {} ", s.seed), theme.dim),
    ];
    for (i, screen) in Screen::ALL.iter().enumerate() {
        let style = if *screen == app.screen {
            theme.selected
        } else {
            theme.dim
        };
        spans.push(Span::styled(
            format!(
                "{}{}",
                i + 1,
                &screen.title()[..4.min(screen.title().len())]
            ),
            style,
        ));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn hints(frame: &mut Frame, theme: &Theme, area: Rect) {
    let mut spans = Vec::new();
    for (key, what) in keymap::hints() {
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {what}"), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
