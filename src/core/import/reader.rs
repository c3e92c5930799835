//! Streaming reader of the export (native only): cuts the byte stream into `<FICHE>` elements
//! and parses each with `quick-xml`, so memory stays bounded by the largest fiche and a broken
//! fiche never stops the others.
//!
//! Every field is read at its own element path (a stack of element names), never at the first
//! element of that name: `NUMERO_FICHE` also occurs in correspondences, `BLOC_COMPETENCES` also
//! lists other fiches' blocs there, and `ACTIF` also belongs to each access route (`SI_JURY_*`).
//! Elements of the V4.1 schema that the app does not use are skipped whole (`PARTENAIRES`, most
//! of the bytes, is cut out before parsing); any other element is reported (fiche + path) and
//! skipped.

use std::io::{self, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::fiche::{Issue, RawBloc, RawCertifier, RawFiche, RawJury, RawStat, Severity};
use crate::core::model::{AccessRouteKind, CodeLabel};

/// A fiche larger than this (no `</FICHE>` for that long) is reported and skipped.
pub const MAX_FICHE_BYTES: usize = 64 << 20;
/// Content between two fiches kept in memory at most (more is checked and dropped).
const MAX_BETWEEN_BYTES: usize = 1 << 20;
/// Bytes read from the input at a time.
const BLOCK: usize = 1 << 20;

/// One `<FICHE>` element as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFiche {
    /// Rank in the file, from 1.
    pub ordinal: usize,
    pub raw: RawFiche,
    /// Unknown elements (warnings) and XML errors (errors).
    pub issues: Vec<Issue>,
    /// Set when an XML error makes the fiche unusable.
    pub failed: bool,
}

/// What was seen outside the fiches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stream {
    /// `VERSION_FLUX`, when given.
    pub version: Option<String>,
    pub bytes: u64,
    /// Problems outside any fiche (stray content).
    pub issues: Vec<Issue>,
}

/// Reads every `<FICHE>` of `input` in order and hands each to `on_fiche`. Fails only on an
/// I/O error of `input`.
pub fn read_fiches<R: Read>(input: R, on_fiche: impl FnMut(ReadFiche)) -> io::Result<Stream> {
    read_in_blocks(input, BLOCK, on_fiche)
}

