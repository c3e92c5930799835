//! Experience matching: which competencies does a free French text support?
//!
//! # Analysis pipeline ([`Analyzer`])
//!
//! 1. **Fold and tokenise.** The text is folded with [`FoldedText`] (lower case, no accents,
//!    `’` → `'`) and split into words: maximal runs of alphanumeric characters. Hyphens and
//!    apostrophes separate words. Every word keeps its byte range in the *original* text, so a
//!    match can be highlighted exactly where the user typed it.
//! 2. **Elision.** A word among `l d j m n s t c qu jusqu lorsqu puisqu quoiqu` directly
//!    followed by an apostrophe (`'` or `’`) and a letter is dropped: `l’accueil` → `accueil`.
//! 3. **Stop words.** Words of [`STOP_WORDS`] (articles, pronouns, auxiliaries, connectors),
//!    words of one character and numbers are dropped.
//! 4. **Stemming.** The *original* word, lower-cased (`œ` → `oe`), is stemmed with the
//!    Snowball French algorithm (it relies on accents), then the stem is folded:
//!    `Accueillir` and `accueil` both give `accueil`, `orientation` and `orienter` give `orient`.
//! 5. **Lexicon** (`data/matching/related-terms.json`):
//!    - `groups` of words naming the same concept (`conflit`, `tension`, `litige`,
//!      `altercation`…). A two-word term (`réseaux sociaux`, `compte rendu`) is a phrase: when
//!      its two significant words follow each other (no punctuation between), both count as
//!      that group and not as themselves. The group `contexte` only absorbs phrases that would
//!      otherwise match by accident (`service civique`, `centre social`).
//!    - `stems` overrides Snowball for words it conflates with unrelated ones
//!      (`collectivité`/`collecter`, `café`/`CAF`, `loyer`/`loi`).
//!    - `light` words are frequent in competency labels but say little (`assurer`,
//!      `situation`, `personne`…): their weight is multiplied by [`LIGHT_WEIGHT`].
//!
//! Each word is then a **concept**: its group (shown as `~id`, e.g. `~conflit`) when its stem
//! belongs to one, its folded stem otherwise.
//!
//! # Coverage
//!
//! Each competency is a set of weighted concepts, from its label and, at a lower weight, from
//! its bloc title (a concept present in both keeps the label weight):
//!
//! ```text
//! idf(k)    = ln(1 + N / df(k))      N = number of competencies, df(k) = number of
//!                                    competencies whose label or bloc title has concept k
//! w_c(k)    = idf(k) · light(k) · (1 if k is in the label of c, BLOC_TITLE_WEIGHT otherwise)
//!             light(k) = LIGHT_WEIGHT for a `light` word, 1 otherwise
//! W_c       = Σ_{k ∈ c} w_c(k)                                 (total weight of c)
//! cover(c)  = min(1, Σ_{k ∈ c ∩ E} w_c(k) / W_c^LENGTH_EXPONENT)
//! ```
//!
//! where `E` is the set of concepts of the experience text. The exponent [`LENGTH_EXPONENT`]
//! (0.75) relaxes the share for long labels, which pack several ideas in one sentence. How
//! often a concept is repeated does not count in the coverage (it does in the score, below).
//! A competency is a *candidate* only if at least
//! one concept of its *label* that is not a `light` one matched, or when the examples vote
//! for it (below).
//!
//! # Example experiences ([`Matcher::with_examples`])
//!
//! People rarely use a label's words ("je vais voir les gens dans les halls" for *aller vers*).
//! Labelled example experiences (`data/matching/examples.json`: the `tuning` split of
//! `tests/eval/`, copied by a test, never a `holdout` text) bring their words. Examples and
//! text are read at their surface, not as concepts: each word as written (folded), each pair
//! of consecutive words, and each run of five characters of a word ([`surface_grams`]), stop
//! words and word endings included ("je les envoie vers", "accompagn…"). Each is a vector
//! `(1 + ln tf(g)) · ln(1 + n / df_ex(g))` over these grams `g` (`n` examples, `df_ex` over
//! them), of unit length. The [`NEIGHBOURS`] examples of highest cosine with the text vote for
//! the competencies they are labelled with, each with its cosine:
//!
//! ```text
//! vote(c)  = Σ cos(text, x)   over the nearest examples x labelled c
//! share(c) = vote(c) / Σ cos(text, x) over the nearest examples
//! ```
//!
//! Examples without labels (off-domain texts) and labels of certifications missing from the
//! catalogue take neighbour places without voting, so a text nearest to them gets few votes.
//!
//! The votes see 15 examples; a **kernel regression** sees them all. With `K` the examples'
//! cosines, `Y` their labels (one 0/1 column per competency, plus a column "none" for the
//! examples with no label in the catalogue) and `k` the text's cosines with them:
//!
//! ```text
//! ridge(c) = kᵀ · (K + RIDGE·I)⁻¹ · Y[c]          none = the same on the column "none"
//! ```
//!
//! It is a linear model of each competency on the examples' surface grams, fitted exactly
//! (Cholesky factor of `K + RIDGE·I`, built once; two triangular solves per text). Leaving an
//! example out (evaluation) is exact too: the inverse without row and column `i` is
//! `M₋ᵢ₋ᵢ − M₋ᵢᵢ·Mᵢ₋ᵢ / Mᵢᵢ`, one more solve. (Over concept vectors, which drop stop words
//! and endings, the tuning ranking was 0.649 / 0.678; with the regression over surface grams
//! 0.659 / 0.690, and with the votes too 0.678 / 0.712: `docs/matching-issue-10.md`.) The
//! surface side (grams, idf, inverted lists, factor) depends on the examples only: a
//! [`SurfaceModel`], built by the first matcher and shared by the next ones.
//! A competency found by the examples alone shows, as its words, the text's words it shares
//! with the examples that voted for it (at most [`EXAMPLE_WORDS`]; first those that several of
//! them share, weighed by rarity). Adding
//! examples for a certification is adding data; a competency no example is linked to gets the
//! lexical calibration ([`LEXICAL_COEFFICIENTS`]).
//!
//! # Calibrated score ([`Matcher::suggest`])
//!
//! The score of a candidate is a probability, a logistic function of [`FEATURES`] features of
//! the (text, competency) pair plus the coverage relative to the text's best one:
//! `cover(c)`; `ln(1 + label concepts matched)`; the heaviest matched label concept and the
//! matched label weight (both over `ln(1 + N)`); the share `Σ matched / W_c`; `ln(1 + M)`
//! where `M` sums the idf of the text's distinct non-light concepts known to some label (how
//! much the text speaks the catalogue's language); `ln(1 + W_c)` (label length); the
//! *repetition* of the matched label concepts, `Σ w_c(k)·tf(k)/(tf(k) + 1) / Σ w_c(k)` over
//! the matched non-light label concepts, where `tf(k)` counts the text's words of concept `k`
//! (BM25's saturation: once gives ½, twice ⅔; a text that keeps coming back to a competency's
//! words is about it, one passing mention less so); then `vote(c)`, `share(c)`, `ridge(c)`
//! and `none`. The
//! [`COEFFICIENTS`] were fitted on the `tuning` experiences of `tests/eval/` only (mediation,
//! off-domain texts, a second trade, and that trade's texts as off-domain ones for
//! mediation), each example's features computed without that example (leave-one-out), so
//! "0.6" means about 6 chances in 10 that a jury would link the competency. A competency no
//! example is linked to has no votes by construction: its score uses
//! [`LEXICAL_COEFFICIENTS`], fitted on the first eight features of the lexical candidates'
//! rows. The features are generic (weights, counts, shares, similarities): no word list of a
//! trade enters them.
//!
//! A competency is suggested when its score reaches [`MIN_SCORE`]. Then the **domain gate**:
//! when the best five scores of the whole catalogue sum to less than [`GATE`] (times the
//! catalogue's share of [`GATE_ENTRIES`] when it is smaller: one certification selected has
//! fewer high scores to sum), the text is not
//! clearly about the catalogue's trades (an accountant's "bilans", a technician's
//! "diagnostic") and only the best suggestion is kept. [`MIN_SCORE`] and [`GATE`] were chosen
//! together on the `tuning` split: the best mediation recall@10 such that no off-domain
//! `tuning` text gets more than one suggestion, also at the next lower gate (a margin), and
//! the precision of what is shown stays at least 0.55 in both domains. A suggestion is [`Strength::Strong`] from [`STRONG_SCORE`]
//! (about eight in ten right on `tuning`), [`Strength::Possible`] below. Suggestions are
//! sorted by score, descending, ties by competency id.
//!
//! Measured on `tests/eval/` by `tests/matching_eval.rs` (which also refits the
//! coefficients: `fit_calibration`, an ignored test).
//!
//! Performance: the text is analysed once, each distinct word is stemmed once, and a
//! concept → competencies index gives the scores in one pass over the distinct concepts; the
//! votes cost one sparse dot product per example, the kernel regression one pass over the
//! text's surface grams (inverted lists of the examples' grams) and two triangular solves
//! (`n²` for `n` examples); building the matcher factors `K + RIDGE·I` (`n³/6`).

use crate::core::order;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;

use super::catalogue::Catalogue;
use super::text::{fold, FoldedText};

