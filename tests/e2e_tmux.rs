//! End-to-end tests of the real binary in a real terminal, driven through tmux on a private
//! socket: keys, mouse clicks, a whole game, resizing, NO_COLOR, and the terminal restored after
//! quitting and after a panic.

// These tests wait on a real process with a deadline; the clock is theirs, not the game's.
#![allow(clippy::disallowed_methods)]

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

const SOCKET: &str = "muscat-tests";

/// A tmux session running the game; killed on drop.
struct Session {
    name: String,
}

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux")
        .arg("-L")
        .arg(SOCKET)
        .args(args)
        .output()
        .expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether tmux is here to run `test`. Elsewhere its absence is a skip, said on stderr; in CI
/// (`CI` set) it is a failure, so a runner without tmux cannot pass these tests by skipping them.
fn have_tmux(test: &str) -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{test}: tmux is not installed, and CI is set: CI must run the tmux tests (install tmux)"
        );
        // Written to stderr itself, past the test harness's capture, so the skip is seen.
        let _ = writeln!(
            std::io::stderr(),
            "skipped {test}: tmux is not installed (with CI set, this fails instead)"
        );
    }
    found
}

impl Session {
    fn start(test: &str, args: &str, env: &str) -> Session {
        let name = format!("{test}-{}", std::process::id());
        let dir = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let bin = env!("CARGO_BIN_EXE_muscat");
        let cmd = format!("env TERM=xterm-256color {env} {bin} {args}; echo EXITED=$?; sleep 30");
        tmux(&[
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            "80",
            "-y",
            "24",
            "-c",
            dir.to_str().expect("utf-8 path"),
            "sh",
            "-c",
            &cmd,
        ]);
        Session { name }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            tmux(&["send-keys", "-t", &self.name, k]);
        }
    }

    fn screen(&self) -> String {
        tmux(&["capture-pane", "-p", "-t", &self.name])
    }

    fn screen_with_escapes(&self) -> String {
        tmux(&["capture-pane", "-p", "-e", "-t", &self.name])
    }

    /// Waits until the screen contains `text`, or fails showing the screen.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Alternate screen and mouse tracking flags of the pane.
    fn modes(&self) -> String {
        tmux(&[
            "display-message",
            "-p",
            "-t",
            &self.name,
            "#{alternate_on} #{mouse_any_flag}",
        ])
        .trim()
        .to_string()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        tmux(&["kill-session", "-t", &self.name]);
    }
}

#[test]
fn help_opens_and_q_quits_with_the_terminal_restored() {
    if !have_tmux("help_opens_and_q_quits_with_the_terminal_restored") {
        return;
    }
    // Seed 5 opens on a card without choices (seed 42 opens on a crisis to answer, a move).
    let s = Session::start("help-quit", "--seed 5 --save-dir saves", "");
    s.wait_for("Enter to begin");
    assert_eq!(
        s.modes(),
        "1 1",
        "alternate screen and mouse on while playing"
    );
    // Escape followed at once by another key reads as Alt+key, so windows are closed with Enter
    // and Escape is only sent on its own.
    s.keys(&["Enter", "Enter", "?"]);
    s.wait_for("Keys (");
    s.keys(&["Escape"]);
    s.wait_for("Draft text (");
    s.keys(&["q"]);
    let screen = s.wait_for("EXITED=0");
    // Nothing was played, so nothing was autosaved (an empty game must not push real autosaves
    // out); the seed is still printed.
    assert!(screen.contains("Seed 5."), "{screen}");
    assert_eq!(s.modes(), "0 0", "alternate screen and mouse restored");
}

