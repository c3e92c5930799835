//! The few browser services the UI needs (today's date, the URL fragment, local storage),
//! wrapped so that a failing browser API is reported, never unwrapped.

use leptos::prelude::window;

use crate::core::date::Date;

/// Keys under which Repère stores things on the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageKey {
    /// The chosen UI language (`fr` / `en`).
    Lang,
}

impl StorageKey {
    pub fn as_str(self) -> &'static str {
        match self {
            StorageKey::Lang => "repere.lang",
        }
    }
}

/// Today in the browser's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    Date::new(year, month, day).unwrap_or(Date { year, month: 1, day: 1 })
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

/// Reads a stored value; `None` when absent or when storage is unavailable.
pub fn load(key: StorageKey) -> Option<String> {
    storage().and_then(|s| s.get_item(key.as_str()).ok().flatten())
}

/// Stores a value. Returns a description of the failure (storage full, disabled…).
pub fn save(key: StorageKey, value: &str) -> Result<(), String> {
    let s = storage().ok_or_else(|| "local storage is unavailable".to_owned())?;
    s.set_item(key.as_str(), value).map_err(|e| format!("{e:?}"))
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
    let doc = leptos::prelude::document();
    if let Ok(Some(h1)) = doc.query_selector("main h1") {
        use wasm_bindgen::JsCast;
        if let Ok(h1) = h1.dyn_into::<web_sys::HtmlElement>() {
            let _ = h1.focus();
        }
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
}
