//! The browser services the UI needs (today's date, the URL fragment, local storage, the
//! document's title and language, focus, printing, downloads, the clipboard), wrapped so that a
//! failing browser API is reported, never unwrapped. The only module of the UI that calls the
//! DOM directly; components go through it.

use leptos::prelude::window;

use crate::core::date::Date;

/// Keys under which Repère stores things on the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageKey {
    /// The chosen UI language (`fr` / `en`).
    Lang,
    /// The user's work (`codec::encode_saved`).
    Work,
    /// A copy of saved work that could not be read, kept for the user to download.
    WorkBackup,
}

impl StorageKey {
    pub fn as_str(self) -> &'static str {
        match self {
            StorageKey::Lang => "repere.lang",
            StorageKey::Work => "repere.work",
            StorageKey::WorkBackup => "repere.work.unreadable",
        }
    }
}

/// Milliseconds on the page's monotonic clock (`performance.now()`), for slicing work.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Today in the browser's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    Date::new(year, month, day).unwrap_or(Date {
        year,
        month: 1,
        day: 1,
    })
}

fn storage() -> Option<web_sys::Storage> {
    match window().local_storage() {
        Ok(Some(s)) => Some(s),
        Ok(None) => None,
        Err(e) => {
            leptos::logging::warn!("local storage unavailable: {e:?}");
            None
        }
    }
}

thread_local! {
    /// Set in embedded mode (`set_storage_scope`): every key gets this suffix.
    static STORAGE_SCOPE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Puts every stored key under `scope` (`repere.work@embed:RNCP…`): two embeds of other
/// certifications on one site keep separate work. Call before anything is read.
pub fn set_storage_scope(scope: &str) {
    STORAGE_SCOPE.with(|s| *s.borrow_mut() = Some(scope.to_owned()));
}

/// The name under which `key` is stored (its scope included).
pub fn key_name(key: StorageKey) -> String {
    STORAGE_SCOPE.with(|s| match s.borrow().as_deref() {
        Some(scope) => format!("{}@{scope}", key.as_str()),
        None => key.as_str().to_owned(),
    })
}

/// Reads a stored value; `None` when absent or when storage is unavailable.
pub fn load(key: StorageKey) -> Option<String> {
    storage().and_then(|s| s.get_item(&key_name(key)).ok().flatten())
}

/// Stores a value. Returns a description of the failure (storage full, disabled…).
pub fn save(key: StorageKey, value: &str) -> Result<(), String> {
    let s = storage().ok_or_else(|| "local storage is unavailable".to_owned())?;
    s.set_item(&key_name(key), value)
        .map_err(|e| format!("{e:?}"))
}

/// The current URL fragment, `#` included (empty when none).
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Puts `hash` in the address bar, as a new history entry or replacing the current one.
/// Does not fire `hashchange`: the caller updates the route itself.
pub fn set_hash(hash: &str, replace: bool) {
    let Ok(history) = window().history() else {
        let _ = window().location().set_hash(hash);
        return;
    };
    let result = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
    };
    if let Err(e) = result {
        leptos::logging::warn!("history update failed: {e:?}");
        let _ = window().location().set_hash(hash);
    }
}

