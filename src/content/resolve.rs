//! Cross-checks every content file against the others (ids, references, ranges) and resolves them
//! into [`Content`]: indices instead of ids, normalised weights, ready for the core.

use std::collections::{BTreeMap, BTreeSet};

use super::schema::{
    Card, CardEffect, CardFile, Concept, Condition, DelegationDef, DomainFile, GlossaryFile, Lift,
    Scenario,
};
use super::{Bundle, ContentError, Source, locate, parse};
use crate::game::{Side, TrackId};
use crate::negotiation::{Domain, PairTerm, Preferences};

/// A red line resolved to indices.
#[derive(Clone, Debug, PartialEq)]
pub struct RedLine {
    pub issue: usize,
    pub choice: u8,
    pub reason: String,
    pub lifted_by: Option<Lift>,
}

/// A ratifying faction with its own view of the issues.
#[derive(Clone, Debug, PartialEq)]
pub struct FactionProfile {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub veto: bool,
    pub bar: f64,
    pub prefs: Preferences,
    pub bar_drivers: BTreeMap<TrackId, f64>,
}

/// A delegation ready for play: its file plus resolved preferences, red lines and factions.
#[derive(Clone, Debug, PartialEq)]
pub struct DelegationProfile {
    pub def: DelegationDef,
    pub prefs: Preferences,
    pub red_lines: Vec<RedLine>,
    pub factions: Vec<FactionProfile>,
}

/// Everything the core reads, immutable for a game.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub scenario: Scenario,
    pub domain: Domain,
    /// Indexed by `Side as usize`.
    pub delegations: Vec<DelegationProfile>,
    /// The scenario's deck.
    pub cards: Vec<Card>,
    pub glossary: Vec<Concept>,
    /// Fingerprint of the content text (see [`Bundle::hash`]).
    pub hash: String,
    /// How many files of each kind were checked: scenarios, delegations, cards, concepts.
    pub counts: [usize; 4],
}

impl Content {
    /// The built-in content; it is checked by the test suite, so failure here is a build defect.
    pub fn builtin() -> Content {
        load(&Bundle::builtin(), None).expect("invariant: the shipped assets are valid")
    }

    pub fn delegation(&self, side: Side) -> &DelegationProfile {
        &self.delegations[side as usize]
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.glossary.iter().find(|c| c.id == id)
    }

    /// The cards of this scenario's deck that illustrate a glossary concept.
    pub fn cards_illustrating<'a>(&'a self, concept: &'a str) -> impl Iterator<Item = &'a Card> {
        self.cards
            .iter()
            .filter(move |c| c.concepts.iter().any(|x| x == concept))
    }
}

/// Collects errors against one file.
struct Report {
    errors: Vec<ContentError>,
    source: Option<Source>,
}

impl Report {
    fn on(&mut self, source: &Source) {
        self.source = Some(source.clone());
    }

    fn err(&mut self, path: &[&str], message: impl Into<String>) {
        let source = self.source.as_ref().expect("invariant: a file is selected");
        let (line, col) = locate(&source.text, path);
        self.errors.push(ContentError {
            file: source.label.clone(),
            line,
            col,
            message: message.into(),
        });
    }

