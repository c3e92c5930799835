//! The RNCP importer end to end: the library on small XML strings (bad input, the traps of the
//! real export, selection, curated files) and the built `rncp-import` binary on the sample
//! export (files valid for the app, byte-identical re-import).

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use repere::core::catalogue::parse_certification;
use repere::core::import::fiche::Severity;
use repere::core::import::run::{import, Options, Report};
use repere::core::model::Certification;

const SAMPLE: &str = "tests/fixtures/rncp-export-v4.1-sample.xml";

/// A fresh folder under Cargo's temporary folder for integration tests.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("import-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create the test folder");
    dir
}

/// A minimal valid fiche; `extra` goes inside `<FICHE>`, `blocs` inside `BLOCS_COMPETENCES`.
fn fiche(code: &str, extra: &str, blocs: &str) -> String {
    format!(
        "<FICHE><ID_FICHE>1</ID_FICHE><NUMERO_FICHE>{code}</NUMERO_FICHE>\
         <INTITULE>Titre {code}</INTITULE><ACTIF>Oui</ACTIF>\
         <NOMENCLATURE_EUROPE><NIVEAU>NIV4</NIVEAU><LIBELLE>Niveau 4</LIBELLE></NOMENCLATURE_EUROPE>\
         <CERTIFICATEURS><CERTIFICATEUR><SIRET_CERTIFICATEUR>123</SIRET_CERTIFICATEUR>\
         <NOM_CERTIFICATEUR>CERTIF</NOM_CERTIFICATEUR><ETAT_CERTIFICATEUR>Actif</ETAT_CERTIFICATEUR>\
         </CERTIFICATEUR></CERTIFICATEURS>{extra}<BLOCS_COMPETENCES>{blocs}</BLOCS_COMPETENCES></FICHE>"
    )
}

fn bloc(code: &str, list: &str) -> String {
    format!(
        "<BLOC_COMPETENCES><CODE>{code}</CODE><LIBELLE>Bloc {code}</LIBELLE>\
         <LISTE_COMPETENCES>{list}</LISTE_COMPETENCES>\
         <MODALITES_EVALUATION>Etude de cas    Entretien</MODALITES_EVALUATION></BLOC_COMPETENCES>"
    )
}

fn export(fiches: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FICHES><VERSION_FLUX>4.1</VERSION_FLUX>{}</FICHES>",
        fiches.concat()
    )
}

fn run_bytes(name: &str, xml: &[u8], opts: Options) -> (Report, PathBuf) {
    let out = temp_dir(name);
    let opts = Options {
        out: out.clone(),
        seed: "test.xml".into(),
        ..opts
    };
    let report = import(xml, Path::new("test.xml"), &opts).expect("no I/O error");
    (report, out)
}

fn run(name: &str, xml: &str) -> (Report, PathBuf) {
    run_bytes(name, xml.as_bytes(), Options::default())
}