/// Weight of a bloc title's concepts relative to the competency label's.
pub const BLOC_TITLE_WEIGHT: f32 = 0.35;

/// Weight factor of the lexicon's `light` words (frequent in labels, little meaning).
pub const LIGHT_WEIGHT: f32 = 0.3;

/// Exponent of a competency's total weight in the score's denominator (see the module doc):
/// below 1, a long label needs a smaller share of its concepts to score as high.
pub const LENGTH_EXPONENT: f32 = 0.75;

/// Ridge of the kernel regression of the labels on the examples (see the module doc): chosen
/// on the `tuning` split, leave-one-out (0.03, 0.1, 0.3, 1 and 3 measured; 0.3 ranks best).
pub const RIDGE: f32 = 0.3;

/// Number of features of a (text, competency) pair in the calibration (see the module doc),
/// not counting the relative coverage.
pub const FEATURES: usize = 12;

/// Logistic coefficients of the calibration of a competency that some example experience is
/// linked to: one per feature, then the relative coverage, then the bias. Fitted by
/// `tests/matching_eval.rs` (`fit_calibration`, an ignored test that prints them) on the
/// `tuning` experiences only, each example's own features computed without it.
pub const COEFFICIENTS: [f32; FEATURES + 2] = [
    0.197, -0.248, -0.011, 0.132, 0.474, 0.660, 0.036, -0.186, 1.969, 1.661, 3.700, 0.329, 0.803,
    -5.615,
];

/// Number of the features that do not come from the examples (the first ones).
pub const LEXICAL_FEATURES: usize = 8;

/// Logistic coefficients of the calibration of a competency no example is linked to (an
/// imported certification, or a competency the examples never show): the same as
/// [`COEFFICIENTS`] for the first [`LEXICAL_FEATURES`] features, the relative coverage and the
/// bias, fitted without the examples' features on the same rows.
pub const LEXICAL_COEFFICIENTS: [f32; LEXICAL_FEATURES + 2] = [
    0.662, 0.048, 0.357, 0.489, 0.232, 0.825, -0.541, 1.185, 0.580, -3.138,
];

/// Minimum calibrated score for a competency to be suggested (chosen with [`GATE`] on the
/// `tuning` split, see the module doc).
pub const MIN_SCORE: f32 = 0.2;

/// The domain gate: when the calibrated scores of a text's best five competencies (of the
/// whole catalogue, at least [`MIN_SCORE`] each) sum to less, the text is not clearly about
/// the catalogue's trades and only its best suggestion is kept.
pub const GATE: f32 = 1.4;

/// Size of the catalogue [`GATE`] was chosen on (the five bundled certifications'
/// competencies): a smaller catalogue's gate is [`GATE`] times its share of that size.
pub const GATE_ENTRIES: usize = 93;

/// Calibrated score from which a suggestion is [`Strength::Strong`].
pub const STRONG_SCORE: f32 = 0.6;

/// The scoring parameters. [`Tuning::default`] holds the constants above, used by the app;
/// other values are for evaluation experiments.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    pub bloc_title_weight: f32,
    pub light_weight: f32,
    pub length_exponent: f32,
    pub min_score: f32,
    pub strong_score: f32,
    /// See [`GATE`].
    pub gate: f32,
    /// The calibration's logistic coefficients (see [`COEFFICIENTS`]).
    pub coefficients: [f32; FEATURES + 2],
    /// See [`LEXICAL_COEFFICIENTS`].
    pub lexical_coefficients: [f32; LEXICAL_FEATURES + 2],
    /// See [`NEIGHBOURS`].
    pub neighbours: usize,
    /// See [`RIDGE`].
    pub ridge: f32,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            bloc_title_weight: BLOC_TITLE_WEIGHT,
            light_weight: LIGHT_WEIGHT,
            length_exponent: LENGTH_EXPONENT,
            min_score: MIN_SCORE,
            strong_score: STRONG_SCORE,
            coefficients: COEFFICIENTS,
            lexical_coefficients: LEXICAL_COEFFICIENTS,
            neighbours: NEIGHBOURS,
            ridge: RIDGE,
            gate: GATE,
        }
    }
}

/// French stop words, folded (no accents). Dropped before stemming.
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    // articles, prepositions, conjunctions
    "a", "au", "aux", "avec", "car", "chez", "comme", "contre", "dans", "de", "des", "donc", "du",
    "en", "entre", "et", "jusqu", "la", "le", "les", "lors", "lorsqu", "lorsque", "mais", "ni",
    "or", "ou", "par", "parmi", "pour", "puisqu", "puisque", "quand", "que", "qu", "quoi",
    "quoiqu", "selon", "si", "sous", "sur", "un", "une", "uns", "unes", "vers", "via", "afin",
    "sans", "pendant", "depuis", "avant", "apres", "durant", "dont", "voici", "voila",
    // pronouns and determiners
    "ce", "ceci", "cela", "ca", "celle", "celles", "celui", "ceux", "ces", "cet", "cette",
    "chacun", "chacune", "chaque", "elle", "elles", "eux", "il", "ils", "je", "leur", "leurs",
    "lui", "ma", "me", "meme", "memes", "mes", "moi", "mon", "nos", "notre", "nous", "on", "qui",
    "quel", "quelle", "quels", "quelles", "quelque", "quelques", "sa", "se", "ses", "soi", "son",
    "ta", "te", "tes", "toi", "ton", "tu", "vos", "votre", "vous", "y", "tout", "tous", "toute",
    "toutes", "autre", "autres", "certain", "certains", "certaine", "certaines", "plusieurs",
    "tel", "telle", "tels", "telles", "aucun", "aucune", "rien",
    // adverbs
    "ainsi", "alors", "aussi", "bien", "deja", "encore", "enfin", "ensuite", "ici", "jamais",
    "moins", "ne", "non", "oui", "parfois", "pas", "peu", "plus", "puis", "souvent", "tres",
    "trop", "toujours", "tant", "notamment", "surtout", "beaucoup", "vraiment", "etc", "aujourd",
    "hui", "fois", "comment", "pourquoi", "cependant", "pourtant",
    // etre, avoir, faire, mettre (auxiliaries and light verbs)
    "etre", "ete", "suis", "es", "est", "sommes", "etes", "sont", "etais", "etait", "etions",
    "etiez", "etaient", "serai", "sera", "serons", "seront", "serais", "serait", "soit", "soient",
    "fut", "avoir", "ai", "as", "avons", "avez", "ont", "avais", "avait", "avions", "aviez",
    "avaient", "aurai", "aura", "aurons", "auront", "aurais", "aurait", "eu", "eue", "eus", "eut",
    "ayant", "faire", "fait", "faite", "faits", "fais", "faisais", "faisait", "faisions", "mettre",
    "mis", "mise", "mises", "met", "oeuvre",
];

/// Words dropped with their apostrophe when they precede a word (`l'`, `qu'`…), folded.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

pub use resources::RELATED_TERMS_JSON;

/// Every resource of the matcher and of [`super::alike`]: JSON files under `data/matching/`,
/// embedded here and nowhere else, so that they can be moved out of the binary (loaded later)
/// by changing this module only. Each has a constructor from `&str`
/// ([`Analyzer::with_lexicon`], [`super::alike::Overrides::parse`]).
pub mod resources {
    /// The related-terms lexicon (`data/matching/related-terms.json`).
    pub const RELATED_TERMS_JSON: &str = include_str!("../../data/matching/related-terms.json");
    /// Curated corrections of the alike competencies (`data/matching/alike-overrides.json`).
    pub const ALIKE_OVERRIDES_JSON: &str = include_str!("../../data/matching/alike-overrides.json");
    /// Labelled example experiences (`data/matching/examples.json`, see [`super::Examples`]).
    pub const EXAMPLES_JSON: &str = include_str!("../../data/matching/examples.json");
}

/// Number of nearest example experiences whose labels vote for a text's competencies.
pub const NEIGHBOURS: usize = 15;

/// At most this many words shown for a competency found through the examples only.
pub const EXAMPLE_WORDS: usize = 5;

/// One labelled example experience: a text and the competencies a jury links to it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct ExampleText {
    pub id: String,
    pub text: String,
    /// Competency ids; ids of certifications not in the matcher's catalogue are ignored
    /// (the example then only stands for "not these competencies").
    pub labels: Vec<String>,
}

/// The example experiences file (`data/matching/examples.json`).
#[derive(Debug, Clone, Deserialize)]
pub struct Examples {
    pub examples: Vec<ExampleText>,
}

impl Examples {
    /// Parses an examples file.
    pub fn parse(json: &str) -> Result<Examples, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The bundled examples (empty if the bundled file were malformed, which a test forbids).
    pub fn bundled() -> Examples {
        Examples::parse(resources::EXAMPLES_JSON).unwrap_or(Examples {
            examples: Vec::new(),
        })
    }
}

/// The bundled examples' surface model, once built.
static BUNDLED_SURFACE: OnceLock<Arc<SurfaceModel>> = OnceLock::new();

