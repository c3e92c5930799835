//! Share links: an assessment packed into the URL fragment `#/partage/<payload>`, so that it
//! travels without any server.
//!
//! # Payload
//!
//! `base64url( version byte | CRC-32 of the packed bytes, big-endian | n: deflated length |
//! deflate(packed) )`
//!
//! - `version` is [`SHARE_VERSION`] (2); a larger one is [`CodecError::TooNew`]. Version 1,
//!   the first links, had no deflated length and are still read.
//! - The deflated length tells a link cut while copying ([`CodecError::Truncated`]: fewer
//!   bytes than announced, or a base64 length no encoding gives) from a link whose characters
//!   were changed ([`CodecError::Tampered`]: as many bytes, wrong content). Characters outside
//!   base64url are [`CodecError::BadEncoding`].
//! - The CRC-32 (IEEE) covers the packed bytes before compression, so an altered link is
//!   caught ([`CodecError::Tampered`]) unless the change is invisible after inflating.
//! - deflate is raw (RFC 1951), level 9; inflating stops at [`MAX_SAVED_BYTES`].
//!
//! The packed bytes use LEB128 varints (`n`), strings as `n` byte length + UTF-8, and sorted
//! competency ids *front-coded*: `n` bytes shared with the previous id + the rest as a
//! string. `RNCP37722BC01-C02` after `RNCP37722BC01-C01` costs 16 + `"2"`: three bytes.
//!
//! ```text
//! flags: u8                       bit 0: personal data follows; other bits 0
//! selection:  n × string
//! ratings:    n × (id, level: u8 index in Level::ALL)
//! -- only with personal data --
//! notes:      n × (id, string)
//! experiences n × (id: n, title, kind: u8, start: n, end: n, description)
//!                                 months as 1 + YearMonth::ordinal, 0 for none
//! evidence:   n × (id, n × experience id as ascending gaps: first, then next − previous − 1)
//! dismissed:  n × (experience id: n, competency id front-coded against the previous one)
//! ```
//!
//! Without personal data a link carries the selection and all ratings (also those of
//! deselected certifications, which are part of the answers): see [`shared_view`].

use std::collections::{BTreeMap, BTreeSet};

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use super::{base64url, finish, CodecError, MAX_SAVED_BYTES};
use crate::core::assessment::{Assessment, Experience, ExperienceKind, Level, YearMonth};

/// The version byte written.
pub const SHARE_VERSION: u8 = 2;
/// The first version, without the deflated length: still read.
const SHARE_VERSION_1: u8 = 1;
/// Longest accepted link text, in bytes. Links of that size do not survive most messaging
/// apps anyway; the UI should warn well before.
pub const MAX_SHARE_CHARS: usize = 4 * 1024 * 1024;
/// The fragment prefix of a share link; [`decode_share`] accepts a whole pasted URL.
pub const SHARE_PREFIX: &str = "#/partage/";

const FLAG_PERSONAL: u8 = 1;

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// CRC-32 (IEEE 802.3, as in zip and PNG).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in bytes {
        c = CRC_TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// What a link made by [`encode_share`] gives back: everything with personal data, otherwise
/// only the selection and the ratings.
pub fn shared_view(a: &Assessment, include_personal: bool) -> Assessment {
    if include_personal {
        a.clone()
    } else {
        Assessment {
            selection: a.selection.clone(),
            ratings: a.ratings.clone(),
            ..Assessment::default()
        }
    }
}

/// The payload of a share link (to put after [`SHARE_PREFIX`]). Notes, experiences, evidence
/// and dismissals only with `include_personal`.
pub fn encode_share(a: &Assessment, include_personal: bool) -> String {
    let packed = pack(a, include_personal);
    let deflated = compress_to_vec(&packed, 9);
    let mut bytes = Vec::with_capacity(8 + deflated.len());
    bytes.push(SHARE_VERSION);
    bytes.extend_from_slice(&crc32(&packed).to_be_bytes());
    put_len(&mut bytes, deflated.len());
    bytes.extend_from_slice(&deflated);
    base64url::encode(&bytes)
}

