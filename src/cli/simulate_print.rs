//! How `muscat simulate` shows its results: a table for the terminal, Markdown for
//! `docs/balance.md`, with the bilateral benchmark after the policies when asked.

use std::fmt::Write;

use super::simulate::Summary;
use crate::game::delegation::bilateral::BilateralSummary;

/// The outcome counts of each policy, as a fixed-width table.
pub fn table(summaries: &[Summary]) -> String {
    let mut out = format!(
        "{:<8} {:>6} {:>9} {:>5} {:>8} {:>9} {:>8} {:>7} {:>8} {:>7} {:>9}\n",
        "policy",
        "games",
        "agreement",
        "war",
        "walkout",
        "sidelined",
        "deadline",
        "rounds",
        "commands",
        "points",
        "games/s"
    );
    for s in summaries {
        let _ = writeln!(
            out,
            "{:<8} {:>6} {:>9} {:>5} {:>8} {:>9} {:>8} {:>7.1} {:>8.1} {:>7.1} {:>9.0}",
            s.tally.policy,
            s.tally.games,
            s.tally.outcomes["agreement"],
            s.tally.outcomes["war"],
            s.tally.outcomes["walkout"],
            s.tally.outcomes["sidelined"],
            s.tally.outcomes["deadline"],
            s.tally.mean_rounds,
            s.tally.mean_commands,
            s.tally.mean_deal_points,
            s.games_per_sec
        );
    }
    out
}

/// How often each crisis broke, per policy: the share of games (a crisis breaks at most once a
/// game) and how many different sets of crises the games saw.
pub fn crises(summaries: &[Summary]) -> String {
    let Some(first) = summaries.first() else {
        return String::new();
    };
    let mut out = format!("{:<26}", "crisis (% of games)");
    for s in summaries {
        let _ = write!(out, " {:>7}", s.tally.policy);
    }
    out.push('\n');
    for id in first.tally.crises.keys() {
        let _ = write!(out, "{id:<26}");
        for s in summaries {
            let n = s.tally.crises.get(id).copied().unwrap_or(0);
            let _ = write!(
                out,
                " {:>6.1}%",
                100.0 * f64::from(n) / f64::from(s.tally.games.max(1))
            );
        }
        out.push('\n');
    }
    let _ = write!(out, "{:<26}", "different sets of crises");
    for s in summaries {
        let _ = write!(out, " {:>7}", s.tally.crisis_sets);
    }
    out.push('\n');
    out
}

/// The same counts as a Markdown table, with shares.
pub fn markdown(summaries: &[Summary]) -> String {
    let mut out = String::from(
        "| policy | games | agreement | war | walk-out | sidelined | deadline | mean weeks | mean deal points | games/s |\n|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let share = |s: &Summary, k: &str| {
        let n = s.tally.outcomes[k];
        format!(
            "{n} ({:.1}%)",
            100.0 * f64::from(n) / f64::from(s.tally.games.max(1))
        )
    };
    for s in summaries {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {:.1} | {:.1} | {:.0} |",
            s.tally.policy,
            s.tally.games,
            share(s, "agreement"),
            share(s, "war"),
            share(s, "walkout"),
            share(s, "sidelined"),
            share(s, "deadline"),
            s.tally.mean_rounds,
            s.tally.mean_deal_points,
            s.games_per_sec
        );
    }
    out
}

/// The bilateral benchmark: pooled figures, then one line per variant and persona pair.
pub fn bilateral(b: &BilateralSummary, markdown: bool) -> String {
    let mut out = String::new();
    let head = format!(
        "bilateral (delegation vs delegation, no mediator): {} sessions, agreement {:.1}%, \
         mean distance to Nash {:.3}, to Pareto {:.3}, mean welfare {:.3}, \
         deals below a reservation value {}, mean offers {:.1}",
        b.sessions,
        100.0 * b.agreement_rate,
        b.mean_to_nash,
        b.mean_to_pareto,
        b.mean_welfare,
        b.below_reservation,
        b.mean_offers
    );
    if markdown {
        let _ = writeln!(out, "{head}\n");
        out.push_str("| walk-away variant | US | Iran | opens | deal | (u_US, u_Iran) | to Nash | to Pareto |\n|---|---|---|---|---|---|---|---|\n");
    } else {
        let _ = writeln!(out, "{head}");
    }
    for r in &b.rows {
        let deal = r
            .utilities
            .map_or("—".to_string(), |(a, c)| format!("({a:.3}, {c:.3})"));
        let d = |x: Option<f64>| x.map_or("—".to_string(), |v| format!("{v:.3}"));
        let opens = if r.us_opens { "US" } else { "Iran" };
        if markdown {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {opens} | {} | {deal} | {} | {} |",
                r.variant,
                r.us_persona,
                r.iran_persona,
                if r.agreement { "yes" } else { "no" },
                d(r.to_nash),
                d(r.to_pareto)
            );
        } else {
            let _ = writeln!(
                out,
                "  {:<18} {:<10} {:<10} {opens:<4} {deal:<16} nash {:<6} pareto {}",
                r.variant,
                r.us_persona,
                r.iran_persona,
                d(r.to_nash),
                d(r.to_pareto)
            );
        }
    }
    out
}
