//! `muscat negotiate --stdio`: the negotiation engine as an agent any harness can enter, over
//! the JSON-lines protocol of `docs/negotiation-protocol.md` (a domain and this side's
//! preferences in; offers and accept/reject/end decisions out, each with its reason), and
//! `muscat negotiate --game-domain`, which prints the game's own domain in the protocol's words.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::error::CliError;
use crate::content::Content;
use crate::game::{self, Difficulty, Side};
use crate::model::Choice;
use crate::negotiation::{
    Answer, Domain, Issue, IssueOption, Negotiator, PairTerm, Preferences, Proposal, Reason, Space,
    Tactic,
};

/// One issue as the protocol names it: its options, in order.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct IssueSpec {
    name: String,
    options: Vec<String>,
}

/// One line from the harness.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum Request {
    /// The domain and this side's private preferences; starts a new session.
    Setup {
        issues: Vec<IssueSpec>,
        weights: Vec<f64>,
        values: Vec<Vec<f64>>,
        reservation: f64,
        #[serde(default)]
        tactic: Option<String>,
    },
    /// Make an offer (or walk away) at this relative time; `last` when it is the session's
    /// last offer.
    Propose {
        time: f64,
        #[serde(default)]
        last: bool,
    },
    /// Answer the other side's offer at this relative time.
    Respond {
        offer: Vec<usize>,
        time: f64,
        #[serde(default)]
        last: bool,
    },
    /// Learn of an offer of the other side without answering it.
    Observe { offer: Vec<usize>, time: f64 },
}

/// A session in progress.
struct Session {
    space: Space,
    negotiator: Negotiator,
}

/// Reads requests from `input` and writes one answer line per request to `output`. A line that
/// cannot be understood gets an `error` line saying why, and the session goes on.
pub(crate) fn serve(input: impl BufRead, mut output: impl Write) -> std::io::Result<()> {
    let mut session: Option<Session> = None;
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let reply = match handle(&mut session, &line) {
            Ok(reply) => reply,
            Err(message) => json!({"type": "error", "line": n + 1, "message": message}),
        };
        writeln!(output, "{reply}")?;
        output.flush()?;
    }
    Ok(())
}

fn handle(session: &mut Option<Session>, line: &str) -> Result<Value, String> {
    let request: Request = serde_json::from_str(line).map_err(|e| format!("not a request: {e}"))?;
    let check_time = |t: f64| {
        if t.is_finite() && (0.0..=1.0).contains(&t) {
            Ok(t)
        } else {
            Err(format!("time {t} is not in [0, 1]"))
        }
    };
    match request {
        Request::Setup {
            issues,
            weights,
            values,
            reservation,
            tactic,
        } => {
            let tactic = match tactic.as_deref() {
                None => Tactic::PRAGMATIST,
                Some(name) => Tactic::named(name).ok_or_else(|| {
                    format!("unknown tactic \"{name}\" (hawk, pragmatist or dove)")
                })?,
            };
            if !reservation.is_finite() {
                return Err("reservation is not a number".into());
            }
            let domain = Domain {
                issues: issues
                    .into_iter()
                    .map(|i| Issue {
                        id: i.name.clone(),
                        name: i.name,
                        deferrable: false,
                        options: i
                            .options
                            .into_iter()
                            .map(|o| IssueOption {
                                id: o.clone(),
                                label: o,
                                locked: false,
                            })
                            .collect(),
                    })
                    .collect(),
            };
            let prefs = Preferences::new(&domain, weights, values, Vec::<PairTerm>::new())
                .map_err(|e| format!("preferences: {e}"))?;
            let space = Space::new(&domain, &|_, _| true).map_err(|e| format!("domain: {e}"))?;
            let negotiator = Negotiator::new(&space, prefs, reservation, tactic, &|_| true);
            let packages = space.len();
            *session = Some(Session { space, negotiator });
            Ok(json!({"type": "ready", "packages": packages}))
        }
        Request::Propose { time, last } => {
            let time = check_time(time)?;
            let s = session.as_mut().ok_or("no session: send setup first")?;
            Ok(match s.negotiator.propose(&s.space, time, last) {
                Proposal::Offer { index, reason } => json!({
                    "type": "offer",
                    "offer": indices(s.space.get(index)),
                    "reason": reason_json(&reason),
                }),
                Proposal::WalkAway { reason } => {
                    json!({"type": "end", "reason": reason_json(&reason)})
                }
            })
        }
        Request::Respond { offer, time, last } => {
            let time = check_time(time)?;
            let s = session.as_mut().ok_or("no session: send setup first")?;
            let offer = package(&s.space, &offer)?;
            let (answer, reason) = s.negotiator.respond(&s.space, &offer, time, last);
            let kind = match answer {
                Answer::Accept => "accept",
                Answer::Reject => "reject",
                Answer::End => "end",
            };
            Ok(json!({"type": kind, "reason": reason_json(&reason)}))
        }
        Request::Observe { offer, time } => {
            let time = check_time(time)?;
            let s = session.as_mut().ok_or("no session: send setup first")?;
            let offer = package(&s.space, &offer)?;
            s.negotiator.observe(&offer, time);
            Ok(json!({"type": "ok"}))
        }
    }
}

