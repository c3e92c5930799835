//! Evaluation of the experience matcher (issue 10) against hand-labelled experiences written in
//! job seekers' words:
//!
//! - `tests/eval/experiences.json`: mediation experiences labelled with competencies of the five
//!   bundled certifications, and off-domain experiences (context `hors-domaine`, no labels) that
//!   should get no suggestion;
//! - `tests/eval/second-domain.json`: a second trade (veterinary assistant, plus a few web
//!   developer and HR assistant experiences) labelled with the competencies of the catalogue in
//!   `tests/eval/second-domain/`, imported by `rncp-import` from the sample export;
//! - `tests/eval/agreement.json`: a second labelling of a sample, done in a separate pass without
//!   the first labels in view, to measure how far the labels themselves can be trusted.
//!
//! Prints precision@5 and recall@10, macro-averaged over experiences, separately on the `tuning`
//! and `holdout` splits of each domain, the number of suggestions above the matcher's threshold
//! that each off-domain experience receives, and the labellers' agreement (on stdout and stderr,
//! as `--nocapture` is not always used). Fails when a figure gets worse than the bounds below,
//! set just under (or, for suggestion counts, at) the figures measured when they were written, so
//! a regression fails. Everything is read at compile time from the repository. Set
//! `MATCHING_EVAL_VERBOSE=1` to print every experience's top suggestions.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, HashSet};

use repere::core::catalogue::Catalogue;
use repere::core::matching::Matcher;
use serde::Deserialize;

const EVAL_JSON: &str = include_str!("eval/experiences.json");
const SECOND_DOMAIN_JSON: &str = include_str!("eval/second-domain.json");
const AGREEMENT_JSON: &str = include_str!("eval/agreement.json");
/// The second domain's catalogue, imported by `rncp-import` from
/// `tests/fixtures/rncp-export-v4.1-sample.xml` (see `tests/eval/second-domain/README.md`).
const SECOND_DOMAIN_SOURCES: &[(&str, &str)] = &[
    (
        "RNCP36612.json",
        include_str!("eval/second-domain/RNCP36612.json"),
    ),
    (
        "RNCP37674.json",
        include_str!("eval/second-domain/RNCP37674.json"),
    ),
    (
        "RNCP40344.json",
        include_str!("eval/second-domain/RNCP40344.json"),
    ),
];
/// The bundled mediation certifications: mediation suggestions are restricted to them.
const MEDIATION_CODES: [&str; 5] = [
    "RNCP2383",
    "RNCP36241",
    "RNCP36524",
    "RNCP37722",
    "RNCP41674",
];
/// Context of the off-domain experiences (no labels; every suggestion is a false one).
const OFF_DOMAIN: &str = "hors-domaine";
/// How many experiences of `experiences.json` predate issue 10 (the first entries of the file,
/// written with the matcher); their figures are still reported, against their earlier floors.
const EARLIER_ENTRIES: usize = 50;
/// Floors of the mediation figures (122 experiences; measured 0.518 and 0.486 on the 88 tuning
/// ones, 0.465 and 0.440 on the 34 holdout ones), lowered a little; the holdout is smaller, so a
/// wider margin.
const MIN_TUNING_PRECISION_AT_5: f64 = 0.50;
const MIN_TUNING_RECALL_AT_10: f64 = 0.47;
const MIN_HOLDOUT_PRECISION_AT_5: f64 = 0.44;
const MIN_HOLDOUT_RECALL_AT_10: f64 = 0.42;
/// Floors of the first 50 entries, the set before issue 10 (measured 0.552 and 0.476).
const MIN_PRECISION_AT_5: f64 = 0.52;
const MIN_RECALL_AT_10: f64 = 0.45;
/// Floors of the first 50 entries' holdout (measured 0.580 and 0.494; ten experiences).
const MIN_FIRST_HOLDOUT_PRECISION_AT_5: f64 = 0.50;
const MIN_FIRST_HOLDOUT_RECALL_AT_10: f64 = 0.44;
/// Floors of the second domain (measured 0.267 and 0.706 on the 24 tuning experiences, 0.236
/// and 0.773 on the 11 holdout ones). Its experiences have few labels each, so precision@5 is
/// capped well under 1 (the printed ceiling).
const MIN_SECOND_TUNING_PRECISION_AT_5: f64 = 0.25;
const MIN_SECOND_TUNING_RECALL_AT_10: f64 = 0.68;
const MIN_SECOND_HOLDOUT_PRECISION_AT_5: f64 = 0.21;
const MIN_SECOND_HOLDOUT_RECALL_AT_10: f64 = 0.74;
/// Bounds of the suggestions above the threshold that the 16 off-domain experiences get:
/// measured 125 in all and 19 at most for one. Issue 10's goal is at most one each.
const MAX_OFF_DOMAIN_SUGGESTIONS: usize = 125;
const MAX_OFF_DOMAIN_SUGGESTIONS_EACH: usize = 19;
/// Floors of the labellers' agreement, pooled over every (experience, competency) decision of
/// the 25 experiences labelled twice (measured micro-F1 0.858, Cohen's kappa 0.847).
const MIN_AGREEMENT_F1: f64 = 0.85;
const MIN_AGREEMENT_KAPPA: f64 = 0.84;

