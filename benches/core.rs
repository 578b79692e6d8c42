//! Benchmarks of the pure core: one delegation decision, one week, whole headless games and the
//! advisor's look-ahead. Run with `cargo bench --bench core`; figures in docs/performance.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use muscat::advisor::{self, Question, Shuttle};
use muscat::content::Content;
use muscat::game::delegation;
use muscat::game::{self, Audience, Command, Difficulty, GameState, Phase, Side};
use muscat::negotiation::Package;
use muscat::oman as policy;

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

fn decision(c: &mut Criterion) {
    let content = Content::builtin();
    let state = position(&content, 4);
    let package = state.text.package(&content.domain).expect("a full text");
    c.bench_function("delegation decision: the shuttle's text", |b| {
        b.iter(|| delegation::reply(&content, &state, Side::Iran, black_box(&package)));
    });
    // Every clause at the US end: Iran finds no small change that would do, so its counter
    // search runs over every pair of issues.
    let us_end: Package = content
        .domain
        .each_issue()
        .map(|(i, issue)| {
            issue
                .option_choices()
                .find(|&o| state.is_available(&content, i, o))
                .expect("an option")
        })
        .collect();
    c.bench_function(
        "delegation decision: a hard text (full counter search)",
        |b| {
            b.iter(|| delegation::reply(&content, &state, Side::Iran, black_box(&us_end)));
        },
    );
}

fn week(c: &mut Criterion) {
    let content = Content::builtin();
    let state = position(&content, 4);
    c.bench_function("one week (shuttle: table, counter, table, end)", |b| {
        b.iter(|| {
            let mut s = state.clone();
            let mut oman = Shuttle::default();
            let week = s.round;
            while s.round == week && !s.is_over() {
                let command = oman.next(&content, &s);
                if game::apply(&mut s, &content, &command).is_err() {
                    let _ = game::apply(&mut s, &content, &Command::EndRound);
                }
            }
            s
        });
    });
}

fn games(c: &mut Criterion) {
    let content = Content::builtin();
    let mut group = c.benchmark_group("whole headless game");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    for name in ["greedy", "expert"] {
        let mut seed = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                seed += 1;
                let mut oman = policy::by_name(name, seed).expect("policy");
                policy::play(&content, seed, Difficulty::Normal, oman.as_mut())
            });
        });
    }
    group.finish();
}

fn look_ahead(c: &mut Criterion) {
    let content = Content::builtin();
    let mut group = c.benchmark_group("advisor: 1000 futures, 6 weeks");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(6));
    for week in [2, 6] {
        let state = position(&content, week);
        for threads in [1, advisor::cores()] {
            let question = Question {
                plan: vec![Command::Table(Audience::Both)],
                futures: 1000,
                horizon: advisor::HORIZON,
                threads,
            };
            group.bench_function(format!("week {week}, {threads} thread(s)"), |b| {
                b.iter(|| advisor::ask(&content, &state, &question).expect("odds"));
            });
        }
    }
    group.finish();
}

/// Short runs: two cores are shared with other work, and the figures need not be finer.
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = decision, week, games, look_ahead
}
criterion_main!(benches);
