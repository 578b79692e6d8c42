//! The advisor's ranking of this week's moves: the top move scores at least as well as every
//! other candidate in the same futures, the ranking is the same for a seed and any number of
//! threads, asking changes nothing in the game, and what it says tabling now would get is what
//! the delegations then answer.

use muscat::advisor::{self, Blocker, Question, Ranking};
use muscat::content::Content;
use muscat::game::{
    self, Audience, Clause, Command, Difficulty, Event, GameRng, GameState, Phase, Reply, Rule,
};

/// Futures and weeks for the tests: enough to separate moves, few enough for a debug build.
const FUTURES: u32 = 40;
const HORIZON: u32 = 3;

/// A position at the start of week `week` of `seed`, reached by the shuttle, acting.
fn position(content: &Content, seed: u64, week: u32) -> GameState {
    let mut state = game::start(content, seed, Difficulty::Normal);
    let mut oman = advisor::Shuttle::default();
    while state.round < week && !state.is_over() {
        let command = oman.next(content, &state);
        if game::apply(&mut state, content, &command).is_err() {
            let _ = game::apply(&mut state, content, &Command::EndRound);
        }
    }
    if let Phase::Choosing(_) = state.phase {
        game::apply(&mut state, content, &Command::ChooseCardOption(0)).expect("a choice");
    }
    state
}

/// Positions in play across seeds and weeks.
fn positions(content: &Content) -> Vec<GameState> {
    [(5, 1), (5, 2), (8, 3), (13, 4), (21, 2)]
        .into_iter()
        .map(|(seed, week)| position(content, seed, week))
        .filter(|s| !s.is_over())
        .collect()
}

fn ranked(content: &Content, state: &GameState, threads: usize) -> Ranking {
    advisor::rank(content, state, FUTURES, HORIZON, threads).expect("a ranking")
}

#[test]
fn the_top_move_scores_at_least_as_well_as_every_other_move_in_its_own_futures() {
    let content = Content::builtin();
    for state in positions(&content) {
        let ranking = ranked(&content, &state, 2);
        assert!(ranking.moves.len() >= 8, "week {}", state.round);
        let top = ranking.best().expect("a best move").odds.score();
        for r in &ranking.moves {
            // Each move asked alone is played in the same futures and gets the same odds.
            let alone = advisor::ask(
                &content,
                &state,
                &Question {
                    plan: r.plan.clone(),
                    futures: FUTURES,
                    horizon: HORIZON,
                    threads: 1,
                },
            )
            .expect("a candidate the rules allow");
            assert_eq!(alone, r.odds, "{:?} in week {}", r.move_, state.round);
            assert!(
                top >= alone.score(),
                "{:?} scores {} above the top move's {top}",
                r.move_,
                alone.score()
            );
        }
    }
}

#[test]
fn the_moves_differ_in_their_futures() {
    // Common futures do not make every move the same: somewhere the ranking separates them.
    let content = Content::builtin();
    let spread = positions(&content).iter().any(|state| {
        let r = ranked(&content, state, 2);
        let best = r.moves.first().map(|m| m.odds.score());
        let worst = r.moves.last().map(|m| m.odds.score());
        best > worst
    });
    assert!(spread, "every move scored the same in every position");
}

#[test]
fn the_ranking_is_the_same_for_a_seed_and_any_number_of_threads() {
    let content = Content::builtin();
    let state = position(&content, 8, 3);
    let one = ranked(&content, &state, 1);
    assert_eq!(one, ranked(&content, &state, 2));
    assert_eq!(one, ranked(&content, &state, 3));
    assert_eq!(one, ranked(&content, &position(&content, 8, 3), 2));
}

/// The next draws of both random streams, without touching the state.
fn next_draws(state: &GameState) -> (Vec<u32>, Vec<u32>) {
    let draw = |rng: &GameRng| {
        let mut r = rng.clone();
        (0..32).map(|_| r.index(1_000_000)).collect()
    };
    (draw(&state.deck_rng), draw(&state.world_rng))
}

#[test]
fn asking_for_the_ranking_never_changes_the_game() {
    let content = Content::builtin();
    for state in positions(&content) {
        let before = state.clone();
        let draws = next_draws(&state);
        let _ = ranked(&content, &state, 2);
        assert_eq!(state, before, "the ranking changed the state");
        assert_eq!(next_draws(&state), draws, "the ranking moved a stream");
    }
}

/// Whether a blocker the advisor named is what the reply says.
fn agrees(blocker: Option<Blocker>, reply: &Reply) -> bool {
    match blocker {
        None => reply.accept,
        Some(Blocker::RedLine { side, issue }) => {
            reply.rule == Rule::RedLine
                && side == reply.side
                && reply.red_line_hits.iter().any(|h| h.0 == issue)
        }
        Some(Blocker::Faction { side, .. }) => {
            reply.rule == Rule::NotRatifiable && side == reply.side
        }
        Some(Blocker::Walkaway { side, .. }) => {
            reply.rule == Rule::BelowWalkaway && side == reply.side
        }
        Some(Blocker::Holdout { side, .. }) => {
            reply.rule == Rule::BelowTarget && side == reply.side
        }
    }
}

#[test]
fn what_the_advisor_says_tabling_gets_is_what_the_delegations_answer() {
    let content = Content::builtin();
    let mut states = positions(&content);
    // A text at the US end on every issue: it crosses Iran's red lines.
    let mut hard = position(&content, 4, 1);
    for (issue, i) in content.domain.each_issue() {
        let first = i
            .option_choices()
            .find(|&o| hard.is_available(&content, issue, o))
            .expect("an option");
        let draft = Command::Draft {
            issue,
            clause: Clause::Option(first),
        };
        game::apply(&mut hard, &content, &draft).expect("draft");
    }
    states.push(hard);
    let mut red_lines = 0;
    for mut state in states {
        let Some(now) = advisor::table_now(&content, &state) else {
            continue;
        };
        let events = game::apply(&mut state, &content, &Command::Table(Audience::Both))
            .expect("the draft can be tabled");
        let replies: Vec<&Reply> = events
            .iter()
            .filter_map(|e| match e {
                Event::Replied(r) => Some(r.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(replies.len(), 2);
        for reply in replies {
            let said = now.blocks[reply.side as usize];
            assert!(agrees(said, reply), "said {said:?}, answered {reply:?}");
            red_lines += usize::from(matches!(said, Some(Blocker::RedLine { .. })));
        }
    }
    assert!(red_lines > 0, "no position had a red line to name");
}

#[test]
fn only_moves_the_rules_allow_are_ranked() {
    let content = Content::builtin();
    for state in positions(&content) {
        for r in &ranked(&content, &state, 2).moves {
            let mut copy = state.clone();
            for c in &r.plan {
                game::apply(&mut copy, &content, c)
                    .unwrap_or_else(|e| panic!("{:?} refused: {e}", r.move_));
            }
        }
    }
    let over = {
        let mut s = position(&content, 5, 1);
        s.phase = Phase::Ended(game::Outcome::War);
        s
    };
    assert!(advisor::rank(&content, &over, 5, 1, 1).is_err());
}
