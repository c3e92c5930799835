//! Readiness: how close the user's answers put them to each bloc and certification, for a VAE.
//!
//! # Formula
//!
//! Each competency earns points from its rating:
//!
//! | rating                  | points | France VAE answer |
//! |-------------------------|--------|-------------------|
//! | unrated                 | 0      | (none)            |
//! | `NotYet`                | 0      | Non               |
//! | `WithHelp`              | 0.5    | Partiellement     |
//! | `Alone`                 | 1      | Oui               |
//! | `CanTeach`              | 1      | Oui               |
//!
//! - **Bloc readiness** = points ÷ number of competencies of the bloc (0 to 1; 0 for a bloc
//!   without competencies).
//! - A bloc is **ready** when every one of its competencies is rated `Alone` or `CanTeach`
//!   (readiness 1). Its **missing** competencies are the others (unrated, `NotYet`,
//!   `WithHelp`), in bloc order: what to work on or document.
//! - **Certification readiness** = the plain mean of its blocs' readiness: every bloc weighs
//!   the same whatever its size, because blocs are validated one by one.
//! - **Rated share** = rated competencies ÷ all competencies of the certification.
//! - A **warning** says the answers cannot support a result: `MostlyUnrated` when more than
//!   half of the certification's competencies are unrated, otherwise `AllSame(level)` when at
//!   least [`ALL_SAME_MIN`] competencies are rated and all at the same level.
//!
//! Points are counted in half-points (integers), so equal answers give bit-identical
//! readiness values and ranking is stable.
//!
//! Cost: one map lookup per competency of the selected certifications, and one small
//! allocation per bloc and per missing competency.

use super::assessment::{Assessment, Level, VaeAnswer};
use super::catalogue::Catalogue;
use super::model::{Bloc, Certification};
use crate::core::order;

/// Fewest rated competencies for which "all the same answer" is worth a warning.
pub const ALL_SAME_MIN: usize = 4;

/// Points of a rating, in half-points (0, 1 or 2).
pub fn half_points(level: Option<Level>) -> u32 {
    match level {
        None | Some(Level::NotYet) => 0,
        Some(Level::WithHelp) => 1,
        Some(Level::Alone | Level::CanTeach) => 2,
    }
}

/// How many competencies of a bloc get each France VAE answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VaeCounts {
    pub non: usize,
    pub partiellement: usize,
    pub oui: usize,
    pub unrated: usize,
}

impl VaeCounts {
    fn add(&mut self, level: Option<Level>) {
        match level.map(Level::vae) {
            None => self.unrated += 1,
            Some(VaeAnswer::Non) => self.non += 1,
            Some(VaeAnswer::Partiellement) => self.partiellement += 1,
            Some(VaeAnswer::Oui) => self.oui += 1,
        }
    }
}

/// The score of one bloc.
#[derive(Debug, Clone, PartialEq)]
pub struct BlocScore {
    pub bloc_code: String,
    /// Competencies in the bloc.
    pub total: usize,
    /// Competencies rated (any level).
    pub rated: usize,
    /// Sum of points (see the module documentation).
    pub points: f32,
    /// `points / total`, 0 to 1.
    pub readiness: f32,
    /// Every competency rated `Alone` or `CanTeach`.
    pub ready: bool,
    /// Competency ids not yet `Alone` or better, in bloc order.
    pub missing: Vec<String>,
    pub vae: VaeCounts,
}

/// Why a certification's result should not be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultWarning {
    /// More than half of the competencies are unrated.
    MostlyUnrated,
    /// At least [`ALL_SAME_MIN`] competencies rated, all at this level.
    AllSame(Level),
}

impl ResultWarning {
    /// Stable identifier, for the UI's translations.
    pub fn code(self) -> &'static str {
        match self {
            ResultWarning::MostlyUnrated => "mostly_unrated",
            ResultWarning::AllSame(_) => "all_same",
        }
    }
}

