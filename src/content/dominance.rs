//! Card choices must be dilemmas: an option that another option of the same card beats or
//! equals on every effect is refused. What "better" means for each kind of effect is written
//! here once and explained in `docs/authoring.md` ("Card choices are dilemmas").

use std::collections::BTreeMap;

use super::resolve::{Report, quoted};
use super::schema::{Card, CardChoice, CardEffect};
use crate::model::{Side, TrackId};

/// Refuses a card's options that are not dilemmas: one dominated by another option, or one that
/// gains nothing or costs nothing. `at` locates the card in its file.
pub(super) fn check(report: &mut Report, at: &str, card: &Card) {
    // A single choice is refused on its own; a dilemma needs two.
    if card.choices.len() < 2 {
        return;
    }
    let see = "see docs/authoring.md, \"Card choices are dilemmas\"";
    let dominated = dominated(&card.choices);
    for d in &dominated {
        let (worse, better) = (&card.choices[d.option].label, &card.choices[d.by].label);
        let how = if d.better_on.is_empty() {
            "does exactly what".to_string()
        } else {
            format!("is beaten on {} by", d.better_on.join(", "))
        };
        report.err(
            &[at, "choices", &quoted(worse)],
            format!(
                "card \"{}\": option {} \"{worse}\" is dominated: it gains nothing of its own and {how} option {} \"{better}\" (every option must gain something; {see})",
                card.id,
                d.option + 1,
                d.by + 1,
            ),
        );
    }
    // A dominated option is told so once, not also for what it lacks.
    let one_sided = one_sided(&card.choices)
        .into_iter()
        .filter(|(i, _)| !dominated.iter().any(|d| d.option == *i));
    for (i, lack) in one_sided {
        let label = &card.choices[i].label;
        let what = match lack {
            OneSided::NoGain => "gains nothing for the talks",
            OneSided::NoCost => "costs nothing",
        };
        report.err(
            &[at, "choices", &quoted(label)],
            format!(
                "card \"{}\": option {} \"{label}\" {what} (every option must gain something and cost something; {see})",
                card.id,
                i + 1,
            ),
        );
    }
}

/// One thing an option can change, compared across the options of a card.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Axis {
    Track(TrackId),
    Patience(Side),
    /// How far a delegation has come down from its hopes: more give is better for the talks.
    Give(Side),
    /// A delegation's hardliners' bar at home: higher is worse for the talks.
    Hardliners(Side),
    /// Weeks before the US ultimatum runs out: more time is better for the talks.
    Deadline,
    /// An option on the table (unlocked) or off it for one side (a red line added or lifted).
    Option(Option<Side>, String, String),
    /// An effect whose worth depends on what happens next (a follow-up card, a verification
    /// whose truth may be bad news): options differ here unless they do exactly the same.
    TwoEdged(String),
}

impl Axis {
    fn name(&self) -> String {
        match self {
            Axis::Track(t) => t.name().to_string(),
            Axis::Patience(s) => format!("{} patience", s.name()),
            Axis::Give(s) => format!("{} give", s.name()),
            Axis::Hardliners(s) => format!("{} hardliners", s.name()),
            Axis::Deadline => "ultimatum deadline".to_string(),
            Axis::Option(None, issue, option) => format!("{issue} {option} unlocked"),
            Axis::Option(Some(s), issue, option) => {
                format!("{} red line on {issue} {option}", s.name())
            }
            Axis::TwoEdged(what) => what.clone(),
        }
    }
}

