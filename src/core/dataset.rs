//! The catalogue as the app downloads it: a compact index, a search file, and one file per
//! fiche.
//!
//! The build (`repere-data`, see `src/bin/repere-data.rs`) reads `data/*.json`, checks every
//! file field by field, and writes into `dist/data/`:
//!
//! - `index.json`: a [`CatalogueIndex`] of [`IndexEntry`], what the catalogue's cards and
//!   filters need (no blocs: their number only). It is the one data file of a first visit, and
//!   it stays small with thousands of fiches.
//! - `search.json`: a [`SearchFile`], every fiche's blocs and competency labels, fetched when
//!   the search box is first used (the search looks into them).
//! - `fiches/<CODE>.json`: the whole certification as in `data/`, compact, fetched when its
//!   fiche page opens or the user selects it (the self-assessment, experiences and results
//!   pages read the selected certifications from there).
//!
//! An index entry is read back as a [`Certification`] with no blocs and its long texts `None`
//! (*not loaded*); the catalogue keeps each entry's bloc and competency counts
//! ([`Catalogue::counts`]). Adding a certification is still adding a file to `data/`: nothing
//! here names one.

use crate::core::order;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalogue::{check_certification, parse_certification, Catalogue, DataError};
use super::date::Date;
use super::json;
use super::model::{Bloc, CertRef, Certification, Certifier, CodeLabel, Competency, Source};

/// Version of the index format; the app refuses an index of another version.
pub const INDEX_FORMAT: u32 = 3;
/// The index's path under the app's root, as the app fetches it.
pub const INDEX_PATH: &str = "data/index.json";
/// The search file's path under the app's root.
pub const SEARCH_PATH: &str = "data/search.json";

/// The path of a fiche's file under the app's root.
pub fn fiche_path(code: &str) -> String {
    format!("data/fiches/{}.json", code.trim().to_ascii_uppercase())
}

/// The catalogue index: every fiche's entry, sorted by code. Certifier names and NSF / ROME
/// labels, repeated across fiches, are written once (`certifiers`, `nsf`, `rome`) and named by
/// the entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueIndex {
    pub format: u32,
    /// Total size in bytes of all fiche files (shown before "make all available offline").
    pub fiche_bytes: u64,
    /// Size in bytes of the search file.
    pub search_bytes: u64,
    /// Every certifier's name, sorted; entries give positions in this list.
    pub certifiers: Vec<String>,
    /// NSF code → label, ROME code → label.
    pub nsf: BTreeMap<String, String>,
    pub rome: BTreeMap<String, String>,
    /// The entries, written column by column ([`Columns`]: a third smaller gzipped than one
    /// object per entry).
    #[serde(with = "columns")]
    pub fiches: Vec<IndexEntry>,
}

/// The index's entries as columns: the i-th entry is the i-th value of every column.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    code: Vec<String>,
    title: Vec<String>,
    kind: Vec<Option<String>>,
    abbreviation: Vec<Option<String>>,
    level: Vec<Option<u8>>,
    certifiers: Vec<Vec<usize>>,
    nsf: Vec<Option<Vec<String>>>,
    rome: Vec<Option<Vec<String>>>,
    registration_end: Vec<Option<Date>>,
    bloc_count: Vec<usize>,
    competency_count: Vec<usize>,
    previous: Vec<Vec<CertRef>>,
    next: Vec<Vec<CertRef>>,
}

/// (De)serializes `Vec<IndexEntry>` as [`Columns`].
mod columns {
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    use super::{Columns, IndexEntry};

