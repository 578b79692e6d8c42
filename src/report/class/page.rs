//! The class comparison as a page: its sections and sentences, said once in [`Page`], then written
//! out by two thin renderers, Markdown and HTML (which escapes every text and adds the charts).

use std::fmt::Write;

use super::{ClassSummary, KEYS};
use crate::narrate::pts;
use crate::report::html::head;
use crate::report::svg::{self, esc};

const TITLE: &str = "Class comparison";
const MEANS: &str = "Means";
const TEXTS: &str = "The texts most often tabled";
const DIVERGED: &str = "Where the games diverged";
const GAMES: &str = "Games";
const COLUMNS: [&str; 8] = [
    "Save",
    "Scenario",
    "Seed",
    "Outcome",
    "Score",
    "Weeks",
    "Texts tabled",
    "Reflections",
];

/// What both renderings show, in order, as plain text.
struct Page {
    games: usize,
    /// The games whose saves are not verified records of play, and why, or empty.
    unverified: String,
    /// Every outcome with its count, in the order of [`KEYS`].
    outcomes: Vec<(String, u32)>,
    /// Each deal's score, by game (the HTML charts them).
    scores: Vec<(String, u32)>,
    means: [String; 4],
    /// "In 2 game(s), 3 time(s): …", most common first.
    texts: Vec<String>,
    groups: Vec<Group>,
    /// One row of [`COLUMNS`] a game.
    rows: Vec<[String; 8]>,
}

/// Games that started alike: "muscat-2026 · seed 5 · normal (2 game(s)): " and how they went on.
struct Group {
    title: String,
    games: usize,
    /// What became of them, a sentence; with `branches` when they parted.
    told: String,
    /// "the move: the games that made it", one a branch.
    branches: Vec<String>,
}

fn opt_pts(x: Option<f64>) -> String {
    x.map_or_else(|| "–".into(), |v| format!("{:+}", pts(v)))
}

impl Page {
    fn of(s: &ClassSummary) -> Page {
        let dash = || "–".to_string();
        let unverified: Vec<String> = s
            .game_list
            .iter()
            .filter_map(|g| {
                g.unverified
                    .as_ref()
                    .map(|why| format!("{} ({why})", g.name))
            })
            .collect();
        Page {
            games: s.games,
            unverified: if unverified.is_empty() {
                String::new()
            } else {
                format!(
                    "{} unverified game(s), not counted in the outcomes, scores or means: {}.",
                    unverified.len(),
                    unverified.join("; ")
                )
            },
            outcomes: KEYS
                .iter()
                .filter_map(|k| s.outcomes.get(*k).map(|v| ((*k).to_string(), *v)))
                .collect(),
            scores: s
                .game_list
                .iter()
                .filter(|g| g.unverified.is_none())
                .filter_map(|g| g.points.map(|p| (g.name.clone(), p)))
                .collect(),
            means: [
                format!("Weeks played: {}", s.mean_rounds),
                format!(
                    "Score of the deals reached: {}",
                    s.mean_deal_points
                        .map_or_else(|| "no deal reached".into(), |p| format!("{p}/100"))
                ),
                format!(
                    "Gain over the walk-away value (the deal, or else the last text tabled): US {}, Iran {}",
                    opt_pts(s.mean_gain_us),
                    opt_pts(s.mean_gain_iran)
                ),
                format!("War risk at the end: {}%", s.mean_final_war_risk),
            ],
            texts: s
                .common_texts
                .iter()
                .map(|t| {
                    format!(
                        "In {} game(s), {} time(s): {}",
                        t.games,
                        t.times,
                        t.text.join(" · ")
                    )
                })
                .collect(),
            groups: s
                .divergences
                .iter()
                .map(|d| Group {
                    title: format!("{} · seed {} · {}", d.scenario, d.seed, d.difficulty),
                    games: d.games.len(),
                    told: match d.week {
                        None if d.games.len() == 1 => "only one game started here.".into(),
                        None => "every game played the same moves.".into(),
                        Some(w) => {
                            format!(
                                "alike for {} commands, parted in week {w}:",
                                d.shared_commands
                            )
                        }
                    },
                    branches: d
                        .branches
                        .iter()
                        .map(|b| format!("{}: {}", b.choice, b.games.join(", ")))
                        .collect(),
                })
                .collect(),
            rows: s
                .game_list
                .iter()
                .map(|g| {
                    [
                        g.name.clone(),
                        g.scenario.clone(),
                        g.seed.to_string(),
                        if g.unverified.is_some() {
                            format!("{} (unverified)", g.outcome)
                        } else {
                            g.outcome.clone()
                        },
                        g.points.map_or_else(dash, |p| p.to_string()),
                        g.rounds.to_string(),
                        g.texts_tabled.to_string(),
                        g.reflections_answered.to_string(),
                    ]
                })
                .collect(),
        }
    }
}

impl Group {
    fn heading(&self) -> String {
        format!("({} game(s)): {}", self.games, self.told)
    }
}

