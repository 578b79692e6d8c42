//! Whole games played headlessly: every game ends, replays are exact, refused commands change
//! nothing, and outcomes depend on the seed and on what Oman does.

mod common;

use std::collections::BTreeSet;

use muscat::content::Content;
use muscat::game::{self, Audience, Clause, Command, Difficulty, Outcome, RuleError, TrackId};
use muscat::model::{Choice, IssueId};
use proptest::prelude::*;

#[test]
fn every_policy_finishes_many_seeded_games() {
    let content = Content::builtin();
    for policy in muscat::oman::POLICIES {
        for seed in 0..40 {
            let (state, log) = common::play(&content, policy, seed);
            assert!(state.is_over(), "{policy} seed {seed} did not end");
            assert!(
                state.round <= state.deadline,
                "{policy} seed {seed} ran past the deadline"
            );
            assert!(!log.is_empty());
            for t in TrackId::ALL {
                let (lo, hi) = t.range();
                assert!((lo..=hi).contains(&state.track(t)), "{t:?} out of range");
            }
        }
    }
}

#[test]
fn same_seed_and_commands_give_the_same_game() {
    let content = Content::builtin();
    for seed in [1, 7, 99] {
        let (state, log) = common::play(&content, "random", seed);
        let again = game::replay(&content, seed, Difficulty::Normal, &log).expect("log replays");
        assert_eq!(again, state);
        assert_eq!(again.hash(), state.hash());
    }
}

#[test]
fn outcomes_vary_with_seed_and_with_play() {
    let content = Content::builtin();
    let mut kinds = BTreeSet::new();
    let mut by_policy = Vec::new();
    for policy in ["random", "greedy"] {
        let mut agreements = 0;
        for seed in 0..60 {
            let (state, _) = common::play(&content, policy, seed);
            let o = state.outcome().expect("ended");
            kinds.insert(o.key());
            if matches!(o, Outcome::Agreement(_)) {
                agreements += 1;
            }
        }
        by_policy.push(agreements);
    }
    assert!(kinds.len() >= 3, "only {kinds:?}");
    assert!(
        by_policy[1] > by_policy[0] + 10,
        "greedy {} vs random {}",
        by_policy[1],
        by_policy[0]
    );
}

#[test]
fn refused_commands_leave_the_state_unchanged() {
    let content = Content::builtin();
    let mut state = game::start(&content, 5, Difficulty::Normal);
    if let game::Phase::Choosing(_) = state.phase {
        game::apply(&mut state, &content, &Command::ChooseCardOption(0)).expect("choice");
    }
    let before = state.clone();
    let bad = [
        Command::Table(Audience::Both),
        Command::ChooseCardOption(0),
        Command::Draft {
            issue: IssueId(99),
            clause: Clause::Deferred,
        },
        Command::Draft {
            issue: IssueId(0),
            clause: Clause::Deferred,
        },
        Command::Draft {
            issue: IssueId(0),
            clause: Clause::Option(Choice(42)),
        },
        Command::Draft {
            issue: IssueId(1),
            clause: Clause::Option(Choice(0)),
        },
        Command::Link {
            first: (IssueId(0), Clause::Option(Choice(1))),
            second: (IssueId(0), Clause::Option(Choice(2))),
        },
        Command::OffTheRecord,
    ];
    let expected = [
        "TextIncomplete",
        "NoCardChoicePending",
        "NoSuchIssue",
        "CannotDefer",
        "NoSuchOption",
        "OptionLocked",
        "SameIssueTwice",
        "NotEnoughTrust",
    ];
    for (command, want) in bad.iter().zip(expected) {
        let err = game::apply(&mut state, &content, command).expect_err("refused");
        assert!(format!("{err:?}").starts_with(want), "{command:?}: {err:?}");
        assert_eq!(state, before, "{command:?} changed the state");
    }
    // Out of action points.
    for _ in 0..3 {
        game::apply(
            &mut state,
            &content,
            &Command::Statement(game::Statement::UrgeRestraint),
        )
        .expect("legal");
    }
    let spent = state.clone();
    assert_eq!(
        game::apply(
            &mut state,
            &content,
            &Command::Statement(game::Statement::UrgeRestraint)
        ),
        Err(RuleError::NotEnoughActionPoints)
    );
    assert_eq!(state, spent);
}

#[test]
fn a_hand_played_shuttle_reaches_the_table_and_the_log_records_causes() {
    let content = Content::builtin();
    let mut state = game::start(&content, 11, Difficulty::Normal);
    let mut apply = |c: Command| game::apply(&mut state, &content, &c);
    let _ = apply(Command::ChooseCardOption(0));
    for (issue, option) in [(0u8, 2u8), (1, 2), (2, 1), (3, 2), (4, 1)] {
        apply(Command::Draft {
            issue: IssueId(issue),
            clause: Clause::Option(Choice(option)),
        })
        .expect("draft");
    }
    let events = apply(Command::Table(Audience::Both)).expect("table");
    let replies = events
        .iter()
        .filter(|e| matches!(e, game::Event::Replied(_)))
        .count();
    assert_eq!(replies, 2);
    apply(Command::EndRound).expect("end round");
    assert_eq!(state.round, 2);
    assert!(
        state
            .changes()
            .any(|c| matches!(c.cause, game::Cause::Drift(_)))
    );
    assert_eq!(state.tracks.history(TrackId::WarRisk).len(), 2);
}

fn command_strategy() -> impl Strategy<Value = Command> {
    prop_oneof![
        (0u8..9, 0u8..6).prop_map(|(issue, o)| Command::Draft {
            issue: IssueId(issue),
            clause: if o == 5 {
                Clause::Deferred
            } else {
                Clause::Option(Choice(o))
            }
        }),
        Just(Command::Table(Audience::Both)),
        Just(Command::EndRound),
        (0u8..3).prop_map(Command::ChooseCardOption),
        Just(Command::Statement(game::Statement::AnnounceProgress)),
        Just(Command::OffTheRecord),
        (0usize..5).prop_map(|e| Command::Errand(game::Errand::ALL[e])),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any command sequence keeps tracks in range, and the accepted part of it replays exactly.
    #[test]
    fn any_commands_keep_invariants_and_replay(seed in 0u64..1000, commands in prop::collection::vec(command_strategy(), 1..60)) {
        let content = Content::builtin();
        let mut state = game::start(&content, seed, Difficulty::Normal);
        let mut log = Vec::new();
        for c in commands {
            let before = state.clone();
            if game::apply(&mut state, &content, &c).is_ok() {
                log.push(c);
            } else {
                prop_assert_eq!(&state, &before);
            }
            for t in TrackId::ALL {
                let (lo, hi) = t.range();
                prop_assert!((lo..=hi).contains(&state.track(t)));
            }
        }
        let again = game::replay(&content, seed, Difficulty::Normal, &log).expect("replays");
        prop_assert_eq!(again, state);
    }
}