/// [`read_fiches`] reading `block` bytes at a time (small blocks test the cuts).
fn read_in_blocks<R: Read>(
    mut input: R,
    block: usize,
    mut on_fiche: impl FnMut(ReadFiche),
) -> io::Result<Stream> {
    let mut stream = Stream::default();
    let mut buf: Vec<u8> = Vec::with_capacity(2 * BLOCK);
    // `buf[0]` is at this offset of the input.
    let mut base: u64 = 0;
    let mut eof = false;
    let mut ordinal = 0;
    loop {
        // Look for the next fiche start in what we have.
        let Some(s) = find_start(&buf, 0) else {
            if eof {
                check_between(&buf, base, &mut stream);
                break;
            }
            // Content between fiches is small (the prologue, blanks): keep it whole until the
            // next fiche, unless it grows (a file that is no export), then let it go but for a
            // tag cut by the end of the block (`<FICH`, `</FICH`).
            if buf.len() > MAX_BETWEEN_BYTES {
                let done = match buf.iter().rposition(|&b| b == b'<') {
                    Some(p) if !buf[p..].contains(&b'>') => p,
                    _ => buf.len(),
                };
                check_between(&buf[..done], base, &mut stream);
                buf.drain(..done);
                base += done as u64;
            }
            eof = fill(&mut input, &mut buf, block)?;
            continue;
        };
        check_between(&buf[..s], base, &mut stream);
        buf.drain(..s);
        base += s as u64;
        // The fiche runs to its `</FICHE>`, or to the next `<FICHE` (unclosed), or to the end.
        let mut end_scan = 6;
        let end = loop {
            let close = find(&buf, end_scan, b"</FICHE>");
            let next = find_start(&buf, end_scan);
            match (close, next) {
                (Some(c), Some(n)) if n < c => break Some(n),
                (Some(c), _) => break Some(c + b"</FICHE>".len()),
                (None, Some(n)) => break Some(n),
                (None, None) if eof => break None,
                (None, None) => {
                    if buf.len() > MAX_FICHE_BYTES {
                        break Some(usize::MAX);
                    }
                    end_scan = buf.len().saturating_sub(8).max(6);
                    eof = fill(&mut input, &mut buf, block)?;
                }
            }
        };
        ordinal += 1;
        let (len, fiche) = match end {
            Some(usize::MAX) => {
                let issue = Issue {
                    severity: Severity::Error,
                    fiche: format!("fiche n°{ordinal} (at byte {base})"),
                    element: "FICHE".into(),
                    message: format!(
                        "no </FICHE> within {} MiB: skipped up to the next <FICHE>",
                        MAX_FICHE_BYTES >> 20
                    ),
                };
                // Drop everything up to the next start.
                let mut dropped = buf.len();
                buf.clear();
                loop {
                    if eof {
                        break;
                    }
                    eof = fill(&mut input, &mut buf, block)?;
                    if let Some(n) = find_start(&buf, 0) {
                        buf.drain(..n);
                        dropped += n;
                        break;
                    }
                    let keep = buf.len().saturating_sub(6);
                    buf.drain(..keep);
                    dropped += keep;
                }
                let fiche = ReadFiche {
                    ordinal,
                    raw: RawFiche::default(),
                    issues: vec![issue],
                    failed: true,
                };
                on_fiche(fiche);
                base += dropped as u64;
                continue;
            }
            Some(e) => (e, parse_fiche(&buf[..e], ordinal)),
            None => (buf.len(), parse_fiche(&buf, ordinal)),
        };
        on_fiche(fiche);
        buf.drain(..len);
        base += len as u64;
    }
    stream.bytes = base + buf.len() as u64;
    Ok(stream)
}

/// Reads one more block; returns whether the input is exhausted.
fn fill<R: Read>(input: &mut R, buf: &mut Vec<u8>, block: usize) -> io::Result<bool> {
    let old = buf.len();
    buf.resize(old + block, 0);
    let mut filled = old;
    loop {
        match input.read(&mut buf[filled..]) {
            Ok(0) => {
                buf.truncate(filled);
                return Ok(true);
            }
            Ok(n) => {
                filled += n;
                if filled - old >= block / 2 || filled == buf.len() {
                    buf.truncate(filled);
                    return Ok(false);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                buf.truncate(filled);
                return Err(e);
            }
        }
    }
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    memchr::memmem::find(&hay[from..], needle).map(|i| i + from)
}

/// The next `<FICHE>` / `<FICHE …>` start tag (not `<FICHES>`).
fn find_start(hay: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = find(hay, from, b"<FICHE")?;
        match hay.get(at + 6) {
            Some(b'>' | b' ' | b'\t' | b'\r' | b'\n' | b'/') => return Some(at),
            Some(_) => from = at + 6,
            None => return None,
        }
    }
}

