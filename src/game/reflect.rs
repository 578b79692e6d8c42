//! Reflection prompts in play: which of the scenario's prompts are due, the checks on an answer,
//! and recording it in the state so it survives save, load and replay.

use super::command::{Event, RuleError};
use super::rules::World;
use super::state::{Answer, GameState};
use crate::content::{Checkpoint, Content, ReflectionDef};

/// Longest answer kept, so a pasted essay cannot bloat a save.
pub const MAX_ANSWER: usize = 1500;

/// Whether a prompt can be answered now. Every prompt is due once the talks are over, so a
/// game cut short can still be reflected on in the debrief.
pub fn is_due(state: &GameState, prompt: &ReflectionDef) -> bool {
    state.is_over()
        || match prompt.at {
            Checkpoint::Round(n) => state.round >= n,
            Checkpoint::End => false,
        }
}

/// The player's answer to a prompt, if any.
pub fn answer<'a>(state: &'a GameState, id: &str) -> Option<&'a Answer> {
    state.reflections.iter().find(|a| a.id == id)
}

/// Prompts due now and not answered yet, in the scenario's order.
pub fn pending<'a>(content: &'a Content, state: &GameState) -> Vec<&'a ReflectionDef> {
    content
        .scenario
        .reflections
        .iter()
        .filter(|p| is_due(state, p) && answer(state, &p.id).is_none())
        .collect()
}

/// Checks an answer before anything changes.
pub(super) fn check(
    state: &GameState,
    content: &Content,
    id: &str,
    text: &str,
) -> Result<(), RuleError> {
    let prompt = content
        .scenario
        .reflections
        .iter()
        .find(|p| p.id == id)
        .ok_or(RuleError::NoSuchReflection)?;
    if !is_due(state, prompt) {
        return Err(RuleError::ReflectionNotDue);
    }
    if text.trim().is_empty() {
        return Err(RuleError::EmptyAnswer);
    }
    if text.chars().count() > MAX_ANSWER {
        return Err(RuleError::AnswerTooLong { max: MAX_ANSWER });
    }
    Ok(())
}

/// Records an answer; a second answer to the same prompt replaces the first.
pub(super) fn record(world: &mut World, id: &str, text: &str) {
    let round = world.state.round;
    let answer = Answer {
        id: id.to_string(),
        round,
        text: text.trim().to_string(),
    };
    match world.state.reflections.iter_mut().find(|a| a.id == id) {
        Some(old) => *old = answer,
        None => world.state.reflections.push(answer),
    }
    world.emit(Event::Reflected { id: id.to_string() });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Command, Difficulty, apply, start};

    fn content_with_prompts() -> Content {
        let mut content = Content::builtin();
        content.scenario.reflections = vec![
            ReflectionDef {
                id: "week2".into(),
                at: Checkpoint::Round(2),
                prompt: "What does Iran need to say yes at home?".into(),
            },
            ReflectionDef {
                id: "end".into(),
                at: Checkpoint::End,
                prompt: "What would you do differently?".into(),
            },
        ];
        content
    }

    fn reflect(id: &str, answer: &str) -> Command {
        Command::Reflect {
            id: id.into(),
            answer: answer.into(),
        }
    }

    #[test]
    fn prompts_come_due_at_their_checkpoint() {
        let content = content_with_prompts();
        let mut state = start(&content, 5, Difficulty::Normal);
        assert!(pending(&content, &state).is_empty());
        let before = state.clone();
        assert_eq!(
            apply(&mut state, &content, &reflect("week2", "Relief first.")),
            Err(RuleError::ReflectionNotDue)
        );
        assert_eq!(state, before, "a refused answer changes nothing");
        while state.round < 2 && !state.is_over() {
            if apply(&mut state, &content, &Command::EndRound).is_err() {
                apply(&mut state, &content, &Command::ChooseCardOption(0)).expect("choice");
            }
        }
        let ids: Vec<_> = pending(&content, &state).iter().map(|p| &p.id).collect();
        assert_eq!(ids, ["week2"]);
    }

    #[test]
    fn answers_are_checked_recorded_and_revised() {
        let content = content_with_prompts();
        let mut state = start(&content, 5, Difficulty::Normal);
        state.round = 2;
        for (id, text, err) in [
            ("nope", "x", RuleError::NoSuchReflection),
            ("week2", "   ", RuleError::EmptyAnswer),
            ("end", "too soon", RuleError::ReflectionNotDue),
        ] {
            assert_eq!(apply(&mut state, &content, &reflect(id, text)), Err(err));
        }
        let long = "x".repeat(MAX_ANSWER + 1);
        assert_eq!(
            apply(&mut state, &content, &reflect("week2", &long)),
            Err(RuleError::AnswerTooLong { max: MAX_ANSWER })
        );
        let events =
            apply(&mut state, &content, &reflect("week2", " Relief first. ")).expect("answered");
        assert_eq!(events, vec![Event::Reflected { id: "week2".into() }]);
        apply(
            &mut state,
            &content,
            &reflect("week2", "Sanctions relief, up front."),
        )
        .expect("revised");
        assert_eq!(state.reflections.len(), 1);
        assert_eq!(state.reflections[0].text, "Sanctions relief, up front.");
        assert_eq!(state.reflections[0].round, 2);
    }

    #[test]
    fn every_prompt_can_be_answered_after_the_end() {
        let content = content_with_prompts();
        let mut state = start(&content, 5, Difficulty::Normal);
        state.phase = crate::game::Phase::Ended(crate::game::Outcome::Deadline);
        assert_eq!(pending(&content, &state).len(), 2);
        apply(&mut state, &content, &reflect("end", "Table earlier.")).expect("after the end");
        assert_eq!(
            apply(&mut state, &content, &Command::EndRound),
            Err(RuleError::GameOver),
            "other commands stay refused"
        );
    }
}
