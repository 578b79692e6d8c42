//! Benchmark of the advisor's ranking: every candidate move of the week (at least 8) played out
//! in 1,000 futures each, 6 weeks ahead, on two threads, in weeks 2 and 6 of a seeded game. Run
//! with `cargo bench --bench advisor`; figures in docs/performance.md (target: under 400 ms).

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use muscat::advisor::{self, Shuttle};
use muscat::content::Content;
use muscat::game::{self, Command, Difficulty, GameState, Phase};

/// A position in week `week` of seed 5, reached by the advisor's shuttle, with a text on the table.
fn position(content: &Content, week: u32) -> GameState {
    let mut state = game::start(content, 5, Difficulty::Normal);
    let mut oman = Shuttle::default();
    while state.round < week && !state.is_over() {
        let command = oman.next(content, &state);
        if game::apply(&mut state, content, &command).is_err() {
            let _ = game::apply(&mut state, content, &Command::EndRound);
        }
    }
    if let Phase::Choosing(_) = state.phase {
        game::apply(&mut state, content, &Command::ChooseCardOption(0)).expect("a choice");
    }
    assert!(!state.is_over(), "the bench position must be in play");
    state
}

fn ranking(c: &mut Criterion) {
    let content = Content::builtin();
    let mut group = c.benchmark_group("advisor ranking: every move, 1000 futures, 6 weeks");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for week in [2, 6] {
        let state = position(&content, week);
        let moves = advisor::candidates(&content, &state).len();
        assert!(moves >= 8, "week {week}: only {moves} candidate moves");
        group.bench_function(format!("week {week}, {moves} moves, 2 threads"), |b| {
            b.iter(|| {
                advisor::rank(&content, &state, advisor::FUTURES, advisor::HORIZON, 2)
                    .expect("a ranking")
            });
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1));
    targets = ranking
}
criterion_main!(benches);