/// Reads a share payload, or a whole pasted link containing [`SHARE_PREFIX`]. Surrounding
/// whitespace is ignored.
pub fn decode_share(input: &str) -> Result<Assessment, CodecError> {
    if input.len() > MAX_SHARE_CHARS {
        return Err(CodecError::TooLarge);
    }
    let input = input.trim();
    let payload = input.rsplit_once(SHARE_PREFIX).map_or(input, |(_, p)| p);
    if payload.is_empty() {
        return Err(CodecError::Empty);
    }
    let bytes = base64url::decode(payload).map_err(|e| match e {
        base64url::Base64Error::BadLength => CodecError::Truncated,
        base64url::Base64Error::InvalidChar => CodecError::BadEncoding,
    })?;
    let Some((&version, rest)) = bytes.split_first() else {
        return Err(CodecError::Truncated);
    };
    if version == 0 {
        return Err(CodecError::BadEncoding);
    }
    if version > SHARE_VERSION {
        return Err(CodecError::TooNew {
            version: u64::from(version),
        });
    }
    let Some((crc, rest)) = rest.split_first_chunk::<4>() else {
        return Err(CodecError::Truncated);
    };
    let packed = match version {
        SHARE_VERSION => {
            let mut reader = Reader {
                bytes: rest,
                pos: 0,
            };
            let declared = reader.n().map_err(|_| CodecError::Truncated)?;
            let deflated = &rest[reader.pos..];
            let declared = usize::try_from(declared).map_err(|_| CodecError::Tampered)?;
            if deflated.len() < declared {
                return Err(CodecError::Truncated);
            }
            if deflated.len() > declared {
                return Err(CodecError::Tampered);
            }
            // Complete: whatever fails now was changed, not cut.
            inflate(deflated, MAX_SAVED_BYTES).map_err(|e| match e {
                CodecError::TooLarge => CodecError::TooLarge,
                _ => CodecError::Tampered,
            })?
        }
        SHARE_VERSION_1 => inflate(rest, MAX_SAVED_BYTES)?,
        _ => return Err(CodecError::BadEncoding),
    };
    if crc32(&packed) != u32::from_be_bytes(*crc) {
        return Err(CodecError::Tampered);
    }
    finish(unpack(&packed)?)
}

/// Raw inflate that insists on consuming all of its input.
fn inflate(input: &[u8], limit: usize) -> Result<Vec<u8>, CodecError> {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0u8; input.len().saturating_mul(4).clamp(64, limit.max(64))];
    let mut state = Box::<DecompressorOxide>::default();
    let (mut in_pos, mut out_pos) = (0, 0);
    loop {
        let rest = input.get(in_pos..).ok_or(CodecError::BadEncoding)?;
        let (status, read, written) = decompress(&mut state, rest, &mut out, out_pos, flags);
        in_pos += read;
        out_pos += written;
        match status {
            TINFLStatus::Done if in_pos == input.len() => {
                out.truncate(out_pos);
                return Ok(out);
            }
            TINFLStatus::Done => return Err(CodecError::Tampered),
            TINFLStatus::HasMoreOutput => {
                if out.len() >= limit {
                    return Err(CodecError::TooLarge);
                }
                let len = out.len().saturating_mul(2).min(limit);
                out.resize(len, 0);
            }
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                return Err(CodecError::Truncated)
            }
            _ => return Err(CodecError::Tampered),
        }
    }
}

// --- Packing -------------------------------------------------------------------------------

