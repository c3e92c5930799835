//! The code-split entry points: each page a first visit to the catalogue does not need is
//! compiled into a wasm chunk of its own, downloaded when the page is first opened
//! (`ui::lazy::LazyPage` shows a loading state meanwhile, and an error with "Réessayer" if the
//! chunk cannot be fetched). The build splits the wasm at these functions (`scripts/split.mjs`,
//! run by Trunk's `post_build` hook); a function's first argument of `wasm_split` names its
//! chunk, and code shared by several chunks goes to a chunk of its own.
//!
//! This is the only module where `unsafe` is allowed: `wasm_split` generates the `extern "C"`
//! import/export pair and the loader's `unsafe` constructor that the split tool rewires. The
//! functions here contain no code of their own beyond calling a page component.
#![allow(unsafe_code)]

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::core::assessment::Assessment;
use crate::core::catalogue::Catalogue;
use crate::core::catalogue::DataError;
use crate::core::codec::{encode_share, read_saved, CodecError, Incoming};
use crate::core::dataset::{read_fiche, read_search};
use crate::core::date::Date;
use crate::core::embed::EmbedConfig;
use crate::core::matching::Analyzer;
use crate::core::model::Certification;
use crate::core::search::{Hit, Query, Reason, SearchIndex, SearchIndexBuilder};

use super::assess::page::AssessPage;
use super::catalogue::card::reasons_view;
use super::data::page::DataPage;
use super::data::share::SharePage;
use super::embed::builder::IntegratePage;
use super::experiences::page::ExperiencesPage;
use super::fiche::page::FichePage;
use super::not_found::NotFound;
use super::results::compare::ComparePage;
use super::results::page::ResultsPage;
use super::results::report::ReportPage;

/// What a chunk's entry point gives: the page, or why its chunk could not be loaded.
pub type Loaded = Result<AnyView, SplitLoaderError>;

#[wasm_split(fiche, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn fiche_page(code: String) -> Loaded {
    Ok(view! { <FichePage code /> }.into_any())
}

#[wasm_split(assess, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn assess_page(code: Option<String>) -> Loaded {
    Ok(view! { <AssessPage code /> }.into_any())
}

#[wasm_split(experiences, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn experiences_page() -> Loaded {
    Ok(view! { <ExperiencesPage /> }.into_any())
}

#[wasm_split(results, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn results_page() -> Loaded {
    Ok(view! { <ResultsPage /> }.into_any())
}

#[wasm_split(compare, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn compare_page() -> Loaded {
    Ok(view! { <ComparePage /> }.into_any())
}

#[wasm_split(report, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn report_page() -> Loaded {
    Ok(view! { <ReportPage /> }.into_any())
}

#[wasm_split(my_data, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn data_page() -> Loaded {
    Ok(view! { <DataPage /> }.into_any())
}

#[wasm_split(share, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn share_page(payload: String) -> Loaded {
    Ok(view! { <SharePage payload /> }.into_any())
}

#[wasm_split(integrate, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn integrate_page() -> Loaded {
    Ok(view! { <IntegratePage /> }.into_any())
}

/// "Page introuvable" for an address Repère does not know (rare: not worth the first load).
#[wasm_split(not_found, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn not_found_page() -> Loaded {
    Ok(view! { <NotFound /> }.into_any())
}

/// The share-link payload of `work` ("Ouvrir dans Repère" in embedded mode): the encoder and
/// its deflate are not needed by a first screen.
#[cfg(not(repere_unsplit))]
#[wasm_split(share_link, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn share_payload(work: Assessment) -> Result<String, SplitLoaderError> {
    Ok(encode_share(&work, true))
}

/// Without code splitting (`--cfg repere_unsplit`: the wasm-bindgen tests, whose runner
/// cannot load chunks): the same, in the main module.
#[cfg(repere_unsplit)]
#[allow(clippy::unused_async)]
pub async fn share_payload(work: Assessment) -> Result<String, SplitLoaderError> {
    Ok(encode_share(&work, true))
}

/// Reads a downloaded fiche (`ui::fiches`): the whole certification's JSON reader is not needed
/// by a first screen, which shows cards from the index.
#[cfg(not(repere_unsplit))]
#[wasm_split(fiche_reader, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn read_fiche_file(
    code: String,
    json: String,
) -> Result<Result<Certification, DataError>, SplitLoaderError> {
    Ok(read_fiche(&code, &json))
}

/// Without code splitting (`--cfg repere_unsplit`: the wasm-bindgen tests, whose runner
/// cannot load chunks): the same, in the main module.
#[cfg(repere_unsplit)]
#[allow(clippy::unused_async)]
pub async fn read_fiche_file(
    code: String,
    json: String,
) -> Result<Result<Certification, DataError>, SplitLoaderError> {
    Ok(read_fiche(&code, &json))
}

/// Reads the saved work (start-up, and another tab's save): the decoder of the saved file, its
/// repair and checks are not needed by a first visit, which has no saved work.
#[cfg(not(repere_unsplit))]
#[wasm_split(saved_work, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn read_saved_work(
    text: String,
    catalogue: &'static Catalogue,
) -> Result<Result<Incoming, CodecError>, SplitLoaderError> {
    Ok(read_saved(&text, catalogue))
}

