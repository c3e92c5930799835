//! The pure core of Repère: data model, catalogue, search, routing, codecs.
//!
//! Invariant: nothing in here imports `leptos`, `web_sys`, `js_sys` or `gloo`. It cannot touch
//! the DOM or storage, so all of it runs under plain `cargo test` (see `tests/architecture.rs`).

pub mod alike;
pub mod assessment;
pub mod catalogue;
pub mod codec;
pub mod compare;
pub mod dataset;
pub mod date;
pub mod embed;
pub mod evidence;
pub mod import;
pub mod json;
pub mod matching;
pub mod model;
pub mod order;
pub mod route;
pub mod scoring;
pub mod search;
pub mod text;
