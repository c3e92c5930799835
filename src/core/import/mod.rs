//! Import of France compétences' open-data export of the RNCP (flux XML V4.1) into the app's
//! data format (`core::model::Certification`, one JSON file per fiche).
//!
//! - [`split`]: the competency-list splitter, pure and available on every target.
//! - [`fiche`]: a fiche as read from the export ([`fiche::RawFiche`]) and its conversion to a
//!   [`Certification`](super::model::Certification), pure.
//! - [`reader`] (native only): streams the XML with `quick-xml`, one fiche at a time, reading
//!   each field at its own element path.
//! - [`run`] (native only): selection, atomic writes, protection of hand-curated files and the
//!   report printed by `src/bin/rncp-import.rs`.

pub mod fiche;
#[cfg(not(target_arch = "wasm32"))]
pub mod reader;
#[cfg(not(target_arch = "wasm32"))]
pub mod run;
pub mod split;
