//! Pages loaded on demand: `LazyPage` shows a page whose code lives in a wasm chunk of its own
//! (`ui::split`). While the chunk downloads it shows a polite loading state (`aria-busy`); if the
//! chunk cannot be fetched (offline before it was ever cached, a server error) it says so with a
//! "Réessayer" button, which asks for the chunk again (a failed load is not remembered).

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::browser;
use super::context::t;
use super::split;
use crate::i18n::Msg;

/// A page whose code is split out of the first load, with its route's arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chunked {
    Fiche(String),
    Assess(Option<String>),
    Experiences,
    Results,
    Compare,
    Report,
    MyData,
    Share(String),
    Integrate,
}

impl Chunked {
    /// Downloads the page's chunk (once; at once when it is already there) and builds the page.
    async fn load(self) -> split::Loaded {
        match self {
            Chunked::Fiche(code) => split::fiche_page(code).await,
            Chunked::Assess(code) => split::assess_page(code).await,
            Chunked::Experiences => split::experiences_page().await,
            Chunked::Results => split::results_page().await,
            Chunked::Compare => split::compare_page().await,
            Chunked::Report => split::report_page().await,
            Chunked::MyData => split::data_page().await,
            Chunked::Share(payload) => split::share_page(payload).await,
            Chunked::Integrate => split::integrate_page().await,
        }
    }
}

/// The page `page`, once its chunk is loaded.
#[component]
pub fn LazyPage(page: Chunked) -> impl IntoView {
    // Bumped by "Réessayer": a new attempt at loading the chunk.
    let attempt = RwSignal::new(0_u32);
    let loading = || {
        view! {
            <div class="page-loading" aria-busy="true" data-testid="page-loading">
                <h1 tabindex="-1">{t(Msg::PageLoading)}</h1>
            </div>
        }
    };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                let page = page.clone();
                Suspend::new(SendWrapper::new(async move {
                    match page.load().await {
                        Ok(view) => {
                            // The loading heading had the focus (the page was opened from a
                            // link): give it to the page's own heading.
                            request_animation_frame(|| {
                                if browser::focus_is_lost() {
                                    browser::focus_main_heading();
                                }
                            });
                            view
                        }
                        Err(e) => {
                            leptos::logging::warn!("page chunk: {e}");
                            view! {
                                <div data-testid="page-failed">
                                    <h1 tabindex="-1">{t(Msg::PageUnavailable)}</h1>
                                    <p role="alert">{t(Msg::PageUnreachable)}</p>
                                    <p>
                                        <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                                            {t(Msg::DataRetry)}
                                        </button>
                                    </p>
                                </div>
                            }
                            .into_any()
                        }
                    }
                }))
            }}
        </Suspense>
    }
}
