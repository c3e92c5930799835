//! Property tests of the reader of the UI's message tables (`i18n::read_table`), the files the
//! app downloads at start-up: whatever arrives (a cut download, a file edited or of another
//! build, any text), it reads the build's own table back, refuses the rest with a message, and
//! never panics.

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use repere::i18n::{read_table, table_json, Lang, Part};

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Fr), Just(Lang::En)]
}

fn part() -> impl Strategy<Value = Part> {
    prop_oneof![Just(Part::Start), Just(Part::Pages)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_read_or_refused(text in ".{0,300}", lang in lang(), part in part()) {
        let _ = read_table(lang, part, &text);
    }

    /// A table cut short (a download interrupted) is refused.
    #[test]
    fn a_table_cut_short_is_refused(lang in lang(), part in part(), keep in 0.0f64..1.0) {
        let full = table_json(lang, part);
        let mut end = (full.len() as f64 * keep) as usize;
        while !full.is_char_boundary(end) {
            end -= 1;
        }
        prop_assert!(read_table(lang, part, &full[..end]).is_err());
    }

    /// One character changed anywhere: read (with that text changed) or refused, never a panic;
    /// when read, every message is still there.
    #[test]
    fn a_table_edited_by_one_character(
        lang in lang(),
        part in part(),
        at in 0usize..100_000,
        c in any::<char>(),
    ) {
        let full = table_json(lang, part);
        let chars: Vec<char> = full.chars().collect();
        let at = at % chars.len();
        let edited: String = chars
            .iter()
            .enumerate()
            .map(|(i, x)| if i == at { c } else { *x })
            .collect();
        if let Ok(texts) = read_table(lang, part, &edited) {
            prop_assert_eq!(texts.len(), part.messages().len());
        }
    }
}
