//! Unit tests of alike competencies: known pairs and non-pairs on the bundled catalogue,
//! overrides on a small synthetic catalogue, and the bundled overrides file.

use std::collections::HashSet;

use super::*;

fn bundled() -> Catalogue {
    Catalogue::bundled().unwrap_or_else(|e| panic!("{e}"))
}

fn check_alike(index: &AlikeIndex, a: &str, b: &str, expected: bool) {
    let got = index.alike(a).iter().any(|x| x == b);
    assert_eq!(
        got,
        expected,
        "{a} ~ {b}: alike({a}) = {:?}",
        index.alike(a)
    );
    assert_eq!(
        index.alike(b).iter().any(|x| x == a),
        expected,
        "symmetry of {a} ~ {b}"
    );
    assert_eq!(
        index.similarity(a, b).is_some(),
        expected,
        "similarity of {a} ~ {b}"
    );
}

#[test]
fn known_pairs_and_non_pairs() {
    let index = AlikeIndex::compute(&bundled());
    let cases = [
        // Same skill in other words.
        ("RNCP37722BC02-C02", "RNCP41674BC02-C03", true),
        ("RNCP2383BC02-C07", "RNCP36241BC02-C06", true),
        ("RNCP36524BC02-C01", "RNCP37722BC01-C02", true),
        ("RNCP36524BC02-C02", "RNCP37722BC01-C04", true),
        ("RNCP2383BC02-C03", "RNCP41674BC03-C01", true),
        ("RNCP36524BC03-C06", "RNCP37722BC02-C03", true),
        // Added by the overrides.
        ("RNCP2383BC02-C08", "RNCP41674BC02-C07", true),
        // Removed by the overrides: shared words, different skills.
        ("RNCP36524BC02-C06", "RNCP37722BC02-C01", false),
        ("RNCP36524BC03-C01", "RNCP41674BC01-C02", false),
        // Unrelated.
        ("RNCP36524BC01-C02", "RNCP41674BC03-C03", false),
        ("RNCP37722BC02-C02", "RNCP41674BC03-C04", false),
        // Same certification: never alike.
        ("RNCP37722BC02-C02", "RNCP37722BC02-C01", false),
        ("RNCP36524BC01-C01", "RNCP36524BC01-C06", false),
    ];
    for (a, b, expected) in cases {
        check_alike(&index, a, b, expected);
    }
    assert!(index.alike("unknown").is_empty());
}

#[test]
fn pairs_cross_certifications_and_are_symmetric() {
    let cat = bundled();
    let index = AlikeIndex::compute(&cat);
    let cert = |id: &str| {
        cat.competency(id)
            .map(|(c, _)| c.code.clone())
            .unwrap_or_else(|| panic!("unknown {id}"))
    };
    assert!(index.pairs().len() >= 20, "{} pairs", index.pairs().len());
    for (a, b, sim) in index.pairs() {
        assert!(a < b);
        assert_ne!(cert(a), cert(b), "{a} ~ {b} within one certification");
        assert!(
            (SIMILARITY_THRESHOLD..=1.0 + 1e-6).contains(&sim),
            "{a} ~ {b}: {sim}"
        );
        assert!(index.alike(a).iter().any(|x| x == b) && index.alike(b).iter().any(|x| x == a));
    }
    // Sorted by similarity, descending.
    for (id, _, _) in index.pairs() {
        let sims: Vec<f32> = index
            .alike(id)
            .iter()
            .filter_map(|o| index.similarity(id, o))
            .collect();
        assert!(sims.windows(2).all(|w| w[0] >= w[1]), "{id}: {sims:?}");
    }
}

