//! The build step `repere-data` (`src/bin/repere-data.rs`): from `data/` to the files the app
//! downloads, and a bad data file stops it with the file and field, writing nothing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn run(data: &Path, out: &Path) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_repere-data"))
        .arg(data)
        .arg(out)
        .output()
        .expect("repere-data runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

#[test]
fn writes_the_index_and_one_file_per_fiche_identically_each_time() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = scratch("layout-ok").join("data");
    let (ok, text) = run(&data, &out);
    assert!(ok, "{text}");
    let codes: Vec<String> = fs::read_dir(&data)
        .expect("data/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_owned))
        .collect();
    assert!(!codes.is_empty());
    for code in &codes {
        assert!(
            out.join("fiches").join(format!("{code}.json")).is_file(),
            "{code}"
        );
    }
    let index = fs::read(out.join("index.json")).expect("index.json");
    let (ok, text) = run(&data, &out);
    assert!(ok, "{text}");
    assert_eq!(fs::read(out.join("index.json")).expect("index.json"), index);
}

#[test]
fn a_bad_file_names_its_file_and_field_and_leaves_the_previous_output_whole() {
    let root = scratch("layout-bad");
    let data = root.join("data");
    fs::create_dir_all(&data).expect("data folder");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/RNCP37722.json");
    fs::copy(&source, data.join("RNCP37722.json")).expect("copy");
    let out = root.join("out");
    assert!(run(&data, &out).0);
    let before = fs::read(out.join("index.json")).expect("index.json");

    let mut json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&source).expect("source")).expect("JSON");
    json["blocs"][0]["competencies"][0]["label"] = serde_json::json!(7);
    fs::write(data.join("RNCP37722.json"), json.to_string()).expect("write");
    let (ok, message) = run(&data, &out);
    assert!(!ok);
    assert!(message.contains("data/RNCP37722.json"), "{message}");
    assert!(
        message.contains("blocs[0].competencies[0].label"),
        "{message}"
    );
    assert_eq!(
        fs::read(out.join("index.json")).expect("index.json"),
        before
    );
}
