//! Ranking Oman's candidate moves for this week: every move the rules allow now (table the draft,
//! carry a counter, each caucus, each errand, each statement, goodwill, end the week), each played
//! out in the same futures (common random numbers: future `i` of every move starts from the same
//! seed, so a difference between two moves is the moves' doing and not the dice's), scored, best
//! first, with what the delegations would answer if the draft were tabled now.

use super::reason::{self, Blocker};
use super::rollout::{self, Future, Prefix};
use super::{Fate, Odds, mix, position_seed};
use crate::content::Content;
use crate::game::{
    self, Audience, CaucusKind, Command, Errand, Event, GameState, Phase, RuleError, Side,
    Statement,
};

/// Weight of a war against a deal in a move's score: a war is as bad as a deal is good.
const WAR_WEIGHT: f64 = 1.0;
/// Weight of the other bad endings (a walk-out, Oman sidelined, the deadline without a deal):
/// the talks fail, but nobody is bombed.
const FAILURE_WEIGHT: f64 = 0.5;

/// One of Oman's candidate moves for this week. The futures after it are played by the shuttle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Table the current draft to both delegations.
    TableDraft,
    /// Write the counter of this side's last answer into the draft, then table it to both.
    CarryCounter(Side),
    /// A private meeting with one delegation (probe, reassure, relay pressure).
    Caucus(Side, CaucusKind),
    /// A third-party errand.
    Errand(Errand),
    /// A public statement.
    Statement(Statement),
    /// Ask a delegation to take a slightly worse text this week.
    Goodwill(Side),
    /// End the week as things stand.
    EndWeek,
}

impl Move {
    /// The two moves of the plain odds question ([`super::advise`]).
    pub const ASKED: [Move; 2] = [Move::TableDraft, Move::EndWeek];

    /// The commands the move stands for in this position; `None` when it means nothing here
    /// (no counter to carry, or the counter is already in the draft).
    pub fn plan(self, content: &Content, state: &GameState) -> Option<Vec<Command>> {
        Some(match self {
            Move::TableDraft => vec![Command::Table(Audience::Both)],
            Move::CarryCounter(side) => {
                let reply = state.delegation(side).last_reply.as_ref()?;
                let mut plan: Vec<Command> = super::shuttle::counter_drafts(content, reply)
                    .filter(|d| match d {
                        Command::Draft { issue, clause } => state.text.clause(*issue) != *clause,
                        _ => false,
                    })
                    .collect();
                if plan.is_empty() {
                    return None;
                }
                plan.push(Command::Table(Audience::Both));
                plan
            }
            Move::Caucus(side, kind) => vec![Command::Caucus { side, kind }],
            Move::Errand(errand) => vec![Command::Errand(errand)],
            Move::Statement(statement) => vec![Command::Statement(statement)],
            Move::Goodwill(side) => vec![Command::SpendGoodwill(side)],
            Move::EndWeek => vec![Command::EndRound],
        })
    }

    /// Every move the advisor weighs, in the order ties are broken (tabling first, ending the
    /// week last).
    pub fn all() -> Vec<Move> {
        let mut moves = vec![Move::TableDraft];
        moves.extend(Side::BOTH.map(Move::CarryCounter));
        for side in Side::BOTH {
            for kind in [
                CaucusKind::Probe,
                CaucusKind::Reassure,
                CaucusKind::RelayPressure,
            ] {
                moves.push(Move::Caucus(side, kind));
            }
        }
        moves.extend(Errand::ALL.map(Move::Errand));
        moves.extend([Statement::UrgeRestraint, Statement::AnnounceProgress].map(Move::Statement));
        moves.extend(Side::BOTH.map(Move::Goodwill));
        moves.push(Move::EndWeek);
        moves
    }

