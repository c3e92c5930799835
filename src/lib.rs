//! Repère: a competency explorer for French professional certifications (RNCP).
//!
//! `core` is pure Rust (no DOM, no storage); `ui` wires Leptos signals to it; `i18n` holds
//! every UI string in French and English.

pub mod core;
pub mod i18n;
pub mod ui;

pub use ui::app::App;
