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

use serde::{Deserialize, Serialize};

use super::catalogue::{check_certification, parse_certification, Catalogue, DataError};
use super::date::Date;
use super::model::{Bloc, CertRef, Certification, Certifier, CodeLabel, Competency, Source};

/// Version of the index format; the app refuses an index of another version.
pub const INDEX_FORMAT: u32 = 2;
/// The index's path under the app's root, as the app fetches it.
pub const INDEX_PATH: &str = "data/index.json";
/// The search file's path under the app's root.
pub const SEARCH_PATH: &str = "data/search.json";

/// The path of a fiche's file under the app's root.
pub fn fiche_path(code: &str) -> String {
    format!("data/fiches/{}.json", code.trim().to_ascii_uppercase())
}

/// The catalogue index: every fiche's entry, sorted by code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueIndex {
    pub format: u32,
    /// Total size in bytes of all fiche files (shown before "make all available offline").
    pub fiche_bytes: u64,
    /// Size in bytes of the search file.
    pub search_bytes: u64,
    pub fiches: Vec<IndexEntry>,
}

/// The search file: every fiche's blocs, in the index's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchFile {
    pub format: u32,
    pub fiches: Vec<SearchEntry>,
}

/// A fiche's blocs in the search file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchEntry {
    pub code: String,
    pub blocs: Vec<IndexBloc>,
}

/// What the index keeps of one certification, in the certification's JSON shape (without
/// blocs, with their counts).
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
    /// Certifiers, by name only.
    pub certifiers: Vec<Named>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nsf: Option<Vec<CodeLabel>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formacodes: Option<Vec<CodeLabel>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rome: Option<Vec<CodeLabel>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_end: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jobs: Option<Vec<String>>,
    /// How many blocs, and competencies in all.
    pub bloc_count: usize,
    pub competency_count: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous: Vec<CertRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next: Vec<CertRef>,
}

/// A certifier in the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub name: String,
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

impl IndexEntry {
    /// The entry of a certification.
    pub fn of(cert: &Certification) -> IndexEntry {
        IndexEntry {
            code: cert.code.clone(),
            title: cert.title.clone(),
            kind: cert.kind.clone(),
            abbreviation: cert.abbreviation.clone(),
            level: cert.level,
            certifiers: cert
                .certifiers
                .iter()
                .map(|c| Named {
                    name: c.name.clone(),
                })
                .collect(),
            nsf: cert.nsf.clone(),
            formacodes: cert.formacodes.clone(),
            rome: cert.rome.clone(),
            registration_end: cert.registration_end,
            jobs: cert.jobs.clone(),
            bloc_count: cert.blocs.len(),
            competency_count: cert.competency_count(),
            previous: cert.previous.clone(),
            next: cert.next.clone(),
        }
    }

    /// The entry as a certification, as the app reads it: the fields the index leaves out are
    /// `None` (or empty: no blocs).
    pub fn to_certification(&self) -> Certification {
        Certification {
            code: self.code.clone(),
            title: self.title.clone(),
            kind: self.kind.clone(),
            abbreviation: self.abbreviation.clone(),
            level: self.level,
            certifiers: self
                .certifiers
                .iter()
                .map(|c| Certifier {
                    name: c.name.clone(),
                    siret: None,
                    website: None,
                })
                .collect(),
            nsf: self.nsf.clone(),
            formacodes: self.formacodes.clone(),
            rome: self.rome.clone(),
            registration_end: self.registration_end,
            objectives: None,
            activities: None,
            attested_competencies: None,
            blocs: Vec::new(),
            bloc_acquisition: None,
            sectors: None,
            jobs: self.jobs.clone(),
            regulations: None,
            prerequisites: None,
            access_routes: None,
            statistics: None,
            previous: self.previous.clone(),
            next: self.next.clone(),
            equivalences: None,
            reconstructed: None,
            source: Source::default(),
        }
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
    let index = CatalogueIndex {
        format: INDEX_FORMAT,
        fiche_bytes: fiches.iter().map(|(_, j)| j.len() as u64).sum(),
        search_bytes: search.len() as u64,
        fiches: catalogue.all().iter().map(IndexEntry::of).collect(),
    };
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

/// The catalogue of cards from the index the app downloaded.
pub fn read_index(json: &str) -> Result<Cards, DataError> {
    let err = |field: &str, message: String| DataError {
        file: "index.json".into(),
        field: field.into(),
        message,
    };
    let index: CatalogueIndex = serde_json::from_str(json).map_err(|e| err(".", e.to_string()))?;
    if index.format != INDEX_FORMAT {
        return Err(err(
            "format",
            format!("format {} is not {INDEX_FORMAT}", index.format),
        ));
    }
    let mut certs = Vec::with_capacity(index.fiches.len());
    for (i, entry) in index.fiches.iter().enumerate() {
        let cert = entry.to_certification();
        check_card(&cert)
            .map_err(|(field, message)| err(&format!("fiches[{i}].{field}"), message))?;
        certs.push((cert, (entry.bloc_count, entry.competency_count)));
    }
    Ok(Cards {
        catalogue: Catalogue::of_cards(certs).map_err(|e| DataError {
            file: "index.json".into(),
            ..e
        })?,
        fiche_bytes: index.fiche_bytes,
        search_bytes: index.search_bytes,
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

#[cfg(test)]
mod tests;
