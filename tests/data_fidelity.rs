//! Data fidelity: every certification file in `data/` parses, and what the app shows as
//! published text (bloc titles, competency labels, assessment modalities) is copied verbatim
//! from the source the file names in `source.seed` (a file of `data/sources/`).
//!
//! Every check takes the data folder as a parameter: the same checks run on `data/` and on a
//! temporary copy with one more certification, which proves that adding a certification is
//! adding files, with no code or test to change.
//!
//! Sources are read from `data/sources/`, or from `$REPERE_SEEDS` when set (to check the data
//! against another copy of the published texts). Run with `cargo test --test data_fidelity`.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use repere::core::catalogue::{parse_certification, Catalogue, LinkTarget};
use repere::core::date::Date;
use repere::core::model::Certification;
use repere::core::search::{Query, SearchIndex};
use serde_json::Value;

// ------------------------------------------------------------------------------------------------
// Fixtures

/// Expected shape of the hand-curated certifications (the others only need to be well formed):
/// (code, number of blocs, blocs rebuilt from a summary, bloc codes assigned by Repère).
const CURATED: &[(&str, usize, bool, bool)] = &[
    ("RNCP36524", 5, false, false),
    ("RNCP37722", 3, false, false),
    ("RNCP41674", 4, false, false),
    ("RNCP36241", 3, true, true),
    ("RNCP2383", 3, false, true),
];

/// The day the tests live on (the same as the e2e tests' pinned browser clock).
const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 22,
};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Where the published texts of `data` are: `$REPERE_SEEDS` for the real data when set, else
/// `<data>/sources`.
fn sources_dir(data: &Path) -> PathBuf {
    let dir = match std::env::var_os("REPERE_SEEDS") {
        Some(dir) if data == data_dir() => PathBuf::from(dir),
        _ => data.join("sources"),
    };
    assert!(
        dir.is_dir(),
        "sources folder not found at {}: it holds the published text of each certification",
        dir.display()
    );
    dir
}

/// `(file name, JSON text)` of every top-level `*.json` of `dir`, sorted by name.
fn data_files_in(dir: &Path) -> Vec<(String, String)> {
    let entries = fs::read_dir(dir).expect("the data folder is readable");
    let mut files: Vec<(String, String)> = entries
        .map(|e| e.expect("the data folder is readable").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .expect("data file names are UTF-8")
                .to_owned();
            let text = fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            (name, text)
        })
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no certification file in {}",
        dir.display()
    );
    files
}

fn data_files() -> Vec<(String, String)> {
    data_files_in(&data_dir())
}

/// Every data file of `dir`, parsed; panics naming the file and field of the first bad one.
fn certifications_in(dir: &Path) -> Vec<(String, Certification)> {
    data_files_in(dir)
        .into_iter()
        .map(|(file, text)| {
            let cert = parse_certification(&file, &text).unwrap_or_else(|e| panic!("{e}"));
            (file, cert)
        })
        .collect()
}

/// The catalogue the app would bundle from `dir` (what `build.rs` does with `data/`).
fn catalogue_of(dir: &Path) -> Catalogue {
    let files = data_files_in(dir);
    let sources: Vec<(&str, &str)> = files
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    Catalogue::from_sources(&sources).unwrap_or_else(|e| panic!("{e}"))
}

/// Whitespace runs (spaces, NBSP, tabs, newlines) become one space; ends are trimmed.
fn normalise(s: &str) -> String {
    s.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The source a certification was written from, whitespace-normalised.
fn seed_text(sources: &Path, file: &str, cert: &Certification) -> String {
    let name = &cert.source.seed;
    assert!(
        !name.is_empty() && !name.contains(['/', '\\']) && name != "..",
        "data/{file}: field `source.seed`: {name:?} must be a file name in data/sources/"
    );
    let path = sources.join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "data/{file}: field `source.seed`: cannot read {}: {e}",
            path.display()
        )
    });
    normalise(&text)
}

