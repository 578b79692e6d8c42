//! Checking a save against its own command log: replaying from the seed (or from the stored start)
//! must give the saved state. Saves made before new state fields existed are compared on the fields
//! they wrote; saves made with other content load their stored state with a warning.

use ron::Value;

use super::error::{CheckError, Misfit, Unverified};
use super::format::{FORMAT, SaveFile, SaveMeta};
use crate::content::Content;
use crate::game::{self, Clause, Command, GameState, Phase, RuleError, Side};

/// A save ready to play on: the state, the log that leads to it (from `start`, or from the seed),
/// and anything the player should be told.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub start: Option<GameState>,
    pub state: GameState,
    pub log: Vec<Command>,
    pub warnings: Vec<String>,
    /// Whether the game so far can be vouched for by its log (and stays so when saved again).
    pub standing: Standing,
}

/// How far a save can be trusted as a record of play. Only a verified save proves that its
/// position was reached by playing the rules from its seed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Replaying its log from its seed on this content gives exactly its state, state hash and
    /// summary.
    Verified,
    /// It may play on, but nothing vouches for how its position was reached.
    Unverified(Unverified),
}

impl Standing {
    pub fn is_verified(&self) -> bool {
        *self == Standing::Verified
    }
}

enum Replay {
    Same(Box<GameState>),
    Refused(usize, RuleError),
    Differs(String),
}

/// The log folded over its start: the stored one, or a fresh game from the seed.
fn replay(content: &Content, save: &SaveFile) -> Result<GameState, (usize, RuleError)> {
    match &save.start {
        None => game::replay(content, save.seed, save.difficulty, &save.log),
        Some(start) => {
            let mut state = start.clone();
            for (i, command) in save.log.iter().enumerate() {
                game::apply(&mut state, content, command).map_err(|e| (i, e))?;
            }
            Ok(state)
        }
    }
}

fn to_value(state: &GameState) -> Option<Value> {
    let text = ron::to_string(state).ok()?;
    ron::Options::default().from_str(&text).ok()
}

