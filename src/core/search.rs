//! Catalogue search: accent- and case-insensitive, over titles, codes, blocs, competencies,
//! certifiers, jobs and ROME / NSF / Formacode codes and labels, with filters, and for each result the
//! reasons it matched (which field, which text, which words to highlight).
//!
//! Every word of the query must be found in the certification (in any field); a word matches a
//! field when it occurs in it after folding (`mediation` finds `Médiation`), a word of one or
//! two characters when it starts a word. Results are
//! ranked by the weight of the fields that matched (title first), then active certifications
//! first, then by title. With the French analyzer (`SearchIndex::new(.., Some(analyzer))`), a
//! word also matches other forms of it and its related terms (`conflit` → "conflictuelles"),
//! at half the weight of a literal match.

use crate::core::order;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::catalogue::{Catalogue, Status};
use super::date::Date;
use super::matching::Analyzer;
use super::model::{Certification, CodeLabel};
use super::text::{fold, FoldedText};

/// What the user asked for: text and filters. Lives in the URL (see `route`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub level: Option<u8>,
    pub status: Option<Status>,
    pub certifier: Option<String>,
    /// An NSF code (`CODES_NSF`), e.g. `332t`.
    pub nsf: Option<String>,
    /// A ROME code (`CODES_ROME`), e.g. `K1204`.
    pub rome: Option<String>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.level.is_none()
            && self.status.is_none()
            && self.certifier.is_none()
            && self.nsf.is_none()
            && self.rome.is_none()
    }

    /// How many filters are set (the text aside).
    pub fn active_filters(&self) -> usize {
        Filter::ALL
            .into_iter()
            .filter(|f| !f.value(self).is_empty())
            .count()
    }
}

/// A filter of the catalogue, as its select reads and sets it: a value in the URL's words, ""
/// for "all".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Level,
    Status,
    Certifier,
    Rome,
    Nsf,
}

impl Filter {
    /// In the page's order.
    pub const ALL: [Filter; 5] = [
        Filter::Level,
        Filter::Status,
        Filter::Certifier,
        Filter::Rome,
        Filter::Nsf,
    ];

    /// The filter's value in `q` ("" when it is not set).
    pub fn value(self, q: &Query) -> String {
        match self {
            Filter::Level => q.level.map(|l| l.to_string()).unwrap_or_default(),
            Filter::Status => q.status.map(|s| s.as_str()).unwrap_or_default().to_owned(),
            Filter::Certifier => q.certifier.clone().unwrap_or_default(),
            Filter::Rome => q.rome.clone().unwrap_or_default(),
            Filter::Nsf => q.nsf.clone().unwrap_or_default(),
        }
    }

    /// Sets the filter in `q` to `value`; "" (or a value the filter cannot hold) unsets it.
    pub fn set(self, q: &mut Query, value: &str) {
        let text = Some(value.to_owned()).filter(|v| !v.is_empty());
        match self {
            Filter::Level => q.level = value.parse().ok(),
            Filter::Status => q.status = Status::parse(value),
            Filter::Certifier => q.certifier = text,
            Filter::Rome => q.rome = text,
            Filter::Nsf => q.nsf = text,
        }
    }
}

/// The part of a certification a reason points to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Code,
    Bloc { code: String },
    Competency { bloc_code: String, id: String },
    Certifier,
    Job,
    Rome { code: String },
    Nsf { code: String },
    Formacode { code: String },
}

impl Field {
    /// Ranking weight of a match in this field.
    fn weight(&self) -> u32 {
        match self {
            Field::Title | Field::Code => 8,
            Field::Bloc { .. } => 5,
            Field::Rome { .. } | Field::Job | Field::Certifier => 4,
            Field::Competency { .. } => 3,
            Field::Nsf { .. } | Field::Formacode { .. } => 2,
        }
    }
}

/// Why a certification matched: a field, its text, and byte ranges of `text` to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub field: Field,
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// One certification that matched, with its reasons (best first, at most `MAX_REASONS`).
/// Two hits are equal when they point to the same certification (not an equal copy: the UI
/// compares result lists on every keystroke) with the same status, score and reasons.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    pub cert: &'a Certification,
    pub status: Status,
    pub reasons: Vec<Reason>,
    /// How many reasons there were before truncation.
    pub reason_count: usize,
    score: u32,
}

impl PartialEq for Hit<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.cert, other.cert)
            && self.status == other.status
            && self.score == other.score
            && self.reason_count == other.reason_count
            && self.reasons == other.reasons
    }
}

