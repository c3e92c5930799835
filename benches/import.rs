//! Benchmark of the RNCP importer at scale: generates an export of realistic shape with
//! `rncp-synth export` (the sample's real fiches repeated with fresh codes, 600 MB by default,
//! `IMPORT_BENCH_MB` to change it), then runs the release `rncp-import` binary on it three ways:
//! full import into an empty folder, the same again (every file unchanged), and parsing only (a
//! selection that matches nothing). Prints throughput (MB/s) and the importer's peak resident
//! memory (`VmHWM`, read by the binary from `/proc/self/status`). Goals: ≥ 50 MB/s, ≤ 200 MB.
//!
//! Run with `cargo bench --bench import` or `make bench-import`. The generated files live in
//! Cargo's temporary folder and are removed at the end.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn field(stdout: &str, prefix: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .unwrap_or("?")
        .trim()
        .to_owned()
}

fn main() {
    let mb: u64 = std::env::var("IMPORT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-bench");
    let _ = fs::remove_dir_all(&dir);
    if let Err(e) = fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        std::process::exit(1);
    }
    let export = dir.join("export.xml");
    let out = dir.join("out");
    let path = |p: &Path| p.to_string_lossy().into_owned();

    let started = Instant::now();
    let gen = Command::new(env!("CARGO_BIN_EXE_rncp-synth"))
        .args(["export", "--mb", &mb.to_string(), "--out", &path(&export)])
        .output();
    match gen {
        Ok(o) if o.status.success() => println!(
            "generated in {:.1} s: {}",
            started.elapsed().as_secs_f64(),
            String::from_utf8_lossy(&o.stdout).trim()
        ),
        other => {
            eprintln!("rncp-synth failed: {other:?}");
            std::process::exit(1);
        }
    }

    let runs: [(&str, &[&str]); 3] = [
        ("full import, empty folder", &[]),
        ("same again, files unchanged", &[]),
        ("parse only, nothing selected", &["--code", "RNCP0"]),
    ];
    for (name, extra) in runs {
        let started = Instant::now();
        let o = Command::new(env!("CARGO_BIN_EXE_rncp-import"))
            .arg(path(&export))
            .args(["--out", &path(&out), "--stats"])
            .args(extra)
            .output();
        let secs = started.elapsed().as_secs_f64();
        let o = match o {
            Ok(o) if o.status.success() => o,
            other => {
                eprintln!("rncp-import failed: {other:?}");
                std::process::exit(1);
            }
        };
        let stdout = String::from_utf8_lossy(&o.stdout);
        println!(
            "BENCH import ({name}): {} | {} | {} | fiches {} | written {} | wall {secs:.2} s \
             (goal: ≥ 50 MB/s, ≤ 200 MB)",
            field(&stdout, "export:"),
            field(&stdout, "throughput:"),
            field(&stdout, "peak memory (VmHWM):"),
            field(&stdout, "fiches read:"),
            field(&stdout, "files written:"),
        );
    }
    let _ = fs::remove_dir_all(&dir);
}
