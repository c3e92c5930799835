//! Leptos components. They only wire signals to `crate::core` and strings to `crate::i18n`;
//! browser services go through `browser`.

pub mod app;
pub mod assess;
pub mod browser;
pub mod catalogue;
pub mod context;
pub mod data;
pub mod embed;
pub mod errors;
pub mod experiences;
pub mod fiche;
pub mod fiches;
pub mod highlight;
pub mod lazy;
pub mod not_found;
pub mod notice;
pub mod results;
pub mod selected;
pub mod selection;
pub mod shell;
pub mod split;
pub mod status;
pub mod title;
pub mod work;
