//! Property tests of the assessment codecs (`src/core/codec`): whatever the operations of
//! `Assessment` can build round-trips through the saved state, the export file and the share
//! link; no input makes a decoder panic; an altered share link is an error (or, when only
//! unused bits changed, the very same assessment), never a different assessment.

#![allow(clippy::unwrap_used)]

use std::sync::OnceLock;

use proptest::prelude::*;
use repere::core::assessment::{Assessment, Experience, ExperienceKind, Level, YearMonth};
use repere::core::catalogue::Catalogue;
use repere::core::codec::{
    base64url, crc32, decode_import, decode_saved, decode_share, encode_export, encode_saved,
    encode_share, shared_view,
};
use repere::core::date::Date;

/// Certification codes and competency ids of the bundled catalogue, plus a few unknown ones
/// (data evolutions leave those in saved states).
fn ids() -> &'static (Vec<String>, Vec<String>) {
    static IDS: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    IDS.get_or_init(|| {
        let cat = Catalogue::bundled().unwrap();
        let mut codes: Vec<String> = cat.all().iter().map(|c| c.code.clone()).collect();
        codes.push("RNCP99999".into());
        let mut comps: Vec<String> = cat
            .all()
            .iter()
            .flat_map(|c| c.competencies().map(|(_, comp)| comp.id.clone()))
            .collect();
        comps.push("RNCP99999BC01-C01".into());
        comps.push("RNCP37722BC09-C99".into());
        (codes, comps)
    })
}

fn code(i: usize) -> &'static str {
    let codes = &ids().0;
    &codes[i % codes.len()]
}

fn comp(i: usize) -> &'static str {
    let comps = &ids().1;
    &comps[i % comps.len()]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter),
        "[a-zA-Zàéèêçô' ,.\n]{0,80}",
    ]
}

fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(Level::ALL.to_vec())
}

fn month() -> impl Strategy<Value = Option<YearMonth>> {
    prop::option::of((1990u16..2030, 1u8..=12).prop_map(|(y, m)| YearMonth::new(y, m).unwrap()))
}

#[derive(Debug, Clone)]
enum Op {
    Select(usize),
    Deselect(usize),
    Rate(usize, Option<Level>),
    Note(usize, String),
    AddExperience(String, usize, Option<YearMonth>, Option<YearMonth>, String),
    RemoveExperience(usize),
    Accept(usize, usize, Level),
    Dismiss(usize, usize),
    Unlink(usize, usize),
    Alike(Level, Vec<usize>),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => any::<usize>().prop_map(Op::Select),
        1 => any::<usize>().prop_map(Op::Deselect),
        6 => (any::<usize>(), prop::option::of(level())).prop_map(|(i, l)| Op::Rate(i, l)),
        2 => (any::<usize>(), text(40)).prop_map(|(i, t)| Op::Note(i, t)),
        2 => (text(20), any::<usize>(), month(), month(), text(60))
            .prop_map(|(t, k, s, e, d)| Op::AddExperience(t, k, s, e, d)),
        1 => any::<usize>().prop_map(Op::RemoveExperience),
        3 => (any::<usize>(), any::<usize>(), level()).prop_map(|(e, c, l)| Op::Accept(e, c, l)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(e, c)| Op::Dismiss(e, c)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(e, c)| Op::Unlink(e, c)),
        1 => (level(), prop::collection::vec(any::<usize>(), 0..6)).prop_map(|(l, v)| Op::Alike(l, v)),
    ]
}

/// The id of the `i`-th experience, or one that does not exist.
fn exp_id(a: &Assessment, i: usize) -> u32 {
    match a.experiences.len() {
        0 => 1,
        n => a.experiences[i % n].id,
    }
}

/// Applies operations, ignoring the refused ones (they must leave `a` valid anyway).
fn build(ops: &[Op]) -> Assessment {
    let mut a = Assessment::default();
    for op in ops {
        match op {
            Op::Select(i) => {
                let _ = a.select(code(*i));
            }
            Op::Deselect(i) => {
                let _ = a.deselect(code(*i));
            }
            Op::Rate(i, l) => {
                let _ = a.rate(comp(*i), *l);
            }
            Op::Note(i, t) => {
                let _ = a.set_note(comp(*i), t);
            }
            Op::AddExperience(title, kind, start, end, description) => {
                let kind = ExperienceKind::ALL[kind % ExperienceKind::ALL.len()];
                let e = Experience {
                    start: *start,
                    end: *end,
                    description: description.clone(),
                    ..Experience::new(title.clone(), kind)
                };
                let _ = a.add_experience(e);
            }
            Op::RemoveExperience(i) => {
                let _ = a.remove_experience(exp_id(&a, *i));
            }
            Op::Accept(e, c, l) => {
                let _ = a.accept_suggestion(exp_id(&a, *e), comp(*c), *l);
            }
            Op::Dismiss(e, c) => {
                let _ = a.dismiss_suggestion(exp_id(&a, *e), comp(*c));
            }
            Op::Unlink(e, c) => {
                let _ = a.unlink_evidence(exp_id(&a, *e), comp(*c));
            }
            Op::Alike(l, v) => {
                let ids: Vec<String> = v.iter().map(|i| comp(*i).to_owned()).collect();
                a.apply_to_alike(*l, &ids);
            }
        }
        assert_eq!(a.validate(), Ok(()), "after {op:?}");
    }
    a
}

