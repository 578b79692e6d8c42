//! The advisor's answer in words and bars: the lines `--plain` and `muscat odds` print, and the
//! odds window of the TUI.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::advisor::{Answer, Fate, HORIZON, Odds};
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

/// The answer as plain lines: per move, a heading, the shares and the reasons.
pub fn lines(content: &Content, answers: &[Answer]) -> Vec<String> {
    let mut out = Vec::new();
    for a in answers {
        match &a.odds {
            Ok(odds) => {
                out.push(format!(
                    "{} ({} futures, {} weeks ahead):",
                    a.move_.label(),
                    odds.futures,
                    odds.horizon
                ));
                out.push(format!("  {}", shares(odds)));
                for r in &odds.reasons {
                    out.push(format!("  Why: {}.", capitalised(&r.describe(content))));
                }
            }
            Err(e) => out.push(format!("{}: not possible ({e}).", a.move_.label())),
        }
    }
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

/// The odds window: for each move, a bar per ending and the reasons.
pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, answers: &[Answer]) {
    let mut body: Vec<Line> = Vec::new();
    for a in answers {
        body.push(Line::styled(a.move_.label(), theme.title));
        match &a.odds {
            Ok(odds) => {
                for f in Fate::ALL {
                    if odds.count(f) == 0 && f != Fate::Agreement {
                        continue;
                    }
                    let style = if f == Fate::Agreement {
                        theme.good
                    } else {
                        theme.text
                    };
                    body.push(Line::from(vec![
                        Span::styled(format!("  {:<18}", f.label()), theme.text),
                        Span::styled(bar(odds.share(f), 20), style),
                        Span::styled(
                            format!(
                                " {:>4} ±{:.0}",
                                percent(odds.share(f)),
                                100.0 * odds.margin(f)
                            ),
                            theme.text,
                        ),
                    ]));
                }
                for r in &odds.reasons {
                    body.push(Line::styled(
                        format!("  {}.", capitalised(&r.describe(&app.session.content))),
                        theme.dim,
                    ));
                }
            }
            Err(e) => body.push(Line::styled(
                format!("  Not possible now: {e}."),
                theme.warn,
            )),
        }
        body.push(Line::raw(""));
    }
    let futures = answers
        .iter()
        .find_map(|a| a.odds.as_ref().ok().map(|o| o.futures))
        .unwrap_or(0);
    body.push(Line::styled(
        format!(
            "{futures} futures played with the real rules. {}",
            allowance(app)
        ),
        theme.dim,
    ));
    body.push(Line::styled("Esc / Enter: close", theme.key));
    super::overlay::popup(
        frame,
        theme,
        area,
        "The advisor: what are the odds?",
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