    pub fn serialize<S: Serializer>(rows: &[IndexEntry], s: S) -> Result<S::Ok, S::Error> {
        let mut c = Columns::default();
        for e in rows {
            c.code.push(e.code.clone());
            c.title.push(e.title.clone());
            c.kind.push(e.kind.clone());
            c.abbreviation.push(e.abbreviation.clone());
            c.level.push(e.level);
            c.certifiers.push(e.certifiers.clone());
            c.nsf.push(e.nsf.clone());
            c.rome.push(e.rome.clone());
            c.registration_end.push(e.registration_end);
            c.bloc_count.push(e.bloc_count);
            c.competency_count.push(e.competency_count);
            c.previous.push(e.previous.clone());
            c.next.push(e.next.clone());
        }
        c.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<IndexEntry>, D::Error> {
        let c = Columns::deserialize(d)?;
        let n = c.code.len();
        let lengths = [
            c.title.len(),
            c.kind.len(),
            c.abbreviation.len(),
            c.level.len(),
            c.certifiers.len(),
            c.nsf.len(),
            c.rome.len(),
            c.registration_end.len(),
            c.bloc_count.len(),
            c.competency_count.len(),
            c.previous.len(),
            c.next.len(),
        ];
        if lengths.iter().any(|l| *l != n) {
            return Err(D::Error::custom(format!(
                "columns of unequal lengths: {n} codes, {lengths:?}"
            )));
        }
        let mut rows = Vec::with_capacity(n);
        let mut cols = (
            c.title.into_iter(),
            c.kind.into_iter(),
            c.abbreviation.into_iter(),
            c.level.into_iter(),
            c.certifiers.into_iter(),
            c.nsf.into_iter(),
            c.rome.into_iter(),
            c.registration_end.into_iter(),
            c.bloc_count.into_iter(),
            c.competency_count.into_iter(),
            c.previous.into_iter(),
            c.next.into_iter(),
        );
        for code in c.code {
            // Equal lengths were checked: every column has a next value.
            let (Some(title), Some(kind), Some(abbreviation), Some(level), Some(certifiers)) = (
                cols.0.next(),
                cols.1.next(),
                cols.2.next(),
                cols.3.next(),
                cols.4.next(),
            ) else {
                return Err(D::Error::custom("short column"));
            };
            let (Some(nsf), Some(rome), Some(registration_end), Some(bloc_count)) =
                (cols.5.next(), cols.6.next(), cols.7.next(), cols.8.next())
            else {
                return Err(D::Error::custom("short column"));
            };
            let (Some(competency_count), Some(previous), Some(next)) =
                (cols.9.next(), cols.10.next(), cols.11.next())
            else {
                return Err(D::Error::custom("short column"));
            };
            rows.push(IndexEntry {
                code,
                title,
                kind,
                abbreviation,
                level,
                certifiers,
                nsf,
                rome,
                registration_end,
                bloc_count,
                competency_count,
                previous,
                next,
            });
        }
        Ok(rows)
    }
}

/// The search file: what the search reads beyond the cards, in the index's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchFile {
    pub format: u32,
    pub fiches: Vec<SearchEntry>,
}

/// A fiche in the search file: its blocs, jobs and Formacodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchEntry {
    pub code: String,
    pub blocs: Vec<IndexBloc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jobs: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formacodes: Option<Vec<CodeLabel>>,
}

/// What the index keeps of one certification: what its card and the filters show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    pub code: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Positions in [`CatalogueIndex::certifiers`].
    pub certifiers: Vec<usize>,
    /// NSF and ROME codes (labels in the index's tables).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nsf: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rome: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_end: Option<Date>,
    /// How many blocs, and competencies in all.
    pub bloc_count: usize,
    pub competency_count: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous: Vec<CertRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next: Vec<CertRef>,
}

/// A bloc in the search file: its code, title and competencies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexBloc {
    pub code: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub code_assigned: bool,
    pub title: String,
    pub competencies: Vec<Competency>,
}

