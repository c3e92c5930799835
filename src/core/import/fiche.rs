//! A fiche as read from the export ([`RawFiche`]: the texts of the elements the app uses, each
//! taken at its own path) and its conversion into a [`Certification`]. Pure: no I/O.

use std::fmt;

use super::split::{list_entries, restore_breaks, source_lines, split_bloc, SplitProblem};
use crate::core::date::Date;
use crate::core::model::{
    AccessRoute, AccessRouteKind, Bloc, CertRef, Certification, Certifier, CodeLabel, Competency,
    Source, StatRow,
};

/// How serious an [`Issue`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Something was skipped or guessed; the fiche is still written.
    Warning,
    /// The fiche (or the whole input) could not be used.
    Error,
}

/// A problem met while importing, naming the fiche and the element at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    /// `RNCP40344`, or `fiche n°3 (ID_FICHE 27642)` when the code is unknown.
    pub fiche: String,
    /// Element path inside the fiche, e.g. `FICHE/BLOCS_COMPETENCES/BLOC_COMPETENCES[2]/CODE`.
    pub element: String,
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        if self.element.is_empty() {
            write!(f, "{kind}: {}: {}", self.fiche, self.message)
        } else {
            write!(
                f,
                "{kind}: {}: <{}>: {}",
                self.fiche, self.element, self.message
            )
        }
    }
}

/// A certifier as read (`CERTIFICATEURS/CERTIFICATEUR`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawCertifier {
    pub name: Option<String>,
    pub siret: Option<String>,
    /// `ETAT_CERTIFICATEUR`: `Actif` / `Inactif`.
    pub state: Option<String>,
}

/// An access route as read (`SI_JURY_*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawJury {
    pub route: AccessRouteKind,
    /// The route's own `ACTIF` (`Oui` / `Non`), not the fiche's.
    pub active: Option<String>,
    pub composition: Option<String>,
}

/// One row of `STATISTIQUES_PROMOTIONS`, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawStat {
    pub year: Option<String>,
    pub certified: Option<String>,
    pub certified_by_vae: Option<String>,
    pub insertion_6_months: Option<String>,
    pub insertion_job_6_months: Option<String>,
    pub insertion_job_2_years: Option<String>,
}

/// One of the fiche's own blocs (`BLOCS_COMPETENCES/BLOC_COMPETENCES`), as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawBloc {
    pub code: Option<String>,
    pub title: Option<String>,
    pub list: Option<String>,
    pub assessment: Option<String>,
}

/// The texts of one `FICHE` that the app uses. `None` = element absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawFiche {
    pub id: Option<String>,
    pub code: Option<String>,
    pub title: Option<String>,
    pub abbreviation: Option<String>,
    pub kind: Option<String>,
    /// `NOMENCLATURE_EUROPE/NIVEAU`, e.g. `NIV4`.
    pub level: Option<String>,
    /// The fiche's own `ACTIF` (`Oui` / `Non`).
    pub active: Option<String>,
    pub state: Option<String>,
    pub certifiers: Vec<RawCertifier>,
    pub nsf: Option<Vec<CodeLabel>>,
    pub formacodes: Option<Vec<CodeLabel>>,
    pub rome: Option<Vec<CodeLabel>>,
    pub registration_end: Option<String>,
    pub objectives: Option<String>,
    pub activities: Option<String>,
    pub attested: Option<String>,
    pub sectors: Option<String>,
    pub jobs: Option<String>,
    pub regulations: Option<String>,
    pub prerequisites: Option<String>,
    pub juries: Vec<RawJury>,
    pub statistics: Option<Vec<RawStat>>,
    pub previous: Vec<String>,
    pub next: Vec<String>,
    pub blocs: Vec<RawBloc>,
}

impl RawFiche {
    /// How messages name this fiche: its code, else its rank in the file and `ID_FICHE`.
    pub fn label(&self, ordinal: usize) -> String {
        match (&self.code, &self.id) {
            (Some(code), _) => code.clone(),
            (None, Some(id)) => format!("fiche n°{ordinal} (ID_FICHE {id}, no NUMERO_FICHE)"),
            (None, None) => format!("fiche n°{ordinal} (no NUMERO_FICHE)"),
        }
    }

    /// The European level (`NIV4` → 4).
    pub fn level_number(&self) -> Option<u8> {
        let l = self.level.as_deref()?.trim();
        l.strip_prefix("NIV").unwrap_or(l).parse().ok()
    }

    /// Whether the fiche itself is active (`FICHE/ACTIF` = `Oui`).
    pub fn is_active(&self) -> bool {
        self.active
            .as_deref()
            .is_some_and(|a| a.trim().eq_ignore_ascii_case("oui"))
    }
}

/// Whether a code is an RNCP fiche code the app can hold (`RNCP` and digits).
pub fn is_rncp_code(code: &str) -> bool {
    code.len() > 4 && code.starts_with("RNCP") && code[4..].bytes().all(|b| b.is_ascii_digit())
}

