//! 2 → 3: formats 1 and 2 stored the game's English in the state (the causes of track changes,
//! the delegations' moves, caucus notes); format 3 stores facts. This maps every sentence those
//! versions could write back to its fact, on the save's text before it is decoded, so the state
//! as written (which loading compares on its own fields) is in the new shape too.
//!
//! The sentences are the old format's, frozen here: they must not follow later changes of
//! `narrate`'s wording.

use std::collections::BTreeMap;

use crate::content::Content;
use crate::game::{
    Act, CaucusKind, CoercionVariant, DealKind, Drift, Ending, Errand, Learned, Priority, Repeat,
    Side, Statement, Verb,
};
use crate::model::{Choice, IssueId};
use crate::negotiation::Domain;

/// The drifts by the words format 2 gave them.
const DRIFTS: [(&str, Drift); 10] = [
    ("sanctions pain", Drift::SanctionsPain),
    ("the economy", Drift::Economy),
    ("no inspectors at the bombed sites", Drift::NoInspectors),
    ("intelligence estimates", Drift::Intelligence),
    ("military build-up and regional pressure", Drift::BuildUp),
    ("markets price the war risk", Drift::Markets),
    ("the talks drag on", Drift::TalksDrag),
    ("Israel lobbies Washington", Drift::IsraelLobbies),
    ("waiting for relief", Drift::WaitingForRelief),
    ("a week without a text on the table", Drift::IdleWeek),
];

/// The endings by the titles formats 1 and 2 wrote in a save's summary.
const ENDINGS: [(&str, Ending); 7] = [
    (
        "Agreement: an interim, nuclear-first deal",
        Ending::Agreement(DealKind::Interim),
    ),
    (
        "Agreement: a comprehensive grand bargain",
        Ending::Agreement(DealKind::Comprehensive),
    ),
    ("War: the strikes begin", Ending::War),
    (
        "Walk-out: the US delegation leaves Muscat",
        Ending::Walkout(Side::Us),
    ),
    (
        "Walk-out: the Iran delegation leaves Muscat",
        Ending::Walkout(Side::Iran),
    ),
    (
        "Sidelined: the channel moves to another capital",
        Ending::Sidelined,
    ),
    (
        "Deadline: no deal, a brief intermission before a larger storm",
        Ending::Deadline,
    ),
];

/// The delegations' moves that had no parameters.
const ACTS: [(&str, Act); 8] = [
    (
        "takes one limited action: a tanker seized under sanctions",
        Act::LimitedAction,
    ),
    ("sees no movement and turns to the screw", Act::TurnsToScrew),
    ("turns the screw: new sanctions designations", Act::Screw),
    (
        "lets its ultimatum run out: strike packages are readied",
        Act::UltimatumExpired,
    ),
    (
        "telegraphs retaliation: its proxies are put on alert",
        Act::Retaliation,
    ),
    (
        "issues an ultimatum: a deal by the deadline, or force",
        Act::Ultimatum,
    ),
    (
        "telegraphs a threat to close the Strait of Hormuz",
        Act::HormuzThreat,
    ),
    (
        "offers a carrot: a waiver for humanitarian trade",
        Act::Carrot,
    ),
];

const NOTHING_NEW: &str = "nothing new: Oman already knows this delegation's priorities";

/// Where a string of old wording sat, and what it becomes.
#[derive(Clone, Copy)]
enum Slot {
    /// `Drift("…")`
    Drift,
    /// `Oman("…")`
    Oman,
    /// `move_: "…"` in a delegation's move
    Move,
    /// `note: "…"` in a caucus note
    Note,
    /// `outcome: Some("…")` in the summary
    Ending,
}

const SLOTS: [(&str, Slot); 5] = [
    ("Drift(\"", Slot::Drift),
    ("Oman(\"", Slot::Oman),
    ("move_: \"", Slot::Move),
    ("note: \"", Slot::Note),
    ("outcome: Some(\"", Slot::Ending),
];

/// Where a delegation's counted moves start.
const MEMORY: &str = "memory: {";

