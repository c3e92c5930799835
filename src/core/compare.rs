//! The compare view's rows: groups of alike competencies spread over the selected
//! certifications, each group as one cell (the competency ids) per certification.

use super::alike::AlikeIndex;
use super::assessment::{Assessment, Level};
use super::catalogue::Catalogue;

/// One row of the comparison: for each selected certification (in selection order), the alike
/// competencies it has in this group (possibly none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlikeRow {
    pub cells: Vec<Vec<String>>,
}

/// Groups of alike competencies that touch at least two of the `selection`'s certifications.
pub fn alike_rows(
    catalogue: &Catalogue,
    alike: &AlikeIndex,
    selection: &[String],
) -> Vec<AlikeRow> {
    let mut rows = Vec::new();
    for group in alike.groups() {
        let mut cells: Vec<Vec<String>> = vec![Vec::new(); selection.len()];
        for id in group {
            if let Some((cert, _)) = catalogue.competency(&id) {
                if let Some(i) = selection.iter().position(|c| *c == cert.code) {
                    cells[i].push(id);
                }
            }
        }
        if cells.iter().filter(|c| !c.is_empty()).count() >= 2 {
            rows.push(AlikeRow { cells });
        }
    }
    rows
}

/// After competency `id` was rated `level`: its alike competencies in the *other* selected
/// certifications whose answer differs — what the UI offers to update in one click.
pub fn alike_to_update<'a>(
    catalogue: &Catalogue,
    alike: &'a AlikeIndex,
    work: &Assessment,
    id: &str,
    level: Level,
) -> Vec<&'a str> {
    let own = catalogue.competency(id).map(|(cert, _)| cert.code.as_str());
    alike
        .alike(id)
        .iter()
        .filter(|other| {
            catalogue.competency(other).is_some_and(|(cert, _)| {
                Some(cert.code.as_str()) != own
                    && work.is_selected(&cert.code)
                    && work.rating(other) != Some(level)
            })
        })
        .map(String::as_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alike_to_update_only_offers_other_selected_certifications_with_another_answer() {
        let cat = Catalogue::bundled().unwrap_or_else(|e| panic!("{e}"));
        let alike = AlikeIndex::compute(&cat);
        let (id, other) = alike
            .pairs()
            .into_iter()
            .find(|(a, b, _)| a.starts_with("RNCP37722") && b.starts_with("RNCP41674"))
            .map(|(a, b, _)| (a.to_owned(), b.to_owned()))
            .unwrap_or_else(|| panic!("RNCP37722 and RNCP41674 have alike competencies"));
        let mut work = Assessment::default();
        let _ = work.select("RNCP37722");
        let _ = work.rate(&id, Some(Level::Alone));
        let offered = |w: &Assessment| {
            alike_to_update(&cat, &alike, w, &id, Level::Alone)
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        };
        assert!(offered(&work).is_empty(), "RNCP41674 is not selected");
        let _ = work.select("RNCP41674");
        assert!(offered(&work).contains(&other));
        let _ = work.rate(&other, Some(Level::Alone));
        assert!(!offered(&work).contains(&other), "same answer already");
        assert_eq!(work.competencies_shown_by(1), Vec::<&str>::new());
    }

    #[test]
    fn rows_span_at_least_two_selected_certifications() {
        let cat = Catalogue::bundled().unwrap_or_else(|e| panic!("{e}"));
        let alike = AlikeIndex::compute(&cat);
        let sel = vec!["RNCP37722".to_owned(), "RNCP41674".to_owned()];
        let rows = alike_rows(&cat, &alike, &sel);
        assert!(
            !rows.is_empty(),
            "RNCP37722 and RNCP41674 share alike competencies"
        );
        for row in &rows {
            assert_eq!(row.cells.len(), 2);
            assert!(row.cells.iter().all(|c| !c.is_empty()));
            assert!(row.cells[0].iter().all(|id| id.starts_with("RNCP37722")));
            assert!(row.cells[1].iter().all(|id| id.starts_with("RNCP41674")));
        }
        assert!(
            alike_rows(&cat, &alike, &sel[..1]).is_empty(),
            "one certification: nothing to compare"
        );
        assert!(alike_rows(&cat, &alike, &[]).is_empty());
    }
}