/// Content between fiches: the prologue (`<?xml?>`, `<FICHES>`, `VERSION_FLUX`), comments and
/// blanks are expected; anything else is reported.
fn check_between(seg: &[u8], base: u64, stream: &mut Stream) {
    if seg.iter().all(u8::is_ascii_whitespace) {
        return;
    }
    let text = String::from_utf8_lossy(&seg[..seg.len().min(64 << 10)]);
    let mut rest: &str = &text;
    let mut stray = String::new();
    while let Some(lt) = rest.find('<') {
        stray.push_str(rest[..lt].trim());
        let tail = &rest[lt..];
        let end = if tail.starts_with("<!--") {
            tail.find("-->").map(|e| e + 3)
        } else {
            tail.find('>').map(|e| e + 1)
        };
        let Some(end) = end else {
            stray.push_str(tail);
            rest = "";
            break;
        };
        let tag = &tail[..end];
        if tag == "<VERSION_FLUX>" {
            if let Some(close) = tail.find("</VERSION_FLUX>") {
                stream.version = Some(tail[end..close].trim().to_owned());
                rest = &tail[close + "</VERSION_FLUX>".len()..];
                continue;
            }
        }
        let known = tag.starts_with("<?")
            || tag.starts_with("<!")
            || tag.starts_with("<FICHES")
            || tag == "</FICHES>";
        if !known {
            stray.push_str(tag);
        }
        rest = &tail[end..];
    }
    stray.push_str(rest.trim());
    if !stray.is_empty() {
        let shown: String = stray.chars().take(60).collect();
        stream.issues.push(Issue {
            severity: Severity::Warning,
            fiche: "(outside any fiche)".into(),
            element: "FICHES".into(),
            message: format!(
                "unexpected content near byte {base} ignored: {:?}",
                shown.escape_debug().to_string()
            ),
        });
    }
}

/// How an element path is handled.
enum Kind {
    /// Its text is a field.
    Text,
    /// Its children are read.
    Container,
    /// Known to the schema, not used by the app: skipped with its children.
    Ignored,
}

