//! One possible future: a copy of the state with its own random streams, the plan played first,
//! then a plain shuttle-diplomacy Oman for the rest of the horizon, all through the real rules.

use super::Fate;
use super::reason::{self, Blocker};
use super::shuttle::Shuttle;
use crate::content::Content;
use crate::game::{self, Command, Event, GameRng, GameState, Outcome};

/// A safety net far above the commands of a few weeks.
const MAX_STEPS: u32 = 200;

/// How one future went.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Future {
    pub fate: Fate,
    /// What last stood in the way with each side (`None` if its last answer was yes).
    pub blocks: [Option<Blocker>; 2],
}

/// The part of every future that draws nothing from the random streams, played once: the plan's
/// commands and the rollout Oman's moves up to the first draw (the end of the week, a vote, an
/// errand). Without a draw a command does the same in every future, so sharing it is exact.
#[derive(Clone, Debug)]
pub(super) struct Prefix {
    state: GameState,
    /// Plan commands already played (all of them once one was refused).
    plan_done: usize,
    oman: Shuttle,
    blocks: [Option<Blocker>; 2],
    steps: u32,
    /// The week at which futures stop.
    stop: u32,
}

impl Prefix {
    /// No shared part: every future plays everything itself.
    pub(super) fn none(start: &GameState, horizon: u32) -> Prefix {
        Prefix {
            state: start.clone(),
            plan_done: 0,
            oman: Shuttle::quick(),
            blocks: [None, None],
            steps: 0,
            stop: start.round + horizon.max(1),
        }
    }

    /// Plays the shared part of the futures of `plan` from `start`.
    pub(super) fn shared(
        content: &Content,
        start: &GameState,
        plan: &[Command],
        horizon: u32,
    ) -> Prefix {
        let mut p = Prefix::none(start, horizon);
        while p.plan_done < plan.len() {
            let mut next = p.clone();
            if !step(
                content,
                &mut next.state,
                &plan[p.plan_done],
                &mut next.blocks,
            ) {
                p.plan_done = plan.len();
                break;
            }
            if drew(&p.state, &next.state) {
                return p;
            }
            next.plan_done += 1;
            p = next;
        }
        while !p.state.is_over() && p.state.round < p.stop && p.steps < MAX_STEPS {
            let mut next = p.clone();
            let command = next.oman.next(content, &next.state);
            if !step(content, &mut next.state, &command, &mut next.blocks)
                || drew(&p.state, &next.state)
            {
                break;
            }
            next.steps += 1;
            p = next;
        }
        p
    }
}

/// Whether going from `a` to `b` drew from either random stream.
fn drew(a: &GameState, b: &GameState) -> bool {
    a.deck_rng != b.deck_rng || a.world_rng != b.world_rng
}

/// Plays one future from `start`: the plan, then the rollout Oman until the game ends or
/// `horizon` weeks have passed (the current one counts).
#[cfg(test)]
pub(super) fn play(
    content: &Content,
    start: &GameState,
    plan: &[Command],
    seed: u64,
    horizon: u32,
) -> Future {
    play_from(content, &Prefix::none(start, horizon), plan, seed)
}

/// Plays one future on from a shared prefix, with streams seeded from `seed`.
pub(super) fn play_from(content: &Content, prefix: &Prefix, plan: &[Command], seed: u64) -> Future {
    let mut state = reseeded(&prefix.state, seed);
    let mut blocks = prefix.blocks;
    for command in &plan[prefix.plan_done..] {
        if !step(content, &mut state, command, &mut blocks) {
            break;
        }
    }
    let mut oman = prefix.oman.clone();
    let mut steps = prefix.steps;
    while !state.is_over() && state.round < prefix.stop && steps < MAX_STEPS {
        let command = oman.next(content, &state);
        if !step(content, &mut state, &command, &mut blocks) {
            step(content, &mut state, &Command::EndRound, &mut blocks);
        }
        steps += 1;
    }
    let fate = match state.outcome() {
        Some(Outcome::Agreement(_)) => Fate::Agreement,
        Some(Outcome::War) => Fate::War,
        Some(Outcome::Walkout(_)) => Fate::Walkout,
        Some(Outcome::Sidelined) => Fate::Sidelined,
        Some(Outcome::Deadline) => Fate::Deadline,
        None => Fate::Talking,
    };
    Future { fate, blocks }
}