/// Reasons kept per result.
pub const MAX_REASONS: usize = 4;

/// Longest query text considered (a huge paste is cut, not an error).
pub const MAX_QUERY_CHARS: usize = 200;

/// Splits a query into folded words (letters and digits), dropping duplicates.
pub fn query_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    let limited: String = text.chars().take(MAX_QUERY_CHARS).collect();
    for w in fold(&limited).split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() && !terms.iter().any(|t| t == w) {
            terms.push(w.to_owned());
        }
    }
    terms
}

/// Every searchable text of a certification with its field.
fn fields(cert: &Certification) -> Vec<(Field, &str)> {
    let mut out = vec![
        (Field::Title, cert.title.as_str()),
        (Field::Code, cert.code.as_str()),
    ];
    for b in &cert.blocs {
        out.push((
            Field::Bloc {
                code: b.code.clone(),
            },
            b.title.as_str(),
        ));
        out.push((
            Field::Bloc {
                code: b.code.clone(),
            },
            b.code.as_str(),
        ));
        for c in &b.competencies {
            out.push((
                Field::Competency {
                    bloc_code: b.code.clone(),
                    id: c.id.clone(),
                },
                c.label.as_str(),
            ));
        }
    }
    for c in &cert.certifiers {
        out.push((Field::Certifier, c.name.as_str()));
    }
    for j in cert.jobs.iter().flatten() {
        out.push((Field::Job, j.as_str()));
    }
    for cl in cert.rome.iter().flatten() {
        let field = Field::Rome {
            code: cl.code.clone(),
        };
        out.push((field.clone(), cl.code.as_str()));
        out.push((field, cl.label.as_str()));
    }
    for cl in cert.nsf.iter().flatten() {
        let field = Field::Nsf {
            code: cl.code.clone(),
        };
        out.push((field.clone(), cl.code.as_str()));
        out.push((field, cl.label.as_str()));
    }
    for cl in cert.formacodes.iter().flatten() {
        let field = Field::Formacode {
            code: cl.code.clone(),
        };
        out.push((field.clone(), cl.code.as_str()));
        out.push((field, cl.label.as_str()));
    }
    out
}

/// One searchable text of a certification, folded, with the concept of each of its words, as
/// [`match_cert`] reads it (built for the few certifications whose reasons are shown).
#[derive(Debug)]
struct IndexedField<'a> {
    field: Field,
    text: &'a str,
    folded: FoldedText,
    /// `(concept, byte range in text)`, from the French analyzer (empty without one).
    concepts: Vec<(&'a str, Range<usize>)>,
}

/// One searchable text in the index: whose it is, its ranking weight, and its concepts.
#[derive(Debug)]
struct Entry<'a> {
    cert: u32,
    field: Field,
    text: &'a str,
    /// `(concept id, byte range in text)`; none for a repeat (the same field with the same
    /// text earlier in the certification), which adds nothing to the score (its reason merges
    /// with the first one's) and so is in no postings.
    concepts: Vec<(u32, Range<usize>)>,
}

/// The catalogue prepared for searching: built once (in steps, see [`SearchIndexBuilder`]),
/// queried on every keystroke.
///
/// An inverted index: every folded word of the data (letters and digits) with the texts it
/// occurs in, and every concept with its texts. A query term matches a text literally exactly
/// when it is a substring of one of the text's words (a term has no separator in it), so the
/// texts a term matches are the union of the postings of the words that contain it, found by
/// one scan of the vocabulary. Scores come from the postings alone; the reasons (texts and
/// highlights) are computed for the results shown only. `tests` checks that the hits are those
/// of the exhaustive scan.
///
/// With an [`Analyzer`], a query word also matches the words of the same concept (same stem,
/// or same related-terms group: `conflit` finds "situations conflictuelles"); those matches
/// weigh half as much as a literal one.
#[derive(Debug)]
pub struct SearchIndex<'a> {
    catalogue: &'a Catalogue,
    analyzer: Option<&'a Analyzer>,
    entries: Vec<Entry<'a>>,
    /// Per certification, its entries' range in `entries`.
    cert_entries: Vec<Range<u32>>,
    /// Every word, each preceded by `\u{1}`, in one string (scanned once per query term).
    vocabulary: String,
    /// Byte offset of each word's separator in `vocabulary`, ascending.
    word_starts: Vec<u32>,
    /// Per word, the entries it occurs in (ascending, no repeats).
    word_postings: Vec<Vec<u32>>,
    concept_names: Vec<String>,
    concept_ids: HashMap<String, u32>,
    /// Per concept, the entries it occurs in (ascending, no repeats).
    concept_postings: Vec<Vec<u32>>,
    /// Per certification, its rank by title then code (the last key of the results' order).
    title_order: Vec<u32>,
}

