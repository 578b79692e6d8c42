//! The `routine` Oman: an open-loop plan that never looks at the table. It drafts one fixed text
//! in week 1, plays the same sequence of verbs every week and answers every card by a fixed
//! index. `simulate --policy routines` searches these for one that wins (see [`super::search`]);
//! a game where one does is a game of waiting, not of decisions.

use serde::Serialize;

use super::Policy;
use crate::content::Content;
use crate::game::{Audience, Clause, Command, GameState, Phase, Statement};
use crate::model::IssueId;

/// Longest game a by-week card plan covers (the longest deadline plus an extension); later weeks
/// reuse the last entry.
pub const PLAN_WEEKS: usize = 16;

/// Which option a routine picks at a card that asks for a choice. An index past a card's last
/// option picks its last.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum CardPlan {
    /// The same index at every card.
    Always(u8),
    /// The index for each week, week 1 first.
    ByWeek(Vec<u8>),
}

impl CardPlan {
    /// The index asked for in `week` (1-based).
    pub fn index(&self, week: u32) -> u8 {
        match self {
            CardPlan::Always(k) => *k,
            CardPlan::ByWeek(ks) => {
                let at = (week.max(1) as usize - 1).min(ks.len().saturating_sub(1));
                ks.get(at).copied().unwrap_or(0)
            }
        }
    }
}

/// An open-loop plan: the text, each week's verbs and the card answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Routine {
    /// One clause per issue, in the domain's order (an option, or deferral where allowed).
    pub text: Vec<Clause>,
    /// Each week's moves, in order; the week ends after the last (or at an `EndRound` in it).
    pub week: Vec<Command>,
    pub cards: CardPlan,
}

impl Routine {
    /// Ending the week and nothing else (the text is drafted but never tabled).
    pub fn end_week(content: &Content) -> Routine {
        Routine {
            text: middle_text(content),
            week: vec![Command::EndRound],
            cards: CardPlan::Always(0),
        }
    }

    /// The issue's mindless routine: a middle-ground text (3.67% cap, down-blend, Additional
    /// Protocol, phased oil relief, snap-back after joint review, the rest deferred), then every
    /// week the card's first option, table to both, urge restraint twice and end the week.
    /// Issues or options a scenario lacks fall back to the middle text's clause.
    pub fn mindless(content: &Content) -> Routine {
        let wanted = [
            ("enrichment", "cap-367"),
            ("stockpile", "downblend"),
            ("verification", "ap-plus"),
            ("sanctions", "phased-oil"),
            ("enforcement", "joint-review"),
        ];
        let mut text = middle_text(content);
        for (i, issue) in content.domain.each_issue() {
            if let Some(choice) = wanted
                .iter()
                .find(|(id, _)| *id == issue.id)
                .and_then(|(_, option)| issue.option_index(option))
            {
                text[i.index()] = Clause::Option(choice);
            }
        }
        Routine {
            text,
            week: vec![
                Command::Table(Audience::Both),
                Command::Statement(Statement::UrgeRestraint),
                Command::Statement(Statement::UrgeRestraint),
                Command::EndRound,
            ],
            cards: CardPlan::Always(0),
        }
    }

    /// Plays this routine as an Oman policy.
    pub fn player(&self) -> Player<'_> {
        Player {
            routine: self,
            week: 0,
            step: 0,
            drafted: 0,
        }
    }
}

/// The middle option of every issue that cannot be deferred, deferral for the rest.
fn middle_text(content: &Content) -> Vec<Clause> {
    content
        .domain
        .issues
        .iter()
        .map(|issue| match issue.deferred_choice() {
            Some(_) => Clause::Deferred,
            None => Clause::Option(crate::model::Choice::at(issue.options.len() / 2)),
        })
        .collect()
}

/// A routine being played: where it is in its week.
pub struct Player<'a> {
    routine: &'a Routine,
    /// The week the step counts in.
    week: u32,
    /// The next of the week's verbs. It moves on after every ask, so a refused verb is skipped.
    step: usize,
    /// Clauses of the text already drafted (or refused) in week 1.
    drafted: usize,
}

impl Policy for Player<'_> {
    fn name(&self) -> &'static str {
        "routine"
    }

    fn next(&mut self, content: &Content, state: &GameState) -> Command {
        if let Phase::Choosing(card) = &state.phase {
            let options = content.card(card).map_or(1, |c| c.choices.len()).max(1);
            let k = usize::from(self.routine.cards.index(state.round)).min(options - 1);
            return Command::ChooseCardOption(k as u8);
        }
        if state.round != self.week {
            self.week = state.round;
            self.step = 0;
        }
        while self.drafted < self.routine.text.len() {
            let issue = IssueId::at(self.drafted);
            let clause = self.routine.text[self.drafted];
            self.drafted += 1;
            if state.text.clauses.get(issue.index()) != Some(&clause) {
                return Command::Draft { issue, clause };
            }
        }
        let verb = self.routine.week.get(self.step).cloned();
        self.step += 1;
        verb.unwrap_or(Command::EndRound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{self, Difficulty};
    use crate::oman::play;

    #[test]
    fn a_by_week_plan_reads_its_week_and_keeps_its_last_entry() {
        let plan = CardPlan::ByWeek(vec![2, 0, 1]);
        assert_eq!(
            (1..=5).map(|w| plan.index(w)).collect::<Vec<_>>(),
            [2, 0, 1, 1, 1]
        );
        assert_eq!(CardPlan::Always(3).index(9), 3);
    }

    #[test]
    fn the_mindless_routine_drafts_its_text_and_tables_it_every_week() {
        let content = Content::builtin();
        let routine = Routine::mindless(&content);
        let (state, log) = play(&content, 7, Difficulty::Normal, &mut routine.player());
        assert!(state.is_over());
        let enrichment = content.domain.issue(IssueId::at(0));
        let cap = enrichment.option_index("cap-367").expect("3.67% cap");
        assert!(log.contains(&Command::Draft {
            issue: IssueId::at(0),
            clause: Clause::Option(cap)
        }));
        let tables = log
            .iter()
            .filter(|c| **c == Command::Table(Audience::Both))
            .count();
        // Tabled once in each week that did not end at its start.
        assert!(
            tables as u32 + 1 >= state.round,
            "{tables} in {}",
            state.round
        );
        let drafts = log
            .iter()
            .filter(|c| matches!(c, Command::Draft { .. }))
            .count();
        assert!(drafts <= content.domain.issues.len(), "drafted once");
    }

    #[test]
    fn ending_the_week_only_never_tables() {
        let content = Content::builtin();
        let routine = Routine::end_week(&content);
        let (state, log) = play(&content, 3, Difficulty::Normal, &mut routine.player());
        assert!(state.is_over());
        assert!(!log.iter().any(|c| matches!(c, Command::Table(_))));
        assert!(!matches!(
            state.outcome(),
            Some(game::Outcome::Agreement(_))
        ));
    }
}