    /// Stable short name (JSON keys, plain mode).
    pub fn key(self) -> String {
        let side = |s: Side| match s {
            Side::Us => "us",
            Side::Iran => "iran",
        };
        match self {
            Move::TableDraft => "table".into(),
            Move::CarryCounter(s) => format!("counter-{}", side(s)),
            Move::Caucus(s, kind) => format!(
                "caucus-{}-{}",
                side(s),
                match kind {
                    CaucusKind::Probe => "probe",
                    CaucusKind::Reassure => "reassure",
                    CaucusKind::RelayPressure => "pressure",
                    CaucusKind::TestIdea { .. } => "test",
                }
            ),
            Move::Errand(e) => format!("errand-{}", format!("{e:?}").to_lowercase()),
            Move::Statement(Statement::UrgeRestraint) => "statement-restraint".into(),
            Move::Statement(Statement::AnnounceProgress) => "statement-progress".into(),
            Move::Goodwill(s) => format!("goodwill-{}", side(s)),
            Move::EndWeek => "end".into(),
        }
    }
}

impl Odds {
    /// What a move's futures are worth: the share of deals, less the wars (weighted as heavily)
    /// and the other failures (half as heavily). From −1 (war in every future) to 1.
    pub fn score(&self) -> f64 {
        self.share(Fate::Agreement)
            - WAR_WEIGHT * self.share(Fate::War)
            - FAILURE_WEIGHT
                * (self.share(Fate::Walkout)
                    + self.share(Fate::Sidelined)
                    + self.share(Fate::Deadline))
    }
}

/// One ranked move.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub move_: Move,
    /// The commands it stands for.
    pub plan: Vec<Command>,
    pub odds: Odds,
}

/// What each delegation would answer if the draft were tabled now: `None` for a yes, else what
/// stands in the way. Replies draw no dice, so this is what tabling will get.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableNow {
    pub blocks: [Option<Blocker>; 2],
}

/// The advisor's ranking of this week's moves.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// Futures played for each move.
    pub futures: u32,
    /// Weeks looked ahead (no longer than the weeks left).
    pub horizon: u32,
    /// Every move the rules allow now, best first.
    pub moves: Vec<Ranked>,
    /// The answers to the draft tabled now, if it is complete.
    pub table_now: Option<TableNow>,
}

impl Ranking {
    /// The best move.
    pub fn best(&self) -> Option<&Ranked> {
        self.moves.first()
    }
}

/// The moves the rules allow in this position, with their plans: every command of the plan must
/// be accepted on a copy of the state (a refused move is not a candidate).
pub fn candidates(content: &Content, state: &GameState) -> Vec<(Move, Vec<Command>)> {
    if !matches!(state.phase, Phase::Acting) {
        return Vec::new();
    }
    Move::all()
        .into_iter()
        .filter_map(|m| {
            let plan = m.plan(content, state)?;
            let mut copy = state.clone();
            plan.iter()
                .all(|c| game::apply(&mut copy, content, c).is_ok())
                .then_some((m, plan))
        })
        .collect()
}

/// The delegations' answers if the draft were tabled now, played on a copy of the state.
pub fn table_now(content: &Content, state: &GameState) -> Option<TableNow> {
    let package = state.text.package(&content.domain).ok()?;
    let mut copy = state.clone();
    let events = game::apply(&mut copy, content, &Command::Table(Audience::Both)).ok()?;
    let mut blocks = [None, None];
    for event in &events {
        if let Event::Replied(reply) = event {
            blocks[reply.side as usize] = reason::blocker(content, reply, &package);
        }
    }
    Some(TableNow { blocks })
}

