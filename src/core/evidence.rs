//! From an experience to evidence: which suggestions to show for it, what answer accepting one
//! pre-fills, and the excerpt of the experience that shows the matched words.

use std::ops::Range;

use super::assessment::{Assessment, Experience, ExperienceKind, Level};
use super::catalogue::Catalogue;
use super::matching::{Matcher, Suggestion};

/// Suggestions shown per experience, at most (the matcher's threshold and domain gate decide
/// how many pass; `tests/matching_eval.rs` measures the precision of these).
pub const SUGGESTIONS_SHOWN: usize = 5;

/// The answer pre-filled when the user accepts a suggestion for an unrated competency: a job,
/// volunteering, civic service or personal life shows what one does on one's own; an
/// internship or a training course was done under supervision.
pub fn prefill_level(kind: ExperienceKind) -> Level {
    match kind {
        ExperienceKind::Emploi
        | ExperienceKind::Benevolat
        | ExperienceKind::ServiceCivique
        | ExperienceKind::ViePersonnelle => Level::Alone,
        ExperienceKind::Stage | ExperienceKind::Formation => Level::WithHelp,
    }
}

/// The suggestions for an experience among the selected certifications' competencies; with
/// `new_only`, neither linked to it already nor dismissed. Ranges point into
/// `title\ndescription`.
fn in_selection(
    matcher: &Matcher,
    catalogue: &Catalogue,
    work: &Assessment,
    exp: &Experience,
    limit: usize,
    new_only: bool,
) -> Vec<Suggestion> {
    let selected: Vec<&str> = work.selection.iter().map(String::as_str).collect();
    let text = format!("{}\n{}", exp.title, exp.description);
    matcher.suggest(
        &text,
        |id| {
            catalogue
                .competency(id)
                .is_some_and(|(cert, _)| selected.contains(&cert.code.as_str()))
                && !(new_only && (work.is_linked(exp.id, id) || work.is_dismissed(exp.id, id)))
        },
        limit,
    )
}

/// The suggestions to show for an experience: competencies of the selected certifications,
/// neither linked to it already nor dismissed, best first.
pub fn suggestions_for(
    matcher: &Matcher,
    catalogue: &Catalogue,
    work: &Assessment,
    exp: &Experience,
    limit: usize,
) -> Vec<Suggestion> {
    in_selection(matcher, catalogue, work, exp, limit, true)
        .into_iter()
        .map(|mut s| {
            // Ranges point into `title\ndescription`; keep those in the description, shifted.
            let offset = exp.title.len() + 1;
            s.matched = s
                .matched
                .into_iter()
                .filter(|r| r.start >= offset)
                .map(|r| r.start - offset..r.end - offset)
                .collect();
            s
        })
        .collect()
}

/// Whether any competency of the selected certifications stands out from the experience,
/// already linked or dismissed ones included. When none does, the page says so with advice
/// instead of saying that there is no *new* suggestion.
pub fn anything_stands_out(
    matcher: &Matcher,
    catalogue: &Catalogue,
    work: &Assessment,
    exp: &Experience,
) -> bool {
    !in_selection(matcher, catalogue, work, exp, 1, false).is_empty()
}

