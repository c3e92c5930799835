//! Enforces the invariants of ARCHITECTURE.md that are about something being absent: the pure
//! core (`src/core`, and the translation table `src/i18n`) never touches the browser, so it all
//! runs under `cargo test`; the repository needs nothing outside itself; no UI module depends on
//! the app root.

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

/// Files of the repository as a clone has them: everything but the folders git ignores.
fn repository_files(dir: &Path, out: &mut Vec<PathBuf>) {
    const SKIPPED: [&str; 5] = [".git", "target", "node_modules", "dist", "test-results"];
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if !SKIPPED.iter().any(|s| name == *s) {
                repository_files(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

/// The sibling folder of reading material the project must never depend on, spelled so that
/// this file does not name it.
fn outside_folder() -> String {
    ["..", "shared"].join("/")
}

#[test]
fn nothing_in_the_repository_reads_or_names_the_folder_beside_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    repository_files(root, &mut files);
    assert!(files.len() > 50, "the walk found the repository's files");
    let needle = outside_folder();
    let seeds = ["shared", "seeds"].join("/");
    let mut offenders = Vec::new();
    for file in files {
        // Binary files (images) cannot name a path in a way that matters.
        let Ok(text) = fs::read_to_string(&file) else {
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            if line.contains(&needle) || line.contains(&seeds) {
                let shown = file.strip_prefix(root).unwrap_or(&file);
                offenders.push(format!("{}:{}: {}", shown.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "the repository must be self-contained (copy what it needs inside it):\n{}",
        offenders.join("\n")
    );
}

/// `use` lines of a UI module that reach the app root (`ui::app` or `super::app`).
fn imports_app_root(source: &str) -> Vec<String> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or("");
            code.contains("ui::app") || code.contains("super::app") || code.contains("app::{")
        })
        .map(|(n, line)| format!("line {}: {}", n + 1, line.trim()))
        .collect()
}

#[test]
fn app_root_detector_table() {
    let cases = [
        ("use crate::ui::app::{env, t};", 1),
        ("use super::app::lang;", 1),
        ("use crate::ui::context::{env, t};", 0),
        ("// ui::app composes the pages", 0),
        ("let happy = 1;", 0),
    ];
    for (src, n) in cases {
        assert_eq!(imports_app_root(src).len(), n, "{src}");
    }
}

#[test]
fn no_ui_module_imports_the_app_root() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(!files.is_empty(), "src/ui has no Rust files");
    for file in files {
        if file.ends_with("app.rs") || file.ends_with("ui/mod.rs") {
            continue;
        }
        let source =
            fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let bad = imports_app_root(&source);
        assert!(
            bad.is_empty(),
            "{} imports the app root (use ui::context instead):\n{}",
            file.display(),
            bad.join("\n")
        );
    }
}

/// The modules of the pages loaded on demand (`ui::split` is the only module that imports
/// them): the code of a first visit to the catalogue never runs theirs.
const PAGE_MODULES: [&str; 8] = [
    "src/ui/fiche/",
    "src/ui/assess/",
    "src/ui/experiences/",
    "src/ui/results/",
    "src/ui/data/",
    "src/ui/embed/builder.rs",
    "src/ui/embed/send.rs",
    "src/ui/not_found.rs",
];

/// The first screen's UI sources: every UI module but the pages', and the wording helpers of
/// `i18n`, as (path shown, text).
fn first_screen_sources(root: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root.join("src/ui"), &mut files);
    files.push(root.join("src/i18n/mod.rs"));
    files
        .into_iter()
        .map(|file| {
            let shown = file
                .strip_prefix(root)
                .unwrap_or(&file)
                .display()
                .to_string();
            let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{shown}: {e}"));
            (shown, text)
        })
        .filter(|(shown, _)| !PAGE_MODULES.iter().any(|m| shown.starts_with(m)))
        .collect()
}

/// The `Msg::…` names a source text mentions, outside comments and `#[cfg(test)] mod … { }`
/// blocks (a block ends at the first `}` in column 0).
fn messages_named(source: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]" {
            let mut block = lines.clone();
            if block.next().is_some_and(|l| l.starts_with("mod ")) {
                for l in lines.by_ref() {
                    if l == "}" {
                        break;
                    }
                }
                continue;
            }
        }
        let code = line.split("//").next().unwrap_or("");
        for (i, _) in code.match_indices("Msg::") {
            let name: String = code[i + 5..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                names.push(name);
            }
        }
    }
    names
}

