//! `repere-data <data dir> <out dir>`: the build step that turns the catalogue's files
//! (`data/*.json`) into what the app downloads (`<out dir>/index.json`,
//! `<out dir>/search.json` and `<out dir>/fiches/<CODE>.json`, see `repere::core::dataset`), plus
//! the UI's messages (`<out dir>/i18n/<lang>-<part>-<id>.json`, see `repere::i18n::table_json`). Every file is checked field by
//! field first: a bad one stops the build with its file and field, and nothing is written.
//! Trunk runs it after each build (`Trunk.toml`, hook `post_build`), for `make serve` as for
//! `make build`. Native only.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fs;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use repere::core::dataset::build_layout;
    use repere::i18n::{table_file, table_json, Lang, Part};

    const USAGE: &str = "usage: repere-data <data dir> <out dir>
Checks every <data dir>/*.json and writes <out dir>/index.json, <out dir>/search.json, <out dir>/fiches/<CODE>.json
and the UI's messages, <out dir>/i18n/<lang>-<part>-<id>.json
(the out dir is replaced as a whole, never left half-written).";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        if args.iter().any(|a| a == "-h" || a == "--help") {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        let [data, out] = args.as_slice() else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        match run(Path::new(data), Path::new(out)) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("repere-data: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn run(data: &Path, out: &Path) -> Result<String, String> {
        let mut files: Vec<PathBuf> = fs::read_dir(data)
            .map_err(|e| format!("{}: {e}", data.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(format!(
                "{}: no certification file (*.json)",
                data.display()
            ));
        }
        let mut sources = Vec::with_capacity(files.len());
        for f in &files {
            let name = f
                .file_name()
                .and_then(|n| n.to_str())
                .ok_or_else(|| format!("{}: the file name is not UTF-8", f.display()))?
                .to_owned();
            let text = fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
            sources.push((name, text));
        }
        let borrowed: Vec<(&str, &str)> = sources
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let layout = build_layout(&borrowed).map_err(|e| e.to_string())?;

        // Write beside the target, then swap: a failed build leaves the previous data whole.
        let parent = out.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        let name = out
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{}: not a folder name", out.display()))?;
        let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
        let write = |path: PathBuf, text: &str| {
            fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
        };
        fs::create_dir_all(staging.join("fiches"))
            .map_err(|e| format!("{}: {e}", staging.display()))?;
        write(staging.join("index.json"), &layout.index)?;
        write(staging.join("search.json"), &layout.search)?;
        for (code, json) in &layout.fiches {
            write(staging.join("fiches").join(format!("{code}.json")), json)?;
        }
        // The UI's messages, one file per language and part (the app's wasm does not carry
        // them).
        fs::create_dir_all(staging.join("i18n"))
            .map_err(|e| format!("{}: {e}", staging.display()))?;
        for lang in Lang::ALL {
            for part in Part::ALL {
                let file = staging.join("i18n").join(table_file(lang, part));
                write(file, &table_json(lang, part))?;
            }
        }
        if out.exists() {
            fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        }
        fs::rename(&staging, out).map_err(|e| format!("{}: {e}", out.display()))?;
        let fiche_bytes: usize = layout.fiches.iter().map(|(_, j)| j.len()).sum();
        Ok(format!(
            "repere-data: {} fiches from {} → {} (index {} bytes, search {} bytes, fiches {} bytes)",
            layout.fiches.len(),
            data.display(),
            out.display(),
            layout.index.len(),
            layout.search.len(),
            fiche_bytes
        ))
    }
}