fn classify(path: &str) -> Option<Kind> {
    use Kind::*;
    const JURY: [&str; 6] = [
        "SI_JURY_FI",
        "SI_JURY_CA",
        "SI_JURY_FC",
        "SI_JURY_CQ",
        "SI_JURY_CL",
        "SI_JURY_VAE",
    ];
    let rest = path.strip_prefix("FICHE/")?;
    let kind = match rest {
        "ID_FICHE" | "NUMERO_FICHE" | "INTITULE" | "ETAT_FICHE" | "ACTIF" => Text,
        "ABREGE" | "NOMENCLATURE_EUROPE" => Container,
        "ABREGE/CODE" | "ABREGE/LIBELLE" | "NOMENCLATURE_EUROPE/NIVEAU" => Text,
        "ABREGE/INTITULE" | "NOMENCLATURE_EUROPE/LIBELLE" | "NOMENCLATURE_EUROPE/INTITULE" => {
            Ignored
        }
        "CERTIFICATEURS" | "CERTIFICATEURS/CERTIFICATEUR" => Container,
        "CERTIFICATEURS/CERTIFICATEUR/SIRET_CERTIFICATEUR"
        | "CERTIFICATEURS/CERTIFICATEUR/NOM_CERTIFICATEUR"
        | "CERTIFICATEURS/CERTIFICATEUR/ETAT_CERTIFICATEUR" => Text,
        "CODES_NSF"
        | "CODES_NSF/NSF"
        | "FORMACODES"
        | "FORMACODES/FORMACODE"
        | "CODES_ROME"
        | "CODES_ROME/ROME" => Container,
        "CODES_NSF/NSF/CODE"
        | "CODES_NSF/NSF/LIBELLE"
        | "CODES_NSF/NSF/INTITULE"
        | "FORMACODES/FORMACODE/CODE"
        | "FORMACODES/FORMACODE/LIBELLE"
        | "CODES_ROME/ROME/CODE"
        | "CODES_ROME/ROME/LIBELLE" => Text,
        "DATE_FIN_ENREGISTREMENT"
        | "OBJECTIFS_CONTEXTE"
        | "ACTIVITES_VISEES"
        | "CAPACITES_ATTESTEES"
        | "SECTEURS_ACTIVITE"
        | "TYPE_EMPLOI_ACCESSIBLES"
        | "REGLEMENTATIONS_ACTIVITES"
        | "PREREQUIS_ENTREE_FORMATION" => Text,
        "STATISTIQUES_PROMOTIONS" | "STATISTIQUES_PROMOTIONS/STATISTIQUES_PROMOTION" => Container,
        r if r.starts_with("STATISTIQUES_PROMOTIONS/STATISTIQUES_PROMOTION/") => Text,
        "ANCIENNES_CERTIFICATIONS"
        | "ANCIENNES_CERTIFICATIONS/ANCIENNE_CERTIFICATION"
        | "NOUVELLES_CERTIFICATIONS"
        | "NOUVELLES_CERTIFICATIONS/NOUVELLE_CERTIFICATION" => Container,
        "ANCIENNES_CERTIFICATIONS/ANCIENNE_CERTIFICATION/ID_FICHE_ANCIENNE_CERTIFICATION"
        | "NOUVELLES_CERTIFICATIONS/NOUVELLE_CERTIFICATION/ID_FICHE_NOUVELLE_CERTIFICATION"
        | "ANCIENNE_CERTIFICATION"
        | "NOUVELLE_CERTIFICATION" => Text,
        "BLOCS_COMPETENCES" | "BLOCS_COMPETENCES/BLOC_COMPETENCES" => Container,
        "BLOCS_COMPETENCES/BLOC_COMPETENCES/CODE"
        | "BLOCS_COMPETENCES/BLOC_COMPETENCES/LIBELLE"
        | "BLOCS_COMPETENCES/BLOC_COMPETENCES/LISTE_COMPETENCES"
        | "BLOCS_COMPETENCES/BLOC_COMPETENCES/MODALITES_EVALUATION" => Text,
        r if JURY.contains(&r) => Container,
        r if JURY.iter().any(|j| {
            r.strip_prefix(j)
                .is_some_and(|x| x == "/ACTIF" || x == "/COMPOSITION")
        }) =>
        {
            Text
        }
        // The rest of the V4.1 schema: known, not used by the app.
        "PARTENAIRES"
        | "EXISTENCE_PARTENAIRES"
        | "CORRESPONDANCES"
        | "PUBLICATION_DECRET_GENERAL"
        | "PUBLICATION_DECRET_CREATION"
        | "PUBLICATION_DECRET_AUTRE"
        | "ACCESSIBLE_NOUVELLE_CALEDONIE"
        | "ACCESSIBLE_POLYNESIE_FRANCAISE"
        | "DATE_DECISION"
        | "DATE_DERNIER_JO"
        | "DATE_DE_PUBLICATION"
        | "DATE_EFFET"
        | "DATE_LIMITE_DELIVRANCE"
        | "DATE_PREMIERE_DEMANDE"
        | "DUREE_ENREGISTREMENT"
        | "ANNEES_PROMOTIONS_NIVEAU"
        | "LIEN_URL_DESCRIPTION"
        | "LIEN_URL_GENERALE"
        | "TYPE_ENREGISTREMENT"
        | "VALIDATION_PARTIELLE"
        | "PREREQUIS_VALIDATION_CERTIFICATION"
        | "PREREQUIS_ENTREE_FORMATION_BLOC"
        | "PREREQUIS_VALIDATION_BLOC"
        | "JURY_FI"
        | "JURY_CA"
        | "JURY_FC"
        | "JURY_CQ"
        | "JURY_CL"
        | "JURY_VAE"
        | "CCNS"
        | "CCN"
        | "IDCC"
        | "VOIES_D_ACCES"
        | "CERTIFICATEURS/CERTIFICATEUR/DATE_DERNIERE_MODIFICATION_ETAT"
        | "CERTIFICATEURS/CERTIFICATEUR/SITE_INTERNET" => Ignored,
        _ => return None,
    };
    Some(kind)
}

