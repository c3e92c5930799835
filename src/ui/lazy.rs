//! Pages loaded on demand: `LazyPage` shows a page whose code lives in a wasm chunk of its own
//! (`ui::split`). While the chunk downloads it shows a polite loading state (`aria-busy`); if the
//! chunk cannot be fetched (offline before it was ever cached, a server error) it says so with a
//! "Réessayer" button, which asks for the chunk again (a failed load is not remembered). The
//! pages' messages (`i18n::Part::Pages`) come first, with the first page loaded on demand.

use leptos::prelude::*;

use super::browser;
use super::context::{lang, load_messages, t};
use super::split;
use crate::core::route::Route;
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
    NotFound,
}

impl Chunked {
    /// The page of `route` when its code is split out (all but the catalogue).
    pub fn of(route: Route) -> Option<Chunked> {
        Some(match route {
            Route::Fiche(code) => Chunked::Fiche(code),
            Route::Assess(code) => Chunked::Assess(code),
            Route::Experiences => Chunked::Experiences,
            Route::Results => Chunked::Results,
            Route::Compare => Chunked::Compare,
            Route::Report => Chunked::Report,
            Route::MyData => Chunked::MyData,
            Route::Share(payload) => Chunked::Share(payload),
            Route::Integrate => Chunked::Integrate,
            Route::NotFound(_) => Chunked::NotFound,
            Route::Catalogue(_) => return None,
        })
    }

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
            Chunked::NotFound => split::not_found_page().await,
        }
    }
}

/// What [`LazyPage`] shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Load {
    Loading,
    Ready,
    Failed,
}

/// The page `page`, once its chunk is loaded. (A signal and a task, not `Suspense`, whose
/// machinery would weigh on the first load for this one use.)
#[component]
pub fn LazyPage(page: Chunked) -> impl IntoView {
    let ui_lang = lang();
    let state = RwSignal::new(Load::Loading);
    // The page built, kept here until it is shown.
    let built: StoredValue<Option<AnyView>, LocalStorage> = StoredValue::new_local(None);
    let owner = Owner::current().unwrap_or_default();
    // The owner of what the latest attempt built, kept as long as the LazyPage (an owner whose
    // last handle is dropped disposes what it owns).
    let attempt_owner: StoredValue<Option<Owner>, LocalStorage> = StoredValue::new_local(None);
    // One attempt at loading the chunk (at first, and on "Réessayer").
    let load = move || {
        state.set(Load::Loading);
        let page = page.clone();
        // What the page builds belongs to this attempt, under the LazyPage.
        let attempt = owner.child();
        attempt_owner.try_set_value(Some(attempt.clone()));
        leptos::task::spawn_local(async move {
            // The pages' messages before the page: its code may read them as it builds.
            let lang = ui_lang.get_untracked();
            let messages = if i18n::has_table(lang, Part::Pages) {
                Ok(())
            } else {
                load_messages(lang, Part::Pages)
                    .await
                    .map_err(|e| e.to_string())
            };
            let loaded = match messages {
                Ok(()) => with_owner(attempt, page.load())
                    .await
                    .map_err(|e| format!("{e:?}")),
                Err(e) => Err(e),
            };
            match loaded {
                Ok(view) => {
                    if built.try_set_value(Some(view)).is_none() {
                        state.try_set(Load::Ready);
                    }
                    // The loading heading had the focus (the page was opened from a link):
                    // give it to the page's own heading.
                    request_animation_frame(|| {
                        if browser::focus_is_lost() {
                            browser::focus_main_heading();
                        }
                    });
                }
                Err(e) => {
                    leptos::logging::warn!("page chunk: {e}");
                    state.try_set(Load::Failed);
                }
            }
        });
    };
    load();
    move || match state.get() {
        Load::Loading => view! {
            <div class="page-loading" aria-busy="true" data-testid="page-loading">
                <h1 tabindex="-1">{t(Msg::PageLoading)}</h1>
            </div>
        }
        .into_any(),
        Load::Ready => built
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Load::Failed => {
            let load = load.clone();
            view! {
                <div data-testid="page-failed">
                    <h1 tabindex="-1">{t(Msg::PageUnavailable)}</h1>
                    <p role="alert">{t(Msg::PageUnreachable)}</p>
                    <p>
                        <button type="button" class="button" on:click=move |_| load()>
                            {t(Msg::DataRetry)}
                        </button>
                    </p>
                </div>
            }
            .into_any()
        }
    }
}

/// `fut`, each of its steps run with `owner` as the reactive owner (so that what it builds
/// finds the context and is disposed with it).
async fn with_owner<F: std::future::Future>(owner: Owner, fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    std::future::poll_fn(move |cx| owner.with(|| fut.as_mut().poll(cx))).await
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