#[test]
fn a_week_is_played_with_keys_and_ctrl_c_keeps_the_game() {
    if !have_tmux("a_week_is_played_with_keys_and_ctrl_c_keeps_the_game") {
        return;
    }
    let s = Session::start("week", "--seed 5 --save-dir saves", "");
    s.wait_for("Enter to begin");
    s.keys(&["Enter"]);
    // Close the card (or decide on it), then draft five clauses and table them.
    s.keys(&["Enter"]);
    s.wait_for("Draft text (");
    for _ in 0..5 {
        s.keys(&["l", "l", "j"]);
    }
    s.keys(&["t"]);
    s.wait_for("See the delegations panel");
    s.keys(&["n", "y"]);
    s.wait_for("Week 2/12");
    s.keys(&["C-c"]);
    s.wait_for("EXITED=0");
    assert_eq!(s.modes(), "0 0");
    let dir = std::env::temp_dir()
        .join(&s.name)
        .join("saves/autosave.ron");
    let text = std::fs::read_to_string(&dir).expect("autosave written");
    assert!(text.contains("seed: 5"), "autosave holds the seed");
    let out = Command::new(env!("CARGO_BIN_EXE_muscat"))
        .args(["replay", "--verify"])
        .arg(&dir)
        .output()
        .expect("replay runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn no_color_draws_without_colour_codes_and_small_terminals_are_told() {
    if !have_tmux("no_color_draws_without_colour_codes_and_small_terminals_are_told") {
        return;
    }
    let s = Session::start("nocolor", "--seed 3", "NO_COLOR=1");
    s.wait_for("Enter to begin");
    let raw = s.screen_with_escapes();
    assert!(raw.contains("\u{1b}["), "emphasis is still drawn");
    for sgr in raw.split("\u{1b}[").skip(1) {
        let params = sgr.split('m').next().unwrap_or("");
        for p in params.split(';').filter_map(|p| p.parse::<u32>().ok()) {
            let colour = matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107);
            assert!(!colour, "colour code {p} in NO_COLOR output: {params}");
        }
    }
    tmux(&["resize-window", "-t", &s.name, "-x", "60", "-y", "14"]);
    s.wait_for("Terminal too small");
    tmux(&["resize-window", "-t", &s.name, "-x", "80", "-y", "24"]);
    s.wait_for("Enter to begin");
    s.keys(&["C-c"]);
    s.wait_for("EXITED=0");
}

/// An SGR mouse press and release at a 1-based column and row, as a terminal sends them.
fn click(s: &Session, column: u16, row: u16) {
    for end in ['M', 'm'] {
        let seq = format!("\u{1b}[<0;{column};{row}{end}");
        tmux(&["send-keys", "-t", &s.name, "-l", &seq]);
    }
}

#[test]
fn a_mouse_click_selects_an_issue_and_a_screen() {
    if !have_tmux("a_mouse_click_selects_an_issue_and_a_screen") {
        return;
    }
    let s = Session::start("mouse", "--seed 42 --no-guide --save-dir saves", "");
    s.wait_for("Enter to begin");
    s.keys(&["Enter", "Enter"]);
    s.wait_for("Draft text (");
    // Row 9 (1-based) is the third issue: header, status, the two lines of the US posture,
    // border, column header, then issues.
    click(&s, 10, 9);
    let screen = s.wait_for("▶ Verification");
    assert!(!screen.contains("▶ Enrichment"), "{screen}");
    // The header tab "3Dash" opens the dashboard.
    let header = screen.lines().next().unwrap_or_default();
    let col = header
        .find("3Dash")
        .map(|b| header[..b].chars().count())
        .expect("tab");
    click(&s, col as u16 + 2, 1);
    s.wait_for("Why? Newest first");
    s.keys(&["C-c"]);
    s.wait_for("EXITED=0");
}

#[test]
fn a_panic_restores_the_terminal() {
    if !have_tmux("a_panic_restores_the_terminal") {
        return;
    }
    let s = Session::start(
        "panic",
        "--seed 42 --save-dir saves",
        // Without a backtrace, so the panic message is still on the 24-line screen.
        "RUST_BACKTRACE=0 MUSCAT_TEST_PANIC_KEY=%",
    );
    s.wait_for("Enter to begin");
    assert_eq!(s.modes(), "1 1");
    s.keys(&["%"]);
    let screen = s.wait_for("EXITED=101");
    assert!(screen.contains("deliberate panic"), "{screen}");
    assert_eq!(s.modes(), "0 0", "alternate screen and mouse restored");
}