fn jury_kind(name: &str) -> Option<AccessRouteKind> {
    Some(match name {
        "SI_JURY_FI" => AccessRouteKind::InitialTraining,
        "SI_JURY_CA" => AccessRouteKind::Apprenticeship,
        "SI_JURY_FC" => AccessRouteKind::ContinuingTraining,
        "SI_JURY_CQ" => AccessRouteKind::ProfessionalisationContract,
        "SI_JURY_CL" => AccessRouteKind::IndividualApplication,
        "SI_JURY_VAE" => AccessRouteKind::Vae,
        _ => return None,
    })
}

/// The fiche being read.
struct State {
    raw: RawFiche,
    path: String,
    /// Depth inside a skipped element (0: not skipping).
    skip: usize,
    collecting: bool,
    text: String,
    issues: Vec<Issue>,
    /// Blocs seen so far, for paths in messages.
    bloc_count: usize,
}

impl State {
    fn open(&mut self, e: &BytesStart<'_>) {
        let name = e.name().as_ref().to_owned();
        if self.skip > 0 {
            self.skip += 1;
            return;
        }
        if !self.path.is_empty() {
            self.path.push('/');
        }
        self.path.push_str(&name);
        if self.path == "FICHE" {
            return;
        }
        match classify(&self.path) {
            Some(Kind::Text) => {
                self.collecting = true;
                self.text.clear();
            }
            Some(Kind::Container) => self.open_container(&name),
            Some(Kind::Ignored) => self.skip = 1,
            None => {
                let element = self.shown_path();
                if !self.issues.iter().any(|i| i.element == element) {
                    self.issues.push(Issue {
                        severity: Severity::Warning,
                        fiche: String::new(),
                        element,
                        message: "unknown element: ignored".into(),
                    });
                }
                self.skip = 1;
            }
        }
    }

    fn open_container(&mut self, name: &str) {
        let r = &mut self.raw;
        match self.path.as_str() {
            "FICHE/CERTIFICATEURS/CERTIFICATEUR" => r.certifiers.push(RawCertifier::default()),
            "FICHE/CODES_NSF" => {
                r.nsf.get_or_insert_with(Vec::new);
            }
            "FICHE/FORMACODES" => {
                r.formacodes.get_or_insert_with(Vec::new);
            }
            "FICHE/CODES_ROME" => {
                r.rome.get_or_insert_with(Vec::new);
            }
            "FICHE/CODES_NSF/NSF" => r.nsf.get_or_insert_with(Vec::new).push(empty_code()),
            "FICHE/FORMACODES/FORMACODE" => {
                r.formacodes.get_or_insert_with(Vec::new).push(empty_code())
            }
            "FICHE/CODES_ROME/ROME" => r.rome.get_or_insert_with(Vec::new).push(empty_code()),
            "FICHE/STATISTIQUES_PROMOTIONS" => {
                r.statistics.get_or_insert_with(Vec::new);
            }
            "FICHE/STATISTIQUES_PROMOTIONS/STATISTIQUES_PROMOTION" => r
                .statistics
                .get_or_insert_with(Vec::new)
                .push(RawStat::default()),
            "FICHE/BLOCS_COMPETENCES/BLOC_COMPETENCES" => {
                r.blocs.push(RawBloc::default());
                self.bloc_count += 1;
            }
            _ => {
                if let Some(route) = jury_kind(name) {
                    r.juries.push(RawJury {
                        route,
                        active: None,
                        composition: None,
                    });
                    // Older exports give `Oui` / `Non` as the element's own text.
                    self.collecting = true;
                    self.text.clear();
                }
            }
        }
    }

    /// The path with the bloc's rank, for messages.
    fn shown_path(&self) -> String {
        const B: &str = "FICHE/BLOCS_COMPETENCES/BLOC_COMPETENCES";
        match self.path.strip_prefix(B) {
            Some(rest) if self.bloc_count > 0 => format!("{B}[{}]{rest}", self.bloc_count),
            _ => self.path.clone(),
        }
    }

