//! Browser benchmarks of the core, compiled to wasm and run in headless Chromium (not a test:
//! nothing is asserted about time). `make bench` runs it as
//! `cargo test --release --target wasm32-unknown-unknown --test bench_wasm -- --nocapture`.
//!
//! - a rating change followed by recomputing every score of every selected certification
//!   (all five selected), median and p95 over 200 changes;
//! - matching a 5,000-word experience text against every competency, median over 30 runs;
//! - building the matcher, the alike index and the search index once;
//! - catalogue search per keystroke at 5,518 fiches (the seeds repeated with fresh codes).
#![cfg(target_arch = "wasm32")]

use repere::core::alike::AlikeIndex;
use repere::core::assessment::{Assessment, Level};
use repere::core::catalogue::Catalogue;
use repere::core::matching::{Examples, Matcher, SurfaceModelBuilder};
use repere::core::scoring::{rank, score_selection};
use repere::core::search::{Query, SearchIndex};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

#[path = "../benches/bench_text.rs"]
mod bench_text;
use bench_text::experience_text;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

fn median_p95(mut samples: Vec<f64>) -> (f64, f64) {
    samples.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

#[wasm_bindgen_test]
fn bench_core_in_wasm() {
    let t0 = now();
    let catalogue = Catalogue::bundled().expect("bundled data parses");
    let t1 = now();
    let matcher = Matcher::new(&catalogue);
    let t2 = now();
    let alike = AlikeIndex::compute(&catalogue);
    let t3 = now();
    let analyzer = repere::core::matching::Analyzer::new();
    let index = SearchIndex::new(&catalogue, Some(&analyzer));
    let t4 = now();
    // Another selection's matcher: the examples' surface model is shared, not rebuilt.
    let first = Catalogue::from_certifications(vec![("a.json".into(), catalogue.all()[0].clone())])
        .expect("one certification");
    let t5 = now();
    let other = Matcher::new(&first);
    let t6 = now();
    assert!(!other.is_empty());
    console_log!(
        "BENCH wasm: parse catalogue {:.1} ms, Matcher::new {:.1} ms (first; another selection {:.1} ms), AlikeIndex::compute {:.1} ms ({} pairs), SearchIndex::new {:.1} ms",
        t1 - t0, t2 - t1, t6 - t5, t3 - t2, alike.pairs().len(), t4 - t3
    );

    // The examples' surface model built in slices of 8 ms, as the experiences page does: the
    // longest slice (a long task is one over 50 ms).
    let mut builder =
        SurfaceModelBuilder::new(&Examples::bundled().examples, repere::core::matching::RIDGE);
    let (mut slices, mut longest) = (0, 0f64);
    let build_start = now();
    loop {
        let start = now();
        let out_of_time = move || now() - start >= 8.0;
        let done = builder.run(&out_of_time).is_some();
        slices += 1;
        longest = longest.max(now() - start);
        if done {
            break;
        }
    }
    console_log!(
        "BENCH wasm: examples' surface model in slices of 8 ms: {slices} slices, longest {longest:.1} ms, {:.1} ms in all",
        now() - build_start
    );

    // Rating change → every score of every selected certification.
    let mut work = Assessment::default();
    for cert in catalogue.all() {
        work.select(&cert.code).expect("valid code");
    }
    let ids: Vec<String> = catalogue
        .all()
        .iter()
        .flat_map(|c| c.competencies().map(|(_, k)| k.id.clone()))
        .collect();
    let mut samples = Vec::new();
    for i in 0..200 {
        let start = now();
        work.rate(&ids[i % ids.len()], Some(Level::ALL[i % 4]))
            .expect("valid id");
        let scores = score_selection(&catalogue, &work);
        std::hint::black_box(rank(&scores));
        samples.push(now() - start);
    }
    let (median, p95) = median_p95(samples);
    console_log!("BENCH wasm: rating change + all scores ({} competencies, 5 certifications): median {median:.3} ms, p95 {p95:.3} ms (target ≤ 2 ms)", ids.len());

    // Matching a 5,000-word experience.
    let long = experience_text(5_000);
    let mut samples = Vec::new();
    for _ in 0..30 {
        let start = now();
        std::hint::black_box(matcher.suggest(&long, |_| true, 10));
        samples.push(now() - start);
    }
    let (median, p95) = median_p95(samples);
    console_log!("BENCH wasm: matching a 5,000-word text: median {median:.2} ms, p95 {p95:.2} ms (target ≤ 20 ms)");

    // A catalogue search keystroke.
    let mut samples = Vec::new();
    for q in [
        "c",
        "co",
        "con",
        "conf",
        "confl",
        "confli",
        "conflit",
        "mediation",
        "K1204",
        "numérique",
    ]
    .iter()
    .cycle()
    .take(100)
    {
        let start = now();
        std::hint::black_box(index.search(
            &Query {
                text: (*q).to_owned(),
                ..Query::default()
            },
            repere::core::date::Date {
                year: 2026,
                month: 11,
                day: 22,
            },
        ));
        samples.push(now() - start);
    }
    let (median, p95) = median_p95(samples);
    console_log!(
        "BENCH wasm: catalogue search per keystroke: median {median:.3} ms, p95 {p95:.3} ms"
    );
}

/// The seeds repeated with fresh codes (and ids) to the size of the active RNCP: every fiche
/// shares the seeds' vocabulary, so common words hit thousands of fiches (a worst case).
fn scaled_catalogue(count: usize) -> Catalogue {
    let seeds = Catalogue::bundled().expect("bundled data parses");
    let certs = (0..count)
        .map(|i| {
            let mut cert = seeds.all()[i % seeds.all().len()].clone();
            let old = cert.code.clone();
            let code = format!("RNCP{}", 900_000 + i);
            let renamed = |s: &str| s.replacen(&old, &code, 1);
            for b in &mut cert.blocs {
                b.code = renamed(&b.code);
                for c in &mut b.competencies {
                    c.id = renamed(&c.id);
                }
            }
            cert.previous.clear();
            cert.next.clear();
            cert.code = code;
            (format!("{i}.json"), cert)
        })
        .collect();
    Catalogue::from_certifications(certs).expect("distinct codes")
}

#[wasm_bindgen_test]
fn bench_search_at_scale_in_wasm() {
    let catalogue = scaled_catalogue(5_518);
    let analyzer = repere::core::matching::Analyzer::new();
    let t0 = now();
    let index = SearchIndex::new(&catalogue, Some(&analyzer));
    let built = now() - t0;
    let today = repere::core::date::Date {
        year: 2026,
        month: 11,
        day: 22,
    };
    // Typed letter by letter, as the catalogue page runs it: rank every hit, then the reasons of
    // the 24 cards shown.
    let mut samples = Vec::new();
    for query in [
        "médiation",
        "conflit",
        "accompagner les publics",
        "RNCP900042",
        "sécurité",
        "partenaires sociaux",
    ] {
        let chars: Vec<char> = query.chars().collect();
        for n in 1..=chars.len() {
            let q = Query {
                text: chars[..n].iter().collect(),
                ..Query::default()
            };
            let start = now();
            let mut hits = index.search_page(&q, today, 0);
            let shown = hits.len().min(24);
            index.explain(&mut hits[..shown], &q);
            std::hint::black_box(&hits);
            samples.push(now() - start);
        }
    }
    let n = samples.len();
    let mean = samples.iter().sum::<f64>() / n as f64;
    let max = samples.iter().copied().fold(0.0, f64::max);
    let (median, p95) = median_p95(samples);
    console_log!(
        "BENCH wasm: search at 5,518 fiches (seeds repeated): index built in {built:.0} ms; per keystroke median {median:.2} ms, p95 {p95:.2} ms, mean {mean:.2} ms, max {max:.2} ms ({n} keystrokes)"
    );
}