fn assessment() -> impl Strategy<Value = Assessment> {
    prop::collection::vec(op(), 0..60).prop_map(|ops| build(&ops))
}

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn round_trips(a in assessment(), day in 1u8..=28) {
        prop_assert_eq!(decode_saved(&encode_saved(&a)), Ok(a.clone()));
        let today = Date::new(2026, 2, day).unwrap();
        prop_assert_eq!(decode_import(&encode_export(&a, today)), Ok(a.clone()));
        prop_assert_eq!(decode_share(&encode_share(&a, true)), Ok(a.clone()));
        prop_assert_eq!(decode_share(&encode_share(&a, false)), Ok(shared_view(&a, false)));
    }

    #[test]
    fn merge_keeps_everything_valid_and_is_idempotent(a in assessment(), b in assessment()) {
        let mut m = a.clone();
        m.merge(&b);
        prop_assert_eq!(m.validate(), Ok(()));
        prop_assert!(a.selection.iter().all(|c| m.is_selected(c)));
        prop_assert!(a.ratings.iter().all(|(id, l)| m.rating(id) == Some(*l)));
        let once = m.clone();
        m.merge(&b);
        prop_assert_eq!(m, once);
    }

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let _ = decode_saved(&s);
        let _ = decode_import(&s);
        let _ = decode_share(&s);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let lossy = String::from_utf8_lossy(&bytes);
        let _ = decode_saved(&lossy);
        let _ = decode_import(&lossy);
        let _ = decode_share(&lossy);
        // Past the base64 layer, with a right or wrong version and checksum.
        let _ = decode_share(&base64url::encode(&bytes));
        let mut framed = vec![1u8];
        framed.extend_from_slice(&crc32(&bytes).to_be_bytes());
        framed.extend_from_slice(&bytes);
        let _ = decode_share(&base64url::encode(&framed));
        // Past the checksum: arbitrary packed bytes, properly deflated.
        let mut deflated = vec![1u8];
        deflated.extend_from_slice(&crc32(&bytes).to_be_bytes());
        deflated.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(&bytes, 6));
        if let Ok(a) = decode_share(&base64url::encode(&deflated)) {
            prop_assert_eq!(a.validate(), Ok(()));
        }
    }

    #[test]
    fn damaged_json_never_panics(a in assessment(), cut in any::<prop::sample::Index>(), c in any::<char>()) {
        let saved = encode_saved(&a);
        let mut chars: Vec<char> = saved.chars().collect();
        let i = cut.index(chars.len());
        let truncated: String = chars[..i].iter().collect();
        prop_assert!(decode_saved(&truncated).is_err());
        chars[i] = c;
        let changed: String = chars.into_iter().collect();
        if let Ok(b) = decode_import(&changed) {
            prop_assert_eq!(b.validate(), Ok(()));
        }
    }

    #[test]
    fn damaged_share_links_are_caught(
        a in assessment(),
        personal in any::<bool>(),
        at in any::<prop::sample::Index>(),
        with in any::<prop::sample::Index>(),
    ) {
        let link = encode_share(&a, personal);
        let expected = shared_view(&a, personal);
        let i = at.index(link.len());
        match decode_share(&link[..i]) {
            Err(_) => {}
            Ok(b) => prop_assert_eq!(b, expected.clone(), "truncated at {}", i),
        }
        let original = link.as_bytes()[i];
        let others: Vec<u8> = ALPHABET.iter().copied().filter(|c| *c != original).collect();
        let mut changed = link.clone().into_bytes();
        changed[i] = *with.get(&others);
        let changed = String::from_utf8(changed).unwrap();
        match decode_share(&changed) {
            Err(_) => {}
            Ok(b) => prop_assert_eq!(b, expected, "{} at {}", changed, i),
        }
    }
}