/// Builds a [`SearchIndex`] a few certifications at a time, so that the app can build it
/// between frames without one long task.
#[derive(Debug)]
pub struct SearchIndexBuilder<'a> {
    index: SearchIndex<'a>,
    word_ids: HashMap<String, u32>,
    /// Stems of the words met so far (each distinct word is stemmed once).
    stems: HashMap<String, String>,
    next: usize,
}

impl<'a> SearchIndexBuilder<'a> {
    pub fn new(catalogue: &'a Catalogue, analyzer: Option<&'a Analyzer>) -> Self {
        SearchIndexBuilder {
            index: SearchIndex {
                catalogue,
                analyzer,
                entries: Vec::new(),
                cert_entries: Vec::with_capacity(catalogue.all().len()),
                vocabulary: String::new(),
                word_starts: Vec::new(),
                word_postings: Vec::new(),
                concept_names: Vec::new(),
                concept_ids: HashMap::new(),
                concept_postings: Vec::new(),
                title_order: title_order(catalogue.all()),
            },
            word_ids: HashMap::new(),
            stems: HashMap::new(),
            next: 0,
        }
    }

    /// Indexes up to `count` more certifications; true when all are.
    pub fn step(&mut self, count: usize) -> bool {
        let certs = self.index.catalogue.all();
        let end = (self.next + count).min(certs.len());
        for (i, cert) in certs.iter().enumerate().take(end).skip(self.next) {
            self.add(i as u32, cert);
        }
        self.next = end;
        self.next == certs.len()
    }

    /// How many certifications are indexed, of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.index.catalogue.all().len())
    }

    /// The index (whatever was not yet indexed is indexed now).
    pub fn finish(mut self) -> SearchIndex<'a> {
        self.step(usize::MAX);
        self.index
    }

    fn add(&mut self, cert_idx: u32, cert: &'a Certification) {
        let ix = &mut self.index;
        let first = ix.entries.len() as u32;
        let mut seen: HashSet<(&Field, &str)> = HashSet::new();
        let fields = fields(cert);
        for (field, text) in &fields {
            let id = ix.entries.len() as u32;
            let repeat = !seen.insert((field, text));
            let concepts = match ix.analyzer {
                Some(a) if !repeat => a
                    .analyze_cached(text, &mut self.stems)
                    .into_iter()
                    .map(|t| {
                        let cid = match ix.concept_ids.get(&t.concept) {
                            Some(cid) => *cid,
                            None => {
                                let cid = ix.concept_names.len() as u32;
                                ix.concept_ids.insert(t.concept.clone(), cid);
                                ix.concept_names.push(t.concept);
                                ix.concept_postings.push(Vec::new());
                                cid
                            }
                        };
                        push_once(&mut ix.concept_postings[cid as usize], id);
                        (cid, t.range)
                    })
                    .collect(),
                _ => Vec::new(),
            };
            if !repeat {
                for word in fold(text).split(|c: char| !c.is_alphanumeric()) {
                    if word.is_empty() {
                        continue;
                    }
                    let wid = match self.word_ids.get(word) {
                        Some(w) => *w,
                        None => {
                            let w = ix.word_postings.len() as u32;
                            ix.word_starts.push(ix.vocabulary.len() as u32);
                            ix.vocabulary.push('\u{1}');
                            ix.vocabulary.push_str(word);
                            ix.word_postings.push(Vec::new());
                            self.word_ids.insert(word.to_owned(), w);
                            w
                        }
                    };
                    push_once(&mut ix.word_postings[wid as usize], id);
                }
            }
            ix.entries.push(Entry {
                cert: cert_idx,
                field: field.clone(),
                text,
                concepts,
            });
        }
        ix.cert_entries.push(first..ix.entries.len() as u32);
    }
}

/// Each certification's rank by title, then code.
fn title_order(certs: &[Certification]) -> Vec<u32> {
    let mut by_title: Vec<usize> = (0..certs.len()).collect();
    order::sort_by(&mut by_title, |a, b| {
        certs[*a]
            .title
            .cmp(&certs[*b].title)
            .then_with(|| certs[*a].code.cmp(&certs[*b].code))
    });
    let mut order = vec![0u32; certs.len()];
    for (rank, c) in by_title.into_iter().enumerate() {
        order[c] = rank as u32;
    }
    order
}

