//! The catalogue as the app downloads it: a compact index plus one file per fiche.
//!
//! The build (`repere-data`, see `src/bin/repere-data.rs`) reads `data/*.json`, checks every
//! file field by field, and writes into `dist/data/`:
//!
//! - `index.json`: a [`CatalogueIndex`], what the catalogue's cards, search and filters need,
//!   and what the self-assessment, experiences and results pages need (blocs and competency
//!   labels of every fiche). It is the one data file of a first visit.
//! - `fiches/<CODE>.json`: the whole certification as in `data/`, compact, fetched when its
//!   fiche page opens (or when the user selects it, so that it works offline later).
//!
//! An [`IndexEntry`] is a [`Certification`] without its long descriptive texts (objectives,
//! activities, jury, statistics, evaluation modalities…). [`IndexEntry::to_certification`]
//! gives it back as a `Certification` whose missing fields are `None` (*not loaded*, which the
//! fiche page never shows: it waits for the fiche file). Adding a certification is still adding a
//! file to `data/`: nothing here names one.

use serde::{Deserialize, Serialize};

use super::catalogue::{check_certification, parse_certification, Catalogue, DataError};
use super::date::Date;
use super::model::{Bloc, CertRef, Certification, Certifier, CodeLabel, Competency, Source};

/// Version of the index format; the app refuses an index of another version.
pub const INDEX_FORMAT: u32 = 1;
/// The index's path under the app's root, as the app fetches it.
pub const INDEX_PATH: &str = "data/index.json";

/// The path of a fiche's file under the app's root.
pub fn fiche_path(code: &str) -> String {
    format!("data/fiches/{}.json", code.trim().to_ascii_uppercase())
}

/// The catalogue index: every fiche's entry, sorted by code. Written as [`IndexEntry`], read as
/// [`Certification`] (whose reader the app needs anyway for the fiche files): an entry is a
/// certification's JSON without the fields it leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueIndex<Entry> {
    pub format: u32,
    /// Total size in bytes of all fiche files (shown before "make all available offline").
    pub fiche_bytes: u64,
    pub fiches: Vec<Entry>,
}

/// What the index keeps of one certification, in the certification's JSON shape.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    pub blocs: Vec<IndexBloc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous: Vec<CertRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next: Vec<CertRef>,
}

/// A certifier in the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub name: String,
}

/// A bloc in the index: its code, title and competencies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexBloc {
    pub code: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
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
            previous: cert.previous.clone(),
            next: cert.next.clone(),
        }
    }

    /// The entry as a certification, as the app reads it: the fields the index leaves out are
    /// `None` (or empty).
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
            blocs: self
                .blocs
                .iter()
                .map(|b| Bloc {
                    code: b.code.clone(),
                    code_assigned: b.code_assigned,
                    title: b.title.clone(),
                    competencies: b.competencies.clone(),
                    assessment: None,
                    split_warning: None,
                })
                .collect(),
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
    let index = CatalogueIndex {
        format: INDEX_FORMAT,
        fiche_bytes: fiches.iter().map(|(_, j)| j.len() as u64).sum(),
        fiches: catalogue.all().iter().map(IndexEntry::of).collect(),
    };
    let index = serde_json::to_string(&index).map_err(|e| DataError {
        file: "index.json".into(),
        field: ".".into(),
        message: e.to_string(),
    })?;
    Ok(Layout { index, fiches })
}

/// The catalogue from the index the app downloaded, with the total size of the fiche files.
pub fn read_index(json: &str) -> Result<(Catalogue, u64), DataError> {
    let err = |field: &str, message: String| DataError {
        file: "index.json".into(),
        field: field.into(),
        message,
    };
    let index: CatalogueIndex<Certification> =
        serde_json::from_str(json).map_err(|e| err(".", e.to_string()))?;
    if index.format != INDEX_FORMAT {
        return Err(err(
            "format",
            format!("format {} is not {INDEX_FORMAT}", index.format),
        ));
    }
    let mut files = Vec::with_capacity(index.fiches.len());
    for (i, cert) in index.fiches.into_iter().enumerate() {
        check_certification("index.json", &cert).map_err(|e| DataError {
            field: format!("fiches[{i}].{}", e.field),
            ..e
        })?;
        files.push(("index.json".to_owned(), cert));
    }
    Ok((Catalogue::from_certifications(files)?, index.fiche_bytes))
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
