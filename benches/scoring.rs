//! Benchmark of readiness scoring: one rating change followed by `score_selection` over all
//! five bundled certifications (what the UI recomputes after each answer). Prints the median
//! and 95th percentile in microseconds. Budget: well under 2 ms in wasm.
//!
//! Run with `cargo bench --bench scoring`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use repere::core::assessment::{Assessment, Level};
use repere::core::catalogue::Catalogue;
use repere::core::scoring::{rank, score_selection};

const RUNS: usize = 5_000;

fn main() {
    let cat = match Catalogue::bundled() {
        Ok(cat) => cat,
        Err(e) => {
            eprintln!("cannot load the catalogue: {e}");
            std::process::exit(1);
        }
    };
    let mut a = Assessment::default();
    let ids: Vec<String> = cat
        .all()
        .iter()
        .flat_map(|c| c.competencies().map(|(_, comp)| comp.id.clone()))
        .collect();
    for cert in cat.all() {
        if let Err(e) = a.select(&cert.code) {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
    // Two thirds rated, as a user half-way through.
    for (i, id) in ids.iter().enumerate().filter(|(i, _)| i % 3 != 0) {
        let _ = a.rate(id, Some(Level::ALL[i % 4]));
    }

    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    for run in 0..RUNS + 100 {
        let id = &ids[run % ids.len()];
        let level = Level::ALL[(run / ids.len() + run) % 4];
        let start = Instant::now();
        let _ = a.rate(black_box(id), Some(level));
        let scores = score_selection(&cat, &a);
        black_box(rank(&scores).len());
        black_box(&scores);
        let elapsed = start.elapsed();
        if run >= 100 {
            times.push(elapsed); // the first 100 runs warm up
        }
    }
    times.sort_unstable();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    let median = us(times[times.len() / 2]);
    let p95 = us(times[times.len() * 95 / 100]);
    println!(
        "scoring: rate + score_selection + rank over {} certifications ({} competencies), {} runs: median {median:.1} µs, p95 {p95:.1} µs",
        a.selection.len(),
        ids.len(),
        times.len()
    );
}
