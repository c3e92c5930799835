//! Precision and recall of the competency splitter (`core::import::split`) against a human
//! split of real texts: the list-shaped fields of the export sample
//! (`tests/fixtures/split-labels.json`) and the seeds' `attested_competencies`, flattened the
//! way the export flattens line breaks, labelled by their own blocs' competencies.
//!
//! Run `cargo test --test import_split -- --nocapture` to see the figures.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use repere::core::catalogue::parse_certification;
use repere::core::import::fiche::RawFiche;
use repere::core::import::reader::read_fiches;
use repere::core::import::split::split_competencies;
use repere::core::model::AccessRouteKind;
use serde::Deserialize;

#[derive(Deserialize)]
struct Labels {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    fiche: String,
    field: String,
    #[serde(default)]
    bloc: Option<String>,
    expected: Vec<String>,
}

/// What counts as the same item: case, blank runs and final punctuation aside.
fn norm(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_end_matches(['.', ';', ',', ':', ' ']).to_lowercase()
}

#[derive(Default, Clone, Copy)]
struct Score {
    lists: usize,
    expected: usize,
    predicted: usize,
    matched: usize,
}

impl Score {
    fn add(&mut self, predicted: &[String], expected: &[String]) -> usize {
        let mut pool: HashMap<String, usize> = HashMap::new();
        for e in expected {
            *pool.entry(norm(e)).or_default() += 1;
        }
        let mut matched = 0;
        for p in predicted {
            if let Some(n) = pool.get_mut(&norm(p)).filter(|n| **n > 0) {
                *n -= 1;
                matched += 1;
            }
        }
        self.lists += 1;
        self.expected += expected.len();
        self.predicted += predicted.len();
        self.matched += matched;
        matched
    }
    fn precision(&self) -> f64 {
        self.matched as f64 / self.predicted.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.matched as f64 / self.expected.max(1) as f64
    }
}

fn sample() -> HashMap<String, RawFiche> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = fs::File::open(root.join("tests/fixtures/rncp-export-v4.1-sample.xml"))
        .expect("the sample export is in tests/fixtures");
    let mut fiches = HashMap::new();
    read_fiches(file, |f| {
        let code = f.raw.code.clone().expect("sample fiches have a code");
        fiches.insert(code, f.raw);
    })
    .expect("the sample reads");
    fiches
}

fn field<'a>(raw: &'a RawFiche, case: &Case) -> &'a str {
    let text = match case.field.as_str() {
        "LISTE_COMPETENCES" => raw
            .blocs
            .iter()
            .find(|b| b.code.as_deref() == case.bloc.as_deref())
            .and_then(|b| b.list.as_deref()),
        "CAPACITES_ATTESTEES" => raw.attested.as_deref(),
        "ACTIVITES_VISEES" => raw.activities.as_deref(),
        "PREREQUIS_ENTREE_FORMATION" => raw.prerequisites.as_deref(),
        "REGLEMENTATIONS_ACTIVITES" => raw.regulations.as_deref(),
        "SECTEURS_ACTIVITE" => raw.sectors.as_deref(),
        "TYPE_EMPLOI_ACCESSIBLES" => raw.jobs.as_deref(),
        "SI_JURY_VAE/COMPOSITION" => raw
            .juries
            .iter()
            .find(|j| j.route == AccessRouteKind::Vae)
            .and_then(|j| j.composition.as_deref()),
        other => panic!("unknown field {other} in split-labels.json"),
    };
    text.unwrap_or_else(|| panic!("{} has no {}", case.fiche, case.field))
}

#[test]
fn splitter_precision_and_recall() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let labels: Labels = serde_json::from_str(
        &fs::read_to_string(root.join("tests/fixtures/split-labels.json"))
            .expect("labels are in tests/fixtures"),
    )
    .expect("labels parse");
    let fiches = sample();
    let mut blocs = Score::default();
    let mut others = Score::default();
    let mut seeds = Score::default();
    let mut misses = Vec::new();
    for case in &labels.cases {
        let raw = &fiches[&case.fiche];
        let hints: Vec<&str> = if case.field == "LISTE_COMPETENCES" {
            raw.attested.as_deref().into_iter().collect()
        } else {
            Vec::new()
        };
        let got = split_competencies(field(raw, case), &hints).items;
        let score = if case.field == "LISTE_COMPETENCES" {
            &mut blocs
        } else {
            &mut others
        };
        let matched = score.add(&got, &case.expected);
        if matched != got.len() || matched != case.expected.len() {
            misses.push(format!(
                "{} {} {:?}: {matched} of {} expected, {} predicted\n  got: {got:#?}",
                case.fiche,
                case.field,
                case.bloc,
                case.expected.len(),
                got.len()
            ));
        }
    }
    // The seeds' CAPACITES texts, with their line breaks turned into the export's blank runs;
    // their blocs hold the human split. RNCP36524 (items rephrased from comma lists) and
    // RNCP36241 (blocs rebuilt from a summary) are not verbatim splits and are left out.
    for code in ["RNCP37722", "RNCP2383", "RNCP41674"] {
        let file = format!("{code}.json");
        let json = fs::read_to_string(root.join("data").join(&file)).expect("seed data file");
        let cert = parse_certification(&file, &json).expect("seed data parses");
        let text = cert
            .attested_competencies
            .as_deref()
            .expect("attested competencies")
            .replace('\n', "    ");
        let expected: Vec<String> = cert.competencies().map(|(_, c)| c.label.clone()).collect();
        let got = split_competencies(&text, &[]).items;
        let matched = seeds.add(&got, &expected);
        if matched != got.len() || matched != expected.len() {
            misses.push(format!(
                "{code} seed: {matched} of {}\n  got: {got:#?}",
                expected.len()
            ));
        }
    }
    let mut all = Score::default();
    for s in [blocs, others, seeds] {
        all.lists += s.lists;
        all.expected += s.expected;
        all.predicted += s.predicted;
        all.matched += s.matched;
    }
    for (name, s) in [
        ("sample blocs (LISTE_COMPETENCES)", blocs),
        ("sample other list fields", others),
        ("seeds' CAPACITES texts", seeds),
        ("all", all),
    ] {
        println!(
            "SPLIT {name}: {} lists, {} items expected, {} predicted, precision {:.3}, recall {:.3}",
            s.lists,
            s.expected,
            s.predicted,
            s.precision(),
            s.recall()
        );
    }
    for m in &misses {
        println!("MISS {m}");
    }
    assert!(
        all.precision() >= 0.95 && all.recall() >= 0.95,
        "{misses:#?}"
    );
    assert!(
        blocs.precision() >= 0.95 && blocs.recall() >= 0.95,
        "{misses:#?}"
    );
}