fn short(v: &Value) -> String {
    let s = ron::to_string(v).unwrap_or_else(|_| "?".into());
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

/// Walks `written` against `replayed`: the first place they differ, and how many fields the
/// replayed state has that the file never wrote (fields added to the game since).
fn diff(written: &Value, replayed: &Value, path: &str, missing: &mut usize) -> Option<String> {
    match (written, replayed) {
        (Value::Map(w), Value::Map(r)) => {
            for (key, value) in r.iter() {
                let Some(wv) = w.get(key) else {
                    *missing += 1;
                    continue;
                };
                let step = match key {
                    Value::String(s) => format!("{path}.{s}"),
                    other => format!("{path}[{}]", short(other)),
                };
                if let Some(at) = diff(wv, value, &step, missing) {
                    return Some(at);
                }
            }
            w.keys()
                .find(|k| r.get(k).is_none())
                .map(|k| format!("{path}: the file has {} that the replay has not", short(k)))
        }
        (Value::Seq(w), Value::Seq(r)) if w.len() == r.len() => w
            .iter()
            .zip(r)
            .enumerate()
            .find_map(|(i, (a, b))| diff(a, b, &format!("{path}[{i}]"), missing)),
        (Value::Option(Some(w)), Value::Option(Some(r))) => diff(w, r, path, missing),
        (w, r) if w == r => None,
        (w, r) => Some(format!(
            "{path} is {} in the file but {} on replay",
            short(w),
            short(r)
        )),
    }
}

fn replay_and_compare(content: &Content, save: &SaveFile) -> Replay {
    let state = match replay(content, save) {
        Ok(s) => s,
        Err((i, e)) => return Replay::Refused(i, e),
    };
    if state == save.state {
        return Replay::Same(Box::new(state));
    }
    let Some(replayed) = to_value(&state) else {
        return Replay::Differs("state".into());
    };
    // Where the state as it stands differs; then whether the file, read on its own fields, agrees.
    let mut ignored = 0;
    let at = to_value(&save.state)
        .and_then(|v| diff(&v, &replayed, "state", &mut ignored))
        .unwrap_or_else(|| "state (a named choice such as a side or a phase)".into());
    if let Some(written) = &save.state_as_written {
        let mut missing = 0;
        if diff(written, &replayed, "state", &mut missing).is_none() && missing > 0 {
            // Equal on every field the file wrote; the rest are fields added to the game since.
            return Replay::Same(Box::new(state));
        }
    }
    Replay::Differs(at)
}

fn problem(save: &SaveFile, replay: Replay) -> Result<GameState, CheckError> {
    match replay {
        Replay::Same(state) => {
            // The hash covers the state as this version writes it, so it can be compared only
            // when the file wrote that very state (not an older format's or an older field set).
            let hash = state.hash();
            if save.written_format == Some(FORMAT)
                && *state == save.state
                && save.state_hash != hash
            {
                return Err(CheckError::Hash {
                    saved: save.state_hash.clone(),
                    replayed: hash,
                });
            }
            let meta = SaveMeta::of(&state);
            if meta != save.meta {
                return Err(CheckError::Meta {
                    saved: save.meta.clone(),
                    replayed: meta,
                });
            }
            Ok(*state)
        }
        Replay::Refused(index, error) => Err(CheckError::Refused {
            index,
            of: save.log.len(),
            command: save.log[index].clone(),
            error,
        }),
        Replay::Differs(at) => Err(CheckError::Differs { at }),
    }
}

/// Replays a save's log and insists it gives the saved state, its hash and its summary; returns
/// the replayed state's hash. A save that passes may still be unverified (see [`standing`]).
pub fn verify(content: &Content, save: &SaveFile) -> Result<String, CheckError> {
    fits_save(content, save)?;
    problem(save, replay_and_compare(content, save)).map(|s| s.hash())
}

/// Why a save that replays cannot be vouched for, if it cannot: its log starts from a stored
/// position, or it was made with other content.
fn unverified(content: &Content, save: &SaveFile) -> Option<Unverified> {
    if save.start.is_some() {
        return Some(Unverified::StoredStart);
    }
    if save.content_hash != content.hash || save.scenario != content.scenario.id {
        return Some(Unverified::OtherContent {
            saved: save.content_hash.clone(),
            this: content.hash.clone(),
        });
    }
    None
}

/// Whether a save is a verified record of play on this content. A save made with other content
/// is unverified (once its state fits); any other must replay exactly (else the error says why),
/// and is then verified unless its log starts from a stored position.
pub fn standing(content: &Content, save: &SaveFile) -> Result<Standing, CheckError> {
    if let Some(why @ Unverified::OtherContent { .. }) = unverified(content, save) {
        // Under other content its moves may play out differently: nothing to insist on.
        fits_save(content, save)?;
        return Ok(Standing::Unverified(why));
    }
    verify(content, save)?;
    Ok(unverified(content, save).map_or(Standing::Verified, Standing::Unverified))
}

/// Both the saved state and the stored start (when there is one) must fit the content before any
/// of them is replayed from or read.
fn fits_save(content: &Content, save: &SaveFile) -> Result<(), CheckError> {
    if let Some(start) = &save.start {
        fits(content, start).map_err(|misfit| CheckError::Misfit {
            what: "start",
            misfit,
        })?;
    }
    fits(content, &save.state).map_err(|misfit| CheckError::Misfit {
        what: "state",
        misfit,
    })
}

/// Most weeks a game's deadline can reach beyond its scenario's (difficulty and cards move it by
/// a few), so a forged round cannot make readers of the state allocate without bound.
pub const MAX_EXTRA_WEEKS: u32 = 52;

/// Whether a state fits the content before anything reads it: the US and Iran delegations in
/// order, one clause per issue, options, red lines, unlocks and cards that exist, and a week and
/// deadline in range. Every reader of a loaded state (the game, reports, odds, class) checks this
/// first, since a state read from a file may say anything.
pub fn fits(content: &Content, state: &GameState) -> Result<(), Misfit> {
    let issues = &content.domain.issues;
    if state.delegations.len() != 2
        || state.delegations[0].side != Side::Us
        || state.delegations[1].side != Side::Iran
    {
        return Err(Misfit::Delegations);
    }
    if !state.tracks.are_whole() {
        return Err(Misfit::Tracks);
    }
    let most = content.scenario.deadline.saturating_add(MAX_EXTRA_WEEKS);
    if state.deadline == 0 || state.deadline > most {
        return Err(Misfit::Deadline {
            deadline: state.deadline,
            most,
        });
    }
    if state.round == 0 || state.round > state.deadline.saturating_add(1) {
        return Err(Misfit::Round {
            round: state.round,
            deadline: state.deadline,
        });
    }
    if state.text.clauses.len() != issues.len() {
        return Err(Misfit::Issues {
            saved: state.text.clauses.len(),
            scenario: issues.len(),
        });
    }
    for (i, (clause, issue)) in state.text.clauses.iter().zip(issues).enumerate() {
        if let Clause::Option(o) = *clause
            && !issue.is_option(o)
        {
            return Err(Misfit::Option {
                option: o.0,
                issue: i + 1,
                has: issue.options.len(),
            });
        }
    }
    let choice_fits = |(issue, choice): &(crate::model::IssueId, crate::model::Choice)| {
        issues
            .get(issue.index())
            .is_some_and(|i| choice.index() < i.choice_count())
    };
    let pairs = state
        .delegations
        .iter()
        .flat_map(|d| d.red_lines.iter())
        .chain(state.unlocked.iter());
    for pair in pairs {
        if !choice_fits(pair) {
            return Err(Misfit::Choice {
                issue: pair.0.index() + 1,
                choice: pair.1.index() + 1,
            });
        }
    }
    if let Phase::Choosing(card) = &state.phase
        && content.card(card).is_none()
    {
        return Err(Misfit::Card { card: card.clone() });
    }
    let last = state.deadline.saturating_add(1);
    if let Some((week, _)) = state.log.iter().find(|(week, _)| *week > last) {
        return Err(Misfit::EventWeek { week: *week, last });
    }
    Ok(())
}

/// What loading a game uses: a save made with this content must replay to its state (else it is
/// refused with the reason); a save made with other content, whose moves may now play out
/// differently, loads its stored state as a new starting point, with a warning.
pub fn check(content: &Content, save: &SaveFile) -> Result<Loaded, CheckError> {
    let same_content = save.content_hash == content.hash && save.scenario == content.scenario.id;
    if !same_content {
        // A state made with other content is checked against today's content, with the reason.
        fits(content, &save.state).map_err(|misfit| CheckError::OtherContent {
            saved: save.content_hash.clone(),
            this: content.hash.clone(),
            misfit,
        })?;
    }
    fits_save(content, save)?;
    let replay = replay_and_compare(content, save);
    if same_content || matches!(replay, Replay::Same(_)) {
        return problem(save, replay).map(|state| {
            let standing = unverified(content, save)
                .filter(|_| save.start.is_some())
                .map_or(Standing::Verified, Standing::Unverified);
            Loaded {
                start: save.start.clone(),
                state,
                log: save.log.clone(),
                warnings: match &standing {
                    Standing::Verified => Vec::new(),
                    Standing::Unverified(why) => vec![format!("This save is unverified: {why}.")],
                },
                standing,
            }
        });
    }
    let why = Unverified::OtherContent {
        saved: save.content_hash.clone(),
        this: content.hash.clone(),
    };
    Ok(Loaded {
        start: Some(save.state.clone()),
        state: save.state.clone(),
        log: Vec::new(),
        warnings: vec![format!(
            "This save was made with other game content (content {}, this game {}): its moves no \
             longer replay to the same game, so play goes on from the saved position, unverified.",
            save.content_hash, content.hash
        )],
        standing: Standing::Unverified(why),
    })
}

/// What replaying a save's log gave: the week and state hash it reached (none if a command was
/// refused), and why it does not match the saved state, if it does not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replayed {
    pub round: Option<u32>,
    pub hash: Option<String>,
    pub problem: Option<CheckError>,
    /// Why the save, though it may replay, is not a verified record of play.
    pub unverified: Option<Unverified>,
}

