//! One import run (native only): reads the export, selects fiches, converts them, writes one
//! JSON file per fiche atomically, and counts everything for the report.
//!
//! - Selection: every given criterion must hold (`--code`, `--nsf`, `--rome`, `--certifier`,
//!   `--level`: any of the listed values; `--active-only`: the fiche's own `ACTIF` is `Oui`).
//! - Files are written to a temporary file in the output folder, then renamed: a reader never
//!   sees half a file. Identical content is not rewritten.
//! - A hand-curated file (one with `reconstructed`, or a bloc with `code_assigned`, or one that
//!   is not valid JSON) is never replaced unless `force` is set.
//! - Output is deterministic: the same export gives byte-identical files. A code given twice
//!   keeps its first fiche (a warning names the second).

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::fiche::{convert, is_rncp_code, Issue, RawFiche, Severity};
use super::reader::read_fiches;
use crate::core::catalogue::parse_certification;
use crate::core::model::CodeLabel;

/// What to import and where.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub out: PathBuf,
    /// Name of the export file, recorded as `source.seed` in every written file.
    pub seed: String,
    pub codes: Vec<String>,
    pub nsf: Vec<String>,
    pub rome: Vec<String>,
    pub certifiers: Vec<String>,
    pub levels: Vec<u8>,
    pub active_only: bool,
    pub force: bool,
}

impl Options {
    /// Whether a fiche is selected.
    pub fn selects(&self, raw: &RawFiche) -> bool {
        fn any<'a>(wanted: &[String], mut have: impl Iterator<Item = &'a str>) -> bool {
            wanted.is_empty()
                || have.any(|h| wanted.iter().any(|w| w.eq_ignore_ascii_case(h.trim())))
        }
        fn codes(l: &Option<Vec<CodeLabel>>) -> impl Iterator<Item = &str> {
            l.iter().flatten().map(|c| c.code.as_str())
        }
        let sirets: Vec<String> = raw
            .certifiers
            .iter()
            .filter_map(|c| c.siret.as_deref())
            .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect())
            .collect();
        any(&self.codes, raw.code.as_deref().into_iter())
            && any(&self.nsf, codes(&raw.nsf))
            && any(&self.rome, codes(&raw.rome))
            && any(&self.certifiers, sirets.iter().map(String::as_str))
            && (self.levels.is_empty()
                || raw.level_number().is_some_and(|l| self.levels.contains(&l)))
            && (!self.active_only || raw.is_active())
    }
}

/// An unknown element is reported fiche by fiche this many times, then counted.
pub const UNKNOWN_SHOWN: usize = 5;

/// At most this many warnings are kept for the report (all are counted).
pub const KEPT_WARNINGS: usize = 1000;

/// The counts and messages of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub bytes_read: u64,
    /// `VERSION_FLUX` of the export.
    pub version: Option<String>,
    /// `<FICHE>` elements found.
    pub fiches_read: usize,
    /// Fiches that could not be read (XML errors).
    pub fiches_unreadable: usize,
    /// Fiches of another register (not `RNCP…`, e.g. `RS…`), never selected.
    pub not_rncp: usize,
    pub selected: usize,
    /// Files created or changed.
    pub written: usize,
    /// Files already identical.
    pub unchanged: usize,
    /// Hand-curated files left alone.
    pub kept_curated: usize,
    /// Blocs and competencies of the written or unchanged files.
    pub blocs: usize,
    pub competencies: usize,
    /// Blocs whose split was flagged for a human check.
    pub flagged_blocs: usize,
    pub warning_count: usize,
    pub error_count: usize,
    /// The first [`KEPT_WARNINGS`] warnings, in input order.
    pub warnings: Vec<Issue>,
    /// Every error, in input order.
    pub errors: Vec<Issue>,
}

impl Report {
    fn add(&mut self, issue: Issue) {
        match issue.severity {
            Severity::Warning => {
                self.warning_count += 1;
                if self.warnings.len() < KEPT_WARNINGS {
                    self.warnings.push(issue);
                }
            }
            Severity::Error => {
                self.error_count += 1;
                self.errors.push(issue);
            }
        }
    }

    /// Whether anything could be read at all (the binary exits with 1 otherwise).
    pub fn read_anything(&self) -> bool {
        self.fiches_read > self.fiches_unreadable
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "export: {} bytes, flux version {}",
            self.bytes_read,
            self.version.as_deref().unwrap_or("unknown")
        )?;
        writeln!(
            f,
            "fiches read: {} ({} unreadable, {} not RNCP)",
            self.fiches_read, self.fiches_unreadable, self.not_rncp
        )?;
        writeln!(f, "fiches selected: {}", self.selected)?;
        writeln!(
            f,
            "files written: {} ({} unchanged, {} hand-curated kept)",
            self.written, self.unchanged, self.kept_curated
        )?;
        writeln!(
            f,
            "blocs: {} ({} flagged for a check of their split)",
            self.blocs, self.flagged_blocs
        )?;
        writeln!(f, "competencies: {}", self.competencies)?;
        writeln!(f, "warnings: {}", self.warning_count)?;
        writeln!(f, "errors: {}", self.error_count)
    }
}

/// An I/O failure that stops the run.
#[derive(Debug)]
pub struct ImportError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for ImportError {}

