//! Why the futures went as they did: what stood in the way in each future (from the delegations'
//! reply records), tallied across futures, and the sentence templates that say it.

use super::Fate;
use crate::content::Content;
use crate::game::Side;
use crate::game::{Reply, Rule};
use crate::model::{Choice, IssueId};
use crate::negotiation::domain::by_issue;

/// What stopped one side from signing, and the clause most to blame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Blocker {
    /// The text crosses one of the side's red lines on this issue.
    RedLine { side: Side, issue: IssueId },
    /// A faction at home (index into the delegation's factions) would not ratify; the clause it
    /// likes least.
    Faction {
        side: Side,
        faction: u8,
        issue: IssueId,
    },
    /// The text is worth less than walking away; the clause that costs the side most.
    Walkaway { side: Side, issue: IssueId },
    /// Better than walking away, short of what the side still hopes for.
    Holdout { side: Side, issue: IssueId },
}

/// One reason the advisor gives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// The most common obstacle in the futures without a deal.
    Blocked {
        blocker: Blocker,
        futures: u32,
        of: u32,
    },
    /// A bad ending that comes in many futures.
    Danger { fate: Fate, futures: u32, of: u32 },
    /// A deal in nearly every future: the few without one say little.
    Deal { futures: u32, of: u32 },
}

/// Share of futures above which a bad ending is worth a warning.
const DANGER: f64 = 0.15;
/// Share of futures with a deal above which the obstacles in the rest are not worth naming.
const SURE: f64 = 0.9;

/// The obstacle behind a rejection of `package`; `None` if the reply is a yes.
pub(super) fn blocker(content: &Content, reply: &Reply, package: &[Choice]) -> Option<Blocker> {
    let side = reply.side;
    let top_complaint = reply.complaints.first().map_or(IssueId(0), |c| c.issue);
    Some(match reply.rule {
        Rule::Accepted => return None,
        Rule::RedLine => Blocker::RedLine {
            side,
            issue: reply.red_line_hits.first().map_or(top_complaint, |h| h.0),
        },
        Rule::NotRatifiable => {
            let (k, _) = reply
                .ratification
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.ok)
                .min_by(|a, b| a.1.margin.total_cmp(&b.1.margin))?;
            let prefs = &content.delegation(side).factions.get(k)?.prefs;
            // The clause this faction loses most on, against its favourite option there.
            let issue = by_issue(package)
                .map(|(i, c)| {
                    let best = prefs.best_on(i, |_| true).map_or(0.0, |b| b.1);
                    (i, best - prefs.weighted_value(i, c))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map_or(top_complaint, |(i, _)| i);
            Blocker::Faction {
                side,
                faction: k as u8,
                issue,
            }
        }
        Rule::BelowWalkaway => Blocker::Walkaway {
            side,
            issue: top_complaint,
        },
        Rule::BelowTarget => Blocker::Holdout {
            side,
            issue: top_complaint,
        },
    })
}

/// The reasons behind a set of futures: the commonest obstacle where no deal was reached, and
/// the likeliest bad ending if it is likely enough. When a deal is likely, the danger comes first.
pub(super) fn explain(futures: &[super::rollout::Future], counts: &[u32; 6]) -> Vec<Reason> {
    let total = futures.len() as u32;
    let mut tally: Vec<(Blocker, u32)> = Vec::new();
    let mut without_deal = 0;
    for f in futures.iter().filter(|f| f.fate != Fate::Agreement) {
        without_deal += 1;
        for b in f.blocks.iter().flatten() {
            match tally.iter_mut().find(|(x, _)| x == b) {
                Some((_, n)) => *n += 1,
                None => tally.push((*b, 1)),
            }
        }
    }
    // Most common first; ties broken by the blocker's own order so the answer is stable.
    tally.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let deals = counts[Fate::Agreement as usize];
    let blocked = if f64::from(deals) >= SURE * f64::from(total.max(1)) {
        Some(Reason::Deal {
            futures: deals,
            of: total,
        })
    } else {
        tally.first().map(|&(blocker, futures)| Reason::Blocked {
            blocker,
            futures,
            of: without_deal,
        })
    };
    let danger = [Fate::War, Fate::Walkout, Fate::Sidelined, Fate::Deadline]
        .into_iter()
        .map(|f| (f, counts[f as usize]))
        .filter(|&(_, n)| f64::from(n) >= DANGER * f64::from(total.max(1)))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(fate, futures)| Reason::Danger {
            fate,
            futures,
            of: total,
        });
    let deal_likely = f64::from(counts[Fate::Agreement as usize]) * 2.0 >= f64::from(total);
    let mut reasons: Vec<Reason> = if deal_likely {
        [danger, blocked]
    } else {
        [blocked, danger]
    }
    .into_iter()
    .flatten()
    .collect();
    reasons.truncate(2);
    reasons
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

/// The capital speaking for a side, for possessives that read naturally.
fn capital(side: Side) -> &'static str {
    match side {
        Side::Us => "Washington",
        Side::Iran => "Tehran",
    }
}

