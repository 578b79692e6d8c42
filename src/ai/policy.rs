//! Scripted Oman players for `muscat simulate`: `random` (any legal-looking move), `greedy`
//! (shuttles each side's counter to the other, reassures when trust runs low) and `cycle` (a fixed
//! loop of moves, which must not be a winning recipe).

use crate::content::Content;
use crate::game::{
    Audience, CaucusKind, Clause, Command, Errand, GameRng, GameState, Phase, Side, Statement,
    TrackId,
};

/// An Oman player: asked for one command at a time.
pub trait Policy {
    fn name(&self) -> &'static str;
    /// The next command. It may be refused; the driver then asks again (and ends the round after
    /// too many refusals).
    fn next(&mut self, content: &Content, state: &GameState) -> Command;
}

/// The policies `simulate` knows, by name.
pub const POLICIES: [&str; 6] = ["random", "greedy", "hawk", "dove", "cycle", "expert"];

/// A policy by name, with its own random stream (a player's choices are theirs, not the game's).
pub fn by_name(name: &str, seed: u64) -> Option<Box<dyn Policy>> {
    match name {
        "random" => Some(Box::new(Random {
            rng: GameRng::new(seed, 100),
        })),
        "greedy" => Some(Box::new(Greedy::default())),
        "hawk" => Some(Box::new(super::leaning::Leaning::hawk())),
        "dove" => Some(Box::new(super::leaning::Leaning::dove())),
        "cycle" => Some(Box::new(Cycle::numbered(1)?)),
        "expert" => Some(Box::new(super::expert::Expert::default())),
        other => other
            .strip_prefix("cycle-")
            .and_then(|n| n.parse().ok())
            .and_then(Cycle::numbered)
            .map(|c| Box::new(c) as Box<dyn Policy>),
    }
}

fn random_clause(content: &Content, rng: &mut GameRng, issue: usize) -> Clause {
    let i = &content.domain.issues[issue];
    let c = rng.index(i.choices() as u32) as u8;
    if Some(c) == i.deferred_choice() {
        Clause::Deferred
    } else {
        Clause::Option(c)
    }
}

/// Picks uniformly among Oman's moves with random arguments.
pub struct Random {
    rng: GameRng,
}

impl Policy for Random {
    fn name(&self) -> &'static str {
        "random"
    }

    fn next(&mut self, content: &Content, state: &GameState) -> Command {
        if let Phase::Choosing(card) = &state.phase {
            let n = content.card(card).map_or(1, |c| c.choices.len()) as u32;
            return Command::ChooseCardOption(self.rng.index(n.max(1)) as u8);
        }
        if state.action_points == 0 {
            return Command::EndRound;
        }
        let rng = &mut self.rng;
        let side = if rng.chance(0.5) {
            Side::Us
        } else {
            Side::Iran
        };
        let n_issues = content.domain.issues.len() as u32;
        let issue = rng.index(n_issues) as usize;
        match rng.index(10) {
            0 | 1 => Command::Draft {
                issue: issue as u8,
                clause: random_clause(content, rng, issue),
            },
            2 => {
                let kind = match rng.index(4) {
                    0 => CaucusKind::Probe,
                    1 => CaucusKind::Reassure,
                    2 => CaucusKind::RelayPressure,
                    _ => CaucusKind::TestIdea {
                        issue: issue as u8,
                        clause: random_clause(content, rng, issue),
                    },
                };
                Command::Caucus { side, kind }
            }
            3 | 4 => Command::Table(Audience::Both),
            5 => {
                let other = (issue + 1 + rng.index(n_issues - 1) as usize) % n_issues as usize;
                Command::Link {
                    first: (issue as u8, random_clause(content, rng, issue)),
                    second: (other as u8, random_clause(content, rng, other)),
                }
            }
            6 => Command::SpendGoodwill(side),
            7 => Command::Errand(Errand::ALL[rng.index(5) as usize]),
            8 => Command::Statement(if rng.chance(0.5) {
                Statement::AnnounceProgress
            } else {
                Statement::UrgeRestraint
            }),
            _ => Command::EndRound,
        }
    }
}

/// Shuttle diplomacy: table a middle-ground text, then carry each rejecting side's smallest
/// acceptable change to the table, reassuring a delegation whose trust runs low.
#[derive(Default)]
pub struct Greedy {
    /// Drafts still to make before tabling again.
    queue: Vec<Command>,
    /// Replies already acted on (count of reply events in the log).
    seen_replies: usize,
    reassured_in: u32,
}

impl Greedy {
    fn opening_draft(content: &Content, state: &GameState) -> Option<Command> {
        let (i, issue) = content
            .domain
            .issues
            .iter()
            .enumerate()
            .find(|(i, _)| state.text.clauses[*i] == Clause::Open)?;
        let clause = if issue.deferrable {
            Clause::Deferred
        } else {
            Clause::Option((issue.options.len() / 2) as u8)
        };
        Some(Command::Draft {
            issue: i as u8,
            clause,
        })
    }
}

