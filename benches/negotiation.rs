//! One bilateral session of the negotiation engine on the game's domain, 100 rounds of
//! alternating offers, the two pragmatists of `muscat simulate --bilateral`: with the space and
//! each side's ranking built inside the session, and with them built once and reused (as the
//! bilateral sweep does). Run with `cargo bench --bench negotiation`; figures in
//! docs/performance.md, beside NegMAS's from scripts/negmas_bench.sh.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use muscat::content::Content;
use muscat::game::Side;
use muscat::negotiation::{Negotiator, Ranking, Space, Tactic, alternating_offers};

const ROUNDS: u32 = 100;
const WALKAWAY: f64 = 0.45;

fn session(c: &mut Criterion) {
    let content = Content::builtin();
    let domain = &content.domain;
    let open = |i, ch| !domain.issue(i).is_locked(ch);
    let us = content.delegation(Side::Us).prefs.clone();
    let iran = content.delegation(Side::Iran).prefs.clone();
    let mut group = c.benchmark_group("bilateral session, game domain, 100 rounds");
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("building the space", |b| {
        b.iter(|| {
            let space = Space::new(domain, &open).expect("the game's domain");
            let mut a =
                Negotiator::new(&space, us.clone(), WALKAWAY, Tactic::PRAGMATIST, &|_| true);
            let mut z =
                Negotiator::new(&space, iran.clone(), WALKAWAY, Tactic::PRAGMATIST, &|_| {
                    true
                });
            black_box(alternating_offers(&space, &mut a, &mut z, ROUNDS))
        });
    });
    let space = Space::new(domain, &open).expect("the game's domain");
    let rank_us = Ranking::new(&space, &us, &|_| true);
    let rank_iran = Ranking::new(&space, &iran, &|_| true);
    group.bench_function("space reused", |b| {
        b.iter(|| {
            let mut a = Negotiator::ranked(&rank_us, us.clone(), WALKAWAY, Tactic::PRAGMATIST);
            let mut z = Negotiator::ranked(&rank_iran, iran.clone(), WALKAWAY, Tactic::PRAGMATIST);
            black_box(alternating_offers(&space, &mut a, &mut z, ROUNDS))
        });
    });
    group.finish();
}

criterion_group!(benches, session);
criterion_main!(benches);