    fn close(&mut self) {
        if self.skip > 0 {
            self.skip -= 1;
            if self.skip > 0 {
                return;
            }
        } else if self.collecting {
            self.collecting = false;
            let value = std::mem::take(&mut self.text);
            self.store(value);
        }
        let cut = self.path.rfind('/').unwrap_or(0);
        self.path.truncate(cut);
    }

    fn store(&mut self, value: String) {
        let r = &mut self.raw;
        let v = Some(value);
        let Some(rest) = self.path.strip_prefix("FICHE/") else {
            return;
        };
        let last_code = |list: &mut Option<Vec<CodeLabel>>, field: &str, v: Option<String>| {
            if let Some(c) = list.as_mut().and_then(|l| l.last_mut()) {
                let s = v.unwrap_or_default().trim().to_owned();
                if field == "CODE" {
                    c.code = s;
                } else {
                    c.label = s;
                }
            }
        };
        match rest {
            "ID_FICHE" => r.id = v.map(|s| s.trim().to_owned()),
            "NUMERO_FICHE" => r.code = v.map(|s| s.trim().to_owned()),
            "INTITULE" => r.title = v,
            "ETAT_FICHE" => r.state = v,
            "ACTIF" => r.active = v,
            "ABREGE/CODE" => r.abbreviation = v,
            "ABREGE/LIBELLE" => r.kind = v,
            "NOMENCLATURE_EUROPE/NIVEAU" => r.level = v,
            "DATE_FIN_ENREGISTREMENT" => r.registration_end = v,
            "OBJECTIFS_CONTEXTE" => r.objectives = v,
            "ACTIVITES_VISEES" => r.activities = v,
            "CAPACITES_ATTESTEES" => r.attested = v,
            "SECTEURS_ACTIVITE" => r.sectors = v,
            "TYPE_EMPLOI_ACCESSIBLES" => r.jobs = v,
            "REGLEMENTATIONS_ACTIVITES" => r.regulations = v,
            "PREREQUIS_ENTREE_FORMATION" => r.prerequisites = v,
            "CODES_NSF/NSF/CODE" => last_code(&mut r.nsf, "CODE", v),
            "CODES_NSF/NSF/LIBELLE" | "CODES_NSF/NSF/INTITULE" => {
                last_code(&mut r.nsf, "LIBELLE", v)
            }
            "FORMACODES/FORMACODE/CODE" => last_code(&mut r.formacodes, "CODE", v),
            "FORMACODES/FORMACODE/LIBELLE" => last_code(&mut r.formacodes, "LIBELLE", v),
            "CODES_ROME/ROME/CODE" => last_code(&mut r.rome, "CODE", v),
            "CODES_ROME/ROME/LIBELLE" => last_code(&mut r.rome, "LIBELLE", v),
            "ANCIENNES_CERTIFICATIONS/ANCIENNE_CERTIFICATION/ID_FICHE_ANCIENNE_CERTIFICATION"
            | "ANCIENNE_CERTIFICATION" => push_code(&mut r.previous, v),
            "NOUVELLES_CERTIFICATIONS/NOUVELLE_CERTIFICATION/ID_FICHE_NOUVELLE_CERTIFICATION"
            | "NOUVELLE_CERTIFICATION" => push_code(&mut r.next, v),
            _ => {
                if let Some(field) = rest.strip_prefix("CERTIFICATEURS/CERTIFICATEUR/") {
                    if let Some(c) = r.certifiers.last_mut() {
                        match field {
                            "SIRET_CERTIFICATEUR" => c.siret = v,
                            "NOM_CERTIFICATEUR" => c.name = v,
                            _ => c.state = v,
                        }
                    }
                } else if let Some(field) = rest.strip_prefix("BLOCS_COMPETENCES/BLOC_COMPETENCES/")
                {
                    if let Some(b) = r.blocs.last_mut() {
                        match field {
                            "CODE" => b.code = v,
                            "LIBELLE" => b.title = v,
                            "LISTE_COMPETENCES" => b.list = v,
                            _ => b.assessment = v,
                        }
                    }
                } else if let Some(field) =
                    rest.strip_prefix("STATISTIQUES_PROMOTIONS/STATISTIQUES_PROMOTION/")
                {
                    if let Some(s) = r.statistics.as_mut().and_then(|l| l.last_mut()) {
                        match field {
                            "ANNEE" => s.year = v,
                            "NOMBRE_CERTIFIES" => s.certified = v,
                            "NOMBRE_CERTIFIES_VAE" => s.certified_by_vae = v,
                            "TAUX_INSERTION_GLOBAL_6MOIS" => s.insertion_6_months = v,
                            "TAUX_INSERTION_METIER_6MOIS" => s.insertion_job_6_months = v,
                            "TAUX_INSERTION_METIER_2ANS" => s.insertion_job_2_years = v,
                            _ => {}
                        }
                    }
                } else if let Some(route) = jury_kind(rest) {
                    let own = v.as_deref().map(str::trim).unwrap_or("");
                    if let Some(j) = r.juries.iter_mut().rev().find(|j| j.route == route) {
                        if j.active.is_none() && !own.is_empty() {
                            j.active = Some(own.to_owned());
                        }
                    }
                } else if let Some((jury, field)) = rest.split_once('/') {
                    let kind = jury_kind(jury);
                    if let Some(j) = r.juries.iter_mut().rev().find(|j| Some(j.route) == kind) {
                        match field {
                            "ACTIF" => j.active = v,
                            _ => j.composition = v,
                        }
                    }
                }
            }
        }
    }
}

