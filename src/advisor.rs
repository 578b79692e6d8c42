//! Oman's advisor: "what are the odds?". It plays many possible futures from the current position
//! with the real rules, on copies of the state whose random streams are reseeded from the game
//! seed and the position (never drawn from the game's own streams), and reports how often the
//! talks end in agreement, war, a walk-out, sidelining or the deadline within a horizon of weeks,
//! with a reason built from the delegations' reply records.

mod rank;
mod reason;
mod rollout;
pub mod shuttle;

pub use rank::{Move, Ranked, Ranking, TableNow, candidates, rank, table_now};
pub use reason::{Blocker, Reason};
pub use shuttle::Shuttle;

use crate::content::Content;
use crate::game::{Command, GameState, RuleError};

/// Futures played for one answer in play.
pub const FUTURES: u32 = 1000;
/// Weeks the advisor looks ahead in play, this one included: about half the talks, since the
/// delegations concede slowly and a shorter look sees no deal at all early on.
pub const HORIZON: u32 = 6;

/// How a future ends within the horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fate {
    Agreement,
    War,
    Walkout,
    Sidelined,
    Deadline,
    /// Nothing decided by the end of the horizon.
    Talking,
}

impl Fate {
    pub const ALL: [Fate; 6] = [
        Fate::Agreement,
        Fate::War,
        Fate::Walkout,
        Fate::Sidelined,
        Fate::Deadline,
        Fate::Talking,
    ];

    /// Stable short name (JSON keys).
    pub fn key(self) -> &'static str {
        match self {
            Fate::Agreement => "agreement",
            Fate::War => "war",
            Fate::Walkout => "walkout",
            Fate::Sidelined => "sidelined",
            Fate::Deadline => "deadline",
            Fate::Talking => "talking",
        }
    }

    /// Words for the odds window.
    pub fn label(self) -> &'static str {
        match self {
            Fate::Agreement => "agreement",
            Fate::War => "war",
            Fate::Walkout => "walk-out",
            Fate::Sidelined => "Oman sidelined",
            Fate::Deadline => "deadline, no deal",
            Fate::Talking => "still talking",
        }
    }
}

/// What to ask: a plan of Oman's next commands (e.g. "table the draft", or "draft these clauses,
/// then table", or "end the week"), how many futures to play and how many weeks to look ahead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub plan: Vec<Command>,
    pub futures: u32,
    pub horizon: u32,
    /// Threads to play futures on; the answer is the same for any number.
    pub threads: usize,
}

/// Cores the advisor may use (at most 4: more buys nothing for a thousand short futures).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// The advisor's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Odds {
    pub futures: u32,
    pub horizon: u32,
    /// Futures ending each way, in [`Fate::ALL`] order.
    pub counts: [u32; 6],
    /// Why, most telling first (at most two).
    pub reasons: Vec<Reason>,
}

impl Odds {
    pub fn count(&self, fate: Fate) -> u32 {
        self.counts[fate as usize]
    }

    /// Share of futures ending this way.
    pub fn share(&self, fate: Fate) -> f64 {
        f64::from(self.count(fate)) / f64::from(self.futures.max(1))
    }

    /// Half-width of the 95% confidence interval of a share (normal approximation, with a floor
    /// of one future so a share of 0 or 1 still admits doubt).
    pub fn margin(&self, fate: Fate) -> f64 {
        let n = f64::from(self.futures.max(1));
        let p = self.share(fate).clamp(0.5 / n, 1.0 - 0.5 / n);
        1.96 * (p * (1.0 - p) / n).sqrt()
    }
}

/// The odds of one move, or why it cannot be played now.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub move_: Move,
    pub odds: Result<Odds, RuleError>,
}

/// The advisor's answer in play: the odds of each move in [`Move::ASKED`].
pub fn advise(
    content: &Content,
    state: &GameState,
    futures: u32,
    horizon: u32,
    threads: usize,
) -> Vec<Answer> {
    Move::ASKED
        .iter()
        .map(|&move_| Answer {
            move_,
            odds: ask(
                content,
                state,
                &Question {
                    plan: move_
                        .plan(content, state)
                        .expect("invariant: tabling and ending the week have plans"),
                    futures,
                    horizon,
                    threads,
                },
            ),
        })
        .collect()
}

