//! Maps the core's error values to translated messages.

use crate::core::assessment::{
    AssessmentError, MAX_DESCRIPTION_CHARS, MAX_NOTE_CHARS, MAX_TITLE_CHARS,
};
use crate::core::codec::{CodecError, CodecErrorKind};
use crate::i18n::{Lang, Msg};

/// Why a saved state, file or link could not be read, in the user's words.
pub fn codec_error_msg(e: &CodecError) -> Msg {
    match e.kind() {
        CodecErrorKind::Empty => Msg::ErrEmpty,
        CodecErrorKind::TooLarge => Msg::ErrTooLarge,
        CodecErrorKind::Foreign => Msg::ErrForeign,
        CodecErrorKind::TooNew => Msg::ErrTooNew,
        CodecErrorKind::Malformed => Msg::ErrMalformed,
        CodecErrorKind::Invalid => Msg::ErrInvalid,
        CodecErrorKind::Truncated => Msg::ErrTruncated,
        CodecErrorKind::Tampered => Msg::ErrTampered,
        CodecErrorKind::BadEncoding => Msg::ErrBadEncoding,
    }
}

/// Why an edit was refused, in the user's words: a message and, for a length limit, the
/// core's limit (so the number shown is the one enforced).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub msg: Msg,
    pub max: Option<usize>,
}

impl Refusal {
    /// The message's parameters in `lang`.
    pub fn params(self, lang: Lang) -> Vec<(&'static str, String)> {
        self.max
            .map(|n| vec![("max", lang.number(n))])
            .unwrap_or_default()
    }

    pub fn text(self, lang: Lang) -> String {
        match self.max {
            Some(n) => self.msg.fill(lang, &[("max", &lang.number(n))]),
            None => self.msg.text(lang).to_owned(),
        }
    }
}

/// Why an edit was refused.
pub fn refusal(e: &AssessmentError) -> Refusal {
    let max = match e {
        AssessmentError::TitleTooLong => Some(MAX_TITLE_CHARS),
        AssessmentError::DescriptionTooLong => Some(MAX_DESCRIPTION_CHARS),
        AssessmentError::NoteTooLong => Some(MAX_NOTE_CHARS),
        _ => None,
    };
    Refusal {
        msg: assessment_error_msg(e),
        max,
    }
}

fn assessment_error_msg(e: &AssessmentError) -> Msg {
    match e {
        AssessmentError::TitleEmpty => Msg::ErrTitleEmpty,
        AssessmentError::TitleTooLong => Msg::ErrTitleTooLong,
        AssessmentError::DescriptionTooLong => Msg::ErrDescriptionTooLong,
        AssessmentError::NoteTooLong => Msg::ErrNoteTooLong,
        AssessmentError::EndBeforeStart => Msg::ErrEndBeforeStart,
        AssessmentError::TooManySelected => Msg::SelectionFull,
        AssessmentError::TooManyEntries
        | AssessmentError::TooManyExperiences
        | AssessmentError::TextBudgetExceeded => Msg::ErrTooMany,
        AssessmentError::InvalidId(_)
        | AssessmentError::UnknownExperience(_)
        | AssessmentError::DuplicateExperience(_) => Msg::ErrOther,
    }
}