/// Builds a [`SurfaceModel`] a slice at a time: [`SurfaceModelBuilder::run`] works until its
/// `out_of_time` says stop, so a page stays responsive while the examples are read and the
/// kernel factored (about half a second in a desktop browser for 1,183 examples, most of it
/// the factor's `n³/6`). The model is the same as [`SurfaceModel::new`]'s.
#[derive(Debug)]
pub struct SurfaceModelBuilder {
    texts: Vec<String>,
    model: SurfaceModel,
    /// Each example's `(gram, count)`, until the vectors are made.
    grams: Vec<Vec<(u32, u32)>>,
    df: Vec<u32>,
    scratch: Vec<u32>,
    /// The kernel and its factor, once the vectors are made.
    factoring: Option<Factoring>,
    done: bool,
}

impl SurfaceModelBuilder {
    /// A builder of the model of `examples` with the kernel regression's `ridge`.
    pub fn new(examples: &[ExampleText], ridge: f32) -> SurfaceModelBuilder {
        SurfaceModelBuilder {
            texts: examples.iter().map(|ex| ex.text.clone()).collect(),
            model: SurfaceModel {
                example_ids: examples.iter().map(|ex| ex.id.clone()).collect(),
                ridge,
                ..SurfaceModel::default()
            },
            grams: Vec::with_capacity(examples.len()),
            df: Vec::new(),
            scratch: Vec::new(),
            factoring: None,
            done: false,
        }
    }

    /// A builder of the bundled examples' model ([`SurfaceModel::bundled`]).
    pub fn bundled() -> SurfaceModelBuilder {
        SurfaceModelBuilder::new(bundled_examples(), RIDGE)
    }

    /// Works until `out_of_time` says stop (checked after each example, each gram's list and
    /// each column of the factor) or the model is complete; the model once it is (then
    /// `None` again).
    pub fn run(&mut self, out_of_time: &dyn Fn() -> bool) -> Option<SurfaceModel> {
        if self.done {
            return None;
        }
        // Each example's grams, numbered in order of appearance.
        while self.grams.len() < self.texts.len() {
            let ids = &mut self.model.ids;
            let numbered = surface_grams(&fold(&self.texts[self.grams.len()]))
                .into_iter()
                .map(|h| {
                    let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                    *ids.entry(h).or_insert(next)
                });
            let counts = count_grams(numbered, &mut self.scratch);
            self.df.resize(self.model.ids.len(), 0);
            for &(g, _) in &counts {
                self.df[g as usize] += 1;
            }
            self.grams.push(counts);
            if out_of_time() {
                return None;
            }
        }
        let factoring = match &mut self.factoring {
            Some(f) => f,
            None => {
                let n = self.texts.len() as f32;
                self.model.idf = self
                    .df
                    .iter()
                    .map(|&d| (1.0 + n / d.max(1) as f32).ln())
                    .collect();
                self.model.vectors = std::mem::take(&mut self.grams)
                    .iter()
                    .map(|counts| unit_tf_idf(counts, &self.model.idf))
                    .collect();
                self.grams = vec![Vec::new(); self.texts.len()];
                self.model.postings = surface_postings(&self.model.vectors, self.model.idf.len());
                self.factoring
                    .insert(Factoring::new(self.texts.len(), self.model.ridge))
            }
        };
        if !factoring.run(&self.model.postings, out_of_time) {
            return None;
        }
        self.model.factor = self
            .factoring
            .take()
            .map(Factoring::finish)
            .unwrap_or_default();
        self.done = true;
        Some(std::mem::take(&mut self.model))
    }
}

/// The lower Cholesky factor `L` (row-major, `n × n`) of `K + ridge·I` in the making, `K` the
/// cosines of the `n` examples' surface vectors (given inverted: [`surface_postings`]): `K`
/// accumulated one gram's list at a time, then factored one column at a time. Empty when
/// `ridge` is not positive.
#[derive(Debug)]
struct Factoring {
    n: usize,
    ridge: f32,
    l: Vec<f64>,
    next_posting: usize,
    next_column: usize,
}

impl Factoring {
    fn new(n: usize, ridge: f32) -> Factoring {
        // No ridge, no regression: nothing to build.
        let size = if ridge > 0.0 { n * n } else { 0 };
        Factoring {
            n: if ridge > 0.0 { n } else { 0 },
            ridge,
            l: vec![0f64; size],
            next_posting: 0,
            next_column: 0,
        }
    }

    /// Works until `out_of_time` says stop (`false`) or the factor is complete (`true`).
    fn run(&mut self, postings: &[Vec<(u32, f32)>], out_of_time: &dyn Fn() -> bool) -> bool {
        let n = self.n;
        if n == 0 {
            return true;
        }
        let l = &mut self.l;
        // K's lower triangle, one gram's examples at a time (postings are in example order).
        while self.next_posting < postings.len() {
            let posting = &postings[self.next_posting];
            for (a, &(i, wi)) in posting.iter().enumerate() {
                let row = &mut l[i as usize * n..(i as usize + 1) * n];
                for &(j, wj) in &posting[..=a] {
                    row[j as usize] += f64::from(wi * wj);
                }
            }
            self.next_posting += 1;
            if self.next_posting == postings.len() {
                for i in 0..n {
                    l[i * n + i] += f64::from(self.ridge);
                }
            } else if self.next_posting.is_multiple_of(16) && out_of_time() {
                return false;
            }
        }
        // Cholesky–Crout, one column of the lower triangle at a time.
        while self.next_column < n {
            let j = self.next_column;
            let row_j: Vec<f64> = l[j * n..j * n + j].to_vec();
            let d = (l[j * n + j] - inner(&row_j, &row_j))
                .max(f64::EPSILON)
                .sqrt();
            l[j * n + j] = d;
            for i in j + 1..n {
                let row_i = &mut l[i * n..(i + 1) * n];
                row_i[j] = (row_i[j] - inner(&row_i[..j], &row_j)) / d;
            }
            self.next_column += 1;
            if self.next_column < n && out_of_time() {
                return false;
            }
        }
        true
    }

    fn finish(self) -> Vec<f32> {
        self.l.into_iter().map(|x| x as f32).collect()
    }
}

/// [`Examples::bundled`], parsed on first use and shared.
fn bundled_examples() -> &'static [ExampleText] {
    static BUNDLED: OnceLock<Examples> = OnceLock::new();
    &BUNDLED.get_or_init(Examples::bundled).examples
}

/// What the examples say of a text.
struct Votes {
    /// Each entry's vote: the similarities of the nearest examples linked to it, summed.
    vote: Vec<f32>,
    /// The nearest examples' similarities, summed.
    total: f32,
    /// The nearest examples, nearest first.
    near: Vec<usize>,
    /// Each entry's kernel-regression estimate.
    ridge: Vec<f32>,
    /// The kernel-regression estimate that the text has none of the catalogue's competencies.
    none: f32,
}

/// An example experience as the matcher keeps it.
#[derive(Debug, Clone)]
struct Example {
    id: String,
    /// `(concept, weight)`, unit length: `(1 + ln tf) · idf` over the examples (its concepts
    /// give the words of a suggestion found through the examples alone).
    vector: Vec<(u32, f32)>,
    /// Entries (competencies) of its labels.
    labels: Vec<u32>,
}

/// The example experiences read at their surface (see [`surface_grams`]): each example's
/// vector, the grams' idf, their inverted lists and the Cholesky factor of the kernel
/// regression. It depends on the examples' texts and the ridge only, not on the catalogue:
/// built once ([`SurfaceModel::bundled`]) and shared by the matchers of every selection of
/// certifications, for it is most of the cost of building a matcher (`n³/6` for the factor).
#[derive(Debug, Default)]
pub struct SurfaceModel {
    /// The examples' ids, in order (a matcher's examples must be these, in this order).
    example_ids: Vec<String>,
    /// Number of each surface gram of the examples, by hash.
    ids: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
    /// Idf of each surface gram over the examples' texts.
    idf: Vec<f32>,
    /// `(surface gram, weight)` of each example, unit length: `(1 + ln tf) · idf` over the
    /// examples (what the votes and the kernel regression compare).
    vectors: Vec<Vec<(u32, f32)>>,
    /// `(example, weight)` of each surface gram: the examples' vectors, inverted.
    postings: Vec<Vec<(u32, f32)>>,
    /// Cholesky factor of `K + ridge·I` (see [`Factoring`]); empty when the ridge is not
    /// positive.
    factor: Vec<f32>,
    ridge: f32,
}

impl SurfaceModel {
    /// The surface model of `examples` with the kernel regression's `ridge`.
    pub fn new(examples: &[ExampleText], ridge: f32) -> SurfaceModel {
        let mut builder = SurfaceModelBuilder::new(examples, ridge);
        loop {
            if let Some(model) = builder.run(&|| false) {
                return model;
            }
        }
    }

    /// The bundled examples' model with [`RIDGE`], built on first use (unless
    /// [`SurfaceModel::share_bundled`] gave it) and shared.
    pub fn bundled() -> Arc<SurfaceModel> {
        BUNDLED_SURFACE
            .get_or_init(|| Arc::new(SurfaceModel::new(bundled_examples(), RIDGE)))
            .clone()
    }

    /// Whether the bundled examples' model is built (a matcher then costs no factoring).
    pub fn bundled_is_built() -> bool {
        BUNDLED_SURFACE.get().is_some()
    }