/// Imports `input` into `opts.out` (created if missing). `input_name` names the input in error
/// messages. Fails only on I/O errors; every problem of the data is in the report.
pub fn import<R: Read>(input: R, input_name: &Path, opts: &Options) -> Result<Report, ImportError> {
    fs::create_dir_all(&opts.out).map_err(|error| ImportError {
        path: opts.out.clone(),
        error,
    })?;
    let mut report = Report::default();
    let mut write_error: Option<ImportError> = None;
    // Codes already handled in this run: a fiche given twice keeps its first version.
    let mut seen: HashSet<String> = HashSet::new();
    // Reader warnings (unknown elements) by element path.
    let mut unknown: BTreeMap<String, usize> = BTreeMap::new();
    let stream = read_fiches(input, |fiche| {
        if write_error.is_some() {
            return;
        }
        report.fiches_read += 1;
        if fiche.failed {
            report.fiches_unreadable += 1;
        }
        for issue in fiche.issues {
            // The same unknown element in every fiche: name the first fiches, count the rest.
            if issue.severity == Severity::Warning {
                let n = unknown.entry(issue.element.clone()).or_insert(0);
                *n += 1;
                if *n > UNKNOWN_SHOWN {
                    continue;
                }
            }
            report.add(issue);
        }
        if fiche.failed {
            return;
        }
        if let Some(code) = fiche.raw.code.as_deref() {
            if !is_rncp_code(code.trim()) {
                report.not_rncp += 1;
                return;
            }
        }
        if fiche.raw.code.is_some() && !opts.selects(&fiche.raw) {
            return;
        }
        report.selected += 1;
        let converted = match convert(&fiche.raw, fiche.ordinal, &opts.seed) {
            Ok(c) => c,
            Err(issue) => {
                report.add(issue);
                return;
            }
        };
        for w in converted.warnings {
            report.add(w);
        }
        let cert = converted.cert;
        if !seen.insert(cert.code.clone()) {
            report.add(Issue {
                severity: Severity::Warning,
                fiche: cert.code.clone(),
                element: "FICHE/NUMERO_FICHE".into(),
                message: format!(
                    "fiche n°{} repeats a code already imported from this export: skipped",
                    fiche.ordinal
                ),
            });
            return;
        }
        let file = format!("{}.json", cert.code);
        let json = match serde_json::to_string_pretty(&cert) {
            Ok(j) => j + "\n",
            Err(e) => {
                report.add(error(&cert.code, &format!("cannot serialise: {e}")));
                return;
            }
        };
        // Never write what the app would refuse.
        if let Err(e) = parse_certification(&file, &json) {
            report.add(error(
                &cert.code,
                &format!("the converted fiche is invalid: {e}"),
            ));
            return;
        }
        let path = opts.out.join(&file);
        match write_file(&path, &json, opts.force) {
            Ok(Outcome::Written) => report.written += 1,
            Ok(Outcome::Unchanged) => report.unchanged += 1,
            Ok(Outcome::Curated(why)) => {
                report.kept_curated += 1;
                report.add(Issue {
                    severity: Severity::Warning,
                    fiche: cert.code.clone(),
                    element: String::new(),
                    message: format!(
                        "{} is hand-curated ({why}): kept (use --force to replace it)",
                        path.display()
                    ),
                });
                return;
            }
            Err(e) => {
                write_error = Some(e);
                return;
            }
        }
        report.flagged_blocs += converted.flagged_blocs;
        report.blocs += cert.blocs.len();
        report.competencies += cert.competency_count();
    })
    .map_err(|error| ImportError {
        path: input_name.to_owned(),
        error,
    })?;
    if let Some(e) = write_error {
        return Err(e);
    }
    for (element, n) in unknown {
        if n > UNKNOWN_SHOWN {
            report.add(Issue {
                severity: Severity::Warning,
                fiche: format!("{} more fiches", n - UNKNOWN_SHOWN),
                element,
                message: "unknown element: ignored".into(),
            });
        }
    }
    report.bytes_read = stream.bytes;
    report.version = stream.version;
    for issue in stream.issues {
        report.add(issue);
    }
    if report.fiches_read == 0 {
        report.add(Issue {
            severity: Severity::Error,
            fiche: "(export)".into(),
            element: "FICHES".into(),
            message: "no <FICHE> element found: is this the RNCP XML export?".into(),
        });
    }
    Ok(report)
}

fn error(code: &str, message: &str) -> Issue {
    Issue {
        severity: Severity::Error,
        fiche: code.to_owned(),
        element: String::new(),
        message: message.to_owned(),
    }
}

enum Outcome {
    Written,
    Unchanged,
    Curated(&'static str),
}

/// Why an existing file must not be replaced without `--force`, if it must not.
pub fn curated(existing: &str) -> Option<&'static str> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(existing) else {
        return Some("not valid JSON");
    };
    if v.get("reconstructed").is_some_and(|r| !r.is_null()) {
        return Some("reconstructed blocs");
    }
    let assigned = v
        .get("blocs")
        .and_then(|b| b.as_array())
        .is_some_and(|blocs| {
            blocs
                .iter()
                .any(|b| b.get("code_assigned").and_then(|c| c.as_bool()) == Some(true))
        });
    assigned.then_some("bloc codes assigned by hand")
}

fn write_file(path: &Path, json: &str, force: bool) -> Result<Outcome, ImportError> {
    let io_err = |error| ImportError {
        path: path.to_owned(),
        error,
    };
    match fs::read(path) {
        Ok(old) => {
            if old == json.as_bytes() {
                return Ok(Outcome::Unchanged);
            }
            if !force {
                if let Some(why) = curated(&String::from_utf8_lossy(&old)) {
                    return Ok(Outcome::Curated(why));
                }
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_err(e)),
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(json.as_bytes()))
        .and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = result {
        // Best effort: the temporary file is ours and incomplete.
        let _ = fs::remove_file(&tmp);
        return Err(io_err(e));
    }
    Ok(Outcome::Written)
}
