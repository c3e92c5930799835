//! The catalogue: every bundled certification, parsed and checked, with the facts derived from
//! them (status on a given day, lineage inside or outside the catalogue).

use crate::core::order;
use std::collections::{HashMap, HashSet};
use std::fmt;

use super::date::Date;
use super::model::{CertRef, Certification, CodeLabel, Competency};

include!(concat!(env!("OUT_DIR"), "/data_sources.rs"));

/// A data file that cannot be used, with the file and the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    /// Path of the faulty field, e.g. `blocs[2].competencies[0].label`, or `.` for the whole file.
    pub field: String,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "data/{}: field `{}`: {}",
            self.file, self.field, self.message
        )
    }
}

impl std::error::Error for DataError {}

/// Parses one certification file, naming the field on error.
pub fn parse_certification(file: &str, json: &str) -> Result<Certification, DataError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let cert: Certification = serde_path_to_error::deserialize(de).map_err(|e| DataError {
        file: file.to_owned(),
        field: match e.path().to_string() {
            p if p == "?" => ".".to_owned(),
            p => p,
        },
        message: e.inner().to_string(),
    })?;
    check_certification(file, &cert)?;
    Ok(cert)
}

/// Parses a file of the catalogue. Natively (tests, tools) errors name the field's path; in the
/// app, plain `serde_json` names the line and column instead: the path-tracking deserializer,
/// instantiated for the whole model, would weigh about 11 KB gzip in the wasm, and every data
/// file is checked field by field by the native data tests before it can ship.
fn parse_bundled(file: &str, json: &str) -> Result<Certification, DataError> {
    #[cfg(target_arch = "wasm32")]
    {
        let cert: Certification = serde_json::from_str(json).map_err(|e| DataError {
            file: file.to_owned(),
            field: ".".to_owned(),
            message: e.to_string(),
        })?;
        check_certification(file, &cert)?;
        Ok(cert)
    }
    #[cfg(not(target_arch = "wasm32"))]
    parse_certification(file, json)
}

/// Required-content checks serde cannot express.
pub(crate) fn check_certification(file: &str, c: &Certification) -> Result<(), DataError> {
    let err = |field: String, message: &str| DataError {
        file: file.to_owned(),
        field,
        message: message.to_owned(),
    };
    if !c.code.starts_with("RNCP")
        || c.code.len() < 5
        || !c.code[4..].bytes().all(|b| b.is_ascii_digit())
    {
        return Err(err("code".into(), "must be RNCP followed by digits"));
    }
    if c.title.trim().is_empty() {
        return Err(err("title".into(), "must not be empty"));
    }
    if c.certifiers.is_empty() {
        return Err(err(
            "certifiers".into(),
            "at least one certifier is required",
        ));
    }
    if c.blocs.is_empty() {
        return Err(err("blocs".into(), "at least one bloc is required"));
    }
    let mut ids = HashSet::new();
    let mut bloc_codes = HashSet::new();
    for (i, b) in c.blocs.iter().enumerate() {
        if !b.code.starts_with(&c.code) {
            return Err(err(
                format!("blocs[{i}].code"),
                "must start with the certification code",
            ));
        }
        if !bloc_codes.insert(b.code.as_str()) {
            return Err(err(format!("blocs[{i}].code"), "duplicate bloc code"));
        }
        if b.title.trim().is_empty() {
            return Err(err(format!("blocs[{i}].title"), "must not be empty"));
        }
        if b.competencies.is_empty() {
            return Err(err(
                format!("blocs[{i}].competencies"),
                "a bloc needs competencies",
            ));
        }
        for (j, comp) in b.competencies.iter().enumerate() {
            if comp.label.trim().is_empty() {
                return Err(err(
                    format!("blocs[{i}].competencies[{j}].label"),
                    "must not be empty",
                ));
            }
            if !comp.id.starts_with(&b.code) {
                return Err(err(
                    format!("blocs[{i}].competencies[{j}].id"),
                    "must start with the bloc code",
                ));
            }
            if !ids.insert(comp.id.as_str()) {
                return Err(err(
                    format!("blocs[{i}].competencies[{j}].id"),
                    "duplicate competency id",
                ));
            }
        }
    }
    Ok(())
}