#[test]
fn groups_are_disjoint_and_connected() {
    let index = AlikeIndex::compute(&bundled());
    let groups = index.groups();
    assert!(!groups.is_empty());
    let mut seen = HashSet::new();
    for g in &groups {
        assert!(g.len() >= 2, "{g:?}");
        assert!(g.windows(2).all(|w| w[0] < w[1]), "sorted: {g:?}");
        for id in g {
            assert!(seen.insert(id.clone()), "{id} in two groups");
            assert!(
                index.alike(id).iter().all(|o| g.contains(o)),
                "{id}'s alike outside its group"
            );
        }
    }
    assert!(groups.windows(2).all(|w| w[0][0] < w[1][0]));
    let conflict = groups
        .iter()
        .find(|g| g.contains(&"RNCP37722BC02-C02".to_owned()));
    assert!(
        conflict.is_some_and(|g| g.contains(&"RNCP41674BC02-C03".to_owned())),
        "{conflict:?}"
    );
}

fn cert_json(code: &str, labels: &[&str]) -> String {
    let comps: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| format!(r#"{{"id":"{code}BC01-C{:02}","label":"{l}"}}"#, i + 1))
        .collect();
    format!(
        r#"{{"code":"{code}","title":"T","certifiers":[{{"name":"X"}}],
        "blocs":[{{"code":"{code}BC01","title":"Bloc","competencies":[{}]}}],
        "source":{{"seed":"s","url":"u"}}}}"#,
        comps.join(",")
    )
}

fn small() -> Catalogue {
    let a = cert_json(
        "RNCP1",
        &[
            "Apaiser les conflits entre voisins",
            "Accueillir le public",
            "Gérer un budget",
        ],
    );
    let b = cert_json(
        "RNCP2",
        &[
            "Apaiser les conflits entre habitants",
            "Rédiger des rapports",
            "Tenir la caisse",
        ],
    );
    Catalogue::from_sources(&[("1", &a), ("2", &b)]).unwrap_or_else(|e| panic!("{e}"))
}

fn pair(a: &str, b: &str) -> [String; 2] {
    [a.to_owned(), b.to_owned()]
}

#[test]
fn overrides_add_remove_and_report() {
    let cat = small();
    let matcher = Matcher::new(&cat);
    let (plain, errors) = AlikeIndex::compute_with(&cat, &matcher, &Overrides::default());
    assert!(errors.is_empty());
    check_alike(&plain, "RNCP1BC01-C01", "RNCP2BC01-C01", true);
    check_alike(&plain, "RNCP1BC01-C03", "RNCP2BC01-C03", false);

    let overrides = Overrides {
        about: String::new(),
        add: vec![
            pair("RNCP1BC01-C03", "RNCP2BC01-C03"),
            pair("RNCP1BC01-C02", "RNCP9BC01-C01"),
        ],
        remove: vec![
            pair("RNCP2BC01-C01", "RNCP1BC01-C01"),
            pair("RNCP1BC01-C01", "RNCP1BC01-C02"),
        ],
    };
    let (index, errors) = AlikeIndex::compute_with(&cat, &matcher, &overrides);
    check_alike(&index, "RNCP1BC01-C03", "RNCP2BC01-C03", true);
    assert_eq!(
        index.similarity("RNCP2BC01-C03", "RNCP1BC01-C03"),
        Some(1.0)
    );
    check_alike(&index, "RNCP1BC01-C01", "RNCP2BC01-C01", false);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("add") && messages[0].contains("unknown competency RNCP9BC01-C01"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("remove") && messages[1].contains("both competencies are in RNCP1"),
        "{messages:?}"
    );
}

#[test]
fn bundled_overrides_are_valid() {
    let overrides = Overrides::parse(OVERRIDES_JSON).unwrap_or_else(|e| panic!("{e}"));
    assert!(!overrides.add.is_empty() && !overrides.remove.is_empty());
    let cat = bundled();
    let (_, errors) = AlikeIndex::compute_with(&cat, &Matcher::new(&cat), &overrides);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(messages.is_empty(), "{messages:#?}");
    assert!(Overrides::parse(r#"{"add":[["a"]]}"#).is_err());
    assert!(Overrides::parse(r#"{"added":[]}"#).is_err());
}
