//! Shuttle diplomacy, the one way Oman's scripted players carry offers between the rooms: the
//! steps they share (who is furthest from yes, a counter as drafts, a reassurance when trust runs
//! low) and [`Shuttle`], the Oman the advisor's futures are played with. The `greedy` and `expert`
//! players of `oman` are built from the same steps.

use crate::content::Content;
use crate::game::position;
use crate::game::{
    Audience, CaucusKind, Clause, Command, GameState, Phase, Reply, Rule, Side, TrackId,
};
use crate::model::Choice;

/// Texts tabled in a week in the look-ahead: a text and one counter. A third table mostly
/// carries the first side's answer back; it wins a few more deals (84% against 81% of 1,000
/// whole games) but costs a third of the look-ahead's time.
const QUICK_TABLES: u32 = 2;
/// Trust in Oman below which the shuttle reassures a delegation before tabling.
pub const LOW_TRUST: i32 = 35;

/// Of the answers that said no, the one furthest from yes: a crossed red line first (no
/// amount of utility signs it), then a text below the walk-away value, then the widest gap to
/// what its side hopes for.
pub fn furthest_from_yes<'r>(replies: impl Iterator<Item = &'r Reply>) -> Option<&'r Reply> {
    let distance = |r: &Reply| {
        let blocked = if !r.red_line_hits.is_empty() {
            2.0
        } else if r.utility < r.walkaway {
            1.0
        } else {
            0.0
        };
        blocked + r.target - r.utility
    };
    replies
        .filter(|r| !r.accept)
        .max_by(|a, b| distance(a).total_cmp(&distance(b)))
}

/// A delegation's counter as the drafts that would write it into the text, in its order.
pub fn counter_drafts<'r>(
    content: &'r Content,
    reply: &'r Reply,
) -> impl DoubleEndedIterator<Item = Command> + 'r {
    reply.counter.iter().map(|&(issue, choice)| Command::Draft {
        issue,
        clause: Clause::of_choice(content.domain.issue(issue), choice),
    })
}

/// A caucus to reassure the first delegation whose trust in Oman runs low, at most once a week
/// (`reassured_in` holds the week of the last one).
pub fn reassure_low_trust(reassured_in: &mut u32, state: &GameState) -> Option<Command> {
    if *reassured_in == state.round {
        return None;
    }
    let side = Side::BOTH
        .into_iter()
        .find(|&s| state.track(TrackId::trust_in_oman(s)) < LOW_TRUST)?;
    *reassured_in = state.round;
    Some(Command::Caucus {
        side,
        kind: CaucusKind::Reassure,
    })
}

/// Trust in Oman a delegation must keep for the shuttle to relay pressure to it: below this a
/// caucus of pressure soon backfires.
pub const PRESS_TRUST: i32 = 42;

/// Relayed pressure on the side furthest from yes, when its last answer was short of its hopes
/// (not of its walk-away value, which pressure does not move), it has not been pressed lately,
/// and its trust in Oman and patience can bear it.
pub fn press_furthest(state: &GameState) -> Option<Command> {
    let replies = Side::BOTH
        .iter()
        .filter_map(|&s| state.delegation(s).last_reply.as_ref());
    let r = furthest_from_yes(replies)?;
    let side = r.side;
    let worth = r.rule == Rule::BelowTarget
        || (r.rule == Rule::RedLine && r.utility >= r.walkaway && r.utility < r.target);
    (worth
        && position::recent_pressure(state, side) == 0
        && state.track(TrackId::trust_in_oman(side)) >= PRESS_TRUST
        && state.patience(side) > 25)
        .then_some(Command::Caucus {
            side,
            kind: CaucusKind::RelayPressure,
        })
}

/// The rollout's Oman: fills the text, carries the counter of the side furthest from yes,
/// reassures a delegation losing trust, tables each new text once, and ends the week.
#[derive(Clone, Debug, Default)]
pub struct Shuttle {
    /// The week and text last tabled, so the same text is not tabled twice in a week.
    tabled: Option<(u32, Vec<Clause>)>,
    reassured_in: u32,
    /// Texts tabled in a week before ending it; 0 means as many as the action points allow.
    max_tables: u32,
}

impl Shuttle {
    /// The look-ahead's Oman: at most two texts a week.
    pub fn quick() -> Shuttle {
        Shuttle {
            max_tables: QUICK_TABLES,
            ..Shuttle::default()
        }
    }

    /// Oman's next command in this position.
    pub fn next(&mut self, content: &Content, state: &GameState) -> Command {
        if let Phase::Choosing(_) = state.phase {
            return Command::ChooseCardOption(0);
        }
        if let Some(draft) = fill(content, state) {
            return draft;
        }
        if state.action_points == 0
            || (self.max_tables > 0 && state.tabled_this_round >= self.max_tables)
        {
            return Command::EndRound;
        }
        if let Some(draft) = carry_counter(content, state) {
            return draft;
        }
        if let Some(reassure) = reassure_low_trust(&mut self.reassured_in, state) {
            return reassure;
        }
        if state.action_points >= 2
            && let Some(press) = press_furthest(state)
        {
            return press;
        }
        let now = (state.round, state.text.clauses.clone());
        if self.tabled.as_ref() == Some(&now) {
            return Command::EndRound;
        }
        self.tabled = Some(now);
        Command::Table(Audience::Both)
    }
}

/// Drafts the middle available option of an issue that must be settled and is still open.
fn fill(content: &Content, state: &GameState) -> Option<Command> {
    let (i, issue) = content
        .domain
        .each_issue()
        .find(|&(i, issue)| !issue.deferrable && state.text.clause(i) == Clause::Open)?;
    let available: Vec<Choice> = issue
        .option_choices()
        .filter(|&o| state.is_available(content, i, o))
        .collect();
    let middle = *available.get(available.len() / 2)?;
    Some(Command::Draft {
        issue: i,
        clause: Clause::Option(middle),
    })
}

/// The next clause of the counter of the side furthest from yes, if the text lacks it.
fn carry_counter(content: &Content, state: &GameState) -> Option<Command> {
    let offers = Side::BOTH
        .iter()
        .filter_map(|&s| state.delegation(s).last_reply.as_ref())
        .filter(|r| !r.counter.is_empty());
    counter_drafts(content, furthest_from_yes(offers)?).find(|draft| match draft {
        Command::Draft { issue, clause } => state.text.clause(*issue) != *clause,
        _ => false,
    })
}