/// Moves keyboard focus to the page's main heading (after a page change), for screen readers
/// and keyboard users, and scrolls to the top.
pub fn focus_main_heading() {
    focus("main h1");
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Sets `document.title`.
pub fn set_title(title: &str) {
    leptos::prelude::document().set_title(title);
}

/// Sets `<html lang>`, so that screen readers pronounce the interface in its language.
pub fn set_document_lang(lang: &str) {
    if let Some(html) = leptos::prelude::document().document_element() {
        if let Err(e) = html.set_attribute("lang", lang) {
            leptos::logging::warn!("could not set <html lang>: {e:?}");
        }
    }
}

/// Sets (or, with `None`, removes) an attribute of `<body>`: markers such as
/// `data-app-ready` that tests and styles can rely on.
pub fn set_body_marker(name: &str, value: Option<&str>) {
    let Some(body) = leptos::prelude::document().body() else {
        return;
    };
    let result = match value {
        Some(v) => body.set_attribute(name, v),
        None => body.remove_attribute(name),
    };
    if let Err(e) = result {
        leptos::logging::warn!("could not set body[{name}]: {e:?}");
    }
}

/// Whether the keyboard focus is nowhere (on `<body>`): the focused element was removed.
pub fn focus_is_lost() -> bool {
    let doc = leptos::prelude::document();
    match (doc.active_element(), doc.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        (Some(_), None) => false,
    }
}

/// Moves keyboard focus to the first element matching `selector` (if any).
pub fn focus(selector: &str) {
    use wasm_bindgen::JsCast;
    if let Ok(Some(el)) = leptos::prelude::document().query_selector(selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Marks the app as starting (`data-starting` on `<html>`): until it is cleared, the style
/// sheet hides the app's nodes and the prerendered first screen stays on screen.
pub fn set_starting(on: bool) {
    let Some(root) = leptos::prelude::document().document_element() else {
        return;
    };
    let result = if on {
        root.set_attribute("data-starting", "")
    } else {
        root.remove_attribute("data-starting")
    };
    if let Err(e) = result {
        leptos::logging::warn!("could not set <html data-starting>: {e:?}");
    }
}

/// Whether the keyboard focus is in the prerendered first screen's search box.
pub fn prerendered_search_focused() -> bool {
    leptos::prelude::document()
        .active_element()
        .is_some_and(|el| {
            el.id() == "search-input" && el.closest("#prerender").ok().flatten().is_some()
        })
}

/// Removes the catalogue's prerendered first screen (`<div id="prerender">`, written by the
/// build), keeping what the user may have typed in its search box: returns that text. Called by
/// `App` before its first render, in the same task, so the swap never shows.
pub fn take_prerendered() -> Option<String> {
    let doc = leptos::prelude::document();
    let prerendered = doc.get_element_by_id("prerender")?;
    let typed = prerendered
        .query_selector("input[type=search]")
        .ok()
        .flatten()
        .and_then(|el| {
            use wasm_bindgen::JsCast;
            el.dyn_into::<web_sys::HtmlInputElement>().ok()
        })
        .map(|input| input.value())
        .filter(|text| !text.trim().is_empty());
    prerendered.remove();
    typed
}

/// Opens the browser's print dialog.
pub fn print() -> Result<(), String> {
    window().print().map_err(|e| format!("{e:?}"))
}

/// Removes a stored value.
pub fn remove(key: StorageKey) -> Result<(), String> {
    let s = storage().ok_or_else(|| "local storage is unavailable".to_owned())?;
    s.remove_item(&key_name(key)).map_err(|e| format!("{e:?}"))
}

/// Offers `text` as a file download named `filename` (nothing leaves the device).
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let doc = leptos::prelude::document();
    let a = doc
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "not an anchor".to_owned())?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads the text of the first file chosen in an `<input type="file">`.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<Option<String>, String> {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return Ok(None);
    };
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(text.as_string())
}

/// The size in bytes of the first file chosen in an `<input type="file">`.
pub fn chosen_file_size(input: &web_sys::HtmlInputElement) -> Option<f64> {
    input.files().and_then(|f| f.get(0)).map(|f| f.size())
}

/// The app's address without the query and the fragment (to build share links: never the
/// embedded mode's parameters).
pub fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    page.split('?').next().unwrap_or_default().to_owned()
}

/// The page's origin (`https://host[:port]`).
pub fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// The page's query string (`location.search`, `?` included; empty when none).
pub fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// Sets a CSS custom property on `<html>` through the CSSOM (`style.setProperty`): no CSS
/// text is ever built, and the page's `style-src 'self'` allows it.
pub fn set_root_property(name: &str, value: &str) {
    use wasm_bindgen::JsCast;
    let Some(root) = leptos::prelude::document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if let Err(e) = root.style().set_property(name, value) {
        leptos::logging::warn!("could not set {name}: {e:?}");
    }
}

/// Whether the page runs inside a frame.
pub fn is_framed() -> bool {
    window()
        .parent()
        .ok()
        .flatten()
        .is_some_and(|p| p != window())
}

/// Sends `json` (an object's JSON text) to the embedding page, delivered only if that page's
/// origin is `origin`. Returns `false` when there is no parent or the message cannot be sent.
pub fn post_to_host(origin: &str, json: &str) -> bool {
    let Ok(Some(parent)) = window().parent() else {
        return false;
    };
    if parent == window() {
        return false;
    }
    let Ok(value) = js_sys::JSON::parse(json) else {
        leptos::logging::warn!("not JSON: {json}");
        return false;
    };
    match parent.post_message(&value, origin) {
        Ok(()) => true,
        Err(e) => {
            leptos::logging::warn!("postMessage failed: {e:?}");
            false
        }
    }
}

/// Calls `on_height` with the height of `<body>`'s content, in CSS pixels, now and whenever it
/// changes (a `ResizeObserver`, kept for the page's life).
pub fn observe_body_height(on_height: impl Fn(f64) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(body) = leptos::prelude::document().body() else {
        return;
    };
    let measure = {
        let body = body.clone();
        move || body.get_bounding_client_rect().height()
    };
    on_height(measure());
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        on_height(measure());
    });
    match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        Ok(observer) => {
            observer.observe(&body);
            callback.forget();
            std::mem::forget(observer);
        }
        Err(e) => leptos::logging::warn!("ResizeObserver unavailable: {e:?}"),
    }
}

/// Copies text to the clipboard; `false` when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// Downloads a file of the app's own origin (`path` relative to the app's address) as text.
/// The error says why in plain words for the log (HTTP status, offline…).
pub async fn fetch_text(path: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let describe = |e: wasm_bindgen::JsValue| {
        e.as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| format!("{e:?}"))
    };
    let response = JsFuture::from(window().fetch_with_str(path))
        .await
        .map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    text.as_string()
        .ok_or_else(|| format!("{path}: the answer is not text"))
}

/// Whether this browser can keep the app for offline use (a service worker is allowed here).
pub fn offline_supported() -> bool {
    js_sys::Reflect::has(&window().navigator(), &"serviceWorker".into()).unwrap_or(false)
}