/// An item wrapped as a narrow text field would: a line break (a run of blanks in the export)
/// before the first lower-case word after the 50th byte.
fn wrap(item: &str) -> String {
    let cut = item
        .char_indices()
        .filter(|(i, c)| *i > 50 && *c == ' ')
        .map(|(i, _)| i)
        .find(|&i| item[i + 1..].starts_with(char::is_lowercase));
    match cut {
        Some(i) => format!("{}    {}", &item[..i], &item[i + 1..]),
        None => item.to_owned(),
    }
}

/// The same real items written in the other list styles met in the export (markers, lead-ins,
/// lost breaks): the split must not depend on the sample's style.
#[test]
fn splitter_on_restyled_sample_lists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let labels: Labels = serde_json::from_str(
        &fs::read_to_string(root.join("tests/fixtures/split-labels.json"))
            .expect("labels are in tests/fixtures"),
    )
    .expect("labels parse");
    type Style = fn(usize, &str) -> String;
    let styles: [(&str, &str, Style); 12] = [
        ("no marker, breaks lost", " ", |_, i| i.to_owned()),
        ("wrapped lines", "    ", |_, i| wrap(i)),
        ("dashes", "  ", |_, i| format!("- {i}")),
        ("stars after a lead-in", "    ", |_, i| format!("* {i}")),
        ("bullets, one space", " ", |_, i| format!("• {i}")),
        ("C1., one space", " ", |n, i| format!("C{}. {i}", n + 1)),
        ("A1C1 -", "  ", |n, i| format!("A1C{} - {i}", n + 1)),
        ("1.1.1", "  ", |n, i| format!("1.1.{} {i}", n + 1)),
        ("1)", "   ", |n, i| format!("{}) {i}", n + 1)),
        ("Word bullets", " ", |_, i| format!("\u{f0b7} {i}")),
        ("HTML list", "", |_, i| format!("<li>{i}</li>")),
        ("semicolons", " ", |_, i| {
            format!("{};", i.trim_end_matches('.'))
        }),
    ];
    let mut total = Score::default();
    for (name, sep, style) in styles {
        let mut score = Score::default();
        for case in labels
            .cases
            .iter()
            .filter(|c| c.field == "LISTE_COMPETENCES")
        {
            let items: Vec<String> = case
                .expected
                .iter()
                .enumerate()
                .map(|(n, i)| style(n, i))
                .collect();
            let mut text = items.join(sep);
            if name.contains("lead-in") {
                text = format!("Le candidat est capable de :    {text}");
            }
            let got = split_competencies(&text, &[]).items;
            score.add(&got, &case.expected);
        }
        println!(
            "SPLIT restyled ({name}): {} items, precision {:.3}, recall {:.3}",
            score.expected,
            score.precision(),
            score.recall()
        );
        total.lists += score.lists;
        total.expected += score.expected;
        total.predicted += score.predicted;
        total.matched += score.matched;
    }
    println!(
        "SPLIT restyled (all): {} items, precision {:.3}, recall {:.3}",
        total.expected,
        total.precision(),
        total.recall()
    );
    assert!(total.precision() >= 0.95 && total.recall() >= 0.95);
}

// The splitter and the fiche parser never panic, whatever the text: every label is non-empty
// and has no blank run.
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn splitter_never_panics(text in "(\\PC|[ \\n\\t•\\-*–°:;.()<>0-9A-Za-z]){0,200}") {
        let s = split_competencies(&text, &[&text]);
        for item in &s.items {
            proptest::prop_assert!(!item.trim().is_empty());
            proptest::prop_assert!(!item.contains("  "));
        }
    }

    #[test]
    fn fiche_parser_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
        let mut xml = b"<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><BLOCS_COMPETENCES>".to_vec();
        xml.extend(bytes);
        let _ = repere::core::import::reader::parse_fiche(&xml, 1);
    }
}
