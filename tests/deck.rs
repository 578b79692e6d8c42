//! The deck: every card of every shipped scenario can come up. Seeded games with the scripted
//! Oman policies walk through reachable states; each card must have a positive draw weight in
//! some visited state and be drawn (or injected) in some game. A card that never comes up is a
//! content bug: its conditions ask for a world the game never reaches.

use std::collections::{BTreeMap, BTreeSet};

use muscat::content::{self, Bundle, Condition, Content};
use muscat::game::{self, Command, Difficulty, TrackId};
use muscat::oman as policy;

/// Games per policy and difficulty; enough that a rare card shows up, quick in a debug build.
const GAMES: u64 = 40;

/// Which cards had a positive draw weight in a visited state, and which were drawn.
#[derive(Default)]
struct Seen {
    weighted: BTreeSet<String>,
    drawn: BTreeMap<String, u32>,
}

fn explore(content: &Content, games: u64, seen: &mut Seen) {
    // Distinct seeds for every policy and difficulty: the deck stream depends on the seed alone,
    // so reusing seeds would replay the same draws wherever the policies agree.
    let mut seeds = 0..;
    for difficulty in [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard] {
        // The expert plays the other policies' kind of game through a slow look-ahead (seconds
        // per game in a debug build), so it adds time and no new worlds.
        for name in policy::POLICIES.iter().filter(|&&n| n != "expert") {
            for seed in seeds.by_ref().take(games as usize) {
                let mut oman = policy::by_name(name, seed).expect("policy");
                let mut state = game::start(content, seed, difficulty);
                let mut refusals = 0;
                while !state.is_over() && state.log.len() < 20_000 {
                    for (card, w) in content
                        .cards
                        .iter()
                        .zip(game::draw_weights(&state, content))
                    {
                        if w > 0 {
                            seen.weighted.insert(card.id.clone());
                        }
                    }
                    let mut command = oman.next(content, &state);
                    if refusals >= 20 {
                        command = Command::EndRound;
                    }
                    match game::apply(&mut state, content, &command) {
                        Ok(_) => refusals = 0,
                        Err(_) => refusals += 1,
                    }
                }
                for id in &state.drawn {
                    *seen.drawn.entry(id.clone()).or_insert(0) += 1;
                }
            }
        }
    }
}

fn scenario_ids() -> Vec<String> {
    let bundle = Bundle::builtin();
    bundle
        .scenarios
        .iter()
        .map(|s| content::parse::<content::Scenario>(s).expect("parses").id)
        .collect()
}

/// What is wrong with a scenario's deck: cards never weighted or never drawn in `games` games
/// per policy and difficulty.
fn problems(content: &Content, games: u64) -> Vec<String> {
    let mut seen = Seen::default();
    explore(content, games, &mut seen);
    let id = &content.scenario.id;
    let injected: BTreeSet<&str> = content
        .scenario
        .injects
        .iter()
        .map(|i| i.card.as_str())
        .collect();
    let mut problems = Vec::new();
    for card in &content.cards {
        let random = !injected.contains(card.id.as_str());
        if random && !seen.weighted.contains(&card.id) {
            problems.push(format!(
                "{id}: \"{}\" never had a positive draw weight",
                card.id
            ));
        }
        if !seen.drawn.contains_key(&card.id) {
            problems.push(format!("{id}: \"{}\" was never drawn", card.id));
        }
    }
    let rarest = content
        .cards
        .iter()
        .map(|c| (seen.drawn.get(&c.id).copied().unwrap_or(0), c.id.as_str()))
        .min();
    eprintln!(
        "{id}: {} cards; rarest {rarest:?} in {} games",
        content.cards.len(),
        games * 9
    );
    problems
}

#[test]
fn every_card_of_every_scenario_can_be_drawn() {
    let mut all = Vec::new();
    for id in scenario_ids() {
        let content = content::load(&Bundle::builtin(), Some(&id)).expect("valid");
        all.extend(problems(&content, GAMES));
    }
    // The worked example of docs/authoring.md is held to the same standard.
    let example = Bundle::builtin()
        .with_scenario_file(std::path::Path::new("docs/examples/two-level-lesson.ron"))
        .expect("example");
    let content = content::load(&example, None).expect("valid");
    all.extend(problems(&content, GAMES));
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn a_card_for_a_world_the_game_never_reaches_is_caught() {
    let mut content = Content::builtin();
    let mut card = content.card("risk-premium").expect("shipped").clone();
    // Valid on paper (in range, not contradictory), but oil at its ceiling in week 1 never happens.
    card.id = "oil-at-ceiling".into();
    card.when = vec![
        Condition::TrackAtLeast(TrackId::Oil, 160),
        Condition::RoundAtMost(1),
    ];
    content.cards.push(card);
    let found = problems(&content, 3);
    assert!(
        found.contains(&"muscat-2026: \"oil-at-ceiling\" was never drawn".to_string()),
        "{found:#?}"
    );
    assert!(
        found.contains(
            &"muscat-2026: \"oil-at-ceiling\" never had a positive draw weight".to_string()
        ),
        "{found:#?}"
    );
}

/// Cards that may come up more than once in a game: news that recurs in the real talks (a rally,
/// a risk premium, designations between rounds). A record, a winter, a speech happen once; a
/// card joins this list only when its news can really happen again.
const RECURRING: [&str; 3] = ["rial-rallies", "risk-premium", "designations-mid-talks"];

/// Play-test: "Rial Hits 1.5 Million", a record low, came up in weeks 2 and 4 of one game,
/// because its card was marked as recurring. Over many seeds and every scripted policy, no card
/// outside [`RECURRING`] is drawn twice in one game, and the deck marks exactly those as recurring.
#[test]
fn one_shot_cards_come_up_at_most_once_a_game() {
    let mut repeats = Vec::new();
    for id in scenario_ids() {
        let content = content::load(&Bundle::builtin(), Some(&id)).expect("valid");
        let recurring: BTreeSet<&str> = content
            .cards
            .iter()
            .filter(|c| !c.once)
            .map(|c| c.id.as_str())
            .collect();
        let allowed: BTreeSet<&str> = RECURRING.into_iter().collect();
        assert!(
            recurring.is_subset(&allowed),
            "{id}: cards marked recurring without a reason here: {:?}",
            recurring.difference(&allowed).collect::<Vec<_>>()
        );
        let mut seeds = 1000..;
        for name in policy::POLICIES.iter().filter(|&&n| n != "expert") {
            for seed in seeds.by_ref().take(GAMES as usize) {
                let mut oman = policy::by_name(name, seed).expect("policy");
                let mut state = game::start(&content, seed, Difficulty::Normal);
                let mut refusals = 0;
                while !state.is_over() && state.log.len() < 20_000 {
                    let mut command = oman.next(&content, &state);
                    if refusals >= 20 {
                        command = Command::EndRound;
                    }
                    match game::apply(&mut state, &content, &command) {
                        Ok(_) => refusals = 0,
                        Err(_) => refusals += 1,
                    }
                }
                let mut count: BTreeMap<&str, u32> = BTreeMap::new();
                for card in &state.drawn {
                    *count.entry(card.as_str()).or_insert(0) += 1;
                }
                repeats.extend(
                    count
                        .into_iter()
                        .filter(|&(card, n)| n > 1 && !recurring.contains(card))
                        .map(|(card, n)| format!("{id} seed {seed} ({name}): {card} x{n}")),
                );
            }
        }
    }
    assert!(repeats.is_empty(), "{}", repeats.join("\n"));
}
