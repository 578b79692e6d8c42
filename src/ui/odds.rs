//! The advisor's answer in words and bars: the lines `--plain` and `muscat odds` print, and the
//! odds window of the TUI.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::advisor::{Fate, HORIZON, Odds, Ranked, Ranking};
use crate::app::App;
use crate::content::Content;

/// One move's odds on one line: "agreement 34% (±3) · war 5% · …", zero shares left out.
pub fn shares(odds: &Odds) -> String {
    Fate::ALL
        .iter()
        .filter(|&&f| odds.count(f) > 0 || f == Fate::Agreement)
        .map(|&f| {
            let pct = percent(odds.share(f));
            if f == Fate::Agreement {
                format!("{} {pct} (±{:.0})", f.label(), 100.0 * odds.margin(f))
            } else {
                format!("{} {pct}", f.label())
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A share in whole percent, right-aligned in four cells.
fn cell(share: f64) -> String {
    format!("{:>4}", percent(share))
}

/// The ranking as a table row: place, move, agreement, war, walk-out and score.
fn row(content: &Content, place: usize, r: &Ranked) -> String {
    let o = &r.odds;
    format!(
        "{place:>2}. {:<44} {} {} {} {:>+4.0}",
        crate::narrate::move_name(content, r.move_),
        cell(o.share(Fate::Agreement)),
        cell(o.share(Fate::War)),
        cell(o.share(Fate::Walkout)),
        100.0 * o.score()
    )
}

/// The heading of the ranking table, over [`row`].
fn header() -> String {
    format!(
        "    {:<44} {:>4} {:>4} {:>4} {:>4}",
        "move", "deal", "war", "walk", "score"
    )
}

/// The best move's headline, its reasons and what tabling now would get.
fn summary(content: &Content, ranking: &Ranking) -> Vec<String> {
    let mut out = Vec::new();
    match crate::narrate::best(content, ranking) {
        Some(best) => out.push(format!("{best}.")),
        None => out.push("No move is possible now.".into()),
    }
    if let Some(top) = ranking.best() {
        for r in &top.odds.reasons {
            out.push(format!(
                "Why: {}.",
                capitalised(&crate::narrate::advice(content, r))
            ));
        }
    }
    if let Some(now) = &ranking.table_now {
        out.push(format!(
            "{}.",
            capitalised(&crate::narrate::table_now(content, now))
        ));
    }
    out
}

/// The ranking as plain lines (`--plain` and `muscat odds`): the best move with its odds and
/// reasons, what tabling now gets, every move ranked, and which play the futures assume.
pub fn lines(content: &Content, ranking: &Ranking) -> Vec<String> {
    let mut out = summary(content, ranking);
    out.push(format!(
        "{} futures a move, {} weeks ahead, the same futures for every move:",
        ranking.futures, ranking.horizon
    ));
    out.push(header());
    for (k, r) in ranking.moves.iter().enumerate() {
        out.push(row(content, k + 1, r));
    }
    out.push(format!("{}.", crate::narrate::assumed(ranking.horizon)));
    out
}

/// What is left of the advisor this week or game, for the window's footer.
pub fn allowance(app: &App) -> String {
    let s = &app.session.state;
    let limit = s.difficulty.advisor_limit();
    match s.advisor.left(limit, s.round) {
        None => format!("Easy: ask as often as you like. Looking {HORIZON} weeks ahead."),
        Some(n) => match limit {
            crate::game::AdvisorLimit::OncePerWeek => {
                format!("Normal: once a week ({n} left this week).")
            }
            _ => format!("Hard: {n} questions left this game."),
        },
    }
}

/// A share in whole percent; a rare ending still shows as "<1%" rather than "0%".
fn percent(share: f64) -> String {
    if share > 0.0 && share < 0.005 {
        "<1%".into()
    } else {
        format!("{:.0}%", 100.0 * share)
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A bar of `width` cells for a share.
fn bar(share: f64, width: usize) -> String {
    let full = (share * width as f64).round() as usize;
    format!(
        "{}{}",
        "█".repeat(full.min(width)),
        "░".repeat(width - full.min(width))
    )
}

/// Moves the window lists; the rest are in `--plain` and `muscat odds`.
const SHOWN: usize = 5;

/// The odds window: the best move with its odds and reasons, what tabling now gets, the
/// ranking, and which play the futures assume.
pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, ranking: &Ranking) {
    let content = &app.session.content;
    let mut body: Vec<Line> = Vec::new();
    let summary = summary(content, ranking);
    for (k, l) in summary.into_iter().enumerate() {
        body.push(Line::styled(
            l,
            if k == 0 { theme.title } else { theme.dim },
        ));
    }
    if let Some(top) = ranking.best() {
        body.push(Line::from(vec![
            Span::styled("Deal ", theme.text),
            Span::styled(bar(top.odds.share(Fate::Agreement), 20), theme.good),
            Span::styled(" war ", theme.text),
            Span::styled(bar(top.odds.share(Fate::War), 20), theme.warn),
        ]));
    }
    body.push(Line::styled(header(), theme.dim));
    for (k, r) in ranking.moves.iter().take(SHOWN).enumerate() {
        let style = if k == 0 { theme.good } else { theme.text };
        body.push(Line::styled(row(content, k + 1, r), style));
    }
    if ranking.moves.len() > SHOWN {
        body.push(Line::styled(
            format!(
                "    … {} more moves (all in --plain and muscat odds)",
                ranking.moves.len() - SHOWN
            ),
            theme.dim,
        ));
    }
    body.push(Line::styled(
        format!("{}.", crate::narrate::assumed(ranking.horizon)),
        theme.dim,
    ));
    body.push(Line::styled(
        format!(
            "{} futures a move, the same for every move. {}",
            ranking.futures,
            allowance(app)
        ),
        theme.dim,
    ));
    body.push(Line::styled("Esc / Enter: close", theme.key));
    super::overlay::popup(
        frame,
        theme,
        area,
        "The advisor: this week's moves",
        body,
        76,
        true,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_with_the_share() {
        assert_eq!(bar(0.0, 4), "░░░░");
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(bar(1.0, 4), "████");
    }

    #[test]
    fn shares_leave_out_endings_that_never_come() {
        let odds = Odds {
            futures: 100,
            horizon: 3,
            counts: [30, 0, 10, 0, 0, 60],
            reasons: Vec::new(),
        };
        let s = shares(&odds);
        assert!(s.starts_with("agreement 30% (±9)"), "{s}");
        assert!(s.contains("walk-out 10%") && s.contains("still talking 60%"));
        assert!(!s.contains("war"), "{s}");
        let rare = Odds {
            counts: [0, 1, 0, 0, 0, 999],
            futures: 1000,
            ..odds
        };
        assert!(shares(&rare).contains("war <1%"), "{}", shares(&rare));
    }
}