    /// Makes `model` the bundled examples' shared model, when it is theirs (built by
    /// [`SurfaceModelBuilder::bundled`], in slices) and none is yet.
    pub fn share_bundled(model: SurfaceModel) {
        if model.fits(bundled_examples(), RIDGE) {
            let _ = BUNDLED_SURFACE.set(Arc::new(model));
        }
    }

    /// This model with its inverted lists and factor (re)built from its vectors.
    #[cfg(test)]
    fn factored(mut self) -> SurfaceModel {
        self.postings = surface_postings(&self.vectors, self.idf.len());
        let mut factoring = Factoring::new(self.vectors.len(), self.ridge);
        factoring.run(&self.postings, &|| false);
        self.factor = factoring.finish();
        self
    }

    /// Whether this is the model of `examples` (same ids, same order) with `ridge`.
    fn fits(&self, examples: &[ExampleText], ridge: f32) -> bool {
        self.ridge.to_bits() == ridge.to_bits()
            && self.example_ids.len() == examples.len()
            && self
                .example_ids
                .iter()
                .zip(examples)
                .all(|(a, b)| *a == b.id)
    }
}

/// One significant word of a text after analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the original text.
    pub range: Range<usize>,
    /// The word folded (lower case, no accents).
    pub word: String,
    /// The folded Snowball stem of the word.
    pub stem: String,
    /// The concept: `~group` when the stem (or a phrase) belongs to a related-terms group, the
    /// stem otherwise.
    pub concept: String,
}

#[derive(Debug, Deserialize)]
struct LexiconFile {
    /// Folded word → stem, for words Snowball conflates with unrelated ones
    /// (`collectivité` and `collecter` both give `collect`).
    #[serde(default)]
    stems: HashMap<String, String>,
    /// Words too common in competency labels to tell them apart (`assurer`, `situation`…).
    #[serde(default)]
    light: Vec<String>,
    groups: Vec<LexiconGroup>,
}

#[derive(Debug, Deserialize)]
struct LexiconGroup {
    id: String,
    terms: Vec<String>,
}

/// A problem in a related-terms file (reported by [`Analyzer::with_lexicon`] and the tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "related terms: {}", self.0)
    }
}

impl std::error::Error for LexiconError {}

/// Related-terms groups, resolved to stems.
#[derive(Debug, Default, Clone)]
struct Lexicon {
    /// Group ids, indexed by group number.
    group_ids: Vec<String>,
    /// Folded word → stem, overriding Snowball.
    exceptions: HashMap<String, String>,
    /// Folded stem → group number.
    stems: HashMap<String, u32>,
    /// First stem of a phrase → `(second stem, group number)`.
    phrases: HashMap<String, Vec<(String, u32)>>,
    /// Concepts (`~group` or stem) weighted [`LIGHT_WEIGHT`] in competencies.
    light: Vec<String>,
}

/// One word found by the tokeniser, before stemming.
#[derive(Debug, Clone)]
struct RawWord {
    /// Byte range in the original text.
    range: Range<usize>,
    /// Byte range in the folded text.
    folded: Range<usize>,
}

/// The French analysis pipeline (see the module doc). Cheap to keep, costly to build: build
/// it once (or use the one inside a [`Matcher`]).
pub struct Analyzer {
    stemmer: Stemmer,
    lexicon: Lexicon,
    /// [`STOP_WORDS`] as a set (looked up once per word).
    stop_words: HashSet<&'static str>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("groups", &self.lexicon.group_ids.len())
            .finish()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// Whether a folded word is a stop word.
pub fn is_stop_word(folded_word: &str) -> bool {
    STOP_WORDS.contains(&folded_word)
}

/// Splits a folded text into words (alphanumeric runs), dropping elided articles
/// (`l'`, `qu'`…). Ranges are in the folded text.
fn folded_words(folded: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes = folded.as_bytes();
    let push = |r: Range<usize>, out: &mut Vec<Range<usize>>| {
        // Elision: `l'` + letter.
        let word = &folded[r.clone()];
        let elided = bytes.get(r.end) == Some(&b'\'')
            && folded
                .get(r.end + 1..)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_alphanumeric)
            && ELISIONS.contains(&word);
        if !elided {
            out.push(r);
        }
    };
    for (i, c) in folded.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(s..i, &mut out);
        }
    }
    if let Some(s) = start {
        push(s..folded.len(), &mut out);
    }
    out
}

/// Whether two consecutive words may form a phrase: nothing but spaces, apostrophes and
/// hyphens between them (no sentence or list punctuation).
fn joinable(folded: &str, gap: Range<usize>) -> bool {
    folded.get(gap).is_some_and(|g| {
        g.chars()
            .all(|c| c == ' ' || c == '\'' || c == '-' || c.is_alphanumeric())
    })
}

impl Analyzer {
    /// The analyser with the bundled related-terms lexicon.
    pub fn new() -> Analyzer {
        // The bundled file is checked by the tests; an unusable file degrades to no groups.
        Analyzer::with_lexicon(RELATED_TERMS_JSON).unwrap_or_else(|_| Analyzer::bare())
    }

    /// An analyser without related terms (stems only).
    pub fn bare() -> Analyzer {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::French),
            lexicon: Lexicon::default(),
            stop_words: STOP_WORDS.iter().copied().collect(),
        }
    }

    /// An analyser with a related-terms lexicon in the format of
    /// `data/matching/related-terms.json`. Fails on malformed JSON, a term that is not one or
    /// two significant words, or a stem claimed by two groups.
    pub fn with_lexicon(json: &str) -> Result<Analyzer, LexiconError> {
        let file: LexiconFile =
            serde_json::from_str(json).map_err(|e| LexiconError(format!("invalid JSON: {e}")))?;
        let mut analyzer = Analyzer::bare();
        analyzer.lexicon.exceptions = file.stems.iter().map(|(w, s)| (fold(w), fold(s))).collect();
        let mut lex = Lexicon {
            exceptions: analyzer.lexicon.exceptions.clone(),
            ..Lexicon::default()
        };
        for (g, group) in file.groups.iter().enumerate() {
            let gi = u32::try_from(g).map_err(|_| LexiconError("too many groups".into()))?;
            if lex.group_ids.contains(&group.id) {
                return Err(LexiconError(format!("duplicate group id {:?}", group.id)));
            }
            lex.group_ids.push(group.id.clone());
            for term in &group.terms {
                let words = analyzer.words_of(term);
                let stems: Vec<String> = words.iter().map(|w| analyzer.stem_word(w)).collect();
                match stems.as_slice() {
                    [one] => {
                        // The plural too: Snowball stems some plurals differently.
                        let plural = analyzer.stem_word(&format!("{}s", words[0]));
                        for stem in [one.clone(), plural] {
                            match lex.stems.get(&stem) {
                                Some(&other) if other != gi => {
                                    return Err(LexiconError(format!(
                                        "term {term:?} of group {:?} has stem {stem:?}, already in group {:?}",
                                        group.id, lex.group_ids[other as usize]
                                    )));
                                }
                                _ => {
                                    lex.stems.insert(stem, gi);
                                }
                            }
                        }
                    }
                    [a, b] => {
                        let entry = lex.phrases.entry(a.clone()).or_default();
                        if let Some((_, other)) = entry.iter().find(|(s, o)| s == b && *o != gi) {
                            return Err(LexiconError(format!(
                                "phrase {term:?} of group {:?} is already in group {:?}",
                                group.id, lex.group_ids[*other as usize]
                            )));
                        }
                        entry.push((b.clone(), gi));
                    }
                    _ => {
                        return Err(LexiconError(format!(
                            "term {term:?} of group {:?} must be one or two significant words, got {stems:?}",
                            group.id
                        )));
                    }
                }
            }
        }
        analyzer.lexicon = lex;
        let mut light = Vec::new();
        for term in &file.light {
            let tokens = analyzer.analyze(term);
            match tokens.as_slice() {
                [t] => light.push(t.concept.clone()),
                _ => {
                    return Err(LexiconError(format!(
                        "light term {term:?} must be one significant word"
                    )))
                }
            }
        }
        analyzer.lexicon.light = light;
        Ok(analyzer)
    }

    /// Number of related-terms groups.
    pub fn group_count(&self) -> usize {
        self.lexicon.group_ids.len()
    }

    /// The folded stem of one word as written (any case, accents kept).
    pub fn stem_word(&self, word: &str) -> String {
        if !self.lexicon.exceptions.is_empty() {
            if let Some(stem) = self.lexicon.exceptions.get(&fold(word)) {
                return stem.clone();
            }
        }
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        let lower = lower.replace('œ', "oe").replace('æ', "ae");
        fold(&self.stemmer.stem(&lower))
    }

    /// The significant words of a short text, as written (no related terms).
    fn words_of<'t>(&self, text: &'t str) -> Vec<&'t str> {
        let ft = FoldedText::new(text);
        self.significant_words(text, &ft)
            .iter()
            .filter_map(|w| text.get(w.range.clone()))
            .collect()
    }

    /// The words of `text` that survive elision and stop words.
    fn significant_words(&self, text: &str, ft: &FoldedText) -> Vec<RawWord> {
        folded_words(&ft.folded)
            .into_iter()
            .filter_map(|f| {
                let w = &ft.folded[f.clone()];
                let range = ft.original_range(f.clone());
                let original = text.get(range.clone())?;
                // `fold` maps the ligature `œ` to `o`; stop words are spelt `oe`.
                let stop = if original.contains(['œ', 'Œ', 'æ', 'Æ']) {
                    let expanded =
                        fold(&original.replace(['œ', 'Œ'], "oe").replace(['æ', 'Æ'], "ae"));
                    self.stop_words.contains(expanded.as_str())
                } else {
                    self.stop_words.contains(w)
                };
                let keep =
                    w.chars().nth(1).is_some() && !w.bytes().all(|b| b.is_ascii_digit()) && !stop;
                keep.then_some(RawWord { range, folded: f })
            })
            .collect()
    }

    /// Analyses a text into its significant words with their concepts.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        self.analyze_with(text, |word| self.stem_word(word))
    }

    /// [`Analyzer::analyze`], remembering the stem of each word as written in `stems`: indexing
    /// many texts stems each distinct word once.
    pub fn analyze_cached(&self, text: &str, stems: &mut HashMap<String, String>) -> Vec<Token> {
        self.analyze_with(text, |word| {
            if let Some(stem) = stems.get(word) {
                return stem.clone();
            }
            let stem = self.stem_word(word);
            stems.insert(word.to_owned(), stem.clone());
            stem
        })
    }

    fn analyze_with(&self, text: &str, mut stem_of: impl FnMut(&str) -> String) -> Vec<Token> {
        let ft = FoldedText::new(text);
        let words = self.significant_words(text, &ft);
        let stems: Vec<String> = words
            .iter()
            .map(|w| stem_of(&text[w.range.clone()]))
            .collect();
        let groups = self.groups_of(&ft.folded, &words, &stems);
        words
            .into_iter()
            .zip(stems)
            .zip(groups)
            .map(|((w, stem), group)| Token {
                word: ft.folded[w.folded.clone()].to_owned(),
                concept: match group {
                    Some(g) => format!("~{}", self.lexicon.group_ids[g as usize]),
                    None => stem.clone(),
                },
                range: w.range,
                stem,
            })
            .collect()
    }

    /// The group of each word: its phrase's when it is part of one, its stem's otherwise.
    fn groups_of<S: AsRef<str>>(
        &self,
        folded: &str,
        words: &[RawWord],
        stems: &[S],
    ) -> Vec<Option<u32>> {
        let mut groups: Vec<Option<u32>> = stems
            .iter()
            .map(|s| self.lexicon.stems.get(s.as_ref()).copied())
            .collect();
        self.apply_phrases(folded, words, stems, &mut groups, |i| {
            self.lexicon.phrases.contains_key(stems[i].as_ref())
        });
        groups
    }

    /// Gives both words of each phrase their phrase's group. `may_start(i)` says whether
    /// word `i` can start a phrase (a cheap filter before the lookup).
    fn apply_phrases<S: AsRef<str>>(
        &self,
        folded: &str,
        words: &[RawWord],
        stems: &[S],
        groups: &mut [Option<u32>],
        may_start: impl Fn(usize) -> bool,
    ) {
        let mut i = 0;
        while i + 1 < words.len() {
            let phrase = if may_start(i) {
                self.lexicon
                    .phrases
                    .get(stems[i].as_ref())
                    .and_then(|nexts| {
                        nexts
                            .iter()
                            .find(|(second, _)| second == stems[i + 1].as_ref())
                            .map(|&(_, g)| g)
                    })
            } else {
                None
            };
            match phrase {
                Some(g) if joinable(folded, words[i].folded.end..words[i + 1].folded.start) => {
                    groups[i] = Some(g);
                    groups[i + 1] = Some(g);
                    i += 2;
                }
                _ => i += 1,
            }
        }
    }
}