/// The score of one certification.
#[derive(Debug, Clone, PartialEq)]
pub struct CertScore {
    pub code: String,
    /// In the certification's order.
    pub blocs: Vec<BlocScore>,
    /// Mean of the blocs' readiness, 0 to 1.
    pub readiness: f32,
    /// Blocs that are ready.
    pub ready_blocs: usize,
    /// Competencies in the certification.
    pub total: usize,
    /// Competencies rated.
    pub rated: usize,
    /// `rated / total`, 0 to 1.
    pub rated_share: f32,
    pub warning: Option<ResultWarning>,
}

fn ratio(num: u32, den: usize) -> f32 {
    if den == 0 {
        0.0
    } else {
        num as f32 / den as f32
    }
}

/// Scores one bloc.
pub fn score_bloc(bloc: &Bloc, a: &Assessment) -> BlocScore {
    let mut half = 0u32;
    let mut rated = 0;
    let mut vae = VaeCounts::default();
    let mut missing = Vec::new();
    for comp in &bloc.competencies {
        let level = a.rating(&comp.id);
        half += half_points(level);
        vae.add(level);
        rated += usize::from(level.is_some());
        if !level.is_some_and(Level::is_autonomous) {
            missing.push(comp.id.clone());
        }
    }
    let total = bloc.competencies.len();
    BlocScore {
        bloc_code: bloc.code.clone(),
        total,
        rated,
        points: half as f32 / 2.0,
        readiness: ratio(half, total * 2),
        ready: total > 0 && missing.is_empty(),
        missing,
        vae,
    }
}

/// Scores one certification (whether selected or not).
pub fn score_cert(cert: &Certification, a: &Assessment) -> CertScore {
    let blocs: Vec<BlocScore> = cert.blocs.iter().map(|b| score_bloc(b, a)).collect();
    let total: usize = blocs.iter().map(|b| b.total).sum();
    let rated: usize = blocs.iter().map(|b| b.rated).sum();
    let readiness = if blocs.is_empty() {
        0.0
    } else {
        blocs.iter().map(|b| b.readiness).sum::<f32>() / blocs.len() as f32
    };
    let warning = if (total - rated) * 2 > total {
        Some(ResultWarning::MostlyUnrated)
    } else {
        all_same(cert, a, rated).map(ResultWarning::AllSame)
    };
    CertScore {
        code: cert.code.clone(),
        ready_blocs: blocs.iter().filter(|b| b.ready).count(),
        blocs,
        readiness,
        total,
        rated,
        rated_share: ratio(u32::try_from(rated).unwrap_or(u32::MAX), total),
        warning,
    }
}

/// The level shared by all rated competencies, if there are enough of them.
fn all_same(cert: &Certification, a: &Assessment, rated: usize) -> Option<Level> {
    if rated < ALL_SAME_MIN {
        return None;
    }
    let mut levels = cert.competencies().filter_map(|(_, c)| a.rating(&c.id));
    let first = levels.next()?;
    levels.all(|l| l == first).then_some(first)
}

/// Scores the selected certifications, in selection order. Codes the catalogue does not know
/// are skipped.
pub fn score_selection(cat: &Catalogue, a: &Assessment) -> Vec<CertScore> {
    a.selection
        .iter()
        .filter_map(|code| cat.get(code))
        .map(|c| score_cert(c, a))
        .collect()
}

