//! The data model of one certification, shaped after the fields of France compétences'
//! RNCP open-data export (flux XML V4.1), and deserialised from one JSON file in `data/`.
//!
//! Conventions:
//! - `Option<T>` means "the source may not say": `None` is *unknown*, which the UI shows as
//!   "not stated in the source". An empty `Vec` inside `Some` means the source says "none".
//! - Texts are copied from the seed as published; bloc titles and competency labels verbatim.

use serde::{Deserialize, Serialize};

use super::date::Date;

/// One certification (a "fiche" of the RNCP).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// `NUMERO_FICHE`, e.g. `RNCP37722`.
    pub code: String,
    /// `INTITULE`.
    pub title: String,
    /// Type of certification as published, e.g. "Titre professionnel".
    #[serde(default)]
    pub kind: Option<String>,
    /// `ABREGE`, e.g. "TP".
    #[serde(default)]
    pub abbreviation: Option<String>,
    /// European qualification level (`NOMENCLATURE_EUROPE/NIVEAU`: `NIV3` → 3).
    #[serde(default)]
    pub level: Option<u8>,
    /// `CERTIFICATEURS`.
    pub certifiers: Vec<Certifier>,
    /// `CODES_NSF`.
    #[serde(default)]
    pub nsf: Option<Vec<CodeLabel>>,
    /// `FORMACODES`.
    #[serde(default)]
    pub formacodes: Option<Vec<CodeLabel>>,
    /// `CODES_ROME`.
    #[serde(default)]
    pub rome: Option<Vec<CodeLabel>>,
    /// `DATE_FIN_ENREGISTREMENT`: the certification is active until this day included.
    #[serde(default)]
    pub registration_end: Option<Date>,
    /// `OBJECTIFS_CONTEXTE`.
    #[serde(default)]
    pub objectives: Option<String>,
    /// `ACTIVITES_VISEES`.
    #[serde(default)]
    pub activities: Option<String>,
    /// `CAPACITES_ATTESTEES`.
    #[serde(default)]
    pub attested_competencies: Option<String>,
    /// `BLOCS_COMPETENCES`.
    pub blocs: Vec<Bloc>,
    /// How the certification is obtained from its blocs (capitalisation, correspondences).
    #[serde(default)]
    pub bloc_acquisition: Option<String>,
    /// `SECTEURS_ACTIVITE`.
    #[serde(default)]
    pub sectors: Option<String>,
    /// `TYPE_EMPLOI_ACCESSIBLES`, one job per entry.
    #[serde(default)]
    pub jobs: Option<Vec<String>>,
    /// `REGLEMENTATIONS_ACTIVITES`.
    #[serde(default)]
    pub regulations: Option<String>,
    /// `PREREQUIS_ENTREE_FORMATION`.
    #[serde(default)]
    pub prerequisites: Option<String>,
    /// The access routes (`SI_JURY_*`) with their jury composition.
    #[serde(default)]
    pub access_routes: Option<Vec<AccessRoute>>,
    /// `STATISTIQUES_PROMOTIONS`.
    #[serde(default)]
    pub statistics: Option<Vec<StatRow>>,
    /// `ANCIENNES_CERTIFICATIONS`: the certifications this one replaces.
    #[serde(default)]
    pub previous: Vec<CertRef>,
    /// `NOUVELLE_CERTIFICATION`: the certifications that replace this one.
    #[serde(default)]
    pub next: Vec<CertRef>,
    /// Certifications recognised as equivalent, as published.
    #[serde(default)]
    pub equivalences: Option<Vec<String>>,
    /// Set when the seed was only a summary and the blocs were rebuilt from its sentences.
    #[serde(default)]
    pub reconstructed: Option<Reconstruction>,
    /// Where the data comes from (required in `data/`; empty in the app's catalogue index).
    #[serde(default)]
    pub source: Source,
}

/// A certifying body (`CERTIFICATEUR`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certifier {
    pub name: String,
    #[serde(default)]
    pub siret: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
}

/// A code with its label (NSF, Formacode, ROME).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeLabel {
    pub code: String,
    pub label: String,
}

/// A bloc de compétences: a part of the certification that can be validated on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bloc {
    /// e.g. `RNCP37722BC02`.
    pub code: String,
    /// Set when the seed gives no code and the code was assigned by Repère.
    #[serde(default)]
    pub code_assigned: bool,
    pub title: String,
    pub competencies: Vec<Competency>,
    /// `MODALITES_EVALUATION`, one modality per entry. `None` when the seed does not say.
    #[serde(default)]
    pub assessment: Option<Vec<String>>,
    /// Set by the importer (`core::import`) when the source's competency list could not be
    /// split with confidence: a French note for the maintainers saying what to check. Absent
    /// from hand-written files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split_warning: Option<String>,
}

/// One competency of a bloc. Its `id` is stable: user ratings are keyed by it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    /// `<bloc code>-C<nn>`, e.g. `RNCP37722BC02-C03`.
    pub id: String,
    pub label: String,
}

/// One way to obtain the certification and who sits on its jury.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessRoute {
    pub route: AccessRouteKind,
    /// Whether the route is open (`Oui`/`Non` in the fiche).
    pub open: bool,
    #[serde(default)]
    pub jury: Option<String>,
}

/// The access routes of the RNCP export (`SI_JURY_FI`, `_CA`, `_FC`, `_CQ`, `_CL`, `_VAE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccessRouteKind {
    /// Après un parcours de formation sous statut d'élève ou d'étudiant.
    InitialTraining,
    /// En contrat d'apprentissage.
    Apprenticeship,
    /// Après un parcours de formation continue.
    ContinuingTraining,
    /// En contrat de professionnalisation.
    ProfessionalisationContract,
    /// Par candidature individuelle.
    IndividualApplication,
    /// Par expérience (VAE).
    Vae,
}

/// One row of the statistics table (`STATISTIQUES_PROMOTION`). Percentages are 0–100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatRow {
    pub year: u16,
    #[serde(default)]
    pub certified: Option<u32>,
    #[serde(default)]
    pub certified_by_vae: Option<u32>,
    #[serde(default)]
    pub insertion_rate_6_months: Option<u8>,
    #[serde(default)]
    pub insertion_in_job_6_months: Option<u8>,
    #[serde(default)]
    pub insertion_in_job_2_years: Option<u8>,
}

/// A reference to another certification, bundled or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertRef {
    pub code: String,
    #[serde(default)]
    pub title: Option<String>,
}

/// Why and how a certification's blocs were rebuilt from a summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reconstruction {
    /// A French sentence for the maintainers saying what was rebuilt and from what.
    pub note: String,
}

/// Provenance of a data file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The published text the data was written from: a file name in `data/sources/`
    /// (`RNCP<digits>.txt`), checked by `tests/data_fidelity.rs`.
    pub seed: String,
    /// The official fiche on francecompetences.fr.
    pub url: String,
}

impl Certification {
    /// Every competency of every bloc, in order.
    pub fn competencies(&self) -> impl Iterator<Item = (&Bloc, &Competency)> {
        self.blocs
            .iter()
            .flat_map(|b| b.competencies.iter().map(move |c| (b, c)))
    }

    /// Number of competencies over all blocs.
    pub fn competency_count(&self) -> usize {
        self.blocs.iter().map(|b| b.competencies.len()).sum()
    }

    /// The official fiche URL for a certification code, e.g. for lineage links.
    pub fn official_url(code: &str) -> String {
        let digits = code.trim_start_matches("RNCP");
        format!("https://www.francecompetences.fr/recherche/rncp/{digits}/")
    }
}
