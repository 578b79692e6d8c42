//! Outcome counts of a batch of whole games played by one of Oman's scripted players.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{Policy, by_name, play};
use crate::content::Content;
use crate::game::{self, Difficulty, GameState};

/// Outcome counts of a batch of games with one policy .
#[derive(Clone, Debug, Serialize)]
pub struct Tally {
    pub policy: String,
    pub games: u32,
    pub outcomes: BTreeMap<String, u32>,
    pub agreement_rate: f64,
    pub mean_rounds: f64,
    /// Oman's commands per game (moves, card choices and ends of week): the length of a game
    /// as a player feels it.
    pub mean_commands: f64,
    /// Mean score of the agreements reached (0–100).
    pub mean_deal_points: f64,
    /// In how many games each crisis broke (every crisis of the content, 0 when it never did).
    pub crises: BTreeMap<String, u32>,
    /// How many different sets of crises the games saw (the empty set included).
    pub crisis_sets: usize,
}

/// The sums a [`Tally`] is made of; batches played apart (on several threads) add up.
#[derive(Clone, Debug)]
pub struct Counts {
    games: u32,
    outcomes: BTreeMap<String, u32>,
    rounds: u64,
    commands: u64,
    points: u64,
    crises: BTreeMap<String, u32>,
    crisis_sets: BTreeSet<Vec<String>>,
}

impl Default for Counts {
    fn default() -> Counts {
        Counts {
            games: 0,
            outcomes: ["agreement", "war", "walkout", "sidelined", "deadline"]
                .iter()
                .map(|k| ((*k).to_string(), 0))
                .collect(),
            rounds: 0,
            commands: 0,
            points: 0,
            crises: BTreeMap::new(),
            crisis_sets: BTreeSet::new(),
        }
    }
}

impl Counts {
    /// Counts one finished game, played with `commands` commands.
    pub fn add(&mut self, content: &Content, state: &GameState, commands: usize) {
        self.games += 1;
        for c in &content.crises {
            self.crises.entry(c.id.clone()).or_insert(0);
        }
        let mut broke: Vec<String> = state
            .drawn
            .iter()
            .filter(|id| content.crisis(id).is_some())
            .cloned()
            .collect();
        broke.sort();
        for id in &broke {
            *self.crises.entry(id.clone()).or_insert(0) += 1;
        }
        self.crisis_sets.insert(broke);
        self.rounds += u64::from(state.round);
        self.commands += commands as u64;
        if let Some(outcome) = state.outcome() {
            *self.outcomes.entry(outcome.key().to_string()).or_insert(0) += 1;
            if let game::Outcome::Agreement(score) = outcome {
                self.points += u64::from(score.points);
            }
        }
    }

    pub fn agreements(&self) -> u32 {
        self.outcomes["agreement"]
    }

    /// The points of every agreement, summed.
    pub fn points(&self) -> u64 {
        self.points
    }

    /// The weeks of every game, summed.
    pub fn rounds(&self) -> u64 {
        self.rounds
    }

    /// The counts of both batches.
    pub fn merge(mut self, other: Counts) -> Counts {
        self.games += other.games;
        self.rounds += other.rounds;
        self.commands += other.commands;
        self.points += other.points;
        for (k, n) in other.outcomes {
            *self.outcomes.entry(k).or_insert(0) += n;
        }
        for (k, n) in other.crises {
            *self.crises.entry(k).or_insert(0) += n;
        }
        self.crisis_sets.extend(other.crisis_sets);
        self
    }

    /// The batch's tally under a policy's name.
    pub fn tally(self, policy: &str) -> Tally {
        let games = self.games.max(1);
        let agreements = self.outcomes["agreement"];
        Tally {
            policy: policy.to_string(),
            games: self.games,
            agreement_rate: f64::from(agreements) / f64::from(games),
            mean_rounds: self.rounds as f64 / f64::from(games),
            mean_commands: self.commands as f64 / f64::from(games),
            mean_deal_points: self.points as f64 / f64::from(agreements.max(1)),
            outcomes: self.outcomes,
            crises: self.crises,
            crisis_sets: self.crisis_sets.len(),
        }
    }
}

/// Plays one game per seed, each with a fresh player from `player`, and counts the outcomes.
pub fn count<'p>(
    content: &Content,
    seeds: impl Iterator<Item = u64>,
    difficulty: Difficulty,
    mut player: impl FnMut(u64) -> Box<dyn Policy + 'p>,
) -> Counts {
    let mut counts = Counts::default();
    for seed in seeds {
        let mut policy = player(seed);
        let (state, log) = play(content, seed, difficulty, policy.as_mut());
        counts.add(content, &state, log.len());
    }
    counts
}

/// Plays `games` games with seeds `seed`, `seed + 1`, … and counts the outcomes.
pub fn tally(
    content: &Content,
    policy_name: &str,
    games: u32,
    seed: u64,
    difficulty: Difficulty,
) -> Option<Tally> {
    by_name(policy_name, seed)?;
    let seeds = (0..games).map(|g| seed.wrapping_add(u64::from(g)));
    let counts = count(content, seeds, difficulty, |game_seed| {
        by_name(policy_name, game_seed).expect("invariant: the name was checked above")
    });
    Some(counts.tally(policy_name))
}
