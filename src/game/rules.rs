//! The one entry point for change: [`apply`] checks a command against the rules, refuses it without
//! touching the state, or carries it out and returns the events that happened.

use super::command::{Audience, CaucusKind, Command, Errand, Event, RuleError, Statement};
use super::fact::Change;
use super::seat::{AiDelegation, Seats};
use super::state::{Difficulty, Flag, GameState, Phase};
use super::text::Clause;
use super::track::{Cause, TrackId};
use super::{Seat, Side, cards, reflect, round, verbs};
use crate::content::Content;
use crate::model::IssueId;

/// Carries out one change: the state, the content it reads, who sits in the delegations' seats,
/// and the events so far.
pub(super) struct World<'a, 's> {
    pub state: &'a mut GameState,
    pub content: &'a Content,
    pub seats: &'a mut Seats<'s>,
    /// Events with the round they happened in (a round that ends logs under the old round,
    /// then the new round's card under the new one).
    pub events: Vec<(u32, Event)>,
    /// Whether a deal is scored in full (see [`apply_quietly`]).
    pub scored: bool,
}

impl World<'_, '_> {
    pub fn emit(&mut self, event: Event) {
        self.events.push((self.state.round, event));
    }

    /// Moves a track and records why.
    pub fn shift(&mut self, track: TrackId, delta: i32, cause: &Cause) {
        if delta == 0 {
            return;
        }
        let round = self.state.round;
        if let Some(change) = self.state.tracks.shift(round, track, delta, cause.clone()) {
            self.emit(Event::TrackMoved(change));
        }
    }

    /// Moves a delegation's patience (the US patience track for the US).
    pub fn patience(&mut self, side: Side, delta: i32, cause: &Cause) {
        match side {
            Side::Us => self.shift(TrackId::UsPatience, delta, cause),
            Side::Iran => {
                let d = &mut self.state.delegations[side as usize];
                let from = d.patience;
                d.patience = (from + delta).clamp(0, 100);
                let to = d.patience;
                if to != from {
                    self.emit(Event::PatienceChanged { side, from, to });
                }
            }
        }
    }
}

/// A new game before its first week: no card drawn, no posture chosen, nothing moved. The
/// delegations' bilateral benchmark measures them from here, so new cards cannot shift it.
pub fn before_start(content: &Content, seed: u64, difficulty: Difficulty) -> GameState {
    GameState::blank(content, seed, difficulty)
}

/// Starts a new game: round 1 begins and the first card is drawn.
pub fn start(content: &Content, seed: u64, difficulty: Difficulty) -> GameState {
    let mut state = GameState::blank(content, seed, difficulty);
    let (mut us, mut iran) = (AiDelegation, AiDelegation);
    let mut world = World {
        state: &mut state,
        content,
        seats: &mut Seats::new(&mut us, &mut iran),
        events: Vec::new(),
        scored: true,
    };
    round::begin(&mut world);
    let events = std::mem::take(&mut world.events);
    state.log.extend(events);
    state
}

/// Re-runs a command log from the seed. Fails with the index of the first refused command.
pub fn replay(
    content: &Content,
    seed: u64,
    difficulty: Difficulty,
    log: &[Command],
) -> Result<GameState, (usize, RuleError)> {
    let mut state = start(content, seed, difficulty);
    for (i, command) in log.iter().enumerate() {
        apply(&mut state, content, command).map_err(|e| (i, e))?;
    }
    Ok(state)
}

/// Applies one of Oman's commands, with the AI in both delegations' seats. A refused command
/// leaves the state exactly as it was.
pub fn apply(
    state: &mut GameState,
    content: &Content,
    command: &Command,
) -> Result<Vec<Event>, RuleError> {
    let (mut us, mut iran) = (AiDelegation, AiDelegation);
    apply_seated(
        state,
        content,
        Seat::Oman,
        command,
        &mut Seats::new(&mut us, &mut iran),
    )
}

/// Applies one command made from `seat`, with `seats` answering for the delegations. A command
/// the seat may not make is refused, and a refused command leaves the state exactly as it was.
pub fn apply_seated(
    state: &mut GameState,
    content: &Content,
    seat: Seat,
    command: &Command,
    seats: &mut Seats<'_>,
) -> Result<Vec<Event>, RuleError> {
    let start = state.log.len();
    carry_out(state, content, seat, command, seats, true)?;
    Ok(state.log[start..].iter().map(|(_, e)| e.clone()).collect())
}