/// The words of format 2 for Oman's verbs and the sides, frozen here so that renaming a label
/// in today's game never makes an old save unreadable.
const CAUCUSES: [(&str, CaucusKind); 3] = [
    ("probe", CaucusKind::Probe),
    ("reassure", CaucusKind::Reassure),
    ("relay pressure", CaucusKind::RelayPressure),
];
const SIDES: [(&str, Side); 2] = [("US", Side::Us), ("Iran", Side::Iran)];
const ERRANDS: [(&str, Errand); 5] = [
    ("Russia: stockpile custody", Errand::Russia),
    ("IAEA: inspection protocol", Errand::Iaea),
    ("Gulf capitals: non-aggression pact", Errand::Gulf),
    ("Qatar: escrowed funds", Errand::Qatar),
    ("E3: hold back snapback", Errand::E3),
];
const STATEMENTS: [(&str, Statement); 2] = [
    ("announce progress", Statement::AnnounceProgress),
    ("urge restraint", Statement::UrgeRestraint),
];
const PRIORITIES: [(&str, Priority); 3] = [
    ("low priority", Priority::Low),
    ("medium priority", Priority::Medium),
    ("high priority", Priority::High),
];

/// The moves a delegation counted, by the names format 2 gave them.
const REPEATS: [(&str, Repeat); 5] = [
    ("probe", Repeat::Probe),
    ("reassure", Repeat::Reassure),
    ("relay pressure", Repeat::RelayPressure),
    ("test an idea", Repeat::TestIdea),
    ("same text", Repeat::SameText),
];

/// The save text with every old sentence and counted move replaced by its fact, or what could
/// not be read.
pub(crate) fn facts(text: &str) -> Result<String, String> {
    let demand = demand(text);
    // The domain names issues in caucus notes; the built-in one is the only one format 2 games
    // were played with, and it is loaded only for a save that has such a note.
    let mut domain: Option<Domain> = None;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((at, prefix, slot)) = SLOTS
        .iter()
        .filter_map(|&(p, s)| rest.find(p).map(|at| (at, p, s)))
        .min_by_key(|&(at, ..)| at)
    {
        let open = at + prefix.len();
        let (old, len) = string(&rest[open..])
            .ok_or_else(|| format!("an unfinished string after `{}`", prefix.trim_end()))?;
        out.push_str(&rest[..at]);
        let new = match slot {
            Slot::Drift => {
                let d = DRIFTS.iter().find(|(w, _)| *w == old).map(|&(_, d)| d);
                format!(
                    "Drift({})",
                    ron_of(&d.ok_or_else(|| unknown("drift", &old))?)
                )
            }
            Slot::Oman => format!(
                "Oman({})",
                ron_of(&verb(&old).ok_or_else(|| unknown("move of Oman's", &old))?)
            ),
            Slot::Move => format!(
                "act: {}",
                ron_of(&act(&old, demand).ok_or_else(|| unknown("delegation move", &old))?)
            ),
            Slot::Note => {
                let fact = if old == NOTHING_NEW {
                    Some(Learned::NothingNew)
                } else {
                    let domain = domain.get_or_insert_with(|| Content::builtin().domain);
                    // A game played with another domain names issues the built-in one lacks:
                    // its note is kept in the words it was written in.
                    priority(domain, &old).or_else(|| {
                        old.contains(" calls ")
                            .then(|| Learned::AsWritten(old.clone()))
                    })
                };
                format!(
                    "fact: {}",
                    ron_of(&fact.ok_or_else(|| unknown("caucus note", &old))?)
                )
            }
            Slot::Ending => {
                let e = ENDINGS.iter().find(|(w, _)| *w == old).map(|&(_, e)| e);
                format!(
                    "outcome: Some({})",
                    ron_of(&e.ok_or_else(|| unknown("ending", &old))?)
                )
            }
        };
        out.push_str(&new);
        // `Drift("…")`, `Oman("…")` and `Some("…")` close their bracket in the replacement.
        let close = usize::from(matches!(slot, Slot::Drift | Slot::Oman | Slot::Ending));
        rest = &rest[open + len + close..];
    }
    out.push_str(rest);
    counted_moves(&out)
}

