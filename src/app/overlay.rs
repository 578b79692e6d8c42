//! The windows drawn over the screen, and the keys while one is on top (the top window takes
//! every key): help, briefing, the week's card, menus, questions, the journal prompt, the debrief.

use super::{App, Effect, Menu, MenuItem, Msg};
use crate::game::{self, Clause, Command, Phase};
use crate::model::{Choice, IssueId};

/// A question that needs a yes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    Quit,
    EndRound,
    Extension,
    /// An errand put this option on the table: draft it into the text?
    DraftUnlocked {
        issue: IssueId,
        option: Choice,
    },
}

/// Windows drawn over the screen; the last one is on top and gets the keys.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    Briefing,
    Help,
    /// The card drawn this round; `selected` is the highlighted choice.
    Card {
        id: String,
        selected: usize,
    },
    Menu(Menu),
    Confirm(Confirm),
    End,
    /// The advisor's answer (see [`App::ask_advisor`]).
    Odds(crate::advisor::Ranking),
    /// A reflection prompt being answered: its id and the answer typed so far.
    Reflect {
        id: String,
        text: String,
    },
}

impl App {
    pub(super) fn on_overlay(&mut self, overlay: Overlay, msg: Msg) -> Vec<Effect> {
        match overlay {
            Overlay::Help => {
                match msg {
                    Msg::Up | Msg::ScrollUp => {
                        self.help_scroll = self.help_scroll.saturating_sub(1);
                    }
                    Msg::Down | Msg::ScrollDown => {
                        self.help_scroll = self.help_scroll.saturating_add(1);
                    }
                    Msg::Back | Msg::Confirm | Msg::Help | Msg::Quit => {
                        self.overlays.pop();
                        self.help_scroll = 0;
                    }
                    _ => {}
                }
                Vec::new()
            }
            Overlay::Briefing | Overlay::Odds(_) => {
                if matches!(msg, Msg::Back | Msg::Confirm | Msg::Help | Msg::Quit) {
                    self.overlays.pop();
                }
                Vec::new()
            }
            Overlay::Card { id, selected } => self.on_card(&id, selected, msg),
            Overlay::Menu(menu) => self.on_menu(menu, msg),
            Overlay::Confirm(what) => match msg {
                Msg::Yes | Msg::Confirm => {
                    self.overlays.pop();
                    match what {
                        Confirm::Quit => vec![Effect::Autosave, Effect::Quit],
                        Confirm::EndRound => self.run(Command::EndRound),
                        Confirm::Extension => self.run(Command::RequestExtension),
                        Confirm::DraftUnlocked { issue, option } => {
                            self.cursor = issue.index();
                            self.run(Command::Draft {
                                issue,
                                clause: Clause::Option(option),
                            })
                        }
                    }
                }
                Msg::Back | Msg::Quit => {
                    self.overlays.pop();
                    Vec::new()
                }
                _ => Vec::new(),
            },
            Overlay::Reflect { id, text } => self.on_reflect(&id, text, msg),
            Overlay::End => match msg {
                Msg::Quit => vec![Effect::Autosave, Effect::Quit],
                Msg::Up => {
                    self.scroll = self.scroll.saturating_sub(1);
                    Vec::new()
                }
                Msg::Down => {
                    self.scroll = self.scroll.saturating_add(1);
                    Vec::new()
                }
                Msg::ScrollUp => {
                    self.scroll = self.scroll.saturating_sub(5);
                    Vec::new()
                }
                Msg::ScrollDown => {
                    self.scroll = self.scroll.saturating_add(5);
                    Vec::new()
                }
                Msg::Help => {
                    self.overlays.push(Overlay::Help);
                    Vec::new()
                }
                Msg::Report => vec![Effect::WriteReport],
                Msg::Back | Msg::Confirm => {
                    self.overlays.pop();
                    self.scroll = 0;
                    self.status =
                        "The talks are over. Look around; Enter reopens the debrief, q quits."
                            .into();
                    Vec::new()
                }
                Msg::Save => vec![Effect::Save],
                _ => Vec::new(),
            },
        }
    }