/// Applies one of Oman's commands like [`apply`], with the AI in both delegations' seats, without
/// handing back a copy of the events (they are in the log) and without scoring a deal's quality:
/// its agreement has no distance to the Pareto frontier (NaN) and no points, since finding the
/// frontier means weighing every text. For the advisor's futures, which play many commands, count
/// deals and read few events; every rule decides as in [`apply`].
pub fn apply_quietly(
    state: &mut GameState,
    content: &Content,
    command: &Command,
) -> Result<(), RuleError> {
    let (mut us, mut iran) = (AiDelegation, AiDelegation);
    carry_out(
        state,
        content,
        Seat::Oman,
        command,
        &mut Seats::new(&mut us, &mut iran),
        false,
    )
}

/// Checks and carries out one command, appending its events to the log.
fn carry_out(
    state: &mut GameState,
    content: &Content,
    seat: Seat,
    command: &Command,
    seats: &mut Seats<'_>,
    scored: bool,
) -> Result<(), RuleError> {
    if command.seat() != seat {
        return Err(RuleError::NotYourSeat { seat });
    }
    check(state, content, command)?;
    state.action_points -= command.cost();
    let mut world = World {
        state,
        content,
        seats,
        events: Vec::new(),
        scored,
    };
    match *command {
        Command::Draft { issue, clause } => {
            world.state.text.set(issue, clause);
            world.emit(Event::Drafted { issue, clause });
        }
        Command::Caucus { side, kind } => verbs::caucus(&mut world, side, kind),
        Command::Table(audience) => verbs::table(&mut world, audience),
        Command::Link { first, second } => verbs::link(&mut world, first, second),
        Command::SpendGoodwill(side) => verbs::goodwill(&mut world, side),
        Command::Errand(errand) => verbs::errand(&mut world, errand),
        Command::OffTheRecord => verbs::off_the_record(&mut world),
        Command::Statement(statement) => verbs::statement(&mut world, statement),
        Command::RequestExtension => verbs::extension(&mut world),
        Command::ChooseCardOption(choice) => cards::choose(&mut world, choice),
        Command::EndRound => round::end(&mut world),
        Command::AskAdvisor => {
            let round = world.state.round;
            let used = &mut world.state.advisor;
            used.asked += 1;
            used.last_round = round;
        }
        Command::Reflect { ref id, ref answer } => reflect::record(&mut world, id, answer),
    }
    if command.cost() > 0 || matches!(command, Command::ChooseCardOption(_)) {
        let changes = changes(world.events.iter().map(|(_, e)| e));
        world.emit(Event::Done {
            command: command.clone(),
            changes,
        });
    }
    let events = std::mem::take(&mut world.events);
    state.log.extend(events);
    Ok(())
}

/// The gauges a move changed, each once with its first and last value, in the order they moved.
fn changes<'e>(events: impl Iterator<Item = &'e Event>) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for e in events {
        match *e {
            Event::TrackMoved(ref c) => {
                match out
                    .iter_mut()
                    .find(|x| matches!(x, Change::Track { track, .. } if *track == c.track))
                {
                    Some(Change::Track { to, .. }) => *to = c.to,
                    _ => out.push(Change::Track {
                        track: c.track,
                        from: c.from,
                        to: c.to,
                    }),
                }
            }
            Event::PatienceChanged { side, from, to } => {
                match out
                    .iter_mut()
                    .find(|x| matches!(x, Change::Patience { side: s, .. } if *s == side))
                {
                    Some(Change::Patience { to: last, .. }) => *last = to,
                    _ => out.push(Change::Patience { side, from, to }),
                }
            }
            _ => {}
        }
    }
    // A gauge that moved and came back is not a change.
    out.retain(|c| match *c {
        Change::Track { from, to, .. } | Change::Patience { from, to, .. } => from != to,
    });
    out
}

