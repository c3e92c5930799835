//! The root component: loads the catalogue, provides the shared context (catalogue, today,
//! language, route), follows the URL fragment and renders the shell around the current page.

use leptos::ev;
use leptos::prelude::*;

use super::assess::page::AssessPage;
use super::browser::{self, StorageKey};
use super::catalogue::page::CataloguePage;
use super::data::page::DataPage;
use super::data::share::SharePage;
use super::experiences::page::ExperiencesPage;
use super::fiche::page::FichePage;
use super::not_found::NotFound;
use super::notice::{NoticeArea, Notices};
use super::results::compare::ComparePage;
use super::results::page::ResultsPage;
use super::results::report::ReportPage;
use super::selection::SelectionBar;
use super::shell::{Footer, Header};
use super::work::provide_work;
use crate::core::catalogue::Catalogue;
use crate::core::date::Date;
use crate::core::route::Route;
use crate::core::search::Query;
use crate::i18n::{Lang, Msg};

/// Read-only facts shared by every component.
#[derive(Clone, Copy)]
pub struct Env {
    pub catalogue: &'static Catalogue,
    pub today: Date,
}

/// The UI language, chosen by the user and remembered on the device.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The current route, mirrored from the URL fragment.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>);

pub fn env() -> Env {
    expect_context::<Env>()
}

pub fn lang() -> RwSignal<Lang> {
    expect_context::<UiLang>().0
}

/// A reactive translated string, for view children and attributes.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let l = lang();
    move || msg.text(l.get())
}

/// Goes to `route`, as a new history entry or replacing the current one.
/// Works from anywhere, including callbacks that run outside the component tree
/// (`request_animation_frame`, timers).
pub fn navigate(route: Route, replace: bool) {
    browser::set_hash(&route.to_hash(), replace);
    if let Some(signal) = ROUTE.with(std::cell::Cell::get) {
        signal.set(route);
    }
}

thread_local! {
    /// The route signal, for `navigate`.
    static ROUTE: std::cell::Cell<Option<RwSignal<Route>>> = const { std::cell::Cell::new(None) };
}

#[component]
pub fn App() -> impl IntoView {
    let initial_lang = browser::load(StorageKey::Lang)
        .and_then(|s| Lang::parse(&s))
        .unwrap_or_default();
    let lang = RwSignal::new(initial_lang);
    provide_context(UiLang(lang));

    let catalogue = match Catalogue::bundled() {
        Ok(c) => &*Box::leak(Box::new(c)),
        Err(e) => {
            let detail = e.to_string();
            return view! {
                <main id="contenu">
                    <h1>{Msg::AppName.text(initial_lang)}</h1>
                    <p role="alert">{Msg::DataBroken.fill(initial_lang, &[("detail", &detail)])}</p>
                </main>
            }
            .into_any();
        }
    };
    provide_context(Env {
        catalogue,
        today: browser::today(),
    });
    let notices = Notices::new();
    provide_context(notices);
    provide_work(catalogue, notices);

    let route = RwSignal::new(Route::parse(&browser::hash()));
    provide_context(CurrentRoute(route));
    ROUTE.with(|r| r.set(Some(route)));
    let _ = window_event_listener(ev::hashchange, move |_| {
        route.set(Route::parse(&browser::hash()))
    });
    let _ = window_event_listener(ev::popstate, move |_| {
        route.set(Route::parse(&browser::hash()))
    });

    // Which page is shown: the route without the catalogue query, so typing in the search box
    // updates the results without rebuilding the page (and keeps the focus in the box).
    let page = Memo::new(move |_| match route.get() {
        Route::Catalogue(_) => Route::Catalogue(Query::default()),
        other => other,
    });
    let query = Memo::new(move |_| match route.get() {
        Route::Catalogue(q) => q,
        _ => Query::default(),
    });

    // The outside world: <html lang>, the remembered language, the "app ready" marker.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.as_str());
        }
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
    Effect::new(move |_| {
        let _ = document()
            .body()
            .map(|b| b.set_attribute("data-app-ready", "true"));
    });

    view! {
        <a class="skip-link" href="#contenu" on:click=move |ev| {
            ev.prevent_default();
            browser::focus_main_heading();
        }>{t(Msg::SkipToContent)}</a>
        <Header />
        <SelectionBar />
        <main id="contenu" tabindex="-1">
            <NoticeArea />
            {move || match page.get() {
                Route::Catalogue(_) => view! { <CataloguePage query /> }.into_any(),
                Route::Fiche(code) => view! { <FichePage code /> }.into_any(),
                Route::Assess(code) => view! { <AssessPage code /> }.into_any(),
                Route::Experiences => view! { <ExperiencesPage /> }.into_any(),
                Route::Results => view! { <ResultsPage /> }.into_any(),
                Route::Compare => view! { <ComparePage /> }.into_any(),
                Route::Report => view! { <ReportPage /> }.into_any(),
                Route::MyData => view! { <DataPage /> }.into_any(),
                Route::Share(payload) => view! { <SharePage payload /> }.into_any(),
                Route::NotFound(_) => view! { <NotFound /> }.into_any(),
            }}
        </main>
        <Footer />
    }
    .into_any()
}
