//! The `greedy` Oman: shuttle diplomacy (the advisor's steps, see `advisor::shuttle`) from a
//! middle-ground text, carrying every counter in full and nudging a side that offers none.

use super::Policy;
use crate::advisor::shuttle::{
    counter_drafts, furthest_from_yes, press_furthest, reassure_low_trust,
};
use crate::content::Content;
use crate::game::{Audience, Clause, Command, GameState, Phase};
use crate::model::Choice;

/// Shuttle diplomacy: table a middle-ground text, then carry each rejecting side's smallest
/// acceptable change to the table, reassuring a delegation whose trust runs low.
#[derive(Default)]
pub struct Greedy {
    /// Drafts still to make before tabling again.
    queue: Vec<Command>,
    /// Replies already acted on (count of reply events in the log).
    seen_replies: usize,
    reassured_in: u32,
}

impl Greedy {
    pub(super) fn opening_draft(content: &Content, state: &GameState) -> Option<Command> {
        let (i, issue) = content
            .domain
            .each_issue()
            .find(|&(i, _)| state.text.clause(i) == Clause::Open)?;
        let clause = if issue.deferrable {
            Clause::Deferred
        } else {
            Clause::Option(Choice::at(issue.options.len() / 2))
        };
        Some(Command::Draft { issue: i, clause })
    }
}

impl Policy for Greedy {
    fn name(&self) -> &'static str {
        "greedy"
    }

    fn next(&mut self, content: &Content, state: &GameState) -> Command {
        if matches!(state.phase, Phase::Choosing(_)) {
            return Command::ChooseCardOption(0);
        }
        if let Some(draft) = Self::opening_draft(content, state) {
            return draft;
        }
        let replies: Vec<_> = state.replies().collect();
        if replies.len() > self.seen_replies {
            let fresh = &replies[self.seen_replies..];
            self.seen_replies = replies.len();
            // Carry the counter of the side furthest from yes; with no counter on offer, move its
            // top complaint one step its way.
            let furthest = furthest_from_yes(fresh.iter().copied());
            if let Some(r) = furthest
                && r.counter.is_empty()
                && let Some(c) = r.complaints.first()
                && let Clause::Option(now) = state.text.clause(c.issue)
                && content.domain.issue(c.issue).is_option(c.wants)
            {
                let step = now.step_towards(c.wants);
                // The nearest available option from that step on towards what it wants, else
                // back towards the current clause.
                let step = (step.0..=c.wants.0.max(step.0))
                    .chain((c.wants.0.min(step.0)..=step.0).rev())
                    .map(Choice)
                    .find(|&o| state.is_available(content, c.issue, o))
                    .unwrap_or(c.wants);
                self.queue = vec![Command::Draft {
                    issue: c.issue,
                    clause: Clause::Option(step),
                }];
            }
            if let Some(worst) = furthest.filter(|r| !r.counter.is_empty()) {
                self.queue = counter_drafts(content, worst).collect();
            }
        }
        if let Some(draft) = self.queue.pop() {
            return draft;
        }
        if state.action_points == 0 {
            return Command::EndRound;
        }
        if let Some(reassure) = reassure_low_trust(&mut self.reassured_in, state) {
            return reassure;
        }
        if state.action_points >= 2
            && let Some(press) = press_furthest(state)
        {
            return press;
        }
        Command::Table(Audience::Both)
    }
}