/// A copy of the state whose deck and world streams start afresh from `seed`.
fn reseeded(start: &GameState, seed: u64) -> GameState {
    let mut state = start.clone();
    state.deck_rng = GameRng::new(seed, 1);
    state.world_rng = GameRng::new(seed, 2);
    state
}

/// Applies one command and notes each side's answer to a tabled text. False if refused.
fn step(
    content: &Content,
    state: &mut GameState,
    command: &Command,
    blocks: &mut [Option<Blocker>; 2],
) -> bool {
    let package = match command {
        Command::Table(_) => state.text.package(&content.domain).ok(),
        _ => None,
    };
    let Ok(events) = game::apply(state, content, command) else {
        return false;
    };
    for event in &events {
        if let (Event::Replied(reply), Some(package)) = (event, &package) {
            blocks[reply.side as usize] = reason::blocker(content, reply, package);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Audience, Difficulty, Phase};

    #[test]
    fn a_future_ends_within_its_horizon_and_leaves_the_start_alone() {
        let content = Content::builtin();
        let start = game::start(&content, 5, Difficulty::Normal);
        let before = start.clone();
        for seed in 0..6 {
            let f = play(&content, &start, &[], seed, 2);
            assert!(Fate::ALL.contains(&f.fate));
        }
        assert_eq!(start, before);
    }

    #[test]
    fn the_shared_prefix_changes_no_future() {
        let content = Content::builtin();
        let mut start = game::start(&content, 9, Difficulty::Normal);
        start.phase = Phase::Acting;
        let mut oman = Shuttle::default();
        // A week in, with a text on the table and replies to carry.
        while start.round < 2 {
            let c = oman.next(&content, &start);
            if game::apply(&mut start, &content, &c).is_err() {
                game::apply(&mut start, &content, &Command::EndRound).expect("end");
            }
        }
        start.phase = Phase::Acting;
        let plans = [
            vec![Command::Table(Audience::Both)],
            vec![
                Command::Errand(crate::game::Errand::Qatar),
                Command::Table(Audience::Both),
            ],
            vec![Command::EndRound],
            Vec::new(),
        ];
        for plan in &plans {
            let prefix = Prefix::shared(&content, &start, plan, 3);
            for seed in 0..12 {
                assert_eq!(
                    play_from(&content, &prefix, plan, seed),
                    play(&content, &start, plan, seed, 3),
                    "plan {plan:?} seed {seed}"
                );
            }
        }
    }

    #[test]
    fn seeds_give_different_futures() {
        let content = Content::builtin();
        let mut start = game::start(&content, 5, Difficulty::Normal);
        start.phase = Phase::Acting;
        let cards: std::collections::BTreeSet<String> = (0..20)
            .map(|seed| {
                let mut s = reseeded(&start, seed);
                game::apply(&mut s, &content, &Command::EndRound).expect("end the week");
                s.drawn.last().cloned().unwrap_or_default()
            })
            .collect();
        assert!(cards.len() > 1, "every future drew {cards:?}");
    }

    #[test]
    fn the_shuttle_fills_then_tables_then_ends_the_week() {
        let content = Content::builtin();
        let mut state = game::start(&content, 5, Difficulty::Normal);
        state.phase = Phase::Acting;
        let mut oman = Shuttle::default();
        let mut tabled = 0;
        for _ in 0..40 {
            let command = oman.next(&content, &state);
            if command == Command::EndRound {
                break;
            }
            tabled += u32::from(matches!(command, Command::Table(_)));
            game::apply(&mut state, &content, &command).expect("the shuttle plays legal moves");
        }
        assert!(tabled >= 1);
        assert!(state.text.package(&content.domain).is_ok());
    }
}
