//! `update(msg) -> Vec<Effect>`: one message of input, routed to the start menu, the window on
//! top, or the screen; on a screen, the keys that draft, table, open the verbs' menus and move
//! between screens.

use super::{App, Confirm, Effect, Guide, Msg, Overlay, Screen, menu, start};
use crate::game::{self, Audience, Clause, Command};

impl App {
    /// Handles one message.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        if self.start.is_some() {
            return start::update(self, msg);
        }
        if msg == Msg::ForceQuit {
            // An untouched game has nothing to keep, and must not push real autosaves out.
            if self.session.is_untouched() {
                return vec![Effect::Quit];
            }
            return vec![Effect::Autosave, Effect::Quit];
        }
        let before = self.session.log.len();
        let effects = match self.overlays.last().cloned() {
            Some(overlay) => self.on_overlay(overlay, msg),
            None => self.on_screen(msg),
        };
        if let Some(mut guide) = self.guide.take() {
            let new: Vec<Command> = self.session.log[before.min(self.session.log.len())..].to_vec();
            if guide.observe(self, msg, &new) {
                self.status =
                    "Guide finished: that is the week's rhythm. ? shows every key.".into();
            } else {
                self.guide = Some(guide);
            }
        }
        effects
    }

    fn on_screen(&mut self, msg: Msg) -> Vec<Effect> {
        let issues = self.session.content.domain.issues.len();
        match msg {
            Msg::Up if self.screen == Screen::News => self.scroll = self.scroll.saturating_add(1),
            Msg::Down if self.screen == Screen::News => self.scroll = self.scroll.saturating_sub(1),
            Msg::Up => self.cursor = self.cursor.saturating_sub(1),
            Msg::Down => {
                let rows = if self.screen.selects_tracks() {
                    game::TrackId::ALL.len()
                } else {
                    issues
                };
                self.cursor = (self.cursor + 1).min(rows - 1);
            }
            Msg::ClickIssue(i) if i < issues => {
                self.switch(Screen::Table);
                self.cursor = i;
            }
            Msg::ClickTrack(i) if i < game::TrackId::ALL.len() => {
                self.switch(Screen::Dashboard);
                self.cursor = i;
            }
            Msg::Guide => {
                if self.guide.take().is_some() {
                    self.status = "Guide hidden; G shows it again.".into();
                } else if !self.session.state.is_over() {
                    self.guide = Some(Guide::new(self.session.state.round));
                }
            }
            Msg::Left | Msg::Right if self.screen == Screen::Table => {
                let step = if msg == Msg::Left { -1 } else { 1 };
                if let Some(clause) = self.next_clause(step) {
                    return self.run(Command::Draft {
                        issue: self.selected_issue(),
                        clause,
                    });
                }
            }
            Msg::Defer if self.screen == Screen::Table => {
                let issue = self.selected_issue();
                let clause = if self.session.state.text.clause(issue) == Clause::Deferred {
                    Clause::Open
                } else {
                    Clause::Deferred
                };
                return self.run(Command::Draft { issue, clause });
            }
            Msg::Table => return self.run(Command::Table(Audience::Both)),
            Msg::TableOne => self.overlays.push(Overlay::Menu(menu::table_one())),
            Msg::Caucus => self.overlays.push(Overlay::Menu(menu::caucus(self))),
            Msg::Errand => self.overlays.push(Overlay::Menu(menu::errand(self))),
            Msg::Goodwill => self.overlays.push(Overlay::Menu(menu::goodwill(self))),
            Msg::Statement => self.overlays.push(Overlay::Menu(menu::statement(self))),
            Msg::OffTheRecord => return self.run(Command::OffTheRecord),
            Msg::Extension => self.overlays.push(Overlay::Confirm(Confirm::Extension)),
            Msg::Link => return self.link(),
            Msg::Odds => return self.ask_advisor(),
            Msg::EndRound => {
                if self.session.state.action_points > 0 && !self.session.state.is_over() {
                    self.overlays.push(Overlay::Confirm(Confirm::EndRound));
                } else {
                    return self.run(Command::EndRound);
                }
            }
            Msg::NextScreen | Msg::PrevScreen => {
                let i = Screen::ALL
                    .iter()
                    .position(|&s| s == self.screen)
                    .unwrap_or(0);
                let n = Screen::ALL.len();
                let next = if msg == Msg::NextScreen {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.switch(Screen::ALL[next]);
            }
            Msg::Screen(k) if k < Screen::ALL.len() => self.switch(Screen::ALL[k]),
            // The news counts back from its newest line, so PgUp (older) scrolls further back.
            Msg::ScrollUp if self.screen == Screen::News => {
                self.scroll = self.scroll.saturating_add(5);
            }
            Msg::ScrollDown if self.screen == Screen::News => {
                self.scroll = self.scroll.saturating_sub(5);
            }
            Msg::ScrollUp => self.scroll = self.scroll.saturating_sub(5),
            Msg::ScrollDown => self.scroll = self.scroll.saturating_add(5),
            Msg::Save => return vec![Effect::Save],
            Msg::Report => return vec![Effect::WriteReport],
            Msg::Reflect => {
                let offered = self.reopen_reflection();
                if !offered {
                    self.status = "No journal prompt is waiting for an answer.".into();
                }
            }
            Msg::Help => self.overlays.push(Overlay::Help),
            Msg::Quit => {
                if self.session.saved {
                    return vec![Effect::Quit];
                }
                self.overlays.push(Overlay::Confirm(Confirm::Quit));
            }
            Msg::Confirm if self.session.state.is_over() => {
                self.scroll = 0;
                self.overlays.push(Overlay::End);
            }
            _ => {}
        }
        Vec::new()
    }

    fn switch(&mut self, screen: Screen) {
        if self.screen != screen {
            // The dashboard selects tracks; coming back, the table keeps its issue.
            if screen.selects_tracks() != self.screen.selects_tracks() {
                std::mem::swap(&mut self.cursor, &mut self.other_cursor);
            }
            self.screen = screen;
            self.scroll = 0;
        }
    }

    /// The next available clause of the selected issue, left (US end) or right (Iran end).
    fn next_clause(&self, step: i32) -> Option<Clause> {
        let id = self.selected_issue();
        let now = self.session.state.text.clause(id);
        // From an open or deferred clause, the walk starts at the end it moves away from.
        let beyond = |o| match now {
            Clause::Option(now) if step > 0 => o > now,
            Clause::Option(now) => o < now,
            Clause::Open | Clause::Deferred => true,
        };
        let mut ahead = self
            .session
            .content
            .domain
            .issue(id)
            .option_choices()
            .filter(|&o| beyond(o));
        let available = |&o: &_| {
            self.session
                .state
                .is_available(&self.session.content, id, o)
        };
        let next = if step > 0 {
            ahead.find(available)
        } else {
            ahead.rev().find(available)
        };
        next.map(Clause::Option)
    }

    fn link(&mut self) -> Vec<Effect> {
        let here = self.selected_issue();
        match self.link_mark.take() {
            None => {
                self.link_mark = Some(here);
                let name = &self.session.content.domain.issue(here).name;
                self.status = format!(
                    "Link: {name} marked. Select a second issue, set its option, press m again."
                );
                Vec::new()
            }
            Some(first) if first == here => {
                self.status = "Link cancelled.".into();
                Vec::new()
            }
            Some(first) => {
                let text = &self.session.state.text;
                self.run(Command::Link {
                    first: (first, text.clause(first)),
                    second: (here, text.clause(here)),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{app, close_all};
    use super::*;
    use crate::model::{Choice, IssueId};

    #[test]
    fn arrows_draft_and_t_tables() {
        let mut a = app();
        close_all(&mut a);
        a.update(Msg::Right);
        assert_eq!(
            a.session.state.text.clause(IssueId(0)),
            Clause::Option(Choice(0))
        );
        a.update(Msg::Table);
        assert!(
            a.status.to_lowercase().contains("draft the"),
            "{}",
            a.status
        );
        for i in 0..5 {
            a.cursor = i;
            a.update(Msg::Right);
            a.update(Msg::Right);
        }
        let before = a.session.state.action_points;
        a.update(Msg::Table);
        assert_eq!(a.session.state.action_points, before - 1);
        assert!(
            a.session
                .state
                .delegation(game::Side::Us)
                .last_reply
                .is_some()
        );
    }

    #[test]
    fn locked_options_are_skipped_while_drafting() {
        let mut a = app();
        close_all(&mut a);
        a.cursor = 1; // stockpile: "ship to Russia" starts locked
        a.update(Msg::Right);
        assert_eq!(
            a.session.state.text.clause(IssueId(1)),
            Clause::Option(Choice(1))
        );
        a.update(Msg::Left);
        assert_eq!(
            a.session.state.text.clause(IssueId(1)),
            Clause::Option(Choice(1))
        );
    }

    #[test]
    fn quit_asks_when_unsaved_and_ctrl_c_does_not() {
        // No move made yet (answering a week-1 crisis would be one).
        let mut a = super::super::testing::acting(game::Difficulty::Normal);
        assert_eq!(a.update(Msg::Quit), vec![Effect::Quit]);
        a.update(Msg::Right);
        assert!(a.update(Msg::Quit).is_empty());
        assert_eq!(a.top(), Some(&Overlay::Confirm(Confirm::Quit)));
        assert_eq!(a.update(Msg::Yes), vec![Effect::Autosave, Effect::Quit]);
        assert_eq!(
            a.update(Msg::ForceQuit),
            vec![Effect::Autosave, Effect::Quit]
        );
    }
}
