//! The deterministic 5,000-word (or any length) French experience text both matching
//! benchmarks use: `benches/matching.rs` natively and `tests/bench_wasm.rs` in Chromium, so
//! their figures compare. Included with `#[path]`; not a crate of its own.

/// Words a job seeker might write: domain words, inflections, function words, accents,
/// apostrophes, so that every stage of the pipeline works.
const VOCABULARY: &[&str] = &[
    "j’ai",
    "accueilli",
    "les",
    "habitants",
    "du",
    "quartier",
    "et",
    "je",
    "les",
    "orientais",
    "vers",
    "la",
    "CAF",
    "ou",
    "le",
    "CCAS",
    "pendant",
    "mes",
    "maraudes",
    "du",
    "soir",
    "on",
    "apaisait",
    "des",
    "tensions",
    "entre",
    "voisins",
    "dans",
    "l’immeuble",
    "du",
    "bailleur",
    "j’ai",
    "rédigé",
    "un",
    "compte",
    "rendu",
    "après",
    "chaque",
    "intervention",
    "avec",
    "mon",
    "binôme",
    "nous",
    "avons",
    "monté",
    "un",
    "atelier",
    "numérique",
    "pour",
    "les",
    "personnes",
    "âgées",
    "isolées",
    "démarches",
    "en",
    "ligne",
    "sur",
    "internet",
    "école",
    "collège",
    "élèves",
    "parents",
    "médiation",
    "médiatrice",
    "conflit",
    "dispute",
    "altercation",
    "partenaires",
    "association",
    "mairie",
    "réseau",
    "réseaux",
    "sociaux",
    "sécurité",
    "secours",
    "urgence",
    "règlement",
    "consignes",
    "écoute",
    "confiance",
    "bienveillance",
    "projet",
    "fête",
    "affiches",
    "bilan",
    "évaluation",
    "diagnostic",
    "territoire",
    "veille",
    "signalé",
    "dysfonctionnements",
    "pannes",
    "ascenseur",
    "transports",
    "bus",
    "tramway",
    "voyageurs",
    "accès",
    "droits",
    "allocations",
    "dossier",
    "préfecture",
    "interprète",
    "langue",
    "culture",
    "handicap",
    "fauteuil",
    "accessibilité",
    "café",
    "travail",
    "équipe",
];

pub fn experience_text(words: usize) -> String {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut text = String::with_capacity(words * 9);
    for i in 0..words {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let word = VOCABULARY[(state % VOCABULARY.len() as u64) as usize];
        text.push_str(word);
        text.push_str(if i % 17 == 16 {
            ". "
        } else if i % 7 == 6 {
            ", "
        } else {
            " "
        });
    }
    text
}
