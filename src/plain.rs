//! The line-by-line text mode (`muscat play --plain`): no screen drawing, one command per line on
//! stdin, plain sentences on stdout. For screen readers and scripts.

use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::process::ExitCode;

mod inspect;

use crate::app::{App, Effect, Msg, Overlay};
use crate::game::{Audience, CaucusKind, Clause, Command, Errand, Phase, Side, Statement, TrackId};
use crate::model::{Choice, IssueId};
use crate::narrate::{describe, effects};
use crate::run::Runner;

const HELP: &str = "Commands (any unique prefix works):
  status                      the week, tracks, text and last replies
  draft ISSUE OPTION|defer    e.g. draft enrichment cap-367 (ids as listed by status)
  table [us|iran]             table the text to both, or one (1 action)
  probe|reassure|pressure us|iran      caucus with a delegation (1 action)
  test us|iran ISSUE          test the drafted clause on one side (1 action)
  link ISSUE ISSUE            sound out the two drafted clauses as a package (1 action)
  goodwill us|iran            ask a delegation to bend this week (1 action)
  errand russia|iaea|gulf|qatar|e3     (1 action)
  offrecord                   off-the-record session (1 action)
  announce | restraint        public statement (1 action)
  extension                   two more weeks (once)
  choose N                    answer the event card
  end                         end the week
  why TRACK                   what moved a track, e.g. why war (why oil, why breakout, …)
  map                         where the carriers and other forces stand, and why
  reflect [ID ANSWER...]      list the journal prompts, or answer one (saved into the report)
  report                      write the after-action report (Markdown and HTML) beside the saves
  odds                        ask the advisor: the odds if you table now or end the week
  save NAME | help | quit";

/// Runs the text mode until `quit` or the end of input.
pub fn run(app: &mut App, dir: &Path) -> Result<ExitCode, std::io::Error> {
    run_on(
        app,
        dir,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout(),
    )
}