fn is_rncp_code(code: &str) -> bool {
    code.strip_prefix("RNCP")
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

// ------------------------------------------------------------------------------------------------
// Verbatim copies

/// Checks that `text` appears verbatim in the normalised seed.
fn check_verbatim(seed: &str, file: &str, field: &str, text: &str) {
    let wanted = normalise(text);
    assert!(
        !wanted.is_empty(),
        "data/{file}: field `{field}`: empty text"
    );
    assert!(
        seed.contains(&wanted),
        "data/{file}: field `{field}`: not found verbatim in the seed: {wanted:?}"
    );
}

#[test]
fn titles_labels_and_modalities_are_copied_verbatim_from_the_seed() {
    check_verbatim_copies(&data_dir());
}

fn check_verbatim_copies(dir: &Path) {
    let sources = sources_dir(dir);
    for (file, cert) in certifications_in(dir) {
        let seed = seed_text(&sources, &file, &cert);
        for (i, bloc) in cert.blocs.iter().enumerate() {
            check_verbatim(&seed, &file, &format!("blocs[{i}].title"), &bloc.title);
            for (j, comp) in bloc.competencies.iter().enumerate() {
                let field = format!("blocs[{i}].competencies[{j}].label");
                check_verbatim(&seed, &file, &field, &comp.label);
            }
            for (k, modality) in bloc.assessment.iter().flatten().enumerate() {
                check_verbatim(
                    &seed,
                    &file,
                    &format!("blocs[{i}].assessment[{k}]"),
                    modality,
                );
            }
        }
    }
}

#[test]
fn verbatim_check_normalises_whitespace_and_rejects_paraphrase() {
    let seed =
        normalise("Bloc n°1 - Participer à\t\ndes réseaux\u{a0}\u{a0}professionnels et contribuer");
    let cases: &[(&str, bool)] = &[
        ("Participer à des réseaux professionnels", true),
        ("Participer à des  réseaux\nprofessionnels", true),
        ("participer à des réseaux professionnels", false),
        ("Participer aux réseaux professionnels", false),
    ];
    for &(text, found) in cases {
        assert_eq!(seed.contains(&normalise(text)), found, "{text:?}");
    }
}

// ------------------------------------------------------------------------------------------------
// Codes and ids

#[test]
fn codes_and_competency_ids_are_well_formed_and_unique() {
    check_codes_and_ids(&data_dir());
}

fn check_codes_and_ids(dir: &Path) {
    let mut bloc_codes: HashMap<String, String> = HashMap::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    for (file, cert) in certifications_in(dir) {
        assert_eq!(
            file,
            format!("{}.json", cert.code),
            "data/{file}: field `code`: file name"
        );
        assert_eq!(
            cert.source.url,
            Certification::official_url(&cert.code),
            "data/{file}: field `source.url`"
        );
        for (i, bloc) in cert.blocs.iter().enumerate() {
            let field = format!("blocs[{i}].code");
            assert!(
                bloc.code
                    .strip_prefix(&cert.code)
                    .is_some_and(|rest| rest.len() == 4
                        && rest.starts_with("BC")
                        && rest[2..].bytes().all(|b| b.is_ascii_digit())),
                "data/{file}: field `{field}`: {} is not {}BC<nn>",
                bloc.code,
                cert.code
            );
            if let Some(other) = bloc_codes.insert(bloc.code.clone(), file.clone()) {
                panic!(
                    "data/{file}: field `{field}`: {} is also used by data/{other}",
                    bloc.code
                );
            }
            for (j, comp) in bloc.competencies.iter().enumerate() {
                let field = format!("blocs[{i}].competencies[{j}].id");
                let expected = format!("{}-C{:02}", bloc.code, j + 1);
                assert_eq!(
                    comp.id, expected,
                    "data/{file}: field `{field}`: ids follow seed order"
                );
                if let Some(other) = ids.insert(comp.id.clone(), file.clone()) {
                    panic!(
                        "data/{file}: field `{field}`: {} is also used by data/{other}",
                        comp.id
                    );
                }
            }
        }
    }
}

// ------------------------------------------------------------------------------------------------
// The bundled catalogue

fn bundled() -> Catalogue {
    Catalogue::bundled().unwrap_or_else(|e| panic!("the bundled catalogue is invalid: {e}"))
}

#[test]
fn bundled_catalogue_holds_every_data_file() {
    check_catalogue_holds_every_file(&bundled(), &data_dir());
}

fn check_catalogue_holds_every_file(catalogue: &Catalogue, dir: &Path) {
    let files = data_files_in(dir);
    assert_eq!(
        catalogue.all().len(),
        files.len(),
        "certifications in the catalogue vs files in {}",
        dir.display()
    );
    for (file, cert) in certifications_in(dir) {
        assert_eq!(
            catalogue.get(&cert.code),
            Some(&cert),
            "data/{file} is bundled as parsed"
        );
    }
}

#[test]
fn lineage_references_resolve() {
    let catalogue = bundled();
    check_lineage_references(&catalogue);
    let old = catalogue.get("RNCP2383").expect("RNCP2383 is bundled");
    let bundled_successor = LinkTarget::Bundled {
        code: "RNCP36241".into(),
        title: bundled_title(&catalogue, "RNCP36241"),
    };
    assert_eq!(catalogue.successors(old), vec![bundled_successor]);
    let new = catalogue.get("RNCP36241").expect("RNCP36241 is bundled");
    assert!(
        catalogue
            .predecessors(new)
            .iter()
            .any(|t| matches!(t, LinkTarget::Bundled { code, .. } if code == "RNCP2383")),
        "RNCP36241 lists RNCP2383 among its predecessors"
    );
}

fn check_lineage_references(catalogue: &Catalogue) {
    for cert in catalogue.all() {
        let refs = cert
            .previous
            .iter()
            .map(|r| ("previous", r))
            .chain(cert.next.iter().map(|r| ("next", r)));
        for (list, r) in refs {
            assert!(
                catalogue.get(&r.code).is_some() || is_rncp_code(&r.code),
                "data/{}.json: field `{list}`: {:?} is neither bundled nor an RNCP code",
                cert.code,
                r.code
            );
            assert_ne!(
                r.code, cert.code,
                "data/{}.json: field `{list}`: refers to itself",
                cert.code
            );
        }
    }
}

fn bundled_title(catalogue: &Catalogue, code: &str) -> String {
    catalogue
        .get(code)
        .map(|c| c.title.clone())
        .unwrap_or_else(|| panic!("{code} is bundled"))
}

#[test]
fn bundled_certifications_have_the_expected_shape() {
    let catalogue = bundled();
    for &(code, blocs, reconstructed, assigned) in CURATED {
        let cert = catalogue
            .get(code)
            .unwrap_or_else(|| panic!("{code} is bundled"));
        assert_eq!(cert.blocs.len(), blocs, "{code}: number of blocs");
        assert_eq!(
            cert.reconstructed.is_some(),
            reconstructed,
            "{code}: field `reconstructed`"
        );
        for (i, bloc) in cert.blocs.iter().enumerate() {
            assert_eq!(
                bloc.code_assigned, assigned,
                "{code}: field `blocs[{i}].code_assigned`"
            );
            assert_eq!(
                bloc.code,
                format!("{code}BC{:02}", i + 1),
                "{code}: field `blocs[{i}].code`"
            );
        }
        if reconstructed {
            assert!(
                cert.blocs.iter().all(|b| b.assessment.is_none()),
                "{code}: a rebuilt bloc cannot know its assessment"
            );
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Malformed files are reported with their file and field

/// Breaks a copy of a data file.
type Mutation = fn(&mut Value);

/// Parses a mutated copy of a real data file and checks the error names `file` and `field`.
fn check_malformed(base: &Value, file: &str, mutate: impl Fn(&mut Value), field: &str) {
    let mut value = base.clone();
    mutate(&mut value);
    let json = serde_json::to_string(&value).expect("a JSON value serialises");
    match parse_certification(file, &json) {
        Ok(_) => panic!("{file}: the malformed copy parsed, expected an error on `{field}`"),
        Err(e) => {
            assert_eq!((e.file.as_str(), e.field.as_str()), (file, field), "{e}");
            let shown = e.to_string();
            assert!(
                shown.contains(file) && shown.contains(&format!("`{field}`")),
                "{shown}"
            );
        }
    }
}

fn at<'a>(v: &'a mut Value, pointer: &str) -> &'a mut Value {
    v.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("the sample has {pointer}"))
}

fn insert(v: &mut Value, pointer: &str, key: &str, value: Value) {
    at(v, pointer)
        .as_object_mut()
        .expect("an object")
        .insert(key.to_owned(), value);
}

fn remove(v: &mut Value, pointer: &str, key: &str) {
    at(v, pointer)
        .as_object_mut()
        .expect("an object")
        .remove(key)
        .expect("the key exists");
}

#[test]
fn malformed_copies_name_the_file_and_the_field() {
    // A real file that has every part the cases below break.
    let base: Value = data_files()
        .into_iter()
        .map(|(file, text)| {
            serde_json::from_str::<Value>(&text).unwrap_or_else(|e| panic!("data/{file}: {e}"))
        })
        .find(|v| {
            v.pointer("/blocs/1/competencies/1").is_some()
                && v.pointer("/access_routes/0").is_some()
                && v.pointer("/statistics/0").is_some()
        })
        .expect("a data file with two blocs, access routes and statistics");
    let cases: &[(&str, Mutation, &str)] = &[
        (
            "label-number.json",
            |v| *at(v, "/blocs/0/competencies/1/label") = 42.into(),
            "blocs[0].competencies[1].label",
        ),
        (
            "label-blank.json",
            |v| *at(v, "/blocs/0/competencies/0/label") = " ".into(),
            "blocs[0].competencies[0].label",
        ),
        (
            "bloc-title-blank.json",
            |v| *at(v, "/blocs/1/title") = "".into(),
            "blocs[1].title",
        ),
        (
            "bloc-title-missing.json",
            |v| remove(v, "/blocs/0", "title"),
            "blocs[0]",
        ),
        ("title-missing.json", |v| remove(v, "", "title"), "."),
        (
            "level-text.json",
            |v| *at(v, "/level") = "Niveau 3".into(),
            "level",
        ),
        (
            "date-french.json",
            |v| *at(v, "/registration_end") = "01-06-2024".into(),
            "registration_end",
        ),
        (
            "route-unknown.json",
            |v| *at(v, "/access_routes/0/route") = "alternance".into(),
            "access_routes[0].route",
        ),
        (
            "stat-percent.json",
            |v| *at(v, "/statistics/0/insertion_rate_6_months") = "100 %".into(),
            "statistics[0].insertion_rate_6_months",
        ),
        (
            "extra-field.json",
            |v| insert(v, "/blocs/0/competencies/0", "level", 1.into()),
            "blocs[0].competencies[0].level",
        ),
        (
            "id-foreign.json",
            |v| *at(v, "/blocs/0/competencies/0/id") = "RNCP1BC01-C01".into(),
            "blocs[0].competencies[0].id",
        ),
        (
            "no-blocs.json",
            |v| *at(v, "/blocs") = Value::Array(vec![]),
            "blocs",
        ),
    ];
    for &(file, mutate, field) in cases {
        check_malformed(&base, file, mutate, field);
    }
}

// ------------------------------------------------------------------------------------------------
// Adding a certification is adding files

/// Copies `data/` (certification files and their sources) to a fresh folder, plus one more
/// certification made from `from` under the code `code`: its own bloc codes, ids, source file.
fn data_with_extra_certification(from: &str, code: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("data-with-{code}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("sources")).expect("the target folder is writable");
    for (file, text) in data_files() {
        fs::write(dir.join(&file), text).expect("the copy is writable");
    }
    for entry in fs::read_dir(data_dir().join("sources")).expect("data/sources is readable") {
        let path = entry.expect("data/sources is readable").path();
        let name = path.file_name().expect("a file name");
        fs::copy(&path, dir.join("sources").join(name)).expect("the copy is writable");
    }
    let original = fs::read_to_string(data_dir().join(format!("{from}.json")))
        .expect("the model certification exists");
    let mut value: Value = serde_json::from_str(&original).expect("valid JSON");
    let seed = value["source"]["seed"]
        .as_str()
        .expect("a source")
        .to_owned();
    // Every occurrence of the code (bloc codes, competency ids, URL) becomes the new code.
    let digits = code.trim_start_matches("RNCP");
    let renamed = serde_json::to_string_pretty(&value)
        .expect("a JSON value serialises")
        .replace(from, code)
        .replace(
            &format!("/{}/", from.trim_start_matches("RNCP")),
            &format!("/{digits}/"),
        );
    value = serde_json::from_str(&renamed).expect("still valid JSON");
    value["title"] = Value::from("Certification ajoutée par le test");
    value["previous"] = Value::Array(vec![]);
    value["next"] = Value::Array(vec![]);
    let new_seed = format!("{code}.txt");
    value["source"]["seed"] = Value::from(new_seed.as_str());
    fs::copy(
        data_dir().join("sources").join(seed),
        dir.join("sources").join(&new_seed),
    )
    .expect("the copy is writable");
    fs::write(
        dir.join(format!("{code}.json")),
        serde_json::to_string_pretty(&value).expect("a JSON value serialises"),
    )
    .expect("the copy is writable");
    dir
}

#[test]
fn an_extra_certification_file_is_picked_up_by_the_catalogue_and_the_data_tests() {
    let code = "RNCP99901";
    let dir = data_with_extra_certification("RNCP37722", code);
    let count = data_files().len();
    // The data tests, run on the folder with one more file.
    check_verbatim_copies(&dir);
    check_codes_and_ids(&dir);
    let catalogue = catalogue_of(&dir);
    check_catalogue_holds_every_file(&catalogue, &dir);
    check_lineage_references(&catalogue);
    // The catalogue: one more card, found by its code and by its competencies.
    assert_eq!(catalogue.all().len(), count + 1);
    let added = catalogue
        .get(code)
        .expect("the new certification is in the catalogue");
    assert_eq!(
        added.blocs.len(),
        catalogue.get("RNCP37722").map_or(0, |c| c.blocs.len())
    );
    let index = SearchIndex::new(&catalogue, None);
    for text in [code, "médiation"] {
        let query = Query {
            text: text.into(),
            ..Query::default()
        };
        assert!(
            index
                .search(&query, TODAY)
                .iter()
                .any(|h| h.cert.code == code),
            "searching {text:?} finds {code}"
        );
    }
    assert!(
        catalogue.competency(&format!("{code}BC01-C01")).is_some(),
        "its competencies are addressable by id"
    );
    let _ = fs::remove_dir_all(&dir);
}