    fn version(&mut self, version: u32) {
        if version != 1 {
            self.err(
                &["version:"],
                format!("version {version} unsupported (expected 1)"),
            );
        }
    }
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

/// The scenario played when none is chosen (if the bundle has it; otherwise the first).
pub const DEFAULT_SCENARIO: &str = "muscat-2026";

/// Parses, checks and resolves a bundle. `scenario` picks one by id (default: [`DEFAULT_SCENARIO`]).
/// Every problem found is returned, not just the first.
pub fn load(bundle: &Bundle, scenario: Option<&str>) -> Result<Content, Vec<ContentError>> {
    let mut parse_errors = Vec::new();
    let mut one = |s: &Option<Source>, what: &str| -> Option<Source> {
        if s.is_none() {
            parse_errors.push(ContentError {
                file: what.to_string(),
                line: 1,
                col: 1,
                message: format!("missing file {what}"),
            });
        }
        s.clone()
    };
    let domain_src = one(&bundle.domain, "domain.ron");
    let glossary_src = one(&bundle.glossary, "glossary.ron");

    let domain_file: Option<(Source, DomainFile)> = domain_src.and_then(|s| match parse(&s) {
        Ok(d) => Some((s, d)),
        Err(e) => {
            parse_errors.push(e);
            None
        }
    });
    let glossary_file: Option<(Source, GlossaryFile)> =
        glossary_src.and_then(|s| match parse(&s) {
            Ok(g) => Some((s, g)),
            Err(e) => {
                parse_errors.push(e);
                None
            }
        });
    let scenarios: Vec<(Source, Scenario)> = parse_each(&bundle.scenarios, &mut parse_errors);
    let delegations: Vec<(Source, DelegationDef)> =
        parse_each(&bundle.delegations, &mut parse_errors);
    let card_files: Vec<(Source, CardFile)> = parse_each(&bundle.cards, &mut parse_errors);
    if bundle.scenarios.is_empty() {
        parse_errors.push(ContentError {
            file: "scenarios/".into(),
            line: 1,
            col: 1,
            message: "no scenario files".into(),
        });
    }

    let mut report = Report {
        errors: parse_errors,
        source: None,
    };
    let Some((domain_source, domain_file)) = domain_file else {
        return Err(report.errors);
    };
    let domain = check_domain(&mut report, &domain_source, domain_file);
    let glossary = match glossary_file {
        Some((s, g)) => check_glossary(&mut report, &s, g),
        None => Vec::new(),
    };
    let concept_ids: BTreeSet<&str> = glossary.iter().map(|c| c.id.as_str()).collect();

    let mut profiles = Vec::new();
    let mut seen_delegations = BTreeSet::new();
    for (source, def) in &delegations {
        report.on(source);
        if !seen_delegations.insert(def.id.clone()) {
            report.err(
                &[&format!("id: {}", quoted(&def.id))],
                format!("duplicate delegation id \"{}\"", def.id),
            );
        }
        profiles.push(check_delegation(&mut report, &domain, def));
    }

    let mut cards = Vec::new();
    let mut card_sources = BTreeMap::new();
    for (source, file) in &card_files {
        report.on(source);
        report.version(file.version);
        for card in &file.cards {
            if card_sources.insert(card.id.clone(), source).is_some() {
                report.err(
                    &[&format!("id: {}", quoted(&card.id))],
                    format!("duplicate card id \"{}\"", card.id),
                );
            }
            cards.push(card.clone());
        }
    }
    let card_ids: BTreeSet<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    for card in &cards {
        report.on(card_sources[&card.id]);
        check_card(&mut report, &domain, &card_ids, &concept_ids, card);
    }

    let mut chosen = None;
    let mut scenario_ids = BTreeSet::new();
    for (source, s) in &scenarios {
        report.on(source);
        if !scenario_ids.insert(s.id.as_str()) {
            report.err(
                &[&format!("id: {}", quoted(&s.id))],
                format!("duplicate scenario id \"{}\"", s.id),
            );
        }
        check_scenario(&mut report, &domain, &delegations, &cards, s);
        if chosen.is_none() && scenario.is_none_or(|id| id == s.id) {
            chosen = Some(s.clone());
        }
    }
    // Without a choice, the main scenario if the bundle has it: a folder lists its files by name,
    // and a lesson that sorts first should not become everyone's default game.
    if scenario.is_none()
        && let Some((_, main)) = scenarios.iter().find(|(_, s)| s.id == DEFAULT_SCENARIO)
    {
        chosen = Some(main.clone());
    }
    let Some(scenario_def) = chosen else {
        if let Some(id) = scenario {
            report.errors.push(ContentError {
                file: "scenarios/".into(),
                line: 1,
                col: 1,
                message: format!("no scenario with id \"{id}\""),
            });
        }
        return Err(report.errors);
    };
    if !report.errors.is_empty() {
        return Err(report.errors);
    }

    let mut by_side: Vec<DelegationProfile> = Vec::new();
    for side in Side::BOTH {
        let profile = scenario_def
            .delegations
            .iter()
            .filter_map(|id| profiles.iter().find(|p| &p.def.id == id))
            .find(|p| p.def.side == side)
            .expect("invariant: checked one delegation per side");
        by_side.push(profile.clone());
    }
    let card_count = card_ids.len();
    // A restricted deck still holds the injected cards, so the core can find them.
    let deck = if scenario_def.deck.is_empty() {
        cards.clone()
    } else {
        let wanted: BTreeSet<&str> = scenario_def
            .deck
            .iter()
            .chain(scenario_def.injects.iter().map(|i| &i.card))
            .map(String::as_str)
            .collect();
        cards
            .iter()
            .filter(|c| wanted.contains(c.id.as_str()))
            .cloned()
            .collect()
    };
    Ok(Content {
        counts: [
            scenarios.len(),
            delegations.len(),
            card_count,
            glossary.len(),
        ],
        scenario: scenario_def,
        domain,
        delegations: by_side,
        cards: deck,
        glossary,
        hash: bundle.hash(),
    })
}

fn parse_each<T: serde::de::DeserializeOwned>(
    sources: &[Source],
    errors: &mut Vec<ContentError>,
) -> Vec<(Source, T)> {
    sources
        .iter()
        .filter_map(|s| match parse(s) {
            Ok(v) => Some((s.clone(), v)),
            Err(e) => {
                errors.push(e);
                None
            }
        })
        .collect()
}

fn check_domain(report: &mut Report, source: &Source, file: DomainFile) -> Domain {
    report.on(source);
    report.version(file.version);
    if file.issues.is_empty() {
        report.err(&["issues:"], "the negotiation space has no issues");
    }
    let mut ids = BTreeSet::new();
    for issue in &file.issues {
        let at = quoted(&issue.id);
        if !ids.insert(issue.id.as_str()) {
            report.err(&[&at, &at], format!("duplicate issue id \"{}\"", issue.id));
        }
        if issue.options.len() < 2 {
            report.err(
                &[&at],
                format!("issue \"{}\" needs at least 2 options", issue.id),
            );
        }
        if issue.options.len() > 20 {
            report.err(
                &[&at],
                format!("issue \"{}\" has more than 20 options", issue.id),
            );
        }
        let mut options = BTreeSet::new();
        for o in &issue.options {
            if !options.insert(o.id.as_str()) {
                report.err(
                    &[&at, &quoted(&o.id), &quoted(&o.id)],
                    format!("duplicate option id \"{}\" in issue \"{}\"", o.id, issue.id),
                );
            }
        }
        if issue.options.iter().all(|o| o.locked) {
            report.err(
                &[&at],
                format!("every option of issue \"{}\" is locked", issue.id),
            );
        }
    }
    Domain {
        issues: file.issues,
    }
}

fn check_glossary(report: &mut Report, source: &Source, file: GlossaryFile) -> Vec<Concept> {
    report.on(source);
    report.version(file.version);
    let mut ids = BTreeSet::new();
    for c in &file.concepts {
        if !ids.insert(c.id.as_str()) {
            let at = format!("id: {}", quoted(&c.id));
            report.err(&[&at, &at], format!("duplicate concept id \"{}\"", c.id));
        }
    }
    file.concepts
}

fn check_option(report: &mut Report, domain: &Domain, at: &[&str], issue: &str, option: &str) {
    match domain.issue_index(issue) {
        None => report.err(at, format!("unknown issue \"{issue}\"")),
        Some(i) if domain.issues[i].option_index(option).is_none() => report.err(
            at,
            format!("unknown option \"{option}\" in issue \"{issue}\""),
        ),
        Some(_) => {}
    }
}

fn check_delegation(
    report: &mut Report,
    domain: &Domain,
    def: &DelegationDef,
) -> DelegationProfile {
    report.version(def.version);
    let mut weights = vec![0.0; domain.issues.len()];
    let mut values = vec![Vec::new(); domain.issues.len()];
    for key in def.issues.keys() {
        if domain.issue_index(key).is_none() {
            report.err(&[&quoted(key)], format!("unknown issue \"{key}\""));
        }
    }
    for (i, issue) in domain.issues.iter().enumerate() {
        let Some(stance) = def.issues.get(&issue.id) else {
            report.err(&["issues:"], format!("no stance on issue \"{}\"", issue.id));
            values[i] = vec![0.0; issue.choices()];
            continue;
        };
        let at = quoted(&issue.id);
        if stance.values.len() != issue.options.len() {
            report.err(
                &[&at, "values"],
                format!(
                    "issue \"{}\" has {} options but {} values",
                    issue.id,
                    issue.options.len(),
                    stance.values.len()
                ),
            );
        }
        if stance
            .values
            .iter()
            .chain(&stance.deferred)
            .any(|&v| v > 100)
        {
            report.err(
                &[&at, "values"],
                format!("values of \"{}\" must be 0-100", issue.id),
            );
        }
        match (issue.deferrable, stance.deferred) {
            (true, None) => report.err(
                &[&at],
                format!(
                    "issue \"{}\" can be deferred: give a `deferred` value",
                    issue.id
                ),
            ),
            (false, Some(_)) => report.err(
                &[&at, "deferred"],
                format!("issue \"{}\" cannot be deferred", issue.id),
            ),
            _ => {}
        }
        weights[i] = f64::from(stance.weight);
        values[i] = (0..issue.options.len())
            .map(|k| f64::from(stance.values.get(k).copied().unwrap_or(0).min(100)) / 100.0)
            .chain(stance.deferred.map(|d| f64::from(d.min(100)) / 100.0))
            .collect();
    }
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        report.err(&["issues:"], "issue weights must not all be zero");
    } else {
        for w in &mut weights {
            *w /= total;
        }
    }
    let mut pairs = Vec::new();
    for p in &def.pairs {
        check_option(report, domain, &["pairs:", &quoted(&p.a.1)], &p.a.0, &p.a.1);
        check_option(report, domain, &["pairs:", &quoted(&p.b.1)], &p.b.0, &p.b.1);
        if let (Some(a), Some(b)) = (domain.locate(&p.a.0, &p.a.1), domain.locate(&p.b.0, &p.b.1)) {
            pairs.push(PairTerm {
                a,
                b,
                bonus: f64::from(p.bonus) / 100.0,
            });
        }
    }
    let mut red_lines = Vec::new();
    for r in &def.red_lines {
        let at = format!("option: {}", quoted(&r.option));
        check_option(report, domain, &[&at], &r.issue, &r.option);
        if let Some((issue, choice)) = domain.locate(&r.issue, &r.option) {
            red_lines.push(RedLine {
                issue,
                choice,
                reason: r.reason.clone(),
                lifted_by: r.lifted_by,
            });
        }
    }
    let w = &def.walkaway;
    if !(w.min <= w.base && w.base <= w.max && w.max <= 100) {
        report.err(&["walkaway:"], "walk-away needs min <= base <= max <= 100");
    }
    if def.quorum > 100 || def.patience > 100 {
        report.err(&["quorum:"], "quorum and patience must be 0-100");
    }
    if def.factions.is_empty() {
        report.err(
            &["factions:"],
            "a delegation needs at least one ratifying faction",
        );
    }
    let faction_total: u32 = def.factions.iter().map(|f| f.weight).sum();
    let prefs = Preferences {
        weights: weights.clone(),
        values: values.clone(),
        pairs,
    };
    let mut factions = Vec::new();
    for f in &def.factions {
        let at = quoted(&f.id);
        if f.bar > 100 {
            report.err(
                &[&at, "bar"],
                format!("faction \"{}\": bar must be 0-100", f.id),
            );
        }
        let mut fw = weights.clone();
        for (issue, pct) in &f.emphasis {
            match domain.issue_index(issue) {
                Some(i) => fw[i] *= f64::from(*pct) / 100.0,
                None => report.err(&[&at, &quoted(issue)], format!("unknown issue \"{issue}\"")),
            }
        }
        let sum: f64 = fw.iter().sum();
        if sum > 0.0 {
            for x in &mut fw {
                *x /= sum;
            }
        }
        factions.push(FactionProfile {
            id: f.id.clone(),
            name: f.name.clone(),
            weight: f64::from(f.weight) / f64::from(faction_total.max(1)),
            veto: f.veto,
            bar: f64::from(f.bar.min(100)) / 100.0,
            prefs: Preferences {
                weights: fw,
                values: values.clone(),
                pairs: prefs.pairs.clone(),
            },
            bar_drivers: f
                .bar_drivers
                .iter()
                .map(|(t, v)| (*t, f64::from(*v) / 100.0))
                .collect(),
        });
    }
    DelegationProfile {
        def: def.clone(),
        prefs,
        red_lines,
        factions,
    }
}

