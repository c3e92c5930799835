//! `rncp-synth`: synthetic data for scale tests and benchmarks (native only; `--help`).
//!
//! - `export`: an RNCP XML export of realistic shape, the real sample fiches
//!   (`tests/fixtures/rncp-export-v4.1-sample.xml`) repeated with fresh codes, written as a
//!   stream up to the asked size (e.g. `--mb 600` for the importer's benchmark).
//! - `catalogue`: N certification JSON files in the app's format, whose bloc and competency
//!   counts, text lengths and words are drawn from the real certifications at hand (the sample,
//!   imported, and the bundled `data/*.json`). Deterministic for a given `--seed`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fs;
    use std::io::{self, BufWriter, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use repere::core::catalogue::{parse_certification, Catalogue};
    use repere::core::date::Date;
    use repere::core::import::fiche::convert;
    use repere::core::import::reader::read_fiches;
    use repere::core::model::{Bloc, Certification, Certifier, CodeLabel, Competency, Source};

    const SAMPLE: &str = include_str!("../../tests/fixtures/rncp-export-v4.1-sample.xml");

    const HELP: &str = "\
rncp-synth: synthetic RNCP data for scale tests and benchmarks

USAGE:
    rncp-synth export --out <file.xml> [--mb <megabytes>]
    rncp-synth catalogue --out <dir> [--count <n>] [--seed <n>]

export      Writes an XML export of the shape of France compétences' flux V4.1: the three
            real fiches of the sample repeated with fresh codes (RNCP1000000 and up) until
            the file reaches --mb megabytes (default 50; use 500+ for the benchmark).
catalogue   Writes <n> certification files (default 5518, the active RNCP) RNCP900000.json
            and up, in the app's format (valid for parse_certification). Bloc and competency
            counts, text lengths and words are drawn from the real certifications available
            (the sample export and the bundled data/*.json). Same --seed, same files.
";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match run(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("rncp-synth: {e}");
                ExitCode::from(if e.starts_with("usage") { 2 } else { 1 })
            }
        }
    }

    fn run(args: &[String]) -> Result<(), String> {
        if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
            print!("{HELP}");
            return Ok(());
        }
        let mut out: Option<PathBuf> = None;
        let mut mb: u64 = 50;
        let mut count: usize = 5518;
        let mut seed: u64 = 1;
        let mut it = args[1..].iter();
        while let Some(a) = it.next() {
            let mut value = || it.next().ok_or_else(|| format!("usage: {a} needs a value"));
            let number = |v: &String| {
                v.parse::<u64>()
                    .map_err(|_| format!("usage: {a}: {v:?} is not a number"))
            };
            match a.as_str() {
                "--out" => out = Some(PathBuf::from(value()?)),
                "--mb" => mb = number(value()?)?,
                "--count" => count = number(value()?)? as usize,
                "--seed" => seed = number(value()?)?,
                other => return Err(format!("usage: unknown argument {other}")),
            }
        }
        let out = out.ok_or("usage: missing --out")?;
        match args[0].as_str() {
            "export" => {
                let (fiches, bytes) = write_export(&out, mb * 1_000_000)
                    .map_err(|e| format!("{}: {e}", out.display()))?;
                println!("{}: {fiches} fiches, {bytes} bytes", out.display());
                Ok(())
            }
            "catalogue" => {
                write_catalogue(&out, count, seed)?;
                println!("{}: {count} certification files", out.display());
                Ok(())
            }
            other => Err(format!(
                "usage: unknown command {other} (export or catalogue)"
            )),
        }
    }

    /// The `<FICHE>` elements of the sample, with their own code and id.
    fn sample_fiches() -> Vec<(&'static str, String, String)> {
        let mut out = Vec::new();
        let mut rest = SAMPLE;
        while let Some(s) = rest.find("<FICHE>") {
            let Some(e) = rest[s..].find("</FICHE>") else {
                break;
            };
            let chunk = &rest[s..s + e + "</FICHE>".len()];
            let between = |open: &str, close: &str| {
                chunk
                    .find(open)
                    .and_then(|a| {
                        let a = a + open.len();
                        chunk[a..].find(close).map(|b| chunk[a..a + b].to_owned())
                    })
                    .unwrap_or_default()
            };
            let code = between("<NUMERO_FICHE>", "</NUMERO_FICHE>");
            let id = between("<ID_FICHE>", "</ID_FICHE>");
            out.push((chunk, code, id));
            rest = &rest[s + e..];
        }
        out
    }

    /// Streams an export of at least `target` bytes; returns (fiches, bytes).
    fn write_export(path: &Path, target: u64) -> io::Result<(u64, u64)> {
        let fiches = sample_fiches();
        let mut w = BufWriter::with_capacity(1 << 20, fs::File::create(path)?);
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<FICHES>\n  \
                    <VERSION_FLUX>4.1</VERSION_FLUX>\n  ";
        w.write_all(head.as_bytes())?;
        let mut bytes = head.len() as u64;
        let mut n: u64 = 0;
        while bytes < target && !fiches.is_empty() {
            let (chunk, code, id) = &fiches[(n % fiches.len() as u64) as usize];
            let fresh = format!("RNCP{}", 1_000_000 + n);
            // The fiche's own code, in NUMERO_FICHE and bloc codes; other fiches' codes stay.
            let text = chunk.replace(code.as_str(), &fresh).replace(
                &format!("<ID_FICHE>{id}</ID_FICHE>"),
                &format!("<ID_FICHE>{}</ID_FICHE>", 500_000 + n),
            );
            w.write_all(text.as_bytes())?;
            w.write_all(b"\n  ")?;
            bytes += text.len() as u64 + 3;
            n += 1;
        }
        w.write_all(b"</FICHES>\n")?;
        w.flush()?;
        Ok((n, bytes + 10))
    }

    /// splitmix64: small, deterministic, good enough for drawing shapes.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
        fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
            &v[self.below(v.len())]
        }
    }

    /// Empirical distributions of the real certifications.
    struct Shapes {
        blocs_per_cert: Vec<usize>,
        comps_per_bloc: Vec<usize>,
        /// Word counts of titles, bloc titles, competency labels, long texts.
        title_words: Vec<usize>,
        bloc_title_words: Vec<usize>,
        comp_words: Vec<usize>,
        text_words: Vec<usize>,
        /// Words of competency labels (first words apart: they are mostly verbs).
        words: Vec<String>,
        first_words: Vec<String>,
        levels: Vec<u8>,
        certifiers: Vec<Certifier>,
        nsf: Vec<CodeLabel>,
        rome: Vec<CodeLabel>,
        formacodes: Vec<CodeLabel>,
    }

    fn real_certifications() -> Result<Vec<Certification>, String> {
        let mut certs: Vec<Certification> = Catalogue::bundled()
            .map_err(|e| e.to_string())?
            .all()
            .to_vec();
        let mut from_sample = Vec::new();
        read_fiches(SAMPLE.as_bytes(), |f| {
            if let Ok(c) = convert(&f.raw, f.ordinal, "sample") {
                from_sample.push(c.cert);
            }
        })
        .map_err(|e| e.to_string())?;
        certs.extend(from_sample);
        Ok(certs)
    }

    fn shapes(certs: &[Certification]) -> Shapes {
        let words_of = |s: &str| s.split_whitespace().count().max(1);
        let mut s = Shapes {
            blocs_per_cert: Vec::new(),
            comps_per_bloc: Vec::new(),
            title_words: Vec::new(),
            bloc_title_words: Vec::new(),
            comp_words: Vec::new(),
            text_words: Vec::new(),
            words: Vec::new(),
            first_words: Vec::new(),
            levels: Vec::new(),
            certifiers: Vec::new(),
            nsf: Vec::new(),
            rome: Vec::new(),
            formacodes: Vec::new(),
        };
        for c in certs {
            s.blocs_per_cert.push(c.blocs.len());
            s.title_words.push(words_of(&c.title));
            s.levels.extend(c.level);
            s.certifiers.extend(c.certifiers.iter().cloned());
            s.nsf.extend(c.nsf.iter().flatten().cloned());
            s.rome.extend(c.rome.iter().flatten().cloned());
            s.formacodes.extend(c.formacodes.iter().flatten().cloned());
            for t in [&c.objectives, &c.activities, &c.attested_competencies]
                .into_iter()
                .flatten()
            {
                s.text_words.push(words_of(t));
            }
            for b in &c.blocs {
                s.comps_per_bloc.push(b.competencies.len());
                s.bloc_title_words.push(words_of(&b.title));
                for comp in &b.competencies {
                    s.comp_words.push(words_of(&comp.label));
                    let mut w = comp.label.split_whitespace();
                    if let Some(first) = w.next() {
                        s.first_words.push(first.to_owned());
                    }
                    s.words.extend(w.map(str::to_owned));
                }
            }
        }
        s
    }

    fn sentence(rng: &mut Rng, s: &Shapes, words: usize) -> String {
        let mut out = rng.pick(&s.first_words).clone();
        for _ in 1..words {
            out.push(' ');
            out.push_str(rng.pick(&s.words).as_str());
        }
        out
    }

    fn write_catalogue(dir: &Path, count: usize, seed: u64) -> Result<(), String> {
        let certs = real_certifications()?;
        let s = shapes(&certs);
        if s.words.is_empty() || s.certifiers.is_empty() {
            return Err("no real certification to draw shapes from".into());
        }
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for i in 0..count {
            let mut rng = Rng(seed.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ i as u64);
            let code = format!("RNCP{}", 900_000 + i);
            let n_blocs = *rng.pick(&s.blocs_per_cert);
            let blocs: Vec<Bloc> = (1..=n_blocs)
                .map(|b| {
                    let bloc_code = format!("{code}BC{b:02}");
                    let n = *rng.pick(&s.comps_per_bloc);
                    let words = *rng.pick(&s.bloc_title_words);
                    Bloc {
                        title: sentence(&mut rng, &s, words),
                        competencies: (1..=n)
                            .map(|k| {
                                let words = *rng.pick(&s.comp_words);
                                Competency {
                                    id: format!("{bloc_code}-C{k:02}"),
                                    label: sentence(&mut rng, &s, words),
                                }
                            })
                            .collect(),
                        code: bloc_code,
                        code_assigned: false,
                        assessment: Some(vec![
                            "Mise en situation professionnelle".into(),
                            "Entretien avec le jury".into(),
                        ]),
                        split_warning: None,
                    }
                })
                .collect();
            let mut certifier = rng.pick(&s.certifiers).clone();
            if rng.below(3) > 0 {
                let k = rng.below(400);
                certifier = Certifier {
                    name: format!("ORGANISME CERTIFICATEUR {k:03}"),
                    siret: Some(format!("{:014}", 10_000_000_000_000u64 + k as u64)),
                    website: None,
                };
            }
            let text = |rng: &mut Rng| {
                let words = *rng.pick(&s.text_words);
                Some(sentence(rng, &s, words))
            };
            let title_words = *rng.pick(&s.title_words);
            let cert = Certification {
                code: code.clone(),
                title: sentence(&mut rng, &s, title_words),
                kind: None,
                abbreviation: None,
                level: Some(*rng.pick(&s.levels)),
                certifiers: vec![certifier],
                nsf: Some(vec![rng.pick(&s.nsf).clone()]),
                formacodes: Some(vec![rng.pick(&s.formacodes).clone()]),
                rome: Some(vec![rng.pick(&s.rome).clone()]),
                registration_end: Date::new(
                    2024 + rng.below(8) as u16,
                    1 + rng.below(12) as u8,
                    1 + rng.below(28) as u8,
                ),
                objectives: text(&mut rng),
                activities: text(&mut rng),
                attested_competencies: text(&mut rng),
                blocs,
                bloc_acquisition: None,
                sectors: None,
                jobs: None,
                regulations: None,
                prerequisites: None,
                access_routes: None,
                statistics: None,
                previous: Vec::new(),
                next: Vec::new(),
                equivalences: None,
                reconstructed: None,
                source: Source {
                    seed: "synthetic (rncp-synth)".into(),
                    url: Certification::official_url(&code),
                },
            };
            let file = format!("{code}.json");
            let json = serde_json::to_string_pretty(&cert).map_err(|e| e.to_string())? + "\n";
            parse_certification(&file, &json).map_err(|e| e.to_string())?;
            let path = dir.join(&file);
            fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    }
}