/// Without code splitting (`--cfg repere_unsplit`: the wasm-bindgen tests, whose runner
/// cannot load chunks): the same, in the main module.
#[cfg(repere_unsplit)]
#[allow(clippy::unused_async)]
pub async fn read_saved_work(
    text: String,
    catalogue: &'static Catalogue,
) -> Result<Result<Incoming, CodecError>, SplitLoaderError> {
    Ok(read_saved(&text, catalogue))
}

/// A search index being built, step by step (`ui::work::prepare_search`). Its code is in the
/// `search_builder` chunk: main code calls it through this trait's vtable only.
pub trait SearchBuild {
    /// Indexes until `out_of_time` says stop or the index is complete; the index once it is.
    fn run(&mut self, out_of_time: &dyn Fn() -> bool) -> Option<Box<dyn Search>>;
    /// Whether the index covers the cards only (the search file was missing or damaged).
    fn partial(&self) -> bool;
}

struct Building {
    builder: Option<SearchIndexBuilder<'static>>,
    partial: bool,
}

impl SearchBuild for Building {
    fn run(&mut self, out_of_time: &dyn Fn() -> bool) -> Option<Box<dyn Search>> {
        let builder = self.builder.as_mut()?;
        while !out_of_time() {
            if builder.step(25) {
                break;
            }
        }
        let (indexed, total) = builder.progress();
        if indexed < total {
            return None;
        }
        self.builder
            .take()
            .map(|b| Box::new(b.finish()) as Box<dyn Search>)
    }

    fn partial(&self) -> bool {
        self.partial
    }
}

/// The catalogue's search index, built (`ui::work::search_index`). Querying it (the query's
/// analysis, ranking, reasons) is code of the `search_builder` chunk too: the catalogue calls it
/// through this trait's vtable only, and lists the cards without it (`core::search::browse`)
/// until the search box is first used.
pub trait Search {
    /// See `SearchIndex::search_page`.
    fn search_page(&self, query: &Query, today: Date, reasoned: usize) -> Vec<Hit<'static>>;
    /// See `SearchIndex::explain`.
    fn explain(&self, hits: &mut [Hit<'static>], query: &Query);
    /// A card's "why it matched" (`ui::catalogue::card::reasons_view`): shown only once there
    /// is an index, so its code comes with the index's chunk.
    fn reasons_view(&self, reasons: Vec<Reason>, count: usize) -> AnyView;
}

impl Search for SearchIndex<'static> {
    fn search_page(&self, query: &Query, today: Date, reasoned: usize) -> Vec<Hit<'static>> {
        SearchIndex::search_page(self, query, today, reasoned)
    }

    fn explain(&self, hits: &mut [Hit<'static>], query: &Query) {
        SearchIndex::explain(self, hits, query);
    }

    fn reasons_view(&self, reasons: Vec<Reason>, count: usize) -> AnyView {
        reasons_view(reasons, count)
    }
}

/// Starts building the search index over the search file's text (`None` when it could not be
/// downloaded: the cards only). The file's reader, the analyzer's lexicon and the index builder
/// are not needed before the search box is first used.
#[cfg(not(repere_unsplit))]
#[wasm_split(search_builder, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn search_builder(
    json: Option<String>,
    cards: &'static Catalogue,
) -> Result<Box<dyn SearchBuild>, SplitLoaderError> {
    Ok(start_search_build(json, cards))
}

/// Without code splitting (`--cfg repere_unsplit`): the same, in the main module.
#[cfg(repere_unsplit)]
#[allow(clippy::unused_async)]
pub async fn search_builder(
    json: Option<String>,
    cards: &'static Catalogue,
) -> Result<Box<dyn SearchBuild>, SplitLoaderError> {
    Ok(start_search_build(json, cards))
}

fn start_search_build(json: Option<String>, cards: &'static Catalogue) -> Box<dyn SearchBuild> {
    let whole = match json.map(|json| read_search(&json, cards)) {
        Some(Ok(whole)) => Some(whole),
        Some(Err(e)) => {
            leptos::logging::warn!("search file: {e}");
            None
        }
        None => None,
    };
    let partial = whole.is_none();
    let catalogue: &'static Catalogue = whole.map_or(cards, |w| Box::leak(Box::new(w)));
    let analyzer: &'static Analyzer = Box::leak(Box::new(Analyzer::new()));
    Box::new(Building {
        builder: Some(SearchIndexBuilder::new(catalogue, Some(analyzer))),
        partial,
    })
}

/// The embedded mode (`ui::embed`): its parameters' reader, palette, chrome and messages to the
/// host page, loaded at start-up only when the address asks for it (`embed=1`).
#[cfg(not(repere_unsplit))]
#[wasm_split(embed_mode, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn embed_mode(
    catalogue: &'static Catalogue,
) -> Result<Option<&'static EmbedConfig>, SplitLoaderError> {
    Ok(super::embed::start(catalogue))
}

/// Without code splitting (`--cfg repere_unsplit`: the wasm-bindgen tests, whose runner
/// cannot load chunks): the same, in the main module.
#[cfg(repere_unsplit)]
#[allow(clippy::unused_async)]
pub async fn embed_mode(
    catalogue: &'static Catalogue,
) -> Result<Option<&'static EmbedConfig>, SplitLoaderError> {
    Ok(super::embed::start(catalogue))
}