/// Best first: by readiness, then ready blocs, then code.
pub fn rank(scores: &[CertScore]) -> Vec<&CertScore> {
    let mut v: Vec<&CertScore> = scores.iter().collect();
    order::sort_by(&mut v, |x, y| {
        y.readiness
            .total_cmp(&x.readiness)
            .then(y.ready_blocs.cmp(&x.ready_blocs))
            .then_with(|| x.code.cmp(&y.code))
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Competency, Source};

    fn bloc(code: &str, n: usize) -> Bloc {
        Bloc {
            code: code.to_owned(),
            code_assigned: false,
            title: format!("Bloc {code}"),
            competencies: (1..=n)
                .map(|i| Competency {
                    id: format!("{code}-C{i:02}"),
                    label: format!("C{i}"),
                })
                .collect(),
            assessment: None,
            split_warning: None,
        }
    }

    fn cert(code: &str, sizes: &[usize]) -> Certification {
        let blocs = sizes
            .iter()
            .enumerate()
            .map(|(i, n)| bloc(&format!("{code}BC{:02}", i + 1), *n))
            .collect();
        Certification {
            code: code.to_owned(),
            title: code.to_owned(),
            kind: None,
            abbreviation: None,
            level: None,
            certifiers: Vec::new(),
            nsf: None,
            formacodes: None,
            rome: None,
            registration_end: None,
            objectives: None,
            activities: None,
            attested_competencies: None,
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
                seed: String::new(),
                url: String::new(),
            },
        }
    }

    /// Rates the competencies of a bloc in order: `.` unrated, `0` NotYet, `h` WithHelp,
    /// `a` Alone, `t` CanTeach.
    fn rate(a: &mut Assessment, bloc: &Bloc, pattern: &str) {
        for (comp, ch) in bloc.competencies.iter().zip(pattern.chars()) {
            let level = match ch {
                '0' => Some(Level::NotYet),
                'h' => Some(Level::WithHelp),
                'a' => Some(Level::Alone),
                't' => Some(Level::CanTeach),
                _ => None,
            };
            a.rate(&comp.id, level).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    #[test]
    fn bloc_table() {
        // pattern → (rated, points, readiness, ready, missing positions, VAE non/part/oui/unrated)
        fn check(pattern: &str, expected: (usize, f32, f32, bool, &[usize], [usize; 4])) {
            let b = bloc("RNCP1BC01", pattern.len());
            let mut a = Assessment::default();
            rate(&mut a, &b, pattern);
            let s = score_bloc(&b, &a);
            let missing: Vec<String> = expected
                .4
                .iter()
                .map(|i| b.competencies[*i].id.clone())
                .collect();
            let v = s.vae;
            assert_eq!(
                (
                    s.rated,
                    s.points,
                    s.readiness,
                    s.ready,
                    s.missing,
                    [v.non, v.partiellement, v.oui, v.unrated]
                ),
                (expected.0, expected.1, expected.2, expected.3, missing, expected.5),
                "{pattern}"
            );
            assert_eq!(
                (s.total, s.bloc_code.as_str()),
                (pattern.len(), "RNCP1BC01")
            );
        }
        check("....", (0, 0.0, 0.0, false, &[0, 1, 2, 3], [0, 0, 0, 4]));
        check("0000", (4, 0.0, 0.0, false, &[0, 1, 2, 3], [4, 0, 0, 0]));
        check("hhhh", (4, 2.0, 0.5, false, &[0, 1, 2, 3], [0, 4, 0, 0]));
        check("aaaa", (4, 4.0, 1.0, true, &[], [0, 0, 4, 0]));
        check("atta", (4, 4.0, 1.0, true, &[], [0, 0, 4, 0]));
        check("aaa.", (3, 3.0, 0.75, false, &[3], [0, 0, 3, 1]));
        check("aah0", (4, 2.5, 0.625, false, &[2, 3], [1, 1, 2, 0]));
        check("th.0", (3, 1.5, 0.375, false, &[1, 2, 3], [1, 1, 1, 1]));
        check("", (0, 0.0, 0.0, false, &[], [0, 0, 0, 0]));
    }

    #[test]
    fn cert_table() {
        // Two blocs of 2 and 4 competencies: each weighs half of the certification.
        fn check(p1: &str, p2: &str, expected: (f32, usize, f32, Option<ResultWarning>)) {
            let c = cert("RNCP1", &[2, 4]);
            let mut a = Assessment::default();
            rate(&mut a, &c.blocs[0], p1);
            rate(&mut a, &c.blocs[1], p2);
            let s = score_cert(&c, &a);
            assert_eq!(
                (s.readiness, s.ready_blocs, s.rated_share, s.warning),
                expected,
                "{p1} {p2}"
            );
            assert_eq!((s.total, s.blocs.len()), (6, 2));
        }
        use ResultWarning::{AllSame, MostlyUnrated};
        check("..", "....", (0.0, 0, 0.0, Some(MostlyUnrated)));
        check("a.", "....", (0.25, 0, 1.0 / 6.0, Some(MostlyUnrated)));
        check("h.", "h...", (0.1875, 0, 2.0 / 6.0, Some(MostlyUnrated)));
        check("aa", "....", (0.5, 1, 2.0 / 6.0, Some(MostlyUnrated)));
        // Exactly half unrated is not "more than half"; 3 answers are too few for AllSame.
        check("aa", "a...", (0.625, 1, 0.5, None));
        check("hh", "h...", (0.3125, 0, 0.5, None));
        check("aa", "ah..", (0.6875, 1, 4.0 / 6.0, None));
        check("aa", "aaaa", (1.0, 2, 1.0, Some(AllSame(Level::Alone))));
        check("at", "aaaa", (1.0, 2, 1.0, None));
        check(
            "00",
            "00..",
            (0.0, 0, 4.0 / 6.0, Some(AllSame(Level::NotYet))),
        );
        check(
            "hh",
            "hh..",
            (0.375, 0, 4.0 / 6.0, Some(AllSame(Level::WithHelp))),
        );
        check("ta", "h0ta", (0.8125, 1, 1.0, None));
    }

    #[test]
    fn all_same_needs_enough_answers() {
        let c = cert("RNCP1", &[3]);
        let mut a = Assessment::default();
        rate(&mut a, &c.blocs[0], "aaa");
        assert_eq!(
            score_cert(&c, &a).warning,
            None,
            "3 answers are too few to warn"
        );
        let empty = cert("RNCP2", &[]);
        let s = score_cert(&empty, &a);
        assert_eq!((s.readiness, s.rated_share, s.warning), (0.0, 0.0, None));
    }

    #[test]
    fn selection_order_and_rank() {
        let cat = Catalogue::bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut a = Assessment::default();
        for code in ["RNCP37722", "RNCP2383", "RNCP99999", "RNCP36241"] {
            a.select(code).unwrap_or_else(|e| panic!("{e}"));
        }
        let rncp2383 = cat.get("RNCP2383").unwrap();
        rate(&mut a, &rncp2383.blocs[0], "aaa");
        let scores = score_selection(&cat, &a);
        let codes: Vec<&str> = scores.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(
            codes,
            ["RNCP37722", "RNCP2383", "RNCP36241"],
            "unknown codes skipped"
        );
        let ranked: Vec<&str> = rank(&scores).iter().map(|s| s.code.as_str()).collect();
        assert_eq!(
            ranked,
            ["RNCP2383", "RNCP36241", "RNCP37722"],
            "ties by code"
        );
        assert_eq!(scores[1].ready_blocs, 1);
    }

    #[test]
    fn rank_uses_ready_blocs_before_code() {
        let mk = |code: &str, readiness: f32, ready_blocs: usize| CertScore {
            code: code.into(),
            blocs: Vec::new(),
            readiness,
            ready_blocs,
            total: 0,
            rated: 0,
            rated_share: 0.0,
            warning: None,
        };
        let scores = [
            mk("A", 0.5, 0),
            mk("B", 0.5, 1),
            mk("C", 0.9, 0),
            mk("D", 0.1, 3),
        ];
        let ranked: Vec<&str> = rank(&scores).iter().map(|s| s.code.as_str()).collect();
        assert_eq!(ranked, ["C", "B", "A", "D"]);
    }
}
