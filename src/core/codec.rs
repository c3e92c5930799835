//! Saving and exchanging an [`Assessment`]: the state kept in local storage, the export file,
//! and the share link (in [`share`]).
//!
//! # Saved state and export file
//!
//! JSON, with a format tag and a version:
//!
//! ```json
//! {"format":"repere/assessment","version":2,
//!  "selection":["RNCP37722"],
//!  "ratings":{"RNCP37722BC01-C01":"alone"},
//!  "notes":{"RNCP37722BC01-C01":"…"},
//!  "experiences":[{"id":1,"title":"…","kind":"emploi","start":"2019-09","end":null,"description":"…"}],
//!  "evidence":{"RNCP37722BC01-C01":[1]},
//!  "dismissed":[[1,"RNCP37722BC02-C03"]]}
//! ```
//!
//! The export file is the same object, pretty-printed, with `"app":"Repère"` and
//! `"exported":"YYYY-MM-DD"` (both ignored on reading). Every field but `format` and `version`
//! may be missing (empty). Unknown fields are ignored.
//!
//! **Version 1** (the first saved shape) had only the selection and ratings, as numbers 0–3 in
//! the order of [`Level::ALL`]:
//! `{"format":"repere/assessment","version":1,"selection":["RNCP37722"],"ratings":{"RNCP37722BC01-C01":2}}`.
//! It is migrated on reading: same selection, ratings by index, nothing else.
//!
//! Reading checks everything ([`Assessment::validate`]) after repairing harmless
//! inconsistencies ([`Assessment::normalize`]), so what is read back is what was written, and
//! anything the operations can build fits under [`MAX_SAVED_BYTES`] (see the limits in
//! [`crate::core::assessment`]).
//!
//! Errors are [`CodecError`]s; their [`CodecError::kind`] is stable for the UI's translations.

pub mod base64url;
pub mod share;

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::assessment::{Assessment, AssessmentError, Level, Pruned};
use super::catalogue::Catalogue;
use super::date::Date;

pub use share::{
    crc32, decode_share, encode_share, shared_view, MAX_SHARE_CHARS, SHARE_PREFIX, SHARE_VERSION,
};

/// The `format` tag of saved and exported assessments.
pub const FORMAT: &str = "repere/assessment";
/// The version written.
pub const VERSION: u32 = 2;
/// The `app` field of export files.
pub const APP: &str = "Repère";
/// Largest saved state, export file or inflated share link, in bytes. Above the worst case
/// of a valid assessment (about 7 MB: the text budget, all escaped, plus every key at its
/// longest).
pub const MAX_SAVED_BYTES: usize = 8 * 1024 * 1024;

/// Longest `detail` of [`CodecError::Malformed`], in characters.
pub const MAX_DETAIL_CHARS: usize = 300;

/// Why a saved state, file or link cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// Nothing to read.
    Empty,
    /// Over the size limit ([`MAX_SAVED_BYTES`], [`MAX_SHARE_CHARS`]).
    TooLarge,
    /// Not a Repère assessment (other JSON, another kind of file).
    Foreign,
    /// Written by a newer version of Repère, in a format this one does not know.
    TooNew { version: u64 },
    /// A Repère assessment that cannot be parsed: broken JSON, wrong field types, unknown
    /// level… `detail` is technical (field path and parser message).
    Malformed { detail: String },
    /// Parsed, but breaks a rule (too long, duplicate ids…).
    Invalid(AssessmentError),
    /// A share link cut short.
    Truncated,
    /// A share link whose content does not match its checksum: it was altered.
    Tampered,
    /// A share link with characters or data no version of Repère writes.
    BadEncoding,
}

/// The kind of a [`CodecError`], without its data: what the UI translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodecErrorKind {
    Empty,
    TooLarge,
    Foreign,
    TooNew,
    Malformed,
    Invalid,
    Truncated,
    Tampered,
    BadEncoding,
}

impl CodecErrorKind {
    pub const ALL: [CodecErrorKind; 9] = [
        CodecErrorKind::Empty,
        CodecErrorKind::TooLarge,
        CodecErrorKind::Foreign,
        CodecErrorKind::TooNew,
        CodecErrorKind::Malformed,
        CodecErrorKind::Invalid,
        CodecErrorKind::Truncated,
        CodecErrorKind::Tampered,
        CodecErrorKind::BadEncoding,
    ];

