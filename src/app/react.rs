//! A command from the player, applied through the session, and what the screen does with the
//! events: the status line, the week's card and the debrief opening, the journal prompt that
//! comes due, and the autosave the loop is asked for.

use super::{App, Confirm, Effect, Overlay};
use crate::game::{self, Command, Event, RuleError};

impl App {
    /// Applies a command to the game and reacts to what happened.
    pub fn run(&mut self, command: Command) -> Vec<Effect> {
        let drafted = matches!(command, Command::Draft { .. });
        let errand = matches!(command, Command::Errand(_));
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
                        // What an errand opened, Oman will most often want in the text.
                        Event::Unlocked { issue, option } if errand => {
                            self.overlays.push(Overlay::Confirm(Confirm::DraftUnlocked {
                                issue: *issue,
                                option: *option,
                            }));
                        }
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

#[cfg(test)]
mod tests {
    use super::super::testing::close_all;
    use super::super::{Msg, Overlay};
    use super::*;
    use crate::content::Content;
    use crate::game::{Clause, Difficulty, Errand, start};

    /// An app on `seed` whose errand to Russia succeeded, with the offer it made on top.
    fn russia_opened() -> App {
        for seed in 1..40 {
            let content = Content::builtin();
            let state = start(&content, seed, Difficulty::Normal);
            let mut a = App::new(content, state, Vec::new());
            close_all(&mut a);
            a.run(Command::Errand(Errand::Russia));
            if matches!(
                a.top(),
                Some(Overlay::Confirm(Confirm::DraftUnlocked { .. }))
            ) {
                return a;
            }
        }
        panic!("the errand to Russia never succeeded in 40 seeds");
    }

    #[test]
    fn an_errand_that_opens_an_option_offers_to_draft_it() {
        let mut a = russia_opened();
        let (issue, option) = a
            .session
            .content
            .domain
            .locate("stockpile", "ship-russia")
            .expect("shipped");
        assert_eq!(
            a.top(),
            Some(&Overlay::Confirm(Confirm::DraftUnlocked { issue, option }))
        );
        a.update(Msg::Yes);
        assert_eq!(a.session.state.text.clause(issue), Clause::Option(option));
        assert_eq!(
            a.selected_issue(),
            issue,
            "the cursor goes to the drafted clause"
        );
        assert_eq!(a.top(), None);
    }

    #[test]
    fn the_offer_declined_leaves_the_text() {
        let mut a = russia_opened();
        let before = a.session.state.text.clone();
        a.update(Msg::Back);
        assert_eq!(a.session.state.text, before);
        assert_eq!(a.top(), None);
    }

    #[test]
    fn an_errand_that_opens_nothing_asks_nothing() {
        let content = Content::builtin();
        let state = start(&content, 3, Difficulty::Normal);
        let mut a = App::new(content, state, Vec::new());
        close_all(&mut a);
        a.run(Command::Errand(Errand::Qatar));
        assert_eq!(a.top(), None);
    }
}