/// An option's effects, summed per axis, each as "more is better for the talks" (a rise in war
/// risk counts negative, a red line added counts -1, one lifted +1, give counts positive,
/// hardliners' bar negative, weeks added to an ultimatum positive).
fn worth(choice: &CardChoice) -> BTreeMap<Axis, i64> {
    let mut w = BTreeMap::new();
    for e in &choice.effects {
        let (axis, value) = match e {
            CardEffect::Track(t, d) => {
                let d = i64::from(*d);
                (Axis::Track(*t), if t.higher_is_worse() { -d } else { d })
            }
            CardEffect::Patience(s, d) => (Axis::Patience(*s), i64::from(*d)),
            CardEffect::Unlock(issue, option) => {
                (Axis::Option(None, issue.clone(), option.clone()), 1)
            }
            CardEffect::AddRedLine(s, issue, option) => {
                (Axis::Option(Some(*s), issue.clone(), option.clone()), -1)
            }
            CardEffect::LiftRedLine(s, issue, option) => {
                (Axis::Option(Some(*s), issue.clone(), option.clone()), 1)
            }
            CardEffect::FollowUp(card, weight) => (
                Axis::TwoEdged(format!("follow-up {card} (weight {weight})")),
                1,
            ),
            CardEffect::Verify(percent) => (Axis::TwoEdged(format!("verify {percent}%")), 1),
            CardEffect::Give(s, d) => (Axis::Give(*s), i64::from(*d)),
            CardEffect::Hardliners(s, d) => (Axis::Hardliners(*s), -i64::from(*d)),
            CardEffect::Deadline(w) => (Axis::Deadline, i64::from(*w)),
        };
        *w.entry(axis).or_insert(0) += value;
    }
    w.retain(|_, v| *v != 0);
    w
}

/// Where `better` beats `worse`, if it is at least as good everywhere; `None` when `worse`
/// gains something of its own, or the two share no two-edged effect alike.
fn beaten_on(better: &BTreeMap<Axis, i64>, worse: &BTreeMap<Axis, i64>) -> Option<Vec<String>> {
    let mut wins = Vec::new();
    for axis in better
        .keys()
        .chain(worse.keys().filter(|a| !better.contains_key(a)))
    {
        let (b, w) = (
            better.get(axis).copied().unwrap_or(0),
            worse.get(axis).copied().unwrap_or(0),
        );
        match axis {
            Axis::TwoEdged(_) if b != w => return None,
            _ if w > b => return None,
            _ if b > w => wins.push(axis.name()),
            _ => {}
        }
    }
    Some(wins)
}

/// A dominated option: its index, the index of an option at least as good on every effect, and
/// the effects on which that option is better (empty when the two are the same).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Dominated {
    option: usize,
    by: usize,
    better_on: Vec<String>,
}

/// What an option lacks to be a choice at all: a gain or a cost for the talks. A two-edged
/// effect counts as both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OneSided {
    NoGain,
    NoCost,
}

/// Every option of a card that gains nothing, or costs nothing, with what it lacks (an option
/// with no effects lacks a gain).
fn one_sided(choices: &[CardChoice]) -> Vec<(usize, OneSided)> {
    choices
        .iter()
        .map(worth)
        .enumerate()
        .filter_map(|(i, w)| {
            let two_edged = w.keys().any(|a| matches!(a, Axis::TwoEdged(_)));
            let gain = two_edged || w.values().any(|v| *v > 0);
            let cost = two_edged || w.values().any(|v| *v < 0);
            match (gain, cost) {
                (false, _) => Some((i, OneSided::NoGain)),
                (true, false) => Some((i, OneSided::NoCost)),
                (true, true) => None,
            }
        })
        .collect()
}