fn empty_code() -> CodeLabel {
    CodeLabel {
        code: String::new(),
        label: String::new(),
    }
}

fn push_code(list: &mut Vec<String>, v: Option<String>) {
    if let Some(c) = v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()) {
        if !list.contains(&c) {
            list.push(c);
        }
    }
}

/// The fiche without its `PARTENAIRES` section, which the app does not use and which is most
/// of the export's bytes (hundreds of training bodies per fiche): cut out before parsing.
fn without_partners(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    const OPEN: &[u8] = b"<PARTENAIRES>";
    const CLOSE: &[u8] = b"</PARTENAIRES>";
    if let Some(s) = memchr::memmem::find(bytes, OPEN) {
        if let Some(e) = memchr::memmem::find(&bytes[s..], CLOSE) {
            let end = s + e + CLOSE.len();
            let mut v = Vec::with_capacity(bytes.len() - (end - s));
            v.extend_from_slice(&bytes[..s]);
            v.extend_from_slice(&bytes[end..]);
            return std::borrow::Cow::Owned(v);
        }
    }
    std::borrow::Cow::Borrowed(bytes)
}

/// Parses one `<FICHE>…</FICHE>` (possibly truncated) into a [`ReadFiche`].
pub fn parse_fiche(bytes: &[u8], ordinal: usize) -> ReadFiche {
    let bytes = without_partners(bytes);
    let mut reader = Reader::from_reader(&bytes[..]);
    let mut st = State {
        raw: RawFiche::default(),
        path: String::new(),
        skip: 0,
        collecting: false,
        text: String::new(),
        issues: Vec::new(),
        bloc_count: 0,
    };
    let mut buf = Vec::new();
    let mut failed = false;
    let mut closed = false;
    loop {
        let event = reader.read_event_into(&mut buf);
        match event {
            Ok(Event::Start(e)) => st.open(&e),
            Ok(Event::Empty(e)) => {
                st.open(&e);
                st.close();
            }
            Ok(Event::End(_)) => {
                st.close();
                if st.path.is_empty() {
                    closed = true;
                    break;
                }
            }
            Ok(Event::Text(t)) => {
                if st.collecting && st.skip == 0 {
                    st.text.push_str(&t.xml10_content());
                }
            }
            Ok(Event::CData(t)) => {
                if st.collecting && st.skip == 0 {
                    st.text.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if st.collecting && st.skip == 0 {
                    match resolve_ref(&r) {
                        Some(c) => st.text.push(c),
                        None => {
                            st.text.push('&');
                            st.text.push_str(&r);
                            st.text.push(';');
                        }
                    }
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                let element = if st.path.is_empty() {
                    "FICHE".to_owned()
                } else {
                    st.shown_path()
                };
                st.issues.push(Issue {
                    severity: Severity::Error,
                    fiche: String::new(),
                    element,
                    message: format!(
                        "malformed XML near byte {} of the fiche: {e}; fiche skipped",
                        reader.buffer_position()
                    ),
                });
                failed = true;
                break;
            }
        }
        buf.clear();
    }
    if !failed && !closed {
        let element = if st.path.is_empty() {
            "FICHE".to_owned()
        } else {
            st.shown_path()
        };
        st.issues.push(Issue {
            severity: Severity::Error,
            fiche: String::new(),
            element,
            message: "the fiche ends inside this element (truncated file or missing end tag); \
                      fiche skipped"
                .into(),
        });
        failed = true;
    }
    let label = st.raw.label(ordinal);
    for i in &mut st.issues {
        i.fiche = label.clone();
    }
    ReadFiche {
        ordinal,
        raw: st.raw,
        issues: st.issues,
        failed,
    }
}

fn resolve_ref(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    if r.is_char_ref() {
        return r.resolve_char_ref().ok().flatten();
    }
    Some(match &**r {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../../tests/fixtures/rncp-export-v4.1-sample.xml");

    fn read(bytes: &[u8], block: usize) -> (Vec<ReadFiche>, Stream) {
        let mut fiches = Vec::new();
        let stream = read_in_blocks(bytes, block, |f| fiches.push(f)).expect("in memory");
        (fiches, stream)
    }

    /// Wherever the blocks cut the stream, the same fiches come out and nothing is reported.
    #[test]
    fn block_boundaries_do_not_matter() {
        let (whole, stream) = read(SAMPLE.as_bytes(), 1 << 20);
        assert_eq!(whole.len(), 3);
        assert_eq!(stream.version.as_deref(), Some("4.1"));
        assert!(stream.issues.is_empty(), "{:?}", stream.issues);
        assert_eq!(stream.bytes, SAMPLE.len() as u64);
        for block in [2, 7, 64, 1000, 4096, 65_537] {
            let (fiches, stream) = read(SAMPLE.as_bytes(), block);
            assert_eq!(fiches, whole, "block {block}");
            assert!(
                stream.issues.is_empty(),
                "block {block}: {:?}",
                stream.issues
            );
            assert_eq!(stream.bytes, SAMPLE.len() as u64, "block {block}");
        }
    }

    #[test]
    fn own_fields_only() {
        let (fiches, _) = read(SAMPLE.as_bytes(), 1 << 20);
        let raw = &fiches[0].raw;
        // RNCP40344 names RNCP37507 and RNCP37982 in its correspondences.
        assert_eq!(raw.code.as_deref(), Some("RNCP40344"));
        let blocs: Vec<&str> = raw.blocs.iter().filter_map(|b| b.code.as_deref()).collect();
        assert_eq!(
            blocs,
            [
                "RNCP40344BC01",
                "RNCP40344BC02",
                "RNCP40344BC03",
                "RNCP40344BC04"
            ]
        );
        assert_eq!(raw.active.as_deref(), Some("Oui"));
        let juries: Vec<(AccessRouteKind, Option<&str>)> = raw
            .juries
            .iter()
            .map(|j| (j.route, j.active.as_deref()))
            .collect();
        assert_eq!(juries[0], (AccessRouteKind::InitialTraining, Some("Non")));
        assert_eq!(raw.previous, ["RNCP37507"]);
        assert!(fiches.iter().all(|f| f.issues.is_empty() && !f.failed));
    }
}
