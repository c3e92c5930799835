//! Maps the core's error values to translated messages.

use crate::core::assessment::AssessmentError;
use crate::core::codec::{CodecError, CodecErrorKind};
use crate::i18n::Msg;

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

/// Why an edit was refused, in the user's words.
pub fn assessment_error_msg(e: &AssessmentError) -> Msg {
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
