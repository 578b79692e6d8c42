//! What moved a track (a card, one of Oman's verbs, a delegation, a drift of the world), what a
//! delegation did on its own, and what a caucus taught Oman.

use super::{LANGUAGE, Language};
use crate::content::Content;
use crate::game::{Act, Cause, CoercionVariant, Drift, Learned, Side, Verb};

/// What moved a track, naming cards by their titles.
pub fn cause(content: &Content, c: &Cause) -> String {
    LANGUAGE.cause(content, c)
}

/// A drift of the world: "sanctions pain".
pub fn drift(d: Drift) -> &'static str {
    LANGUAGE.drift(d)
}

/// One of Oman's verbs: "relay pressure with US".
pub fn verb(v: Verb) -> String {
    LANGUAGE.verb(v)
}

/// A delegation's own move, after its side's name: "turns the screw: …".
pub fn act(content: &Content, a: Act) -> String {
    LANGUAGE.act(content, a)
}

/// What a caucus taught Oman: "Iran calls enrichment a high priority; red line: …".
pub fn learned(content: &Content, side: Side, fact: &Learned) -> String {
    LANGUAGE.learned(content, side, fact)
}

/// A card's title in quotes, once: a title that is itself a quotation ("\"Soon\"") keeps its own
/// marks instead of being printed with doubled ones.
pub fn quoted(title: &str) -> String {
    if title.len() >= 2 && title.starts_with('"') && title.ends_with('"') {
        title.to_string()
    } else {
        format!("\"{title}\"")
    }
}

pub(super) fn english(content: &Content, c: &Cause) -> String {
    let title = |id: &str| quoted(content.card(id).map_or(id, |c| c.title.as_str()));
    match c {
        Cause::Card(id) => format!("card {}", title(id)),
        Cause::CardChoice(id, label) => format!("card {}: {label}", title(id)),
        Cause::Oman(v) => format!("Oman: {}", english_verb(*v)),
        Cause::Delegation(side) => format!("{} move", side.name()),
        Cause::Drift(d) => format!("drift: {}", english_drift(*d)),
    }
}

pub(super) fn english_drift(d: Drift) -> &'static str {
    match d {
        Drift::SanctionsPain => "sanctions pain",
        Drift::Economy => "the economy",
        Drift::NoInspectors => "no inspectors at the bombed sites",
        Drift::Intelligence => "intelligence estimates",
        Drift::BuildUp => "military build-up and regional pressure",
        Drift::Markets => "markets price the war risk",
        Drift::TalksDrag => "the talks drag on",
        Drift::IsraelLobbies => "Israel lobbies Washington",
        Drift::WaitingForRelief => "waiting for relief",
        Drift::IdleWeek => "a week without a text on the table",
        Drift::Deadline => "the weeks pass and the deadline nears",
    }
}

pub(super) fn english_verb(v: Verb) -> String {
    match v {
        Verb::Caucus(kind, side) => format!("{} with {}", super::caucus_name(kind), side.name()),
        Verb::RejectedText => "a text both sides rejected".into(),
        Verb::Goodwill => "spend goodwill".into(),
        Verb::Errand(e) => super::errand_name(e).into(),
        Verb::OffTheRecord => "off-the-record session".into(),
        Verb::Statement(s) => super::statement_name(s).into(),
        Verb::Extension => "request an extension".into(),
    }
}

pub(super) fn english_act(content: &Content, a: Act) -> String {
    match a {
        Act::Posture {
            variant,
            demand,
            deadline,
        } => {
            let demand = demand.map_or_else(String::new, |(i, c)| {
                let label = content
                    .domain
                    .get(i)
                    .map_or("?", |issue| issue.choice_label(c));
                format!(" — it demands \"{label}\"")
            });
            match (variant, deadline) {
                (CoercionVariant::Ultimatum, Some(week)) => format!(
                    "sets an ultimatum{demand}: a deal by week {week}, or it will use force"
                ),
                (CoercionVariant::TryAndSee, _) => {
                    format!("takes a try-and-see line{demand}, with one limited action to come")
                }
                _ => format!("announces pressure that will grow week by week{demand}"),
            }
        }
        Act::LimitedAction => "takes one limited action: a tanker seized under sanctions".into(),
        Act::TurnsToScrew => "sees no movement and turns to the screw".into(),
        Act::Screw => "turns the screw: new sanctions designations".into(),
        Act::UltimatumExpired => "lets its ultimatum run out: strike packages are readied".into(),
        Act::Retaliation => "telegraphs retaliation: its proxies are put on alert".into(),
        Act::Ultimatum => "issues an ultimatum: a deal by the deadline, or force".into(),
        Act::HormuzThreat => "telegraphs a threat to close the Strait of Hormuz".into(),
        Act::Carrot => "offers a carrot: a waiver for humanitarian trade".into(),
    }
}

pub(super) fn english_learned(content: &Content, side: Side, fact: &Learned) -> String {
    match fact {
        Learned::NothingNew => {
            "nothing new: Oman already knows this delegation's priorities".into()
        }
        Learned::AsWritten(note) => note.clone(),
        Learned::Priority {
            issue,
            heard,
            red_lines,
        } => {
            let issue = content.domain.get(*issue);
            let name = issue.map_or_else(|| "an issue".into(), |i| i.name.to_lowercase());
            let mut note = format!(
                "{} calls {name} a {} priority",
                side.name(),
                super::priority_name(*heard)
            );
            if !red_lines.is_empty() {
                let labels: Vec<&str> = red_lines
                    .iter()
                    .map(|&c| issue.map_or("?", |i| i.choice_label(c)))
                    .collect();
                note += "; red line: ";
                note += &labels.join(", ");
            }
            note
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_quoted_title_is_not_quoted_twice() {
        let content = crate::content::Content::builtin();
        let speech = content
            .cards
            .iter()
            .find(|c| c.title.starts_with('"'))
            .expect("a card titled with a quotation");
        let line = super::cause(&content, &crate::game::Cause::Card(speech.id.clone()));
        assert!(!line.contains("\"\""), "{line}");
        assert_eq!(line, format!("card {}", speech.title));
        assert_eq!(super::quoted("Soon"), "\"Soon\"");
    }
}