/// Replays the log of `save` over its start and compares the result with the saved state.
pub fn replayed(content: &Content, save: &SaveFile) -> Replayed {
    if let Err(problem) = fits_save(content, save) {
        return Replayed {
            round: None,
            hash: None,
            problem: Some(problem),
            unverified: unverified(content, save),
        };
    }
    let (round, hash) = match replay(content, save) {
        Ok(s) => (Some(s.round), Some(s.hash())),
        Err(_) => (None, None),
    };
    Replayed {
        round,
        hash,
        problem: problem(save, replay_and_compare(content, save)).err(),
        unverified: unverified(content, save),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, u32)]) -> Value {
        let mut m = ron::Map::new();
        for (k, v) in pairs {
            m.insert(Value::String((*k).into()), Value::Number((*v).into()));
        }
        Value::Map(m)
    }

    #[test]
    fn fields_the_file_never_wrote_are_counted_not_compared() {
        let mut missing = 0;
        let at = diff(
            &map(&[("round", 3)]),
            &map(&[("round", 3), ("new", 9)]),
            "state",
            &mut missing,
        );
        assert_eq!((at, missing), (None, 1));
        let at = diff(
            &map(&[("round", 4)]),
            &map(&[("round", 3)]),
            "state",
            &mut missing,
        );
        assert_eq!(
            at.as_deref(),
            Some("state.round is 4 in the file but 3 on replay")
        );
        let at = diff(
            &map(&[("round", 3), ("old", 1)]),
            &map(&[("round", 3)]),
            "state",
            &mut missing,
        );
        assert_eq!(
            at.as_deref(),
            Some("state: the file has \"old\" that the replay has not")
        );
    }
}