    /// Stable identifier.
    pub fn as_str(self) -> &'static str {
        match self {
            CodecErrorKind::Empty => "empty",
            CodecErrorKind::TooLarge => "too_large",
            CodecErrorKind::Foreign => "foreign",
            CodecErrorKind::TooNew => "too_new",
            CodecErrorKind::Malformed => "malformed",
            CodecErrorKind::Invalid => "invalid",
            CodecErrorKind::Truncated => "truncated",
            CodecErrorKind::Tampered => "tampered",
            CodecErrorKind::BadEncoding => "bad_encoding",
        }
    }
}

impl CodecError {
    pub fn kind(&self) -> CodecErrorKind {
        match self {
            CodecError::Empty => CodecErrorKind::Empty,
            CodecError::TooLarge => CodecErrorKind::TooLarge,
            CodecError::Foreign => CodecErrorKind::Foreign,
            CodecError::TooNew { .. } => CodecErrorKind::TooNew,
            CodecError::Malformed { .. } => CodecErrorKind::Malformed,
            CodecError::Invalid(_) => CodecErrorKind::Invalid,
            CodecError::Truncated => CodecErrorKind::Truncated,
            CodecError::Tampered => CodecErrorKind::Tampered,
            CodecError::BadEncoding => CodecErrorKind::BadEncoding,
        }
    }

    /// A `Malformed` error; the detail is cut to [`MAX_DETAIL_CHARS`], as parser messages
    /// may quote the offending value.
    fn malformed(detail: impl Into<String>) -> CodecError {
        let mut detail: String = detail.into();
        if let Some((cut, _)) = detail.char_indices().nth(MAX_DETAIL_CHARS) {
            detail.truncate(cut);
            detail.push('…');
        }
        CodecError::Malformed { detail }
    }
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodecError::Empty => write!(f, "nothing to read"),
            CodecError::TooLarge => write!(f, "too large to be a Repère assessment"),
            CodecError::Foreign => write!(f, "not a Repère assessment"),
            CodecError::TooNew { version } => {
                write!(f, "written by a newer Repère (format version {version}, this one reads up to {VERSION})")
            }
            CodecError::Malformed { detail } => write!(f, "damaged Repère assessment: {detail}"),
            CodecError::Invalid(e) => write!(f, "invalid Repère assessment ({}): {e}", e.code()),
            CodecError::Truncated => write!(f, "the share link is incomplete"),
            CodecError::Tampered => write!(f, "the share link was altered (checksum mismatch)"),
            CodecError::BadEncoding => write!(f, "not a Repère share link"),
        }
    }
}

impl std::error::Error for CodecError {}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    app: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported: Option<String>,
    #[serde(flatten)]
    assessment: &'a Assessment,
}

/// The version-1 shape (see the module documentation).
#[derive(Deserialize)]
struct V1 {
    #[serde(default)]
    selection: Vec<String>,
    #[serde(default)]
    ratings: BTreeMap<String, u8>,
}

/// The state kept in local storage: compact JSON, version [`VERSION`].
pub fn encode_saved(a: &Assessment) -> String {
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        app: None,
        exported: None,
        assessment: a,
    };
    // Cannot fail: every map key is a string and no value has a failing `Serialize`.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// The export file: the saved state, pretty-printed, with the app name and the day.
pub fn encode_export(a: &Assessment, today: Date) -> String {
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        app: Some(APP),
        exported: Some(today.iso()),
        assessment: a,
    };
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// Reads the state kept in local storage (any version, or an export file).
pub fn decode_saved(text: &str) -> Result<Assessment, CodecError> {
    decode_json(text)
}

/// Reads an imported file or pasted text: versions 1 and 2, saved state or export. Text that
/// is not JSON at all (it does not start with `{`) is [`CodecError::Foreign`]; JSON that
/// starts as an object but breaks off is [`CodecError::Malformed`].
pub fn decode_import(text: &str) -> Result<Assessment, CodecError> {
    decode_json(text)
}

