//! The `cycle` Omans: the same loop of moves every week, whatever happens.

use super::Greedy;
use super::Policy;
use crate::content::Content;
use crate::game::{Audience, CaucusKind, Command, Errand, GameState, Phase, Side, Statement};

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