/// Every option of a card that another of its options dominates (the first such other).
fn dominated(choices: &[CardChoice]) -> Vec<Dominated> {
    let worths: Vec<_> = choices.iter().map(worth).collect();
    (0..choices.len())
        .filter_map(|i| {
            (0..choices.len()).filter(|&j| j != i).find_map(|j| {
                let better_on = beaten_on(&worths[j], &worths[i])?;
                // Identical options are reported once, on the later of the two.
                (!better_on.is_empty() || j < i).then_some(Dominated {
                    option: i,
                    by: j,
                    better_on,
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(effects: Vec<CardEffect>) -> CardChoice {
        CardChoice {
            label: String::new(),
            effects,
        }
    }

    #[test]
    fn lower_war_risk_and_higher_trust_beat_the_reverse() {
        let a = choice(vec![
            CardEffect::Track(TrackId::WarRisk, -3),
            CardEffect::Track(TrackId::UsTrustInOman, 2),
        ]);
        let b = choice(vec![CardEffect::Track(TrackId::WarRisk, 2)]);
        let d = dominated(&[a, b]);
        assert_eq!(
            d,
            [Dominated {
                option: 1,
                by: 0,
                better_on: vec!["War risk".into(), "US trust in Oman".into()],
            }]
        );
    }

    #[test]
    fn a_gain_for_each_option_is_a_dilemma() {
        let a = choice(vec![
            CardEffect::Track(TrackId::WarRisk, -3),
            CardEffect::Patience(Side::Iran, -2),
        ]);
        let b = choice(vec![CardEffect::Track(TrackId::WarRisk, 1)]);
        assert!(dominated(&[a, b]).is_empty());
    }

    #[test]
    fn a_red_line_added_is_a_cost_and_an_unlock_a_gain() {
        let red = CardEffect::AddRedLine(Side::Us, "enrichment".into(), "cap-20".into());
        let unlock = CardEffect::Unlock("stockpile".into(), "ship-russia".into());
        let costly = choice(vec![CardEffect::Track(TrackId::Oil, -2), red]);
        let plain = choice(vec![CardEffect::Track(TrackId::Oil, -2)]);
        assert_eq!(dominated(&[costly.clone(), plain.clone()])[0].option, 0);
        let opening = choice(vec![CardEffect::Track(TrackId::Oil, -2), unlock]);
        assert_eq!(dominated(&[opening, plain])[0].option, 1);
    }

    #[test]
    fn a_two_edged_effect_the_other_lacks_saves_an_option() {
        let follow = choice(vec![
            CardEffect::Track(TrackId::WarRisk, 2),
            CardEffect::FollowUp("drone-down".into(), 5),
        ]);
        let calm = choice(vec![CardEffect::Track(TrackId::WarRisk, -2)]);
        assert!(dominated(&[follow, calm.clone()]).is_empty());
        let verify = choice(vec![CardEffect::Verify(30)]);
        assert!(dominated(&[verify, calm]).is_empty());
    }

    #[test]
    fn an_option_needs_a_gain_and_a_cost() {
        let free = choice(vec![
            CardEffect::Track(TrackId::WarRisk, -2),
            CardEffect::Track(TrackId::OmanCredibility, 1),
        ]);
        let loss = choice(vec![CardEffect::Patience(Side::Iran, -5)]);
        let trade = choice(vec![
            CardEffect::Track(TrackId::WarRisk, -2),
            CardEffect::Patience(Side::Us, -1),
        ]);
        let gamble = choice(vec![CardEffect::FollowUp("drone-down".into(), 5)]);
        assert_eq!(
            one_sided(&[free, loss, trade, gamble, choice(vec![])]),
            [
                (0, OneSided::NoCost),
                (1, OneSided::NoGain),
                (4, OneSided::NoGain)
            ]
        );
    }

    #[test]
    fn every_built_in_card_is_a_dilemma() {
        let content = crate::content::Content::builtin();
        let mut asked = 0;
        for card in content.cards.iter().filter(|c| c.choices.len() > 1) {
            asked += 1;
            assert_eq!(dominated(&card.choices), [], "{}", card.id);
            assert_eq!(one_sided(&card.choices), [], "{}", card.id);
        }
        assert!(asked >= 10, "only {asked} cards ask for a choice");
    }

    #[test]
    fn identical_options_are_reported_once() {
        let a = choice(vec![CardEffect::Track(TrackId::Economy, 1)]);
        let d = dominated(&[a.clone(), a]);
        assert_eq!(
            d,
            [Dominated {
                option: 1,
                by: 0,
                better_on: vec![],
            }]
        );
    }
}
