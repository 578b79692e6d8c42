//! Cross-checks every content file against the others (ids, references, ranges) and resolves them
//! into [`Content`]: indices instead of ids, normalised weights, ready for the core.

use std::collections::{BTreeMap, BTreeSet};

use super::deck::{check_card, check_scenario};
use super::schema::{
    Card, CardFile, Checkpoint, Concept, CrisisFile, DelegationDef, DomainFile, GlossaryFile, Lift,
    Scenario,
};
use super::{Bundle, ContentError, Source, locate, parse};
use crate::model::{Choice, IssueId, Side, TrackId};
use crate::negotiation::{Domain, PairTerm, Preferences};

/// A red line resolved to indices.
#[derive(Clone, Debug, PartialEq)]
pub struct RedLine {
    pub issue: IssueId,
    pub choice: Choice,
    pub reason: String,
    pub lifted_by: Option<Lift>,
    /// Held only in this share of games (0–1), drawn from the seed; `None`: always held.
    pub chance: Option<f64>,
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
    pub hardliners: bool,
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
    /// Crises, in file order: the first whose conditions hold breaks when a week begins.
    pub crises: Vec<Card>,
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

    /// A card of the deck or a crisis: both are answered through the same card choice.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().chain(&self.crises).find(|c| c.id == id)
    }

    /// A crisis by id (`None` for an ordinary card).
    pub fn crisis(&self, id: &str) -> Option<&Card> {
        self.crises.iter().find(|c| c.id == id)
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
pub(super) struct Report {
    errors: Vec<ContentError>,
    source: Option<Source>,
}

impl Report {
    pub(super) fn on(&mut self, source: &Source) {
        self.source = Some(source.clone());
    }

    pub(super) fn err(&mut self, path: &[&str], message: impl Into<String>) {
        let source = self.source.as_ref().expect("invariant: a file is selected");
        let (line, col) = locate(&source.text, path);
        self.errors.push(ContentError {
            file: source.label.clone(),
            line,
            col,
            message: message.into(),
        });
    }

    pub(super) fn version(&mut self, version: u32) {
        if version != 1 {
            self.err(
                &["version:"],
                format!("version {version} unsupported (expected 1)"),
            );
        }
    }
}

pub(super) fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

/// The scenario played when none is chosen (if the bundle has it; otherwise the first).
pub const DEFAULT_SCENARIO: &str = "muscat-2026";

/// The authoring rules `muscat check` adds to loading: every card choice is a dilemma (see
/// `dominance`). They are not load errors, so a folder written before a rule still plays, and
/// its saves still load; `muscat check` refuses it. Files that do not parse are left to [`load`].
/// The cards' dates and sources are checked against each scenario's cutoff (see `cutoff`).
pub fn lint(bundle: &Bundle) -> Vec<ContentError> {
    let mut report = Report {
        errors: Vec::new(),
        source: None,
    };
    for source in &bundle.cards {
        if let Ok(file) = parse::<CardFile>(source) {
            report.on(source);
            for card in &file.cards {
                super::dominance::check(&mut report, &format!("id: {}", quoted(&card.id)), card);
            }
        }
    }
    for source in &bundle.crises {
        if let Ok(file) = parse::<CrisisFile>(source) {
            report.on(source);
            for card in &file.crises {
                super::dominance::check(&mut report, &format!("id: {}", quoted(&card.id)), card);
            }
        }
    }
    super::cutoff::check(&mut report, bundle);
    report.errors
}

/// Parses, checks and resolves a bundle. `scenario` picks one by id (default: [`DEFAULT_SCENARIO`]).
/// Every problem found is returned, not just the first.
pub fn load(bundle: &Bundle, scenario: Option<&str>) -> Result<Content, Vec<ContentError>> {
    let mut parse_errors = Vec::new();
    let mut one = |s: &Option<Source>, what: &str| -> Option<Source> {
        if s.is_none() {
            let what = bundle
                .folder
                .as_ref()
                .map_or_else(|| what.to_string(), |d| d.join(what).display().to_string());
            parse_errors.push(ContentError {
                file: what.clone(),
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
    let crisis_files: Vec<(Source, CrisisFile)> = parse_each(&bundle.crises, &mut parse_errors);
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
    let mut crises = Vec::new();
    for (source, file) in &crisis_files {
        report.on(source);
        report.version(file.version);
        for crisis in &file.crises {
            if card_sources.insert(crisis.id.clone(), source).is_some() {
                report.err(
                    &[&format!("id: {}", quoted(&crisis.id))],
                    format!("duplicate card id \"{}\"", crisis.id),
                );
            }
            crises.push(crisis.clone());
        }
    }
    let card_ids: BTreeSet<&str> = cards.iter().chain(&crises).map(|c| c.id.as_str()).collect();
    for card in &cards {
        report.on(card_sources[&card.id]);
        check_card(&mut report, &domain, &card_ids, &concept_ids, card);
    }
    for crisis in &crises {
        report.on(card_sources[&crisis.id]);
        check_card(&mut report, &domain, &card_ids, &concept_ids, crisis);
        check_crisis(&mut report, crisis);
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
        check_reflections(&mut report, s);
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
    let card_count = cards.len();
    // A restricted deck still holds the injected cards, so the core can find them.
    // Hindsight cards tell what came after the cutoff: material for the debrief, never news.
    let deck = if scenario_def.deck.is_empty() {
        cards
            .iter()
            .filter(|c| !c.basis.hindsight)
            .cloned()
            .collect()
    } else {
        let wanted: BTreeSet<&str> = scenario_def
            .deck
            .iter()
            .chain(scenario_def.injects.iter().map(|i| &i.card))
            .map(String::as_str)
            .collect();
        cards
            .iter()
            .filter(|c| wanted.contains(c.id.as_str()) && !c.basis.hindsight)
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
        crises,
        glossary,
        hash: bundle.hash(),
    })
}

/// A crisis breaks on its conditions and asks Oman to answer: without conditions it would break
/// in week 1 of every game, and without choices it would be news, not a crisis.
fn check_crisis(report: &mut Report, crisis: &Card) {
    let at = format!("id: {}", quoted(&crisis.id));
    if crisis.when.is_empty() {
        report.err(
            &[&at],
            format!(
                "crisis \"{}\" has no conditions (`when`): a crisis breaks on the state",
                crisis.id
            ),
        );
    }
    if crisis.choices.is_empty() {
        report.err(
            &[&at],
            format!("crisis \"{}\" offers Oman no choices", crisis.id),
        );
    }
    if !crisis.once {
        report.err(
            &[&at, "once"],
            format!("crisis \"{}\" must be one-shot (once: true)", crisis.id),
        );
    }
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

pub(super) fn check_option(
    report: &mut Report,
    domain: &Domain,
    at: &[&str],
    issue: &str,
    option: &str,
) {
    match domain.issue_index(issue) {
        None => report.err(at, format!("unknown issue \"{issue}\"")),
        Some(i) if domain.issue(i).option_index(option).is_none() => report.err(
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
            values[i] = vec![0.0; issue.choice_count()];
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
        if r.chance.is_some_and(|c| c == 0 || c > 100) {
            report.err(
                &[&at, "chance"],
                "a contested red line's chance must be 1-100",
            );
        }
        check_option(report, domain, &[&at], &r.issue, &r.option);
        if let Some((issue, choice)) = domain.locate(&r.issue, &r.option) {
            red_lines.push(RedLine {
                issue,
                choice,
                reason: r.reason.clone(),
                lifted_by: r.lifted_by,
                chance: r.chance.map(|c| f64::from(c.min(100)) / 100.0),
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
                Some(i) => fw[i.index()] *= f64::from(*pct) / 100.0,
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
            hardliners: f.hardliners,
        });
    }
    DelegationProfile {
        def: def.clone(),
        prefs,
        red_lines,
        factions,
    }
}

/// Reflection prompts: unique ids, words to answer, and checkpoints a game can reach.
fn check_reflections(report: &mut Report, s: &Scenario) {
    let mut seen = BTreeSet::new();
    for r in &s.reflections {
        let at = quoted(&r.id);
        if r.id.trim().is_empty() {
            report.err(&["reflections"], "a reflection needs an id");
        } else if !seen.insert(r.id.as_str()) {
            report.err(
                &["reflections", &at],
                format!("reflection \"{}\" appears twice", r.id),
            );
        }
        if r.prompt.trim().is_empty() {
            report.err(
                &["reflections", &at],
                format!("reflection \"{}\" has an empty prompt", r.id),
            );
        }
        if let Checkpoint::Round(n) = r.at
            && (n == 0 || n > s.deadline)
        {
            report.err(
                &["reflections", &at, "Round"],
                format!(
                    "reflection \"{}\" at round {n} is outside 1-{}",
                    r.id, s.deadline
                ),
            );
        }
    }
}
