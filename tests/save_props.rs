//! Properties of saves over reachable games: any position of any game (scripted Oman, any seed,
//! any point in the game) saves, loads back identical, and its log replays to exactly that state.

mod common;

use muscat::content::Content;
use muscat::game::{Difficulty, replay};
use muscat::save::{self, SaveFile};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn any_reachable_state_round_trips_and_replays(
        policy in prop::sample::select(vec!["random", "greedy", "cycle"]),
        seed in 0..100_000u64,
        cut in 0.0..=1.0f64,
    ) {
        let content = Content::builtin();
        let (_, full) = common::play(&content, policy, seed);
        let log = &full[..(full.len() as f64 * cut) as usize];
        let state = replay(&content, seed, Difficulty::Normal, log).expect("a played log replays");

        let text = SaveFile::new(&content, &state, log).to_text().expect("encode");
        let back = save::parse("prop.ron", &text).expect("parses");
        prop_assert_eq!(&back.state, &state);
        prop_assert_eq!(&back.log[..], log);
        prop_assert_eq!(&back.meta, &save::SaveMeta::of(&state));
        prop_assert_eq!(save::verify(&content, &back).expect("replays"), state.hash());
        let loaded = save::check(&content, &back).expect("loads");
        prop_assert!(loaded.warnings.is_empty());
        prop_assert_eq!(loaded.state, state);
    }
}
