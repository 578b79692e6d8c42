//! The `random` Oman: any legal-looking move with random arguments, from its own stream.

use super::Policy;
use crate::content::Content;
use crate::game::{
    Audience, CaucusKind, Clause, Command, Errand, GameRng, GameState, Phase, Side, Statement,
};
use crate::model::{Choice, IssueId};

fn random_clause(content: &Content, rng: &mut GameRng, issue: IssueId) -> Clause {
    let i = content.domain.issue(issue);
    let c = Choice::at(rng.index(i.choice_count() as u32) as usize);
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

impl Random {
    /// A player with its own random stream (a player's choices are theirs, not the game's).
    pub fn new(seed: u64) -> Random {
        Random {
            rng: GameRng::new(seed, 100),
        }
    }
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
        let at = rng.index(n_issues) as usize;
        let issue = IssueId::at(at);
        match rng.index(10) {
            0 | 1 => Command::Draft {
                issue,
                clause: random_clause(content, rng, issue),
            },
            2 => {
                let kind = match rng.index(4) {
                    0 => CaucusKind::Probe,
                    1 => CaucusKind::Reassure,
                    2 => CaucusKind::RelayPressure,
                    _ => CaucusKind::TestIdea {
                        issue,
                        clause: random_clause(content, rng, issue),
                    },
                };
                Command::Caucus { side, kind }
            }
            3 | 4 => Command::Table(Audience::Both),
            5 => {
                let other =
                    IssueId::at((at + 1 + rng.index(n_issues - 1) as usize) % n_issues as usize);
                Command::Link {
                    first: (issue, random_clause(content, rng, issue)),
                    second: (other, random_clause(content, rng, other)),
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
