//! Two scripted Oman styles for `muscat simulate`: the `hawk` mediator sides with the coercer
//! (drafts near the US line, relays US pressure to Iran, concedes one step a week), and the `dove`
//! accommodates (drafts near Iran's line, reassures, spends goodwill, asks for time). Neither is
//! meant to be good; they show what one-sided mediation does.

use super::Policy;
use crate::content::Content;
use crate::game::{
    Audience, CaucusKind, Clause, Command, GameState, Phase, Side, Statement, TrackId,
};

/// A mediator that leans towards one side.
pub struct Leaning {
    name: &'static str,
    /// The side whose line the first text follows.
    favours: Side,
    /// Replies already read.
    seen_replies: usize,
    /// Drafts queued before the next table.
    queue: Vec<Command>,
    /// The week of its last extra move, so it makes one a week.
    moved_in: u32,
}

impl Leaning {
    pub fn hawk() -> Leaning {
        Leaning::new("hawk", Side::Us)
    }

    pub fn dove() -> Leaning {
        Leaning::new("dove", Side::Iran)
    }

    fn new(name: &'static str, favours: Side) -> Leaning {
        Leaning {
            name,
            favours,
            seen_replies: 0,
            queue: Vec::new(),
            moved_in: 0,
        }
    }

    /// The favoured side's best available option on the first open issue.
    fn opening_draft(&self, content: &Content, state: &GameState) -> Option<Command> {
        let (i, _) = state.text.each_clause().find(|&(_, c)| c == Clause::Open)?;
        let prefs = &content.delegation(self.favours).prefs;
        let (choice, _) = prefs.best_on(i, |c| state.is_available(content, i, c))?;
        let issue = content.domain.issue(i);
        let clause = if Some(choice) == issue.deferred_choice() {
            Clause::Deferred
        } else {
            Clause::Option(choice)
        };
        Some(Command::Draft { issue: i, clause })
    }

    /// One step towards what the other side says it wants, on its top complaint.
    fn concede(&mut self, content: &Content, state: &GameState) {
        let replies: Vec<_> = state.replies().collect();
        if replies.len() <= self.seen_replies {
            return;
        }
        let fresh = &replies[self.seen_replies..];
        self.seen_replies = replies.len();
        // The hawk gives ground to the side it presses only when that side rejects; the dove
        // carries whichever rejection is loudest.
        let rejecting = fresh
            .iter()
            .filter(|r| !r.accept)
            .max_by(|a, b| (a.target - a.utility).total_cmp(&(b.target - b.utility)));
        let Some(r) = rejecting else { return };
        let Some(c) = r.complaints.first() else {
            return;
        };
        let issue = content.domain.issue(c.issue);
        let step = match state.text.clause(c.issue) {
            Clause::Option(o) if issue.is_option(c.wants) => o.step_towards(c.wants),
            _ => c.wants,
        };
        if !state.is_available(content, c.issue, step) {
            return;
        }
        let clause = if Some(step) == issue.deferred_choice() {
            Clause::Deferred
        } else {
            Clause::Option(step)
        };
        self.queue.push(Command::Draft {
            issue: c.issue,
            clause,
        });
    }

    fn weekly_move(&self, state: &GameState) -> Command {
        let other = self.favours.other();
        match self.favours {
            // Carry Washington's threats to Tehran; call for restraint when war looms.
            Side::Us => {
                if state.track(TrackId::WarRisk) > 60 {
                    Command::Statement(Statement::UrgeRestraint)
                } else {
                    Command::Caucus {
                        side: other,
                        kind: CaucusKind::RelayPressure,
                    }
                }
            }
            // Soothe both, and buy time.
            Side::Iran => {
                if state.rounds_left() <= 2 && state.action_points > 0 {
                    Command::RequestExtension
                } else if state.track(TrackId::trust_in_oman(Side::Us)) < 45 {
                    Command::Caucus {
                        side: Side::Us,
                        kind: CaucusKind::Reassure,
                    }
                } else {
                    Command::SpendGoodwill(Side::Us)
                }
            }
        }
    }
}

impl Policy for Leaning {
    fn name(&self) -> &'static str {
        self.name
    }

    fn next(&mut self, content: &Content, state: &GameState) -> Command {
        if let Phase::Choosing(card) = &state.phase {
            // The hawk takes the first (usually firmer) choice, the dove the last.
            let last = content
                .card(card)
                .map_or(0, |c| c.choices.len().saturating_sub(1));
            return Command::ChooseCardOption(if self.favours == Side::Us {
                0
            } else {
                last as u8
            });
        }
        if let Some(draft) = self.opening_draft(content, state) {
            return draft;
        }
        self.concede(content, state);
        if let Some(draft) = self.queue.pop() {
            return draft;
        }
        if state.action_points == 0 {
            return Command::EndRound;
        }
        if self.moved_in != state.round {
            self.moved_in = state.round;
            return self.weekly_move(state);
        }
        Command::Table(Audience::Both)
    }
}
