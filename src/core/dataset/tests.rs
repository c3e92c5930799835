use super::*;
use crate::core::catalogue::CERTIFICATION_SOURCES;
use crate::core::search::{search, Query};

fn layout() -> Layout {
    build_layout(CERTIFICATION_SOURCES).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_index_gives_every_card_without_blocs_with_their_counts() {
    let bundled = Catalogue::bundled().unwrap();
    let layout = layout();
    let cards = read_index(&layout.index).unwrap();
    let from_index = &cards.catalogue;
    assert_eq!(from_index.all().len(), bundled.all().len());
    for cert in bundled.all() {
        let entry = from_index.get(&cert.code).unwrap();
        assert_eq!(entry, &card_of(cert));
        assert_eq!(entry.title, cert.title);
        assert!(entry.blocs.is_empty());
        assert!(!from_index.has_blocs(&cert.code));
        assert_eq!(
            from_index.counts(entry),
            (cert.blocs.len(), cert.competency_count()),
            "{}",
            cert.code
        );
        assert_eq!(entry.objectives, None);
    }
    let total: u64 = layout.fiches.iter().map(|(_, j)| j.len() as u64).sum();
    assert_eq!(cards.fiche_bytes, total);
    assert_eq!(cards.search_bytes, layout.search.len() as u64);
}

#[test]
fn the_search_file_gives_back_every_bloc_and_competency() {
    let bundled = Catalogue::bundled().unwrap();
    let layout = layout();
    let cards = read_index(&layout.index).unwrap().catalogue;
    let whole = read_search(&layout.search, &cards).unwrap();
    for cert in bundled.all() {
        let entry = whole.get(&cert.code).unwrap();
        let labels = |c: &Certification| -> Vec<(String, String, String)> {
            c.blocs
                .iter()
                .flat_map(|b| {
                    b.competencies
                        .iter()
                        .map(|k| (b.title.clone(), k.id.clone(), k.label.clone()))
                })
                .collect()
        };
        assert_eq!(labels(entry), labels(cert), "{}", cert.code);
        assert_eq!(
            whole.counts(entry),
            cards.counts(cards.get(&cert.code).unwrap())
        );
        assert!(entry.blocs.iter().all(|b| b.assessment.is_none()));
    }
}

#[test]
fn search_finds_the_same_fiches_with_the_search_file_as_in_the_full_data() {
    let bundled = Catalogue::bundled().unwrap();
    let layout = layout();
    let cards = read_index(&layout.index).unwrap().catalogue;
    let whole = read_search(&layout.search, &cards).unwrap();
    for text in [
        "médiation",
        "conflit",
        "RNCP37722",
        "accueil",
        "partenaires",
        "xyz",
    ] {
        let query = Query {
            text: text.into(),
            ..Query::default()
        };
        let codes = |c: &Catalogue| -> Vec<String> {
            search(
                c,
                &query,
                crate::core::date::Date::new(2026, 11, 22).unwrap(),
            )
            .into_iter()
            .map(|h| h.cert.code.clone())
            .collect()
        };
        assert_eq!(codes(&whole), codes(&bundled), "query {text:?}");
    }
}

#[test]
fn every_fiche_file_is_the_whole_certification() {
    let bundled = Catalogue::bundled().unwrap();
    let layout = layout();
    assert_eq!(layout.fiches.len(), bundled.all().len());
    for (code, json) in &layout.fiches {
        assert_eq!(&read_fiche(code, json).unwrap(), bundled.get(code).unwrap());
        assert!(!json.contains('\n'), "compact JSON");
    }
}

#[test]
fn the_layout_is_byte_identical_from_one_build_to_the_next() {
    assert_eq!(layout(), layout());
    assert_eq!(fiche_path(" rncp37722"), "data/fiches/RNCP37722.json");
}

/// The first data file with one field replaced by `value`.
fn first_file_with(pointer: &str, value: serde_json::Value) -> String {
    let mut json: serde_json::Value = serde_json::from_str(CERTIFICATION_SOURCES[0].1).unwrap();
    *json.pointer_mut(pointer).unwrap() = value;
    json.to_string()
}

#[test]
fn a_bad_data_file_fails_the_build_naming_the_file_and_the_field() {
    let name = CERTIFICATION_SOURCES[0].0;
    let cases: Vec<(String, &str)> = vec![
        ("{".into(), "."),
        (first_file_with("/title", serde_json::json!("  ")), "title"),
        (
            first_file_with("/blocs/0/competencies/0/label", serde_json::json!(1)),
            "blocs[0].competencies[0].label",
        ),
        (
            first_file_with("/blocs/0/competencies", serde_json::json!([])),
            "blocs[0].competencies",
        ),
        (first_file_with("/code", serde_json::json!("XYZ")), "code"),
    ];
    for (json, field) in cases {
        let mut sources: Vec<(&str, &str)> = CERTIFICATION_SOURCES.to_vec();
        sources[0] = (name, &json);
        let e = build_layout(&sources).unwrap_err();
        assert_eq!((e.file.as_str(), e.field.as_str()), (name, field), "{e}");
    }
    let mut twice: Vec<(&str, &str)> = CERTIFICATION_SOURCES.to_vec();
    twice.push(("copy.json", CERTIFICATION_SOURCES[0].1));
    let e = build_layout(&twice).unwrap_err();
    assert_eq!((e.file.as_str(), e.field.as_str()), ("copy.json", "code"));
}

#[test]
fn a_damaged_download_is_refused_with_a_reason() {
    let layout = layout();
    let (code, fiche) = &layout.fiches[0];
    let other = &layout.fiches[1].0;
    let wrong_format = layout.index.replacen("\"format\":3", "\"format\":4", 1);
    let cards = read_index(&layout.index).unwrap().catalogue;
    let search_wrong_format = layout.search.replacen("\"format\":3", "\"format\":4", 1);
    let mut fewer: serde_json::Value = serde_json::from_str(&layout.search).unwrap();
    fewer["fiches"].as_array_mut().unwrap().pop();
    let mut swapped: serde_json::Value = serde_json::from_str(&layout.search).unwrap();
    swapped["fiches"].as_array_mut().unwrap().swap(0, 1);
    let mut empty_bloc: serde_json::Value = serde_json::from_str(&layout.search).unwrap();
    empty_bloc["fiches"][0]["blocs"][0]["competencies"] = serde_json::json!([]);
    let cases: Vec<(Result<(), DataError>, &str)> = vec![
        (read_index("").map(|_| ()), "."),
        (read_index("<html>").map(|_| ()), "."),
        (
            read_index(&layout.index[..layout.index.len() / 2]).map(|_| ()),
            ".",
        ),
        (read_index(&wrong_format).map(|_| ()), "format"),
        (
            read_index(&with_a_short_column(&layout.index)).map(|_| ()),
            "fiches",
        ),
        (
            read_index(&first_entry_with_blank_title(&layout.index)).map(|_| ()),
            "fiches[0].title",
        ),
        (
            read_index(&first_entry_with(
                &layout.index,
                "certifiers",
                serde_json::json!([999]),
            ))
            .map(|_| ()),
            "fiches[0].certifiers",
        ),
        (
            read_index(&first_entry_with(
                &layout.index,
                "rome",
                serde_json::json!(["Z9999"]),
            ))
            .map(|_| ()),
            "fiches[0].rome",
        ),
        (read_fiche(code, &fiche[..fiche.len() - 1]).map(|_| ()), "."),
        (read_search("", &cards).map(|_| ()), "."),
        (
            read_search(&layout.search[..layout.search.len() / 2], &cards).map(|_| ()),
            ".",
        ),
        (
            read_search(&search_wrong_format, &cards).map(|_| ()),
            "format",
        ),
        (
            read_search(&fewer.to_string(), &cards).map(|_| ()),
            "fiches",
        ),
        (
            read_search(&swapped.to_string(), &cards).map(|_| ()),
            "fiches[0].code",
        ),
        (
            read_search(&empty_bloc.to_string(), &cards).map(|_| ()),
            "fiches[0].blocs[0].competencies",
        ),
        (read_fiche(other, fiche).map(|_| ()), "code"),
    ];
    for (i, (result, field)) in cases.into_iter().enumerate() {
        let e = result.expect_err(&format!("case {i} is refused"));
        assert_eq!(e.field, field, "case {i}: {e}");
    }
}

fn first_entry_with(index: &str, key: &str, value: serde_json::Value) -> String {
    let mut json: serde_json::Value = serde_json::from_str(index).unwrap();
    json["fiches"][key][0] = value;
    json.to_string()
}

fn with_a_short_column(index: &str) -> String {
    let mut json: serde_json::Value = serde_json::from_str(index).unwrap();
    json["fiches"]["level"].as_array_mut().unwrap().pop();
    json.to_string()
}

fn first_entry_with_blank_title(index: &str) -> String {
    first_entry_with(index, "title", serde_json::json!(" "))
}