/// Sort key putting higher (non-negative) weights or scores first.
fn descending(x: f32) -> u32 {
    u32::MAX - x.max(0.0).to_bits()
}

/// How strongly an experience supports a suggested competency, in words for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    /// The competency may be shown by the experience: worth checking.
    Possible,
    /// The experience clearly mentions what the competency is about.
    Strong,
}

/// One suggested competency for an experience.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub competency_id: String,
    /// The calibrated strength of the suggestion.
    pub strength: Strength,
    /// The calibrated score, in `0.0..1.0`: the estimated chance that the experience shows the
    /// competency, fitted on labelled experiences (see the module doc).
    pub score: f32,
    /// Byte ranges, in the experience text, of every word that matched one of the
    /// competency's concepts; sorted, for [`super::text::highlight_pieces`].
    pub matched: Vec<Range<usize>>,
    /// The matched words as the user wrote them (first occurrence of each matched concept,
    /// lower-cased), heaviest concept first.
    pub matched_terms: Vec<String>,
    /// Whether no word of the competency's label or bloc title matched: the competency was
    /// found through the example experiences alone, and the matched words are the ones the
    /// text shares with the examples linked to it.
    pub by_examples: bool,
}

/// The weighted concepts of a competency, `(concept, weight, from the label)`, sorted by
/// concept number.
pub(crate) type ConceptVector = [(u32, f32, bool)];

/// One competency, as the matcher sees it.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    /// Position of `id` among all ids sorted, to break score ties by id.
    id_rank: u32,
    /// `(concept, weight, from the label)`, sorted by concept.
    concepts: Vec<(u32, f32, bool)>,
    total: f32,
    /// Whether some example experience is linked to it (which calibration applies).
    exampled: bool,
}

/// Suggests competencies for an experience text. Build it once per catalogue.
#[derive(Debug)]
pub struct Matcher {
    analyzer: Analyzer,
    tuning: Tuning,
    /// Stem → concept number (groups are concepts `0..groups`).
    stem_ids: HashMap<String, u32>,
    /// Display names of concepts (`~group` or stem).
    concept_names: Vec<String>,
    entries: Vec<Entry>,
    /// Concept → `(entry, weight, from the label)`.
    postings: Vec<Vec<(u32, f32, bool)>>,
    /// Whether a concept is a `light` one.
    light: Vec<bool>,
    /// Labelled example experiences (see [`Matcher::with_examples`]).
    examples: Vec<Example>,
    /// Idf of each concept over the examples' texts (0 for concepts no example has).
    example_idf: Vec<f32>,
    /// The examples at their surface (votes and kernel regression), shared between matchers.
    surface: Arc<SurfaceModel>,
}

impl Matcher {
    /// A matcher over every competency of the catalogue (labels plus bloc titles), with the
    /// bundled example experiences ([`Examples::bundled`]).
    pub fn new(catalogue: &Catalogue) -> Matcher {
        Matcher::lexical(catalogue)
            .with_examples_sharing(bundled_examples(), Some(SurfaceModel::bundled()))
    }

    /// [`Matcher::new`] without examples: the labels and bloc titles only (what
    /// [`super::alike`] compares).
    pub fn lexical(catalogue: &Catalogue) -> Matcher {
        Matcher::from_competencies(
            catalogue
                .all()
                .iter()
                .flat_map(|cert| cert.competencies())
                .map(|(b, c)| (c.id.as_str(), c.label.as_str(), b.title.as_str())),
        )
    }

    /// Like [`Matcher::new`] with given scoring parameters (evaluation experiments).
    pub fn new_tuned(catalogue: &Catalogue, tuning: Tuning) -> Matcher {
        let items: Vec<(&str, &str, &str)> = catalogue
            .all()
            .iter()
            .flat_map(|cert| cert.competencies())
            .map(|(b, c)| (c.id.as_str(), c.label.as_str(), b.title.as_str()))
            .collect();
        Matcher::tuned(Analyzer::new(), tuning, items)
            .with_examples_sharing(bundled_examples(), Some(SurfaceModel::bundled()))
    }

    /// A matcher over `(competency id, label, bloc title)` triples (`""` for no bloc title),
    /// with the bundled analyser.
    pub fn from_competencies<'a>(
        items: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Matcher {
        Matcher::with_analyzer(Analyzer::new(), items)
    }

    /// Like [`Matcher::from_competencies`] with a given analyser and default tuning.
    pub fn with_analyzer<'a>(
        analyzer: Analyzer,
        items: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Matcher {
        Matcher::tuned(analyzer, Tuning::default(), items)
    }

