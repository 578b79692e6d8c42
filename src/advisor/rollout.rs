//! One possible future: a copy of the state with its own random streams, the plan played first,
//! then a plain shuttle-diplomacy Oman for the rest of the horizon, all through the real rules.

use super::Fate;
use super::reason::{self, Blocker};
use super::shuttle::Shuttle;
use crate::content::Content;
use crate::game::{self, Audience, Command, Event, GameRng, GameState, Outcome, Side};

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
            state: trimmed(start),
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

/// Entries at the end of the news log kept whole: the rules look back over the last 40 (Iran's
/// signals of the week before).
const LOG_TAIL: usize = 40;

/// A copy of the state with only the part of the news log the rules read: its last
/// [`LOG_TAIL`] entries and the last three weeks whole (pressure relayed lately, calls for
/// restraint), and from before that the errands done and the statements made. Every future
/// copies the state, and a copy of the whole log is most of the cost of a future late in a game;
/// the futures play the same with this log as with the whole one.
fn trimmed(start: &GameState) -> GameState {
    let log = &start.log;
    let since = start.round.saturating_sub(2);
    let recent = log
        .iter()
        .position(|(r, _)| *r >= since)
        .unwrap_or(log.len());
    let cut = recent.min(log.len().saturating_sub(LOG_TAIL));
    // Once per question: the futures copy the trimmed state.
    let mut state = start.clone();
    state.log = log[..cut]
        .iter()
        .filter(|(_, e)| {
            matches!(
                e,
                Event::ErrandDone { success: true, .. } | Event::StatementMade(_)
            )
        })
        .chain(&log[cut..])
        .cloned()
        .collect();
    state
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
    run(content, prefix, plan, seed).0
}

/// [`play_from`], with the state the future ends in.
fn run(content: &Content, prefix: &Prefix, plan: &[Command], seed: u64) -> (Future, GameState) {
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
    (Future { fate, blocks }, state)
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
    let tabled = match command {
        Command::Table(audience) => state
            .text
            .package(&content.domain)
            .ok()
            .map(|p| (*audience, p)),
        _ => None,
    };
    if game::apply_quietly(state, content, command).is_err() {
        return false;
    }
    // A tabled text leaves each delegation's answer as its last reply.
    if let Some((audience, package)) = tabled {
        for side in Side::BOTH {
            if audience == Audience::Both || audience == Audience::One(side) {
                blocks[side as usize] = state
                    .delegation(side)
                    .last_reply
                    .as_ref()
                    .and_then(|reply| reason::blocker(content, reply, &package));
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Difficulty, Phase};

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

    /// A future the plain way: the whole state, every command through [`game::apply`], each
    /// answer read from its event; returns the ending, the obstacles and the final state.
    fn through_the_rules(
        content: &Content,
        start: &GameState,
        plan: &[Command],
        seed: u64,
        horizon: u32,
    ) -> (Future, GameState) {
        let mut state = start.clone();
        state.deck_rng = GameRng::new(seed, 1);
        state.world_rng = GameRng::new(seed, 2);
        let stop = start.round + horizon.max(1);
        let mut blocks = [None, None];
        let mut play = |state: &mut GameState, c: &Command| -> bool {
            let package = state.text.package(&content.domain).ok();
            let Ok(events) = game::apply(state, content, c) else {
                return false;
            };
            for e in &events {
                if let (Event::Replied(r), Some(p)) = (e, &package) {
                    blocks[r.side as usize] = reason::blocker(content, r, p);
                }
            }
            true
        };
        for c in plan {
            if !play(&mut state, c) {
                break;
            }
        }
        let mut oman = Shuttle::quick();
        let mut steps = 0;
        while !state.is_over() && state.round < stop && steps < MAX_STEPS {
            let c = oman.next(content, &state);
            if !play(&mut state, &c) {
                play(&mut state, &Command::EndRound);
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
        (Future { fate, blocks }, state)
    }

    #[test]
    fn a_future_ends_as_the_same_commands_end_through_the_real_rules() {
        let content = Content::builtin();
        let mut start = game::start(&content, 17, Difficulty::Normal);
        // Errands done and statements made early, so the trimmed log has something to keep.
        let mut early = vec![
            Command::Errand(crate::game::Errand::Iaea),
            Command::Statement(crate::game::Statement::AnnounceProgress),
            Command::Statement(crate::game::Statement::UrgeRestraint),
        ];
        let mut oman = Shuttle::default();
        while start.round < 5 && !start.is_over() {
            let c = if matches!(start.phase, Phase::Acting) && !early.is_empty() {
                early.remove(0)
            } else {
                oman.next(&content, &start)
            };
            if game::apply(&mut start, &content, &c).is_err() {
                game::apply(&mut start, &content, &Command::EndRound).expect("end");
            }
        }
        if let Phase::Choosing(_) = start.phase {
            game::apply(&mut start, &content, &Command::ChooseCardOption(0)).expect("choice");
        }
        assert!(!start.is_over());
        assert!(trimmed(&start).log.len() < start.log.len());
        let plans: Vec<Vec<Command>> = super::super::candidates(&content, &start)
            .into_iter()
            .map(|(_, plan)| plan)
            .collect();
        assert!(plans.len() >= 8);
        for plan in &plans {
            let prefix = Prefix::shared(&content, &start, plan, 4);
            for seed in 0..4 {
                let (fast, end) = run(&content, &prefix, plan, seed);
                let (slow, whole) = through_the_rules(&content, &start, plan, seed, 4);
                assert_eq!(fast, slow, "plan {plan:?} seed {seed}");
                // The same state at the end, but for the log the future trimmed and the quality
                // of a deal, which futures do not score.
                let unscored = |e: &Event| match e {
                    Event::Ended(Outcome::Agreement(s)) => Some(s.package.clone()),
                    _ => None,
                };
                let comparable = |s: &GameState| GameState {
                    log: Vec::new(),
                    phase: match &s.phase {
                        Phase::Ended(Outcome::Agreement(_)) => Phase::Acting,
                        other => other.clone(),
                    },
                    ..s.clone()
                };
                assert_eq!(comparable(&end), comparable(&whole), "plan {plan:?}");
                // The futures' own events are the same too.
                let new = whole.log.len() - start.log.len();
                let tail = |s: &GameState| {
                    s.log[s.log.len() - new..]
                        .iter()
                        .map(|(r, e)| (*r, unscored(e).map_or_else(|| Some(e.clone()), |_| None)))
                        .collect::<Vec<_>>()
                };
                assert_eq!(tail(&end), tail(&whole));
                assert_eq!(
                    end.log.last().and_then(|(_, e)| unscored(e)),
                    whole.log.last().and_then(|(_, e)| unscored(e))
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
