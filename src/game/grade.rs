//! A delegation's graded answer to an idea (a caucus "test an idea", a link): what the text with
//! the idea is worth to it against the last text it answered, how far it is from signing, and why
//! not — taken from the delegation's real answer to that text, tabled to both sides on a copy of
//! the state, so the grade cannot disagree with what the table would then say.

use serde::{Deserialize, Serialize};

use super::command::{Audience, Command, Event};
use super::delegation::{self, Reply, Rule};
use super::seat::{DelegationSeat, Seats};
use super::tabled::last_tabled;
use super::text::{Clause, Text};
use super::{GameState, Seat, Side, rules};
use crate::content::Content;
use crate::model::{Choice, IssueId};

/// What stands between the text with the idea and the delegation's signature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Verdict {
    /// Tabled to both now, it would sign.
    WouldSign,
    /// Above walking away but below what it hopes for: `gap` short (utility, 0–1).
    Short { gap: f64 },
    /// Worth less to it than walking away; `gap` short of its hopes.
    BelowWalkaway { gap: f64 },
    /// The text crosses these red lines of its own.
    RedLine(Vec<(IssueId, Choice)>),
    /// Good enough at the table, but this faction at home would not ratify it.
    NotRatifiable { faction: String },
    /// The draft has clauses still to write, so no whole text can be judged; these are the red
    /// lines the idea's own clauses cross.
    Unfinished(Vec<(IssueId, Choice)>),
}

/// A delegation's grade of an idea.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    pub side: Side,
    /// What the text with the idea is worth to it (utility, 0–1); `None` while unfinished.
    pub worth: Option<f64>,
    /// How much better (or worse) the idea makes the last text it answered; `None` before any
    /// text was tabled to it.
    pub change: Option<f64>,
    /// What the idea's clauses cost it against its own demand on those issues (0: its demand).
    pub below_demand: f64,
    pub verdict: Verdict,
}

impl Grade {
    /// Whether the side likes the idea: better than the last text it saw, or, before any text,
    /// its own demand.
    pub fn warmer(&self) -> bool {
        self.change
            .map_or(self.below_demand < 1e-9, |change| change > 1e-9)
    }

    /// Whether the idea crosses a red line of this side.
    pub fn red_line(&self) -> bool {
        matches!(&self.verdict, Verdict::RedLine(h) | Verdict::Unfinished(h) if !h.is_empty())
    }
}

/// Grades `ideas` (clauses on distinct issues, none open) for each of `sides`: the draft with the
/// ideas written in, as the delegations would answer it tabled to both now.
pub fn grade(
    content: &Content,
    state: &GameState,
    ideas: &[(IssueId, Clause)],
    sides: &[Side],
) -> Vec<Grade> {
    let mut text = state.text.clone();
    for &(issue, clause) in ideas {
        text.set(issue, clause);
    }
    let replies = dry_table(content, state, &text);
    sides
        .iter()
        .map(|&side| {
            let prefs = &content.delegation(side).prefs;
            let d = state.delegation(side);
            let allowed = |i: IssueId, c: Choice| {
                state.is_available(content, i, c) && !d.red_lines.contains(&(i, c))
            };
            let mut below_demand = 0.0;
            let mut own_hits = Vec::new();
            for &(issue, clause) in ideas {
                let on = content.domain.issue(issue);
                let Some(c) = clause.choice(on) else { continue };
                if let Some((_, best)) = prefs.best_on(issue, |x| allowed(issue, x)) {
                    below_demand += (best - prefs.weighted_value(issue, c)).max(0.0);
                }
                if d.red_lines.contains(&(issue, c)) {
                    own_hits.push((issue, c));
                }
            }
            let reply = replies
                .as_ref()
                .and_then(|rs| rs.iter().find(|r| r.side == side));
            match reply {
                Some(r) => Grade {
                    side,
                    worth: Some(r.utility),
                    change: d.last_tabled.map(|last| r.utility - last),
                    below_demand,
                    verdict: verdict(r),
                },
                None => Grade {
                    side,
                    worth: None,
                    change: change_on_last(content, state, side, ideas),
                    below_demand,
                    verdict: Verdict::Unfinished(own_hits),
                },
            }
        })
        .collect()
}