    fn on_reflect(&mut self, id: &str, mut text: String, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Type(c) if text.chars().count() < game::reflect::MAX_ANSWER => text.push(c),
            Msg::Type(_) => {
                self.status = "That is as long as an answer can be.".into();
            }
            Msg::Erase => {
                text.pop();
            }
            Msg::Back => {
                self.overlays.pop();
                if !self.set_aside.iter().any(|x| x == id) {
                    self.set_aside.push(id.to_string());
                }
                self.status = "Journal prompt put aside: press r to answer it later.".into();
                return Vec::new();
            }
            Msg::Confirm => {
                // Answering emits no overlay, so this prompt stays on top until it is saved.
                let effects = self.run(Command::Reflect {
                    id: id.to_string(),
                    answer: text.clone(),
                });
                if game::reflect::answer(&self.session.state, id)
                    .is_some_and(|a| a.text == text.trim())
                {
                    self.overlays.pop();
                    self.status = "Answer saved in the journal; it goes into the report.".into();
                    self.offer_reflection();
                }
                return effects;
            }
            _ => return Vec::new(),
        }
        if let Some(Overlay::Reflect { text: t, .. }) = self.overlays.last_mut() {
            *t = text;
        }
        Vec::new()
    }

    fn on_card(&mut self, id: &str, selected: usize, msg: Msg) -> Vec<Effect> {
        let choosing = matches!(&self.session.state.phase, Phase::Choosing(c) if c == id);
        let n = self.session.content.card(id).map_or(0, |c| c.choices.len());
        let set = |app: &mut App, s: usize| {
            if let Some(Overlay::Card { selected, .. }) = app.overlays.last_mut() {
                *selected = s;
            }
        };
        match msg {
            Msg::Up if choosing => set(self, selected.saturating_sub(1)),
            Msg::Down if choosing => set(self, (selected + 1).min(n.saturating_sub(1))),
            Msg::Confirm if choosing => {
                self.overlays.pop();
                return self.run(Command::ChooseCardOption(selected as u8));
            }
            Msg::Back | Msg::Confirm if !choosing => {
                self.overlays.pop();
            }
            Msg::Quit => self.overlays.push(Overlay::Confirm(Confirm::Quit)),
            Msg::Help => self.overlays.push(Overlay::Help),
            _ if choosing => {
                self.status = "Choose with ↑↓ and Enter: the card needs Oman's answer.".into();
            }
            _ => {}
        }
        Vec::new()
    }

    fn on_menu(&mut self, menu: Menu, msg: Msg) -> Vec<Effect> {
        let last = menu.items.len().saturating_sub(1);
        let set = |app: &mut App, s: usize| {
            if let Some(Overlay::Menu(m)) = app.overlays.last_mut() {
                m.selected = s;
            }
        };
        match msg {
            Msg::Up => set(self, menu.selected.saturating_sub(1)),
            Msg::Down => set(self, (menu.selected + 1).min(last)),
            Msg::Screen(k) if k < menu.items.len() => {
                set(self, k);
                return self.on_menu(
                    Menu {
                        selected: k,
                        ..menu
                    },
                    Msg::Confirm,
                );
            }
            Msg::Back | Msg::Quit => {
                self.overlays.pop();
            }
            Msg::Confirm => {
                self.overlays.pop();
                match menu.items.get(menu.selected).cloned() {
                    Some(MenuItem::Run(_, command)) => return self.run(command),
                    Some(MenuItem::Open(_, next)) => self.overlays.push(Overlay::Menu(*next)),
                    None => {}
                }
            }
            _ => {}
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{app, close_all};
    use super::*;

    #[test]
    fn a_due_prompt_opens_under_the_card_and_takes_a_typed_answer() {
        let mut a = app();
        close_all(&mut a);
        a.update(Msg::Reflect);
        assert!(a.status.contains("No journal prompt"), "{}", a.status);
        while a.session.state.round < 2 {
            a.update(Msg::EndRound);
            if a.top() == Some(&Overlay::Confirm(Confirm::EndRound)) {
                a.update(Msg::Yes);
            }
            if matches!(a.top(), Some(Overlay::Card { .. })) {
                a.update(Msg::Confirm);
            }
        }
        assert!(
            matches!(a.top(), Some(Overlay::Reflect { id, .. }) if id == "opening"),
            "{:?}",
            a.overlays
        );
        for c in "Relief!?".chars() {
            a.update(Msg::Type(c));
        }
        a.update(Msg::Erase);
        a.update(Msg::Erase);
        a.update(Msg::Confirm);
        assert!(!matches!(a.top(), Some(Overlay::Reflect { .. })));
        assert_eq!(a.session.state.reflections[0].text, "Relief");
        assert_eq!(
            a.session.log.last(),
            Some(&Command::Reflect {
                id: "opening".into(),
                answer: "Relief".into()
            })
        );
    }

    /// Play-test: a prompt put aside came back every week on top of the card and took the keys
    /// meant for the screens ("4" for the news) as its text.
    #[test]
    fn a_prompt_put_aside_waits_for_r_instead_of_reopening_each_week() {
        let mut a = app();
        close_all(&mut a);
        let end_week = |a: &mut App| {
            a.update(Msg::EndRound);
            if a.top() == Some(&Overlay::Confirm(Confirm::EndRound)) {
                a.update(Msg::Yes);
            }
        };
        end_week(&mut a);
        assert!(matches!(a.top(), Some(Overlay::Reflect { id, .. }) if id == "opening"));
        a.update(Msg::Back);
        assert!(a.set_aside.contains(&"opening".to_string()));
        while matches!(a.top(), Some(Overlay::Card { .. })) {
            a.update(Msg::Confirm);
        }
        end_week(&mut a);
        assert!(
            !a.overlays
                .iter()
                .any(|o| matches!(o, Overlay::Reflect { .. })),
            "{:?}",
            a.overlays
        );
        assert!(a.status.contains("r answers it"), "{}", a.status);
        while matches!(a.top(), Some(Overlay::Card { .. })) {
            a.update(Msg::Confirm);
        }
        a.update(Msg::Screen(3));
        assert_eq!(
            a.screen,
            super::super::Screen::News,
            "the key reached the screen"
        );
        a.update(Msg::Reflect);
        assert!(matches!(a.top(), Some(Overlay::Reflect { id, .. }) if id == "opening"));
        for c in "Cover".chars() {
            a.update(Msg::Type(c));
        }
        a.update(Msg::Confirm);
        assert_eq!(a.session.state.reflections[0].text, "Cover");
        assert!(a.set_aside.is_empty());
        // A prompt that falls due later still opens by itself.
        while a.session.state.round < 6 && !a.session.state.is_over() {
            close_all(&mut a);
            end_week(&mut a);
        }
        assert!(
            a.overlays
                .iter()
                .any(|o| matches!(o, Overlay::Reflect { id, .. } if id != "opening")),
            "{:?}",
            a.overlays
        );
    }

    #[test]
    fn an_empty_answer_keeps_the_prompt_open_and_esc_puts_it_aside() {
        let mut a = app();
        close_all(&mut a);
        a.session.state.round = 2;
        a.update(Msg::Reflect);
        a.update(Msg::Confirm);
        assert!(matches!(a.top(), Some(Overlay::Reflect { .. })));
        assert!(a.status.contains("needs some words"), "{}", a.status);
        a.update(Msg::Back);
        assert!(a.top().is_none());
        assert_eq!(a.update(Msg::Report), vec![Effect::WriteReport]);
    }
}