/// Appends `id` unless it is already the last one (ids come in ascending order).
fn push_once(list: &mut Vec<u32>, id: u32) {
    if list.last() != Some(&id) {
        list.push(id);
    }
}

impl<'a> SearchIndex<'a> {
    pub fn new(catalogue: &'a Catalogue, analyzer: Option<&'a Analyzer>) -> SearchIndex<'a> {
        SearchIndexBuilder::new(catalogue, analyzer).finish()
    }

    /// Runs a query on `today` (for status), with the reasons of every hit.
    pub fn search(&self, query: &Query, today: Date) -> Vec<Hit<'a>> {
        self.search_page(query, today, usize::MAX)
    }

    /// Runs a query; only the first `reasoned` hits get their reasons (the ones on screen),
    /// the others have none yet (same order, same scores).
    pub fn search_page(&self, query: &Query, today: Date, reasoned: usize) -> Vec<Hit<'a>> {
        let terms = query_terms(&query.text);
        let mut hits = if terms.is_empty() {
            browse(self.catalogue, query, today)
        } else {
            self.scored(query, today, &terms)
        };
        let end = reasoned.min(hits.len());
        self.explain(&mut hits[..end], query);
        hits
    }

    /// Fills in the reasons of these hits (of `query`): the cards on screen.
    pub fn explain(&self, hits: &mut [Hit<'a>], query: &Query) {
        let terms = query_terms(&query.text);
        if terms.is_empty() {
            return;
        }
        let concepts = self.query_concepts(&terms);
        for hit in hits.iter_mut().filter(|h| h.reason_count == 0) {
            if let Some(i) = self.position(hit.cert) {
                let fields = self.cert_fields(i);
                if let Some((reasons, _)) = match_cert(&fields, &terms, &concepts) {
                    hit.reason_count = reasons.len();
                    hit.reasons = reasons.into_iter().take(MAX_REASONS).collect();
                }
            }
        }
    }

    fn query_concepts(&self, terms: &[String]) -> Vec<Option<String>> {
        terms
            .iter()
            .map(|t| {
                self.analyzer
                    .and_then(|a| a.analyze(t).into_iter().next().map(|tok| tok.concept))
            })
            .collect()
    }

    /// The hits of a query with text, ranked, without reasons.
    fn scored(&self, query: &Query, today: Date, terms: &[String]) -> Vec<Hit<'a>> {
        let certs = self.catalogue.all();
        let concepts = self.query_concepts(terms);
        // Per certification: its score, and how many terms it has (terms are taken in order: a
        // certification still counts for term i only if it had every term before it, and a
        // score gathered by one that misses a later term is never read).
        let mut score = vec![0u32; certs.len()];
        let mut found = vec![0u16; certs.len()];
        // `literal[e] == i + 1` when entry e matched term i literally (counted once, at twice
        // its weight; its concept match then adds nothing).
        let mut literal = vec![0u16; self.entries.len()];
        for (i, term) in terms.iter().enumerate() {
            let i = i as u16;
            let mut add = |entry: u32, w: u32| {
                let c = self.entries[entry as usize].cert as usize;
                if found[c] >= i {
                    found[c] = i + 1;
                    score[c] += w;
                }
            };
            for word in self.words_containing(term) {
                for &entry in &self.word_postings[word] {
                    if literal[entry as usize] != i + 1 {
                        literal[entry as usize] = i + 1;
                        add(entry, 2 * self.entries[entry as usize].field.weight());
                    }
                }
            }
            let concept = concepts[i as usize]
                .as_ref()
                .and_then(|c| self.concept_ids.get(c))
                .map(|c| self.concept_postings[*c as usize].as_slice())
                .unwrap_or_default();
            for &entry in concept {
                if literal[entry as usize] != i + 1 {
                    add(entry, self.entries[entry as usize].field.weight());
                }
            }
        }
        let all = terms.len() as u16;
        let mut ranked: Vec<(u32, Status, usize)> = Vec::new();
        for (c, cert) in certs.iter().enumerate() {
            if found[c] != all {
                continue;
            }
            let status = self.catalogue.status(cert, today);
            if passes_filters(cert, status, query) {
                ranked.push((score[c], status, c));
            }
        }
        // `sort_hits`' order, on integers: the title order is computed once.
        order::sort_by_key(&mut ranked, |(score, status, c)| {
            (
                std::cmp::Reverse(*score),
                status_rank(*status),
                self.title_order[*c],
            )
        });
        ranked
            .into_iter()
            .map(|(score, status, c)| Hit {
                cert: &certs[c],
                status,
                reasons: Vec::new(),
                reason_count: 0,
                score,
            })
            .collect()
    }

    /// The words of the vocabulary a term is part of (each once, ascending); for a term of one
    /// or two characters, the words it starts.
    fn words_containing<'t>(&'t self, term: &'t str) -> impl Iterator<Item = usize> + 't {
        let mut last = None;
        let vocabulary = self.vocabulary.as_str();
        vocabulary
            .match_indices(term)
            .filter(move |(pos, _)| starts_word_if_short(vocabulary, *pos, term))
            .map(|(pos, _)| self.word_starts.partition_point(|s| (*s as usize) < pos) - 1)
            .filter(move |w| {
                let new = last != Some(*w);
                last = Some(*w);
                new
            })
    }

    fn position(&self, cert: &Certification) -> Option<usize> {
        self.catalogue
            .position(&cert.code)
            .filter(|i| *i < self.cert_entries.len())
            .filter(|i| std::ptr::eq(&self.catalogue.all()[*i], cert))
    }

    /// A certification's texts as [`match_cert`] reads them.
    fn cert_fields(&self, cert: usize) -> Vec<IndexedField<'_>> {
        let range = self.cert_entries[cert].clone();
        self.entries[range.start as usize..range.end as usize]
            .iter()
            .map(|e| IndexedField {
                field: e.field.clone(),
                text: e.text,
                folded: FoldedText::new(e.text),
                concepts: e
                    .concepts
                    .iter()
                    .map(|(c, r)| (self.concept_names[*c as usize].as_str(), r.clone()))
                    .collect(),
            })
            .collect()
    }

    /// The exhaustive search the index must agree with: every certification's texts scanned.
    #[cfg(test)]
    fn search_exhaustive(&self, query: &Query, today: Date) -> Vec<Hit<'a>> {
        let terms = query_terms(&query.text);
        if terms.is_empty() {
            return browse(self.catalogue, query, today);
        }
        let concepts = self.query_concepts(&terms);
        let mut hits = Vec::new();
        for (i, cert) in self.catalogue.all().iter().enumerate() {
            let status = self.catalogue.status(cert, today);
            if !passes_filters(cert, status, query) {
                continue;
            }
            if let Some((reasons, score)) = match_cert(&self.cert_fields(i), &terms, &concepts) {
                hits.push(Hit {
                    cert,
                    status,
                    reason_count: reasons.len(),
                    reasons: reasons.into_iter().take(MAX_REASONS).collect(),
                    score,
                });
            }
        }
        sort_hits(&mut hits);
        hits
    }
}

