//! Catalogue search: accent- and case-insensitive, over titles, codes, blocs, competencies,
//! jobs and ROME / NSF / Formacode codes and labels, with filters, and for each result the
//! reasons it matched (which field, which text, which words to highlight).
//!
//! Every word of the query must be found in the certification (in any field); a word matches a
//! field when it occurs in it after folding (`mediation` finds `Médiation`). Results are
//! ranked by the weight of the fields that matched (title first), then active certifications
//! first, then by title. With the French analyzer (`SearchIndex::new(.., Some(analyzer))`), a
//! word also matches other forms of it and its related terms (`conflit` → "conflictuelles"),
//! at half the weight of a literal match.

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
}

/// The part of a certification a reason points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Title,
    Code,
    Bloc { code: String },
    Competency { bloc_code: String, id: String },
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
            Field::Rome { .. } | Field::Job => 4,
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
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<'a> {
    pub cert: &'a Certification,
    pub status: Status,
    pub reasons: Vec<Reason>,
    /// How many reasons there were before truncation.
    pub reason_count: usize,
    score: u32,
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

/// One searchable text, folded once, with the concept of each of its words.
#[derive(Debug)]
struct IndexedField<'a> {
    field: Field,
    text: &'a str,
    folded: FoldedText,
    /// `(concept, byte range in text)`, from the French analyzer (empty without one).
    concepts: Vec<(String, Range<usize>)>,
}

/// The catalogue prepared for searching: built once, queried on every keystroke.
///
/// With an [`Analyzer`], a query word also matches the words of the same concept (same stem,
/// or same related-terms group: `conflit` finds "situations conflictuelles"); those matches
/// weigh half as much as a literal one.
#[derive(Debug)]
pub struct SearchIndex<'a> {
    catalogue: &'a Catalogue,
    analyzer: Option<&'a Analyzer>,
    certs: Vec<Vec<IndexedField<'a>>>,
    /// Per certification, what a query term is first checked against (see [`Digest`]).
    digests: Vec<Digest>,
}

/// A certification's searchable texts in one piece: every field's folded text, joined by a
/// separator no query term contains, and every concept of its words, sorted. A term is found
/// in some field exactly when it is found here, so a certification missing one term is set
/// aside without looking at its fields one by one (most of them, on a selective query).
#[derive(Debug)]
struct Digest {
    folded: String,
    concepts: Vec<String>,
}

impl Digest {
    fn new(fields: &[IndexedField<'_>]) -> Digest {
        let mut folded = String::new();
        let mut concepts = Vec::new();
        for f in fields {
            folded.push_str(&f.folded.folded);
            folded.push('\u{1}');
            concepts.extend(f.concepts.iter().map(|(c, _)| c.clone()));
        }
        concepts.sort_unstable();
        concepts.dedup();
        Digest { folded, concepts }
    }

    /// Whether every term is found, literally or by its concept.
    fn may_match(&self, terms: &[String], concepts: &[Option<String>]) -> bool {
        terms.iter().zip(concepts).all(|(term, concept)| {
            self.folded.contains(term.as_str())
                || concept
                    .as_ref()
                    .is_some_and(|c| self.concepts.binary_search(c).is_ok())
        })
    }
}

impl<'a> SearchIndex<'a> {
    pub fn new(catalogue: &'a Catalogue, analyzer: Option<&'a Analyzer>) -> SearchIndex<'a> {
        let certs = catalogue
            .all()
            .iter()
            .map(|cert| {
                fields(cert)
                    .into_iter()
                    .map(|(field, text)| IndexedField {
                        field,
                        text,
                        folded: FoldedText::new(text),
                        concepts: analyzer
                            .map(|a| {
                                a.analyze(text)
                                    .into_iter()
                                    .map(|t| (t.concept, t.range))
                                    .collect()
                            })
                            .unwrap_or_default(),
                    })
                    .collect()
            })
            .collect::<Vec<Vec<IndexedField<'a>>>>();
        let digests = certs.iter().map(|fields| Digest::new(fields)).collect();
        SearchIndex {
            catalogue,
            analyzer,
            certs,
            digests,
        }
    }

    /// Runs a query on `today` (for status).
    pub fn search(&self, query: &Query, today: Date) -> Vec<Hit<'a>> {
        self.search_with(query, today, true)
    }

    /// `search`, with or without the digests' first check (the same hits either way).
    fn search_with(&self, query: &Query, today: Date, use_digests: bool) -> Vec<Hit<'a>> {
        let terms = query_terms(&query.text);
        let concepts: Vec<Option<String>> = terms
            .iter()
            .map(|t| {
                self.analyzer
                    .and_then(|a| a.analyze(t).into_iter().next().map(|tok| tok.concept))
            })
            .collect();
        let mut hits: Vec<Hit<'a>> = Vec::new();
        for ((cert, fields), digest) in self
            .catalogue
            .all()
            .iter()
            .zip(&self.certs)
            .zip(&self.digests)
        {
            if use_digests && !terms.is_empty() && !digest.may_match(&terms, &concepts) {
                continue;
            }
            let status = self.catalogue.status(cert, today);
            if !passes_filters(cert, status, query) {
                continue;
            }
            if terms.is_empty() {
                hits.push(Hit {
                    cert,
                    status,
                    reasons: Vec::new(),
                    reason_count: 0,
                    score: 0,
                });
                continue;
            }
            if let Some((reasons, score)) = match_cert(fields, &terms, &concepts) {
                let reason_count = reasons.len();
                let reasons = reasons.into_iter().take(MAX_REASONS).collect();
                hits.push(Hit {
                    cert,
                    status,
                    reasons,
                    reason_count,
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
    hits.sort_by(|a, b| {
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
                highlights.push(f.folded.original_range(pos..pos + term.len()));
            }
            if highlights.len() > before {
                weight += 2 * f.field.weight();
            } else if let Some(concept) = &concepts[i] {
                highlights.extend(
                    f.concepts
                        .iter()
                        .filter(|(c, _)| c == concept)
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
                highlights.sort_by_key(|r| r.start);
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
    reasons.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Some((reasons.into_iter().map(|(_, _, r)| r).collect(), score))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_digests_set_aside_only_certifications_that_cannot_match() {
        let cat = Catalogue::bundled().unwrap();
        let analyzer = Analyzer::new();
        let index = SearchIndex::new(&cat, Some(&analyzer));
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
        let key = |hits: Vec<Hit<'_>>| -> Vec<(String, u32, usize)> {
            hits.into_iter()
                .map(|h| (h.cert.code.clone(), h.score, h.reason_count))
                .collect()
        };
        for text in texts {
            let q = Query {
                text,
                ..Query::default()
            };
            assert_eq!(
                key(index.search_with(&q, today, true)),
                key(index.search_with(&q, today, false)),
                "{:?}",
                q.text
            );
        }
    }
}
