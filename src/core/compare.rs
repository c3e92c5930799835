//! The compare view's rows: groups of alike competencies spread over the selected
//! certifications, each group as one cell (the competency ids) per certification.

use super::alike::AlikeIndex;
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

#[cfg(test)]
mod tests {
    use super::*;

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
