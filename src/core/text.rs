//! Text folding for French: case and accent insensitive comparison, used by catalogue search
//! and by experience matching.
//!
//! `fold` maps every character to its lower-case, accent-free form **one char to one char**
//! (ligatures `œ`/`æ` become `o`/`a`), so a byte range found in the folded text can be mapped
//! back to the original text for highlighting (see [`FoldedText`]).

use crate::core::order;

/// Lower-cases and strips the accent of one character (`É` → `e`, `ç` → `c`, `’` → `'`).
pub fn fold_char(c: char) -> char {
    match c {
        'a'..='z' | '0'..='9' | ' ' => c,
        'A'..='Z' => c.to_ascii_lowercase(),
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' | 'æ' | 'Æ' => {
            'a'
        }
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' | 'œ' | 'Œ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ÿ' | 'Ÿ' | 'ý' | 'Ý' => 'y',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        '’' | '‘' | 'ʼ' | '`' => '\'',
        '\u{a0}' | '\u{202f}' | '\t' | '\n' | '\r' => ' ',
        '‐' | '‑' | '–' | '—' => '-',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Folds a whole string (see [`fold_char`]).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// A text with its folded form and, for each folded char, where it starts in the original.
#[derive(Debug, Clone)]
pub struct FoldedText {
    pub folded: String,
    /// `starts[i]` = byte offset in the original of the char that starts at folded byte `i`
    /// (only meaningful at char boundaries); one extra entry for the end.
    starts: Vec<usize>,
}

impl FoldedText {
    pub fn new(original: &str) -> FoldedText {
        let mut folded = String::with_capacity(original.len());
        let mut starts = Vec::with_capacity(original.len() + 1);
        for (i, c) in original.char_indices() {
            let f = fold_char(c);
            for _ in 0..f.len_utf8() {
                starts.push(i);
            }
            folded.push(f);
        }
        starts.push(original.len());
        FoldedText { folded, starts }
    }

    /// Maps a byte range of `folded` back to a byte range of the original text.
    pub fn original_range(&self, folded: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.starts.get(folded.start).copied().unwrap_or(0);
        let end = self.starts.get(folded.end).copied().unwrap_or(start);
        start..end
    }
}

/// Splits a text into highlighted and plain pieces, given sorted, possibly overlapping byte
/// ranges of the original. Returns `(piece, highlighted)` pairs that concatenate to `text`.
pub fn highlight_pieces<'a>(
    text: &'a str,
    ranges: &[std::ops::Range<usize>],
) -> Vec<(&'a str, bool)> {
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    let mut sorted = ranges.to_vec();
    order::sort_by_key(&mut sorted, |r| (r.start, r.end));
    for r in sorted {
        if r.start >= r.end
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for r in merged {
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.start..r.end], true));
        at = r.end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table() {
        let cases = [
            ("Médiation", "mediation"),
            ("ÉLÈVE", "eleve"),
            ("cœur", "cour"),
            ("l’accueil", "l'accueil"),
            ("Ça va", "ca va"),
            ("K1204", "k1204"),
            ("naïf à Noël", "naif a noel"),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "{input}");
        }
    }

    #[test]
    fn folded_ranges_map_back() {
        let t = FoldedText::new("Gérer les conflits à l’école");
        let pos = t.folded.find("ecole").unwrap();
        let r = t.original_range(pos..pos + "ecole".len());
        assert_eq!(&"Gérer les conflits à l’école"[r], "école");
    }

    #[test]
    fn highlight_merges_and_covers() {
        let text = "apaiser les conflits";
        let pieces = highlight_pieces(text, &[12..20, 0..3, 1..7]);
        assert_eq!(
            pieces,
            vec![("apaiser", true), (" les ", false), ("conflits", true)]
        );
        let joined: String = pieces.iter().map(|p| p.0).collect();
        assert_eq!(joined, text);
        #[allow(clippy::reversed_empty_ranges)]
        let odd = [5..9, 2..1];
        assert_eq!(highlight_pieces("abc", &odd), vec![("abc", false)]);
    }
}