/// Every rule a command must pass, checked before anything changes.
fn check(state: &GameState, content: &Content, command: &Command) -> Result<(), RuleError> {
    // A journal answer is free and outside the negotiation: allowed mid-card and after the end.
    if let Command::Reflect { id, answer } = command {
        return reflect::check(state, content, id, answer);
    }
    match &state.phase {
        Phase::Ended(_) => return Err(RuleError::GameOver),
        Phase::Choosing(card) => {
            let Command::ChooseCardOption(choice) = command else {
                return Err(RuleError::CardChoicePending);
            };
            let n = content.card(card).map_or(0, |c| c.choices.len());
            return if (*choice as usize) < n {
                Ok(())
            } else {
                Err(RuleError::NoSuchChoice)
            };
        }
        Phase::Acting => {}
    }
    if command.cost() > state.action_points {
        return Err(RuleError::NotEnoughActionPoints);
    }
    let clause_ok = |issue: IssueId, clause: Clause| -> Result<(), RuleError> {
        let i = content.domain.get(issue).ok_or(RuleError::NoSuchIssue)?;
        match clause {
            Clause::Open => Ok(()),
            Clause::Deferred if i.deferrable => Ok(()),
            Clause::Deferred => Err(RuleError::CannotDefer),
            Clause::Option(o) if !i.is_option(o) => Err(RuleError::NoSuchOption),
            Clause::Option(o) if !state.is_available(content, issue, o) => {
                Err(RuleError::OptionLocked)
            }
            Clause::Option(_) => Ok(()),
        }
    };
    match *command {
        Command::ChooseCardOption(_) => Err(RuleError::NoCardChoicePending),
        Command::Draft { issue, clause } => clause_ok(issue, clause),
        Command::Caucus {
            kind: CaucusKind::TestIdea { issue, clause },
            ..
        } => {
            clause_ok(issue, clause)?;
            if clause == Clause::Open {
                Err(RuleError::NoSuchOption)
            } else {
                Ok(())
            }
        }
        Command::Link { first, second } => {
            clause_ok(first.0, first.1)?;
            clause_ok(second.0, second.1)?;
            if first.0 == second.0 {
                Err(RuleError::SameIssueTwice)
            } else if first.1 == Clause::Open || second.1 == Clause::Open {
                Err(RuleError::NoSuchOption)
            } else {
                Ok(())
            }
        }
        Command::Table(_) => match state.text.package(&content.domain) {
            Ok(_) => Ok(()),
            Err(i) => Err(RuleError::TextIncomplete {
                issue: content.domain.issue(i).name.to_lowercase(),
            }),
        },
        Command::SpendGoodwill(side) => {
            if state.delegation(side).goodwill > 0.0 {
                Err(RuleError::GoodwillAlreadySpent)
            } else {
                Ok(())
            }
        }
        Command::Errand(errand) => {
            if verbs::errand_done(state, errand) {
                Err(RuleError::AlreadyDone(errand_name(errand)))
            } else {
                Ok(())
            }
        }
        Command::OffTheRecord => {
            if state.flags.contains(&Flag::OffTheRecord) {
                return Err(RuleError::AlreadyDone("the off-the-record session"));
            }
            let have = state.track(TrackId::IranTrustInOman);
            if have < verbs::OFF_THE_RECORD_TRUST {
                return Err(RuleError::NotEnoughTrust {
                    needed: verbs::OFF_THE_RECORD_TRUST,
                    have,
                });
            }
            Ok(())
        }
        Command::AskAdvisor => state
            .advisor
            .may_ask(state.difficulty.advisor_limit(), state.round)
            .map_err(RuleError::AdvisorLimit),
        Command::RequestExtension => {
            if state.flags.contains(&Flag::ExtensionUsed) {
                Err(RuleError::AlreadyDone("the extension"))
            } else {
                Ok(())
            }
        }
        Command::Statement(Statement::AnnounceProgress | Statement::UrgeRestraint)
        | Command::Caucus { .. }
        | Command::EndRound
        | Command::Reflect { .. } => Ok(()),
    }
}

fn errand_name(errand: Errand) -> &'static str {
    match errand {
        Errand::Russia => "the Russia errand",
        Errand::Iaea => "the IAEA errand",
        Errand::Gulf => "the Gulf errand",
        Errand::Qatar => "the Qatar errand",
        Errand::E3 => "the E3 errand",
    }
}

/// Audience helper for the verbs: which sides hear a tabled text.
pub(super) fn sides_of(audience: Audience) -> Vec<Side> {
    match audience {
        Audience::Both => Side::BOTH.to_vec(),
        Audience::One(side) => vec![side],
    }
}