/// A certification as its card shows it: without blocs, long texts, jobs, Formacodes, and
/// with its certifiers' names only. What the app reads from the index.
pub fn card_of(cert: &Certification) -> Certification {
    Certification {
        code: cert.code.clone(),
        title: cert.title.clone(),
        kind: cert.kind.clone(),
        abbreviation: cert.abbreviation.clone(),
        level: cert.level,
        certifiers: cert
            .certifiers
            .iter()
            .map(|c| Certifier {
                name: c.name.clone(),
                siret: None,
                website: None,
            })
            .collect(),
        nsf: cert.nsf.clone(),
        formacodes: None,
        rome: cert.rome.clone(),
        registration_end: cert.registration_end,
        objectives: None,
        activities: None,
        attested_competencies: None,
        blocs: Vec::new(),
        bloc_acquisition: None,
        sectors: None,
        jobs: None,
        regulations: None,
        prerequisites: None,
        access_routes: None,
        statistics: None,
        previous: cert.previous.clone(),
        next: cert.next.clone(),
        equivalences: None,
        reconstructed: None,
        source: Source::default(),
    }
}

/// The index of these certifications.
fn index_of(certs: &[Certification], fiche_bytes: u64, search_bytes: u64) -> CatalogueIndex {
    let mut certifiers: Vec<String> = certs
        .iter()
        .flat_map(|c| c.certifiers.iter().map(|x| x.name.clone()))
        .collect();
    order::sort(&mut certifiers);
    certifiers.dedup();
    let mut nsf = BTreeMap::new();
    let mut rome = BTreeMap::new();
    let codes = |list: &Option<Vec<CodeLabel>>, table: &mut BTreeMap<String, String>| {
        list.as_ref().map(|l| {
            l.iter()
                .map(|cl| {
                    table
                        .entry(cl.code.clone())
                        .or_insert_with(|| cl.label.clone());
                    cl.code.clone()
                })
                .collect()
        })
    };
    let fiches = certs
        .iter()
        .map(|cert| IndexEntry {
            code: cert.code.clone(),
            title: cert.title.clone(),
            kind: cert.kind.clone(),
            abbreviation: cert.abbreviation.clone(),
            level: cert.level,
            certifiers: cert
                .certifiers
                .iter()
                .filter_map(|c| certifiers.binary_search(&c.name).ok())
                .collect(),
            nsf: codes(&cert.nsf, &mut nsf),
            rome: codes(&cert.rome, &mut rome),
            registration_end: cert.registration_end,
            bloc_count: cert.blocs.len(),
            competency_count: cert.competency_count(),
            previous: cert.previous.clone(),
            next: cert.next.clone(),
        })
        .collect();
    CatalogueIndex {
        format: INDEX_FORMAT,
        fiche_bytes,
        search_bytes,
        certifiers,
        nsf,
        rome,
        fiches,
    }
}

/// What the build writes: the index and each fiche's file, as `(code, compact JSON)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub index: String,
    pub search: String,
    pub fiches: Vec<(String, String)>,
}