/// Reads text pasted by the user: the content of an export file, a whole share link, its
/// fragment (`#/partage/…`) or its bare payload. A link wrapped over several lines by a mail
/// client is read as if it were on one line.
pub fn decode_pasted(text: &str) -> Result<Assessment, CodecError> {
    if text.len() > MAX_SAVED_BYTES {
        return Err(CodecError::TooLarge);
    }
    let trimmed = text.strip_prefix('\u{feff}').unwrap_or(text).trim();
    if trimmed.is_empty() {
        return Err(CodecError::Empty);
    }
    if trimmed.starts_with('{') {
        return decode_import(trimmed);
    }
    let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    let is_payload = compact
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if compact.contains(SHARE_PREFIX) || is_payload {
        return decode_share(&compact);
    }
    decode_import(trimmed)
}

/// Where a text to read comes from: each has its own decoder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The state kept in local storage (this tab's or another tab's).
    Saved,
    /// A file chosen for import.
    File,
    /// Text pasted on the "my data" page.
    Pasted,
    /// The payload of a share link being opened.
    ShareLink,
}

/// Work read from outside the running app, restricted to what the catalogue knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub assessment: Assessment,
    /// What was dropped because the catalogue does not know it (data updated since).
    pub pruned: Pruned,
}

/// The one way into the app for saved state, files, pasted text and share links: decodes with
/// the decoder of `origin`, then prunes against `catalogue`, so that no entry point can bring
/// in a code or competency the app does not know.
pub fn read_incoming(
    origin: Origin,
    text: &str,
    catalogue: &Catalogue,
) -> Result<Incoming, CodecError> {
    let decoded = match origin {
        Origin::Saved => decode_saved(text),
        Origin::File => decode_import(text),
        Origin::Pasted => decode_pasted(text),
        Origin::ShareLink => decode_share(text),
    };
    restrict(decoded, catalogue)
}

/// [`read_incoming`] for [`Origin::Saved`] alone, the one the app needs at start-up: it does not
/// reach the share-link decoder (and its inflate), which the first load can then leave to the
/// pages that read links, files and pasted text (`ui::split`).
pub fn read_saved(text: &str, catalogue: &Catalogue) -> Result<Incoming, CodecError> {
    restrict(decode_saved(text), catalogue)
}

fn restrict(
    decoded: Result<Assessment, CodecError>,
    catalogue: &Catalogue,
) -> Result<Incoming, CodecError> {
    let mut assessment = decoded?;
    let pruned = assessment.prune(catalogue);
    Ok(Incoming { assessment, pruned })
}

fn decode_json(text: &str) -> Result<Assessment, CodecError> {
    if text.len() > MAX_SAVED_BYTES {
        return Err(CodecError::TooLarge);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim();
    if text.is_empty() {
        return Err(CodecError::Empty);
    }
    // Only an object can be one of our files (a struct would also accept an array).
    if !text.starts_with('{') {
        return Err(CodecError::Foreign);
    }
    let header: Header =
        serde_json::from_str(text).map_err(|e| CodecError::malformed(e.to_string()))?;
    if header.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(CodecError::Foreign);
    }
    let version = header
        .version
        .as_ref()
        .and_then(Value::as_u64)
        .ok_or_else(|| CodecError::malformed("version: expected a whole number"))?;
    let a = match version {
        1 => migrate_v1(parse(text)?)?,
        2 => parse(text)?,
        v if v > u64::from(VERSION) => return Err(CodecError::TooNew { version: v }),
        v => return Err(CodecError::malformed(format!("version: {v} never existed"))),
    };
    finish(a)
}

/// What a file says of itself, read before the rest (other fields are skipped unread).
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<Value>,
    #[serde(default)]
    version: Option<Value>,
}