    /// Like [`Matcher::with_analyzer`] with given scoring parameters.
    pub fn tuned<'a>(
        analyzer: Analyzer,
        tuning: Tuning,
        items: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Matcher {
        let mut m = Matcher {
            stem_ids: HashMap::new(),
            concept_names: analyzer
                .lexicon
                .group_ids
                .iter()
                .map(|g| format!("~{g}"))
                .collect(),
            analyzer,
            tuning,
            entries: Vec::new(),
            postings: Vec::new(),
            light: Vec::new(),
            examples: Vec::new(),
            example_idf: Vec::new(),
            surface: Arc::default(),
        };
        // Concepts of each label and bloc title.
        let mut raw: Vec<(String, Vec<u32>, Vec<u32>)> = Vec::new();
        for (id, label, bloc) in items {
            let label_concepts = m.intern_concepts(label);
            let bloc_concepts: Vec<u32> = m
                .intern_concepts(bloc)
                .into_iter()
                .filter(|k| !label_concepts.contains(k))
                .collect();
            raw.push((id.to_owned(), label_concepts, bloc_concepts));
        }
        let n = raw.len() as f32;
        let mut df = vec![0u32; m.concept_names.len()];
        for (_, l, b) in &raw {
            for &k in l.iter().chain(b) {
                df[k as usize] += 1;
            }
        }
        let light: Vec<bool> = m
            .concept_names
            .iter()
            .map(|name| m.analyzer.lexicon.light.contains(name))
            .collect();
        let idf = |k: u32| {
            let factor = if light[k as usize] {
                tuning.light_weight
            } else {
                1.0
            };
            factor * (1.0 + n / df[k as usize].max(1) as f32).ln()
        };
        m.postings = vec![Vec::new(); m.concept_names.len()];
        for (i, (id, l, b)) in raw.into_iter().enumerate() {
            // Sorted by concept: `(concept, from the bloc title)` keys, sorted, then weighed.
            let mut keys: Vec<(u32, u32)> = l.iter().map(|&k| (k, 0)).collect();
            keys.extend(b.iter().map(|&k| (k, 1)));
            order::sort(&mut keys);
            let concepts: Vec<(u32, f32, bool)> = keys
                .into_iter()
                .map(|(k, bloc)| match bloc {
                    0 => (k, idf(k), true),
                    _ => (k, tuning.bloc_title_weight * idf(k), false),
                })
                .collect();
            let total = concepts.iter().map(|c| c.1).sum();
            let ei = u32::try_from(i).unwrap_or(u32::MAX);
            for &(k, w, from_label) in &concepts {
                m.postings[k as usize].push((ei, w, from_label));
            }
            m.entries.push(Entry {
                id,
                id_rank: 0,
                concepts,
                total,
                exampled: false,
            });
        }
        let mut order: Vec<(&str, u32)> = m
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        order::sort(&mut order);
        let ranks: Vec<(u32, u32)> = order
            .into_iter()
            .enumerate()
            .map(|(rank, (_, i))| (i, u32::try_from(rank).unwrap_or(u32::MAX)))
            .collect();
        for (i, rank) in ranks {
            if let Some(e) = m.entries.get_mut(i as usize) {
                e.id_rank = rank;
            }
        }
        m.light = light;
        m
    }

    /// The distinct concept numbers of a competency text, interning new stems.
    fn intern_concepts(&mut self, text: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for k in self.intern_words(text, &mut HashMap::new()) {
            if !out.contains(&k) {
                out.push(k);
            }
        }
        out
    }

    /// The concept number of every significant word of a text, in order, interning new stems.
    /// `stems` caches each word's stem (across the texts of one build: stemming is most of
    /// the cost).
    fn intern_words(&mut self, text: &str, stems: &mut HashMap<String, String>) -> Vec<u32> {
        let ft = FoldedText::new(text);
        let words = self.analyzer.significant_words(text, &ft);
        let stems: Vec<String> = words
            .iter()
            .map(|w| {
                let word = &text[w.range.clone()];
                match stems.get(word) {
                    Some(stem) => stem.clone(),
                    None => {
                        let stem = self.analyzer.stem_word(word);
                        stems.insert(word.to_owned(), stem.clone());
                        stem
                    }
                }
            })
            .collect();
        let word_groups = self.analyzer.groups_of(&ft.folded, &words, &stems);
        let mut out = Vec::with_capacity(stems.len());
        for (stem, group) in stems.into_iter().zip(word_groups) {
            let k = match group {
                Some(g) => g,
                None => match self.stem_ids.get(&stem) {
                    Some(&k) => k,
                    None => {
                        let k = u32::try_from(self.concept_names.len()).unwrap_or(u32::MAX);
                        self.concept_names.push(stem.clone());
                        self.stem_ids.insert(stem, k);
                        k
                    }
                },
            };
            out.push(k);
        }
        out
    }

    /// This matcher with labelled example experiences: the labels of the [`NEIGHBOURS`]
    /// examples nearest to a text (cosine of their `(1 + ln tf) · idf` concept vectors) vote
    /// for its competencies, each with its similarity (see the module doc). Replaces any
    /// examples given before.
    pub fn with_examples(self, examples: &[ExampleText]) -> Matcher {
        self.with_examples_sharing(examples, None)
    }

    /// [`Matcher::with_examples`] with the examples' [`SurfaceModel`] when it is theirs (same
    /// ids in the same order, the matcher's ridge); built otherwise.
    pub fn with_examples_sharing(
        mut self,
        examples: &[ExampleText],
        surface: Option<Arc<SurfaceModel>>,
    ) -> Matcher {
        let entry_of: HashMap<&str, u32> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        // `(id, (concept, count) sorted by concept, label entries)` of each example.
        type Counted = (String, Vec<(u32, u32)>, Vec<u32>);
        let mut counted: Vec<Counted> = Vec::new();
        for ex in examples {
            let mut labels: Vec<u32> = ex
                .labels
                .iter()
                .filter_map(|l| entry_of.get(l.as_str()).copied())
                .collect();
            order::sort(&mut labels);
            labels.dedup();
            counted.push((ex.id.clone(), Vec::new(), labels));
        }
        let mut stems = HashMap::new();
        for (ex, c) in examples.iter().zip(counted.iter_mut()) {
            let mut words = self.intern_words(&ex.text, &mut stems);
            order::sort(&mut words);
            for k in words {
                match c.1.last_mut() {
                    Some(last) if last.0 == k => last.1 += 1,
                    _ => c.1.push((k, 1)),
                }
            }
        }
        for e in &mut self.entries {
            e.exampled = false;
        }
        for (_, _, labels) in &counted {
            for &l in labels {
                self.entries[l as usize].exampled = true;
            }
        }
        let n_concepts = self.concept_names.len();
        self.postings.resize(n_concepts, Vec::new());
        self.light = self
            .concept_names
            .iter()
            .map(|name| self.analyzer.lexicon.light.contains(name))
            .collect();
        let mut df = vec![0u32; n_concepts];
        for (_, counts, _) in &counted {
            for &(k, _) in counts {
                df[k as usize] += 1;
            }
        }
        let n = counted.len() as f32;
        self.example_idf = df
            .iter()
            .map(|&d| {
                if d == 0 {
                    0.0
                } else {
                    (1.0 + n / d as f32).ln()
                }
            })
            .collect();
        self.examples = counted
            .into_iter()
            .map(|(id, counts, labels)| {
                let mut vector: Vec<(u32, f32)> = counts
                    .into_iter()
                    .map(|(k, tf)| (k, (1.0 + (tf as f32).ln()) * self.example_idf[k as usize]))
                    .collect();
                let norm = vector.iter().map(|v| v.1 * v.1).sum::<f32>().sqrt();
                for v in &mut vector {
                    v.1 /= norm.max(f32::EPSILON);
                }
                Example { id, vector, labels }
            })
            .collect();
        self.surface = match surface {
            Some(model) if model.fits(examples, self.tuning.ridge) => model,
            _ => Arc::new(SurfaceModel::new(examples, self.tuning.ridge)),
        };
        self
    }