/// The text mode over any input and output (the fuzz test feeds it transcripts).
pub fn run_on(
    app: &mut App,
    dir: &Path,
    input: &mut impl BufRead,
    mut out: &mut impl Write,
) -> Result<ExitCode, std::io::Error> {
    // Plain mode has no start menu, so no save is loaded while it runs: no content folder needed.
    let mut runner = Runner::new(dir, None);
    // A test hook: the debug builds of the test suite rank the week's moves with fewer futures.
    #[cfg(feature = "test-hooks")]
    if let Some(n) = std::env::var("MUSCAT_ADVISOR_FUTURES")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        app.advisor_futures = n;
    }
    let mut printed = 0;
    say(
        &mut out,
        &format!(
            "{}\n{}",
            app.session.content.scenario.title, app.session.content.scenario.briefing
        ),
    );
    say(&mut out, "Type help for commands.");
    flush_news(app, &mut out, &mut printed);
    let mut announced = Vec::new();
    announce(app, &mut out, &mut announced);
    let mut number = 0;
    let mut failure = None;
    loop {
        number += 1;
        let line = match next_line(input) {
            Ok(Line::Text(line)) => line,
            Ok(Line::End) => break,
            Ok(Line::Skipped(why)) => {
                say(&mut out, &format!("Line {number} {why}; it was skipped."));
                continue;
            }
            Err(e) => {
                // The input broke off: the game is autosaved below, then the error is returned.
                failure = Some(e);
                break;
            }
        };
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(first) = words.first() else { continue };
        match expand(first) {
            Some("help") => say(&mut out, HELP),
            Some("status") => say(&mut out, &status(app)),
            Some("why") => say(&mut out, &inspect::why(app, words.get(1))),
            Some("map") => say(&mut out, &inspect::forces(app)),
            Some("quit") => break,
            Some("odds") => {
                let effects = app.ask_advisor();
                runner.perform(app, effects);
                if let Some(Overlay::Odds(ranking)) = app.top() {
                    let odds = crate::ui::odds::lines(&app.session.content, ranking).join("\n");
                    say(&mut out, &odds);
                    say(&mut out, &crate::ui::odds::allowance(app));
                    // Read out, the window is closed as a key would close it.
                    app.update(Msg::Back);
                } else {
                    say(&mut out, &app.status);
                }
            }
            Some("reflect") if words.len() == 1 => say(&mut out, &prompts(app)),
            Some("reflect") if words.len() == 2 => say(
                &mut out,
                &format!(
                    "Write the answer after the id: reflect {} YOUR ANSWER",
                    words[1]
                ),
            ),
            Some("reflect") => {
                // The answer is the rest of the line as typed, spaces and all.
                let rest = line.trim_start()[words[0].len()..].trim_start();
                let answer = rest[words[1].len()..].trim();
                let reflect = Command::Reflect {
                    id: words[1].to_string(),
                    answer: answer.to_string(),
                };
                play(app, &mut runner, reflect);
                flush_news(app, &mut out, &mut printed);
                say(&mut out, &app.status);
            }
            Some("report") => {
                runner.perform(app, vec![Effect::WriteReport]);
                say(&mut out, &app.status);
            }
            Some("save") => {
                let name = words.get(1).copied().unwrap_or("plain");
                match runner.save_as(app, name) {
                    Ok(w) => {
                        if let Some(aside) = &w.set_aside {
                            say(
                                &mut out,
                                &format!(
                                    "The old file was not a readable save; kept as {}.",
                                    aside.display()
                                ),
                            );
                        }
                        say(&mut out, &format!("Saved to {}.", w.path.display()));
                    }
                    Err(e) => say(&mut out, &format!("Could not save: {e}")),
                }
            }
            Some(verb) => match command(app, verb, &words[1..]) {
                Ok(cmd) => {
                    let before = app.session.log.len();
                    let before_news = app.session.state.log.len();
                    play(app, &mut runner, cmd.clone());
                    flush_news(app, &mut out, &mut printed);
                    if app.session.log.len() == before {
                        // Refused: the reason. A move that went through is told by its news.
                        say(&mut out, &app.status);
                    } else if let Command::Draft { issue, clause } = cmd {
                        let i = app.session.content.domain.issue(issue);
                        let label = match clause {
                            Clause::Option(c) => i.choice_label(c).to_string(),
                            Clause::Deferred => "deferred".to_string(),
                            Clause::Open => "open".to_string(),
                        };
                        say(&mut out, &format!("Drafted: {}: {label}.", i.name));
                    }
                    if app.session.state.is_over() {
                        say(
                            &mut out,
                            "The talks are over. Type report for the after-action report, or quit.",
                        );
                    }
                    if let Command::Errand(_) = cmd {
                        offer_unlocked(app, &mut out, before_news);
                    }
                    announce(app, &mut out, &mut announced);
                }
                Err(e) => say(&mut out, &e),
            },
            None => say(
                &mut out,
                &format!("Unknown or ambiguous command \"{first}\". Type help."),
            ),
        }
    }
    if !app.session.is_untouched()
        && let Err(e) = runner.autosave(app)
    {
        say(&mut out, &format!("Could not autosave: {e}"));
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// Longest input line read; a longer one is skipped, so no line can exhaust memory.
const MAX_LINE: usize = 64 * 1024;

/// One line of input: its text, why it was skipped, or the end of input.
enum Line {
    Text(String),
    Skipped(String),
    End,
}

/// Reads one line as bytes, so a line that is not UTF-8 (or is too long) is told and skipped
/// instead of ending the game.
fn next_line(input: &mut impl BufRead) -> std::io::Result<Line> {
    let mut bytes = Vec::new();
    let read = Read::take(&mut *input, MAX_LINE as u64 + 1).read_until(b'\n', &mut bytes)?;
    if read == 0 {
        return Ok(Line::End);
    }
    if bytes.len() > MAX_LINE && bytes.last() != Some(&b'\n') {
        // Drop the rest of the long line.
        let mut rest = Vec::new();
        while Read::take(&mut *input, MAX_LINE as u64).read_until(b'\n', &mut rest)? > 0
            && rest.last() != Some(&b'\n')
        {
            rest.clear();
        }
        return Ok(Line::Skipped(format!("is longer than {MAX_LINE} bytes")));
    }
    while matches!(bytes.last(), Some(b'\n' | b'\r')) {
        bytes.pop();
    }
    Ok(match String::from_utf8(bytes) {
        Ok(text) => Line::Text(text),
        Err(e) => Line::Skipped(format!(
            "is not valid text (byte {} is not UTF-8)",
            e.utf8_error().valid_up_to() + 1
        )),
    })
}

/// Applies a typed command and carries out its effects, the week's autosave included: plain mode
/// cannot catch Ctrl-C, SIGTERM or SIGHUP without unsafe code or a new dependency, so it autosaves
/// at the start of every week (and at every other way out: end of input, `quit`, a read error),
/// and a signal loses at most the current week.
fn play(app: &mut App, runner: &mut Runner, command: Command) {
    let effects = app.run(command);
    runner.perform(app, effects);
}

fn say(out: &mut impl Write, text: &str) {
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

const VERBS: [&str; 28] = [
    "help",
    "status",
    "quit",
    "save",
    "draft",
    "table",
    "probe",
    "reassure",
    "pressure",
    "test",
    "link",
    "goodwill",
    "errand",
    "offrecord",
    "announce",
    "restraint",
    "extension",
    "choose",
    "end",
    "defer",
    "cards",
    "news",
    "text",
    "why",
    "map",
    "reflect",
    "report",
    "odds",
];

/// Says each journal prompt once, when it comes due.
fn announce(app: &App, out: &mut impl Write, announced: &mut Vec<String>) {
    for p in crate::game::reflect::pending(&app.session.content, &app.session.state) {
        if !announced.contains(&p.id) {
            say(
                out,
                &format!(
                    "Journal prompt {}: {} (answer with: reflect {} ...)",
                    p.id, p.prompt, p.id
                ),
            );
            announced.push(p.id.clone());
        }
    }
}

/// Every journal prompt with its state.
fn prompts(app: &App) -> String {
    let all = &app.session.content.scenario.reflections;
    if all.is_empty() {
        return "This scenario has no journal prompts.".into();
    }
    all.iter()
        .map(|p| {
            let state = match crate::game::reflect::answer(&app.session.state, &p.id) {
                Some(a) => format!("answered: {}", a.text),
                None if crate::game::reflect::is_due(&app.session.state, p) => "due now".into(),
                None => match p.at {
                    crate::content::Checkpoint::Round(n) => format!("comes in week {n}"),
                    crate::content::Checkpoint::End => "comes at the end".into(),
                },
            };
            format!("{}: {} [{state}]", p.id, p.prompt)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The verb a unique prefix stands for.
fn expand(word: &str) -> Option<&'static str> {
    let word = word.to_ascii_lowercase();
    if let Some(exact) = VERBS.iter().find(|v| **v == word) {
        return Some(exact);
    }
    let matches: Vec<&&str> = VERBS.iter().filter(|v| v.starts_with(&word)).collect();
    (matches.len() == 1).then(|| *matches[0])
}

fn side(word: Option<&&str>) -> Result<Side, String> {
    match word.map(|w| w.to_ascii_lowercase()).as_deref() {
        Some(w) if "us".starts_with(w) || w == "usa" => Ok(Side::Us),
        Some(w) if "iran".starts_with(w) => Ok(Side::Iran),
        _ => Err("Say which delegation: us or iran.".into()),
    }
}

fn issue(app: &App, word: Option<&&str>) -> Result<IssueId, String> {
    let w = word
        .ok_or("Name an issue (see status).")?
        .to_ascii_lowercase();
    let domain = &app.session.content.domain;
    let found: Vec<IssueId> = match domain.issue_index(&w) {
        Some(k) => vec![k],
        None => domain
            .each_issue()
            .filter(|(_, i)| i.id.starts_with(&w))
            .map(|(k, _)| k)
            .collect(),
    };
    match found.as_slice() {
        [one] => Ok(*one),
        _ => Err(format!("Unknown or ambiguous issue \"{w}\".")),
    }
}

fn command(app: &App, verb: &str, args: &[&str]) -> Result<Command, String> {
    Ok(match verb {
        "draft" => {
            let i = issue(app, args.first())?;
            let issue = app.session.content.domain.issue(i);
            let w = args
                .get(1)
                .ok_or("Name an option (see status).")?
                .to_ascii_lowercase();
            let clause = if w == "defer" || w == "deferred" {
                Clause::Deferred
            } else {
                let exact = issue.option_index(&w);
                let found: Vec<Choice> = exact.map_or_else(
                    || {
                        issue
                            .each_option()
                            .filter(|(_, o)| o.id.starts_with(&w))
                            .map(|(k, _)| k)
                            .collect()
                    },
                    |k| vec![k],
                );
                match found.as_slice() {
                    [one] => Clause::Option(*one),
                    _ => {
                        return Err(format!(
                            "Unknown or ambiguous option \"{w}\" for {}.",
                            issue.id
                        ));
                    }
                }
            };
            Command::Draft { issue: i, clause }
        }
        "defer" => Command::Draft {
            issue: issue(app, args.first())?,
            clause: Clause::Deferred,
        },
        "table" => match args.first() {
            None => Command::Table(Audience::Both),
            some => Command::Table(Audience::One(side(some)?)),
        },
        "probe" | "reassure" | "pressure" => Command::Caucus {
            side: side(args.first())?,
            kind: match verb {
                "probe" => CaucusKind::Probe,
                "reassure" => CaucusKind::Reassure,
                _ => CaucusKind::RelayPressure,
            },
        },
        "test" => {
            let s = side(args.first())?;
            let i = issue(app, args.get(1))?;
            Command::Caucus {
                side: s,
                kind: CaucusKind::TestIdea {
                    issue: i,
                    clause: app.session.state.text.clause(i),
                },
            }
        }
        "link" => {
            let a = issue(app, args.first())?;
            let b = issue(app, args.get(1))?;
            let text = &app.session.state.text;
            Command::Link {
                first: (a, text.clause(a)),
                second: (b, text.clause(b)),
            }
        }
        "goodwill" => Command::SpendGoodwill(side(args.first())?),
        "errand" => {
            let w = args
                .first()
                .map(|w| w.to_ascii_lowercase())
                .unwrap_or_default();
            let e = Errand::ALL
                .into_iter()
                .find(|e| !w.is_empty() && format!("{e:?}").to_ascii_lowercase().starts_with(&w))
                .ok_or("Errand to whom: russia, iaea, gulf, qatar or e3?")?;
            Command::Errand(e)
        }
        "offrecord" => Command::OffTheRecord,
        "announce" => Command::Statement(Statement::AnnounceProgress),
        "restraint" => Command::Statement(Statement::UrgeRestraint),
        "extension" => Command::RequestExtension,
        "choose" => {
            let n: u8 = args
                .first()
                .and_then(|w| w.parse().ok())
                .ok_or("Choose which? e.g. choose 1")?;
            Command::ChooseCardOption(n.saturating_sub(1))
        }
        "end" => Command::EndRound,
        _ => return Err("Type help for commands.".into()),
    })
}

/// What an errand put on the table, with the line that drafts it (the screen asks instead).
fn offer_unlocked(app: &App, out: &mut impl Write, from: usize) {
    let content = &app.session.content;
    for (_, e) in &app.session.state.log[from..] {
        if let crate::game::Event::Unlocked { issue, option } = *e {
            let i = content.domain.issue(issue);
            say(
                out,
                &format!(
                    "To draft it: draft {} {}",
                    i.id,
                    i.options[option.index()].id
                ),
            );
        }
    }
}

fn flush_news(app: &App, out: &mut impl Write, printed: &mut usize) {
    for (_, e) in &app.session.state.log[*printed..] {
        if let Some(line) = describe(&app.session.content, e) {
            say(out, &line);
        }
        if let crate::game::Event::CardDrawn { card, .. } = e
            && let Some(c) = app.session.content.card(card)
        {
            // The same as the card pop-up: text, effects, history with its source, concepts.
            say(out, &format!("  {}", c.text));
            if !c.effects.is_empty() {
                say(
                    out,
                    &format!("  Effects: {}", effects(&app.session.content, &c.effects)),
                );
            }
            say(out, &format!("  {}", crate::narrate::basis(&c.basis, true)));
            if let Some(line) = crate::narrate::basis_sources(&c.basis) {
                say(out, &format!("  {line}"));
            }
            let concepts: Vec<&str> = c
                .concepts
                .iter()
                .filter_map(|id| app.session.content.concept(id).map(|x| x.term.as_str()))
                .collect();
            if !concepts.is_empty() {
                say(out, &format!("  Concepts: {}", concepts.join(", ")));
            }
            for (k, choice) in c.choices.iter().enumerate() {
                say(
                    out,
                    &format!(
                        "  choose {}: {} ({})",
                        k + 1,
                        choice.label,
                        effects(&app.session.content, &choice.effects)
                    ),
                );
            }
        }
    }
    *printed = app.session.state.log.len();
}

fn status(app: &App) -> String {
    let s = &app.session.state;
    let mut lines = vec![format!(
        "Week {} of {}, {} actions left, seed {}.{}",
        s.round,
        s.deadline,
        s.action_points,
        s.seed,
        if let Phase::Choosing(id) = &s.phase {
            if app.session.content.crisis(id).is_some() {
                " A crisis waits for your answer (choose N)."
            } else {
                " A card waits for your choice."
            }
        } else {
            ""
        }
    )];
    lines.push(
        TrackId::ALL
            .iter()
            .map(|&t| {
                format!(
                    "{} {}",
                    t.name(),
                    crate::narrate::track_value(t, s.track(t))
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    );
    // The same US posture banner as the table screen.
    lines.extend(crate::narrate::posture(&app.session.content, s));
    for (i, issue) in app.session.content.domain.each_issue() {
        let clause = match s.text.clause(i) {
            Clause::Open => "not drafted".to_string(),
            Clause::Deferred => "deferred".to_string(),
            Clause::Option(o) => issue.options[o.index()].id.clone(),
        };
        // A locked option is listed so the player knows it exists, with what would open it.
        let options: Vec<String> = issue
            .each_option()
            .map(|(c, o)| {
                if s.is_available(&app.session.content, i, c) {
                    o.id.clone()
                } else {
                    format!("{} (locked)", o.id)
                }
            })
            .collect();
        let locked = crate::narrate::locked(&app.session.content, s, i)
            .map_or_else(String::new, |l| format!("; {l}"));
        lines.push(format!(
            "{}: {clause} (options: {}){locked}",
            issue.id,
            options.join(", ")
        ));
    }
    for side in Side::BOTH {
        if let Some(r) = &s.delegation(side).last_reply {
            lines.push(format!(
                "{} last said: {}",
                side.name(),
                describe(
                    &app.session.content,
                    &crate::game::Event::Replied(Box::new(r.clone()))
                )
                .unwrap_or_default()
            ));
        }
    }
    lines.join("\n")
}
