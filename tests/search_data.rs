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
