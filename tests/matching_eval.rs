//! Evaluation of the experience matcher against `tests/eval/experiences.json`: hand-labelled
//! experiences, written in job seekers' words, with the competencies a mediation professional
//! would link to them.
//!
//! Prints precision@5 and recall@10, macro-averaged over experiences (on stdout and stderr, as
//! `--nocapture` is not always used), for the whole catalogue and per certification, and fails
//! when they drop below the floors (set slightly under the current figures, so a regression
//! fails). Set `MATCHING_EVAL_VERBOSE=1` to print every experience's top suggestions.
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;

use repere::core::catalogue::Catalogue;
use repere::core::matching::Matcher;
use serde::Deserialize;

const EVAL_JSON: &str = include_str!("eval/experiences.json");

/// Floors for all experiences (measured 0.552 and 0.476, minus a small margin).
const MIN_PRECISION_AT_5: f64 = 0.52;
const MIN_RECALL_AT_10: f64 = 0.45;
/// Floors for the holdout experiences alone (measured 0.580 and 0.494; ten experiences, so a
/// wider margin).
const MIN_HOLDOUT_PRECISION_AT_5: f64 = 0.50;
const MIN_HOLDOUT_RECALL_AT_10: f64 = 0.44;

#[derive(Debug, Deserialize)]
struct EvalFile {
    experiences: Vec<Experience>,
}

#[derive(Debug, Deserialize)]
struct Experience {
    id: String,
    context: String,
    /// `tuning` (used to tune the lexicon) or `holdout` (never used to tune).
    split: String,
    text: String,
    labels: Vec<String>,
}

fn load() -> (Catalogue, Vec<Experience>) {
    let cat = Catalogue::bundled().unwrap();
    let file: EvalFile = serde_json::from_str(EVAL_JSON).unwrap();
    (cat, file.experiences)
}

fn say(line: &str) {
    println!("{line}");
    eprintln!("{line}");
}

/// Macro-averaged figures over a set of experiences.
#[derive(Debug, Clone, Copy)]
struct Figures {
    precision_at_5: f64,
    recall_at_10: f64,
    /// Best precision@5 reachable: experiences with fewer than 5 labels cannot reach 1.
    precision_ceiling: f64,
    experiences: usize,
}

impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "precision@5 = {:.3} (ceiling {:.3}), recall@10 = {:.3} ({} experiences)",
            self.precision_at_5, self.precision_ceiling, self.recall_at_10, self.experiences
        )
    }
}

/// Figures over the experiences that have labels in the competencies kept by `keep`,
/// suggestions restricted to the same competencies.
fn evaluate(
    matcher: &Matcher,
    experiences: &[&Experience],
    keep: &dyn Fn(&str) -> bool,
    verbose: bool,
) -> Figures {
    let (mut p5, mut r10, mut ceiling, mut n) = (0.0, 0.0, 0.0, 0usize);
    for e in experiences {
        let labels: HashSet<&str> = e
            .labels
            .iter()
            .map(String::as_str)
            .filter(|l| keep(l))
            .collect();
        if labels.is_empty() {
            continue;
        }
        let got = matcher.suggest(&e.text, keep, 10);
        let hits = |k: usize| {
            got.iter()
                .take(k)
                .filter(|s| labels.contains(s.competency_id.as_str()))
                .count()
        };
        p5 += hits(5) as f64 / 5.0;
        ceiling += labels.len().min(5) as f64 / 5.0;
        r10 += hits(10) as f64 / labels.len() as f64;
        n += 1;
        if verbose {
            say(&format!(
                "--- {} ({}, {}): {} labels, {}/5 and {}/10 hit",
                e.id,
                e.context,
                e.split,
                labels.len(),
                hits(5),
                hits(10)
            ));
            for s in &got {
                let mark = if labels.contains(s.competency_id.as_str()) {
                    '+'
                } else {
                    ' '
                };
                say(&format!(
                    "  {mark} {:.3} {} {:?}",
                    s.score, s.competency_id, s.matched_terms
                ));
            }
            let missed: Vec<&str> = labels
                .iter()
                .copied()
                .filter(|l| !got.iter().any(|s| s.competency_id == *l))
                .collect();
            say(&format!("    missed: {missed:?}"));
        }
    }
    let avg = |x: f64| if n == 0 { 0.0 } else { x / n as f64 };
    Figures {
        precision_at_5: avg(p5),
        recall_at_10: avg(r10),
        precision_ceiling: avg(ceiling),
        experiences: n,
    }
}

#[test]
fn eval_set_is_well_formed() {
    let (cat, experiences) = load();
    assert!(experiences.len() >= 35, "at least 35 experiences");
    let mut ids = HashSet::new();
    for e in &experiences {
        assert!(
            ids.insert(e.id.as_str()),
            "duplicate experience id {}",
            e.id
        );
        assert!(!e.text.trim().is_empty(), "{}: empty text", e.id);
        assert!(
            ["tuning", "holdout"].contains(&e.split.as_str()),
            "{}: split {}",
            e.id,
            e.split
        );
        assert!(
            (3..=14).contains(&e.labels.len()),
            "{}: {} labels",
            e.id,
            e.labels.len()
        );
        let distinct: HashSet<&String> = e.labels.iter().collect();
        assert_eq!(distinct.len(), e.labels.len(), "{}: duplicate label", e.id);
        for l in &e.labels {
            assert!(
                cat.competency(l).is_some(),
                "{}: unknown competency {l}",
                e.id
            );
        }
    }
}

#[test]
fn precision_and_recall_floors() {
    let (cat, experiences) = load();
    let matcher = Matcher::new(&cat);
    let verbose = std::env::var_os("MATCHING_EVAL_VERBOSE").is_some();
    let all: Vec<&Experience> = experiences.iter().collect();
    let split = |name: &str| -> Vec<&Experience> {
        experiences.iter().filter(|e| e.split == name).collect()
    };
    let everything = evaluate(&matcher, &all, &|_| true, verbose);
    let tuning = evaluate(&matcher, &split("tuning"), &|_| true, false);
    let holdout = evaluate(&matcher, &split("holdout"), &|_| true, false);
    say("matching eval, suggestions among all bundled competencies:");
    say(&format!("  all experiences:     {everything}"));
    say(&format!("  tuning experiences:  {tuning}"));
    say(&format!("  holdout experiences: {holdout}"));
    for cert in cat.all() {
        let prefix = format!("{}BC", cert.code);
        let figures = evaluate(&matcher, &all, &|id: &str| id.starts_with(&prefix), false);
        say(&format!("  restricted to {:<9} {figures}", cert.code));
    }
    assert!(
        everything.precision_at_5 >= MIN_PRECISION_AT_5,
        "precision@5 {:.3} fell below {MIN_PRECISION_AT_5}",
        everything.precision_at_5
    );
    assert!(
        everything.recall_at_10 >= MIN_RECALL_AT_10,
        "recall@10 {:.3} fell below {MIN_RECALL_AT_10}",
        everything.recall_at_10
    );
    assert!(
        holdout.precision_at_5 >= MIN_HOLDOUT_PRECISION_AT_5,
        "holdout precision@5 {:.3} fell below {MIN_HOLDOUT_PRECISION_AT_5}",
        holdout.precision_at_5
    );
    assert!(
        holdout.recall_at_10 >= MIN_HOLDOUT_RECALL_AT_10,
        "holdout recall@10 {:.3} fell below {MIN_HOLDOUT_RECALL_AT_10}",
        holdout.recall_at_10
    );
}
