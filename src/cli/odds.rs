//! `muscat odds SAVE`: the advisor's look-ahead from a saved position, for teachers and scripts,
//! with the time it took. It reads the save and changes nothing (no question is counted).

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use crate::advisor::{self, Fate};

/// Prints the advisor's ranking of the saved week's moves, as text or JSON.
pub(crate) fn run(
    path: &Path,
    futures: u32,
    horizon: u32,
    json: bool,
    assets: Option<&Path>,
) -> Result<ExitCode, CliError> {
    // The state is checked against its content before the advisor reads any index of it.
    let opened = super::report::open(path, assets)?;
    if let Some(why) = &opened.unverified {
        eprintln!("muscat: note: {}: unverified: {why}", path.display());
    }
    let (saved, content) = (opened.saved, opened.content);
    let state = &saved.state;
    if state.is_over() {
        return Err(CliError::Over {
            path: path.to_path_buf(),
        });
    }
    #[allow(clippy::disallowed_methods)] // the answer's cost is measured here, outside the core
    let started = std::time::Instant::now();
    let ranking = advisor::rank(
        &content,
        state,
        futures.max(1),
        horizon.max(1),
        advisor::cores(),
    )
    .map_err(|e| CliError::Refused {
        path: path.to_path_buf(),
        why: e.to_string(),
    })?;
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    if json {
        let moves: Vec<serde_json::Value> = ranking
            .moves
            .iter()
            .map(|r| {
                let o = &r.odds;
                serde_json::json!({
                    "move": r.move_.key(),
                    "name": crate::narrate::move_name(&content, r.move_),
                    "score": o.score(),
                    "odds": Fate::ALL.iter().map(|&f| (f.key().to_string(), serde_json::json!(o.share(f)))).collect::<serde_json::Map<_, _>>(),
                    "margin": o.margin(Fate::Agreement),
                    "reasons": o.reasons.iter().map(|r| crate::narrate::advice(&content, r)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let out = serde_json::json!({
            "save": path.display().to_string(),
            "round": state.round,
            "futures": ranking.futures,
            "horizon": ranking.horizon,
            "assumes": "shuttle",
            "best": ranking.best().map(|r| r.move_.key()),
            "table_now": ranking.table_now.as_ref().map(|t| crate::narrate::table_now(&content, t)),
            "moves": moves,
            "elapsed_ms": elapsed_ms,
        });
        println!("{out}");
    } else {
        println!(
            "Week {} of {}, seed {}: the advisor's ranking of this week's moves.",
            state.round, state.deadline, state.seed
        );
        for line in crate::ui::odds::lines(&content, &ranking) {
            println!("{line}");
        }
        println!("Took {elapsed_ms:.0} ms.");
    }
    Ok(ExitCode::SUCCESS)
}
