//! The start menu's window: continue / new game / pick a save, and why a save could not be loaded.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::panels::block;
use super::theme::Theme;
use crate::app::Start;

/// Draws the start menu in the middle of the screen, over a blank background.
pub(super) fn draw(frame: &mut Frame, start: &Start, theme: &Theme, area: Rect) {
    let mut lines = Vec::new();
    if let Some(problem) = &start.problem {
        lines.push(Line::styled("This save cannot be loaded:", theme.bad));
        lines.push(Line::styled(problem.clone(), theme.warn));
        lines.push(Line::styled(
            "The file is left as it is. Start afresh, or pick another save.",
            theme.text,
        ));
        lines.push(Line::raw(""));
    }
    for (i, item) in start.items.iter().enumerate() {
        let style = if i == start.selected {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::styled(format!(" {} {} ", i + 1, item.label()), style));
    }
    lines.push(Line::raw(""));
    let back = if start.picking { " · Esc back" } else { "" };
    lines.push(Line::styled(
        format!(" ↑↓ Enter choose · 1-9 pick{back} · q quit"),
        theme.dim,
    ));
    let width = 72.min(area.width.saturating_sub(2));
    let inner = width.saturating_sub(2).max(1);
    let height = lines
        .iter()
        .map(|l| (l.width() as u16).div_ceil(inner).max(1))
        .sum::<u16>()
        .saturating_add(2)
        .min(area.height);
    let rect = area.centered(Constraint::Length(width), Constraint::Length(height));
    let title = if start.picking {
        "Pick a save"
    } else {
        "Muscat Channel"
    };
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(title, theme)),
        rect,
    );
}
