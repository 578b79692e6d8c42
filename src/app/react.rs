//! A command from the player, applied through the session, and what the screen does with the
//! events: the status line, the week's card and the debrief opening, the journal prompt that
//! comes due, and the autosave the loop is asked for.

use super::{App, Effect, Overlay};
use crate::game::{self, Command, Event, RuleError};

impl App {
    /// Applies a command to the game and reacts to what happened.
    pub fn run(&mut self, command: Command) -> Vec<Effect> {
        let drafted = matches!(command, Command::Draft { .. });
        match self.session.apply(command) {
            Err(e) => {
                self.status = refusal(&e);
                self.status_refused = true;
                Vec::new()
            }
            Ok(events) => {
                // The drafted clause shows in the table; keeping the status line for the last
                // real move means an errand's result survives the drafting that follows it. A
                // refusal is not kept: the draft that follows it worked.
                if !drafted || self.status_refused {
                    self.status = crate::narrate::summary(&self.session.content, &events);
                }
                self.status_refused = false;
                let mut effects = Vec::new();
                for e in &events {
                    match e {
                        Event::CardDrawn { card, .. } => self.overlays.push(Overlay::Card {
                            id: card.clone(),
                            selected: 0,
                        }),
                        Event::RoundStarted(_) => effects.push(Effect::Autosave),
                        Event::Ended(_) => {
                            self.scroll = 0;
                            self.overlays.push(Overlay::End);
                            effects.push(Effect::Autosave);
                        }
                        _ => {}
                    }
                }
                if events
                    .iter()
                    .any(|e| matches!(e, Event::RoundStarted(_) | Event::Ended(_)))
                {
                    self.offer_reflection();
                }
                effects.dedup();
                effects
            }
        }
    }

    /// Opens the first due, unanswered reflection prompt on top of the other windows, where the
    /// player sees it first: opened under the week's card, it appeared only when the card closed
    /// and took keys meant for the table as its text. A prompt the player put aside is not
    /// reopened here (the status line says it waits); `r` opens it, see [`App::reopen_reflection`].
    pub(super) fn offer_reflection(&mut self) -> bool {
        let pending = game::reflect::pending(&self.session.content, &self.session.state);
        let waiting = !pending.is_empty();
        let Some(id) = pending
            .iter()
            .find(|p| !self.set_aside.contains(&p.id))
            .map(|p| p.id.clone())
        else {
            if waiting {
                self.status
                    .push_str(" · A journal prompt waits: r answers it.");
            }
            return false;
        };
        self.open_reflection(&id);
        true
    }

    /// Opens the first due, unanswered prompt, put aside or not: the player asked with `r`.
    pub(super) fn reopen_reflection(&mut self) -> bool {
        let Some(id) = game::reflect::pending(&self.session.content, &self.session.state)
            .first()
            .map(|p| p.id.clone())
        else {
            return false;
        };
        self.set_aside.retain(|x| *x != id);
        self.open_reflection(&id);
        true
    }

    fn open_reflection(&mut self, id: &str) {
        let overlay = Overlay::Reflect {
            id: id.to_string(),
            text: String::new(),
        };
        if !self.overlays.contains(&overlay) {
            self.overlays.push(overlay);
        }
    }
}

/// A rule's refusal as a sentence for the status line.
pub(super) fn refusal(e: &RuleError) -> String {
    let mut s = e.to_string();
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    format!("{s}.")
}
