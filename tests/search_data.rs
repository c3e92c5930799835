//! Catalogue search over the real bundled data: the queries of the acceptance list find the
//! right certifications, each with the reason (field) it matched.

use repere::core::catalogue::Catalogue;
use repere::core::date::Date;
use repere::core::matching::Analyzer;
use repere::core::search::{Field, Query, SearchIndex};

fn check(text: &str, expected: &[&str]) {
    let cat = Catalogue::bundled().unwrap_or_else(|e| panic!("{e}"));
    let today = Date::new(2026, 11, 22).expect("a valid date");
    let q = Query {
        text: text.into(),
        ..Query::default()
    };
    let analyzer = Analyzer::new();
    let index = SearchIndex::new(&cat, Some(&analyzer));
    let hits = index.search(&q, today);
    let mut codes: Vec<&str> = hits.iter().map(|h| h.cert.code.as_str()).collect();
    codes.sort_unstable();
    let mut want = expected.to_vec();
    want.sort_unstable();
    assert_eq!(codes, want, "query {text:?}");
    for h in &hits {
        assert!(
            !h.reasons.is_empty(),
            "{text}: {} has no reason",
            h.cert.code
        );
        for r in &h.reasons {
            assert!(
                !r.highlights.is_empty(),
                "{text}: {} reason {:?} highlights nothing",
                h.cert.code,
                r.field
            );
        }
    }
}

#[test]
fn acceptance_queries() {
    check(
        "conflit",
        &[
            "RNCP2383",
            "RNCP36241",
            "RNCP36524",
            "RNCP37722",
            "RNCP41674",
        ],
    );
    check("numérique", &["RNCP36241", "RNCP36524", "RNCP41674"]);
    check("numerique", &["RNCP36241", "RNCP36524", "RNCP41674"]);
    check("K1204", &["RNCP36524", "RNCP37722", "RNCP41674"]);
    check("k1205", &["RNCP2383", "RNCP41674"]);
    check("rncp37722", &["RNCP37722"]);
    check("introuvablexyz", &[]);
}

#[test]
fn k1204_reason_is_the_rome_code() {
    let cat = Catalogue::bundled().unwrap_or_else(|e| panic!("{e}"));
    let today = Date::new(2026, 11, 22).expect("a valid date");
    let q = Query {
        text: "K1204".into(),
        ..Query::default()
    };
    let analyzer = Analyzer::new();
    for h in SearchIndex::new(&cat, Some(&analyzer)).search(&q, today) {
        assert!(
            matches!(&h.reasons[0].field, Field::Rome { code } if code == "K1204"),
            "{}: {:?}",
            h.cert.code,
            h.reasons[0].field
        );
    }
}

#[test]
fn nsf_and_rome_filters_keep_the_certifications_with_that_code() {
    let cat = Catalogue::bundled().unwrap_or_else(|e| panic!("{e}"));
    let today = Date::new(2026, 11, 22).expect("a valid date");
    let analyzer = Analyzer::new();
    let index = SearchIndex::new(&cat, Some(&analyzer));
    let cases: &[(Query, &[&str])] = &[
        (
            Query {
                rome: Some("K1204".into()),
                ..Query::default()
            },
            &["RNCP36524", "RNCP37722", "RNCP41674"],
        ),
        (
            Query {
                rome: Some(" k1205".into()),
                ..Query::default()
            },
            &["RNCP2383", "RNCP41674"],
        ),
        (
            Query {
                nsf: Some("332t".into()),
                ..Query::default()
            },
            &["RNCP2383", "RNCP37722"],
        ),
        (
            Query {
                nsf: Some("332t".into()),
                rome: Some("K1204".into()),
                ..Query::default()
            },
            &["RNCP37722"],
        ),
        (
            Query {
                text: "médiation".into(),
                rome: Some("K1205".into()),
                ..Query::default()
            },
            &["RNCP2383", "RNCP41674"],
        ),
        (
            Query {
                rome: Some("Z9999".into()),
                ..Query::default()
            },
            &[],
        ),
    ];
    let sorted = |hits: Vec<repere::core::search::Hit<'_>>| -> Vec<String> {
        let mut codes: Vec<String> = hits.iter().map(|h| h.cert.code.clone()).collect();
        codes.sort_unstable();
        codes
    };
    for (q, want) in cases {
        assert_eq!(sorted(index.search(q, today)), *want, "{q:?}");
        // Without text the list needs no index (the first screen): the same filters apply.
        if q.text.is_empty() {
            let browsed = repere::core::search::browse(&cat, q, today);
            assert_eq!(sorted(browsed), *want, "browse {q:?}");
        }
    }
    let rome: Vec<&str> = cat.rome_codes().iter().map(|c| c.code.as_str()).collect();
    assert_eq!(rome, ["K1204", "K1205", "K1206", "K1207", "K1301"]);
    let nsf: Vec<&str> = cat.nsf_codes().iter().map(|c| c.code.as_str()).collect();
    assert_eq!(nsf, ["330t", "332", "332t", "344", "344t"]);
}
