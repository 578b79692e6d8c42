//! The lesson's handouts, one printed page each: the student brief (the situation, Oman's tools,
//! the questions of the lesson, the keys) and the teacher sheet (how to run it, the scripted news,
//! the journal prompts, George's conditions for the debrief, what really happened).

use std::fmt::Write;

use super::svg::esc;
use crate::content::{Checkpoint, Condition, Content, Signal};

/// Print layout: an A4 page with room for a student's name, type that survives a photocopier.
const STYLE: &str = "@page{size:A4;margin:10mm}\
body{font-family:system-ui,sans-serif;font-size:9.5pt;line-height:1.2;color:#111;background:#fff;max-width:48rem;margin:1.5rem auto;padding:0 1rem}\
h1{font-size:17pt;margin:0 0 .2rem}h2{font-size:11.5pt;border-bottom:1.5px solid #0072B2;margin:.7rem 0 .25rem;padding-bottom:.1rem}\
p{margin:.3rem 0}ul,ol{margin:.2rem 0 .2rem 1.2rem;padding:0}li{margin:.1rem 0}\
table{border-collapse:collapse;width:100%;margin:.3rem 0}td,th{border:1px solid #999;padding:.1rem .3rem;text-align:left;vertical-align:top}\
th{background:#eef4fa}.meta{color:#333}.fill{border-bottom:1px solid #333;display:inline-block;min-width:12rem}\
.keys{font-size:7.5pt}.keys td:nth-child(odd){white-space:nowrap;font-family:ui-monospace,monospace}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}li,tr{break-inside:avoid}}";

/// Oman's verbs as a student meets them: what each does and what it costs.
const TOOLS: &[(&str, &str)] = &[
    (
        "Draft (free)",
        "Write one text for both sides, issue by issue; some issues can be left for later.",
    ),
    (
        "Table (1 action)",
        "Put the text to both delegations: each accepts or says why not and what would do.",
    ),
    (
        "Caucus (1 action)",
        "Meet one side in private: probe its priorities or red lines, reassure it, relay the other side's pressure, or test an idea.",
    ),
    (
        "Link (1 action)",
        "Sound out a package that trades one issue against another.",
    ),
    (
        "Errand (1 action)",
        "Ask a third party (Moscow, the IAEA, the Gulf capitals) for something that opens a new option.",
    ),
    (
        "Statement (1 action)",
        "Speak in public: calm the region, or announce progress and raise the cost of walking away.",
    ),
    (
        "Goodwill, off the record, extension",
        "Spend trust you have earned: a favour, a back channel, more time.",
    ),
    (
        "End the week",
        "The world moves: sanctions bite, the US posture turns, war risk drifts, and the next card comes.",
    ),
];

/// George's conditions, as the teacher's debrief checklist puts them.
const CONDITIONS: &[&str] = &[
    "Clarity of the objective: was the demand clear and limited, or did it grow?",
    "Asymmetry of motivation: who cared more about the outcome?",
    "Urgency: did the target feel it had to comply soon?",
    "Support: did the coercer have it at home and abroad?",
    "Usable military options: were the threats ones it could carry out?",
    "Fear of escalation: did the target fear a war it could not bear?",
    "Clarity of terms: did the target know what compliance would earn?",
];

fn week(at: Checkpoint) -> String {
    match at {
        Checkpoint::Round(n) => format!("Week {n}"),
        Checkpoint::End => "At the end".into(),
    }
}

fn page(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
}

fn meta(content: &Content) -> String {
    let s = &content.scenario;
    format!(
        "Scenario <code>{}</code> · {} weeks · {} actions a week · facts up to {}. A what-if: the game models, it does not predict.",
        esc(&s.id),
        s.deadline,
        s.action_points,
        esc(&s.cutoff)
    )
}