fn verdict(r: &Reply) -> Verdict {
    let gap = r.target - r.utility;
    match r.rule {
        Rule::Accepted => Verdict::WouldSign,
        Rule::BelowTarget => Verdict::Short { gap },
        Rule::BelowWalkaway => Verdict::BelowWalkaway { gap },
        Rule::RedLine => Verdict::RedLine(r.red_line_hits.clone()),
        Rule::NotRatifiable => {
            // The faction that blocks: a veto player first, else the weakest margin.
            let blocking = r
                .ratification
                .iter()
                .filter(|c| !c.ok)
                .min_by(|a, b| b.veto.cmp(&a.veto).then(a.margin.total_cmp(&b.margin)));
            Verdict::NotRatifiable {
                faction: blocking.map(|c| c.faction.clone()).unwrap_or_default(),
            }
        }
    }
}

/// While the draft is unfinished: how the ideas would change the last text this side answered.
fn change_on_last(
    content: &Content,
    state: &GameState,
    side: Side,
    ideas: &[(IssueId, Clause)],
) -> Option<f64> {
    let mut last = Text {
        clauses: last_tabled(state, side)?,
    };
    let before = last.package(&content.domain).ok()?;
    for &(issue, clause) in ideas {
        last.set(issue, clause);
    }
    let after = last.package(&content.domain).ok()?;
    let prefs = &content.delegation(side).prefs;
    Some(prefs.utility(&after) - prefs.utility(&before))
}

/// The AI delegation answering without a counter: the table's rules after an answer do not
/// depend on the counter before the other side answers, so the verdicts are the AI's own.
struct Judging;

impl DelegationSeat for Judging {
    fn answer(
        &mut self,
        content: &Content,
        state: &GameState,
        side: Side,
        package: &[Choice],
    ) -> Reply {
        delegation::verdict(content, state, side, package)
    }
}

