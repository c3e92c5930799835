//! Leptos components.
pub mod app;