/// The page in Markdown; a `|` in a table cell is escaped so the table holds.
pub(super) fn markdown(s: &ClassSummary) -> String {
    let page = Page::of(s);
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = format!("# {TITLE}\n\n{} games.\n\n", page.games);
    if !page.unverified.is_empty() {
        let _ = write!(out, "**{}**\n\n", page.unverified);
    }
    out.push_str("## Outcomes\n\n");
    out.push_str("| Outcome | Games |\n|---|---|\n");
    for (k, v) in &page.outcomes {
        out.push_str(&row(&[k.clone(), v.to_string()]));
    }
    let _ = write!(out, "\n## {MEANS}\n\n");
    for m in &page.means {
        let _ = writeln!(out, "- {m}");
    }
    let _ = write!(out, "\n## {TEXTS}\n\n");
    if page.texts.is_empty() {
        out.push_str("No text was tabled.\n");
    }
    for (i, t) in page.texts.iter().enumerate() {
        let _ = writeln!(out, "{}. {t}", i + 1);
    }
    let _ = write!(out, "\n## {DIVERGED}\n\n");
    for g in &page.groups {
        let _ = writeln!(out, "- **{}** {}", g.title, g.heading());
        for b in &g.branches {
            let _ = writeln!(out, "  - {b}");
        }
    }
    let _ = write!(out, "\n## {GAMES}\n\n");
    out.push_str(&row(&COLUMNS.map(String::from)));
    let _ = writeln!(out, "|{}", "---|".repeat(COLUMNS.len()));
    for r in &page.rows {
        out.push_str(&row(r));
    }
    out
}

/// The page as one HTML document, with bar charts of the outcomes and of the deals' scores.
pub(super) fn html(s: &ClassSummary) -> String {
    let page = Page::of(s);
    let list = |items: &[String]| -> String {
        items
            .iter()
            .map(|i| format!("<li>{}</li>", esc(i)))
            .collect()
    };
    let mut out = String::new();
    head(&mut out, TITLE);
    let _ = writeln!(
        out,
        "<h1>{TITLE}</h1>\n<p class=\"meta\">{} games.</p>",
        page.games
    );
    if !page.unverified.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"record\"><strong>{}</strong></p>",
            esc(&page.unverified)
        );
    }
    out.push_str("<h2>Outcomes</h2>");
    // An empty "in-progress" bar says nothing; a class where no game is over shows it.
    let bars: Vec<(String, u32)> = page
        .outcomes
        .into_iter()
        .filter(|(k, v)| *v > 0 || k != "in-progress")
        .collect();
    // Out of the whole class, so a bar's length is its share of the games.
    let games = u32::try_from(page.games).unwrap_or(u32::MAX);
    out.push_str(&svg::bars("Outcomes across the class", &bars, Some(games)));
    if !page.scores.is_empty() {
        out.push_str("<h2>Scores of the deals</h2>\n");
        out.push_str(&svg::bars(
            "Score of each deal (0-100)",
            &page.scores,
            Some(100),
        ));
    }
    let _ = writeln!(out, "<h2>{MEANS}</h2>\n<ul>{}</ul>", list(&page.means));
    let _ = writeln!(out, "<h2>{TEXTS}</h2>\n<ol>");
    for t in &page.texts {
        let _ = writeln!(out, "{}", list(std::slice::from_ref(t)));
    }
    let _ = writeln!(out, "</ol>\n<h2>{DIVERGED}</h2>\n<ul>");
    for g in &page.groups {
        let _ = write!(out, "<li><b>{}</b> {}", esc(&g.title), esc(&g.heading()));
        if !g.branches.is_empty() {
            let _ = write!(out, "<ul>{}</ul>", list(&g.branches));
        }
        out.push_str("</li>\n");
    }
    let _ = writeln!(out, "</ul>\n<h2>{GAMES}</h2>");
    let cells = |tag: &str, cells: &[String]| -> String {
        let inner: String = cells
            .iter()
            .map(|c| format!("<{tag}>{}</{tag}>", esc(c)))
            .collect();
        format!("<tr>{inner}</tr>\n")
    };
    out.push_str("<table>");
    out.push_str(&cells("th", &COLUMNS.map(String::from)));
    for r in &page.rows {
        out.push_str(&cells("td", r));
    }
    out.push_str("</table>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::class::GameLine;

    fn class_of(name: &str) -> ClassSummary {
        ClassSummary {
            games: 1,
            outcomes: KEYS.iter().map(|k| ((*k).to_string(), 0)).collect(),
            unverified_outcomes: std::collections::BTreeMap::new(),
            mean_rounds: 1.0,
            mean_deal_points: None,
            mean_gain_us: None,
            mean_gain_iran: None,
            mean_final_war_risk: 0.0,
            common_texts: Vec::new(),
            divergences: Vec::new(),
            game_list: vec![GameLine {
                name: name.into(),
                scenario: "s".into(),
                seed: 1,
                outcome: "in-progress".into(),
                points: None,
                rounds: 1,
                texts_tabled: 0,
                reflections_answered: 0,
                unverified: None,
            }],
        }
    }

    #[test]
    fn each_renderer_keeps_a_name_from_breaking_its_markup() {
        let s = class_of("a|b<c>");
        assert!(markdown(&s).contains("| a\\|b<c> | s | 1 | in-progress | – |"));
        assert!(html(&s).contains("<tr><td>a|b&lt;c&gt;</td><td>s</td>"));
        assert!(markdown(&s).contains("No text was tabled.\n"));
    }
}