    /// What the examples say of a text (see the module doc). `leave_out` names an example not
    /// to use (evaluation of an example itself).
    fn votes(&self, present: &[u32], folded: &str, leave_out: Option<&str>) -> Votes {
        let mut out = Votes {
            vote: vec![0f32; self.entries.len()],
            total: 0.0,
            near: Vec::new(),
            ridge: vec![0f32; self.entries.len()],
            none: 0.0,
        };
        if self.examples.is_empty() {
            return out;
        }
        // A text without a concept some example has gets nothing from them.
        if !present.iter().any(|&k| {
            self.example_idf
                .get(k as usize)
                .is_some_and(|&idf| idf > 0.0)
        }) {
            return out;
        }
        let n = self.examples.len();
        let left_out = leave_out.and_then(|id| self.examples.iter().position(|ex| ex.id == id));
        // The text's cosine with each example, over surface grams.
        let mut cosines = vec![0f32; n];
        let ids = surface_grams(folded)
            .into_iter()
            .filter_map(|h| self.surface.ids.get(&h).copied());
        let mut scratch = vec![0u32; self.surface.idf.len()];
        for (g, q) in unit_tf_idf(&count_grams(ids, &mut scratch), &self.surface.idf) {
            for &(i, w) in &self.surface.postings[g as usize] {
                cosines[i as usize] += q * w;
            }
        }
        if let Some(i) = left_out {
            cosines[i] = 0.0;
        }
        let mut near: Vec<(u32, usize)> = cosines
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c > 0.0)
            .map(|(i, &c)| (descending(c), i))
            .collect();
        if self.surface.factor.len() == n * n {
            // u = (K + ridge·I)⁻¹·k; without example i, the inverse of K without its row and
            // column i is M₋ᵢ₋ᵢ − M₋ᵢᵢ·Mᵢ₋ᵢ / Mᵢᵢ (k has no i-th cosine).
            let mut u = cosines;
            ridge_solve(&self.surface.factor, &mut u);
            let column = left_out.map(|i| {
                let mut m = vec![0f32; n];
                m[i] = 1.0;
                ridge_solve(&self.surface.factor, &mut m);
                m
            });
            for (j, ex) in self.examples.iter().enumerate() {
                let c = match (left_out, &column) {
                    (Some(i), _) if i == j => continue,
                    (Some(i), Some(m)) => u[j] - u[i] * m[j] / m[i],
                    _ => u[j],
                };
                if ex.labels.is_empty() {
                    out.none += c;
                }
                for &e in &ex.labels {
                    out.ridge[e as usize] += c;
                }
            }
        }
        order::sort(&mut near);
        near.truncate(self.tuning.neighbours);
        for &(key, i) in &near {
            let similarity = f32::from_bits(u32::MAX - key);
            out.total += similarity;
            for &e in &self.examples[i].labels {
                out.vote[e as usize] += similarity;
            }
        }
        out.near = near.into_iter().map(|(_, i)| i).collect();
        out
    }

    /// Whether some example experience is linked to the competency (its score then uses
    /// [`COEFFICIENTS`], otherwise [`LEXICAL_COEFFICIENTS`]).
    pub fn has_examples(&self, competency_id: &str) -> bool {
        self.entries
            .iter()
            .any(|e| e.exampled && e.id == competency_id)
    }

    /// The analyser used by this matcher.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Number of competencies indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no competency is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The weighted concepts of a competency, `(concept name, weight, from the label)`, for
    /// explanations and for [`super::alike`].
    pub fn concepts_of(&self, competency_id: &str) -> Option<Vec<(&str, f32, bool)>> {
        let e = self.entries.iter().find(|e| e.id == competency_id)?;
        Some(
            e.concepts
                .iter()
                .map(|&(k, w, l)| (self.concept_names[k as usize].as_str(), w, l))
                .collect(),
        )
    }

    /// `(id, concept vector)` of every competency, in input order.
    pub(crate) fn vectors(&self) -> impl Iterator<Item = (&str, &ConceptVector)> {
        self.entries
            .iter()
            .map(|e| (e.id.as_str(), e.concepts.as_slice()))
    }

    /// Concept number of every significant word of `text`, with its original range. Words
    /// whose concept no competency has are `None`. Each distinct word is stemmed once.
    fn text_concepts(&self, text: &str, ft: &FoldedText) -> Vec<(Range<usize>, Option<u32>)> {
        /// What a distinct word gives, computed once per text.
        struct Distinct {
            stem: String,
            /// Its concept without phrases: its group's, or its stem's if a competency has it.
            concept: Option<u32>,
            starts_phrase: bool,
        }
        let words = self.analyzer.significant_words(text, ft);
        let lexicon = &self.analyzer.lexicon;
        let mut cache: HashMap<&str, usize> = HashMap::new();
        let mut distinct: Vec<Distinct> = Vec::new();
        let mut index: Vec<usize> = Vec::with_capacity(words.len());
        for w in &words {
            let original = &text[w.range.clone()];
            let i = *cache.entry(original).or_insert_with(|| {
                let stem = self.analyzer.stem_word(original);
                let concept = lexicon
                    .stems
                    .get(&stem)
                    .or_else(|| self.stem_ids.get(&stem))
                    .copied();
                let starts_phrase = lexicon.phrases.contains_key(&stem);
                distinct.push(Distinct {
                    stem,
                    concept,
                    starts_phrase,
                });
                distinct.len() - 1
            });
            index.push(i);
        }
        let stems: Vec<&str> = index.iter().map(|&i| distinct[i].stem.as_str()).collect();
        let mut concepts: Vec<Option<u32>> = index.iter().map(|&i| distinct[i].concept).collect();
        self.analyzer
            .apply_phrases(&ft.folded, &words, &stems, &mut concepts, |i| {
                distinct[index[i]].starts_phrase
            });
        words
            .into_iter()
            .zip(concepts)
            .map(|(w, k)| (w.range, k))
            .collect()
    }

    /// Features of every competency for a text's present concepts: `(entry, features)`.
    fn features(
        &self,
        present: &[u32],
        tf: &[u32],
        votes: &Votes,
    ) -> Vec<(usize, [f32; FEATURES])> {
        let n_entries = self.entries.len();
        let mut matched_weight = vec![0f32; n_entries];
        let mut label_weight = vec![0f32; n_entries];
        let mut max_idf = vec![0f32; n_entries];
        let mut hits = vec![0u32; n_entries];
        // Σ w·saturation and Σ w over the matched non-light label concepts.
        let mut repeated = vec![0f32; n_entries];
        let mut strict = vec![0f32; n_entries];
        let max_possible = (1.0 + n_entries as f32).ln();
        let mut mass = 0.0f32;
        for &k in present {
            let count = tf.get(k as usize).copied().unwrap_or(1).max(1) as f32;
            let saturation = count / (count + 1.0);
            let light = self.light.get(k as usize).copied().unwrap_or(false);
            let postings = &self.postings[k as usize];
            if !light && postings.iter().any(|p| p.2) {
                let df = postings.iter().filter(|p| p.2).count().max(1) as f32;
                mass += (1.0 + n_entries as f32 / df).ln();
            }
            for &(e, w, from_label) in postings {
                let e = e as usize;
                matched_weight[e] += w;
                if from_label {
                    label_weight[e] += w;
                    if !light {
                        hits[e] += 1;
                        max_idf[e] = max_idf[e].max(w);
                        repeated[e] += w * saturation;
                        strict[e] += w;
                    }
                }
            }
        }
        let t = &self.tuning;
        let mut out = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let vote = votes.vote.get(i).copied().unwrap_or(0.0);
            if hits[i] == 0 && vote <= 0.0 {
                continue;
            }
            let denominator = (e.total.ln() * t.length_exponent).exp();
            let score = if denominator > 0.0 {
                (matched_weight[i] / denominator).min(1.0)
            } else {
                0.0
            };
            let coverage = matched_weight[i] / e.total.max(f32::EPSILON);
            out.push((
                i,
                [
                    score,
                    (1.0 + hits[i] as f32).ln(),
                    max_idf[i] / max_possible,
                    coverage,
                    (1.0 + mass).ln(),
                    label_weight[i] / max_possible,
                    (1.0 + e.total).ln(),
                    repeated[i] / strict[i].max(f32::EPSILON),
                    vote,
                    vote / votes.total.max(f32::EPSILON),
                    votes.ridge.get(i).copied().unwrap_or(0.0),
                    votes.none,
                ],
            ));
        }
        out
    }

    /// Calibrated score of every entry (0 when not a candidate).
    fn calibrated(&self, present: &[u32], tf: &[u32], votes: &Votes) -> Vec<f32> {
        let mut scores = vec![0f32; self.entries.len()];
        let feats = self.features(present, tf, votes);
        let best = feats.iter().map(|f| f.1[0]).fold(0f32, f32::max);
        for (i, f) in feats {
            let relative = f[0] / best.max(f32::EPSILON);
            let c: &[f32] = if self.entries[i].exampled {
                &self.tuning.coefficients
            } else {
                &self.tuning.lexical_coefficients
            };
            let n = c.len() - 2;
            let mut z = c[n + 1] + c[n] * relative;
            for (cj, x) in c.iter().zip(&f).take(n) {
                z += cj * x;
            }
            scores[i] = 1.0 / (1.0 + (-z).exp());
        }
        scores
    }

    /// Features for training: `(competency id, features + relative score)` of every candidate,
    /// without the example `leave_out` (the text itself when it is one of the examples).
    pub fn training_features(
        &self,
        text: &str,
        leave_out: Option<&str>,
    ) -> Vec<(String, Vec<f32>)> {
        let ft = FoldedText::new(text);
        let words = self.text_concepts(text, &ft);
        let mut seen = vec![false; self.concept_names.len()];
        let mut present: Vec<u32> = Vec::new();
        let mut tf = vec![0u32; self.concept_names.len()];
        for &(_, k) in &words {
            if let Some(k) = k {
                tf[k as usize] += 1;
                if !std::mem::replace(&mut seen[k as usize], true) {
                    present.push(k);
                }
            }
        }
        let votes = self.votes(&present, &ft.folded, leave_out);
        let feats = self.features(&present, &tf, &votes);
        let best = feats.iter().map(|f| f.1[0]).fold(0f32, f32::max);
        feats
            .into_iter()
            .map(|(i, f)| {
                let mut v = f.to_vec();
                v.push(f[0] / best.max(f32::EPSILON));
                (self.entries[i].id.clone(), v)
            })
            .collect()
    }

    /// The competencies an experience text supports, best first (see the module doc for the
    /// score), among those whose id passes `restrict_to`; at most `limit`.
    pub fn suggest(
        &self,
        text: &str,
        restrict_to: impl Fn(&str) -> bool,
        limit: usize,
    ) -> Vec<Suggestion> {
        // One compiled body whatever the closure (a smaller wasm).
        self.suggest_among(text, &restrict_to, limit, None)
    }

    /// [`Matcher::suggest`] without the example experience `example_id`: what the matcher
    /// would say of an example's text had it not been given that example (evaluation).
    pub fn suggest_leaving_out(
        &self,
        text: &str,
        restrict_to: &dyn Fn(&str) -> bool,
        limit: usize,
        example_id: &str,
    ) -> Vec<Suggestion> {
        self.suggest_among(text, restrict_to, limit, Some(example_id))
    }

    /// [`Matcher::suggest`] with the restriction as a trait object.
    fn suggest_among(
        &self,
        text: &str,
        restrict_to: &dyn Fn(&str) -> bool,
        limit: usize,
        leave_out: Option<&str>,
    ) -> Vec<Suggestion> {
        if limit == 0 || self.entries.is_empty() {
            return Vec::new();
        }
        let ft = FoldedText::new(text);
        let words = self.text_concepts(text, &ft);
        // First occurrence of each concept present in the text.
        let mut first: Vec<Option<Range<usize>>> = vec![None; self.concept_names.len()];
        let mut present: Vec<u32> = Vec::new();
        // How many words of the text have each concept.
        let mut tf = vec![0u32; self.concept_names.len()];
        for (range, k) in &words {
            if let Some(k) = *k {
                tf[k as usize] += 1;
                if first[k as usize].is_none() {
                    first[k as usize] = Some(range.clone());
                    present.push(k);
                }
            }
        }
        let votes = self.votes(&present, &ft.folded, leave_out);
        let scores = self.calibrated(&present, &tf, &votes);
        let near = &votes.near;
        // The domain gate, on the whole catalogue (not only the competencies asked for).
        let mut best = [0f32; 5];
        for &s in &scores {
            if s > 0.0 && s >= self.tuning.min_score && s > best[4] {
                best[4] = s;
                let mut j = 4;
                while j > 0 && best[j] > best[j - 1] {
                    best.swap(j, j - 1);
                    j -= 1;
                }
            }
        }
        let evidence: f32 = best.iter().sum();
        // `(descending score, id rank)` keys, and the entry of each id rank.
        let mut ranked: Vec<(u32, u32)> = Vec::new();
        let mut entry_of_rank = vec![0usize; self.entries.len()];
        for (i, e) in self.entries.iter().enumerate() {
            let score = scores[i];
            if score > 0.0 && score >= self.tuning.min_score && restrict_to(&e.id) {
                ranked.push((descending(score), e.id_rank));
                if let Some(slot) = entry_of_rank.get_mut(e.id_rank as usize) {
                    *slot = i;
                }
            }
        }
        order::sort(&mut ranked);
        // A smaller catalogue (one certification selected) has fewer high scores to sum.
        let share = (self.entries.len() as f32 / GATE_ENTRIES as f32).min(1.0);
        if evidence < self.tuning.gate * share {
            ranked.truncate(1);
        }
        ranked.truncate(limit);
        ranked
            .into_iter()
            .map(|(key, rank)| {
                let entry = entry_of_rank[rank as usize];
                let e = &self.entries[entry];
                let label_hit = |k: u32| e.concepts.binary_search_by_key(&k, |c| c.0).is_ok();
                // A competency found through the examples only: the words the text shares with
                // the nearest examples linked to it.
                let by_examples = !words.iter().any(|(_, k)| k.is_some_and(label_hit));
                // How many of the nearest examples linked to it share the word.
                let shared = |k: u32| {
                    near.iter()
                        .filter(|&&x| {
                            let ex = &self.examples[x];
                            ex.labels.binary_search(&(entry as u32)).is_ok()
                                && ex.vector.binary_search_by_key(&k, |v| v.0).is_ok()
                        })
                        .count()
                };
                // Words several of them share first, rare ones first among equals: a word
                // one example happens to contain ("quatre") says less than one they share.
                let mut hits: Vec<(u32, u32)> = if by_examples {
                    present
                        .iter()
                        .map(|&k| (shared(k), k))
                        .filter(|&(n, _)| n > 0)
                        .map(|(n, k)| (descending(n as f32 * self.example_idf[k as usize]), k))
                        .collect()
                } else {
                    e.concepts
                        .iter()
                        .filter(|c| first[c.0 as usize].is_some())
                        .map(|c| (descending(c.1), c.0))
                        .collect()
                };
                order::sort(&mut hits);
                if by_examples {
                    hits.truncate(EXAMPLE_WORDS);
                }
                let is_hit = |k: u32| {
                    if by_examples {
                        hits.iter().any(|h| h.1 == k)
                    } else {
                        label_hit(k)
                    }
                };
                // In text order, so already sorted for highlighting.
                let matched: Vec<Range<usize>> = words
                    .iter()
                    .filter(|(_, k)| k.is_some_and(is_hit))
                    .map(|(r, _)| r.clone())
                    .collect();
                let mut matched_terms: Vec<String> = Vec::new();
                for (_, k) in hits {
                    let word = first[k as usize].clone().and_then(|r| text.get(r));
                    if let Some(t) = word.map(|w| w.chars().flat_map(char::to_lowercase).collect())
                    {
                        if !matched_terms.contains(&t) {
                            matched_terms.push(t);
                        }
                    }
                }
                let score = f32::from_bits(u32::MAX - key);
                Suggestion {
                    competency_id: e.id.clone(),
                    strength: if score >= self.tuning.strong_score {
                        Strength::Strong
                    } else {
                        Strength::Possible
                    },
                    score,
                    matched,
                    matched_terms,
                    by_examples,
                }
            })
            .collect()
    }
}