/// Whether a certification can still be obtained on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Registered until the given date (if known).
    Active,
    /// Registration ended on its end date.
    Expired,
    /// A newer certification replaces it.
    Replaced,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Active, Status::Expired, Status::Replaced];

    /// Stable identifier, used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Expired => "expired",
            Status::Replaced => "replaced",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Where a lineage link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// To a fiche bundled in the app.
    Bundled { code: String, title: String },
    /// To the official fiche on francecompetences.fr.
    Official {
        code: String,
        title: Option<String>,
        url: String,
    },
}

/// All bundled certifications, sorted by code, with an index of codes and competency ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    certs: Vec<Certification>,
    /// Upper-case code → position in `certs`.
    by_code: HashMap<String, usize>,
    /// Competency id → (certification, bloc, competency) positions.
    by_competency: HashMap<String, (usize, usize, usize)>,
    /// Upper-case code → positions (ascending) of the certifications that name it as
    /// `previous` (so that a status does not scan the whole catalogue).
    named_previous: HashMap<String, Vec<usize>>,
    /// A catalogue of cards (`of_cards`): per certification, its bloc and competency counts
    /// (its blocs are not loaded). Empty in a whole catalogue.
    counts: Vec<(usize, usize)>,
}

impl Catalogue {
    /// Parses and checks `(file name, JSON)` pairs. Fails on the first bad file.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Catalogue, DataError> {
        let certs = sources
            .iter()
            .map(|(file, json)| Ok(((*file).to_owned(), parse_bundled(file, json)?)))
            .collect::<Result<Vec<_>, DataError>>()?;
        Catalogue::from_certifications(certs)
    }

    /// A catalogue of checked certifications, each with the file it comes from (named by the
    /// errors): fails when two files define the same code or competency id.
    pub fn from_certifications(
        files: Vec<(String, Certification)>,
    ) -> Result<Catalogue, DataError> {
        let mut certs = Vec::with_capacity(files.len());
        let mut codes = HashSet::new();
        let mut ids = HashSet::new();
        for (file, cert) in files {
            if !codes.insert(cert.code.clone()) {
                return Err(DataError {
                    file,
                    field: "code".into(),
                    message: format!("{} is already defined by another file", cert.code),
                });
            }
            for (_, c) in cert.competencies() {
                if !ids.insert(c.id.clone()) {
                    return Err(DataError {
                        file,
                        field: "blocs".into(),
                        message: format!("competency id {} is used by another file", c.id),
                    });
                }
            }
            certs.push(cert);
        }
        order::sort_by(&mut certs, |a, b| a.code.cmp(&b.code));
        let by_code = certs
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.to_ascii_uppercase(), i))
            .collect();
        let mut by_competency = HashMap::new();
        for (i, cert) in certs.iter().enumerate() {
            for (j, bloc) in cert.blocs.iter().enumerate() {
                for (k, comp) in bloc.competencies.iter().enumerate() {
                    by_competency.insert(comp.id.clone(), (i, j, k));
                }
            }
        }
        let mut named_previous: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, cert) in certs.iter().enumerate() {
            for p in &cert.previous {
                let list = named_previous
                    .entry(p.code.to_ascii_uppercase())
                    .or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Ok(Catalogue {
            certs,
            by_code,
            by_competency,
            named_previous,
            counts: Vec::new(),
        })
    }

    /// A catalogue of cards: certifications without their blocs, each with its bloc and
    /// competency counts. Fails when two entries have the same code.
    pub fn of_cards(
        mut cards: Vec<(Certification, (usize, usize))>,
    ) -> Result<Catalogue, DataError> {
        // `from_certifications` sorts by code: the counts follow the same order.
        order::sort_by(&mut cards, |a, b| a.0.code.cmp(&b.0.code));
        let counts = cards.iter().map(|(_, n)| *n).collect();
        let mut cat = Catalogue::from_certifications(
            cards.into_iter().map(|(c, _)| (String::new(), c)).collect(),
        )?;
        cat.counts = counts;
        Ok(cat)
    }

    /// How many blocs a certification has, and competencies in all (its blocs loaded or not).
    pub fn counts(&self, cert: &Certification) -> (usize, usize) {
        if !cert.blocs.is_empty() {
            return (cert.blocs.len(), cert.competency_count());
        }
        self.by_code
            .get(&cert.code.to_ascii_uppercase())
            .and_then(|i| self.counts.get(*i))
            .copied()
            .unwrap_or((0, 0))
    }

    /// Whether the catalogue holds the blocs of this certification (always, but in a catalogue
    /// of cards).
    pub fn has_blocs(&self, code: &str) -> bool {
        self.get(code).is_some_and(|c| !c.blocs.is_empty())
    }

    /// The catalogue of `data/*.json`, embedded for tests, tools and benchmarks. The app does
    /// not call it (so the linker leaves the data out of its wasm): it loads the files the
    /// build writes instead (`core::dataset`).
    pub fn bundled() -> Result<Catalogue, DataError> {
        Catalogue::from_sources(CERTIFICATION_SOURCES)
    }

    pub fn all(&self) -> &[Certification] {
        &self.certs
    }

    pub fn get(&self, code: &str) -> Option<&Certification> {
        let code = code.trim().to_ascii_uppercase();
        self.by_code.get(&code).and_then(|&i| self.certs.get(i))
    }

    /// The position of a certification in [`Catalogue::all`].
    pub fn position(&self, code: &str) -> Option<usize> {
        self.by_code.get(&code.trim().to_ascii_uppercase()).copied()
    }

    /// Finds a competency anywhere in the catalogue.
    pub fn competency(&self, id: &str) -> Option<(&Certification, &Competency)> {
        let &(i, j, k) = self.by_competency.get(id)?;
        let cert = self.certs.get(i)?;
        let comp = cert.blocs.get(j)?.competencies.get(k)?;
        Some((cert, comp))
    }

    /// Status of a certification on `today`.
    pub fn status(&self, cert: &Certification, today: Date) -> Status {
        if !self.successors(cert).is_empty() {
            Status::Replaced
        } else if cert.registration_end.is_some_and(|end| end < today) {
            Status::Expired
        } else {
            Status::Active
        }
    }

    /// The certifications that replace `cert`: its `next` list, plus every bundled
    /// certification that names it as `previous`.
    pub fn successors(&self, cert: &Certification) -> Vec<LinkTarget> {
        let mut out: Vec<LinkTarget> = cert.next.iter().map(|r| self.resolve(r)).collect();
        let naming = self
            .named_previous
            .get(&cert.code.to_ascii_uppercase())
            .map(Vec::as_slice)
            .unwrap_or_default();
        for other in naming.iter().filter_map(|i| self.certs.get(*i)) {
            if other.previous.iter().any(|p| p.code == cert.code)
                && !cert.next.iter().any(|n| n.code == other.code)
            {
                out.push(self.resolve(&CertRef {
                    code: other.code.clone(),
                    title: Some(other.title.clone()),
                }));
            }
        }
        out
    }

    /// The code to name in "Replaced by …": the first successor, if any.
    pub fn successor_code(&self, cert: &Certification) -> Option<String> {
        self.successors(cert).into_iter().next().map(|t| match t {
            LinkTarget::Bundled { code, .. } | LinkTarget::Official { code, .. } => code,
        })
    }

    /// The certifications `cert` replaces: its `previous` list, plus every bundled
    /// certification that names it as `next`.
    pub fn predecessors(&self, cert: &Certification) -> Vec<LinkTarget> {
        let mut out: Vec<LinkTarget> = cert.previous.iter().map(|r| self.resolve(r)).collect();
        for other in &self.certs {
            if other.next.iter().any(|n| n.code == cert.code)
                && !cert.previous.iter().any(|p| p.code == other.code)
            {
                out.push(self.resolve(&CertRef {
                    code: other.code.clone(),
                    title: Some(other.title.clone()),
                }));
            }
        }
        out
    }

    /// Resolves a reference inside the catalogue when bundled, to the official fiche otherwise.
    pub fn resolve(&self, r: &CertRef) -> LinkTarget {
        match self.get(&r.code) {
            Some(c) => LinkTarget::Bundled {
                code: c.code.clone(),
                title: c.title.clone(),
            },
            None => LinkTarget::Official {
                code: r.code.clone(),
                title: r.title.clone(),
                url: Certification::official_url(&r.code),
            },
        }
    }

    /// Distinct levels present, ascending.
    pub fn levels(&self) -> Vec<u8> {
        let mut v: Vec<u8> = self.certs.iter().filter_map(|c| c.level).collect();
        order::sort(&mut v);
        v.dedup();
        v
    }

    /// Distinct certifier names, sorted.
    /// The NSF codes of the catalogue with their labels, by code, each once.
    pub fn nsf_codes(&self) -> Vec<&CodeLabel> {
        self.codes(|c| c.nsf.as_deref())
    }

    /// The ROME codes of the catalogue with their labels, by code, each once.
    pub fn rome_codes(&self) -> Vec<&CodeLabel> {
        self.codes(|c| c.rome.as_deref())
    }

    fn codes<'a>(
        &'a self,
        of: impl Fn(&'a Certification) -> Option<&'a [CodeLabel]>,
    ) -> Vec<&'a CodeLabel> {
        let mut v: Vec<&CodeLabel> = self
            .certs
            .iter()
            .flat_map(|c| of(c).unwrap_or_default())
            .collect();
        order::sort_by(&mut v, |a, b| a.code.cmp(&b.code));
        v.dedup_by(|a, b| a.code == b.code);
        v
    }

    pub fn certifiers(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .certs
            .iter()
            .flat_map(|c| c.certifiers.iter().map(|x| x.name.as_str()))
            .collect();
        order::sort(&mut v);
        v.dedup();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert_json(code: &str, extra: &str) -> String {
        format!(
            r#"{{"code":"{code}","title":"Titre {code}","certifiers":[{{"name":"X"}}],
            "blocs":[{{"code":"{code}BC01","title":"Bloc","competencies":[{{"id":"{code}BC01-C01","label":"Faire"}}]}}],
            "source":{{"seed":"s","url":"u"}}{extra}}}"#
        )
    }

    fn check(sources: &[(&str, &str)], expected_err: Option<(&str, &str)>) {
        match (Catalogue::from_sources(sources), expected_err) {
            (Ok(_), None) => {}
            (Err(e), Some((file, field))) => {
                assert_eq!((e.file.as_str(), e.field.as_str()), (file, field), "{e}");
            }
            (got, want) => panic!("got {got:?}, wanted error {want:?}"),
        }
    }

    #[test]
    fn data_errors_name_file_and_field() {
        let good = cert_json("RNCP1", "");
        check(&[("a.json", &good)], None);
        check(&[("a.json", "{")], Some(("a.json", ".")));
        check(
            &[("b.json", &good.replace("\"title\":\"Titre RNCP1\",", ""))],
            Some(("b.json", ".")),
        );
        check(
            &[("c.json", &cert_json("RNCP1", r#","level":"trois""#))],
            Some(("c.json", "level")),
        );
        check(
            &[(
                "d.json",
                &good.replace("\"label\":\"Faire\"", "\"label\":\"  \""),
            )],
            Some(("d.json", "blocs[0].competencies[0].label")),
        );
        check(
            &[(
                "e.json",
                &good.replace("\"label\":\"Faire\"", "\"label\":3"),
            )],
            Some(("e.json", "blocs[0].competencies[0].label")),
        );
        check(
            &[("f.json", &cert_json("XX1", ""))],
            Some(("f.json", "code")),
        );
        check(
            &[("a.json", &good), ("g.json", &good)],
            Some(("g.json", "code")),
        );
        check(
            &[("h.json", &cert_json("RNCP1", r#","unexpected":1"#))],
            Some(("h.json", "unexpected")),
        );
    }

    #[test]
    fn status_and_lineage() {
        let old = cert_json("RNCP1", r#","next":[{"code":"RNCP2"}]"#);
        let new = cert_json("RNCP2", r#","registration_end":"2027-05-16""#);
        let gone = cert_json(
            "RNCP3",
            r#","registration_end":"2024-06-01","previous":[{"code":"RNCP9"}]"#,
        );
        let cat = Catalogue::from_sources(&[("1", &old), ("2", &new), ("3", &gone)])
            .unwrap_or_else(|e| panic!("{e}"));
        let today = Date::new(2026, 11, 22).unwrap();
        let st = |code: &str| cat.status(cat.get(code).unwrap(), today);
        assert_eq!(st("RNCP1"), Status::Replaced);
        assert_eq!(st("RNCP2"), Status::Active);
        assert_eq!(st("RNCP3"), Status::Expired);
        let on_end_day = Date::new(2024, 6, 1).unwrap();
        assert_eq!(
            cat.status(cat.get("RNCP3").unwrap(), on_end_day),
            Status::Active
        );
        let new_cert = cat.get("rncp2").unwrap();
        assert_eq!(
            cat.predecessors(new_cert),
            vec![LinkTarget::Bundled {
                code: "RNCP1".into(),
                title: "Titre RNCP1".into()
            }]
        );
        match &cat.predecessors(cat.get("RNCP3").unwrap())[0] {
            LinkTarget::Official { url, .. } => assert!(url.ends_with("/rncp/9/"), "{url}"),
            other => panic!("{other:?}"),
        }
    }
}