/// Both delegations' answers to `text` tabled to both now, on a copy of the state (the news log
/// left out: the answers do not read it); `None` if the text cannot be tabled yet.
fn dry_table(content: &Content, state: &GameState, text: &Text) -> Option<Vec<Reply>> {
    text.package(&content.domain).ok()?;
    let mut copy = state.clone_without_log();
    copy.text = text.clone();
    copy.action_points = copy.action_points.max(1);
    let (mut us, mut iran) = (Judging, Judging);
    let events = rules::apply_seated(
        &mut copy,
        content,
        Seat::Oman,
        &Command::Table(Audience::Both),
        &mut Seats::new(&mut us, &mut iran),
    )
    .ok()?;
    Some(
        events
            .into_iter()
            .filter_map(|e| match e {
                Event::Replied(r) => Some(*r),
                _ => None,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{CaucusKind, Difficulty, Phase, apply, start};

    fn game(seed: u64) -> (Content, GameState) {
        let content = Content::builtin();
        let mut state = start(&content, seed, Difficulty::Normal);
        if matches!(state.phase, Phase::Choosing(_)) {
            apply(&mut state, &content, &Command::ChooseCardOption(0)).expect("card");
        }
        (content, state)
    }

    /// Drafts a middle-ground text: each issue at the given option.
    fn draft(content: &Content, state: &mut GameState, options: &[u8]) {
        for (issue, &o) in IssueId::all(content.domain.issues.len()).zip(options) {
            let clause = Clause::Option(Choice(o));
            apply(state, content, &Command::Draft { issue, clause }).expect("draft");
        }
    }

    /// The reply a side gives when the draft is tabled to both right after the grade.
    fn tabled(content: &Content, state: &GameState, side: Side) -> Reply {
        let mut after = state.clone();
        after.action_points = after.action_points.max(1);
        let events = apply(&mut after, content, &Command::Table(Audience::Both)).expect("table");
        events
            .into_iter()
            .find_map(|e| match e {
                Event::Replied(r) if r.side == side => Some(*r),
                _ => None,
            })
            .expect("a reply from each side")
    }

    /// Checks one grade against the real answer to the same text.
    fn agrees(g: &Grade, r: &Reply, last: Option<f64>) {
        assert_eq!(g.worth, Some(r.utility));
        assert_eq!(g.change, last.map(|l| r.utility - l));
        match &g.verdict {
            Verdict::WouldSign => assert!(r.accept, "would sign, but {:?}", r.rule),
            Verdict::Short { gap } => {
                assert_eq!(r.rule, Rule::BelowTarget);
                assert!((gap - (r.target - r.utility)).abs() < 1e-12);
            }
            Verdict::BelowWalkaway { gap } => {
                assert_eq!(r.rule, Rule::BelowWalkaway);
                assert!((gap - (r.target - r.utility)).abs() < 1e-12);
            }
            Verdict::RedLine(hits) => assert_eq!(hits, &r.red_line_hits),
            Verdict::NotRatifiable { faction } => {
                assert_eq!(r.rule, Rule::NotRatifiable);
                assert!(
                    r.ratification
                        .iter()
                        .any(|c| !c.ok && &c.faction == faction)
                );
            }
            Verdict::Unfinished(_) => panic!("a finished text has a verdict"),
        }
        assert_eq!(r.accept, g.verdict == Verdict::WouldSign);
    }

    #[test]
    fn a_tested_idea_agrees_with_the_answer_at_the_table() {
        let mut verdicts = std::collections::BTreeSet::new();
        for seed in [3, 7, 11, 19] {
            for give in [0.0, 0.6, 1.0] {
                let (content, mut state) = game(seed);
                for d in &mut state.delegations {
                    d.give = give;
                }
                draft(&content, &mut state, &[2, 1, 1, 2, 1]);
                if seed % 2 == 1 {
                    // A first table, so the grade has a last text to compare with.
                    apply(&mut state, &content, &Command::Table(Audience::Both)).expect("table");
                    if state.is_over() {
                        continue;
                    }
                }
                for (i, issue) in content.domain.each_issue() {
                    for c in issue.option_choices() {
                        if !state.is_available(&content, i, c) {
                            continue;
                        }
                        for side in Side::BOTH {
                            let mut s = state.clone();
                            s.action_points = 4;
                            let last = s.delegation(side).last_tabled;
                            let clause = Clause::Option(c);
                            apply(&mut s, &content, &Command::Draft { issue: i, clause })
                                .expect("draft");
                            let kind = CaucusKind::TestIdea { issue: i, clause };
                            let events = apply(&mut s, &content, &Command::Caucus { side, kind })
                                .expect("test");
                            let g = events
                                .iter()
                                .find_map(|e| match e {
                                    Event::IdeaTested { grade, .. } => grade.clone(),
                                    _ => None,
                                })
                                .expect("a graded answer");
                            agrees(&g, &tabled(&content, &s, side), last);
                            verdicts.insert(
                                format!("{:?}", g.verdict)
                                    .chars()
                                    .take(6)
                                    .collect::<String>(),
                            );
                        }
                    }
                }
            }
        }
        for want in ["WouldS", "Short ", "RedLin"] {
            assert!(verdicts.contains(want), "{want} never seen: {verdicts:?}");
        }
    }

    #[test]
    fn a_link_agrees_with_both_answers_at_the_table() {
        let (content, mut state) = game(5);
        draft(&content, &mut state, &[2, 1, 1, 2, 1]);
        apply(&mut state, &content, &Command::Table(Audience::Both)).expect("table");
        assert!(
            !state.is_over(),
            "a first middle text is not signed by both"
        );
        let lasts = Side::BOTH.map(|s| state.delegation(s).last_tabled);
        let first = (IssueId(0), Clause::Option(Choice(1)));
        let second = (IssueId(3), Clause::Option(Choice(3)));
        let events = apply(&mut state, &content, &Command::Link { first, second }).expect("link");
        let grades = events
            .iter()
            .find_map(|e| match e {
                Event::LinkSounded { grades, .. } => Some(grades.clone()),
                _ => None,
            })
            .expect("sounded");
        assert_eq!(grades.len(), 2);
        for (g, side) in grades.iter().zip(Side::BOTH) {
            assert_eq!(g.side, side);
            agrees(g, &tabled(&content, &state, side), lasts[side as usize]);
        }
    }

    #[test]
    fn a_sides_own_demand_is_warm_and_the_tabled_clause_is_no_colder() {
        let (content, mut state) = game(7);
        let prefs = &content.delegation(Side::Iran).prefs;
        let issue = IssueId(0);
        let (demand, _) = prefs
            .best_on(issue, |c| {
                state.is_available(&content, issue, c)
                    && !state.delegation(Side::Iran).red_lines.contains(&(issue, c))
            })
            .expect("a demand");
        // Nothing drafted or tabled yet: its own demand is what it wants.
        let g = grade(
            &content,
            &state,
            &[(issue, Clause::Option(demand))],
            &[Side::Iran],
        );
        assert!(g[0].warmer(), "{:?}", g[0]);
        assert!(g[0].below_demand.abs() < 1e-12);
        assert!(matches!(g[0].verdict, Verdict::Unfinished(ref h) if h.is_empty()));
        // The clause already tabled, tested again: the same text, neither warmer nor colder.
        draft(&content, &mut state, &[2, 1, 1, 2, 1]);
        apply(&mut state, &content, &Command::Table(Audience::Both)).expect("table");
        let same = state.text.clause(issue);
        let g = grade(&content, &state, &[(issue, same)], &[Side::Iran, Side::Us]);
        for g in &g {
            assert_eq!(g.change, Some(0.0), "{g:?}");
            assert!(!g.warmer());
        }
        // Its demand, against that tabled text, is warmer.
        let g = grade(
            &content,
            &state,
            &[(issue, Clause::Option(demand))],
            &[Side::Iran],
        );
        if Clause::Option(demand) != same {
            assert!(g[0].change.expect("a last text") > 0.0, "{:?}", g[0]);
            assert!(g[0].warmer());
        }
    }

    #[test]
    fn an_unfinished_draft_is_graded_against_the_last_text() {
        let (content, mut state) = game(7);
        draft(&content, &mut state, &[2, 1, 1, 2, 1]);
        apply(&mut state, &content, &Command::Table(Audience::Both)).expect("table");
        let tabled_text = state.text.clone();
        // Reopen a clause that cannot be deferred: no whole text to judge.
        let open = content
            .domain
            .each_issue()
            .find(|(_, i)| !i.deferrable)
            .map(|(k, _)| k)
            .expect("an issue that cannot be deferred");
        state.text.set(open, Clause::Open);
        let idea = (IssueId(u8::from(open.0 == 0)), Clause::Option(Choice(0)));
        let g = grade(&content, &state, &[idea], &[Side::Us]).remove(0);
        assert_eq!(g.worth, None);
        let mut with = tabled_text.clone();
        with.set(idea.0, idea.1);
        let prefs = &content.delegation(Side::Us).prefs;
        let u = |t: &Text| prefs.utility(&t.package(&content.domain).expect("complete"));
        let want = u(&with) - u(&tabled_text);
        assert!((g.change.expect("a last text") - want).abs() < 1e-12);
        assert!(matches!(g.verdict, Verdict::Unfinished(_)));
    }
}