/// The catalogue as the first screen shows it, without text: the filters of `query` applied,
/// certifications one can still obtain first. Needs no index (nothing to build before the
/// first paint); gives the same list as [`SearchIndex::search`] for a query without text.
pub fn browse<'a>(catalogue: &'a Catalogue, query: &Query, today: Date) -> Vec<Hit<'a>> {
    let mut hits: Vec<Hit<'a>> = catalogue
        .all()
        .iter()
        .filter_map(|cert| {
            let status = catalogue.status(cert, today);
            passes_filters(cert, status, query).then_some(Hit {
                cert,
                status,
                reasons: Vec::new(),
                reason_count: 0,
                score: 0,
            })
        })
        .collect();
    sort_hits(&mut hits);
    hits
}

fn passes_filters(cert: &Certification, status: Status, query: &Query) -> bool {
    !(query.level.is_some_and(|l| cert.level != Some(l))
        || query.status.is_some_and(|s| s != status)
        || query
            .certifier
            .as_deref()
            .is_some_and(|name| !cert.certifiers.iter().any(|c| c.name == name))
        || !has_code(cert.nsf.as_deref(), query.nsf.as_deref())
        || !has_code(cert.rome.as_deref(), query.rome.as_deref()))
}

/// Whether a code filter lets the certification through: no filter, or one of its codes
/// (case-insensitive: `K1204` = `k1204`).
fn has_code(codes: Option<&[CodeLabel]>, wanted: Option<&str>) -> bool {
    wanted.is_none_or(|w| {
        codes
            .unwrap_or_default()
            .iter()
            .any(|c| c.code.eq_ignore_ascii_case(w.trim()))
    })
}