/// The whole text as `T`, straight from the text (no `Value` in between, which would compile a
/// second deserializer of every type into the app).
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, CodecError> {
    #[cfg(target_arch = "wasm32")]
    {
        serde_json::from_str(text).map_err(|e| CodecError::malformed(e.to_string()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text))
        .map_err(|e| CodecError::malformed(format!("{}: {}", e.path(), e.inner())))
}

fn migrate_v1(v1: V1) -> Result<Assessment, CodecError> {
    let mut ratings = BTreeMap::new();
    for (id, n) in v1.ratings {
        let level = Level::from_index(u64::from(n)).ok_or_else(|| {
            CodecError::malformed(format!("ratings.{id}: {n} is not a level 0–3"))
        })?;
        ratings.insert(id, level);
    }
    Ok(Assessment {
        selection: v1.selection,
        ratings,
        ..Assessment::default()
    })
}

/// Last step of every decoder: repair, then check.
fn finish(mut a: Assessment) -> Result<Assessment, CodecError> {
    a.normalize();
    a.validate().map_err(CodecError::Invalid)?;
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{
        Experience, ExperienceKind, YearMonth, MAX_DISMISSED, MAX_EXPERIENCES, MAX_ID_CHARS,
        MAX_KEYS, MAX_LINKS, MAX_NOTE_CHARS, MAX_SELECTED, MAX_TEXT_BYTES,
    };
    use std::collections::BTreeSet;

    const C1: &str = "RNCP37722BC01-C01";
    const C2: &str = "RNCP37722BC01-C02";

    fn ok<T, E: fmt::Debug>(r: Result<T, E>) -> T {
        r.unwrap_or_else(|e| panic!("unexpected error {e:?}"))
    }

    pub(super) fn sample() -> Assessment {
        let mut a = Assessment::default();
        ok(a.select("RNCP37722"));
        ok(a.select("RNCP2383"));
        ok(a.rate(C1, Some(Level::Alone)));
        ok(a.rate(C2, Some(Level::WithHelp)));
        ok(a.rate("RNCP2383BC01-C01", Some(Level::CanTeach)));
        ok(a.set_note(C1, "Fait « seul » depuis 2019\n\"guillemets\" \\ 🚀"));
        let e = ok(a.add_experience(Experience {
            start: YearMonth::parse("2019-09"),
            description: "Accueil du public, caisse.\n".into(),
            ..Experience::new("Hôtesse d'accueil", ExperienceKind::Emploi)
        }));
        ok(a.add_experience(Experience::new("Club de foot", ExperienceKind::Benevolat)));
        ok(a.accept_suggestion(e, C1, Level::Alone));
        ok(a.dismiss_suggestion(e, C2));
        a
    }

    #[test]
    fn pasted_text_is_a_file_a_link_a_fragment_or_a_bare_payload() {
        let a = sample();
        let payload = share::encode_share(&a, true);
        let expected = Ok(shared_view(&a, true));
        let wrapped = format!("{}\n  {}", &payload[..20], &payload[20..]);
        let cases: Vec<(String, Result<Assessment, CodecError>)> = vec![
            (
                format!("https://example.org/repere/{SHARE_PREFIX}{payload}"),
                expected.clone(),
            ),
            (format!("  {SHARE_PREFIX}{payload}\n"), expected.clone()),
            (payload.clone(), expected.clone()),
            (format!(" {payload} "), expected.clone()),
            (wrapped, expected.clone()),
            (
                encode_export(&a, Date::new(2026, 11, 22).unwrap()),
                Ok(a.clone()),
            ),
            (format!("\u{feff}{}", encode_saved(&a)), Ok(a.clone())),
            ("".into(), Err(CodecError::Empty)),
            ("   \n".into(), Err(CodecError::Empty)),
            ("bonjour, voici mon bilan".into(), Err(CodecError::Foreign)),
            (
                "https://example.org/#/fiche/RNCP37722".into(),
                Err(CodecError::Foreign),
            ),
            ("!!!not-base64!!!".into(), Err(CodecError::Foreign)),
            (
                payload[..payload.len() - 7].to_owned(),
                Err(CodecError::Truncated),
            ),
            ("x".repeat(MAX_SAVED_BYTES + 1), Err(CodecError::TooLarge)),
        ];
        for (text, want) in cases {
            let shown: String = text.chars().take(60).collect();
            assert_eq!(decode_pasted(&text), want, "{shown:?}");
        }
    }

    #[test]
    fn every_entry_point_prunes_against_the_catalogue() {
        let cat = Catalogue::bundled().unwrap();
        let mut a = sample();
        // Work saved with a certification the catalogue no longer has.
        a.selection.push("RNCP1".into());
        a.ratings.insert("RNCP1BC01-C01".into(), Level::Alone);
        a.notes.insert("RNCP1BC01-C01".into(), "ancienne".into());
        let saved = encode_saved(&a);
        let link = share::encode_share(&a, true);
        let today = Date::new(2026, 11, 22).unwrap();
        let cases = [
            (Origin::Saved, saved.clone()),
            (Origin::File, encode_export(&a, today)),
            (Origin::Pasted, saved),
            (
                Origin::Pasted,
                format!("https://x.test/{SHARE_PREFIX}{link}"),
            ),
            (Origin::ShareLink, link),
        ];
        for (origin, text) in cases {
            let incoming = read_incoming(origin, &text, &cat).unwrap();
            if origin == Origin::Saved {
                assert_eq!(read_saved(&text, &cat), Ok(incoming.clone()), "read_saved");
            }
            assert_eq!(
                incoming.pruned.codes,
                vec!["RNCP1".to_owned()],
                "{origin:?}"
            );
            assert_eq!(
                incoming.pruned.competencies,
                vec!["RNCP1BC01-C01".to_owned()],
                "{origin:?}"
            );
            assert_eq!(incoming.assessment.selection, vec!["RNCP37722", "RNCP2383"]);
            assert!(
                incoming.assessment.rating("RNCP1BC01-C01").is_none(),
                "{origin:?}"
            );
            assert_eq!(
                incoming.assessment.rating(C1),
                Some(Level::Alone),
                "{origin:?}"
            );
        }
        assert_eq!(
            read_incoming(Origin::File, "{}", &cat),
            Err(CodecError::Foreign),
            "errors pass through"
        );
        assert_eq!(read_saved("", &cat), Err(CodecError::Empty));
    }

    #[test]
    fn saved_and_export_round_trip() {
        for a in [Assessment::default(), sample()] {
            let saved = encode_saved(&a);
            assert!(
                saved.starts_with(r#"{"format":"repere/assessment","version":2,"#),
                "{saved}"
            );
            assert_eq!(decode_saved(&saved), Ok(a.clone()));
            let day = ok(Date::parse_iso("2026-03-05"));
            let export = encode_export(&a, day);
            assert!(
                export.contains(r#""app": "Repère""#)
                    && export.contains(r#""exported": "2026-03-05""#)
            );
            assert_eq!(decode_import(&export), Ok(a.clone()));
            assert_eq!(
                decode_saved(&export),
                Ok(a.clone()),
                "the saved-state reader takes exports"
            );
            assert_eq!(
                decode_import(&format!("\u{feff}\n{export}\n")),
                Ok(a),
                "BOM and blanks"
            );
        }
    }

    #[test]
    fn saved_shape_is_documented() {
        let mut a = Assessment::default();
        ok(a.select("RNCP37722"));
        ok(a.rate(C1, Some(Level::CanTeach)));
        let e = ok(a.add_experience(Experience {
            start: YearMonth::parse("2019-09"),
            ..Experience::new("Stage", ExperienceKind::Stage)
        }));
        ok(a.accept_suggestion(e, C2, Level::WithHelp));
        ok(a.dismiss_suggestion(e, C1));
        assert_eq!(
            encode_saved(&a),
            concat!(
                r#"{"format":"repere/assessment","version":2,"selection":["RNCP37722"],"#,
                r#""ratings":{"RNCP37722BC01-C01":"can_teach","RNCP37722BC01-C02":"with_help"},"#,
                r#""notes":{},"experiences":[{"id":1,"title":"Stage","kind":"stage","#,
                r#""start":"2019-09","end":null,"description":""}],"#,
                r#""evidence":{"RNCP37722BC01-C02":[1]},"dismissed":[[1,"RNCP37722BC01-C01"]]}"#
            )
        );
    }

    #[test]
    fn v1_migration_table() {
        fn check(json: &str, expected: Result<Assessment, CodecErrorKind>) {
            assert_eq!(
                decode_import(json).map_err(|e| e.kind()),
                expected,
                "{json}"
            );
        }
        let mut a = Assessment::default();
        ok(a.select("RNCP37722"));
        ok(a.rate(C1, Some(Level::NotYet)));
        ok(a.rate(C2, Some(Level::CanTeach)));
        check(
            r#"{"format":"repere/assessment","version":1,"selection":["RNCP37722"],
                "ratings":{"RNCP37722BC01-C01":0,"RNCP37722BC01-C02":3}}"#,
            Ok(a),
        );
        check(
            r#"{"format":"repere/assessment","version":1}"#,
            Ok(Assessment::default()),
        );
        let mut b = Assessment::default();
        ok(b.select("RNCP1"));
        check(
            r#"{"format":"repere/assessment","version":1,"selection":["RNCP1","RNCP1"]}"#,
            Ok(b),
        );
        check(
            r#"{"format":"repere/assessment","version":1,"ratings":{"RNCP37722BC01-C01":4}}"#,
            Err(CodecErrorKind::Malformed),
        );
        check(
            r#"{"format":"repere/assessment","version":1,"ratings":{"RNCP37722BC01-C01":"alone"}}"#,
            Err(CodecErrorKind::Malformed),
        );
        check(
            r#"{"format":"repere/assessment","version":1,"ratings":{"bad id":1}}"#,
            Err(CodecErrorKind::Invalid),
        );
    }

    #[test]
    fn json_error_table() {
        fn check(text: &str, expected: CodecErrorKind) {
            let got = decode_import(text).map_err(|e| e.kind());
            assert_eq!(
                got,
                Err(expected),
                "{:?}",
                text.chars().take(120).collect::<String>()
            );
        }
        use CodecErrorKind::*;
        check("", Empty);
        check(" \n\t", Empty);
        check("\u{feff}", Empty);
        check(r#"{"foo":1}"#, Foreign);
        check("[1,2,3]", Foreign);
        check("[]", Foreign);
        check("\"repere/assessment\"", Foreign);
        check("42", Foreign);
        check("null", Foreign);
        check("%PDF-1.7\u{0}\u{1}\u{fffd}\u{fffd}", Foreign);
        check("\u{0}\u{7f}\u{fffd}binary", Foreign);
        check(r#"{"format":"other/app","version":2}"#, Foreign);
        check(r#"{"format":2,"version":2}"#, Foreign);
        check(r#"{"format":"repere/assessment","version":3}"#, TooNew);
        check(
            r#"{"format":"repere/assessment","version":99999999999}"#,
            TooNew,
        );
        check(r#"{"format":"repere/assessment","version":0}"#, Malformed);
        check(r#"{"format":"repere/assessment","version":"2"}"#, Malformed);
        check(r#"{"format":"repere/assessment","version":2.5}"#, Malformed);
        check(r#"{"format":"repere/assessment"}"#, Malformed);
        check(r#"{"format":"repere/assessment","version":2"#, Malformed);
        check(
            r#"{"format":"repere/assessment","version":2,"ratings":{"X":"expert"}}"#,
            Malformed,
        );
        check(
            r#"{"format":"repere/assessment","version":2,"ratings":[]}"#,
            Malformed,
        );
        check(
            r#"{"format":"repere/assessment","version":2,"experiences":[{"id":1,"title":"a","kind":"emploi","start":"2020-13"}]}"#,
            Malformed,
        );
        check(
            r#"{"format":"repere/assessment","version":2,"experiences":[{"id":-1,"title":"a","kind":"emploi"}]}"#,
            Malformed,
        );
        check(
            r#"{"format":"repere/assessment","version":2,"experiences":[{"id":1,"title":" ","kind":"emploi"}]}"#,
            Invalid,
        );
        check(
            r#"{"format":"repere/assessment","version":2,"experiences":[{"id":1,"title":"a","kind":"emploi"},{"id":1,"title":"b","kind":"stage"}]}"#,
            Invalid,
        );
        check(
            r#"{"format":"repere/assessment","version":2,"experiences":[{"id":1,"title":"a","kind":"emploi","start":"2021-01","end":"2020-01"}]}"#,
            Invalid,
        );
        check(
            &format!(
                r#"{{"format":"repere/assessment","version":2,"notes":{{"X":"{}"}}}}"#,
                "x".repeat(MAX_NOTE_CHARS + 1)
            ),
            Invalid,
        );
        check(&"x".repeat(1 << 20), Foreign);
        check(&format!("{{{}", "x".repeat(1 << 20)), Malformed);
        check(
            &format!(
                r#"{{"format":"repere/assessment","version":2,"pad":"{}"}}"#,
                "x".repeat(MAX_SAVED_BYTES)
            ),
            TooLarge,
        );
        check(&"[".repeat(100_000), Foreign);
        let long = format!(
            r#"{{"format":"repere/assessment","version":2,"ratings":{{"X":"{}"}}}}"#,
            "é".repeat(100_000)
        );
        match decode_import(&long) {
            Err(CodecError::Malformed { detail }) => {
                assert!(detail.starts_with("ratings.X: unknown variant"), "{detail}");
                assert_eq!(detail.chars().count(), MAX_DETAIL_CHARS + 1);
            }
            other => panic!("{other:?}"),
        }
        check(&format!("{{\"a\":{}", "[".repeat(100_000)), Malformed);
    }

    #[test]
    fn decoding_repairs_harmless_inconsistencies() {
        let json = r#"{"format":"repere/assessment","version":2,"selection":["RNCP1","RNCP1"],
            "notes":{"A":"  ","B":"b"},"evidence":{"A":[7],"B":[]},"dismissed":[[7,"A"]],
            "extra":"ignored"}"#;
        let mut expected = Assessment::default();
        ok(expected.select("RNCP1"));
        ok(expected.set_note("B", "b"));
        assert_eq!(decode_saved(json), Ok(expected));
    }

    #[test]
    fn error_kinds_are_stable_and_distinct() {
        let ids: BTreeSet<&str> = CodecErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(ids.len(), CodecErrorKind::ALL.len());
        let errors = [
            CodecError::Empty,
            CodecError::TooLarge,
            CodecError::Foreign,
            CodecError::TooNew { version: 3 },
            CodecError::Malformed { detail: "x".into() },
            CodecError::Invalid(AssessmentError::TitleEmpty),
            CodecError::Truncated,
            CodecError::Tampered,
            CodecError::BadEncoding,
        ];
        let kinds: Vec<CodecErrorKind> = errors.iter().map(CodecError::kind).collect();
        assert_eq!(kinds, CodecErrorKind::ALL);
        assert!(errors.iter().all(|e| !e.to_string().is_empty()));
    }

    /// The largest assessment the limits allow, with texts that escape to 6 bytes each in
    /// JSON, still saves under the size limit and reads back.
    pub(super) fn worst_case() -> Assessment {
        let id =
            |prefix: &str, i: usize| format!("{prefix}{i:0>w$}", w = MAX_ID_CHARS - prefix.len());
        let mut a = Assessment {
            selection: (0..MAX_SELECTED).map(|i| id("S", i)).collect(),
            ratings: (0..MAX_KEYS)
                .map(|i| (id("R", i), Level::CanTeach))
                .collect(),
            experiences: (1..=MAX_EXPERIENCES as u32)
                .map(|i| Experience {
                    id: u32::MAX - i,
                    start: YearMonth::parse("2000-01"),
                    end: YearMonth::parse("2024-12"),
                    ..Experience::new("\u{1}", ExperienceKind::ViePersonnelle)
                })
                .collect(),
            ..Assessment::default()
        };
        let note = "\u{1}".repeat(MAX_NOTE_CHARS);
        let room = MAX_TEXT_BYTES - a.text_bytes();
        a.notes = (0..room / MAX_NOTE_CHARS)
            .map(|i| (id("N", i), note.clone()))
            .collect();
        let per_key = MAX_LINKS / MAX_KEYS + 1;
        a.evidence = (0..MAX_KEYS)
            .map(|i| {
                (
                    id("E", i),
                    (0..per_key)
                        .map(|j| u32::MAX - 1 - (i * per_key + j) as u32 % 200)
                        .collect(),
                )
            })
            .collect();
        while a.evidence.values().map(BTreeSet::len).sum::<usize>() > MAX_LINKS {
            a.evidence.pop_last();
        }
        a.dismissed = (0..MAX_DISMISSED)
            .map(|i| (u32::MAX - 1 - (i % 200) as u32, id("D", i)))
            .collect();
        ok(a.validate());
        a
    }

    #[test]
    fn worst_case_fits() {
        let a = worst_case();
        let saved = encode_saved(&a);
        assert!(saved.len() <= MAX_SAVED_BYTES, "{} bytes", saved.len());
        assert_eq!(decode_saved(&saved).as_ref(), Ok(&a));
        let export = encode_export(&a, ok(Date::parse_iso("2026-01-01")));
        assert!(export.len() <= MAX_SAVED_BYTES, "{} bytes", export.len());
    }
}