/// A package from option indices, checked against the space.
fn package(space: &Space, offer: &[usize]) -> Result<Vec<Choice>, String> {
    if offer.len() != space.issues() {
        return Err(format!(
            "an offer has {} option indices, the domain {} issues",
            offer.len(),
            space.issues()
        ));
    }
    offer
        .iter()
        .enumerate()
        .map(|(i, &o)| {
            if o < space.choices[i].len() {
                Ok(Choice::at(o))
            } else {
                Err(format!(
                    "issue {i} has {} options; {o} is not one",
                    space.choices[i].len()
                ))
            }
        })
        .collect()
}

fn indices(package: &[Choice]) -> Vec<usize> {
    package.iter().map(|c| c.index()).collect()
}

fn reason_json(reason: &Reason) -> Value {
    serde_json::to_value(reason).unwrap_or(Value::Null)
}

/// The game's domain at the start of a game, as the protocol's setup lines for each side: the
/// options on the table (locked ones left out) and each side's weights and values over them,
/// without the pair terms or red lines (which the protocol's linear form does not carry), with
/// each side's walk-away value as its reservation.
pub(crate) fn game_domain(content: &Content) -> Value {
    let state = game::before_start(content, 0, Difficulty::Normal);
    let mut issues = Vec::new();
    let mut kept = Vec::new();
    for (i, issue) in content.domain.each_issue() {
        let choices: Vec<Choice> = issue
            .choices()
            .filter(|&c| state.is_available(content, i, c))
            .collect();
        issues.push(IssueSpec {
            name: issue.id.clone(),
            options: choices
                .iter()
                .map(|&c| issue.option(c).map_or("deferred".into(), |o| o.id.clone()))
                .collect(),
        });
        kept.push(choices);
    }
    let side = |side: Side| {
        let prefs = &content.delegation(side).prefs;
        let values: Vec<Vec<f64>> = prefs
            .values
            .iter()
            .zip(&kept)
            .map(|(vs, cs)| cs.iter().map(|c| vs[c.index()]).collect())
            .collect();
        json!({
            "type": "setup",
            "issues": issues,
            "weights": prefs.weights,
            "values": values,
            "reservation": game::delegation::walkaway(content.delegation(side), &state).value,
        })
    };
    json!({"us": side(Side::Us), "iran": side(Side::Iran)})
}

/// Runs `muscat negotiate`: prints the game's domain, or serves the protocol on stdin/stdout
/// (clap makes sure one of the two is asked for).
pub(crate) fn run(game_domain_only: bool) -> Result<std::process::ExitCode, CliError> {
    if game_domain_only {
        println!("{}", game_domain(&Content::builtin()));
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    serve(stdin.lock(), stdout.lock()).map_err(CliError::Input)?;
    Ok(std::process::ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn talk(lines: &str) -> Vec<Value> {
        let mut out = Vec::new();
        serve(lines.as_bytes(), &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    const SETUP: &str = r#"{"type":"setup","issues":[{"name":"a","options":["x","y","z"]},{"name":"b","options":["p","q"]}],"weights":[0.6,0.4],"values":[[1,0.5,0],[0,1]],"reservation":0.3,"tactic":"hawk"}"#;

    #[test]
    fn a_session_answers_each_line() {
        let replies = talk(&format!(
            "{SETUP}\n{{\"type\":\"propose\",\"time\":0.1}}\n{{\"type\":\"respond\",\"offer\":[0,1],\"time\":0.2}}\n"
        ));
        assert_eq!(replies[0]["type"], "ready");
        assert_eq!(replies[0]["packages"], 6);
        assert_eq!(replies[1]["type"], "offer");
        assert_eq!(replies[1]["offer"], json!([0, 1]));
        assert_eq!(replies[2]["type"], "accept");
        assert_eq!(replies[2]["reason"]["why"], "meets_target");
    }

    #[test]
    fn bad_lines_get_error_lines_and_the_session_goes_on() {
        let replies = talk(&format!(
            "{{\"type\":\"propose\",\"time\":0.1}}\nnot json\n{SETUP}\n{{\"type\":\"respond\",\"offer\":[0],\"time\":0.2}}\n{{\"type\":\"respond\",\"offer\":[0,7],\"time\":0.2}}\n{{\"type\":\"propose\",\"time\":3}}\n{{\"type\":\"propose\",\"time\":0.5}}\n"
        ));
        let types: Vec<&str> = replies
            .iter()
            .map(|r| r["type"].as_str().unwrap())
            .collect();
        assert_eq!(
            types,
            [
                "error", "error", "ready", "error", "error", "error", "offer"
            ]
        );
        assert_eq!(replies[0]["message"], "no session: send setup first");
        assert_eq!(replies[1]["line"], 2);
        assert!(
            replies[4]["message"]
                .as_str()
                .unwrap()
                .contains("issue 1 has 2 options; 7 is not one")
        );
    }

    #[test]
    fn preferences_that_do_not_fit_are_refused() {
        let bad = SETUP.replace("[[1,0.5,0],[0,1]]", "[[1,0.5,0]]");
        let replies = talk(&format!("{bad}\n"));
        assert_eq!(
            replies[0]["message"],
            "preferences: 1 value lists for a domain of 2 issues"
        );
    }
}