/// `(example, weight)` of each of `grams` surface grams: the examples' surface vectors,
/// inverted, in example order.
fn surface_postings(vectors: &[Vec<(u32, f32)>], grams: usize) -> Vec<Vec<(u32, f32)>> {
    let mut postings = vec![Vec::new(); grams];
    for (i, vector) in vectors.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for &(g, w) in vector {
            if let Some(p) = postings.get_mut(g as usize) {
                p.push((i, w));
            }
        }
    }
    postings
}

/// Hasher of keys that are already hashes (the surface grams' FNV-1a): passes them through.
#[derive(Default)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The surface grams of a folded text, hashed (FNV-1a, the same on every platform): each word,
/// each pair of consecutive words and each run of five characters of a word padded with a
/// space on each side (the whole padded word when shorter). Words are the runs of letters and
/// digits; stop words and word endings stay, unlike concepts: "je les envoie vers", "accompagn"
/// say something the stemmed concepts lose.
pub(crate) fn surface_grams(folded: &str) -> Vec<u64> {
    const WIDTH: usize = 5;
    fn hash(tag: u8, parts: &[&[char]]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |b: u32| {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        };
        eat(u32::from(tag));
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                eat(u32::from(' '));
            }
            for &c in *part {
                eat(u32::from(c));
            }
        }
        h
    }
    // Every word padded with a space on each side, one after the other in one buffer.
    let mut chars: Vec<char> = Vec::with_capacity(folded.len() + 2);
    let mut spans: Vec<Range<usize>> = Vec::new();
    for w in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let start = chars.len();
        chars.push(' ');
        chars.extend(w.chars());
        chars.push(' ');
        spans.push(start..chars.len());
    }
    let mut out = Vec::with_capacity(chars.len() + 2 * spans.len());
    for (i, span) in spans.iter().enumerate() {
        let padded = &chars[span.clone()];
        let word = &padded[1..padded.len() - 1];
        out.push(hash(b'u', &[word]));
        if let Some(next) = spans.get(i + 1) {
            out.push(hash(b'b', &[word, &chars[next.start + 1..next.end - 1]]));
        }
        if padded.len() <= WIDTH {
            out.push(hash(b'c', &[padded]));
        } else {
            out.extend(padded.windows(WIDTH).map(|g| hash(b'c', &[g])));
        }
    }
    out
}

/// `(gram, count)` of each distinct gram of `ids`, in order of first appearance (no sort: the
/// order of a vector's entries does not matter). `scratch` is a zeroed counter per gram,
/// grown as needed and left zeroed.
fn count_grams(ids: impl Iterator<Item = u32>, scratch: &mut Vec<u32>) -> Vec<(u32, u32)> {
    let mut distinct: Vec<u32> = Vec::new();
    for g in ids {
        let i = g as usize;
        if i >= scratch.len() {
            scratch.resize(i + 1, 0);
        }
        if scratch[i] == 0 {
            distinct.push(g);
        }
        scratch[i] += 1;
    }
    distinct
        .into_iter()
        .map(|g| {
            let count = std::mem::take(&mut scratch[g as usize]);
            (g, count)
        })
        .collect()
}

/// `(1 + ln tf) · idf` of `(term, tf)` counts, scaled to unit length (empty if all are 0).
fn unit_tf_idf(counts: &[(u32, u32)], idf: &[f32]) -> Vec<(u32, f32)> {
    let mut v: Vec<(u32, f32)> = counts
        .iter()
        .map(|&(k, tf)| {
            let w = (1.0 + (tf as f32).ln()) * idf.get(k as usize).copied().unwrap_or(0.0);
            (k, w)
        })
        .collect();
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    for x in &mut v {
        x.1 /= norm.max(f32::EPSILON);
    }
    v
}

/// `a · b`.
fn inner(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Solves `L·Lᵀ·x = b` in place, `L` from [`Factoring`].
fn ridge_solve(l: &[f32], b: &mut [f32]) {
    let n = b.len();
    for i in 0..n {
        let row = &l[i * n..i * n + i];
        let s: f32 = row.iter().zip(&b[..i]).map(|(a, x)| a * x).sum();
        b[i] = (b[i] - s) / l[i * n + i];
    }
    for i in (0..n).rev() {
        let s: f32 = (i + 1..n).map(|k| l[k * n + i] * b[k]).sum();
        b[i] = (b[i] - s) / l[i * n + i];
    }
}

#[cfg(test)]
#[path = "matching/tests.rs"]
mod tests;
