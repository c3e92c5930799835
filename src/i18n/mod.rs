//! UI strings in French and English.
