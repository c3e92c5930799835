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
//! Every figure is macro-averaged over experiences and printed separately for the `tuning` and
//! `holdout` splits of each domain (the calibration, the threshold and the gate were fitted on
//! `tuning` only; `holdout` was never looked at while tuning):
//!
//! - **ranking** figures, the matcher's order without its threshold and gate: precision@5
//!   (hits in the first 5 / 5) and recall@10 (hits in the first 10 / labels);
//! - **shown** figures, what the app shows (suggestions above the threshold, after the domain
//!   gate, at most 5): classic precision@5 and recall@10 over them (an empty list counts 0),
//!   and the *precision of the suggestions shown* (hits / suggestions shown, averaged over the
//!   experiences that get at least one; how many get one is printed). The second domain's
//!   experiences have one or two labels each, so classic precision@5 is capped far below 1
//!   (the printed ceiling); the precision of what is shown is what a user meets, and the one
//!   issue 10's precision goal is judged on;
//! - the precision of the suggestions shown as "forte" ([`Strength::Strong`]);
//! - suggestions above the threshold that each off-domain experience receives (all of them,
//!   not only the 5 shown), and, as a larger background, the second domain's experiences
//!   against the mediation catalogue and the reverse.
//!
//! Also the labellers' agreement. Output on stdout and stderr, as `--nocapture` is not always
//! used. Fails when a figure gets worse than the bounds below, set just under (or, for
//! suggestion counts, at) the figures measured when they were written. Everything is read at
//! compile time from the repository. Set `MATCHING_EVAL_VERBOSE=1` to print every experience's
//! suggestions. `cargo test --release --test matching_eval -- --ignored --nocapture` refits the
//! calibration and prints the threshold grid (see `fit_calibration`).
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, HashSet};

use repere::core::catalogue::Catalogue;
use repere::core::matching::{
    Analyzer, ExampleText, Examples, Matcher, Strength, Tuning, FEATURES, LEXICAL_FEATURES,
};
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
/// written with the matcher); their ranking figures are still reported.
const EARLIER_ENTRIES: usize = 50;
/// Suggestions the app shows at most (`core::evidence::SUGGESTIONS_SHOWN`).
const SHOWN: usize = repere::core::evidence::SUGGESTIONS_SHOWN;

