//! Property tests of the hand-written JSON reader (`core::json`) and of the catalogue index read
//! through it (`core::dataset::parse_index`), held to `serde_json` and to the index's serde
//! derive: the same values from the same texts, the same texts refused, never a panic.

#![allow(clippy::unwrap_used)]

use std::sync::OnceLock;

use proptest::prelude::*;
use repere::core::catalogue::CERTIFICATION_SOURCES;
use repere::core::dataset::{build_layout, parse_index, CatalogueIndex};
use repere::core::json::{parse, Json, MAX_DEPTH};
use serde_json::Value;

/// `serde_json`'s value as ours, when ours can hold it (no fractions, nothing below 0).
fn ours(v: &Value) -> Option<Json> {
    Some(match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Int(n.as_u64()?),
        Value::String(s) => Json::Str(s.clone()),
        Value::Array(items) => Json::Arr(items.iter().map(ours).collect::<Option<_>>()?),
        Value::Object(members) => Json::Obj(
            members
                .iter()
                .map(|(k, v)| Some((k.clone(), ours(v)?)))
                .collect::<Option<_>>()?,
        ),
    })
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(members) => 1 + members.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[ -~éà’\\\\\"\n\t]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-zé_]{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The bundled catalogue's index, as the build writes it.
fn index_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| build_layout(CERTIFICATION_SOURCES).unwrap().index)
}

/// An edit of a text: delete, insert or replace one character (never `-`: serde reads `-0`
/// as 0, ours refuses every sign).
fn edited(text: &str, at: usize, op: u8, c: char) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at % (chars.len() + 1);
    let c = if c == '-' { '+' } else { c };
    let mut out = chars.clone();
    match op % 3 {
        0 if at < chars.len() => {
            out.remove(at);
        }
        1 if at < chars.len() => out[at] = c,
        _ => out.insert(at, c),
    }
    out.into_iter().collect()
}

fn json_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '0', '1', '9', '.', 'e', 'n', 'u',
            'l', 't', 'x', 'é',
        ]),
        any::<char>(),
    ]
}

#[test]
fn the_bundled_index_reads_as_with_serde() {
    let serde: CatalogueIndex = serde_json::from_str(index_text()).unwrap();
    assert_eq!(parse_index(index_text()).unwrap(), serde);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any value serde_json writes (compact or pretty), ours reads the same, or refuses it
    /// only for a number it does not hold or a nesting deeper than its limit.
    #[test]
    fn reads_what_serde_json_writes(v in value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
        match (ours(&v), depth(&v) <= MAX_DEPTH) {
            (Some(expected), true) => prop_assert_eq!(parse(&text), Ok(expected)),
            _ => prop_assert!(parse(&text).is_err()),
        }
    }

    /// Any text: no panic, and when both readers accept it, the same value; ours accepts only
    /// what serde_json accepts.
    #[test]
    fn agrees_with_serde_json_on_any_text(text in "[\\[\\]{}\",:0-9a-z \\\\é.]{0,40}") {
        let theirs: Result<Value, _> = serde_json::from_str(&text);
        match parse(&text) {
            Ok(v) => prop_assert_eq!(Some(v), theirs.ok().as_ref().and_then(ours)),
            Err(_) => prop_assert!(theirs.ok().as_ref().and_then(ours).is_none()),
        }
    }

    /// The bundled index, edited by one character: read or refused alike by both readers, and
    /// to the same index when read.
    #[test]
    fn an_edited_index_reads_as_with_serde(at in any::<usize>(), op in any::<u8>(), c in json_char()) {
        let text = edited(index_text(), at, op, c);
        let theirs: Result<CatalogueIndex, _> = serde_json::from_str(&text);
        match (parse_index(&text), theirs) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "ours {:?}, serde {:?}, text {}", a.map(|_| ()), b.map(|_| ()), text),
        }
    }

    /// Arbitrary bytes never make the index reader panic.
    #[test]
    fn never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse(&text);
        let _ = parse_index(&text);
    }
}