/// Plays the futures and counts how they end. The state is only read; the plan is refused (with
/// the rule's reason) if its first command is refused in the current position.
pub fn ask(content: &Content, state: &GameState, question: &Question) -> Result<Odds, RuleError> {
    if let Some(first) = question.plan.first() {
        crate::game::apply(&mut state.clone(), content, first)?;
    } else if state.is_over() {
        return Err(RuleError::GameOver);
    }
    let base = position_seed(state);
    let n = question.futures as usize;
    let prefix = rollout::Prefix::shared(content, state, &question.plan, question.horizon);
    let play = |i: usize| rollout::play_from(content, &prefix, &question.plan, mix(base, i as u64));
    let futures = rank::spread(n, question.threads, &play);
    // Futures end at the deadline, so the look-ahead is no longer than the weeks left.
    Ok(rank::odds_of(
        &futures,
        question.futures,
        question.horizon.min(state.rounds_left()),
    ))
}

/// The seed of a position: the game seed, the week, how far the game has gone and the draft,
/// so asking twice in the same position gives the same answer, and any move gives new futures.
fn position_seed(state: &GameState) -> u64 {
    let mut h = mix(state.seed, u64::from(state.round));
    // The lines that sum up a move's effects repeat facts already logged: they are not part of
    // how far the game has gone.
    let gone = state
        .log
        .iter()
        .filter(|(_, e)| !matches!(e, crate::game::Event::Done { .. }))
        .count();
    h = mix(h, gone as u64);
    h = mix(h, u64::from(state.action_points));
    for clause in &state.text.clauses {
        let c = match clause {
            crate::game::Clause::Open => 0,
            crate::game::Clause::Deferred => 1,
            crate::game::Clause::Option(o) => 2 + u64::from(o.0),
        };
        h = mix(h, c);
    }
    h
}

/// SplitMix64 finaliser over a pair: a well-spread seed from two numbers.
fn mix(a: u64, b: u64) -> u64 {
    let mut z = a ^ b
        .wrapping_add(0x9E37_79B9_7F4A_7C15)
        .wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{self, Audience, Difficulty, Phase};
    use crate::model::{Choice, IssueId};

    fn position() -> (Content, GameState) {
        let content = Content::builtin();
        let mut state = game::start(&content, 11, Difficulty::Normal);
        if let Phase::Choosing(_) = state.phase {
            game::apply(&mut state, &content, &Command::ChooseCardOption(0)).expect("choice");
        }
        for issue in IssueId::all(5) {
            let clause = game::Clause::Option(Choice(2));
            game::apply(&mut state, &content, &Command::Draft { issue, clause }).expect("draft");
        }
        (content, state)
    }

    fn question(plan: Vec<Command>, futures: u32, threads: usize) -> Question {
        Question {
            plan,
            futures,
            horizon: 2,
            threads,
        }
    }

    #[test]
    fn counts_add_up_and_shares_are_shares() {
        let (content, state) = position();
        let odds = ask(
            &content,
            &state,
            &question(vec![Command::Table(Audience::Both)], 40, 1),
        )
        .expect("odds");
        assert_eq!(odds.counts.iter().sum::<u32>(), 40);
        let total: f64 = Fate::ALL.iter().map(|&f| odds.share(f)).sum();
        assert!((total - 1.0).abs() < 1e-9);
        assert!(Fate::ALL.iter().all(|&f| odds.margin(f) > 0.0));
    }

    #[test]
    fn the_answer_does_not_depend_on_threads() {
        let (content, state) = position();
        let plan = vec![Command::EndRound];
        let one = ask(&content, &state, &question(plan.clone(), 30, 1)).expect("odds");
        let three = ask(&content, &state, &question(plan, 30, 3)).expect("odds");
        assert_eq!(one, three);
    }

    #[test]
    fn a_refused_plan_is_refused_with_its_reason() {
        let content = Content::builtin();
        let mut state = game::start(&content, 11, Difficulty::Normal);
        state.phase = Phase::Acting;
        let err = ask(
            &content,
            &state,
            &question(vec![Command::Table(Audience::Both)], 5, 1),
        );
        assert!(matches!(err, Err(RuleError::TextIncomplete { .. })));
    }

    #[test]
    fn same_position_same_answer_and_a_move_changes_the_seed() {
        let (content, mut state) = position();
        let q = question(vec![Command::EndRound], 20, 1);
        let a = ask(&content, &state, &q).expect("odds");
        assert_eq!(a, ask(&content, &state, &q).expect("odds"));
        let before = position_seed(&state);
        let clause = game::Clause::Option(Choice(1));
        game::apply(
            &mut state,
            &content,
            &Command::Draft {
                issue: IssueId(0),
                clause,
            },
        )
        .expect("draft");
        assert_ne!(before, position_seed(&state));
        assert_ne!(mix(1, 2), mix(2, 1));
    }
}
