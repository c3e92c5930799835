//! Alike competencies: competencies of **different** certifications that say the same thing
//! in other words, e.g. "Apaiser les situations de conflit en temps réel" (RNCP37722) and
//! "Réguler les conflits en temps réel en appliquant des techniques de gestion de crise…"
//! (RNCP41674). Used to compare certifications and to carry a self-assessment across them.
//!
//! # How
//!
//! Each competency is the weighted concept vector the experience matcher builds
//! ([`Matcher`], see `core::matching`): stems and related-terms groups of its label, weighted
//! by IDF (with `light` words down-weighted), plus its bloc title's concepts at a lower
//! weight. Two competencies of different certifications are alike when the **cosine** of
//! their vectors reaches [`SIMILARITY_THRESHOLD`] (chosen by reading the pairs on the bundled
//! catalogue: above it, pairs are the same skill; below, they share a theme but not the
//! skill). Competencies of the same certification are never alike.
//!
//! The curated `data/matching/alike-overrides.json` then adds pairs the vectors miss
//! (`"add"`) and removes false friends (`"remove"`); both are symmetric. An added pair gets
//! similarity 1. Override ids unknown to the catalogue, or pairs within one certification, are
//! reported by [`AlikeIndex::compute_with`] (and a test keeps the bundled file clean).

use crate::core::order;
use std::collections::HashMap;

use serde::Deserialize;

use super::catalogue::Catalogue;
use super::matching::{ConceptVector, Matcher};

/// Minimum cosine similarity for two competencies to be alike.
pub const SIMILARITY_THRESHOLD: f32 = 0.4;

/// The curated overrides (embedded by [`super::matching::resources`]).
pub const OVERRIDES_JSON: &str = super::matching::resources::ALIKE_OVERRIDES_JSON;

/// Curated corrections to the computed pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Free text for maintainers.
    #[serde(default)]
    pub about: String,
    /// Pairs to add.
    #[serde(default)]
    pub add: Vec<[String; 2]>,
    /// Pairs to remove.
    #[serde(default)]
    pub remove: Vec<[String; 2]>,
}

impl Overrides {
    /// Parses an overrides file.
    pub fn parse(json: &str) -> Result<Overrides, String> {
        serde_json::from_str(json).map_err(|e| format!("alike overrides: invalid JSON: {e}"))
    }

    /// The bundled overrides; none if the file is unusable (a test checks it is not).
    pub fn bundled() -> Overrides {
        Overrides::parse(OVERRIDES_JSON).unwrap_or_default()
    }
}

/// A problem with one override pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideError {
    /// `add` or `remove`.
    pub list: &'static str,
    pub pair: [String; 2],
    pub message: String,
}

impl std::fmt::Display for OverrideError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "alike overrides, {} [{}, {}]: {}",
            self.list, self.pair[0], self.pair[1], self.message
        )
    }
}

/// Alike competencies across certifications.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlikeIndex {
    /// Every competency id of the catalogue, sorted; a competency's position is its rank.
    ids: Vec<String>,
    /// Per rank: `(other rank, similarity)`, most similar first (ties by id).
    neighbours: Vec<Vec<(u32, f32)>>,
    /// Per rank: the ids of `neighbours`, for [`AlikeIndex::alike`].
    alike: Vec<Vec<String>>,
}

/// Cosine similarity of two sparse vectors sorted by concept.
fn cosine(a: &ConceptVector, b: &ConceptVector) -> f32 {
    let norm = |v: &ConceptVector| v.iter().map(|c| c.1 * c.1).sum::<f32>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot / (na * nb)
}

/// A pair of ranks, smaller first.
fn ordered(a: u32, b: u32) -> (u32, u32) {
    (a.min(b), a.max(b))
}

/// Sort key putting higher similarities first (similarities are never negative here).
fn descending(similarity: f32) -> u32 {
    u32::MAX - similarity.max(0.0).to_bits()
}

impl AlikeIndex {
    /// Alike competencies of the catalogue, with the bundled overrides (override problems
    /// are ignored here; see [`AlikeIndex::compute_with`]).
    pub fn compute(catalogue: &Catalogue) -> AlikeIndex {
        AlikeIndex::compute_with(
            catalogue,
            &Matcher::lexical(catalogue),
            &Overrides::bundled(),
        )
        .0
    }

