//! The advisor's reasons in words: what stood in the way across the futures, how often, and
//! the dangers worth a warning.

use std::fmt::Write as _;

use super::names::capital;
use super::{LANGUAGE, Language};
use crate::advisor::{Blocker, Fate, Move, Ranking, Reason, TableNow};
use crate::content::Content;
use crate::game::{CaucusKind, Side};
use crate::model::IssueId;

/// One of the advisor's reasons in one sentence, without a full stop.
pub fn reason(content: &Content, r: &Reason) -> String {
    LANGUAGE.advice(content, r)
}

/// "most futures", "many futures"…: how many of the futures.
fn how_many(n: u32, of: u32) -> &'static str {
    let share = f64::from(n) / f64::from(of.max(1));
    if share >= 0.95 {
        "almost every future"
    } else if share >= 0.5 {
        "most futures"
    } else if share >= 0.2 {
        "many futures"
    } else {
        "some futures"
    }
}

/// One of Oman's candidate moves, as the advisor ranks it.
pub fn move_name(content: &Content, m: Move) -> String {
    LANGUAGE.advisor_move(content, m)
}

/// What the delegations would answer to the draft tabled now, without a full stop.
pub fn table_now(content: &Content, t: &TableNow) -> String {
    LANGUAGE.table_now(content, t)
}

/// Which play the futures assume, so a share is read as a forecast of that play and not as a
/// promise.
pub fn assumed(horizon: u32) -> String {
    format!(
        "Odds if Oman goes on playing like the shuttle for {horizon} weeks after the move (fill \
         the text, carry the counter of the side furthest from yes, table each new text once, \
         end the week): a forecast of that play, not a promise"
    )
}

/// The best move with its odds and its lead over the next, without a full stop; `None` when
/// no move is possible.
pub fn best(content: &Content, ranking: &Ranking) -> Option<String> {
    let top = ranking.best()?;
    let o = &top.odds;
    let pct = |f: Fate| format!("{:.0}%", 100.0 * o.share(f));
    let mut s = format!(
        "Best move: {}: agreement {} (±{:.0}), war {}",
        move_name(content, top.move_),
        pct(Fate::Agreement),
        100.0 * o.margin(Fate::Agreement),
        pct(Fate::War),
    );
    if let Some(next) = ranking.moves.get(1) {
        let lead = 100.0 * (o.score() - next.odds.score());
        let _ = write!(
            s,
            "; {lead:.0} points ahead of {}",
            move_name(content, next.move_)
        );
    }
    Some(s)
}

pub(super) fn english_move(content: &Content, m: Move) -> String {
    let _ = content;
    match m {
        Move::TableDraft => "table the draft now".into(),
        Move::CarryCounter(side) => format!("carry {}'s counter and table it", capital(side)),
        Move::Caucus(side, CaucusKind::TestIdea { .. }) => {
            format!("caucus with {}: test an idea", side.name())
        }
        Move::Caucus(side, kind) => {
            format!("caucus with {}: {}", side.name(), super::caucus_name(kind))
        }
        Move::Errand(e) => format!("errand to {}", super::errand_name(e)),
        Move::Statement(st) => format!("public statement: {}", super::statement_name(st)),
        Move::Goodwill(side) => format!("spend goodwill with {}", side.name()),
        Move::EndWeek => "end the week".into(),
    }
}

/// What stands in one side's way, after "would": "refuse: the … clause crosses its red line".
fn would(content: &Content, blocker: Blocker) -> String {
    let clause = |issue: IssueId| {
        content
            .domain
            .get(issue)
            .map_or_else(|| "text".to_string(), |i| i.name.to_lowercase())
    };
    match blocker {
        Blocker::RedLine { issue, .. } => {
            format!("refuse: the {} clause crosses its red line", clause(issue))
        }
        Blocker::Faction {
            side,
            faction,
            issue,
        } => {
            let name = faction_name(content, side, faction);
            format!(
                "sign, but its {name} would not ratify it because of the {} clause",
                clause(issue)
            )
        }
        Blocker::Walkaway { issue, .. } => format!(
            "refuse: it is worth less than walking away, above all over {}",
            clause(issue)
        ),
        Blocker::Holdout { issue, .. } => {
            format!(
                "refuse and hold out for more, above all on {}",
                clause(issue)
            )
        }
    }
}