#[derive(Debug, Deserialize)]
struct EvalFile {
    experiences: Vec<Experience>,
}

#[derive(Debug, Deserialize)]
struct AgreementFile {
    second_labels: BTreeMap<String, Vec<String>>,
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

/// The second domain: its catalogue (built from the imported files) and its experiences.
fn load_second_domain() -> (Catalogue, Vec<Experience>) {
    let cat = Catalogue::from_sources(SECOND_DOMAIN_SOURCES).unwrap();
    let file: EvalFile = serde_json::from_str(SECOND_DOMAIN_JSON).unwrap();
    (cat, file.experiences)
}

/// Whether a competency id belongs to one of the five bundled mediation certifications.
fn is_mediation(id: &str) -> bool {
    MEDIATION_CODES.iter().any(|code| {
        id.strip_prefix(code)
            .is_some_and(|rest| rest.starts_with("BC"))
    })
}

fn is_negative(e: &Experience) -> bool {
    e.context == OFF_DOMAIN
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

/// Agreement of two labellings over the same yes/no decisions (one per experience and
/// competency of its catalogue).
#[derive(Debug, Default, Clone, Copy)]
struct Agreement {
    both: usize,
    first_only: usize,
    second_only: usize,
    neither: usize,
}

impl Agreement {
    fn add(&mut self, first: &HashSet<&str>, second: &HashSet<&str>, ids: &[&str]) {
        for id in ids {
            match (first.contains(id), second.contains(id)) {
                (true, true) => self.both += 1,
                (true, false) => self.first_only += 1,
                (false, true) => self.second_only += 1,
                (false, false) => self.neither += 1,
            }
        }
    }

    fn decisions(&self) -> usize {
        self.both + self.first_only + self.second_only + self.neither
    }

    /// Micro-averaged F1 of one labelling against the other (symmetric).
    fn micro_f1(&self) -> f64 {
        let denominator = 2 * self.both + self.first_only + self.second_only;
        if denominator == 0 {
            1.0
        } else {
            2.0 * self.both as f64 / denominator as f64
        }
    }

    /// Cohen's kappa over all the yes/no decisions, pooled.
    fn kappa(&self) -> f64 {
        let n = self.decisions() as f64;
        if n == 0.0 {
            return 1.0;
        }
        let observed = (self.both + self.neither) as f64 / n;
        let first_yes = (self.both + self.first_only) as f64 / n;
        let second_yes = (self.both + self.second_only) as f64 / n;
        let expected = first_yes * second_yes + (1.0 - first_yes) * (1.0 - second_yes);
        if expected >= 1.0 {
            1.0
        } else {
            (observed - expected) / (1.0 - expected)
        }
    }
}

impl std::fmt::Display for Agreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "micro-F1 = {:.3}, Cohen's kappa = {:.3} ({} decisions: {} both, {} first only, {} second only)",
            self.micro_f1(),
            self.kappa(),
            self.decisions(),
            self.both,
            self.first_only,
            self.second_only
        )
    }
}