/// Answers the scenario's journal prompt if one is open (they come due in some weeks).
fn answer_any_journal_prompt(s: &Session) {
    if s.screen().contains("Journal: a cable") {
        s.keys(&["noted", "Enter"]);
        s.wait_for("Answer saved in the journal");
    }
}

#[test]
fn a_whole_game_played_with_keys_reaches_the_debrief() {
    if !have_tmux("a_whole_game_played_with_keys_reaches_the_debrief") {
        return;
    }
    let s = Session::start("whole", "--seed 9 --save-dir saves", "");
    s.wait_for("Enter to begin");
    s.keys(&["Enter", "Enter"]);
    s.wait_for("Guide 2/7");
    for _ in 0..5 {
        s.keys(&["l", "l", "j"]);
    }
    s.keys(&["t"]);
    s.wait_for("See the delegations panel");
    let mut over = false;
    for week in 2..=14 {
        // A journal prompt that has come due takes typed text first.
        answer_any_journal_prompt(&s);
        s.keys(&["n", "y"]);
        let start = Instant::now();
        loop {
            let screen = s.screen();
            if screen.contains("Journal: a cable") {
                // The prompt took the keys as text: answer it and end the week again.
                answer_any_journal_prompt(&s);
                s.keys(&["n", "y"]);
                continue;
            }
            if screen.contains("Debrief") || screen.contains("talks are over") {
                over = true;
                break;
            }
            if screen.contains(&format!("Week {week}/")) {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
        if over {
            break;
        }
        // Close the week's card, choosing its first answer if it asks for one.
        s.keys(&["Enter"]);
        s.wait_for("Draft text (");
        std::thread::sleep(Duration::from_millis(200));
        answer_any_journal_prompt(&s);
        s.keys(&["t"]);
    }
    assert!(over, "the game ended within its weeks");
    s.wait_for("Debrief: the talks are over");
    s.keys(&["s"]);
    s.wait_for("Saved to");
    s.keys(&["q"]);
    s.wait_for("EXITED=0");
    assert_eq!(s.modes(), "0 0");
}

#[test]
fn a_journal_prompt_takes_typed_text_and_w_writes_the_report() {
    if !have_tmux("a_journal_prompt_takes_typed_text_and_w_writes_the_report") {
        return;
    }
    let s = Session::start("journal", "--seed 5 --save-dir saves", "");
    s.wait_for("Enter to begin");
    s.keys(&["Enter", "Enter"]);
    s.wait_for("Draft text (");
    s.keys(&["n", "y"]);
    s.wait_for("Week 2/12");
    // The journal prompt comes first, over the week's card, so no key meant for the table
    // lands in it by surprise.
    s.wait_for("Journal: a cable to Muscat");
    // Letters that are keys elsewhere (q quits, n ends the week) are text here.
    s.keys(&["quiet nerves"]);
    s.wait_for("> quiet nerves");
    s.keys(&["BSpace", "Enter"]);
    s.wait_for("Answer saved in the journal");
    s.wait_for("Enter or Esc to continue");
    s.keys(&["Enter"]);
    s.wait_for("Draft text (");
    s.keys(&["w"]);
    s.wait_for("Report written");
    let dir = std::env::temp_dir().join(&s.name).join("saves");
    let page = std::fs::read_to_string(dir.join("muscat-2026-5-report.html")).expect("report");
    assert!(page.contains("quiet nerve<"), "the answer is in the report");
    assert!(dir.join("muscat-2026-5-report.md").is_file());
    assert!(
        dir.join("muscat-2026-5.ron").is_file(),
        "saved beside the report"
    );
    s.keys(&["q"]);
    s.wait_for("EXITED=0");
}

/// Writes a few moves of a game as the autosave of a session's folder, before the session starts.
fn autosave_in(test: &str) -> std::path::PathBuf {
    use muscat::content::Content;
    use muscat::game::{Command as Move, Difficulty, replay};
    let dir = std::env::temp_dir()
        .join(format!("{test}-{}", std::process::id()))
        .join("saves");
    let _ = std::fs::remove_dir_all(&dir);
    let content = Content::builtin();
    let log = [Move::EndRound, Move::EndRound];
    let state = replay(&content, 77, Difficulty::Normal, &log).expect("replays");
    muscat::save::autosave(&dir, &muscat::save::SaveFile::new(&content, &state, &log))
        .expect("autosave");
    dir
}

#[test]
fn an_autosave_is_offered_on_start_and_continues() {
    if !have_tmux("an_autosave_is_offered_on_start_and_continues") {
        return;
    }
    autosave_in("continue");
    let s = Session::start("continue", "", "");
    s.wait_for("Continue: seed 77, week");
    s.keys(&["Enter"]);
    s.wait_for("Loaded saves/autosave.ron");
    assert!(s.screen().contains("seed 77"));
    s.keys(&["C-c"]);
    s.wait_for("EXITED=0");
}

#[test]
fn a_broken_save_is_explained_left_alone_and_a_new_game_offered() {
    if !have_tmux("a_broken_save_is_explained_left_alone_and_a_new_game_offered") {
        return;
    }
    let dir = autosave_in("broken");
    let bad = dir.join("homework.ron");
    std::fs::write(&bad, "(\n    format: 2,\n    seed: ").expect("broken file");
    let s = Session::start("broken", "--seed 6 --load saves/homework.ron", "");
    s.wait_for("This save cannot be loaded");
    s.wait_for("the file ends too early");
    s.keys(&["Down", "Enter"]);
    s.wait_for("Pick a save");
    s.wait_for("autosave: seed 77");
    s.keys(&["Escape"]);
    s.wait_for("New game");
    s.keys(&["Enter"]);
    s.wait_for("Enter to begin");
    s.keys(&["C-c"]);
    s.wait_for("EXITED=0");
    assert_eq!(
        std::fs::read_to_string(&bad).expect("still there"),
        "(\n    format: 2,\n    seed: ",
        "the broken save is left as it was"
    );
}

/// Play-test regressions in the real binary: a journal prompt put aside stays aside the next
/// week instead of taking the keys, and the news scrolls back with PgUp to week 1 and forward at
/// the first PgDn (the terminal loop holds the scroll at the oldest line).
#[test]
fn a_prompt_put_aside_stays_aside_and_the_news_scrolls_back() {
    if !have_tmux("a_prompt_put_aside_stays_aside_and_the_news_scrolls_back") {
        return;
    }
    let s = Session::start("aside", "--seed 101 --no-guide --save-dir saves", "");
    s.wait_for("Enter to begin");
    s.keys(&["Enter"]);
    s.keys(&["Enter"]);
    s.wait_for("Draft text (");
    for _ in 0..5 {
        s.keys(&["l", "l", "j"]);
    }
    // Tabling every week fills the news with replies, more than a page of it.
    s.keys(&["t", "n", "y"]);
    s.wait_for("Journal: a cable");
    s.keys(&["Escape"]);
    s.wait_for("Week 2: ");
    s.keys(&["Enter"]);
    s.keys(&["t", "n", "y"]);
    let week3 = s.wait_for("Week 3/12");
    assert!(!week3.contains("Journal: a cable"), "{week3}");
    s.keys(&["Enter"]);
    s.keys(&["t", "n", "y"]);
    s.wait_for("Week 4/12");
    s.keys(&["Enter", "t", "4"]);
    s.wait_for("newest at the bottom");
    for _ in 0..30 {
        s.keys(&["PPage"]);
    }
    let oldest = s.wait_for("── Week 1 ──");
    let top = oldest.lines().nth(3).unwrap_or_default().to_string();
    assert!(top.contains("── Week 1 ──"), "{oldest}");
    s.keys(&["NPage"]);
    let start = Instant::now();
    while s.screen().lines().nth(3).unwrap_or_default() == top {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "PgDn did not answer:\n{}",
            s.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
