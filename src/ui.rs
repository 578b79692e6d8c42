//! The view: draws the whole interface from `&App`, reading state and changing nothing. The layout
//! is computed by [`areas`], which the mouse hit-test uses too.

mod charts;
mod dashboard;
mod debrief;
mod map;
pub mod odds;
mod overlay;
mod panels;
mod screens;
mod start;
pub mod theme;

pub use theme::Theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Msg, Screen, keymap};

/// Smallest terminal the game draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// Rows of the US posture banner on the table screen.
const POSTURE_HEIGHT: u16 = 2;

/// Where everything goes on the main screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub status: Rect,
    /// The guide's line while the guided first round runs; empty otherwise.
    pub guide: Rect,
    pub body: Rect,
    pub hints: Rect,
    /// Table screen only: the US posture banner, the draft text, the delegations, the tracks
    /// and the news.
    pub posture: Rect,
    pub text: Rect,
    pub delegations: Rect,
    pub tracks: Rect,
    pub news: Rect,
}

/// The layout for a frame of this size.
pub fn areas(app: &App, area: Rect) -> Areas {
    let [header, status, guide, body, hints] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(u16::from(app.guide.is_some())),
        Constraint::Min(0),
        Constraint::Length(1),
    ]));
    // The US posture stands above the table, in full, so coercion is never a cut-off log line.
    let [posture, table] = body.layout(&Layout::vertical([
        Constraint::Length(POSTURE_HEIGHT),
        Constraint::Min(0),
    ]));
    let right_width = if body.width >= 120 { 40 } else { 30 };
    let [left, right] = table.layout(&Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(right_width),
    ]));
    let [text, delegations] = left.layout(&Layout::vertical([
        Constraint::Length(panels::DRAFT_HEIGHT),
        Constraint::Min(0),
    ]));
    let [tracks, news] = right.layout(&Layout::vertical([
        Constraint::Length(15),
        Constraint::Min(0),
    ]));
    Areas {
        header,
        status,
        guide,
        body,
        hints,
        posture,
        text,
        delegations,
        tracks,
        news,
    }
}

/// What a left click at a screen position means: a header tab, an issue row of the draft text,
/// or a track of the dashboard. Uses the same layout the frame is drawn with.
pub fn click_at(app: &App, area: Rect, column: u16, row: u16) -> Option<Msg> {
    if too_small(area) {
        return None;
    }
    let a = areas(app, area);
    if row == a.header.y {
        return header_tabs(app, a.header.width)
            .into_iter()
            .find(|&(_, x, w)| column >= x && column < x + w)
            .map(|(k, _, _)| Msg::Screen(k));
    }
    match app.screen {
        Screen::Table => {
            let inner_top = a.text.y + 2; // border + column header
            let inside = column > a.text.x && column < a.text.right().saturating_sub(1);
            (inside && row >= inner_top && row < a.text.bottom().saturating_sub(1))
                .then(|| (row - inner_top) as usize)
                .filter(|&i| i < app.session.content.domain.issues.len())
                .map(Msg::ClickIssue)
        }
        Screen::Dashboard => dashboard::track_at(a.body, column, row).map(Msg::ClickTrack),
        _ => None,
    }
}

/// The furthest the open screen can scroll in a frame of this size, where the view alone knows
/// it (the news wraps its lines to the width); the front end keeps `App::scroll` within it, so
/// scrolling back after overshooting answers at once.
pub fn scroll_limit(app: &App, area: Rect) -> Option<u16> {
    if too_small(area) || !app.overlays.is_empty() || app.screen != Screen::News {
        return None;
    }
    Some(screens::news_max_scroll(app, areas(app, area).body))
}

/// The issue row of the draft text under a screen position, if any.
pub fn issue_at(app: &App, area: Rect, column: u16, row: u16) -> Option<usize> {
    match click_at(app, area, column, row) {
        Some(Msg::ClickIssue(i)) => Some(i),
        _ => None,
    }
}

/// The header's fixed part, and the tabs: (screen index, x, width) for each.
fn header_tabs(app: &App, width: u16) -> Vec<(usize, u16, u16)> {
    let wide = width >= 120;
    let mut x = header_lead(app, wide).chars().count() as u16;
    Screen::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let w = tab_label(i, *s, wide).chars().count() as u16;
            let tab = (i, x, w);
            x += w + 1;
            tab
        })
        .collect()
}

fn header_lead(app: &App, wide: bool) -> String {
    let s = &app.session.state;
    let points: String = (0..app.session.content.scenario.action_points)
        .map(|i| if i < s.action_points { '●' } else { '○' })
        .collect();
    let week = s.round.min(s.deadline);
    if wide {
        format!(
            " MUSCAT CHANNEL Week {week}/{} Actions {points} seed {} ",
            s.deadline, s.seed
        )
    } else {
        format!(" Week {week}/{} {points} seed {} │ ", s.deadline, s.seed)
    }
}

fn tab_label(i: usize, screen: Screen, wide: bool) -> String {
    if wide {
        format!("{}{}", i + 1, screen.title())
    } else {
        format!("{}{}", i + 1, screen.short())
    }
}

/// Draws one frame in the colour theme: the entry point for benchmarks and embedding.
pub fn draw(frame: &mut Frame, app: &App) {
    view(frame, app, &Theme::colour());
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
    if let Some(menu) = &app.start {
        start::draw(frame, menu, theme, area);
        return;
    }
    let a = areas(app, area);
    header(frame, app, theme, a.header);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {}", app.status),
            theme.text,
        ))),
        a.status,
    );
    if let Some(guide) = app.guide {
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!(" Guide {}: ", guide.progress()), theme.selected),
                Span::styled(format!(" {}", guide.step().text()), theme.key),
                Span::styled(" · G hides", theme.dim),
            ])),
            a.guide,
        );
    }
    match app.screen {
        Screen::Table => {
            panels::posture(frame, app, theme, a.posture);
            panels::draft(frame, app, theme, a.text);
            panels::delegations(frame, app, theme, a.delegations);
            panels::tracks(frame, app, theme, a.tracks);
            panels::news(frame, app, theme, a.news);
        }
        Screen::Delegations => screens::delegations(frame, app, theme, a.body),
        Screen::Dashboard => dashboard::draw(frame, app, theme, a.body),
        Screen::News => screens::news(frame, app, theme, a.body),
        Screen::Notebook => screens::notebook(frame, app, theme, a.body),
        Screen::Glossary => screens::glossary(frame, app, theme, a.body),
        Screen::Map => map::draw(frame, app, theme, a.body),
        Screen::Charts => charts::draw(frame, app, theme, a.body),
    }
    hints(frame, theme, a.hints);
    // Windows open below the guide's line, so the guide stays readable while they are up.
    let windows = if app.guide.is_some() {
        Rect::new(
            area.x,
            a.guide.bottom(),
            area.width,
            area.bottom().saturating_sub(a.guide.bottom()),
        )
    } else {
        area
    };
    overlay::draw(frame, app, theme, windows);
}

fn header(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let wide = area.width >= 120;
    let mut spans = vec![Span::styled(header_lead(app, wide), theme.title)];
    for (i, screen) in Screen::ALL.iter().enumerate() {
        let style = if *screen == app.screen {
            theme.selected
        } else {
            theme.dim
        };
        spans.push(Span::styled(tab_label(i, *screen, wide), style));
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