fn check_experiences(
    what: &str,
    cat: &Catalogue,
    experiences: &[Experience],
    labels: std::ops::RangeInclusive<usize>,
) {
    let mut ids = HashSet::new();
    for e in experiences {
        assert!(
            ids.insert(e.id.as_str()),
            "{what}: duplicate experience id {}",
            e.id
        );
        assert!(!e.text.trim().is_empty(), "{}: empty text", e.id);
        assert!(
            ["tuning", "holdout"].contains(&e.split.as_str()),
            "{}: split {}",
            e.id,
            e.split
        );
        if is_negative(e) {
            assert!(e.labels.is_empty(), "{}: off-domain, yet labelled", e.id);
        } else {
            assert!(
                labels.contains(&e.labels.len()),
                "{}: {} labels",
                e.id,
                e.labels.len()
            );
        }
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
fn eval_set_is_well_formed() {
    let (cat, experiences) = load();
    check_experiences("experiences.json", &cat, &experiences, 3..=14);
    let negatives = experiences.iter().filter(|e| is_negative(e)).count();
    assert!(
        experiences.len() - negatives >= 120,
        "at least 120 mediation experiences"
    );
    assert!(negatives >= 15, "at least 15 off-domain experiences");
    for e in &experiences {
        assert!(
            e.labels.iter().all(|l| is_mediation(l)),
            "{}: a label outside the five mediation certifications",
            e.id
        );
    }

    let (second_cat, second) = load_second_domain();
    check_experiences("second-domain.json", &second_cat, &second, 1..=14);
    assert!(second.len() >= 30, "at least 30 second-domain experiences");
    assert!(
        second.iter().all(|e| !is_negative(e)),
        "second domain: no off-domain entry expected"
    );
    for cert in second_cat.all() {
        assert!(
            !MEDIATION_CODES.contains(&cert.code.as_str()),
            "{} is a mediation certification",
            cert.code
        );
    }

    let agreement: AgreementFile = serde_json::from_str(AGREEMENT_JSON).unwrap();
    assert!(
        agreement.second_labels.len() >= 20,
        "at least 20 experiences labelled twice"
    );
    for (id, labels) in &agreement.second_labels {
        let in_mediation = experiences.iter().any(|e| &e.id == id && !is_negative(e));
        let in_second = second.iter().any(|e| &e.id == id);
        assert!(
            in_mediation ^ in_second,
            "agreement.json: {id} is not exactly one labelled experience"
        );
        let cat = if in_mediation { &cat } else { &second_cat };
        for l in labels {
            assert!(
                cat.competency(l).is_some(),
                "agreement.json: {id}: unknown competency {l}"
            );
        }
    }
}

/// The experiences of `set` in the split `name`.
fn split<'a>(set: &[&'a Experience], name: &str) -> Vec<&'a Experience> {
    set.iter().copied().filter(|e| e.split == name).collect()
}

