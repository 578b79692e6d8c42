//! The guided first round: a few steps that point at the real keys and advance as the player does
//! them. It never takes a key away from the game; `G` hides it, `--no-guide` keeps it off.

use super::{App, Msg, Screen};
use crate::game::Command;

/// One step of the guide, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    CloseWindows,
    SelectIssue,
    Draft,
    Table,
    ReadReplies,
    Caucus,
    EndWeek,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::CloseWindows,
        Step::SelectIssue,
        Step::Draft,
        Step::Table,
        Step::ReadReplies,
        Step::Caucus,
        Step::EndWeek,
    ];

    /// What to do now, naming the keys.
    pub fn text(self) -> &'static str {
        match self {
            Step::CloseWindows => "read the briefing and this week's card; Enter closes them",
            Step::SelectIssue => "↑↓ (or j k) selects an issue of the draft text",
            Step::Draft => "←→ (or h l) picks an option; draft the five nuclear issues",
            Step::Table => "t tables the text to both delegations (1 of your 3 actions)",
            Step::ReadReplies => "2 shows why each delegation answered as it did",
            Step::Caucus => "c meets one side in private: probe it for a priority (1 action)",
            Step::EndWeek => "n ends the week: the world moves, the next card arrives",
        }
    }
}

/// Where the guide stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Guide {
    step: usize,
    /// The week it guides; 0 is the first week.
    week: u32,
}

impl Guide {
    /// A guide through the week `week`: it closes when that week ends, done or not, so a step
    /// the player skips (say, the caucus) does not leave "Guide 6/7" up for the whole game.
    pub fn new(week: u32) -> Guide {
        Guide { step: 0, week }
    }

    pub fn step(self) -> Step {
        Step::ALL[self.step.min(Step::ALL.len() - 1)]
    }

    /// "3/7".
    pub fn progress(self) -> String {
        format!("{}/{}", self.step + 1, Step::ALL.len())
    }

    /// Moves on past every step the player has done; true once the last one is done, or the
    /// guided week is over, or the talks are.
    pub(super) fn observe(&mut self, app: &App, msg: Msg, new: &[Command]) -> bool {
        while self.step < Step::ALL.len() && Self::done(self.step(), app, msg, new) {
            self.step += 1;
        }
        let state = &app.session.state;
        self.step >= Step::ALL.len() || state.round > self.week.max(1) || state.is_over()
    }

    fn done(step: Step, app: &App, msg: Msg, new: &[Command]) -> bool {
        let did = |f: fn(&Command) -> bool| new.iter().any(f) || app.session.log.iter().any(f);
        match step {
            Step::CloseWindows => app.overlays.is_empty(),
            Step::SelectIssue => {
                matches!(msg, Msg::Up | Msg::Down | Msg::ClickIssue(_))
                    || did(|c| matches!(c, Command::Draft { .. }))
            }
            Step::Draft => app
                .session
                .state
                .text
                .package(&app.session.content.domain)
                .is_ok(),
            Step::Table => did(|c| matches!(c, Command::Table(_))),
            Step::ReadReplies => app.screen == Screen::Delegations,
            Step::Caucus => did(|c| matches!(c, Command::Caucus { .. })),
            Step::EndWeek => app.session.state.is_over(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Overlay;
    use crate::content::Content;
    use crate::game::{Difficulty, start};

    fn app() -> App {
        let content = Content::builtin();
        let state = start(&content, 3, Difficulty::Normal);
        App::new(content, state, Vec::new()).with_guide()
    }

    fn step(a: &App) -> Option<Step> {
        a.guide.map(Guide::step)
    }

    #[test]
    fn the_guide_follows_the_player_through_a_first_week() {
        let mut a = app();
        assert_eq!(step(&a), Some(Step::CloseWindows));
        while let Some(top) = a.top().cloned() {
            a.update(if matches!(top, Overlay::Card { .. }) {
                Msg::Confirm
            } else {
                Msg::Back
            });
        }
        assert_eq!(step(&a), Some(Step::SelectIssue));
        a.update(Msg::Down);
        a.update(Msg::Up);
        assert_eq!(step(&a), Some(Step::Draft));
        for _ in 0..5 {
            a.update(Msg::Right);
            a.update(Msg::Right);
            a.update(Msg::Down);
        }
        assert_eq!(step(&a), Some(Step::Table));
        a.update(Msg::Table);
        assert_eq!(step(&a), Some(Step::ReadReplies));
        a.update(Msg::Screen(1));
        assert_eq!(step(&a), Some(Step::Caucus));
        a.update(Msg::Caucus);
        a.update(Msg::Confirm);
        a.update(Msg::Confirm);
        assert_eq!(step(&a), Some(Step::EndWeek));
        a.update(Msg::EndRound);
        a.update(Msg::Yes);
        assert_eq!(step(&a), None, "finished after the first week");
        assert!(a.status.contains("Guide finished"), "{}", a.status);
    }

    #[test]
    fn g_hides_and_shows_the_guide_without_blocking_keys() {
        let mut a = app();
        while !a.overlays.is_empty() {
            a.update(Msg::Confirm);
        }
        a.update(Msg::Guide);
        assert_eq!(a.guide, None);
        a.update(Msg::Right);
        assert_ne!(a.session.state.text.clauses[0], crate::game::Clause::Open);
        a.update(Msg::Guide);
        assert!(a.guide.is_some());
    }

    /// Play-test: a player who never caucused kept "Guide 6/7" on screen for the whole game and
    /// over the debrief.
    #[test]
    fn the_guide_closes_with_its_week_even_with_steps_skipped() {
        let mut a = app();
        while let Some(top) = a.top().cloned() {
            a.update(if matches!(top, Overlay::Card { .. }) {
                Msg::Confirm
            } else {
                Msg::Back
            });
        }
        a.update(Msg::Down);
        assert_eq!(step(&a), Some(Step::Draft));
        a.update(Msg::EndRound);
        a.update(Msg::Yes);
        assert_eq!(step(&a), None, "closed when week 1 ended");
        assert!(a.status.contains("Guide finished"), "{}", a.status);
        // Shown again later with G, it guides that week and closes with it.
        while a.top().is_some() {
            a.update(Msg::Back);
            a.update(Msg::Confirm);
        }
        a.update(Msg::Guide);
        assert_eq!(step(&a), Some(Step::SelectIssue));
        a.update(Msg::EndRound);
        a.update(Msg::Yes);
        assert_eq!(step(&a), None, "closed when week 2 ended");
    }

    #[test]
    fn a_loaded_game_gets_no_guide() {
        let a = app();
        let b = App::new(a.session.content, a.session.state, vec![Command::EndRound]).with_guide();
        assert_eq!(b.guide, None);
    }
}