fn check_card(
    report: &mut Report,
    domain: &Domain,
    card_ids: &BTreeSet<&str>,
    concepts: &BTreeSet<&str>,
    card: &Card,
) {
    let at = format!("id: {}", quoted(&card.id));
    let card_ref = |report: &mut Report, id: &str| {
        if !card_ids.contains(id) {
            report.err(&[&at, &quoted(id)], format!("unknown card \"{id}\""));
        }
    };
    if card.weight > 100 {
        report.err(
            &[&at, "weight:"],
            format!(
                "card \"{}\": weight {} is out of range (0-100)",
                card.id, card.weight
            ),
        );
    }
    if card.weight == 0 && card.when.is_empty() {
        report.err(
            &[&at, "weight"],
            format!("card \"{}\" has weight 0", card.id),
        );
    }
    if card.effects.is_empty() && card.choices.is_empty() {
        report.err(
            &[&at],
            format!("card \"{}\" has no effects and no choices", card.id),
        );
    }
    if card.choices.len() == 1 {
        report.err(
            &[&at, "choices"],
            format!("card \"{}\" offers a single choice", card.id),
        );
    }
    check_conditions(
        report,
        domain,
        card_ids,
        &at,
        &card.when,
        &format!("card \"{}\" can never be drawn", card.id),
    );
    if card.once && card.when.contains(&Condition::Drawn(card.id.clone())) {
        report.err(
            &[&at, "when:"],
            format!(
                "card \"{}\" can never be drawn: a one-shot card cannot need itself drawn first",
                card.id
            ),
        );
    }
    let effects = card
        .effects
        .iter()
        .chain(card.choices.iter().flat_map(|c| &c.effects));
    for e in effects {
        match e {
            CardEffect::Track(_, d) | CardEffect::Patience(_, d) => {
                if d.abs() > 100 {
                    report.err(
                        &[&at, &d.to_string()],
                        format!("effect size {d} is out of range"),
                    );
                }
            }
            CardEffect::AddRedLine(_, issue, option)
            | CardEffect::LiftRedLine(_, issue, option)
            | CardEffect::Unlock(issue, option) => {
                check_option(report, domain, &[&at, &quoted(option)], issue, option);
            }
            CardEffect::FollowUp(id, w) => {
                card_ref(report, id);
                if !(1..=100).contains(w) {
                    report.err(
                        &[&at, &quoted(id)],
                        format!("follow-up weight {w} is out of range (1-100)"),
                    );
                }
            }
            CardEffect::Verify(percent) => {
                if !(1..=100).contains(percent) {
                    report.err(
                        &[&at, "Verify"],
                        format!("Verify moves 1-100% of the way to the truth, not {percent}%"),
                    );
                }
            }
        }
    }
    for concept in &card.concepts {
        if !concepts.contains(concept.as_str()) {
            report.err(
                &[&at, &quoted(concept)],
                format!("unknown glossary concept \"{concept}\""),
            );
        }
    }
}