/// A converted fiche and what was noticed on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub cert: Certification,
    pub warnings: Vec<Issue>,
    /// Blocs whose split should be checked by a human.
    pub flagged_blocs: usize,
}

/// Converts a fiche. `ordinal` is its rank in the file (from 1), `seed` the name of the export
/// file (recorded as the data's source). Fails with the issue that makes the fiche unusable.
pub fn convert(raw: &RawFiche, ordinal: usize, seed: &str) -> Result<Converted, Issue> {
    let label = raw.label(ordinal);
    let mut warnings = Vec::new();
    let mut warn = |element: &str, message: String| {
        warnings.push(Issue {
            severity: Severity::Warning,
            fiche: label.clone(),
            element: element.to_owned(),
            message,
        })
    };
    let fail = |element: &str, message: &str| Issue {
        severity: Severity::Error,
        fiche: label.clone(),
        element: element.to_owned(),
        message: message.to_owned(),
    };
    let code = match raw.code.as_deref().map(str::trim) {
        Some(c) if is_rncp_code(c) => c.to_owned(),
        Some(_) => {
            return Err(fail(
                "FICHE/NUMERO_FICHE",
                "not an RNCP code (RNCP followed by digits)",
            ))
        }
        None => return Err(fail("FICHE/NUMERO_FICHE", "missing: the fiche has no code")),
    };
    let title = match non_empty(&raw.title) {
        Some(t) => t,
        None => return Err(fail("FICHE/INTITULE", "missing or empty title")),
    };

    let mut certifiers: Vec<Certifier> = Vec::new();
    let any_active = raw.certifiers.iter().any(|c| {
        c.state
            .as_deref()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case("actif"))
    });
    for c in &raw.certifiers {
        let active = c
            .state
            .as_deref()
            .is_none_or(|s| s.trim().eq_ignore_ascii_case("actif"));
        if any_active && !active {
            continue;
        }
        let Some(name) = non_empty(&c.name) else {
            warn(
                "FICHE/CERTIFICATEURS/CERTIFICATEUR/NOM_CERTIFICATEUR",
                "certifier without a name: skipped".into(),
            );
            continue;
        };
        let certifier = Certifier {
            name,
            siret: non_empty(&c.siret),
            website: None,
        };
        if !certifiers.contains(&certifier) {
            certifiers.push(certifier);
        }
    }
    if certifiers.is_empty() {
        return Err(fail("FICHE/CERTIFICATEURS", "no certifier"));
    }

    let hints: Vec<&str> = raw.attested.as_deref().into_iter().collect();
    let mut blocs: Vec<Bloc> = Vec::new();
    let mut flagged_blocs = 0;
    for (n, b) in raw.blocs.iter().enumerate() {
        let at = |field: &str| {
            format!(
                "FICHE/BLOCS_COMPETENCES/BLOC_COMPETENCES[{}]/{field}",
                n + 1
            )
        };
        let (bloc_code, assigned) = match non_empty(&b.code) {
            Some(c) => (c, false),
            None => {
                let c = format!("{code}BC{:02}", n + 1);
                warn(&at("CODE"), format!("missing: code {c} assigned"));
                (c, true)
            }
        };
        if !bloc_code.starts_with(&code) {
            warn(
                &at("CODE"),
                format!("{bloc_code} does not belong to {code}: bloc skipped"),
            );
            continue;
        }
        if blocs.iter().any(|x| x.code == bloc_code) {
            warn(
                &at("CODE"),
                format!("{bloc_code} appears twice: second bloc skipped"),
            );
            continue;
        }
        let Some(bloc_title) = non_empty(&b.title) else {
            warn(
                &at("LIBELLE"),
                format!("bloc {bloc_code} has no title: bloc skipped"),
            );
            continue;
        };
        let split = split_bloc(&bloc_title, b.list.as_deref().unwrap_or(""), &hints);
        let (labels, split_warning) = match split.problem {
            Some(SplitProblem::Empty) => {
                let note = "La liste de compétences du bloc est vide dans la source : \
                            l'intitulé du bloc tient lieu de compétence."
                    .to_owned();
                warn(
                    &at("LISTE_COMPETENCES"),
                    format!("bloc {bloc_code}: empty competency list: the bloc title stands for its only competency"),
                );
                (vec![bloc_title.clone()], Some(note))
            }
            Some(p) => {
                let note = match &p {
                    SplitProblem::KeptWhole { .. } => {
                        "Liste de compétences sans séparateur lisible : conservée d'un seul tenant."
                            .to_owned()
                    }
                    _ => "Une compétence est très longue : découpage à vérifier.".to_owned(),
                };
                warn(&at("LISTE_COMPETENCES"), format!("bloc {bloc_code}: {p}"));
                (split.items, Some(note))
            }
            None => (split.items, None),
        };
        if split_warning.is_some() {
            flagged_blocs += 1;
        }
        let competencies = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| Competency {
                id: format!("{bloc_code}-C{:02}", i + 1),
                label,
            })
            .collect();
        blocs.push(Bloc {
            code: bloc_code,
            code_assigned: assigned,
            title: bloc_title,
            competencies,
            assessment: b
                .assessment
                .as_deref()
                .map(source_lines)
                .filter(|l| !l.is_empty()),
            split_warning,
        });
    }
    if blocs.is_empty() {
        return Err(fail(
            "FICHE/BLOCS_COMPETENCES",
            if raw.blocs.is_empty() {
                "no bloc de compétences: the app needs at least one"
            } else {
                "no usable bloc de compétences"
            },
        ));
    }

    let registration_end = match raw.registration_end.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => {
            let date = french_date(d);
            if date.is_none() {
                warn(
                    "FICHE/DATE_FIN_ENREGISTREMENT",
                    format!("« {d} » is not a JJ/MM/AAAA date: ignored"),
                );
            }
            date
        }
    };
    let level = raw.level_number();
    if level.is_none() && raw.level.is_some() {
        warn(
            "FICHE/NOMENCLATURE_EUROPE/NIVEAU",
            format!(
                "unknown level {:?}: ignored",
                raw.level.as_deref().unwrap_or("")
            ),
        );
    }

    const ORDER: [AccessRouteKind; 6] = [
        AccessRouteKind::InitialTraining,
        AccessRouteKind::Apprenticeship,
        AccessRouteKind::ContinuingTraining,
        AccessRouteKind::ProfessionalisationContract,
        AccessRouteKind::IndividualApplication,
        AccessRouteKind::Vae,
    ];
    let access_routes = (!raw.juries.is_empty()).then(|| {
        ORDER
            .iter()
            .filter_map(|kind| raw.juries.iter().find(|j| j.route == *kind))
            .map(|j| AccessRoute {
                route: j.route,
                open: j
                    .active
                    .as_deref()
                    .is_some_and(|a| a.trim().eq_ignore_ascii_case("oui")),
                jury: text(&j.composition),
            })
            .collect()
    });

    let statistics = raw.statistics.as_ref().map(|rows| {
        rows.iter()
            .filter_map(|r| {
                let year = r.year.as_deref()?.trim().parse().ok()?;
                Some(StatRow {
                    year,
                    certified: number(&r.certified),
                    certified_by_vae: number(&r.certified_by_vae),
                    insertion_rate_6_months: percent(&r.insertion_6_months),
                    insertion_in_job_6_months: percent(&r.insertion_job_6_months),
                    insertion_in_job_2_years: percent(&r.insertion_job_2_years),
                })
            })
            .collect()
    });

    let refs = |codes: &[String]| -> Vec<CertRef> {
        let mut out: Vec<CertRef> = Vec::new();
        for c in codes {
            let c = c.trim();
            if !c.is_empty() && c != code && !out.iter().any(|r| r.code == c) {
                out.push(CertRef {
                    code: c.to_owned(),
                    title: None,
                });
            }
        }
        out
    };

    let cert = Certification {
        code: code.clone(),
        title,
        kind: non_empty(&raw.kind),
        abbreviation: non_empty(&raw.abbreviation),
        level,
        certifiers,
        nsf: raw.nsf.clone(),
        formacodes: raw.formacodes.clone(),
        rome: raw.rome.clone(),
        registration_end,
        objectives: text(&raw.objectives),
        activities: text(&raw.activities),
        attested_competencies: text(&raw.attested),
        blocs,
        bloc_acquisition: None,
        sectors: text(&raw.sectors),
        jobs: raw
            .jobs
            .as_deref()
            .map(list_entries)
            .filter(|l| !l.is_empty()),
        regulations: text(&raw.regulations),
        prerequisites: text(&raw.prerequisites),
        access_routes,
        statistics,
        previous: refs(&raw.previous),
        next: refs(&raw.next),
        equivalences: None,
        reconstructed: None,
        source: Source {
            seed: seed.to_owned(),
            url: Certification::official_url(&code),
        },
    };
    Ok(Converted {
        cert,
        warnings,
        flagged_blocs,
    })
}

fn non_empty(s: &Option<String>) -> Option<String> {
    let t = s
        .as_deref()?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!t.is_empty()).then_some(t)
}

/// A free text with its lost line breaks restored; `None` when empty.
fn text(s: &Option<String>) -> Option<String> {
    let t = restore_breaks(s.as_deref()?);
    (!t.is_empty()).then_some(t)
}

fn number(s: &Option<String>) -> Option<u32> {
    s.as_deref()?.trim().parse().ok()
}

fn percent(s: &Option<String>) -> Option<u8> {
    let v: f64 = s.as_deref()?.trim().replace(',', ".").parse().ok()?;
    (0.0..=100.0).contains(&v).then(|| v.round() as u8)
}

/// `JJ/MM/AAAA` → [`Date`].
pub fn french_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().split('/');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}
