//! The root component: loads the catalogue, provides the shared context (`ui::context`),
//! follows the URL fragment and composes the shell around the current page. No other UI
//! module imports this one.

use leptos::ev;
use leptos::prelude::*;

use super::browser::{self, StorageKey};
use super::catalogue::page::CataloguePage;
use super::context::{provide_route, t, Env, MessagesError, UiLang};
use super::fiches::provide_fiches;
use super::lazy::{both, Chunked, LazyPage};
use super::notice::{NoticeArea, Notices};
use super::selection::SelectionBar;
use super::shell::{Footer, Header};
use super::work::{provide_work, read_saved_at_start};
use crate::core::catalogue::Catalogue;
use crate::core::dataset::{read_index, INDEX_PATH};
use crate::core::route::Route;
use crate::core::search::Query;
use crate::i18n::{self, Lang, Msg, Part};

/// Starts the app in short tasks, so that the page answers input between them (and no
/// start-up task is long): download the catalogue's index (`data/index.json`, see
/// `core::dataset`) and the first screen's messages in the interface language
/// (`i18n::Part::Start`) side by side, read them when they arrive, then mount `App` in the next task. The prerendered first
/// screen stays on screen until `App` replaces it.
pub fn start() {
    // (Leptos's executor is only set up by `mount_to_body`: spawn with wasm-bindgen's.)
    wasm_bindgen_futures::spawn_local(async {
        let (index, messages) = both(
            browser::fetch_text(INDEX_PATH),
            load_messages(initial_lang()),
        )
        .await;
        let mut loaded = match index {
            Ok(json) => read_index(&json)
                .map(|cards| Loaded {
                    catalogue: Box::leak(Box::new(cards.catalogue)),
                    fiche_bytes: cards.fiche_bytes,
                    search_bytes: cards.search_bytes,
                })
                .map_err(|e| LoadError::Broken(e.to_string())),
            Err(e) => Err(LoadError::Unreachable(e)),
        };
        if let Ok(l) = &loaded {
            // The embedded mode's storage scope first (it names the key the work is kept
            // under), then the saved work, whose reader is a chunk of its own.
            let catalogue = l.catalogue;
            super::embed::load(catalogue).await;
            read_saved_at_start(catalogue).await;
            // The embedded mode may ask for the other language than the one remembered.
            let messages = match messages {
                Ok(()) if !i18n::has_table(initial_lang(), Part::Start) => {
                    load_messages(initial_lang()).await
                }
                other => other,
            };
            if let Err(e) = messages {
                loaded = Err(e);
            }
        }
        LOADED.with(|cell| {
            let _ = cell.set(loaded);
        });
        set_timeout(
            || {
                browser::set_starting(true);
                leptos::mount::mount_to_body(App)
            },
            std::time::Duration::from_millis(0),
        );
    });
}

