//! Benchmark of experience matching (`cargo bench --bench matching`): builds the matcher and
//! the alike index on the bundled catalogue, then suggests competencies for a deterministic
//! 5,000-word French experience text. Prints median and p95 in milliseconds.
//!
//! No harness and no dependency: `std::time::Instant`, a fixed-seed xorshift generator.

use std::hint::black_box;
use std::time::{Duration, Instant};

use repere::core::alike::AlikeIndex;
use repere::core::catalogue::Catalogue;
use repere::core::matching::{Examples, Matcher, SurfaceModel, RIDGE};

#[path = "bench_text.rs"]
mod bench_text;
use bench_text::experience_text;

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    let mut out = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        black_box(f());
        out.push(start.elapsed());
    }
    out.sort_unstable();
    out
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<40} runs {:>4}   median {:>8.3} ms   p95 {:>8.3} ms   min {:>8.3} ms",
        samples.len(),
        ms(at(0.5)),
        ms(at(0.95)),
        ms(samples[0])
    );
}

fn main() {
    let catalogue =
        Catalogue::bundled().expect("the bundled catalogue is valid (checked by tests)");
    let competencies: usize = catalogue.all().iter().map(|c| c.competency_count()).sum();
    println!(
        "catalogue: {} certifications, {competencies} competencies",
        catalogue.all().len()
    );

    // The examples' surface model is built by the first matcher and shared by the next ones
    // (another selection of certifications): both costs.
    let examples = Examples::bundled().examples;
    report(
        "SurfaceModel::new (first matcher only)",
        time(10, || SurfaceModel::new(&examples, RIDGE)),
    );
    report(
        "Matcher::new (surface model shared)",
        time(20, || Matcher::new(&catalogue)),
    );
    report(
        "Matcher::lexical (no examples)",
        time(20, || Matcher::lexical(&catalogue)),
    );
    report(
        "AlikeIndex::compute",
        time(20, || AlikeIndex::compute(&catalogue)),
    );

    let matcher = Matcher::new(&catalogue);
    for words in [50, 500, 5_000] {
        let text = experience_text(words);
        let first = matcher.suggest(&text, |_| true, 10);
        assert!(!first.is_empty(), "the generated text matches something");
        let runs = if words >= 5_000 { 60 } else { 200 };
        report(
            &format!("suggest, {words} words ({} bytes)", text.len()),
            time(runs, || matcher.suggest(black_box(&text), |_| true, 10)),
        );
    }
}
