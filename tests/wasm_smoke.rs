//! Smoke test of the wasm-bindgen-test set-up, and the pattern for browser tests of components:
//! mount into a fresh element, act, `tick().await` (Leptos updates the DOM asynchronously), check.
//! Runs in headless Chromium: `make test-wasm`, or
//! `cargo test --target wasm32-unknown-unknown --test wasm_smoke`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <button data-testid="more" on:click=move |_| count.update(|n| *n += 1)>"+1"</button>
        <output data-testid="count">{move || count.get()}</output>
    }
}

fn by_test_id(root: &web_sys::Element, id: &str) -> web_sys::HtmlElement {
    root.query_selector(&format!("[data-testid={id}]"))
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_component_mounts_and_reacts_to_a_click() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let root: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("append the test root");

    let _mounted = leptos::mount::mount_to(root.clone(), Counter);
    assert_eq!(
        by_test_id(&root, "count").text_content().as_deref(),
        Some("0")
    );

    by_test_id(&root, "more").click();
    leptos::task::tick().await;
    assert_eq!(
        by_test_id(&root, "count").text_content().as_deref(),
        Some("1")
    );
}