/// Ranks this week's candidate moves by `futures` futures each, `horizon` weeks ahead, played
/// on `threads` threads (the answer is the same for any number). The state is only read.
pub fn rank(
    content: &Content,
    state: &GameState,
    futures: u32,
    horizon: u32,
    threads: usize,
) -> Result<Ranking, RuleError> {
    match &state.phase {
        Phase::Ended(_) => return Err(RuleError::GameOver),
        Phase::Choosing(_) => return Err(RuleError::CardChoicePending),
        Phase::Acting => {}
    }
    let cands = candidates(content, state);
    // The same seeds for every move: the seed of the position before any of them.
    let base = position_seed(state);
    let n = futures.max(1) as usize;
    let prefixes: Vec<Prefix> = cands
        .iter()
        .map(|(_, plan)| Prefix::shared(content, state, plan, horizon))
        .collect();
    let jobs = cands.len() * n;
    let play = |j: usize| {
        let (k, i) = (j / n, j % n);
        rollout::play_from(content, &prefixes[k], &cands[k].1, mix(base, i as u64))
    };
    let played = spread(jobs, threads, &play);
    let mut moves: Vec<Ranked> = cands
        .into_iter()
        .zip(played.chunks(n.max(1)))
        .map(|((move_, plan), fs)| Ranked {
            move_,
            plan,
            odds: odds_of(fs, futures.max(1), horizon.min(state.rounds_left())),
        })
        .collect();
    // Stable: equal scores keep the candidates' order.
    moves.sort_by(|a, b| b.odds.score().total_cmp(&a.odds.score()));
    Ok(Ranking {
        futures: futures.max(1),
        horizon: horizon.min(state.rounds_left()),
        moves,
        table_now: table_now(content, state),
    })
}

/// The odds of a set of futures.
pub(super) fn odds_of(futures: &[Future], n: u32, horizon: u32) -> Odds {
    let mut counts = [0u32; 6];
    for f in futures {
        counts[f.fate as usize] += 1;
    }
    Odds {
        futures: n,
        horizon,
        counts,
        reasons: reason::explain(futures, &counts),
    }
}

/// Plays jobs `0..jobs` on `threads` threads in contiguous chunks, joined in order: each result
/// depends only on its index, so the answer does not depend on the number of threads.
pub(super) fn spread<T: Send>(
    jobs: usize,
    threads: usize,
    play: &(impl Fn(usize) -> T + Sync),
) -> Vec<T> {
    let threads = threads.clamp(1, jobs.max(1));
    if threads == 1 {
        return (0..jobs).map(play).collect();
    }
    let chunk = jobs.div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    (t * chunk..((t + 1) * chunk).min(jobs))
                        .map(play)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("invariant: a future does not panic"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::Difficulty;

    fn acting(seed: u64) -> (Content, GameState) {
        let content = Content::builtin();
        let mut state = game::start(&content, seed, Difficulty::Normal);
        if let Phase::Choosing(_) = state.phase {
            game::apply(&mut state, &content, &Command::ChooseCardOption(0)).expect("choice");
        }
        (content, state)
    }

    #[test]
    fn every_candidate_is_a_move_the_rules_allow_and_each_move_is_named_once() {
        let (content, state) = acting(21);
        let cands = candidates(&content, &state);
        // An empty draft cannot be tabled; a week-one position has no counter to carry.
        assert!(!cands.iter().any(|(m, _)| *m == Move::TableDraft));
        assert!(cands.iter().any(|(m, _)| *m == Move::EndWeek));
        assert!(cands.len() >= 8, "{cands:?}");
        let keys: std::collections::BTreeSet<String> =
            Move::all().into_iter().map(Move::key).collect();
        assert_eq!(keys.len(), Move::all().len());
    }

    #[test]
    fn the_score_weighs_a_war_against_a_deal() {
        let odds = |counts| Odds {
            futures: 10,
            horizon: 2,
            counts,
            reasons: Vec::new(),
        };
        assert!((odds([10, 0, 0, 0, 0, 0]).score() - 1.0).abs() < 1e-9);
        assert!((odds([0, 10, 0, 0, 0, 0]).score() + 1.0).abs() < 1e-9);
        assert!((odds([5, 0, 5, 0, 0, 0]).score() - 0.25).abs() < 1e-9);
        assert!(odds([0, 0, 0, 0, 0, 10]).score().abs() < 1e-9);
    }

    #[test]
    fn spreading_over_threads_keeps_the_order() {
        let one = spread(37, 1, &|i| i * 3);
        assert_eq!(spread(37, 3, &|i| i * 3), one);
        assert_eq!(one[36], 108);
    }
}