fn put_n(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    put_n(out, u32::try_from(n).unwrap_or(u32::MAX));
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Bytes `a` and `b` share at the start, on a character boundary.
fn shared_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

fn put_key(out: &mut Vec<u8>, prev: &mut String, key: &str) {
    let shared = shared_prefix(prev, key);
    put_len(out, shared);
    put_str(out, &key[shared..]);
    prev.clear();
    prev.push_str(key);
}

fn put_month(out: &mut Vec<u8>, m: Option<YearMonth>) {
    put_n(out, m.map_or(0, |m| m.ordinal() + 1));
}

fn pack(a: &Assessment, personal: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    out.push(if personal { FLAG_PERSONAL } else { 0 });
    put_len(&mut out, a.selection.len());
    for code in &a.selection {
        put_str(&mut out, code);
    }
    let mut prev = String::new();
    put_len(&mut out, a.ratings.len());
    for (id, level) in &a.ratings {
        put_key(&mut out, &mut prev, id);
        out.push(level.index());
    }
    if !personal {
        return out;
    }
    prev.clear();
    put_len(&mut out, a.notes.len());
    for (id, text) in &a.notes {
        put_key(&mut out, &mut prev, id);
        put_str(&mut out, text);
    }
    put_len(&mut out, a.experiences.len());
    for e in &a.experiences {
        put_n(&mut out, e.id);
        put_str(&mut out, &e.title);
        out.push(e.kind.index());
        put_month(&mut out, e.start);
        put_month(&mut out, e.end);
        put_str(&mut out, &e.description);
    }
    prev.clear();
    put_len(&mut out, a.evidence.len());
    for (id, exps) in &a.evidence {
        put_key(&mut out, &mut prev, id);
        put_len(&mut out, exps.len());
        let mut last: Option<u32> = None;
        for &e in exps {
            put_n(&mut out, last.map_or(e, |l| e - l - 1));
            last = Some(e);
        }
    }
    prev.clear();
    put_len(&mut out, a.dismissed.len());
    for (e, id) in &a.dismissed {
        put_n(&mut out, *e);
        put_key(&mut out, &mut prev, id);
    }
    out
}

/// Reads packed bytes. Any deviation from what [`pack`] writes is `BadEncoding`.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, CodecError> {
        let b = *self.bytes.get(self.pos).ok_or(CodecError::BadEncoding)?;
        self.pos += 1;
        Ok(b)
    }

    fn n(&mut self) -> Result<u32, CodecError> {
        let mut v = 0u64;
        for i in 0..5 {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| CodecError::BadEncoding);
            }
        }
        Err(CodecError::BadEncoding)
    }

    /// A count or length: never more than the bytes left, as every item takes one at least.
    fn len(&mut self) -> Result<usize, CodecError> {
        let n = usize::try_from(self.n()?).map_err(|_| CodecError::BadEncoding)?;
        if n > self.bytes.len() - self.pos {
            return Err(CodecError::BadEncoding);
        }
        Ok(n)
    }

    fn str(&mut self) -> Result<&'a str, CodecError> {
        let n = self.len()?;
        let bytes = self
            .bytes
            .get(self.pos..self.pos + n)
            .ok_or(CodecError::BadEncoding)?;
        self.pos += n;
        std::str::from_utf8(bytes).map_err(|_| CodecError::BadEncoding)
    }

    /// A front-coded id, which must sort after `prev` when `ascending`.
    fn key(&mut self, prev: &mut String, ascending: bool) -> Result<String, CodecError> {
        let shared = usize::try_from(self.n()?).map_err(|_| CodecError::BadEncoding)?;
        let head = prev.get(..shared).ok_or(CodecError::BadEncoding)?;
        let key = format!("{head}{}", self.str()?);
        if ascending && !prev.is_empty() && key <= *prev {
            return Err(CodecError::BadEncoding);
        }
        prev.clone_from(&key);
        Ok(key)
    }

    fn month(&mut self) -> Result<Option<YearMonth>, CodecError> {
        match self.n()? {
            0 => Ok(None),
            n => YearMonth::from_ordinal(n - 1)
                .map(Some)
                .ok_or(CodecError::BadEncoding),
        }
    }
}