/// The interface language at start: the embedded frame's if the provider set one, else the
/// one the user chose last time, else French.
fn initial_lang() -> Lang {
    super::embed::embedded()
        .and_then(|e| e.lang)
        .or(browser::load(StorageKey::Lang).as_deref())
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// The first screen's messages in `lang`, downloaded and installed (see
/// `context::load_messages`), with the pages' messages beside them when the address is not the
/// catalogue's (a deep link: its page would ask for them next).
async fn load_messages(lang: Lang) -> Result<(), LoadError> {
    let error = |e| match e {
        MessagesError::Unreachable(e) => LoadError::Unreachable(e),
        MessagesError::Broken(e) => LoadError::Broken(e),
    };
    let deep = !matches!(Route::parse(&browser::hash()).page(), Route::Catalogue(_));
    if !deep {
        return super::context::load_messages(lang, Part::Start)
            .await
            .map_err(error);
    }
    let (start, pages) = both(
        super::context::load_messages(lang, Part::Start),
        super::context::load_messages(lang, Part::Pages),
    )
    .await;
    if let Err(e) = pages {
        // The page will ask again (and say so if it still cannot).
        leptos::logging::warn!("pages' messages: {e}");
    }
    start.map_err(error)
}

/// The catalogue's index, as downloaded.
#[derive(Clone, Copy)]
struct Loaded {
    catalogue: &'static Catalogue,
    fiche_bytes: u64,
    search_bytes: u64,
}

/// Why the catalogue could not be loaded (the detail goes to the log and the message).
#[derive(Clone)]
enum LoadError {
    /// Not reachable: offline on a first visit, or the server is down.
    Unreachable(String),
    /// Reached but unreadable: a broken deployment.
    Broken(String),
}

thread_local! {
    static LOADED: std::cell::OnceCell<Result<Loaded, LoadError>> =
        const { std::cell::OnceCell::new() };
}

#[component]
pub fn App() -> impl IntoView {
    // Embedded on a provider's page: its parameters, validated (before storage is read).
    let embedded = super::embed::embedded();
    let initial_lang = initial_lang();
    let lang = RwSignal::new(initial_lang);
    provide_context(UiLang(lang));

    let loaded = LOADED.with(|cell| cell.get().cloned());
    let Some(Ok(Loaded {
        catalogue,
        fiche_bytes,
        search_bytes,
    })) = loaded
    else {
        let message = match loaded {
            Some(Err(LoadError::Broken(detail))) => {
                Msg::DataBroken.fill(initial_lang, &[("detail", &detail)])
            }
            Some(Err(LoadError::Unreachable(detail))) => {
                leptos::logging::warn!("catalogue index: {detail}");
                Msg::DataUnreachable.text(initial_lang).to_owned()
            }
            _ => Msg::DataUnreachable.text(initial_lang).to_owned(),
        };
        browser::take_prerendered();
        browser::set_starting(false);
        return view! {
            <main id="contenu">
                <h1>{Msg::AppName.text(initial_lang)}</h1>
                <p role="alert">{message}</p>
                <p><a class="button" href="./">{Msg::DataRetry.text(initial_lang)}</a></p>
            </main>
        }
        .into_any();
    };
    provide_context(Env {
        catalogue,
        today: browser::today(),
        fiche_bytes,
        search_bytes,
    });
    let fiches = provide_fiches();
    let notices = Notices::new(lang);
    provide_context(notices);
    let work = provide_work(catalogue, notices);
    // The selected certifications' whole fiches: the results page shows their evaluation
    // modalities, and they open offline later (the service worker keeps what was fetched).
    Effect::new(move |_| {
        for code in work.with(|a| a.selection.clone()) {
            fiches.request(&code);
        }
    });
    if let Some(config) = embedded {
        super::embed::wire(config);
    }

    let route = RwSignal::new(Route::parse(&browser::hash()));
    provide_route(route);
    let _ = window_event_listener(ev::hashchange, move |_| {
        route.set(Route::parse(&browser::hash()))
    });
    let _ = window_event_listener(ev::popstate, move |_| {
        route.set(Route::parse(&browser::hash()))
    });

    // Which page is shown: the route without the catalogue query, so typing in the search box
    // updates the results without rebuilding the page (and keeps the focus in the box).
    let page = Memo::new(move |_| route.with(Route::page));
    let query = Memo::new(move |_| match route.get() {
        Route::Catalogue(q) => q,
        _ => Query::default(),
    });

    // The outside world: <html lang>, the remembered language, the "app ready" marker.
    Effect::new(move |_| {
        let l = lang.get();
        browser::set_document_lang(l.as_str());
        if let Err(e) = browser::save(StorageKey::Lang, l.as_str()) {
            leptos::logging::warn!("could not remember the language: {e}");
        }
    });
    Effect::new(move |previous: Option<Route>| {
        let current = page.get();
        if previous.is_some_and(|p| p != current) {
            notices.page_changed();
            request_animation_frame(browser::focus_main_heading);
        }
        current
    });

    // Built in stages, one task each (see [`Stage`]): the shell now, the page next, the
    // selection bar and the footer after, then the switch from the static first screen.
    let stage = RwSignal::new(Stage::Shell);
    let shown_page = Memo::new(move |_| (stage.get() >= Stage::Page).then(|| page.get()));
    let rest = Memo::new(move |_| stage.get() >= Stage::Rest);
    let next = |stage: RwSignal<Stage>, to: Stage| {
        set_timeout(move || stage.set(to), std::time::Duration::ZERO)
    };
    next(stage, Stage::Page);
    Effect::new(move |_| match stage.get() {
        Stage::Shell => {}
        Stage::Page => next(stage, Stage::Rest),
        Stage::Rest => next(stage, Stage::Shown),
        Stage::Shown => {
            take_over(route);
            browser::set_body_marker("data-app-ready", Some("true"));
        }
    });

    view! {
        <a class="skip-link" href="#contenu" on:click=move |ev| {
            ev.prevent_default();
            browser::focus_main_heading();
        }>{t(Msg::SkipToContent)}</a>
        {if embedded.is_some() { super::embed::header() } else { view! { <Header /> }.into_any() }}
        {move || rest.get().then(|| view! { <SelectionBar /> })}
        <main id="contenu" tabindex="-1">
            <NoticeArea />
            {move || match shown_page.get() {
                None => ().into_any(),
                Some(route) => match Chunked::of(route) {
                    Some(page) => view! { <LazyPage page /> }.into_any(),
                    None => view! { <CataloguePage query /> }.into_any(),
                },
            }}
        </main>
        {move || rest.get().then(|| if embedded.is_some() { super::embed::footer() } else { view! { <Footer /> }.into_any() })}
    }
    .into_any()
}

/// The stages of the first render, each in a task of its own: V8 compiles each wasm function
/// on its first call, on the main thread, so a whole first render in one task is a long task
/// on a phone. Until [`Stage::Shown`] the app's nodes are hidden (the `app-starting` class on
/// `<html>`, set by `start`) and the prerendered first screen stays on screen.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Stage {
    /// Contexts, route, header.
    Shell,
    /// The current page.
    Page,
    /// The selection bar and the footer.
    Rest,
    /// The app replaces the prerendered screen.
    Shown,
}

/// The app replaces the build's static first screen, in one task (no frame shows neither): a
/// search typed into the static box before the wasm arrived is kept (on the catalogue only),
/// and the focus, if it was in that box, goes on in the app's.
fn take_over(route: RwSignal<Route>) {
    let typing = browser::prerendered_search_focused();
    if let Some(text) = browser::take_prerendered() {
        if matches!(route.get_untracked(), Route::Catalogue(_)) {
            let query = Query {
                text,
                ..Query::default()
            };
            browser::set_hash(&Route::Catalogue(query.clone()).to_hash(), true);
            route.set(Route::Catalogue(query));
        }
    }
    browser::set_starting(false);
    if typing {
        browser::focus("#search-input");
    }
}
