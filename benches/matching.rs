//! Benchmark of experience matching (`cargo bench --bench matching`): builds the matcher and
//! the alike index on the bundled catalogue, then suggests competencies for a deterministic
//! 5,000-word French experience text. Prints median and p95 in milliseconds.
//!
//! No harness and no dependency: `std::time::Instant`, a fixed-seed xorshift generator.

use std::hint::black_box;
use std::time::{Duration, Instant};

use repere::core::alike::AlikeIndex;
use repere::core::catalogue::Catalogue;
use repere::core::matching::Matcher;

/// Words a job seeker might write: domain words, inflections, function words, accents,
/// apostrophes, so that every stage of the pipeline works.
const VOCABULARY: &[&str] = &[
    "j’ai",
    "accueilli",
    "les",
    "habitants",
    "du",
    "quartier",
    "et",
    "je",
    "les",
    "orientais",
    "vers",
    "la",
    "CAF",
    "ou",
    "le",
    "CCAS",
    "pendant",
    "mes",
    "maraudes",
    "du",
    "soir",
    "on",
    "apaisait",
    "des",
    "tensions",
    "entre",
    "voisins",
    "dans",
    "l’immeuble",
    "du",
    "bailleur",
    "j’ai",
    "rédigé",
    "un",
    "compte",
    "rendu",
    "après",
    "chaque",
    "intervention",
    "avec",
    "mon",
    "binôme",
    "nous",
    "avons",
    "monté",
    "un",
    "atelier",
    "numérique",
    "pour",
    "les",
    "personnes",
    "âgées",
    "isolées",
    "démarches",
    "en",
    "ligne",
    "sur",
    "internet",
    "école",
    "collège",
    "élèves",
    "parents",
    "médiation",
    "médiatrice",
    "conflit",
    "dispute",
    "altercation",
    "partenaires",
    "association",
    "mairie",
    "réseau",
    "réseaux",
    "sociaux",
    "sécurité",
    "secours",
    "urgence",
    "règlement",
    "consignes",
    "écoute",
    "confiance",
    "bienveillance",
    "projet",
    "fête",
    "affiches",
    "bilan",
    "évaluation",
    "diagnostic",
    "territoire",
    "veille",
    "signalé",
    "dysfonctionnements",
    "pannes",
    "ascenseur",
    "transports",
    "bus",
    "tramway",
    "voyageurs",
    "accès",
    "droits",
    "allocations",
    "dossier",
    "préfecture",
    "interprète",
    "langue",
    "culture",
    "handicap",
    "fauteuil",
    "accessibilité",
    "café",
    "travail",
    "équipe",
];

fn experience_text(words: usize) -> String {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut text = String::with_capacity(words * 9);
    for i in 0..words {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let word = VOCABULARY[(state % VOCABULARY.len() as u64) as usize];
        text.push_str(word);
        text.push_str(if i % 17 == 16 {
            ". "
        } else if i % 7 == 6 {
            ", "
        } else {
            " "
        });
    }
    text
}

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

    report("Matcher::new", time(20, || Matcher::new(&catalogue)));
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