impl Policy for Greedy {
    fn name(&self) -> &'static str {
        "greedy"
    }

    fn next(&mut self, content: &Content, state: &GameState) -> Command {
        if matches!(state.phase, Phase::Choosing(_)) {
            return Command::ChooseCardOption(0);
        }
        if let Some(draft) = Self::opening_draft(content, state) {
            return draft;
        }
        let replies: Vec<_> = state.replies().collect();
        if replies.len() > self.seen_replies {
            let fresh = &replies[self.seen_replies..];
            self.seen_replies = replies.len();
            // Carry the counter of the side furthest from yes; with no counter on offer, move its
            // top complaint one step its way.
            let furthest = fresh
                .iter()
                .filter(|r| !r.accept)
                .max_by(|a, b| (a.target - a.utility).total_cmp(&(b.target - b.utility)));
            if let Some(r) = furthest
                && r.counter.is_empty()
                && let Some(c) = r.complaints.first()
                && let Clause::Option(now) = state.text.clauses[c.issue as usize]
                && (c.wants as usize) < content.domain.issues[c.issue as usize].options.len()
            {
                let step = if c.wants > now {
                    now + 1
                } else {
                    now.saturating_sub(1)
                };
                let step = (step..=c.wants.max(step))
                    .chain((c.wants.min(step)..=step).rev())
                    .find(|&o| state.is_available(content, c.issue as usize, o))
                    .unwrap_or(c.wants);
                self.queue = vec![Command::Draft {
                    issue: c.issue,
                    clause: Clause::Option(step),
                }];
            }
            if let Some(worst) = furthest.filter(|r| !r.counter.is_empty()) {
                self.queue = worst
                    .counter
                    .iter()
                    .map(|&(issue, c)| {
                        let options = content.domain.issues[issue as usize].options.len();
                        let clause = if c as usize >= options {
                            Clause::Deferred
                        } else {
                            Clause::Option(c)
                        };
                        Command::Draft { issue, clause }
                    })
                    .collect();
            }
        }
        if let Some(draft) = self.queue.pop() {
            return draft;
        }
        if state.action_points == 0 {
            return Command::EndRound;
        }
        if self.reassured_in != state.round
            && let Some(side) = Side::BOTH
                .into_iter()
                .find(|&s| state.track(TrackId::trust_in_oman(s)) < 35)
        {
            self.reassured_in = state.round;
            return Command::Caucus {
                side,
                kind: CaucusKind::Reassure,
            };
        }
        Command::Table(Audience::Both)
    }
}

/// The same loop of moves every round, whatever happens.
pub struct Cycle {
    moves: Vec<Command>,
    step: usize,
}

impl Cycle {
    /// The `n`th of [`cycles`], 1-based.
    pub fn numbered(n: usize) -> Option<Cycle> {
        let moves = cycles().into_iter().nth(n.checked_sub(1)?)?;
        Some(Cycle { moves, step: 0 })
    }
}

/// The fixed loops `simulate` tries, none of which may be a winning recipe: the balance target is
/// that no fixed cycle reaches an agreement in 35% of games.
pub fn cycles() -> Vec<Vec<Command>> {
    use Command::{Caucus, EndRound, Errand as Send, SpendGoodwill, Statement as Say, Table};
    let caucus = |side, kind| Caucus { side, kind };
    let both = Table(Audience::Both);
    vec![
        vec![
            caucus(Side::Us, CaucusKind::Reassure),
            caucus(Side::Iran, CaucusKind::Reassure),
            both.clone(),
            EndRound,
        ],
        vec![both.clone(), both.clone(), both.clone(), EndRound],
        vec![
            caucus(Side::Us, CaucusKind::Probe),
            caucus(Side::Iran, CaucusKind::Probe),
            both.clone(),
            EndRound,
        ],
        vec![
            caucus(Side::Iran, CaucusKind::RelayPressure),
            caucus(Side::Us, CaucusKind::RelayPressure),
            both.clone(),
            EndRound,
        ],
        vec![
            SpendGoodwill(Side::Us),
            SpendGoodwill(Side::Iran),
            both.clone(),
            EndRound,
        ],
        vec![
            Say(Statement::UrgeRestraint),
            caucus(Side::Us, CaucusKind::Reassure),
            both.clone(),
            EndRound,
        ],
        vec![
            Send(Errand::Russia),
            Send(Errand::Gulf),
            Send(Errand::Iaea),
            both,
            EndRound,
        ],
    ]
}

impl Policy for Cycle {
    fn name(&self) -> &'static str {
        "cycle"
    }

    fn next(&mut self, content: &Content, state: &GameState) -> Command {
        if matches!(state.phase, Phase::Choosing(_)) {
            return Command::ChooseCardOption(0);
        }
        if let Some(draft) = Greedy::opening_draft(content, state) {
            return draft;
        }
        let command = self.moves[self.step % self.moves.len()].clone();
        self.step += 1;
        command
    }
}
