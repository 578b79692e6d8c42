//! Benchmarks of what surrounds the core: drawing one frame at 160×48, loading all the assets,
//! and saving then loading a save. Run with `cargo bench --bench io`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use muscat::app::{App, Msg};
use muscat::content::{self, Bundle, Content};
use muscat::game::Difficulty;
use muscat::save::{self, SaveFile};

use muscat::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn frame(c: &mut Criterion) {
    let content = Content::builtin();
    let state = muscat::game::start(&content, 42, Difficulty::Normal);
    let mut app = App::new(content, state, Vec::new());
    while !app.overlays.is_empty() {
        app.update(Msg::Confirm);
    }
    for _ in 0..5 {
        app.update(Msg::Right);
        app.update(Msg::Down);
    }
    app.update(Msg::Table);
    let theme = Theme::colour();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("backend");
    c.bench_function("draw one frame at 160x48 (table screen)", |b| {
        b.iter(|| {
            terminal
                .draw(|f| ui::view(f, black_box(&app), &theme))
                .expect("draw");
        });
    });
}

fn assets(c: &mut Criterion) {
    c.bench_function("load all assets (parse, resolve, validate)", |b| {
        b.iter(|| content::load(&Bundle::builtin(), None).expect("valid assets"));
    });
}

fn saves(c: &mut Criterion) {
    let content = Content::builtin();
    let mut oman = muscat::oman::by_name("greedy", 3).expect("greedy");
    let (state, log) = muscat::oman::play(&content, 3, Difficulty::Normal, oman.as_mut());
    let file = SaveFile::new(&content, &state, &log);
    let dir = std::env::temp_dir().join(format!("muscat-bench-{}", std::process::id()));
    let mut group = c.benchmark_group("save");
    group.bench_function("write then read a finished game", |b| {
        b.iter(|| {
            let path = save::write(&dir, "bench", &file).expect("write").path;
            save::read(&path).expect("read")
        });
    });
    group.bench_function("verify a save (replay its log)", |b| {
        b.iter(|| save::verify(&content, &file).expect("verifies"));
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
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
    targets = frame, assets, saves
}
criterion_main!(benches);