#[test]
fn precision_and_recall_floors() {
    let (cat, experiences) = load();
    let matcher = Matcher::new(&cat);
    let verbose = std::env::var_os("MATCHING_EVAL_VERBOSE").is_some();
    let mediation: Vec<&Experience> = experiences.iter().filter(|e| !is_negative(e)).collect();
    let keep = |id: &str| is_mediation(id);
    let everything = evaluate(&matcher, &mediation, &keep, verbose);
    let tuning = evaluate(&matcher, &split(&mediation, "tuning"), &keep, false);
    let holdout = evaluate(&matcher, &split(&mediation, "holdout"), &keep, false);
    let first: Vec<&Experience> = experiences.iter().take(EARLIER_ENTRIES).collect();
    let first_all = evaluate(&matcher, &first, &keep, false);
    let first_holdout = evaluate(&matcher, &split(&first, "holdout"), &keep, false);
    say("matching eval, mediation (suggestions among the five bundled certifications):");
    say(&format!("  all experiences:     {everything}"));
    say(&format!("  tuning experiences:  {tuning}"));
    say(&format!("  holdout experiences: {holdout}"));
    say(&format!(
        "  first {EARLIER_ENTRIES} entries (before issue 10): {first_all}"
    ));
    say(&format!("    of which holdout:  {first_holdout}"));
    for cert in cat.all() {
        let prefix = format!("{}BC", cert.code);
        let figures = evaluate(
            &matcher,
            &mediation,
            &|id: &str| id.starts_with(&prefix),
            false,
        );
        say(&format!("  restricted to {:<9} {figures}", cert.code));
    }

    let (second_cat, second) = load_second_domain();
    let second_matcher = Matcher::new(&second_cat);
    let all_second: Vec<&Experience> = second.iter().collect();
    let second_everything = evaluate(&second_matcher, &all_second, &|_| true, verbose);
    let second_tuning = evaluate(
        &second_matcher,
        &split(&all_second, "tuning"),
        &|_| true,
        false,
    );
    let second_holdout = evaluate(
        &second_matcher,
        &split(&all_second, "holdout"),
        &|_| true,
        false,
    );
    say("matching eval, second domain (suggestions among tests/eval/second-domain/):");
    say(&format!("  all experiences:     {second_everything}"));
    say(&format!("  tuning experiences:  {second_tuning}"));
    say(&format!("  holdout experiences: {second_holdout}"));
    for cert in second_cat.all() {
        let prefix = format!("{}BC", cert.code);
        let figures = evaluate(
            &second_matcher,
            &all_second,
            &|id: &str| id.starts_with(&prefix),
            false,
        );
        say(&format!("  restricted to {:<9} {figures}", cert.code));
    }

    let floors = [
        (
            "mediation tuning precision@5",
            tuning.precision_at_5,
            MIN_TUNING_PRECISION_AT_5,
        ),
        (
            "mediation tuning recall@10",
            tuning.recall_at_10,
            MIN_TUNING_RECALL_AT_10,
        ),
        (
            "mediation holdout precision@5",
            holdout.precision_at_5,
            MIN_HOLDOUT_PRECISION_AT_5,
        ),
        (
            "mediation holdout recall@10",
            holdout.recall_at_10,
            MIN_HOLDOUT_RECALL_AT_10,
        ),
        (
            "first 50 entries precision@5",
            first_all.precision_at_5,
            MIN_PRECISION_AT_5,
        ),
        (
            "first 50 entries recall@10",
            first_all.recall_at_10,
            MIN_RECALL_AT_10,
        ),
        (
            "first 50 entries holdout precision@5",
            first_holdout.precision_at_5,
            MIN_FIRST_HOLDOUT_PRECISION_AT_5,
        ),
        (
            "first 50 entries holdout recall@10",
            first_holdout.recall_at_10,
            MIN_FIRST_HOLDOUT_RECALL_AT_10,
        ),
        (
            "second domain tuning precision@5",
            second_tuning.precision_at_5,
            MIN_SECOND_TUNING_PRECISION_AT_5,
        ),
        (
            "second domain tuning recall@10",
            second_tuning.recall_at_10,
            MIN_SECOND_TUNING_RECALL_AT_10,
        ),
        (
            "second domain holdout precision@5",
            second_holdout.precision_at_5,
            MIN_SECOND_HOLDOUT_PRECISION_AT_5,
        ),
        (
            "second domain holdout recall@10",
            second_holdout.recall_at_10,
            MIN_SECOND_HOLDOUT_RECALL_AT_10,
        ),
    ];
    for (what, measured, floor) in floors {
        assert!(measured >= floor, "{what} {measured:.3} fell below {floor}");
    }
}

