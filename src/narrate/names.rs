//! The small words every sentence uses: points, clauses and options by their content names,
//! the capitals that speak for the sides, and the tracks' short names and units.

use crate::content::Content;
use crate::game::{CaucusKind, Clause, Errand, Priority, Side, Statement, TrackId};
use crate::model::{Choice, IssueId};

/// Utility as points out of 100.
pub fn pts(u: f64) -> i64 {
    (u * 100.0).round() as i64
}

/// "Enrichment: 3.67% cap".
pub fn choice(content: &Content, issue: IssueId, choice: Choice) -> String {
    content.domain.get(issue).map_or_else(
        || format!("issue {}: option {}", issue.0, choice.0),
        |i| format!("{}: {}", i.name, i.choice_label(choice)),
    )
}

/// A clause by its label alone: "3.67% cap", "deferred", "not drafted".
pub fn clause_label(content: &Content, issue: IssueId, clause: Clause) -> String {
    match clause {
        Clause::Open => "not drafted".into(),
        Clause::Deferred => "deferred".into(),
        Clause::Option(o) => content.domain.get(issue).map_or_else(
            || format!("option {}", o.0),
            |i| i.choice_label(o).to_string(),
        ),
    }
}

/// A clause with its issue: "Enrichment: 3.67% cap", "Missiles: deferred".
pub fn clause(content: &Content, issue: IssueId, clause: Clause) -> String {
    match content.domain.get(issue) {
        Some(i) => format!("{}: {}", i.name, clause_label(content, issue, clause)),
        None => format!("issue {}", issue.0),
    }
}

/// The capital speaking for a side: "Washington", "Tehran".
pub fn capital(side: Side) -> &'static str {
    match side {
        Side::Us => "Washington",
        Side::Iran => "Tehran",
    }
}

/// A track's name for narrow panels (at most 16 characters).
pub fn track_short(track: TrackId) -> &'static str {
    match track {
        TrackId::Breakout => "Breakout true",
        TrackId::BreakoutBelief => "Breakout US view",
        TrackId::IsraeliPressure => "Israel pressure",
        TrackId::IranTrustInOman => "Iran trust Oman",
        TrackId::UsTrustInOman => "US trust Oman",
        TrackId::OmanCredibility => "Oman credibility",
        other => other.name(),
    }
}

/// A track's value as a player reads it: "34%", "$72", "26 wk".
pub fn track_value(track: TrackId, value: i32) -> String {
    match track {
        TrackId::WarRisk => format!("{value}%"),
        TrackId::Oil => format!("${value}"),
        TrackId::Breakout | TrackId::BreakoutBelief => format!("{value} wk"),
        _ => value.to_string(),
    }
}

/// A caucus by its short name, as menus and causes show it: "relay pressure".
pub fn caucus_name(kind: CaucusKind) -> &'static str {
    match kind {
        CaucusKind::Probe => "probe",
        CaucusKind::Reassure => "reassure",
        CaucusKind::RelayPressure => "relay pressure",
        CaucusKind::TestIdea { .. } => "test an idea",
    }
}

/// An errand: where Oman sends, and for what.
pub fn errand_name(errand: Errand) -> &'static str {
    match errand {
        Errand::Russia => "Russia: stockpile custody",
        Errand::Iaea => "IAEA: inspection protocol",
        Errand::Gulf => "Gulf capitals: non-aggression pact",
        Errand::Qatar => "Qatar: escrowed funds",
        Errand::E3 => "E3: hold back snapback",
    }
}

/// One of Oman's public statements.
pub fn statement_name(statement: Statement) -> &'static str {
    match statement {
        Statement::AnnounceProgress => "announce progress",
        Statement::UrgeRestraint => "urge restraint",
    }
}

/// How much an issue matters to a delegation: "high".
pub fn priority_name(priority: Priority) -> &'static str {
    match priority {
        Priority::Low => "low",
        Priority::Medium => "medium",
        Priority::High => "high",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_track_has_a_distinct_short_name_that_fits() {
        let mut names: Vec<_> = TrackId::ALL.iter().map(|&t| track_short(t)).collect();
        assert!(names.iter().all(|n| n.chars().count() <= 16), "{names:?}");
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TrackId::ALL.len());
    }

    #[test]
    fn values_carry_their_units() {
        assert_eq!(track_value(TrackId::WarRisk, 34), "34%");
        assert_eq!(track_value(TrackId::Oil, 72), "$72");
        assert_eq!(track_value(TrackId::Breakout, 26), "26 wk");
    }
}