/// The student's one-page brief. `keys` is the game's key table (key, what it does).
pub fn student(content: &Content, keys: &[(String, &str)]) -> String {
    let s = &content.scenario;
    let mut out = String::new();
    page(&mut out, &format!("Student brief: {}", s.title));
    let _ = writeln!(out, "<h1>{}</h1>", esc(&s.title));
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta(content));
    out.push_str("<p>Name: <span class=\"fill\"></span> &nbsp; Seed: <span class=\"fill\" style=\"min-width:6rem\"></span></p>\n");
    let _ = writeln!(out, "<h2>The situation</h2>\n<p>{}</p>", esc(&s.briefing));
    out.push_str(
        "<h2>Your job</h2>\n<p>You are Oman, the mediator. The United States and Iran will not sit \
         in one room; every word passes through you. A deal needs both delegations to accept the \
         same text <em>and</em> the factions at home to ratify it. The talks can also end in a \
         war, a walk-out, Oman pushed aside, or the deadline. Each side's priorities, red lines \
         and walk-away value are hidden: find them out.</p>\n",
    );
    out.push_str("<h2>Oman's tools</h2>\n<table>\n");
    for (tool, what) in TOOLS {
        let _ = writeln!(out, "<tr><th>{}</th><td>{}</td></tr>", esc(tool), esc(what));
    }
    out.push_str("</table>\n");
    if !s.reflections.is_empty() {
        out.push_str(
            "<h2>Questions of the lesson</h2>\n<p>The game asks these as cables to Muscat; your \
             answers go into your report.</p>\n<ol>\n",
        );
        for r in &s.reflections {
            let _ = writeln!(out, "<li><b>{}.</b> {}</li>", week(r.at), esc(&r.prompt));
        }
        out.push_str("</ol>\n");
    }
    // Three keys a row: the whole table fits under the questions on the one page.
    out.push_str(
        "<h2>Keys (<code>?</code> in the game shows them too)</h2>\n<table class=\"keys\">\n",
    );
    let third = keys.len().div_ceil(3);
    for row in 0..third {
        out.push_str("<tr>");
        let cells = [
            keys.get(row),
            keys.get(row + third),
            keys.get(row + 2 * third),
        ];
        for (key, what) in cells.into_iter().flatten() {
            let _ = write!(out, "<td>{}</td><td>{}</td>", esc(key), esc(what));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n</body>\n</html>\n");
    out
}

/// When an inject fires, in a teacher's words.
fn inject_when(content: &Content, round: u32, when: &[Condition]) -> String {
    let mut parts = Vec::new();
    if round > 0 {
        parts.push(format!("week {round}"));
    }
    for c in when {
        parts.push(match c {
            Condition::TrackAtLeast(t, v) => format!("{} at least {v}", t.name()),
            Condition::TrackAtMost(t, v) => format!("{} at most {v}", t.name()),
            Condition::RoundAtLeast(n) => format!("from week {n}"),
            Condition::RoundAtMost(n) => format!("by week {n}"),
            Condition::Drawn(id) => format!(
                "after \"{}\"",
                content.card(id).map_or(id.as_str(), |c| c.title.as_str())
            ),
            Condition::NotDrawn(id) => format!(
                "unless \"{}\" came up",
                content.card(id).map_or(id.as_str(), |c| c.title.as_str())
            ),
            Condition::Unlocked(issue, option) => format!("once {issue}: {option} is on the table"),
            Condition::Signal(signal) => match signal {
                Signal::UltimatumRunning => "while a US ultimatum runs".into(),
                Signal::UltimatumWithin(n) => {
                    format!("when the ultimatum is {n} weeks or less away")
                }
                Signal::CarrotOffered => "after a US carrot".into(),
                Signal::HormuzThreat => "after Iran threatens the Strait".into(),
                Signal::Retaliation => "after Iran retaliates".into(),
                Signal::ScrewTurned(n) => format!("once the US screw has turned {n} weeks"),
            },
        });
    }
    if parts.is_empty() {
        "any week".into()
    } else {
        parts.join(", ")
    }
}

/// The teacher's one-page sheet.
pub fn teacher(content: &Content) -> String {
    let s = &content.scenario;
    let mut out = String::new();
    page(&mut out, &format!("Teacher sheet: {}", s.title));
    let _ = writeln!(out, "<h1>Teacher sheet: {}</h1>", esc(&s.title));
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta(content));
    let _ = writeln!(out, "<p>{}</p>", esc(&s.briefing));
    let _ = writeln!(
        out,
        "<h2>Running it</h2>\n<ol>\n<li>Pick one seed for the class (any number) and write it on the board: \
         the same seed and the same moves give the same game on every machine.</li>\n\
         <li>Each student plays <code>muscat play --scenario {id} --seed SEED</code> and saves with \
         <code>s</code> at the end (games also autosave every week).</li>\n\
         <li>Collect the saves in one folder; <code>muscat class FOLDER/*.ron -o class.html</code> \
         compares the games, and <code>muscat report SAVE -o report.html</code> writes one student's \
         after-action report.</li>\n</ol>",
        id = esc(&s.id)
    );
    if !s.injects.is_empty() {
        out.push_str("<h2>Scripted news</h2>\n<table><tr><th>When</th><th>Card</th><th>Facts from</th></tr>\n");
        for i in &s.injects {
            let card = content.card(&i.card);
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&inject_when(content, i.round, &i.when)),
                esc(card.map_or(i.card.as_str(), |c| c.title.as_str())),
                card.and_then(|c| c.basis.date)
                    .map_or_else(String::new, |d| d.to_string())
            );
        }
        out.push_str("</table>\n");
    }
    if !s.reflections.is_empty() {
        out.push_str("<h2>Journal prompts</h2>\n<ul>\n");
        for r in &s.reflections {
            let _ = writeln!(out, "<li><b>{}:</b> {}</li>", week(r.at), esc(&r.prompt));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(
        "<h2>Debrief: George's conditions</h2>\n<p>Which held in the class's games? The reports show \
         the US posture week by week.</p>\n<table><tr><th>Condition</th><th>Held?</th></tr>\n",
    );
    for c in CONDITIONS {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td style=\"width:7rem\"></td></tr>",
            esc(c)
        );
    }
    out.push_str("</table>\n");
    if !s.epilogue.is_empty() {
        out.push_str("<h2>What really happened (tell them after the game)</h2>\n<ul>\n");
        for e in &s.epilogue {
            let _ = writeln!(
                out,
                "<li><b>{}:</b> {} <span class=\"meta\">({})</span></li>",
                esc(&e.date),
                esc(&e.text),
                esc(&e.source)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Bundle, load};

    #[test]
    fn the_student_brief_holds_the_briefing_every_prompt_and_the_keys() {
        let content = load(&Bundle::builtin(), Some("lesson-carriers")).expect("loads");
        let keys = vec![("t".to_string(), "table the text")];
        let page = student(&content, &keys);
        assert!(page.contains(&esc(&content.scenario.briefing)));
        assert!(!content.scenario.reflections.is_empty());
        for r in &content.scenario.reflections {
            assert!(page.contains(&esc(&r.prompt)), "{}", r.id);
        }
        assert!(page.contains("<td>t</td><td>table the text</td>"));
        assert!(page.contains("@page{size:A4"));
        assert!(
            !page.contains("What really happened"),
            "no spoilers for students"
        );
    }

    #[test]
    fn the_teacher_sheet_names_each_inject_and_the_epilogue() {
        let content = load(&Bundle::builtin(), Some("lesson-carriers")).expect("loads");
        let page = teacher(&content);
        for i in &content.scenario.injects {
            let title = &content.card(&i.card).expect("card").title;
            assert!(page.contains(&esc(title)), "{title}");
        }
        assert!(
            page.contains("War risk at least 60"),
            "a conditional inject says when"
        );
        for e in &content.scenario.epilogue {
            assert!(page.contains(&esc(&e.text)));
        }
        assert!(page.contains("--scenario lesson-carriers"));
    }
}