/// Checks conditions (of a card or an inject): ranges, references, and combinations that can
/// never hold. `never` starts the message for the latter ("card \"x\" can never be drawn").
fn check_conditions(
    report: &mut Report,
    domain: &Domain,
    card_ids: &BTreeSet<&str>,
    at: &str,
    conditions: &[Condition],
    never: &str,
) {
    let mut lower = BTreeMap::new();
    let mut upper = BTreeMap::new();
    let (mut first_week, mut last_week) = (None, None);
    for c in conditions {
        match c {
            Condition::TrackAtLeast(t, v) | Condition::TrackAtMost(t, v) => {
                let (lo, hi) = t.range();
                if !(lo..=hi).contains(v) {
                    report.err(
                        &[at, &format!("{t:?}")],
                        format!("{} is {lo}-{hi}; {v} is out of range", t.name()),
                    );
                }
                if matches!(c, Condition::TrackAtLeast(..)) {
                    lower.insert(*t, *v);
                } else {
                    upper.insert(*t, *v);
                }
            }
            Condition::RoundAtLeast(r) => first_week = Some(*r),
            Condition::RoundAtMost(r) => last_week = Some(*r),
            Condition::Drawn(id) | Condition::NotDrawn(id) => {
                if !card_ids.contains(id.as_str()) {
                    report.err(&[at, &quoted(id)], format!("unknown card \"{id}\""));
                }
            }
            Condition::Unlocked(issue, option) => {
                check_option(report, domain, &[at, &quoted(option)], issue, option);
            }
        }
    }
    for (t, lo) in &lower {
        if let Some(hi) = upper.get(t).filter(|hi| *hi < lo) {
            report.err(
                &[at, "when:"],
                format!("{never}: {} at least {lo} and at most {hi}", t.name()),
            );
        }
    }
    if last_week == Some(0) {
        report.err(
            &[at, "RoundAtMost"],
            format!("{never}: week 0 never comes (weeks start at 1)"),
        );
    } else if let (Some(a), Some(b)) = (first_week, last_week)
        && a > b
    {
        report.err(
            &[at, "RoundAtLeast"],
            format!("{never}: week at least {a} and at most {b}"),
        );
    }
    for c in conditions {
        if let Condition::Drawn(id) = c
            && conditions.contains(&Condition::NotDrawn(id.clone()))
        {
            report.err(
                &[at, "NotDrawn"],
                format!("{never}: card \"{id}\" both drawn and not drawn"),
            );
        }
    }
}