/// Turns the data files `(file name, JSON)` into the app's layout. Every file is checked field
/// by field (the error names the file and the field), and the whole set as a catalogue
/// (duplicate codes or competency ids).
pub fn build_layout(sources: &[(&str, &str)]) -> Result<Layout, DataError> {
    let mut files = Vec::with_capacity(sources.len());
    for (file, json) in sources {
        files.push(((*file).to_owned(), parse_certification(file, json)?));
    }
    let catalogue = Catalogue::from_certifications(files)?;
    let mut fiches = Vec::with_capacity(catalogue.all().len());
    for cert in catalogue.all() {
        let json = serde_json::to_string(cert).map_err(|e| DataError {
            file: format!("{}.json", cert.code),
            field: ".".into(),
            message: e.to_string(),
        })?;
        fiches.push((cert.code.clone(), json));
    }
    let search = SearchFile {
        format: INDEX_FORMAT,
        fiches: catalogue
            .all()
            .iter()
            .map(|cert| SearchEntry {
                code: cert.code.clone(),
                jobs: cert.jobs.clone(),
                formacodes: cert.formacodes.clone(),
                blocs: cert
                    .blocs
                    .iter()
                    .map(|b| IndexBloc {
                        code: b.code.clone(),
                        code_assigned: b.code_assigned,
                        title: b.title.clone(),
                        competencies: b.competencies.clone(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let search = to_json("search.json", &search)?;
    let index = index_of(
        catalogue.all(),
        fiches.iter().map(|(_, j)| j.len() as u64).sum(),
        search.len() as u64,
    );
    let index = to_json("index.json", &index)?;
    Ok(Layout {
        index,
        search,
        fiches,
    })
}

fn to_json<T: Serialize>(file: &str, value: &T) -> Result<String, DataError> {
    serde_json::to_string(value).map_err(|e| DataError {
        file: file.into(),
        field: ".".into(),
        message: e.to_string(),
    })
}

/// What the app downloaded first: the catalogue of cards (no blocs), the total size of the
/// fiche files, and the size of the search file.
#[derive(Debug)]
pub struct Cards {
    pub catalogue: Catalogue,
    pub fiche_bytes: u64,
    pub search_bytes: u64,
}

/// The index as written, read by hand rather than with its serde derive (see `core::json`:
/// this runs on the first screen), with the same rules (tests/json_props.rs).
pub fn parse_index(json: &str) -> Result<CatalogueIndex, DataError> {
    let err = |field: &str, message: String| DataError {
        file: "index.json".into(),
        field: field.into(),
        message,
    };
    let value = json::parse(json).map_err(|e| err(".", e.to_string()))?;
    index_json::index(&value).map_err(|(path, message)| {
        let path = path.trim_start_matches('.');
        err(if path.is_empty() { "." } else { path }, message)
    })
}

/// The catalogue of cards from the index the app downloaded.
pub fn read_index(json: &str) -> Result<Cards, DataError> {
    let err = |field: &str, message: String| DataError {
        file: "index.json".into(),
        field: field.into(),
        message,
    };
    let index = parse_index(json)?;
    if index.format != INDEX_FORMAT {
        return Err(err(
            "format",
            format!("format {} is not {INDEX_FORMAT}", index.format),
        ));
    }
    let CatalogueIndex {
        fiche_bytes,
        search_bytes,
        certifiers,
        nsf,
        rome,
        fiches,
        ..
    } = index;
    let tables = Tables {
        certifiers: &certifiers,
        nsf: &nsf,
        rome: &rome,
    };
    let mut certs = Vec::with_capacity(fiches.len());
    for (i, entry) in fiches.into_iter().enumerate() {
        let counts = (entry.bloc_count, entry.competency_count);
        let cert = entry_to_card(&tables, entry)
            .and_then(|cert| check_card(&cert).map(|()| cert))
            .map_err(|(field, message)| err(&format!("fiches[{i}].{field}"), message))?;
        certs.push((cert, counts));
    }
    Ok(Cards {
        catalogue: Catalogue::of_cards(certs).map_err(|e| DataError {
            file: "index.json".into(),
            ..e
        })?,
        fiche_bytes,
        search_bytes,
    })
}

/// The index's tables of names and labels, which entries point into.
struct Tables<'a> {
    certifiers: &'a [String],
    nsf: &'a BTreeMap<String, String>,
    rome: &'a BTreeMap<String, String>,
}

/// An index entry as a certification (the same as [`card_of`] gives from the whole fiche), its
/// names and labels looked up. Built in place, from the entry's own strings: this runs at
/// start-up, in the first load.
fn entry_to_card(t: &Tables, e: IndexEntry) -> Result<Certification, (&'static str, String)> {
    let certifiers = e
        .certifiers
        .iter()
        .map(|i| {
            t.certifiers.get(*i).map(|name| Certifier {
                name: name.clone(),
                siret: None,
                website: None,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(("certifiers", "no such certifier in the index".to_owned()))?;
    let labels = |codes: Option<Vec<String>>,
                  table: &BTreeMap<String, String>,
                  field: &'static str|
     -> Result<Option<Vec<CodeLabel>>, (&'static str, String)> {
        codes
            .map(|codes| {
                codes
                    .into_iter()
                    .map(|code| match table.get(&code) {
                        Some(label) => Ok(CodeLabel {
                            label: label.clone(),
                            code,
                        }),
                        None => Err((field, format!("{code}: no label in the index"))),
                    })
                    .collect()
            })
            .transpose()
    };
    Ok(Certification {
        certifiers,
        nsf: labels(e.nsf, t.nsf, "nsf")?,
        rome: labels(e.rome, t.rome, "rome")?,
        code: e.code,
        title: e.title,
        kind: e.kind,
        abbreviation: e.abbreviation,
        level: e.level,
        registration_end: e.registration_end,
        previous: e.previous,
        next: e.next,
        ..Certification::default()
    })
}

/// What a card needs: an RNCP code, a title, a certifier.
fn check_card(cert: &Certification) -> Result<(), (&'static str, String)> {
    if !cert.code.starts_with("RNCP")
        || cert.code.len() < 5
        || !cert.code[4..].bytes().all(|b| b.is_ascii_digit())
    {
        return Err(("code", "must be RNCP followed by digits".into()));
    }
    if cert.title.trim().is_empty() {
        return Err(("title", "must not be empty".into()));
    }
    if cert.certifiers.is_empty() {
        return Err(("certifiers", "at least one certifier is required".into()));
    }
    Ok(())
}

/// The whole catalogue for searching: the cards with the blocs of the search file, every
/// certification checked as a data file is.
pub fn read_search(json: &str, cards: &Catalogue) -> Result<Catalogue, DataError> {
    let err = |field: String, message: String| DataError {
        file: "search.json".into(),
        field,
        message,
    };
    let file: SearchFile =
        serde_json::from_str(json).map_err(|e| err(".".into(), e.to_string()))?;
    if file.format != INDEX_FORMAT {
        return Err(err(
            "format".into(),
            format!("format {} is not {INDEX_FORMAT}", file.format),
        ));
    }
    if file.fiches.len() != cards.all().len() {
        return Err(err(
            "fiches".into(),
            format!(
                "{} fiches, the index has {}",
                file.fiches.len(),
                cards.all().len()
            ),
        ));
    }
    let mut certs = Vec::with_capacity(file.fiches.len());
    for (i, (entry, card)) in file.fiches.into_iter().zip(cards.all()).enumerate() {
        if entry.code != card.code {
            return Err(err(
                format!("fiches[{i}].code"),
                format!("{} where the index has {}", entry.code, card.code),
            ));
        }
        let mut cert = card.clone();
        cert.jobs = entry.jobs;
        cert.formacodes = entry.formacodes;
        cert.blocs = entry
            .blocs
            .into_iter()
            .map(|b| Bloc {
                code: b.code,
                code_assigned: b.code_assigned,
                title: b.title,
                competencies: b.competencies,
                assessment: None,
                split_warning: None,
            })
            .collect();
        check_certification("search.json", &cert).map_err(|e| DataError {
            field: format!("fiches[{i}].{}", e.field),
            ..e
        })?;
        certs.push(("search.json".to_owned(), cert));
    }
    Catalogue::from_certifications(certs)
}

/// A fiche's file as downloaded: the whole certification, which must be the one asked for.
pub fn read_fiche(code: &str, json: &str) -> Result<Certification, DataError> {
    let file = format!("{}.json", code.trim().to_ascii_uppercase());
    let cert: Certification = serde_json::from_str(json).map_err(|e| DataError {
        file: file.clone(),
        field: ".".into(),
        message: e.to_string(),
    })?;
    check_certification(&file, &cert)?;
    if !cert.code.eq_ignore_ascii_case(code.trim()) {
        return Err(DataError {
            file,
            field: "code".into(),
            message: format!("holds {}, not {code}", cert.code),
        });
    }
    Ok(cert)
}

mod index_json;

#[cfg(test)]
mod tests;
