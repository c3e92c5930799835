//! What every component may ask for: the read-only environment (`Env`: catalogue, today), the
//! UI language (`UiLang`, and the download of its messages: `load_messages`, `switch_lang`), the
//! current route (`CurrentRoute`), and their accessors. `App` provides them; components import
//! this module, never the app root.

use leptos::prelude::*;

use super::browser;
use super::notice::{notices, NoticeKind};
use crate::core::catalogue::Catalogue;
use crate::core::date::Date;
use crate::core::route::Route;
use crate::i18n::{self, Lang, Msg, Part};

/// Read-only facts shared by every component.
#[derive(Clone, Copy)]
pub struct Env {
    /// The catalogue's cards: every fiche without its blocs and long texts (`core::dataset`);
    /// the search file comes with the search (`ui::work::prepare_search`), whole fiches from
    /// `ui::fiches` (the selected ones as one catalogue: `ui::selected`).
    pub catalogue: &'static Catalogue,
    pub today: Date,
    /// Total size of all fiche files and of the search file, shown before "make all available
    /// offline".
    pub fiche_bytes: u64,
    pub search_bytes: u64,
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

pub fn current_route() -> RwSignal<Route> {
    expect_context::<CurrentRoute>().0
}

/// A reactive translated string, for view children and attributes.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let l = lang();
    move || msg.text(l.get())
}

/// Switches the interface to `to`, once its messages are there: at once when they are (the
/// language of the start, or one switched to before), else after downloading them (the parts
/// the current language has: see `i18n::Part`; the service worker keeps every file for offline
/// use). If they cannot be downloaded, the interface stays as it is and a notice says why.
pub fn switch_lang(to: Lang) {
    let lang = lang();
    let from = lang.get_untracked();
    let missing: Vec<Part> = Part::ALL
        .into_iter()
        .filter(|p| i18n::has_table(from, *p) && !i18n::has_table(to, *p))
        .collect();
    if missing.is_empty() {
        lang.set(to);
        return;
    }
    let notices = notices();
    leptos::task::spawn_local(async move {
        for part in missing {
            if let Err(MessagesError::Unreachable(e) | MessagesError::Broken(e)) =
                load_messages(to, part).await
            {
                leptos::logging::warn!("messages in {}: {e}", to.as_str());
                notices.push(NoticeKind::Error, Msg::LanguageUnavailable, vec![]);
                return;
            }
        }
        lang.set(to);
    });
}

/// Why the UI's messages in a language could not be installed.
#[derive(Debug, Clone)]
pub enum MessagesError {
    /// Not downloaded: offline before the file was ever kept, or the server is down.
    Unreachable(String),
    /// Downloaded but unreadable: a broken deployment.
    Broken(String),
}

/// For the console (the `Debug` of its strings would bring `str`'s escaping into the first load).
impl std::fmt::Display for MessagesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MessagesError::Unreachable(e) => write!(f, "unreachable: {e}"),
            MessagesError::Broken(e) => write!(f, "broken: {e}"),
        }
    }
}

/// Downloads one part of the UI's messages in `lang` (`i18n::table_path`), reads and installs
/// it.
pub async fn load_messages(lang: Lang, part: Part) -> Result<(), MessagesError> {
    let path = i18n::table_path(lang, part);
    let text = browser::fetch_text(&path)
        .await
        .map_err(MessagesError::Unreachable)?;
    let texts = i18n::read_table(lang, part, &text)
        .map_err(|e| MessagesError::Broken(format!("{path}: {e}")))?;
    i18n::install(lang, part, texts);
    Ok(())
}

/// Provides the route signal and remembers it for [`navigate`]. Call once, in `App`.
pub fn provide_route(route: RwSignal<Route>) {
    provide_context(CurrentRoute(route));
    ROUTE.with(|r| r.set(Some(route)));
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