#[test]
fn off_domain_experiences_get_few_suggestions() {
    let (cat, experiences) = load();
    let matcher = Matcher::new(&cat);
    let negatives: Vec<&Experience> = experiences.iter().filter(|e| is_negative(e)).collect();
    say("matching eval, off-domain experiences: suggestions above the threshold (mediation):");
    let (mut total, mut worst) = (0usize, 0usize);
    for e in &negatives {
        // Every suggestion passing the matcher's threshold, not only the slots the app shows.
        let got = matcher.suggest(&e.text, is_mediation, matcher.len());
        let best = got.first().map_or_else(
            || "-".to_owned(),
            |s| format!("{:.3} {} {:?}", s.score, s.competency_id, s.matched_terms),
        );
        say(&format!(
            "  {:<34} {:>2} ({}), best: {best}",
            e.id,
            got.len(),
            e.split
        ));
        total += got.len();
        worst = worst.max(got.len());
    }
    let without = negatives
        .iter()
        .filter(|e| matcher.suggest(&e.text, is_mediation, 1).is_empty())
        .count();
    say(&format!(
        "  {} experiences: {total} suggestions, {:.1} on average, at most {worst}; {without} with none",
        negatives.len(),
        total as f64 / negatives.len() as f64
    ));
    assert!(
        total <= MAX_OFF_DOMAIN_SUGGESTIONS,
        "off-domain experiences got {total} suggestions, more than {MAX_OFF_DOMAIN_SUGGESTIONS}"
    );
    assert!(
        worst <= MAX_OFF_DOMAIN_SUGGESTIONS_EACH,
        "an off-domain experience got {worst} suggestions, more than {MAX_OFF_DOMAIN_SUGGESTIONS_EACH}"
    );
}

#[test]
fn labeller_agreement() {
    let (cat, experiences) = load();
    let (second_cat, second) = load_second_domain();
    let file: AgreementFile = serde_json::from_str(AGREEMENT_JSON).unwrap();
    let mediation_ids: Vec<&str> = cat
        .all()
        .iter()
        .flat_map(|c| c.competencies())
        .map(|(_, c)| c.id.as_str())
        .collect();
    let second_ids: Vec<&str> = second_cat
        .all()
        .iter()
        .flat_map(|c| c.competencies())
        .map(|(_, c)| c.id.as_str())
        .collect();
    let (mut mediation, mut other) = (Agreement::default(), Agreement::default());
    for (id, labels) in &file.second_labels {
        let second_labels: HashSet<&str> = labels.iter().map(String::as_str).collect();
        if let Some(e) = experiences.iter().find(|e| &e.id == id) {
            let first: HashSet<&str> = e.labels.iter().map(String::as_str).collect();
            mediation.add(&first, &second_labels, &mediation_ids);
        } else if let Some(e) = second.iter().find(|e| &e.id == id) {
            let first: HashSet<&str> = e.labels.iter().map(String::as_str).collect();
            other.add(&first, &second_labels, &second_ids);
        } else {
            panic!("agreement.json: unknown experience {id}");
        }
    }
    let mut pooled = mediation;
    pooled.both += other.both;
    pooled.first_only += other.first_only;
    pooled.second_only += other.second_only;
    pooled.neither += other.neither;
    say(&format!(
        "labeller agreement on {} experiences labelled twice (per competency decision):",
        file.second_labels.len()
    ));
    say(&format!("  mediation:     {mediation}"));
    say(&format!("  second domain: {other}"));
    say(&format!("  pooled:        {pooled}"));
    assert!(
        pooled.micro_f1() >= MIN_AGREEMENT_F1,
        "labeller agreement (micro-F1) {:.3} fell below {MIN_AGREEMENT_F1}",
        pooled.micro_f1()
    );
    assert!(
        pooled.kappa() >= MIN_AGREEMENT_KAPPA,
        "labeller agreement (kappa) {:.3} fell below {MIN_AGREEMENT_KAPPA}",
        pooled.kappa()
    );
}
