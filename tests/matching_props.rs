//! Property tests of the experience matcher with labelled examples (`core::matching`): any
//! examples file text is either read or refused, never a panic; any examples (texts, labels,
//! duplicates, unknown ids) and any experience text give scores in `0..=1`, sorted, with
//! ranges that fall on the text's words; leaving an example out never panics either.

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use repere::core::matching::{ExampleText, Examples, Matcher};

const IDS: &[&str] = &["C1", "C2", "C3", "C4", "X9"];

fn matcher() -> Matcher {
    Matcher::from_competencies([
        (
            "C1",
            "Apaiser les situations de conflit",
            "Réguler les tensions",
        ),
        ("C2", "Accueillir et orienter le public", ""),
        (
            "C3",
            "Accompagner les démarches numériques",
            "Accès aux droits",
        ),
        (
            "C4",
            "Rédiger le compte rendu de l’activité",
            "Rendre compte",
        ),
    ])
}

/// Texts made of words of the labels, of people's words and of odd characters.
fn text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("conflit".to_owned()),
        Just("accueil".to_owned()),
        Just("halls".to_owned()),
        Just("jeunes".to_owned()),
        Just("soupe".to_owned()),
        Just("l’".to_owned()),
        Just("qu'".to_owned()),
        Just("réseaux sociaux".to_owned()),
        Just("É".to_owned()),
        Just("\u{0}".to_owned()),
        Just("œuvre".to_owned()),
        Just(".".to_owned()),
        Just("-".to_owned()),
        "\\PC{0,6}".prop_map(|s: String| s),
    ];
    prop::collection::vec(word, 0..40).prop_map(|w| w.join(" "))
}

fn example() -> impl Strategy<Value = ExampleText> {
    (
        prop::sample::select(vec!["e1", "e2", "e3", "e1"]),
        text(),
        prop::collection::vec(prop::sample::select(IDS.to_vec()), 0..4),
    )
        .prop_map(|(id, text, labels)| ExampleText {
            id: id.to_owned(),
            text,
            labels: labels.into_iter().map(str::to_owned).collect(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_examples_and_text_give_sane_suggestions(
        examples in prop::collection::vec(example(), 0..8),
        query in text(),
        leave_out in prop::sample::select(vec!["e1", "e2", "none"]),
    ) {
        let m = matcher().with_examples(&examples);
        for got in [
            m.suggest(&query, |_| true, 10),
            m.suggest_leaving_out(&query, &|_| true, 10, leave_out),
        ] {
            prop_assert!(got.len() <= 10);
            for w in got.windows(2) {
                prop_assert!(w[0].score >= w[1].score);
            }
            for s in &got {
                prop_assert!(s.score.is_finite() && (0.0..=1.0).contains(&s.score));
                prop_assert!(IDS[..4].contains(&s.competency_id.as_str()));
                for r in &s.matched {
                    prop_assert!(query.get(r.clone()).is_some_and(|w| !w.is_empty()));
                }
            }
        }
        for (_, f) in m.training_features(&query, Some(leave_out)) {
            prop_assert!(f.iter().all(|x| x.is_finite()));
        }
    }

    #[test]
    fn any_examples_file_is_read_or_refused(json in "\\PC{0,200}") {
        let _ = Examples::parse(&json);
        let wrapped = format!(r#"{{"examples": [{{"id": "a", "text": {json:?}, "labels": []}}]}}"#);
        if let Ok(file) = Examples::parse(&wrapped) {
            let m = matcher().with_examples(&file.examples);
            let _ = m.suggest(&json, |_| true, 5);
        }
    }
}