fn check_scenario(
    report: &mut Report,
    domain: &Domain,
    delegations: &[(Source, DelegationDef)],
    cards: &[Card],
    s: &Scenario,
) {
    let card_ids: &BTreeSet<&str> = &cards.iter().map(|c| c.id.as_str()).collect();
    report.version(s.version);
    if !(1..=52).contains(&s.deadline) {
        report.err(&["deadline:"], "deadline must be 1-52 rounds");
    }
    if !(1..=10).contains(&s.action_points) {
        report.err(&["action_points:"], "action_points must be 1-10");
    }
    for (t, v) in &s.tracks {
        let (lo, hi) = t.range();
        if !(lo..=hi).contains(v) {
            report.err(
                &["tracks:", &format!("{t:?}")],
                format!("{} starts at {v}, outside {lo}-{hi}", t.name()),
            );
        }
    }
    let mut sides = Vec::new();
    for id in &s.delegations {
        match delegations.iter().find(|(_, d)| &d.id == id) {
            Some((_, d)) => sides.push(d.side),
            None => report.err(
                &["delegations:", &quoted(id)],
                format!("unknown delegation \"{id}\""),
            ),
        }
    }
    for side in Side::BOTH {
        let n = sides.iter().filter(|&&x| x == side).count();
        if n != 1 && sides.len() == s.delegations.len() {
            report.err(
                &["delegations:"],
                format!(
                    "the scenario needs exactly one {} delegation, found {n}",
                    side.name()
                ),
            );
        }
    }
    let mut in_deck = BTreeSet::new();
    for id in &s.deck {
        if !card_ids.contains(id.as_str()) {
            report.err(&["deck:", &quoted(id)], format!("unknown card \"{id}\""));
        } else if !in_deck.insert(id.as_str()) {
            report.err(
                &["deck:", &quoted(id), &quoted(id)],
                format!("card \"{id}\" is twice in the deck"),
            );
        }
    }
    for inject in &s.injects {
        let at = quoted(&inject.card);
        if !card_ids.contains(inject.card.as_str()) {
            report.err(
                &["injects:", &at],
                format!("unknown card \"{}\"", inject.card),
            );
        }
        if inject.round > s.deadline {
            report.err(
                &["injects:", &at],
                format!(
                    "inject round {} is after the deadline (week {})",
                    inject.round, s.deadline
                ),
            );
        }
        check_conditions(
            report,
            domain,
            card_ids,
            &at,
            &inject.when,
            &format!("the inject of \"{}\" can never fire", inject.card),
        );
    }
    // Cards that can come up in this scenario: its deck (or every card) and its injects.
    let playable: BTreeSet<&str> = if s.deck.is_empty() {
        card_ids.clone()
    } else {
        in_deck
            .iter()
            .copied()
            .chain(s.injects.iter().map(|i| i.card.as_str()))
            .collect()
    };
    // In the deck's own order, so the messages follow the file.
    let drawable: Vec<&Card> = if s.deck.is_empty() {
        cards
            .iter()
            .filter(|c| !s.injects.iter().any(|i| i.card == c.id))
            .collect()
    } else {
        let mut listed = BTreeSet::new();
        s.deck
            .iter()
            .filter(|id| listed.insert(id.as_str()))
            .filter_map(|id| cards.iter().find(|c| &c.id == id))
            .collect()
    };
    for card in drawable {
        for c in &card.when {
            match c {
                Condition::RoundAtLeast(r) if *r > s.deadline => report.err(
                    &["deck:", &quoted(&card.id)],
                    format!(
                        "card \"{}\" can never be drawn here: it waits for week {r}, after the deadline (week {})",
                        card.id, s.deadline
                    ),
                ),
                Condition::Drawn(id) if !playable.contains(id.as_str()) => report.err(
                    &["deck:", &quoted(&card.id)],
                    format!(
                        "card \"{}\" can never be drawn here: it needs \"{id}\", which is not in the deck",
                        card.id
                    ),
                ),
                _ => {}
            }
        }
    }
}
