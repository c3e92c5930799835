//! Bundles every certification file `data/*.json` into the binary (adding a certification is
//! adding a file: no code names them), plus the matching lexicons under `data/matching/`, and
//! names this build's message table (`REPERE_MESSAGES_ID`, see `i18n::TABLE_ID`).
//! The files are only embedded here (without indentation); `core::catalogue` parses and
//! validates them, and the data tests fail with the file and field when one is malformed.

use std::{env, fs, path::PathBuf};

fn main() {
    // The app's wasm keeps its relocations, which the code-split step needs to cut it into
    // chunks (scripts/split.mjs, src/ui/split.rs). Only the `repere` binary, only on wasm32: the
    // wasm-bindgen tests and native builds link as before.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=repere=--emit-relocs");
    }
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    // The message table's id (`i18n::TABLE_ID`): the app and the files `repere-data` writes
    // (`data/i18n/<lang>-<id>.json`) agree on it when both come from the same messages.rs.
    let messages = root.join("src/i18n/messages.rs");
    println!("cargo:rerun-if-changed={}", messages.display());
    let text = fs::read(&messages).expect("src/i18n/messages.rs is readable");
    let id = text.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    println!("cargo:rustc-env=REPERE_MESSAGES_ID={id:016x}");
    let data = root.join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&data)
        .expect("the data/ folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut out = String::from("/// `(file name, JSON text)` of every certification in `data/`.\n");
    out.push_str("pub static CERTIFICATION_SOURCES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .expect("data file names are UTF-8");
        // Embed the JSON without its indentation (smaller wasm). A file that is not JSON is
        // embedded as it is: the data tests then report it with its file and position.
        let text = fs::read_to_string(f).expect("data files are UTF-8 text");
        let embedded = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(value) => {
                let compact = out_dir.join(name);
                fs::write(&compact, value.to_string()).expect("OUT_DIR is writable");
                compact
            }
            Err(e) => {
                println!("cargo:warning=data/{name} is not valid JSON ({e}); the tests will fail");
                f.clone()
            }
        };
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            embedded.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data_sources.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