    /// Alike competencies of the catalogue from a matcher built on it, with given overrides.
    /// Returns the problems found in the overrides (unknown ids, same certification).
    pub fn compute_with(
        catalogue: &Catalogue,
        matcher: &Matcher,
        overrides: &Overrides,
    ) -> (AlikeIndex, Vec<OverrideError>) {
        // `(id, certification number)`, sorted by id.
        let mut ranked: Vec<(&str, u32)> = Vec::new();
        for (n, cert) in catalogue.all().iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            ranked.extend(cert.competencies().map(|(_, c)| (c.id.as_str(), n)));
        }
        order::sort(&mut ranked);
        ranked.dedup_by(|a, b| a.0 == b.0);
        let rank = |id: &str| -> Option<u32> {
            let i = ranked.binary_search_by(|(x, _)| (*x).cmp(id)).ok()?;
            u32::try_from(i).ok()
        };
        let cert = |r: u32| ranked[r as usize].1;
        let cert_code = |r: u32| {
            let n = cert(r) as usize;
            catalogue.all().get(n).map_or("", |c| c.code.as_str())
        };
        let vectors: Vec<(u32, &ConceptVector)> = matcher
            .vectors()
            .filter_map(|(id, v)| Some((rank(id)?, v)))
            .collect();
        let mut pairs: HashMap<(u32, u32), f32> = HashMap::new();
        for (i, &(a, va)) in vectors.iter().enumerate() {
            for &(b, vb) in &vectors[i + 1..] {
                if cert(a) == cert(b) {
                    continue;
                }
                let sim = cosine(va, vb);
                if sim >= SIMILARITY_THRESHOLD {
                    pairs.insert(ordered(a, b), sim);
                }
            }
        }
        let mut errors = Vec::new();
        for (list, entries) in [("add", &overrides.add), ("remove", &overrides.remove)] {
            for pair in entries {
                let [a, b] = pair;
                let key = match (rank(a), rank(b)) {
                    (None, _) => Err(format!("unknown competency {a}")),
                    (_, None) => Err(format!("unknown competency {b}")),
                    (Some(ra), Some(rb)) if cert(ra) == cert(rb) => {
                        Err(format!("both competencies are in {}", cert_code(ra)))
                    }
                    (Some(ra), Some(rb)) => Ok(ordered(ra, rb)),
                };
                match key {
                    Err(message) => errors.push(OverrideError {
                        list,
                        pair: pair.clone(),
                        message,
                    }),
                    Ok(key) if list == "add" => {
                        pairs.insert(key, 1.0);
                    }
                    Ok(key) => {
                        pairs.remove(&key);
                    }
                }
            }
        }
        let mut keyed: Vec<Vec<(u32, u32)>> = vec![Vec::new(); ranked.len()];
        for (&(a, b), &sim) in &pairs {
            keyed[a as usize].push((descending(sim), b));
            keyed[b as usize].push((descending(sim), a));
        }
        let neighbours: Vec<Vec<(u32, f32)>> = keyed
            .into_iter()
            .enumerate()
            .map(|(a, mut v)| {
                order::sort(&mut v);
                let a = u32::try_from(a).unwrap_or(u32::MAX);
                v.into_iter()
                    .map(|(_, b)| (b, pairs.get(&ordered(a, b)).copied().unwrap_or(0.0)))
                    .collect()
            })
            .collect();
        let alike = neighbours
            .iter()
            .map(|v| {
                v.iter()
                    .map(|&(b, _)| ranked[b as usize].0.to_owned())
                    .collect()
            })
            .collect();
        let ids = ranked.into_iter().map(|(id, _)| id.to_owned()).collect();
        (
            AlikeIndex {
                ids,
                neighbours,
                alike,
            },
            errors,
        )
    }

    fn rank(&self, id: &str) -> Option<usize> {
        self.ids.binary_search_by(|x| x.as_str().cmp(id)).ok()
    }

    /// The competencies alike `id`, most similar first; empty when none (or unknown id).
    pub fn alike(&self, id: &str) -> &[String] {
        self.rank(id)
            .and_then(|r| self.alike.get(r))
            .map_or(&[], Vec::as_slice)
    }

    /// The similarity of two alike competencies (1 for a curated pair), `None` if not alike.
    pub fn similarity(&self, a: &str, b: &str) -> Option<f32> {
        let (ra, rb) = (self.rank(a)?, self.rank(b)?);
        self.neighbours
            .get(ra)?
            .iter()
            .find(|n| n.0 as usize == rb)
            .map(|n| n.1)
    }

    /// Every alike pair `(a, b, similarity)` with `a < b`, sorted by ids.
    pub fn pairs(&self) -> Vec<(&str, &str, f32)> {
        let mut keys: Vec<(u32, u32)> = Vec::new();
        for (a, v) in self.neighbours.iter().enumerate() {
            let a = u32::try_from(a).unwrap_or(u32::MAX);
            keys.extend(v.iter().filter(|n| n.0 > a).map(|n| (a, n.0)));
        }
        order::sort(&mut keys);
        keys.into_iter()
            .filter_map(|(a, b)| {
                let sim = self.neighbours[a as usize].iter().find(|n| n.0 == b)?.1;
                Some((
                    self.ids[a as usize].as_str(),
                    self.ids[b as usize].as_str(),
                    sim,
                ))
            })
            .collect()
    }

    /// Connected groups of alike competencies (each sorted by id, groups sorted by their
    /// first id), for a side-by-side comparison. A group may hold two competencies of the
    /// same certification when both are alike a third one.
    pub fn groups(&self) -> Vec<Vec<String>> {
        // Group number + 1 of each rank, 0 for none yet.
        let mut group_of = vec![0usize; self.ids.len()];
        let mut count = 0;
        // Starting from each ungrouped id in id order makes it its group's smallest id, so
        // the groups come out sorted by first id.
        for start in 0..self.ids.len() {
            if group_of[start] != 0 || self.neighbours[start].is_empty() {
                continue;
            }
            count += 1;
            group_of[start] = count;
            let mut stack = vec![start];
            while let Some(r) = stack.pop() {
                for &(other, _) in &self.neighbours[r] {
                    let other = other as usize;
                    if group_of[other] == 0 {
                        group_of[other] = count;
                        stack.push(other);
                    }
                }
            }
        }
        let mut groups: Vec<Vec<String>> = vec![Vec::new(); count];
        for (r, &g) in group_of.iter().enumerate() {
            if g > 0 {
                groups[g - 1].push(self.ids[r].clone());
            }
        }
        groups
    }
}

#[cfg(test)]
#[path = "alike/tests.rs"]
mod tests;
