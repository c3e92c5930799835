//! Leptos components. They only wire signals to `crate::core` and strings to `crate::i18n`;
//! browser services go through `browser`.

pub mod app;
pub mod browser;
pub mod catalogue;
pub mod fiche;
pub mod highlight;
pub mod not_found;
pub mod shell;
pub mod title;