fn read_cert(dir: &Path, code: &str) -> Certification {
    let file = format!("{code}.json");
    let json = fs::read_to_string(dir.join(&file)).expect("file written");
    parse_certification(&file, &json).unwrap_or_else(|e| panic!("{e}"))
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The single issue of a report, as text, checked to contain every fragment.
fn issue_with(report: &Report, severity: Severity, fragments: &[&str]) {
    let issues = match severity {
        Severity::Error => &report.errors,
        Severity::Warning => &report.warnings,
    };
    assert!(
        issues.iter().any(|i| {
            let text = i.to_string();
            fragments.iter().all(|f| text.contains(f))
        }),
        "no {severity:?} with {fragments:?} in {issues:#?}"
    );
}

#[test]
fn good_fiches_round_trip() {
    let (report, out) = run(
        "good",
        &export(&[
            fiche("RNCP1", "", &bloc("RNCP1BC01", "- Analyser  - Concevoir")),
            fiche("RNCP2", "", &bloc("RNCP2BC01", "Gérer le stock")),
        ]),
    );
    assert_eq!(
        (report.fiches_read, report.selected, report.written),
        (2, 2, 2)
    );
    assert_eq!((report.blocs, report.competencies), (2, 3));
    assert_eq!((report.warning_count, report.error_count), (0, 0));
    let c = read_cert(&out, "RNCP1");
    let labels: Vec<(&str, &str)> = c
        .competencies()
        .map(|(_, c)| (c.id.as_str(), c.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("RNCP1BC01-C01", "Analyser"),
            ("RNCP1BC01-C02", "Concevoir")
        ]
    );
    assert_eq!(
        c.blocs[0].assessment.as_deref(),
        Some(&["Etude de cas".to_owned(), "Entretien".to_owned()][..])
    );
    assert_eq!(c.level, Some(4));
    assert_eq!(c.source.seed, "test.xml");
}

#[test]
fn truncated_xml_names_the_fiche_and_the_rest_is_imported() {
    let full = export(&[
        fiche("RNCP1", "", &bloc("RNCP1BC01", "Analyser")),
        fiche(
            "RNCP2",
            "",
            &bloc("RNCP2BC01", "Analyser la demande du client"),
        ),
    ]);
    let cut = &full[..full.find("la demande").expect("marker")];
    let (report, out) = run("truncated", cut);
    assert_eq!((report.fiches_read, report.written), (2, 1));
    assert_eq!(report.fiches_unreadable, 1);
    issue_with(
        &report,
        Severity::Error,
        &[
            "RNCP2",
            "FICHE/BLOCS_COMPETENCES/BLOC_COMPETENCES[1]/LISTE_COMPETENCES",
            "truncated",
        ],
    );
    assert_eq!(files(&out), ["RNCP1.json"]);
    assert!(report.read_anything());
}

#[test]
fn missing_numero_fiche_is_named_by_rank_and_id() {
    let broken = fiche("RNCP1", "", &bloc("RNCP1BC01", "Analyser"))
        .replace("<NUMERO_FICHE>RNCP1</NUMERO_FICHE>", "");
    let (report, out) = run(
        "no-code",
        &export(&[broken, fiche("RNCP2", "", &bloc("RNCP2BC01", "Gérer"))]),
    );
    issue_with(
        &report,
        Severity::Error,
        &["fiche n°1 (ID_FICHE 1", "<FICHE/NUMERO_FICHE>", "missing"],
    );
    assert_eq!(files(&out), ["RNCP2.json"]);
}

#[test]
fn empty_bloc_is_kept_with_its_title_and_flagged() {
    let (report, out) = run(
        "empty-bloc",
        &export(&[fiche(
            "RNCP1",
            "",
            &format!("{}{}", bloc("RNCP1BC01", "   "), bloc("RNCP1BC02", "Gérer")),
        )]),
    );
    issue_with(
        &report,
        Severity::Warning,
        &[
            "RNCP1",
            "BLOC_COMPETENCES[1]/LISTE_COMPETENCES",
            "empty competency list",
        ],
    );
    assert_eq!(report.flagged_blocs, 1);
    let c = read_cert(&out, "RNCP1");
    assert_eq!(c.blocs[0].competencies[0].label, "Bloc RNCP1BC01");
    assert!(c.blocs[0].split_warning.is_some());
    assert!(c.blocs[1].split_warning.is_none());
}

#[test]
fn unsplittable_list_is_kept_whole_and_flagged() {
    let prose = "Le titulaire organise son travail. Il prend en compte les consignes de sécurité \
                 et les règles d'hygiène du site. Les situations sont variées et demandent de \
                 l'autonomie. Le poste comprend des déplacements fréquents sur plusieurs sites \
                 et des horaires décalés selon la saison et l'activité de l'entreprise.";
    let (report, out) = run(
        "whole",
        &export(&[fiche("RNCP1", "", &bloc("RNCP1BC01", prose))]),
    );
    issue_with(
        &report,
        Severity::Warning,
        &[
            "RNCP1",
            "BLOC_COMPETENCES[1]/LISTE_COMPETENCES",
            "kept whole",
        ],
    );
    assert_eq!(report.flagged_blocs, 1);
    let c = read_cert(&out, "RNCP1");
    assert_eq!(c.blocs[0].competencies.len(), 1);
    assert!(c.blocs[0].split_warning.is_some());
}

#[test]
fn binary_garbage_inside_a_fiche_skips_only_that_fiche() {
    let good = fiche("RNCP2", "", &bloc("RNCP2BC01", "Gérer"));
    let mut bytes = export(&[fiche("RNCP1", "", &bloc("RNCP1BC01", "GARBAGE")), good]).into_bytes();
    let at = bytes
        .windows(7)
        .position(|w| w == b"GARBAGE")
        .expect("marker");
    bytes.splice(at..at + 7, [0xff, 0xfe, 0x00, 0x9c, b'<', 0x01, 0xc3]);
    let (report, out) = run_bytes("garbage", &bytes, Options::default());
    issue_with(
        &report,
        Severity::Error,
        &["RNCP1", "LISTE_COMPETENCES", "malformed XML"],
    );
    assert_eq!(files(&out), ["RNCP2.json"]);
    assert!(report.read_anything());
}

#[test]
fn garbage_between_fiches_is_reported() {
    let xml = export(&[
        fiche("RNCP1", "", &bloc("RNCP1BC01", "Gérer")),
        "\u{1}\u{2}junk".to_owned(),
        fiche("RNCP2", "", &bloc("RNCP2BC01", "Gérer")),
    ]);
    let (report, out) = run("between", &xml);
    issue_with(
        &report,
        Severity::Warning,
        &["outside any fiche", "unexpected content"],
    );
    assert_eq!(files(&out), ["RNCP1.json", "RNCP2.json"]);
}

#[test]
fn a_file_that_is_not_an_export_reads_nothing() {
    let (report, out) = run_bytes(
        "not-xml",
        b"\x00\x01binary\xff\xfe not an export",
        Options::default(),
    );
    assert!(!report.read_anything());
    issue_with(&report, Severity::Error, &["no <FICHE> element found"]);
    assert!(files(&out).is_empty());
}

#[test]
fn a_code_given_twice_keeps_its_first_fiche() {
    let first = fiche("RNCP1", "", &bloc("RNCP1BC01", "Gérer"));
    let second = first.replace("Titre RNCP1", "Autre titre");
    let (report, out) = run("twice", &export(&[first, second]));
    issue_with(
        &report,
        Severity::Warning,
        &["RNCP1", "fiche n°2 repeats a code"],
    );
    assert_eq!(report.written, 1);
    assert_eq!(read_cert(&out, "RNCP1").title, "Titre RNCP1");
}

#[test]
fn unknown_element_is_reported_and_skipped() {
    let (report, out) = run(
        "unknown",
        &export(&[fiche(
            "RNCP1",
            "<NOUVEAU_CHAMP><X>1</X></NOUVEAU_CHAMP>",
            &bloc("RNCP1BC01", "Gérer"),
        )]),
    );
    issue_with(
        &report,
        Severity::Warning,
        &["RNCP1", "<FICHE/NOUVEAU_CHAMP>", "unknown element"],
    );
    assert_eq!(report.written, 1);
    read_cert(&out, "RNCP1");
    // In many fiches: the first ones named, the others counted.
    let many: Vec<String> = (1..=8)
        .map(|n| {
            fiche(
                &format!("RNCP{n}"),
                "<NOUVEAU_CHAMP/>",
                &bloc(&format!("RNCP{n}BC01"), "Gérer"),
            )
        })
        .collect();
    let (report, _) = run("unknown-many", &export(&many));
    assert_eq!(report.warning_count, 6, "{:#?}", report.warnings);
    issue_with(
        &report,
        Severity::Warning,
        &["RNCP5", "<FICHE/NOUVEAU_CHAMP>"],
    );
    issue_with(
        &report,
        Severity::Warning,
        &["3 more fiches", "<FICHE/NOUVEAU_CHAMP>"],
    );
}

/// The traps of the real export: correspondences name other fiches and their blocs, and each
/// access route has its own `ACTIF`.
#[test]
fn fields_are_read_at_their_own_path() {
    let correspondence = "<CORRESPONDANCES><CORRESPONDANCE><SOURCE><BLOC_COMPETENCES>\
        <CODE>RNCP1BC01</CODE></BLOC_COMPETENCES></SOURCE><DESTINATION>\
        <NUMERO_FICHE>RNCP9</NUMERO_FICHE><BLOC_COMPETENCES><CODE>RNCP9BC07</CODE>\
        </BLOC_COMPETENCES></DESTINATION></CORRESPONDANCE></CORRESPONDANCES>";
    let juries = "<SI_JURY_FI><ACTIF>Oui</ACTIF><COMPOSITION>Jury :  - A  - B</COMPOSITION>\
        </SI_JURY_FI><SI_JURY_VAE><ACTIF>Non</ACTIF></SI_JURY_VAE>";
    let inactive = fiche(
        "RNCP1",
        &format!("{correspondence}{juries}"),
        &bloc("RNCP1BC01", "Gérer"),
    )
    .replace(
        "<ACTIF>Oui</ACTIF><NOMENCLATURE",
        "<ACTIF>Non</ACTIF><NOMENCLATURE",
    );
    // Correspondences placed before and after the fiche's own fields.
    let active = fiche(
        "RNCP2",
        &format!("{juries}{correspondence}"),
        &bloc("RNCP2BC01", "Gérer"),
    )
    .replace(
        "<FICHE><ID_FICHE>1</ID_FICHE>",
        &format!("<FICHE>{correspondence}<ID_FICHE>1</ID_FICHE>"),
    );
    let xml = export(&[inactive, active]);
    let (report, out) = run("paths", &xml);
    assert_eq!(report.written, 2, "{report:#?}");
    let c = read_cert(&out, "RNCP2");
    assert_eq!(c.code, "RNCP2");
    let blocs: Vec<&str> = c.blocs.iter().map(|b| b.code.as_str()).collect();
    assert_eq!(blocs, ["RNCP2BC01"]);
    let routes = c.access_routes.as_ref().expect("routes");
    assert_eq!(
        routes.iter().map(|r| r.open).collect::<Vec<_>>(),
        [true, false]
    );
    assert_eq!(routes[0].jury.as_deref(), Some("Jury :\n- A\n- B"));

    // Older exports: the route's answer as the element's own text.
    let older = fiche(
        "RNCP3",
        "<SI_JURY_FI>Oui</SI_JURY_FI><SI_JURY_VAE>Non</SI_JURY_VAE>\
         <ANCIENNE_CERTIFICATION>RNCP7</ANCIENNE_CERTIFICATION>\
         <NOUVELLE_CERTIFICATION>RNCP8</NOUVELLE_CERTIFICATION>",
        &bloc("RNCP3BC01", "Gérer"),
    );
    let (report, older_out) = run("paths-older", &export(&[older]));
    assert_eq!(report.warning_count, 0, "{:#?}", report.warnings);
    let c = read_cert(&older_out, "RNCP3");
    let routes = c.access_routes.as_ref().expect("routes");
    assert_eq!(
        routes.iter().map(|r| r.open).collect::<Vec<_>>(),
        [true, false]
    );
    assert_eq!(
        (c.previous[0].code.as_str(), c.next[0].code.as_str()),
        ("RNCP7", "RNCP8")
    );

    let (report, out) = run_bytes(
        "paths-active",
        xml.as_bytes(),
        Options {
            active_only: true,
            ..Options::default()
        },
    );
    assert_eq!(report.selected, 1);
    assert_eq!(files(&out), ["RNCP2.json"]);
}

#[test]
fn selection_options() {
    let xml = export(&[
        fiche(
            "RNCP1",
            "<CODES_NSF><NSF><CODE>332t</CODE><LIBELLE>x</LIBELLE></NSF></CODES_NSF>",
            &bloc("RNCP1BC01", "Gérer"),
        ),
        fiche(
            "RNCP2",
            "<CODES_ROME><ROME><CODE>K1204</CODE><LIBELLE>y</LIBELLE></ROME></CODES_ROME>",
            &bloc("RNCP2BC01", "Gérer"),
        )
        .replace("NIV4", "NIV3")
        .replace(">123<", ">999<"),
    ]);
    let cases: [(Options, &[&str]); 6] = [
        (Options::default(), &["RNCP1.json", "RNCP2.json"]),
        (
            Options {
                codes: vec!["rncp2".into(), "RNCP7".into()],
                ..Options::default()
            },
            &["RNCP2.json"],
        ),
        (
            Options {
                nsf: vec!["332T".into()],
                ..Options::default()
            },
            &["RNCP1.json"],
        ),
        (
            Options {
                rome: vec!["K1204".into()],
                ..Options::default()
            },
            &["RNCP2.json"],
        ),
        (
            Options {
                certifiers: vec!["999".into()],
                ..Options::default()
            },
            &["RNCP2.json"],
        ),
        (
            Options {
                levels: vec![4, 5],
                ..Options::default()
            },
            &["RNCP1.json"],
        ),
    ];
    for (n, (opts, expected)) in cases.into_iter().enumerate() {
        let (_, out) = run_bytes(&format!("select-{n}"), xml.as_bytes(), opts);
        assert_eq!(files(&out), expected, "case {n}");
    }
}

#[test]
fn curated_files_are_kept_without_force() {
    let xml = export(&[fiche("RNCP1", "", &bloc("RNCP1BC01", "Gérer"))]);
    let out = temp_dir("curated");
    let curated =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/RNCP2383.json"))
            .expect("a curated data file")
            .replace("RNCP2383", "RNCP1");
    fs::write(out.join("RNCP1.json"), &curated).expect("write");
    let opts = Options {
        out: out.clone(),
        seed: "x.xml".into(),
        ..Options::default()
    };
    let report = import(xml.as_bytes(), Path::new("x.xml"), &opts).expect("import");
    assert_eq!((report.written, report.kept_curated), (0, 1));
    issue_with(
        &report,
        Severity::Warning,
        &["RNCP1", "hand-curated", "--force"],
    );
    assert_eq!(
        fs::read_to_string(out.join("RNCP1.json")).expect("read"),
        curated
    );
    let forced = Options {
        force: true,
        ..opts
    };
    let report = import(xml.as_bytes(), Path::new("x.xml"), &forced).expect("import");
    assert_eq!(report.written, 1);
    assert_eq!(read_cert(&out, "RNCP1").title, "Titre RNCP1");
    // No temporary file is left behind.
    assert_eq!(files(&out), ["RNCP1.json"]);
}

fn bin(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rncp-import"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("run rncp-import")
}

#[test]
fn binary_on_the_sample_is_valid_and_deterministic() {
    let a = temp_dir("bin-a");
    let b = temp_dir("bin-b");
    let out = bin(&[SAMPLE, "--out", a.to_str().expect("utf-8 path")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in [
        "fiches read: 3 (0 unreadable, 0 not RNCP)",
        "fiches selected: 3",
        "files written: 3 (0 unchanged, 0 hand-curated kept)",
        "blocs: 10 (0 flagged for a check of their split)",
        "competencies: 65",
        "warnings: 0",
        "errors: 0",
    ] {
        assert!(stdout.contains(line), "{line:?} not in\n{stdout}");
    }
    let names = files(&a);
    assert_eq!(
        names,
        ["RNCP36612.json", "RNCP37674.json", "RNCP40344.json"]
    );
    let first: Vec<Vec<u8>> = names
        .iter()
        .map(|n| fs::read(a.join(n)).expect("read"))
        .collect();
    for n in &names {
        let code = n.trim_end_matches(".json");
        let c = read_cert(&a, code);
        assert_eq!(c.code, code);
    }
    // Again into the same folder: nothing changes. Into another: the same bytes.
    let again = bin(&[SAMPLE, "--out", a.to_str().expect("utf-8 path")]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("files written: 0 (3 unchanged"));
    assert!(bin(&[SAMPLE, "--out", b.to_str().expect("utf-8 path")])
        .status
        .success());
    for (n, bytes) in names.iter().zip(&first) {
        assert_eq!(&fs::read(a.join(n)).expect("read"), bytes, "{n}");
        assert_eq!(&fs::read(b.join(n)).expect("read"), bytes, "{n}");
    }
    // Selection through the command line.
    let c = temp_dir("bin-c");
    let sel = bin(&[
        SAMPLE,
        "--out",
        c.to_str().expect("utf-8 path"),
        "--level",
        "5",
        "--rome",
        "M1805,K1204",
        "--active-only",
    ]);
    assert!(sel.status.success());
    assert_eq!(files(&c), ["RNCP37674.json"]);
}

/// Imported fiches sit next to the bundled ones in one catalogue (no code or id clash) and are
/// found by the app's search.
#[test]
fn imported_sample_joins_the_bundled_catalogue() {
    use repere::core::catalogue::{Catalogue, CERTIFICATION_SOURCES};
    let file = fs::File::open(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).expect("sample");
    let (report, out) = run_bytes("catalogue", b"", Options::default());
    assert!(!report.read_anything());
    let opts = Options {
        out: out.clone(),
        seed: "sample.xml".into(),
        ..Options::default()
    };
    import(file, Path::new(SAMPLE), &opts).expect("import");
    let imported: Vec<(String, String)> = files(&out)
        .into_iter()
        .map(|n| {
            let json = fs::read_to_string(out.join(&n)).expect("read");
            (n, json)
        })
        .collect();
    let mut sources: Vec<(&str, &str)> = CERTIFICATION_SOURCES.to_vec();
    sources.extend(imported.iter().map(|(n, j)| (n.as_str(), j.as_str())));
    let cat = Catalogue::from_sources(&sources).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cat.all().len(), CERTIFICATION_SOURCES.len() + 3);
    let web = cat
        .get("RNCP37674")
        .expect("imported fiche in the catalogue");
    assert_eq!(web.competency_count(), 8);
    assert_eq!(
        cat.competency("RNCP37674BC02-C01")
            .map(|(_, c)| c.label.as_str()),
        Some("Mettre en place une base de données relationnelle")
    );
    let query = repere::core::search::Query {
        text: "vétérinaire".into(),
        ..Default::default()
    };
    let today = repere::core::date::Date::new(2026, 11, 22).expect("a day");
    let hits = repere::core::search::search(&cat, &query, today);
    assert_eq!(
        hits.first().map(|h| h.cert.code.as_str()),
        Some("RNCP40344"),
        "search finds the imported fiche"
    );
}

#[test]
fn binary_arguments_and_exit_codes() {
    let help = bin(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for option in [
        "--out",
        "--code",
        "--nsf",
        "--rome",
        "--certifier",
        "--level",
        "--active-only",
        "--force",
        "--stats",
        "EXIT STATUS",
    ] {
        assert!(text.contains(option), "--help does not document {option}");
    }
    assert_eq!(bin(&[SAMPLE]).status.code(), Some(2));
    assert_eq!(
        bin(&[SAMPLE, "--out", "x", "--bogus"]).status.code(),
        Some(2)
    );
    assert_eq!(
        bin(&[SAMPLE, "--out", "x", "--level", "trois"])
            .status
            .code(),
        Some(2)
    );
    let d = temp_dir("bin-missing");
    let missing = bin(&[
        "tests/fixtures/no-such-file.xml",
        "--out",
        d.to_str().expect("utf-8"),
    ]);
    assert_eq!(missing.status.code(), Some(1));
    // A file with no fiche: nothing could be read.
    let not_xml = d.join("not-an-export.xml");
    fs::write(&not_xml, b"\x00\x01 nothing here").expect("write");
    let none = bin(&[
        not_xml.to_str().expect("utf-8"),
        "--out",
        d.to_str().expect("utf-8"),
    ]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no <FICHE> element found"));
}

fn synth(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rncp-synth"))
        .args(args)
        .output()
        .expect("run rncp-synth")
}

#[test]
fn synthetic_catalogue_is_valid_and_deterministic() {
    let a = temp_dir("synth-a");
    let b = temp_dir("synth-b");
    for dir in [&a, &b] {
        let o = synth(&[
            "catalogue",
            "--count",
            "40",
            "--seed",
            "7",
            "--out",
            dir.to_str().expect("utf-8"),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let names = files(&a);
    assert_eq!(names.len(), 40);
    assert_eq!(names, files(&b));
    let mut blocs = 0;
    for n in &names {
        let code = n.trim_end_matches(".json");
        blocs += read_cert(&a, code).blocs.len();
        assert_eq!(
            fs::read(a.join(n)).expect("read"),
            fs::read(b.join(n)).expect("read")
        );
    }
    assert!(blocs >= 40 * 2, "{blocs} blocs");
}

#[test]
fn synthetic_export_imports_cleanly() {
    let dir = temp_dir("synth-export");
    let xml = dir.join("export.xml");
    let o = synth(&["export", "--mb", "1", "--out", xml.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let size = fs::metadata(&xml).expect("export written").len();
    assert!(size >= 1_000_000, "{size} bytes");
    let out = dir.join("out");
    let opts = Options {
        out: out.clone(),
        seed: "export.xml".into(),
        ..Options::default()
    };
    let file = fs::File::open(&xml).expect("open");
    let report = import(file, &xml, &opts).expect("import");
    // The sample's three fiches, repeated with fresh codes: 10 blocs and 65 competencies each time.
    let rounds = report.fiches_read / 3;
    assert!(rounds >= 3, "{report:#?}");
    assert_eq!(report.written, report.fiches_read);
    assert_eq!(
        (report.warning_count, report.error_count),
        (0, 0),
        "{report:#?}"
    );
    let full = report.fiches_read - report.fiches_read % 3;
    assert!(report.competencies >= full / 3 * 65);
    assert_eq!(files(&out).len(), report.fiches_read);
}