pub(super) fn english_table_now(content: &Content, t: TableNow) -> String {
    if t.blocks.iter().all(Option::is_none) {
        return "tabled now, both delegations would sign; then their factions vote at home".into();
    }
    let each: Vec<String> = Side::BOTH
        .iter()
        .map(|&side| match t.blocks[side as usize] {
            None => format!("{} would sign", capital(side)),
            Some(b) => format!("{} would {}", capital(side), would(content, b)),
        })
        .collect();
    format!("tabled now, {}", each.join("; "))
}

fn percent(n: u32, of: u32) -> String {
    format!("{:.0}%", 100.0 * f64::from(n) / f64::from(of.max(1)))
}

pub(super) fn english(content: &Content, reason: &Reason) -> String {
    let clause = |issue: IssueId| {
        content
            .domain
            .get(issue)
            .map_or_else(|| "text".to_string(), |i| i.name.to_lowercase())
    };
    match *reason {
        Reason::Blocked {
            blocker,
            futures,
            of,
        } => {
            let q = how_many(futures, of);
            let pct = percent(futures, of);
            match blocker {
                Blocker::RedLine { side, issue } => format!(
                    "the {} clause crosses {}'s red line in {q} without a deal ({pct})",
                    clause(issue),
                    capital(side)
                ),
                Blocker::Faction {
                    side,
                    faction,
                    issue,
                } => {
                    let name = faction_name(content, side, faction);
                    format!(
                        "{}'s {name} block the deal in {q} ({pct}) because of the {} clause",
                        capital(side),
                        clause(issue)
                    )
                }
                Blocker::Walkaway { side, issue } => format!(
                    "{} would rather walk away than sign in {q} ({pct}), above all over {}",
                    capital(side),
                    clause(issue)
                ),
                Blocker::Holdout { side, issue } => format!(
                    "{} holds out for more in {q} ({pct}), above all on {}",
                    capital(side),
                    clause(issue)
                ),
            }
        }
        Reason::Deal { futures, of } => format!(
            "both delegations sign and ratify in {} ({})",
            how_many(futures, of),
            percent(futures, of)
        ),
        Reason::Danger { fate, futures, of } => {
            let pct = percent(futures, of);
            match fate {
                Fate::War => format!("the strikes begin in {pct} of futures"),
                Fate::Walkout => format!("a delegation walks out in {pct} of futures"),
                Fate::Sidelined => format!("Oman loses the channel in {pct} of futures"),
                Fate::Deadline => {
                    format!("the deadline passes without a deal in {pct} of futures")
                }
                Fate::Agreement | Fate::Talking => {
                    format!("{pct} of futures end with {}", fate.label())
                }
            }
        }
    }
}

/// A delegation's faction by its index in the content, or "a faction" if the content has none.
fn faction_name(content: &Content, side: Side, faction: u8) -> &str {
    content
        .delegation(side)
        .factions
        .get(faction as usize)
        .map_or("a faction", |f| f.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::Side;

    #[test]
    fn a_faction_block_names_the_capital_the_share_and_the_clause() {
        let content = Content::builtin();
        let text = reason(
            &content,
            &Reason::Blocked {
                blocker: Blocker::Faction {
                    side: Side::Iran,
                    faction: 2,
                    issue: IssueId(5),
                },
                futures: 3,
                of: 3,
            },
        );
        assert!(text.starts_with("Tehran's"), "{text}");
        assert!(text.contains("in almost every future (100%)"), "{text}");
        assert!(
            text.contains(&content.domain.issue(IssueId(5)).name.to_lowercase()),
            "{text}"
        );
    }

    #[test]
    fn a_deal_and_a_danger_read_as_shares_of_futures() {
        let content = Content::builtin();
        assert_eq!(
            reason(
                &content,
                &Reason::Deal {
                    futures: 19,
                    of: 20
                }
            ),
            "both delegations sign and ratify in almost every future (95%)"
        );
        let walkout = Reason::Danger {
            fate: Fate::Walkout,
            futures: 1,
            of: 3,
        };
        assert_eq!(
            reason(&content, &walkout),
            "a delegation walks out in 33% of futures"
        );
    }
}
