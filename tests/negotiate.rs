//! `muscat negotiate --stdio` through the real binary: a whole session against a harness that
//! concedes over time, and malformed lines answered with clear error lines, never a panic.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

struct Agent {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Agent {
    fn start() -> Agent {
        let mut child = Command::new(env!("CARGO_BIN_EXE_muscat"))
            .args(["negotiate", "--stdio"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("muscat starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Agent {
            child,
            stdin,
            stdout,
        }
    }

    fn send(&mut self, line: &str) -> Value {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
        let mut reply = String::new();
        self.stdout.read_line(&mut reply).unwrap();
        serde_json::from_str(&reply).unwrap_or_else(|e| panic!("{e}: {reply:?}"))
    }

    /// Closes stdin and returns the exit status and what was written to stderr.
    fn finish(self) -> (bool, String) {
        drop(self.stdin);
        let out = self.child.wait_with_output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).into(),
        )
    }
}

/// Three issues of four options; the engine's side wants low indices, the harness high ones,
/// and they weigh the issues differently, so there is something to trade.
const WEIGHTS_ENGINE: [f64; 3] = [0.5, 0.3, 0.2];
const WEIGHTS_HARNESS: [f64; 3] = [0.2, 0.3, 0.5];
const DOWN: [f64; 4] = [1.0, 0.6, 0.3, 0.0];
const UP: [f64; 4] = [0.0, 0.3, 0.6, 1.0];

fn setup() -> String {
    let issues: Vec<Value> = ["a", "b", "c"]
        .iter()
        .map(|n| json!({"name": n, "options": ["0", "1", "2", "3"]}))
        .collect();
    json!({
        "type": "setup",
        "issues": issues,
        "weights": WEIGHTS_ENGINE,
        "values": [DOWN, DOWN, DOWN],
        "reservation": 0.35,
        "tactic": "pragmatist",
    })
    .to_string()
}

fn utility(weights: &[f64; 3], values: &[f64; 4], offer: &[usize]) -> f64 {
    offer.iter().zip(weights).map(|(&o, w)| w * values[o]).sum()
}

/// The harness's best offer at or above its time-based aspiration, for its own utility.
fn harness_offer(t: f64) -> Vec<usize> {
    let aspiration = 1.0 - 0.7 * t;
    let mut best: Option<(f64, Vec<usize>)> = None;
    for a in 0..4 {
        for b in 0..4 {
            for c in 0..4 {
                let p = vec![a, b, c];
                let mine = utility(&WEIGHTS_HARNESS, &UP, &p);
                let theirs = utility(&WEIGHTS_ENGINE, &DOWN, &p);
                if mine >= aspiration && best.as_ref().is_none_or(|b| theirs > b.0) {
                    best = Some((theirs, p));
                }
            }
        }
    }
    best.map_or(vec![3, 3, 3], |b| b.1)
}

#[test]
fn a_whole_session_through_the_binary_ends_in_a_deal_above_the_walk_away() {
    let mut agent = Agent::start();
    let ready = agent.send(&setup());
    assert_eq!(ready["type"], "ready", "{ready}");
    assert_eq!(ready["packages"], 64);
    let steps = 30;
    let mut deal = None;
    for step in 0..steps {
        let t = f64::from(step + 1) / f64::from(steps + 1);
        let last = step + 1 == steps;
        let reply = agent.send(&json!({"type": "propose", "time": t}).to_string());
        assert_eq!(reply["type"], "offer", "{reply}");
        assert!(reply["reason"]["target"].as_f64().unwrap() >= 0.35);
        let offer: Vec<usize> = serde_json::from_value(reply["offer"].clone()).unwrap();
        if utility(&WEIGHTS_HARNESS, &UP, &offer) >= 1.0 - 0.7 * t {
            deal = Some(offer);
            break;
        }
        let counter = harness_offer(t);
        let answer = agent.send(
            &json!({"type": "respond", "offer": counter, "time": t, "last": last}).to_string(),
        );
        let why = answer["reason"]["why"].as_str().unwrap().to_string();
        match answer["type"].as_str().unwrap() {
            "accept" => {
                deal = Some(counter);
                break;
            }
            "reject" => assert!(["below_target", "not_signable"].contains(&why.as_str())),
            other => panic!("unexpected answer {other}: {answer}"),
        }
    }
    let deal = deal.expect("a deal within the session");
    let mine = utility(&WEIGHTS_ENGINE, &DOWN, &deal);
    assert!(
        mine >= 0.35,
        "the engine's utility {mine} is above its walk-away"
    );
    let (ok, stderr) = agent.finish();
    assert!(ok && stderr.is_empty(), "{stderr}");
}

#[test]
fn malformed_lines_get_clear_error_lines_and_no_panic() {
    let mut agent = Agent::start();
    let cases = [
        (
            "{\"type\":\"propose\",\"time\":0.5}",
            "no session: send setup first",
        ),
        ("this is not json", "not a request"),
        (
            "{\"type\":\"dance\"}",
            "not a request: unknown variant `dance`",
        ),
        (
            "{\"type\":\"setup\",\"issues\":[],\"weights\":[],\"values\":[],\"reservation\":0.3}",
            "the domain has no issues",
        ),
    ];
    for (line, message) in cases {
        let reply = agent.send(line);
        assert_eq!(reply["type"], "error", "{reply}");
        let got = reply["message"].as_str().unwrap();
        assert!(got.contains(message), "{got:?} should say {message:?}");
    }
    assert_eq!(agent.send(&setup())["type"], "ready");
    let bad = [
        (
            "{\"type\":\"respond\",\"offer\":[0,1],\"time\":0.2}",
            "an offer has 2 option indices, the domain 3 issues",
        ),
        (
            "{\"type\":\"respond\",\"offer\":[0,1,9],\"time\":0.2}",
            "issue 2 has 4 options; 9 is not one",
        ),
        (
            "{\"type\":\"propose\",\"time\":-1}",
            "time -1 is not in [0, 1]",
        ),
        (
            "{\"type\":\"setup\",\"issues\":[{\"name\":\"a\",\"options\":[\"x\"]}],\"weights\":[1],\"values\":[[2]],\"reservation\":0.3}",
            "value 2 of choice 0 is not a number in [0, 1]",
        ),
    ];
    for (line, message) in bad {
        let reply = agent.send(line);
        assert_eq!(reply["type"], "error", "{reply}");
        assert!(
            reply["message"].as_str().unwrap().contains(message),
            "{reply}"
        );
    }
    // The session set up before the errors goes on.
    let reply = agent.send("{\"type\":\"propose\",\"time\":0.5}");
    assert_eq!(reply["type"], "offer", "{reply}");
    let (ok, stderr) = agent.finish();
    assert!(ok, "exits cleanly at the end of input");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