/// The text with each delegation's counted moves keyed by fact instead of by name.
fn counted_moves(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MEMORY) {
        let open = at + MEMORY.len();
        let (counts, len) = memory(&rest[open..])?;
        out.push_str(&rest[..at]);
        out.push_str("memory: ");
        out.push_str(&ron_of(&counts));
        rest = &rest[open + len..];
    }
    out.push_str(rest);
    Ok(out)
}

fn unknown(what: &str, old: &str) -> String {
    format!("a {what} this version cannot read: \"{old}\"")
}

fn ron_of<T: serde::Serialize>(value: &T) -> String {
    ron::to_string(value).expect("invariant: facts serialise")
}

/// A delegation's counted moves after `memory: {`, keyed by fact, and the bytes they take with
/// the closing brace.
fn memory(text: &str) -> Result<(BTreeMap<Repeat, u32>, usize), String> {
    let close = text
        .find('}')
        .ok_or_else(|| "an unfinished `memory: {`".to_string())?;
    let mut counts = BTreeMap::new();
    for entry in text[..close]
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let (key, count) = entry
            .split_once(':')
            .ok_or_else(|| unknown("counted move", entry))?;
        let name = key.trim().trim_matches('"');
        let repeat = REPEATS
            .iter()
            .find(|(w, _)| *w == name)
            .map(|&(_, r)| r)
            .ok_or_else(|| unknown("counted move", name))?;
        let count = count
            .trim()
            .parse()
            .map_err(|_| unknown("count", count.trim()))?;
        counts.insert(repeat, count);
    }
    Ok((counts, close + 1))
}