impl Reason {
    /// The reason in one sentence, without a full stop.
    pub fn describe(&self, content: &Content) -> String {
        let clause = |issue: IssueId| {
            content
                .domain
                .get(issue)
                .map_or_else(|| "text".to_string(), |i| i.name.to_lowercase())
        };
        match *self {
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
                        let name = content
                            .delegation(side)
                            .factions
                            .get(faction as usize)
                            .map_or("a faction", |f| f.name.as_str());
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
                    Fate::Sidelined => {
                        format!("Oman loses the channel in {pct} of futures")
                    }
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
}

fn percent(n: u32, of: u32) -> String {
    format!("{:.0}%", 100.0 * f64::from(n) / f64::from(of.max(1)))
}

#[cfg(test)]
mod tests {
    use super::super::rollout::Future;
    use super::*;

    fn future(fate: Fate, us: Option<Blocker>, iran: Option<Blocker>) -> Future {
        Future {
            fate,
            blocks: [us, iran],
        }
    }

    #[test]
    fn the_commonest_obstacle_leads_when_no_deal_is_likely() {
        let content = Content::builtin();
        let missiles = Blocker::Faction {
            side: Side::Iran,
            faction: 2,
            issue: IssueId(5),
        };
        let us = Blocker::Holdout {
            side: Side::Us,
            issue: IssueId(0),
        };
        let futures = vec![
            future(Fate::Talking, Some(us), Some(missiles)),
            future(Fate::War, None, Some(missiles)),
            future(Fate::Talking, None, Some(missiles)),
            future(Fate::Agreement, None, None),
        ];
        let counts = [1, 1, 0, 0, 0, 2];
        let reasons = explain(&futures, &counts);
        assert_eq!(
            reasons[0],
            Reason::Blocked {
                blocker: missiles,
                futures: 3,
                of: 3
            }
        );
        assert_eq!(
            reasons[1],
            Reason::Danger {
                fate: Fate::War,
                futures: 1,
                of: 4
            }
        );
        let text = reasons[0].describe(&content);
        assert!(text.starts_with("Tehran's"), "{text}");
        assert!(text.contains("in almost every future (100%)"), "{text}");
        assert!(
            text.contains(&content.domain.issue(IssueId(5)).name.to_lowercase()),
            "{text}"
        );
    }

    #[test]
    fn a_near_certain_deal_says_so_rather_than_name_a_rare_obstacle() {
        let content = Content::builtin();
        let rare = Blocker::RedLine {
            side: Side::Iran,
            issue: IssueId(5),
        };
        let mut futures = vec![future(Fate::Agreement, None, None); 19];
        futures.push(future(Fate::Talking, None, Some(rare)));
        let reasons = explain(&futures, &[19, 0, 0, 0, 0, 1]);
        assert_eq!(
            reasons,
            vec![Reason::Deal {
                futures: 19,
                of: 20
            }]
        );
        assert_eq!(
            reasons[0].describe(&content),
            "both delegations sign and ratify in almost every future (95%)"
        );
    }

    #[test]
    fn a_likely_deal_puts_the_danger_first() {
        let content = Content::builtin();
        let futures = vec![
            future(Fate::Agreement, None, None),
            future(Fate::Agreement, None, None),
            future(Fate::Walkout, None, None),
        ];
        let reasons = explain(&futures, &[2, 0, 1, 0, 0, 0]);
        assert_eq!(
            reasons,
            vec![Reason::Danger {
                fate: Fate::Walkout,
                futures: 1,
                of: 3
            }]
        );
        assert_eq!(
            reasons[0].describe(&content),
            "a delegation walks out in 33% of futures"
        );
    }
}
