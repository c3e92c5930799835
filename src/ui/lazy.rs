//! Pages loaded on demand: `LazyPage` shows a page whose code lives in a wasm chunk of its own
//! (`ui::split`). While the chunk downloads it shows a polite loading state (`aria-busy`); if the
//! chunk cannot be fetched (offline before it was ever cached, a server error) it says so with a
//! "Réessayer" button, which asks for the chunk again (a failed load is not remembered). The
//! pages' messages (`i18n::Part::Pages`) come first, with the first page loaded on demand.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::browser;
use super::context::{lang, load_messages, t};
use super::split;
use crate::i18n::{self, Msg, Part};

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
    let ui_lang = lang();
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
                    // The pages' messages before the page: its code may read them as it builds.
                    let lang = ui_lang.get_untracked();
                    let messages = if i18n::has_table(lang, Part::Pages) {
                        Ok(())
                    } else {
                        load_messages(lang, Part::Pages).await.map_err(|e| format!("{e:?}"))
                    };
                    let loaded = match messages {
                        Ok(()) => page.load().await.map_err(|e| format!("{e:?}")),
                        Err(e) => Err(e),
                    };
                    match loaded {
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

/// Both futures, polled side by side (two downloads start at once).
pub async fn both<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    use std::task::Poll;
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        match (ra.take(), rb.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (ra, rb) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}