/// A RON string's contents after its opening quote, unescaped, and the bytes it takes with its
/// closing quote.
fn string(text: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// The clause the US demands, as the state's posture holds it (it never changes in a game).
fn demand(text: &str) -> Option<(IssueId, Choice)> {
    let posture = &text[text.find("coercion: (")?..];
    let line = posture[posture.find("demand: ")? + "demand: ".len()..]
        .lines()
        .next()?;
    ron::from_str(line.trim_end_matches(',')).ok()?
}

fn verb(old: &str) -> Option<Verb> {
    let fixed = [
        ("a text both sides rejected", Verb::RejectedText),
        ("spend goodwill", Verb::Goodwill),
        ("off-the-record session", Verb::OffTheRecord),
        ("request an extension", Verb::Extension),
    ];
    let caucus = CAUCUSES.into_iter().flat_map(|(k, kind)| {
        SIDES.map(|(s, side)| (format!("{k} with {s}"), Verb::Caucus(kind, side)))
    });
    let errands = ERRANDS.map(|(w, e)| (w.to_string(), Verb::Errand(e)));
    let statements = STATEMENTS.map(|(w, st)| (w.to_string(), Verb::Statement(st)));
    fixed
        .map(|(w, v)| (w.to_string(), v))
        .into_iter()
        .chain(caucus)
        .chain(errands)
        .chain(statements)
        .find(|(w, _)| w == old)
        .map(|(_, v)| v)
}

fn act(old: &str, demand: Option<(IssueId, Choice)>) -> Option<Act> {
    if let Some(&(_, a)) = ACTS.iter().find(|(w, _)| *w == old) {
        return Some(a);
    }
    // The week-1 posture: "sets an ultimatum — it demands "…": a deal by week 8, or it will use
    // force", "takes a try-and-see line…", "announces pressure that will grow week by week…".
    let demand = demand.filter(|_| old.contains(" — it demands \""));
    let posture = |variant, deadline| Act::Posture {
        variant,
        demand,
        deadline,
    };
    if old.starts_with("sets an ultimatum") {
        let week = old.rsplit("a deal by week ").next()?.split(',').next()?;
        Some(posture(
            CoercionVariant::Ultimatum,
            Some(week.parse().ok()?),
        ))
    } else if old.starts_with("takes a try-and-see line") {
        Some(posture(CoercionVariant::TryAndSee, None))
    } else if old.starts_with("announces pressure that will grow week by week") {
        Some(posture(CoercionVariant::Screw, None))
    } else {
        None
    }
}

/// "Iran calls enrichment a high priority; red line: dismantle: zero enrichment".
fn priority(domain: &Domain, old: &str) -> Option<Learned> {
    let (said, lines) = match old.split_once("; red line: ") {
        Some((s, l)) => (s, Some(l)),
        None => (old, None),
    };
    let (_, rest) = said.split_once(" calls ")?;
    let (name, heard) = rest.rsplit_once(" a ")?;
    let heard = PRIORITIES.iter().find(|(w, _)| *w == heard)?.1;
    let issue = domain
        .issues
        .iter()
        .position(|i| i.name.to_lowercase() == name)?;
    let options = &domain.issues[issue];
    let red_lines = match lines {
        None => Vec::new(),
        Some(l) => l
            .split(", ")
            .map(|label| {
                options
                    .choices()
                    .find(|&c| options.choice_label(c) == label)
            })
            .collect::<Option<Vec<Choice>>>()?,
    };
    Some(Learned::Priority {
        issue: IssueId::at(issue),
        heard,
        red_lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_old_sentence_becomes_its_fact() {
        let text = r#"(x: Drift("sanctions pain"), y: Oman("relay pressure with US"),
            m: (side: Us, move_: "announces pressure that will grow week by week — it demands \"dismantle: zero enrichment\""),
            n: (side: Iran, note: "Iran calls enrichment a high priority; red line: dismantle: zero enrichment"),
            coercion: (
                variant: Screw,
                demand: Some((0, 0)),
            ))"#;
        let new = facts(text).expect("migrates");
        assert!(new.contains("x: Drift(SanctionsPain)"), "{new}");
        assert!(new.contains("y: Oman(Caucus(RelayPressure,Us))"), "{new}");
        assert!(
            new.contains("act: Posture(variant:Screw,demand:Some((0,0)),deadline:None)"),
            "{new}"
        );
        assert!(
            new.contains("fact: Priority(issue:0,heard:High,red_lines:[0])"),
            "{new}"
        );
    }

    #[test]
    fn an_ultimatum_keeps_its_week() {
        let old = "sets an ultimatum: a deal by week 8, or it will use force";
        assert_eq!(
            act(old, Some((IssueId(0), Choice(1)))),
            Some(Act::Posture {
                variant: CoercionVariant::Ultimatum,
                demand: None,
                deadline: Some(8)
            })
        );
    }

    #[test]
    fn counted_moves_keep_their_counts() {
        let text = "(memory: {\n    \"reassure\": 2,\n    \"same text\": 1,\n}, model: ())";
        let new = facts(text).expect("migrates");
        assert_eq!(new, "(memory: {Reassure:2,SameText:1}, model: ())");
        assert_eq!(facts("(memory: {})").expect("migrates"), "(memory: {})");
        let err = facts("(memory: {\"charm\": 1})").expect_err("unknown");
        assert!(err.contains("charm"), "{err}");
    }

    #[test]
    fn a_summary_keeps_its_ending() {
        let text = r#"(meta: (week: 9, deadline: 12, outcome: Some("Walk-out: the Iran delegation leaves Muscat")))"#;
        let new = facts(text).expect("migrates");
        assert!(new.contains("outcome: Some(Walkout(Iran)))"), "{new}");
        let none = "(meta: (week: 2, deadline: 12, outcome: None))";
        assert_eq!(facts(none).expect("migrates"), none);
    }

    #[test]
    fn a_note_on_an_issue_of_other_content_is_kept_as_written() {
        let text = r#"(n: (side: Us, note: "US calls water rights a high priority"))"#;
        let new = facts(text).expect("migrates");
        assert!(
            new.contains(r#"fact: AsWritten("US calls water rights a high priority")"#),
            "{new}"
        );
    }

    #[test]
    fn a_sentence_no_version_wrote_is_refused_by_name() {
        let err = facts(r#"(x: Drift("solar flares"))"#).expect_err("unknown");
        assert_eq!(err, "a drift this version cannot read: \"solar flares\"");
    }
}