/// A floor: what, measured, bound.
type Floor = (&'static str, f64, f64);

/// Floors, measured values in the comments (`ranking` = without threshold; `shown` = what the
/// app shows). Mediation: 1,108 tuning, 34 holdout experiences; second domain: 24 and 11.
/// The holdout ranking floors are issue 10's goal, 0.70.
const FLOORS: &[(&str, f64)] = &[
    ("mediation tuning ranking precision@5", 0.62), // 0.638
    ("mediation tuning ranking recall@10", 0.72),   // 0.737
    ("mediation holdout ranking precision@5", 0.70), // 0.712
    ("mediation holdout ranking recall@10", 0.70),  // 0.732
    ("mediation tuning shown precision", 0.70),     // 0.711
    ("mediation tuning shown recall@10", 0.57),     // 0.584
    ("mediation holdout shown precision", 0.74),    // 0.756
    ("mediation holdout shown recall@10", 0.56),    // 0.579
    ("first 50 entries ranking precision@5", 0.81), // 0.828
    ("first 50 entries ranking recall@10", 0.72),   // 0.733
    ("second domain tuning ranking precision@5", 0.24), // 0.258
    ("second domain tuning ranking recall@10", 0.66), // 0.681
    ("second domain holdout ranking precision@5", 0.22), // 0.236
    ("second domain holdout ranking recall@10", 0.87), // 0.886
    ("second domain tuning shown precision", 0.65), // 0.667
    ("second domain tuning shown recall@10", 0.17), // 0.187
    ("second domain holdout shown precision", 0.98), // 1.000
    ("second domain holdout shown recall@10", 0.30), // 0.318
];
/// Bounds of the suggestions above the threshold that the 56 off-domain experiences get
/// (measured 5 in all, at most 1 each: issue 10's goal is at most one each; 10 for the 48
/// texts with 855 examples, 7 for the 25 texts before the 23 helpers' ones).
const MAX_OFF_DOMAIN_SUGGESTIONS: usize = 5;
const MAX_OFF_DOMAIN_SUGGESTIONS_EACH: usize = 1;
/// Bounds of the cross-domain background: the 35 second-domain experiences against the
/// mediation catalogue (measured 17 with 1,183 examples, at most 5 for one; 20 with 855
/// examples, at most 7 for one; 20 with 352 examples, 11 of them for a veterinary assistant
/// calming an aggressive client; 14 before the surface grams; 59 with 183 examples, 51 before
/// the example experiences) and the 1,142 mediation ones against the second domain's
/// (measured 452, about 0.4 each: 503 for 822 with 855 examples, 220 for 342 with 352
/// examples, 202 over concepts, 106 before the example experiences, whose refits made the
/// lexical calibration more generous).
const MAX_SECOND_ON_MEDIATION: usize = 17;
const MAX_MEDIATION_ON_SECOND: usize = 452;
/// Floors of the labellers' agreement, pooled over every (experience, competency) decision of
/// the 65 experiences labelled twice (measured micro-F1 0.850, Cohen's kappa 0.837; the first
/// 25, labelled twice by the same session, 0.858 and 0.847; the 24 of the twelve helpers
/// "g-" to "r-", labelled again by another helper, 0.823 and 0.810; the 16 of the eight
/// helpers "s-" to "z-", labelled again by yet another, 0.872 and 0.860).
const MIN_AGREEMENT_F1: f64 = 0.84;
const MIN_AGREEMENT_KAPPA: f64 = 0.83;

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
#[derive(Debug, Clone, Copy, Default)]
struct Figures {
    precision_at_5: f64,
    recall_at_10: f64,
    /// Best precision@5 reachable: experiences with fewer than 5 labels cannot reach 1.
    precision_ceiling: f64,
    /// Precision of the suggestions returned (at most 5), over the experiences with any.
    shown_precision: f64,
    /// Experiences with at least one suggestion.
    with_any: usize,
    /// Suggestions returned in all (at most 5 each).
    shown: usize,
    /// Precision of the strong suggestions among the first 5, and the experiences with any.
    strong_precision: f64,
    with_strong: usize,
    experiences: usize,
}

impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P@5 = {:.3} (ceiling {:.3}), R@10 = {:.3}, precision shown = {:.3} ({} of {} experiences with any, {:.1} each), forte = {:.3} ({})",
            self.precision_at_5,
            self.precision_ceiling,
            self.recall_at_10,
            self.shown_precision,
            self.with_any,
            self.experiences,
            self.shown as f64 / self.with_any.max(1) as f64,
            self.strong_precision,
            self.with_strong
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
    let mut f = Figures::default();
    let (mut shown_sum, mut strong_sum) = (0.0, 0.0);
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
        // An example's own text is matched without that example.
        let got = matcher.suggest_leaving_out(&e.text, keep, 10, &e.id);
        let is_hit = |id: &str| labels.contains(id);
        let hits = |k: usize| {
            got.iter()
                .take(k)
                .filter(|s| is_hit(&s.competency_id))
                .count()
        };
        f.precision_at_5 += hits(5) as f64 / 5.0;
        f.precision_ceiling += labels.len().min(5) as f64 / 5.0;
        f.recall_at_10 += hits(10) as f64 / labels.len() as f64;
        f.experiences += 1;
        let shown = got.len().min(SHOWN.min(5));
        if shown > 0 {
            f.with_any += 1;
            f.shown += shown;
            shown_sum += hits(shown) as f64 / shown as f64;
        }
        let strong: Vec<_> = got
            .iter()
            .take(5)
            .filter(|s| s.strength == Strength::Strong)
            .collect();
        if !strong.is_empty() {
            f.with_strong += 1;
            strong_sum += strong.iter().filter(|s| is_hit(&s.competency_id)).count() as f64
                / strong.len() as f64;
        }
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
                let mark = if is_hit(&s.competency_id) { '+' } else { ' ' };
                say(&format!(
                    "  {mark} {:.3} {:?} {} {:?}",
                    s.score, s.strength, s.competency_id, s.matched_terms
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
    let avg = |x: f64, n: usize| if n == 0 { 0.0 } else { x / n as f64 };
    f.shown_precision = avg(shown_sum, f.with_any);
    f.strong_precision = avg(strong_sum, f.with_strong);
    f.precision_at_5 = avg(f.precision_at_5, f.experiences);
    f.recall_at_10 = avg(f.recall_at_10, f.experiences);
    f.precision_ceiling = avg(f.precision_ceiling, f.experiences);
    f
}

/// The matcher's order without threshold nor gate (ranking figures).
fn ranking_tuning() -> Tuning {
    Tuning {
        min_score: 0.0,
        gate: 0.0,
        ..Tuning::default()
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
    check_experiences("experiences.json", &cat, &experiences, 1..=14);
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

/// Ranking and shown figures of one domain, tuning then holdout, printed.
fn domain_figures(
    name: &str,
    cat: &Catalogue,
    experiences: &[&Experience],
    keep: &dyn Fn(&str) -> bool,
    verbose: bool,
) -> [(Figures, Figures); 2] {
    let ranking = Matcher::new_tuned(cat, ranking_tuning());
    let shown = Matcher::new(cat);
    say(&format!("matching eval, {name}:"));
    let mut out = [(Figures::default(), Figures::default()); 2];
    for (i, part) in ["tuning", "holdout"].into_iter().enumerate() {
        let set = split(experiences, part);
        let r = evaluate(&ranking, &set, keep, false);
        let s = evaluate(&shown, &set, keep, verbose);
        say(&format!("  {part:<8} ranking: {r}"));
        say(&format!("  {part:<8} shown:   {s}"));
        out[i] = (r, s);
    }
    out
}

#[test]
fn precision_and_recall_floors() {
    let (cat, experiences) = load();
    let verbose = std::env::var_os("MATCHING_EVAL_VERBOSE").is_some();
    let mediation: Vec<&Experience> = experiences.iter().filter(|e| !is_negative(e)).collect();
    let keep = |id: &str| is_mediation(id);
    let [(m_tr, m_ts), (m_hr, m_hs)] = domain_figures(
        "mediation (the five bundled certifications)",
        &cat,
        &mediation,
        &keep,
        verbose,
    );
    let ranking = Matcher::new_tuned(&cat, ranking_tuning());
    let first: Vec<&Experience> = experiences.iter().take(EARLIER_ENTRIES).collect();
    let first_all = evaluate(&ranking, &first, &keep, false);
    say(&format!(
        "  first {EARLIER_ENTRIES} entries (before issue 10), ranking: {first_all}"
    ));
    let shown = Matcher::new(&cat);
    for cert in cat.all() {
        let prefix = format!("{}BC", cert.code);
        let figures = evaluate(
            &shown,
            &mediation,
            &|id: &str| id.starts_with(&prefix),
            false,
        );
        say(&format!(
            "  shown, restricted to {:<9} {figures}",
            cert.code
        ));
        // What the app shows when only this certification is selected: its matcher is built
        // on the selection (idf, domain gate), with the bundled examples.
        let alone = Matcher::from_competencies(
            cert.competencies()
                .map(|(b, c)| (c.id.as_str(), c.label.as_str(), b.title.as_str())),
        )
        .with_examples(&Examples::bundled().examples);
        let figures = evaluate(
            &alone,
            &mediation,
            &|id: &str| id.starts_with(&prefix),
            false,
        );
        let negatives: Vec<&Experience> = experiences.iter().filter(|e| is_negative(e)).collect();
        let (off, off_worst) = count_suggestions(
            &alone,
            negatives.iter().copied(),
            &|id: &str| id.starts_with(&prefix),
            std::env::var_os("MATCHING_EVAL_ALONE").is_some(),
        );
        say(&format!(
            "  shown, {:<9} selected alone {figures}; off-domain {off}, at most {off_worst} for one",
            cert.code
        ));
        assert!(
            off_worst <= MAX_OFF_DOMAIN_SUGGESTIONS_EACH,
            "{} selected alone: an off-domain experience got {off_worst} suggestions",
            cert.code
        );
    }

    let (second_cat, second) = load_second_domain();
    let all_second: Vec<&Experience> = second.iter().collect();
    let [(s_tr, s_ts), (s_hr, s_hs)] = domain_figures(
        "second domain (tests/eval/second-domain/)",
        &second_cat,
        &all_second,
        &|_| true,
        verbose,
    );

    // A certification without examples (any imported one): the lexical calibration alone.
    for part in ["tuning", "holdout"] {
        let set = split(&all_second, part);
        let bare = |t: Tuning| Matcher::new_tuned(&second_cat, t).with_examples(&[]);
        let r = evaluate(&bare(ranking_tuning()), &set, &|_| true, false);
        let s = evaluate(&bare(Tuning::default()), &set, &|_| true, false);
        say(&format!("  {part:<8} ranking without examples: {r}"));
        say(&format!("  {part:<8} shown without examples:   {s}"));
    }

    let measured = [
        m_tr.precision_at_5,
        m_tr.recall_at_10,
        m_hr.precision_at_5,
        m_hr.recall_at_10,
        m_ts.shown_precision,
        m_ts.recall_at_10,
        m_hs.shown_precision,
        m_hs.recall_at_10,
        first_all.precision_at_5,
        first_all.recall_at_10,
        s_tr.precision_at_5,
        s_tr.recall_at_10,
        s_hr.precision_at_5,
        s_hr.recall_at_10,
        s_ts.shown_precision,
        s_ts.recall_at_10,
        s_hs.shown_precision,
        s_hs.recall_at_10,
    ];
    let floors: Vec<Floor> = FLOORS
        .iter()
        .zip(measured)
        .map(|(&(what, floor), m)| (what, m, floor))
        .collect();
    for (what, measured, floor) in floors {
        assert!(measured >= floor, "{what} {measured:.3} fell below {floor}");
    }
}

/// Suggestions above the threshold (all of them) for each text: `(total, most for one)`.
fn count_suggestions<'a>(
    matcher: &Matcher,
    texts: impl IntoIterator<Item = &'a Experience>,
    keep: &dyn Fn(&str) -> bool,
    print: bool,
) -> (usize, usize) {
    let (mut total, mut worst) = (0usize, 0usize);
    for e in texts {
        let got = matcher.suggest_leaving_out(&e.text, keep, matcher.len(), &e.id);
        if print {
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
        }
        total += got.len();
        worst = worst.max(got.len());
    }
    (total, worst)
}

#[test]
fn off_domain_experiences_get_few_suggestions() {
    let (cat, experiences) = load();
    let matcher = Matcher::new(&cat);
    let negatives: Vec<&Experience> = experiences.iter().filter(|e| is_negative(e)).collect();
    say("matching eval, off-domain experiences: suggestions above the threshold (mediation):");
    let (total, worst) =
        count_suggestions(&matcher, negatives.iter().copied(), &is_mediation, true);
    for part in ["tuning", "holdout"] {
        let (t, w) = count_suggestions(&matcher, split(&negatives, part), &is_mediation, false);
        say(&format!("  {part}: {t} suggestions, at most {w} for one"));
    }
    let without = negatives
        .iter()
        .filter(|e| {
            matcher
                .suggest_leaving_out(&e.text, &is_mediation, 1, &e.id)
                .is_empty()
        })
        .count();
    say(&format!(
        "  {} experiences: {total} suggestions, at most {worst} for one; {without} with none",
        negatives.len(),
    ));
    let (second_cat, second) = load_second_domain();
    let second_matcher = Matcher::new(&second_cat);
    let (on_mediation, worst_on_mediation) =
        count_suggestions(&matcher, &second, &is_mediation, false);
    let mediation = experiences.iter().filter(|e| !is_negative(e));
    let (on_second, worst_on_second) =
        count_suggestions(&second_matcher, mediation, &|_| true, false);
    for part in ["tuning", "holdout"] {
        let second_part: Vec<&Experience> = second.iter().filter(|e| e.split == part).collect();
        let (t, w) = count_suggestions(&matcher, second_part, &is_mediation, false);
        say(&format!(
            "  background, {part} second-domain experiences: {t} mediation suggestions (at most {w} for one)"
        ));
    }
    say(&format!(
        "  background: the {} second-domain experiences get {on_mediation} mediation suggestions (at most {worst_on_mediation} for one); the mediation ones get {on_second} second-domain suggestions (at most {worst_on_second})",
        second.len()
    ));
    assert!(
        total <= MAX_OFF_DOMAIN_SUGGESTIONS,
        "off-domain experiences got {total} suggestions, more than {MAX_OFF_DOMAIN_SUGGESTIONS}"
    );
    assert!(
        worst <= MAX_OFF_DOMAIN_SUGGESTIONS_EACH,
        "an off-domain experience got {worst} suggestions, more than {MAX_OFF_DOMAIN_SUGGESTIONS_EACH}"
    );
    assert!(on_mediation <= MAX_SECOND_ON_MEDIATION, "{on_mediation}");
    assert!(on_second <= MAX_MEDIATION_ON_SECOND, "{on_second}");
}

/// A calibration row: features (and relative coverage), labelled or not, weight, whether the
/// competency has examples.
type Row = (Vec<f32>, bool, f64, bool);

/// Logistic regression on the given feature columns of the rows where `keep` is true (light
/// L2: `MATCHING_EVAL_L2`, 1e-3 by default; Newton's method, or gradient descent with the
/// experimental pairwise term); returns one coefficient per column, then the bias.
fn fit_logistic_where(
    rows: &[Row],
    texts: &[std::ops::Range<usize>],
    columns: &[usize],
    pairwise: f64,
    keep: &[bool],
) -> Vec<f64> {
    let d = columns.len();
    let mut w = vec![0f64; d + 1];
    let total: f64 = rows.iter().zip(keep).filter(|r| *r.1).map(|r| r.0 .2).sum();
    let x = |f: &[f32], j: usize| f64::from(f[columns[j]]);
    let z_of = |f: &[f32], w: &[f64]| w[d] + (0..d).map(|j| w[j] * x(f, j)).sum::<f64>();
    if pairwise <= 0.0 {
        // Newton's method (iteratively reweighted least squares), to convergence.
        for _ in 0..50 {
            let mut g = vec![0f64; d + 1];
            let mut h = vec![0f64; (d + 1) * (d + 1)];
            let mut xs = vec![1f64; d + 1];
            for (f, y, rw, _) in rows.iter().zip(keep).filter(|r| *r.1).map(|r| r.0) {
                for (j, v) in xs.iter_mut().take(d).enumerate() {
                    *v = x(f, j);
                }
                let p = 1.0 / (1.0 + (-z_of(f, &w)).exp());
                let err = (p - f64::from(u8::from(*y))) * rw / total;
                let curve = p * (1.0 - p) * rw / total;
                for i in 0..=d {
                    g[i] += err * xs[i];
                    for j in 0..=d {
                        h[i * (d + 1) + j] += curve * xs[i] * xs[j];
                    }
                }
            }
            let l2: f64 = std::env::var("MATCHING_EVAL_L2")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(1e-3);
            for j in 0..d {
                g[j] += l2 * w[j];
                h[j * (d + 1) + j] += l2;
            }
            let step = solve(h, g, d + 1);
            let change = step.iter().map(|s| s.abs()).fold(0.0, f64::max);
            for (wj, sj) in w.iter_mut().zip(&step) {
                *wj -= sj;
            }
            if change < 1e-9 {
                break;
            }
        }
        return w;
    }
    for _ in 0..20_000 {
        let mut g = vec![0f64; d + 1];
        for (f, y, rw, _) in rows.iter().zip(keep).filter(|r| *r.1).map(|r| r.0) {
            let p = 1.0 / (1.0 + (-z_of(f, &w)).exp());
            let err = (p - f64::from(u8::from(*y))) * rw;
            for (j, gj) in g.iter_mut().take(d).enumerate() {
                *gj += err * x(f, j);
            }
            g[d] += err;
        }
        if pairwise > 0.0 {
            for range in texts {
                let text: Vec<&Row> = range
                    .clone()
                    .filter(|&i| keep[i])
                    .map(|i| &rows[i])
                    .collect();
                let pairs =
                    text.iter().filter(|r| r.1).count() * text.iter().filter(|r| !r.1).count();
                if pairs == 0 {
                    continue;
                }
                let scale = pairwise * text[0].2 * (text.len() as f64).sqrt() / pairs as f64;
                for pos in text.iter().filter(|r| r.1) {
                    for neg in text.iter().filter(|r| !r.1) {
                        let margin = z_of(&pos.0, &w) - z_of(&neg.0, &w);
                        let err = scale / (1.0 + margin.exp());
                        for (j, gj) in g.iter_mut().take(d).enumerate() {
                            *gj -= err * (x(&pos.0, j) - x(&neg.0, j));
                        }
                    }
                }
            }
        }
        for j in 0..d {
            w[j] -= 0.5 * (g[j] / total + 1e-3 * w[j]);
        }
        w[d] -= 0.5 * g[d] / total;
    }
    w
}

/// Solves `a·x = b` (`a` is `n × n`, row-major, symmetric positive definite) by Gaussian
/// elimination.
fn solve(mut a: Vec<f64>, mut b: Vec<f64>, n: usize) -> Vec<f64> {
    for c in 0..n {
        let pivot = a[c * n + c];
        for r in c + 1..n {
            let f = a[r * n + c] / pivot;
            for k in c..n {
                a[r * n + k] -= f * a[c * n + k];
            }
            b[r] -= f * b[c];
        }
    }
    let mut x = vec![0f64; n];
    for c in (0..n).rev() {
        let tail: f64 = (c + 1..n).map(|k| a[c * n + k] * x[k]).sum();
        x[c] = (b[c] - tail) / a[c * n + c];
    }
    x
}

/// Refits the calibration on the `tuning` experiences only and prints the coefficients
/// (`core::matching::COEFFICIENTS`) with the tuning ranking figures they give, then, with
/// them, the grid the threshold and the gate were chosen on:
/// the pair with the best mediation recall@10 on `tuning` such that no off-domain `tuning`
/// experience gets more than one suggestion (with the five certifications selected, and with
/// each one alone), *also at the next lower gate of the grid* (a
/// margin: a gate on the edge let a holdout off-domain text through twice), and the shown
/// precision on `tuning` stays at least 0.55 in both domains. Holdout experiences are never
/// read here.
#[test]
#[ignore = "prints the calibration fit and the threshold grid; run by hand"]
fn fit_calibration() {
    let (cat, experiences) = load();
    let (second_cat, second) = load_second_domain();
    let neighbours = std::env::var("MATCHING_EVAL_NEIGHBOURS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(Tuning::default().neighbours);
    let ridge = std::env::var("MATCHING_EVAL_RIDGE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(Tuning::default().ridge);
    let base = Tuning {
        min_score: 0.0,
        gate: 0.0,
        neighbours,
        ridge,
        ..Tuning::default()
    };
    let mediation = Matcher::new_tuned(&cat, base);
    let other = Matcher::new_tuned(&second_cat, base);
    // (features, label, weight): each text weighs as much whatever its candidates' count;
    // off-domain texts and second-domain texts weigh more, and the latter also count as
    // off-domain for the mediation catalogue. Their weights keep the shares of the fit they had
    // when chosen, with 855 examples (788 mediation, 43 off-domain and 24 second-trade texts):
    // off-domain 2, second trade 4 (at 1 or 1.5 the rule below found no pair, the second
    // trade's shown precision under 0.45; 3, 4, 5 and 8 measured, 4 best for mediation).
    let mut rows: Vec<Row> = Vec::new();
    // Rows of each labelled text, for the pairwise term.
    let mut texts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut add = |m: &Matcher, e: &Experience, weight: f64| {
        let labels: HashSet<&str> = e.labels.iter().map(String::as_str).collect();
        let features = m.training_features(&e.text, Some(&e.id));
        let n = features.len().max(1) as f64;
        let start = rows.len();
        for (id, f) in features {
            let exampled = m.has_examples(&id);
            rows.push((f, labels.contains(id.as_str()), weight / n.sqrt(), exampled));
        }
        if !labels.is_empty() {
            texts.push(start..rows.len());
        }
    };
    // Weights of the off-domain texts and of the second trade's texts, for experiments:
    // `MATCHING_EVAL_NEGATIVE_WEIGHT`, `MATCHING_EVAL_SECOND_WEIGHT`.
    let weight = |name: &str, default: f64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let tuning_count = |negative: bool| {
        experiences
            .iter()
            .filter(|e| e.split == "tuning" && is_negative(e) == negative)
            .count() as f64
    };
    let mediation_share = tuning_count(false) / 788.0;
    let second_count = second.iter().filter(|e| e.split == "tuning").count() as f64;
    let negative_weight = weight(
        "MATCHING_EVAL_NEGATIVE_WEIGHT",
        2.0 * mediation_share * 43.0 / tuning_count(true),
    );
    let second_weight = weight(
        "MATCHING_EVAL_SECOND_WEIGHT",
        4.0 * mediation_share * 24.0 / second_count,
    );
    say(&format!(
        "weights: off-domain texts {negative_weight:.2}, second-trade texts {second_weight:.2}"
    ));
    for e in experiences.iter().filter(|e| e.split == "tuning") {
        add(
            &mediation,
            e,
            if is_negative(e) { negative_weight } else { 1.0 },
        );
    }
    for e in second.iter().filter(|e| e.split == "tuning") {
        add(&other, e, second_weight);
        add(&mediation, e, second_weight);
    }
    // Weight of a pairwise ranking term (each positive above each negative of its text), an
    // experiment: `MATCHING_EVAL_PAIRWISE=1`.
    let pairwise: f64 = std::env::var("MATCHING_EVAL_PAIRWISE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    let lexical_columns: Vec<usize> = (0..LEXICAL_FEATURES).chain([FEATURES]).collect();
    // The lexical calibration: the rows of lexical candidates (a label word matched), the
    // lexical features and the relative coverage.
    let lexical_rows: Vec<bool> = rows.iter().map(|r| r.0[1] > 0.0).collect();
    let lexical = fit_logistic_where(&rows, &texts, &lexical_columns, pairwise, &lexical_rows);
    // The calibration of competencies with examples: their rows, every feature.
    let all_columns: Vec<usize> = (0..=FEATURES).collect();
    let exampled: Vec<bool> = rows.iter().map(|r| r.3).collect();
    let with_examples = fit_logistic_where(&rows, &texts, &all_columns, pairwise, &exampled);
    let show = |w: &[f64]| {
        w.iter()
            .map(|x| format!("{x:.3}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    say(&format!(
        "calibration on {} (text, competency) pairs of the tuning split ({} of competencies with examples): [{}]; lexical: [{}]",
        rows.len(),
        exampled.iter().filter(|&&x| x).count(),
        show(&with_examples),
        show(&lexical)
    ));
    let mediation_tuning: Vec<&Experience> = experiences
        .iter()
        .filter(|e| !is_negative(e) && e.split == "tuning")
        .collect();
    let negatives: Vec<&Experience> = experiences
        .iter()
        .filter(|e| is_negative(e) && e.split == "tuning")
        .collect();
    let second_tuning: Vec<&Experience> = second.iter().filter(|e| e.split == "tuning").collect();
    let mut fitted = Tuning::default().coefficients;
    for (c, x) in fitted.iter_mut().zip(&with_examples) {
        *c = *x as f32;
    }
    let mut fitted_lexical = Tuning::default().lexical_coefficients;
    for (c, x) in fitted_lexical.iter_mut().zip(&lexical) {
        *c = *x as f32;
    }
    let ranking = Tuning {
        coefficients: fitted,
        lexical_coefficients: fitted_lexical,
        ..base
    };
    let fm = evaluate(
        &Matcher::new_tuned(&cat, ranking),
        &mediation_tuning,
        &is_mediation,
        false,
    );
    let fs = evaluate(
        &Matcher::new_tuned(&second_cat, ranking),
        &second_tuning,
        &|_| true,
        false,
    );
    say(&format!(
        "  with these coefficients, tuning ranking: mediation P@5 {:.3} R@10 {:.3}; second P@5 {:.3} R@10 {:.3}",
        fm.precision_at_5, fm.recall_at_10, fs.precision_at_5, fs.recall_at_10
    ));
    for min in [0.1f32, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5] {
        for gate in [0.0f32, 0.5, 1.0, 1.4, 1.6, 1.8, 2.0, 2.2] {
            let t = Tuning {
                min_score: min,
                gate,
                coefficients: fitted,
                lexical_coefficients: fitted_lexical,
                neighbours,
                ridge,
                ..Tuning::default()
            };
            let m = Matcher::new_tuned(&cat, t);
            let s = Matcher::new_tuned(&second_cat, t);
            let fm = evaluate(&m, &mediation_tuning, &is_mediation, false);
            let fs = evaluate(&s, &second_tuning, &|_| true, false);
            let (_, all_five) =
                count_suggestions(&m, negatives.iter().copied(), &is_mediation, false);
            // The app builds its matcher on the selection: each certification alone too.
            let alone = cat
                .all()
                .iter()
                .map(|cert| {
                    let prefix = format!("{}BC", cert.code);
                    let m = Matcher::tuned(
                        Analyzer::new(),
                        t,
                        cert.competencies()
                            .map(|(b, c)| (c.id.as_str(), c.label.as_str(), b.title.as_str())),
                    )
                    .with_examples(&Examples::bundled().examples);
                    let keep = |id: &str| id.starts_with(&prefix);
                    count_suggestions(&m, negatives.iter().copied(), &keep, false).1
                })
                .max()
                .unwrap_or(0);
            let worst = all_five.max(alone);
            say(&format!(
                "  min {min:.2} gate {gate:.1}: mediation R@10 {:.3} shown P {:.3}; second R@10 {:.3} shown P {:.3}; off-domain at most {worst}",
                fm.recall_at_10, fm.shown_precision, fs.recall_at_10, fs.shown_precision
            ));
        }
    }
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

/// `data/matching/examples.json`, the matcher's labelled examples, is exactly the `tuning`
/// entries of both evaluation files, in file order: no holdout text ever reaches the matcher.
/// `MATCHING_EVAL_WRITE_EXAMPLES=1` rewrites the file from them.
#[test]
fn examples_are_the_tuning_split() {
    let (_, experiences) = load();
    let (_, second) = load_second_domain();
    let expected: Vec<ExampleText> = experiences
        .iter()
        .chain(&second)
        .filter(|e| e.split == "tuning")
        .map(|e| ExampleText {
            id: e.id.clone(),
            text: e.text.clone(),
            labels: e.labels.clone(),
        })
        .collect();
    if std::env::var_os("MATCHING_EVAL_WRITE_EXAMPLES").is_some() {
        let file = serde_json::json!({
            "about": EXAMPLES_ABOUT,
            "examples": expected
                .iter()
                .map(|e| serde_json::json!({"id": e.id, "labels": e.labels, "text": e.text}))
                .collect::<Vec<_>>(),
        });
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/matching/examples.json");
        std::fs::write(path, serde_json::to_string_pretty(&file).unwrap() + "\n").unwrap();
        return;
    }
    let bundled = Examples::parse(repere::core::matching::resources::EXAMPLES_JSON).unwrap();
    assert_eq!(
        bundled.examples, expected,
        "data/matching/examples.json differs from the tuning entries: rerun this test with MATCHING_EVAL_WRITE_EXAMPLES=1"
    );
    let holdout: HashSet<&str> = experiences
        .iter()
        .chain(&second)
        .filter(|e| e.split != "tuning")
        .map(|e| e.id.as_str())
        .collect();
    assert!(bundled
        .examples
        .iter()
        .all(|e| !holdout.contains(e.id.as_str())));
}

const EXAMPLES_ABOUT: &str = "Labelled example experiences of the experience matcher (src/core/matching.rs, Matcher::with_examples): the labels of the examples nearest to a text vote for its competencies. Generated: the \"tuning\" entries of tests/eval/experiences.json and tests/eval/second-domain.json, in file order, written by tests/matching_eval.rs (MATCHING_EVAL_WRITE_EXAMPLES=1 cargo test --test matching_eval examples_are_the_tuning_split), which fails when this file differs from them. Never a \"holdout\" entry. An example without labels is an off-domain text: it stands for \"none of these competencies\". Labels of certifications missing from the catalogue are ignored. Adding examples for a certification is adding data: entries of its own evaluation split.";