#[test]
fn message_name_detector_table() {
    let cases = [
        ("t(Msg::SearchLabel)", vec!["SearchLabel"]),
        ("Msg::A.fill(l, &[]); Msg::ALL", vec!["A", "ALL"]),
        ("// Msg::InAComment", vec![]),
        ("use crate::i18n::Msg;", vec![]),
        (
            "fn x() {}\n#[cfg(test)]\nmod tests {\n    Msg::Hidden;\n}\nMsg::After",
            vec!["After"],
        ),
    ];
    for (src, want) in cases {
        assert_eq!(messages_named(src), want, "{src}");
    }
}

/// The first screen downloads the `start` part of the message table only (`i18n::Part`): its
/// code — every UI module but the pages', and the wording helpers of `i18n` — must name no
/// message of the `pages` part, which it would show empty. Only `ui::split` imports the pages.
#[test]
fn the_first_screen_names_only_messages_it_downloads() {
    use repere::i18n::{Msg, Part};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pages: Vec<String> = Part::Pages
        .messages()
        .iter()
        .map(|m| format!("{m:?}"))
        .collect();
    let all: Vec<String> = Msg::ALL.iter().map(|m| format!("{m:?}")).collect();
    let mut checked = 0;
    for (shown, source) in first_screen_sources(root) {
        if !shown.ends_with("ui/split.rs") && !shown.ends_with("/mod.rs") {
            for m in [
                "fiche::",
                "assess::",
                "experiences::",
                "results::",
                "data::",
                "builder::",
                "send::",
                "not_found::",
            ] {
                assert!(
                    !source.lines().any(|l| {
                        let code = l.split("//").next().unwrap_or("");
                        code.contains(&format!("super::{m}")) || code.contains(&format!("ui::{m}"))
                    }),
                    "{shown} imports a page module ({m}): only ui::split may"
                );
            }
        }
        for name in messages_named(&source) {
            // Constants of `Msg` (`ALL`, `COUNTS`), not messages.
            if name.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
                continue;
            }
            assert!(all.contains(&name), "{shown}: no message {name}");
            assert!(
                !pages.contains(&name),
                "{shown} names Msg::{name}, a message of the pages' part: move it to the `start` \
                 part in src/i18n/messages.rs (the first screen does not download the other)"
            );
            checked += 1;
        }
    }
    assert!(
        checked > 100,
        "the first screen's code names {checked} messages"
    );
}

/// The class names in a stylesheet's selectors (comments and at-rules aside).
fn css_classes(css: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let mut classes = Vec::new();
    let mut prelude_start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => {
                let prelude = text[prelude_start..i].trim();
                if !prelude.starts_with('@') {
                    for (j, _) in prelude.match_indices('.') {
                        let name: String = prelude[j + 1..]
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                            .collect();
                        if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                            classes.push(name);
                        }
                    }
                }
                prelude_start = i + 1;
            }
            '}' | ';' => prelude_start = i + 1,
            _ => {}
        }
    }
    classes.sort();
    classes.dedup();
    classes
}

/// The words of a source's string literals, where a component writes its class names
/// (comment lines aside).
fn literal_words(source: &str) -> Vec<String> {
    let code: String = source
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    code.split('"')
        .skip(1)
        .step_by(2)
        .flat_map(|literal| literal.split_whitespace().map(str::to_owned))
        .collect()
}

#[test]
fn css_class_and_literal_word_tables() {
    let css = "/* .no */ .a, p > .b-c:hover { color: red; margin: 0.5rem; }\n@media (max-width: 40rem) { .d { x: y } }\n.e.f::first-letter{}";
    assert_eq!(css_classes(css), ["a", "b-c", "d", "e", "f"]);
    let rust = "// class=\"no\"\nview! { <p class=\"x y\">{\"z\"}</p> }";
    assert_eq!(literal_words(rust), ["x", "y", "z"]);
}

/// `style/pages.css` comes with the first page loaded on demand (`ui::lazy`), not with the first
/// screen: a rule the first screen needs must stay in `style/main.css`, or the catalogue, the
/// header or the selection bar would show unstyled. No class of the pages' stylesheet may be
/// written by a first-screen module or by `index.html`.
#[test]
fn the_pages_stylesheet_styles_nothing_of_the_first_screen() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pages_css = fs::read_to_string(root.join("style/pages.css")).expect("style/pages.css");
    let classes = css_classes(&pages_css);
    assert!(
        classes.len() > 40,
        "{} classes in style/pages.css",
        classes.len()
    );
    let mut sources = first_screen_sources(root);
    let html = fs::read_to_string(root.join("index.html")).expect("index.html");
    sources.push(("index.html".into(), html));
    for (shown, source) in sources {
        let words = literal_words(&source);
        for class in &classes {
            assert!(
                !words.contains(class),
                "{shown} writes the class {class:?}, styled in style/pages.css, which the first \
                 screen does not load: move its rules to style/main.css"
            );
        }
    }
}
