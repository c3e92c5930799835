//! `rncp-import`: builds catalogue files (one JSON per fiche, the app's format) from France
//! compétences' RNCP open-data export (flux XML V4.1). Native only; run `--help` for usage.
//! The work is done by `repere::core::import`; this file parses arguments and prints the report.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fs::File;
    use std::io::BufReader;
    use std::path::PathBuf;
    use std::process::ExitCode;
    use std::time::Instant;

    use repere::core::import::run::{import, Options, KEPT_WARNINGS};

    const HELP: &str = "\
rncp-import: build Repère catalogue files from the RNCP open-data export (flux XML V4.1)

USAGE:
    rncp-import <export.xml> --out <dir> [options]

Reads the export as a stream (memory stays bounded by the largest fiche), writes one
<dir>/RNCP<digits>.json per selected fiche in the app's data format, then prints a report
(fiches read / selected / written, blocs, competencies, warnings, errors). Warnings and
errors go to stderr, each naming the fiche and the element at fault; a broken fiche never
stops the others.

OPTIONS:
    --out <dir>            Output folder (created if missing). Required.
    --code <c1,c2,...>     Only these fiches (e.g. RNCP37722,RNCP36241).
    --nsf <n1,...>         Only fiches with one of these NSF codes (e.g. 332t).
    --rome <r1,...>        Only fiches with one of these ROME codes (e.g. K1204).
    --certifier <s1,...>   Only fiches with a certifier of one of these SIRET numbers.
    --level <l1,...>       Only fiches of these European levels (e.g. 3,4).
    --active-only          Only fiches whose own ACTIF is Oui.
    --force                Replace hand-curated files too (a file with `reconstructed`
                           set, a bloc with `code_assigned`, or unreadable JSON). Without
                           it they are kept and a warning says so.
    --stats                Also print elapsed time, throughput and peak memory.
    -h, --help             Print this help.

Options combine with AND; the values of one option with OR. Files are written to a
temporary file then renamed (never half-written); a file whose content would not change is
left untouched, and the same export always gives byte-identical files.

EXIT STATUS:
    0  the export was read (some fiches may have been skipped: see errors)
    1  nothing could be read (no readable <FICHE>), or an I/O error (input or output)
    2  bad arguments
";

    fn list(v: &str) -> Vec<String> {
        v.split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// The parsed command line, or a message for stderr.
    fn parse_args(args: &[String]) -> Result<Option<(PathBuf, Options, bool)>, String> {
        let mut input: Option<PathBuf> = None;
        let mut opts = Options::default();
        let mut out: Option<PathBuf> = None;
        let mut stats = false;
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match arg.as_str() {
                "-h" | "--help" => return Ok(None),
                "--out" => out = Some(PathBuf::from(value("--out")?)),
                "--code" => opts.codes.extend(list(&value("--code")?)),
                "--nsf" => opts.nsf.extend(list(&value("--nsf")?)),
                "--rome" => opts.rome.extend(list(&value("--rome")?)),
                "--certifier" => opts.certifiers.extend(list(&value("--certifier")?)),
                "--level" => {
                    for l in list(&value("--level")?) {
                        opts.levels.push(
                            l.parse()
                                .map_err(|_| format!("--level: {l:?} is not a level (1 to 8)"))?,
                        );
                    }
                }
                "--active-only" => opts.active_only = true,
                "--force" => opts.force = true,
                "--stats" => stats = true,
                a if a.starts_with('-') => return Err(format!("unknown option {a}")),
                a => {
                    if input.is_some() {
                        return Err(format!("unexpected argument {a:?}: one export at a time"));
                    }
                    input = Some(PathBuf::from(a));
                }
            }
        }
        let input = input.ok_or("missing the export file")?;
        opts.out = out.ok_or("missing --out <dir>")?;
        opts.seed = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Some((input, opts, stats)))
    }

    /// Peak resident memory of this process in kB (`VmHWM`, Linux only).
    fn peak_rss_kb() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let (input, opts, stats) = match parse_args(&args) {
            Ok(Some(parsed)) => parsed,
            Ok(None) => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            Err(e) => {
                eprintln!("rncp-import: {e}\nTry `rncp-import --help`.");
                return ExitCode::from(2);
            }
        };
        let started = Instant::now();
        let file = match File::open(&input) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("rncp-import: {}: {e}", input.display());
                return ExitCode::from(1);
            }
        };
        let report = match import(BufReader::new(file), &input, &opts) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("rncp-import: {e}");
                return ExitCode::from(1);
            }
        };
        for issue in report.errors.iter().chain(&report.warnings) {
            eprintln!("{issue}");
        }
        if report.warning_count > KEPT_WARNINGS {
            eprintln!(
                "… and {} more warnings",
                report.warning_count - KEPT_WARNINGS
            );
        }
        print!("{report}");
        if stats {
            let secs = started.elapsed().as_secs_f64();
            let mb = report.bytes_read as f64 / 1e6;
            println!("time: {secs:.2} s");
            println!("throughput: {:.1} MB/s", mb / secs.max(1e-9));
            match peak_rss_kb() {
                Some(kb) => println!("peak memory (VmHWM): {:.1} MB", kb as f64 / 1024.0),
                None => println!("peak memory (VmHWM): unknown"),
            }
        }
        if report.read_anything() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }
}