/// Best score first, then certifications one can still obtain, then by title and code.
fn sort_hits(hits: &mut [Hit<'_>]) {
    order::sort_by(hits, |a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| status_rank(a.status).cmp(&status_rank(b.status)))
            .then_with(|| a.cert.title.cmp(&b.cert.title))
            .then_with(|| a.cert.code.cmp(&b.cert.code))
    });
}

/// Literal search (no stemming, no related terms), for callers without an analyzer.
pub fn search<'a>(catalogue: &'a Catalogue, query: &Query, today: Date) -> Vec<Hit<'a>> {
    SearchIndex::new(catalogue, None).search(query, today)
}

/// Certifications one can still obtain come first.
fn status_rank(s: Status) -> u8 {
    match s {
        Status::Active => 0,
        Status::Replaced => 1,
        Status::Expired => 2,
    }
}

/// Whether a match of `term` at byte `pos` of `text` counts: anywhere inside a word, but a term
/// of one or two characters only at the start of a word (found inside words, the first letters
/// typed would find nearly everything; `m` finds "médiation", not "commune", and `co` finds
/// "conflit", not "économie").
fn starts_word_if_short(text: &str, pos: usize, term: &str) -> bool {
    if term.chars().nth(2).is_some() {
        return true;
    }
    text[..pos]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Returns the reasons (best first) and the score if every term is found somewhere.
fn match_cert(
    fields: &[IndexedField<'_>],
    terms: &[String],
    concepts: &[Option<String>],
) -> Option<(Vec<Reason>, u32)> {
    let mut found = vec![false; terms.len()];
    let mut reasons: Vec<(u32, usize, Reason)> = Vec::new();
    for (order, f) in fields.iter().enumerate() {
        let mut highlights = Vec::new();
        let mut weight = 0;
        for (i, term) in terms.iter().enumerate() {
            let before = highlights.len();
            for (pos, _) in f.folded.folded.match_indices(term.as_str()) {
                if starts_word_if_short(&f.folded.folded, pos, term) {
                    highlights.push(f.folded.original_range(pos..pos + term.len()));
                }
            }
            if highlights.len() > before {
                weight += 2 * f.field.weight();
            } else if let Some(concept) = &concepts[i] {
                highlights.extend(
                    f.concepts
                        .iter()
                        .filter(|(c, _)| *c == concept.as_str())
                        .map(|(_, r)| r.clone()),
                );
                if highlights.len() > before {
                    weight += f.field.weight();
                }
            }
            if highlights.len() > before {
                found[i] = true;
            }
        }
        if weight > 0 {
            // The same field may appear twice (a bloc's title and its code): keep one reason.
            if let Some(existing) = reasons
                .iter_mut()
                .find(|(_, _, r)| r.field == f.field && r.text == f.text)
            {
                existing.2.highlights.extend(highlights);
            } else {
                order::sort_by_key(&mut highlights, |r| r.start);
                reasons.push((
                    weight,
                    order,
                    Reason {
                        field: f.field.clone(),
                        text: f.text.to_owned(),
                        highlights,
                    },
                ));
            }
        }
    }
    if !found.iter().all(|f| *f) {
        return None;
    }
    let score = reasons.iter().map(|(w, _, _)| *w).sum();
    order::sort_by(&mut reasons, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Some((reasons.into_iter().map(|(_, _, r)| r).collect(), score))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_filter_reads_back_what_it_sets_and_empty_unsets_it() {
        // (filter, value set, value read back)
        let cases = [
            (Filter::Level, "5", "5"),
            (Filter::Level, "x", ""),
            (Filter::Level, "300", ""),
            (Filter::Status, "expired", "expired"),
            (Filter::Status, "Expired", ""),
            (Filter::Certifier, "ADEF", "ADEF"),
            (Filter::Rome, "K1204", "K1204"),
            (Filter::Nsf, "332t", "332t"),
        ];
        for (filter, set, read) in cases {
            let mut q = Query::default();
            filter.set(&mut q, set);
            assert_eq!(filter.value(&q), read, "{filter:?} set to {set:?}");
            assert_eq!(
                q.active_filters(),
                usize::from(!read.is_empty()),
                "{filter:?} {set:?}"
            );
            let others = Filter::ALL.into_iter().filter(|f| *f != filter);
            for other in others {
                assert_eq!(other.value(&q), "", "{filter:?} set {other:?}");
            }
            filter.set(&mut q, "");
            assert_eq!(q, Query::default(), "{filter:?}: \"\" unsets it");
        }
    }

    #[test]
    fn active_filters_counts_the_filters_not_the_text() {
        let mut q = Query {
            text: "médiation".into(),
            ..Query::default()
        };
        assert_eq!(q.active_filters(), 0);
        for (n, filter) in Filter::ALL.into_iter().enumerate() {
            let value = match filter {
                Filter::Level => "6",
                Filter::Status => "active",
                _ => "X",
            };
            filter.set(&mut q, value);
            assert_eq!(q.active_filters(), n + 1);
        }
    }

    #[test]
    fn browsing_lists_what_an_empty_search_lists() {
        let cat = Catalogue::bundled().unwrap();
        let today = Date::new(2026, 11, 22).unwrap();
        let index = SearchIndex::new(&cat, None);
        let codes =
            |hits: Vec<Hit<'_>>| hits.iter().map(|h| h.cert.code.clone()).collect::<Vec<_>>();
        let queries = [
            Query::default(),
            Query {
                level: Some(3),
                ..Query::default()
            },
            Query {
                status: Some(Status::Expired),
                ..Query::default()
            },
            Query {
                certifier: Some("nobody".into()),
                ..Query::default()
            },
        ];
        for q in queries {
            assert_eq!(
                codes(browse(&cat, &q, today)),
                codes(index.search(&q, today)),
                "{q:?}"
            );
        }
    }

    fn catalogue() -> Catalogue {
        let a = r#"{"code":"RNCP1","title":"Agent de médiation","level":3,"certifiers":[{"name":"IMELIS"}],
            "rome":[{"code":"K1204","label":"Médiation sociale et facilitation de la vie en société"}],
            "jobs":["Médiateur numérique"],
            "blocs":[{"code":"RNCP1BC01","title":"Apaiser les tensions et gérer les conflits","competencies":[
                {"id":"RNCP1BC01-C01","label":"Réaliser un diagnostic de la situation"}]}],
            "source":{"seed":"s","url":"u"}}"#;
        let b = r#"{"code":"RNCP2","title":"Technicien services","level":4,"certifiers":[{"name":"MINISTERE"}],
            "registration_end":"2020-01-01",
            "nsf":[{"code":"332t","label":"Aide, conseil, orientation"}],
            "blocs":[{"code":"RNCP2BC01","title":"Assurer un service","competencies":[
                {"id":"RNCP2BC01-C01","label":"Prévenir les conflits du quotidien"},
                {"id":"RNCP2BC01-C02","label":"Accompagner l’usager vers l’accès au numérique"}]}],
            "source":{"seed":"s","url":"u"}}"#;
        Catalogue::from_sources(&[("a", a), ("b", b)]).unwrap_or_else(|e| panic!("{e}"))
    }

    fn today() -> Date {
        Date::new(2026, 11, 22).unwrap()
    }

    /// `expected`: codes in rank order, each with the highlighted words of its first reason.
    fn check(query: Query, expected: &[(&str, &[&str])]) {
        let cat = catalogue();
        let hits = search(&cat, &query, today());
        let got: Vec<(&str, Vec<&str>)> = hits
            .iter()
            .map(|h| {
                let words = h
                    .reasons
                    .first()
                    .map(|r| r.highlights.iter().map(|x| &r.text[x.clone()]).collect())
                    .unwrap_or_default();
                (h.cert.code.as_str(), words)
            })
            .collect();
        let want: Vec<(&str, Vec<&str>)> = expected.iter().map(|(c, w)| (*c, w.to_vec())).collect();
        assert_eq!(got, want, "query {query:?}");
    }

    fn text(t: &str) -> Query {
        Query {
            text: t.into(),
            ..Query::default()
        }
    }

    #[test]
    fn search_table() {
        check(text(""), &[("RNCP1", &[]), ("RNCP2", &[])]);
        check(text("mediation"), &[("RNCP1", &["médiation"])]);
        check(text("imelis"), &[("RNCP1", &["IMELIS"])]);
        // One or two characters start a word: RNCP2 is found by its certifier MINISTERE, not by
        // the m inside "numérique"; "usager" has an sa inside.
        check(text("m"), &[("RNCP1", &["m"]), ("RNCP2", &["M"])]);
        check(text("sa"), &[]);
        check(text("se"), &[("RNCP2", &["se"])]);
        check(text("MÉDIATION"), &[("RNCP1", &["médiation"])]);
        check(
            text("conflit"),
            &[("RNCP1", &["conflit"]), ("RNCP2", &["conflit"])],
        );
        check(
            text("numerique"),
            &[("RNCP1", &["numérique"]), ("RNCP2", &["numérique"])],
        );
        check(text("k1204"), &[("RNCP1", &["K1204"])]);
        check(text("332T"), &[("RNCP2", &["332t"])]);
        check(text("orientation"), &[("RNCP2", &["orientation"])]);
        check(
            text("diagnostic situation"),
            &[("RNCP1", &["diagnostic", "situation"])],
        );
        check(text("conflit diagnostic"), &[("RNCP1", &["conflit"])]);
        check(text("usager acces"), &[("RNCP2", &["usager", "accès"])]);
        check(text("rncp2"), &[("RNCP2", &["RNCP2"])]);
        check(text("introuvable"), &[]);
        check(text("  ,;!  "), &[("RNCP1", &[]), ("RNCP2", &[])]);
    }

    #[test]
    fn filters_table() {
        check(
            Query {
                level: Some(4),
                ..Query::default()
            },
            &[("RNCP2", &[])],
        );
        check(
            Query {
                status: Some(Status::Expired),
                ..Query::default()
            },
            &[("RNCP2", &[])],
        );
        check(
            Query {
                status: Some(Status::Active),
                ..Query::default()
            },
            &[("RNCP1", &[])],
        );
        check(
            Query {
                certifier: Some("IMELIS".into()),
                ..Query::default()
            },
            &[("RNCP1", &[])],
        );
        check(
            Query {
                text: "conflit".into(),
                level: Some(3),
                ..Query::default()
            },
            &[("RNCP1", &["conflit"])],
        );
        check(
            Query {
                level: Some(7),
                ..Query::default()
            },
            &[],
        );
    }

    #[test]
    fn reasons_name_the_field() {
        let cat = catalogue();
        let hits = search(&cat, &text("diagnostic"), today());
        assert_eq!(
            hits[0].reasons[0].field,
            Field::Competency {
                bloc_code: "RNCP1BC01".into(),
                id: "RNCP1BC01-C01".into()
            }
        );
        let hits = search(&cat, &text("rncp1bc01"), today());
        assert_eq!(
            hits[0].reasons[0].field,
            Field::Bloc {
                code: "RNCP1BC01".into()
            }
        );
        assert_eq!(hits[0].reason_count, 1);
    }

    #[test]
    fn huge_and_odd_queries_do_not_panic() {
        let cat = catalogue();
        let huge = "médiation ".repeat(100_000);
        assert_eq!(query_terms(&huge), vec!["mediation".to_owned()]);
        let _ = search(&cat, &text(&huge), today());
        for q in ["\u{0}", "💥", "l’", "'", "ǅ", "İ", "ﬁ"] {
            let _ = search(&cat, &text(q), today());
        }
    }

    #[test]
    fn the_inverted_index_finds_what_the_exhaustive_scan_finds() {
        let cat = Catalogue::bundled().unwrap();
        let analyzer = Analyzer::new();
        let index = SearchIndex::new(&cat, Some(&analyzer));
        let literal = SearchIndex::new(&cat, None);
        let today = Date::new(2026, 11, 22).unwrap();
        // Every word of the data, its prefixes, and pairs of neighbouring words.
        let mut texts: Vec<String> = Vec::new();
        for cert in cat.all() {
            for (_, text) in fields(cert) {
                let words: Vec<&str> = text.split_whitespace().collect();
                for (i, w) in words.iter().enumerate() {
                    texts.push((*w).to_owned());
                    texts.extend((1..w.chars().count()).map(|n| w.chars().take(n).collect()));
                    if let Some(next) = words.get(i + 1) {
                        texts.push(format!("{w} {next}"));
                    }
                }
            }
        }
        texts.sort_unstable();
        texts.dedup();
        texts.extend(["zzz", "médiation zzz", "conflits", "CONFLIT", "k12"].map(String::from));
        assert!(texts.len() > 1000);
        for text in texts {
            let q = Query {
                text,
                ..Query::default()
            };
            for ix in [&index, &literal] {
                let want = ix.search_exhaustive(&q, today);
                assert_eq!(ix.search(&q, today), want, "{:?}", q.text);
                // Reasons for the first hits only: same order, same scores.
                let page = ix.search_page(&q, today, 2);
                assert_eq!(page.len(), want.len());
                for (i, (p, w)) in page.iter().zip(&want).enumerate() {
                    assert_eq!(
                        (p.cert.code.as_str(), p.score),
                        (w.cert.code.as_str(), w.score)
                    );
                    if i < 2 {
                        assert_eq!(p, w);
                    } else {
                        assert!(p.reasons.is_empty());
                    }
                }
            }
        }
    }
}
