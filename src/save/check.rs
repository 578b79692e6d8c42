//! Checking a save against its own command log: replaying from the seed (or from the stored start)
//! must give the saved state. Saves made before new state fields existed are compared on the fields
//! they wrote; saves made with other content load their stored state with a warning.

use ron::Value;

use super::error::{CheckError, Misfit};
use super::format::SaveFile;
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
        Replay::Same(state) => Ok(*state),
        Replay::Refused(index, error) => Err(CheckError::Refused {
            index,
            of: save.log.len(),
            command: save.log[index].clone(),
            error,
        }),
        Replay::Differs(at) => Err(CheckError::Differs { at }),
    }
}

/// Replays a save's log and insists it gives the saved state; returns the replayed state's hash.
pub fn verify(content: &Content, save: &SaveFile) -> Result<String, CheckError> {
    problem(save, replay_and_compare(content, save)).map(|s| s.hash())
}

/// Whether a state's shape fits the content: two delegations, one clause per issue, options and
/// cards that exist. A save whose log cannot vouch for its state must pass this before play.
fn fits(content: &Content, state: &GameState) -> Result<(), Misfit> {
    let issues = &content.domain.issues;
    if state.delegations.len() != 2
        || state.delegations[0].side != Side::Us
        || state.delegations[1].side != Side::Iran
    {
        return Err(Misfit::Delegations);
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
    if let Phase::Choosing(card) = &state.phase
        && content.card(card).is_none()
    {
        return Err(Misfit::Card { card: card.clone() });
    }
    Ok(())
}

/// What loading a game uses: a save made with this content must replay to its state (else it is
/// refused with the reason); a save made with other content, whose moves may now play out
/// differently, loads its stored state as a new starting point, with a warning.
pub fn check(content: &Content, save: &SaveFile) -> Result<Loaded, CheckError> {
    let same_content = save.content_hash == content.hash && save.scenario == content.scenario.id;
    let replay = replay_and_compare(content, save);
    if same_content || matches!(replay, Replay::Same(_)) {
        return problem(save, replay).map(|state| Loaded {
            start: save.start.clone(),
            state,
            log: save.log.clone(),
            warnings: Vec::new(),
        });
    }
    fits(content, &save.state).map_err(|misfit| CheckError::OtherContent {
        saved: save.content_hash.clone(),
        this: content.hash.clone(),
        misfit,
    })?;
    Ok(Loaded {
        start: Some(save.state.clone()),
        state: save.state.clone(),
        log: Vec::new(),
        warnings: vec![format!(
            "This save was made with other game content (content {}, this game {}): its moves no \
             longer replay to the same game, so play goes on from the saved position.",
            save.content_hash, content.hash
        )],
    })
}

/// What replaying a save's log gave: the week and state hash it reached (none if a command was
/// refused), and why it does not match the saved state, if it does not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replayed {
    pub round: Option<u32>,
    pub hash: Option<String>,
    pub problem: Option<CheckError>,
}

/// Replays the log of `save` over its start and compares the result with the saved state.
pub fn replayed(content: &Content, save: &SaveFile) -> Replayed {
    let (round, hash) = match replay(content, save) {
        Ok(s) => (Some(s.round), Some(s.hash())),
        Err(_) => (None, None),
    };
    Replayed {
        round,
        hash,
        problem: problem(save, replay_and_compare(content, save)).err(),
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
