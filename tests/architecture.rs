//! Enforces the key invariant of ARCHITECTURE.md: the pure core (`src/core`, and the
//! translation table `src/i18n`) never touches the browser, so it all runs under `cargo test`.

use std::fs;
use std::path::{Path, PathBuf};

const FORBIDDEN: [&str; 5] = ["leptos", "web_sys", "js_sys", "gloo", "wasm_bindgen"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The forbidden crates a source text names as a path (`leptos::`, `use web_sys`, …).
fn offending(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for name in FORBIDDEN {
            let named = code.contains(&format!("{name}::"))
                || code.contains(&format!("use {name}"))
                || code.contains(&format!("extern crate {name}"));
            if named {
                found.push(format!("line {}: {}", n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn detector_table() {
    let cases = [
        ("use leptos::prelude::*;", 1),
        ("let w = web_sys::window();", 1),
        ("js_sys::Date::new_0()", 1),
        ("use gloo_x;", 1),
        ("// leptos:: in a comment is fine", 0),
        ("let leptos_like = 1;", 0),
        ("use serde::Deserialize;", 0),
    ];
    for (src, n) in cases {
        assert_eq!(offending(src).len(), n, "{src}");
    }
}

#[test]
fn pure_modules_never_import_browser_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["src/core", "src/i18n"] {
        let mut files = Vec::new();
        rust_files(&root.join(dir), &mut files);
        assert!(!files.is_empty(), "{dir} has no Rust files");
        for file in files {
            let source =
                fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let bad = offending(&source);
            assert!(
                bad.is_empty(),
                "{} imports a browser crate:\n{}",
                file.display(),
                bad.join("\n")
            );
        }
    }
}