/// An excerpt of `text` around its highlighted `ranges`, at most about `max_chars` long, with
/// the ranges moved into the excerpt. Cuts at spaces and marks cuts with `…`.
pub fn snippet(
    text: &str,
    ranges: &[Range<usize>],
    max_chars: usize,
) -> (String, Vec<Range<usize>>) {
    let valid: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .cloned()
        .collect();
    if text.chars().count() <= max_chars {
        return (text.to_owned(), valid);
    }
    let first = valid.iter().map(|r| r.start).min().unwrap_or(0);
    // Start a little before the first match, at a word boundary.
    let mut start = first;
    let mut back = 0;
    while start > 0 && back < max_chars / 4 {
        start -= 1;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        back += 1;
    }
    if start > 0 {
        start = text[start..first]
            .find(' ')
            .map_or(first, |i| start + i + 1);
    }
    let mut end = start;
    for (count, (i, c)) in text[start..].char_indices().enumerate() {
        if count >= max_chars {
            break;
        }
        end = start + i + c.len_utf8();
    }
    if end < text.len() {
        if let Some(i) = text[start..end].rfind(' ') {
            if start + i > first {
                end = start + i;
            }
        }
    }
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < text.len() { "…" } else { "" };
    let shift = prefix.len();
    let moved = valid
        .into_iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    (format!("{prefix}{}{suffix}", &text[start..end]), moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, word: &str, max: usize, expected: &str) {
        let at = text.find(word).unwrap();
        let range = at..at + word.len();
        let (s, ranges) = snippet(text, std::slice::from_ref(&range), max);
        assert_eq!(s, expected);
        assert_eq!(ranges.len(), 1, "{text}");
        assert_eq!(&s[ranges[0].clone()], word);
    }

    #[test]
    fn snippet_table() {
        check("court texte", "texte", 50, "court texte");
        check(
            "au début il y avait beaucoup de mots avant le conflit puis encore beaucoup après",
            "conflit",
            30,
            "…le conflit puis encore…",
        );
        check(
            "conflit au début puis une longue suite de mots",
            "conflit",
            20,
            "conflit au début…",
        );
        check("àéèù àéèù conflit àéèù àéèù", "conflit", 12, "…conflit…");
    }

    #[test]
    fn snippet_never_panics() {
        let text = "é".repeat(50) + " mot " + &"ü".repeat(50);
        #[allow(clippy::reversed_empty_ranges)]
        let cases = [0..1, 1..3, 100..104, 0..10_000, 5..2];
        for r in cases {
            let _ = snippet(&text, std::slice::from_ref(&r), 10);
        }
        assert_eq!(snippet("", &[], 10), (String::new(), vec![]));
    }

    #[test]
    fn suggestions_shown_and_nothing_stands_out() {
        let cat = Catalogue::bundled().unwrap_or_else(|e| panic!("{e}"));
        let matcher = Matcher::new(&cat);
        let mut work = Assessment::default();
        assert_eq!(work.select("RNCP37722"), Ok(true));
        let mut street = Experience::new("Médiateur de rue", ExperienceKind::Emploi);
        street.description = "J’apaisais les conflits de voisinage en bas des immeubles, \
            j’orientais les familles vers la CAF et je rédigeais un compte rendu de chaque \
            intervention."
            .to_owned();
        let mut baker = Experience::new("Boulanger", ExperienceKind::Emploi);
        baker.description =
            "Je pétrissais la pâte, je façonnais les baguettes et je surveillais le four."
                .to_owned();
        let street_id = work
            .add_experience(street)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let baker_id = work
            .add_experience(baker)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let exp = |id: u32| {
            work.experience(id)
                .cloned()
                .unwrap_or_else(|| panic!("{id}"))
        };
        let (street, baker) = (exp(street_id), exp(baker_id));
        let shown = suggestions_for(&matcher, &cat, &work, &street, SUGGESTIONS_SHOWN);
        assert!(!shown.is_empty() && shown.len() <= SUGGESTIONS_SHOWN);
        assert!(shown
            .iter()
            .all(|s| s.competency_id.starts_with("RNCP37722")));
        assert!(anything_stands_out(&matcher, &cat, &work, &street));
        assert!(suggestions_for(&matcher, &cat, &work, &baker, SUGGESTIONS_SHOWN).is_empty());
        assert!(!anything_stands_out(&matcher, &cat, &work, &baker));
        // Once every suggestion is dismissed, none is new, yet something stood out.
        loop {
            let left = suggestions_for(&matcher, &cat, &work, &street, SUGGESTIONS_SHOWN);
            let Some(s) = left.first() else { break };
            assert_eq!(work.dismiss_suggestion(street_id, &s.competency_id), Ok(()));
        }
        assert!(anything_stands_out(&matcher, &cat, &work, &street));
    }

    #[test]
    fn prefill_table() {
        assert_eq!(prefill_level(ExperienceKind::Emploi), Level::Alone);
        assert_eq!(prefill_level(ExperienceKind::Benevolat), Level::Alone);
        assert_eq!(prefill_level(ExperienceKind::Stage), Level::WithHelp);
        assert_eq!(prefill_level(ExperienceKind::Formation), Level::WithHelp);
    }
}