fn unpack(bytes: &[u8]) -> Result<Assessment, CodecError> {
    let bad = || CodecError::BadEncoding;
    let mut r = Reader { bytes, pos: 0 };
    let mut a = Assessment::default();
    let flags = r.byte()?;
    if flags & !FLAG_PERSONAL != 0 {
        return Err(bad());
    }
    for _ in 0..r.len()? {
        a.selection.push(r.str()?.to_owned());
    }
    let mut prev = String::new();
    for _ in 0..r.len()? {
        let id = r.key(&mut prev, true)?;
        let level = Level::from_index(u64::from(r.byte()?)).ok_or_else(bad)?;
        a.ratings.insert(id, level);
    }
    if flags & FLAG_PERSONAL != 0 {
        prev.clear();
        for _ in 0..r.len()? {
            let id = r.key(&mut prev, true)?;
            a.notes.insert(id, r.str()?.to_owned());
        }
        for _ in 0..r.len()? {
            let id = r.n()?;
            let title = r.str()?.to_owned();
            let kind = ExperienceKind::from_index(u64::from(r.byte()?)).ok_or_else(bad)?;
            let (start, end) = (r.month()?, r.month()?);
            let description = r.str()?.to_owned();
            a.experiences.push(Experience {
                id,
                title,
                kind,
                start,
                end,
                description,
            });
        }
        prev.clear();
        let mut evidence = BTreeMap::new();
        for _ in 0..r.len()? {
            let id = r.key(&mut prev, true)?;
            let mut exps = BTreeSet::new();
            let mut last: Option<u32> = None;
            for _ in 0..r.len()? {
                let gap = r.n()?;
                let e = match last {
                    None => gap,
                    Some(l) => l
                        .checked_add(gap)
                        .and_then(|x| x.checked_add(1))
                        .ok_or_else(bad)?,
                };
                exps.insert(e);
                last = Some(e);
            }
            evidence.insert(id, exps);
        }
        a.evidence = evidence;
        prev.clear();
        for _ in 0..r.len()? {
            let e = r.n()?;
            let id = r.key(&mut prev, false)?;
            if !a.dismissed.insert((e, id)) {
                return Err(bad());
            }
        }
    }
    if r.pos != bytes.len() {
        return Err(bad());
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{sample, worst_case};
    use super::*;
    use crate::core::catalogue::Catalogue;
    use crate::core::codec::CodecErrorKind;

    fn ok<T, E: std::fmt::Debug>(r: Result<T, E>) -> T {
        r.unwrap_or_else(|e| panic!("unexpected error {e:?}"))
    }

    fn bytes_payload(version: u8, packed: &[u8], crc: u32) -> String {
        let mut bytes = vec![version];
        bytes.extend_from_slice(&crc.to_be_bytes());
        bytes.extend_from_slice(&compress_to_vec(packed, 9));
        base64url::encode(&bytes)
    }

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn round_trips() {
        for a in [Assessment::default(), sample()] {
            for personal in [false, true] {
                let link = encode_share(&a, personal);
                assert_eq!(
                    decode_share(&link),
                    Ok(shared_view(&a, personal)),
                    "{personal}"
                );
                let url = format!("https://example.org/repere/{SHARE_PREFIX}{link}\n");
                assert_eq!(decode_share(&url), Ok(shared_view(&a, personal)));
            }
        }
        let view = shared_view(&sample(), false);
        assert!(view.notes.is_empty() && view.experiences.is_empty() && view.evidence.is_empty());
        assert_eq!(view.ratings.len(), 3);
    }

    #[test]
    fn worst_case_round_trips() {
        let a = worst_case();
        let link = encode_share(&a, true);
        assert!(link.len() <= MAX_SHARE_CHARS, "{}", link.len());
        assert_eq!(decode_share(&link).as_ref(), Ok(&a));
    }

    #[test]
    fn error_table() {
        fn check(input: &str, expected: CodecErrorKind) {
            let got = decode_share(input).map_err(|e| e.kind());
            assert_eq!(
                got,
                Err(expected),
                "{:?}",
                input.chars().take(80).collect::<String>()
            );
        }
        use CodecErrorKind::*;
        let good = encode_share(&sample(), true);
        let packed = pack(&sample(), true);
        let crc = crc32(&packed);
        check("", Empty);
        check("  ", Empty);
        check("#/partage/", Empty);
        check("A", Truncated);
        check("AQ", Truncated);
        check("AQID", Truncated);
        check(&good[..good.len() - 4], Truncated);
        check(&good[..good.len() - 1], Truncated);
        check(&good[..9], Truncated);
        check("abc!", BadEncoding);
        check("AA", BadEncoding);
        assert!(decode_share(&format!("{good}=")).is_err());
        check(&format!("{good} x"), BadEncoding);
        check(&bytes_payload(3, &packed, crc), TooNew);
        check(&bytes_payload(255, &packed, crc), TooNew);
        check(&bytes_payload(1, &packed, crc ^ 1), Tampered);
        let mut extra = packed.clone();
        extra.push(0);
        check(&bytes_payload(1, &extra, crc32(&extra)), BadEncoding);
        let mut flags = packed.clone();
        flags[0] = 0x80;
        check(&bytes_payload(1, &flags, crc32(&flags)), BadEncoding);
        check(&bytes_payload(1, &[], crc32(&[])), BadEncoding);
        let mut raw = vec![1u8];
        raw.extend_from_slice(&0u32.to_be_bytes());
        raw.extend_from_slice(&[0xff; 12]);
        check(&base64url::encode(&raw), Tampered);
        // Trailing bytes after the deflate stream: more than the link announced.
        let mut trailing = ok(base64url::decode(&good));
        trailing.push(0);
        check(&base64url::encode(&trailing), Tampered);
        // Version 1 links (no deflated length) are still read.
        assert_eq!(
            decode_share(&bytes_payload(1, &packed, crc)),
            Ok(shared_view(&sample(), true))
        );
        check(&"A".repeat(MAX_SHARE_CHARS + 1), TooLarge);
        // A zip bomb: inflating stops at the limit.
        let zeros = compress_to_vec(&[0u8; 10_000], 9);
        assert_eq!(inflate(&zeros, 9_999), Err(CodecError::TooLarge));
        assert_eq!(inflate(&zeros, 10_000).map(|v| v.len()), Ok(10_000));
        // A valid checksum over content that breaks the rules.
        let mut bad = Assessment::default();
        bad.selection.push("not an id".into());
        let packed = pack(&bad, false);
        check(&bytes_payload(1, &packed, crc32(&packed)), Invalid);
    }

    /// What a user did to a link, and what the app must say: cut (incomplete) or changed.
    #[test]
    fn altered_and_truncated_links_are_told_apart() {
        use CodecErrorKind::*;
        let good = encode_share(&sample(), true);
        let bytes = ok(base64url::decode(&good));
        let swap = |s: &str, i: usize| -> String {
            let c = s.as_bytes()[i];
            let to = if c == b'A' { 'B' } else { 'A' };
            let mut out = s.to_owned();
            out.replace_range(i..=i, &to.to_string());
            out
        };
        // The last character changed so that the bytes change (not only the slack bits).
        let last_changed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            .chars()
            .map(|c| format!("{}{c}", &good[..good.len() - 1]))
            .find(|l| base64url::decode(l).is_ok_and(|b| b != bytes))
            .expect("some last character changes the bytes");
        let middle = good.len() / 2;
        let cases: Vec<(&str, String, CodecErrorKind)> = vec![
            (
                "two letters changed",
                swap(&swap(&good, middle), middle + 3),
                Tampered,
            ),
            ("one letter changed", swap(&good, middle + 1), Tampered),
            ("last character changed", last_changed, Tampered),
            ("cut by 1", good[..good.len() - 1].to_owned(), Truncated),
            ("cut by 4", good[..good.len() - 4].to_owned(), Truncated),
            ("cut by 6", good[..good.len() - 6].to_owned(), Truncated),
            ("cut in half", good[..middle].to_owned(), Truncated),
            ("characters added", format!("{good}AAAA"), Tampered),
            (
                "a character outside base64url",
                format!("{}!{}", &good[..5], &good[6..]),
                BadEncoding,
            ),
        ];
        for (what, link, want) in cases {
            assert_eq!(
                decode_share(&link).map_err(|e| e.kind()),
                Err(want),
                "{what}"
            );
        }
    }

    #[test]
    fn every_single_change_is_caught() {
        let a = sample();
        let link = encode_share(&a, true);
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut silent = 0;
        for i in 0..link.len() {
            for c in alphabet.chars().filter(|c| link.as_bytes()[i] != *c as u8) {
                let mut changed = link.clone();
                changed.replace_range(i..=i, &c.to_string());
                match decode_share(&changed) {
                    // Past the header (version, checksum, length), a change is a change.
                    Err(e) if i >= 12 => assert_ne!(
                        e.kind(),
                        CodecErrorKind::Truncated,
                        "position {i} → {c}: complete, so not truncated"
                    ),
                    Err(_) => {}
                    Ok(b) => {
                        assert_eq!(b, a, "position {i} → {c}");
                        silent += 1;
                    }
                }
            }
        }
        assert!(
            silent < link.len(),
            "only slack bits may change silently ({silent})"
        );
    }

    /// Prints typical link lengths (`cargo test link_lengths -- --nocapture`) and keeps them
    /// in check.
    #[test]
    fn link_lengths() {
        let cat = ok(Catalogue::bundled());
        let levels = Level::ALL;
        let rated = |codes: &[&str]| {
            let mut a = Assessment::default();
            for (k, code) in codes.iter().enumerate() {
                ok(a.select(code));
                let cert = cat.get(code).unwrap_or_else(|| panic!("{code}"));
                for (i, (_, c)) in cert.competencies().enumerate() {
                    ok(a.rate(&c.id, Some(levels[(i * 7 + k) % 4])));
                }
            }
            a
        };
        let with_personal = |mut a: Assessment| {
            let ids: Vec<String> = a.ratings.keys().cloned().collect();
            let jobs = [
                (
                    "Employée polyvalente en restauration rapide",
                    ExperienceKind::Emploi,
                    "2018-09",
                    "2021-06",
                ),
                (
                    "Trésorière d'une association de parents d'élèves",
                    ExperienceKind::Benevolat,
                    "2020-01",
                    "",
                ),
                (
                    "Stage en accueil à la mairie",
                    ExperienceKind::Stage,
                    "2017-03",
                    "2017-05",
                ),
            ];
            for (n, (title, kind, start, end)) in jobs.into_iter().enumerate() {
                let e = ok(a.add_experience(Experience {
                    start: YearMonth::parse(start),
                    end: YearMonth::parse(end),
                    description: format!(
                        "J'accueillais les clients, je préparais les commandes et je tenais la caisse. \
                         J'ai formé deux nouveaux collègues et géré les inventaires de fin de mois ({n})."
                    ),
                    ..Experience::new(title, kind)
                }));
                for id in ids.iter().skip(n * 5).take(4) {
                    ok(a.accept_suggestion(e, id, Level::Alone));
                }
                ok(a.dismiss_suggestion(e, &ids[ids.len() - 1 - n]));
            }
            for id in ids.iter().step_by(9) {
                ok(a.set_note(
                    id,
                    "Je l'ai fait tous les jours pendant trois ans, avec les outils de caisse.",
                ));
            }
            a
        };
        let cases = [
            (
                "RNCP37722 + RNCP2383 (27 competencies)",
                rated(&["RNCP37722", "RNCP2383"]),
            ),
            (
                "RNCP36524 + RNCP41674 (50 competencies)",
                rated(&["RNCP36524", "RNCP41674"]),
            ),
            (
                "all five (93 competencies)",
                rated(&[
                    "RNCP36524",
                    "RNCP37722",
                    "RNCP41674",
                    "RNCP36241",
                    "RNCP2383",
                ]),
            ),
        ];
        for (name, a) in cases {
            let bare = encode_share(&a, false).len();
            let personal = encode_share(&with_personal(a.clone()), true).len();
            let json = encode_saved_len(&a);
            println!("{name}: {bare} chars without personal data, {personal} with (saved JSON {json} bytes)");
            assert!(bare < 600, "{name}: {bare}");
            assert!(personal < 2_500, "{name}: {personal}");
        }
    }

    fn encode_saved_len(a: &Assessment) -> usize {
        crate::core::codec::encode_saved(a).len()
    }
}
