//! Browser tests of the thin layer that touches browser APIs (`ui::browser`) and of a component
//! rendering the core's highlight ranges. Runs in headless Chromium: `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use repere::core::codec::{decode_saved, encode_saved};
use repere::core::route::Route;
use repere::ui::browser::{self, StorageKey};
use repere::ui::highlight::Highlighted;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn local_storage_round_trips_saved_work() {
    let mut work = repere::core::assessment::Assessment::default();
    work.select("RNCP37722").expect("a valid code");
    let text = encode_saved(&work);
    browser::save(StorageKey::Work, &text).expect("storage works in Chromium");
    let back = browser::load(StorageKey::Work).expect("stored");
    assert_eq!(decode_saved(&back).expect("decodes"), work);
    browser::remove(StorageKey::Work).expect("removable");
    assert_eq!(browser::load(StorageKey::Work), None);
}

#[wasm_bindgen_test]
fn the_url_fragment_carries_the_route() {
    let route = Route::Fiche("RNCP41674".into());
    browser::set_hash(&route.to_hash(), false);
    assert_eq!(Route::parse(&browser::hash()), route);
    browser::set_hash("#/?q=m%C3%A9diation", true);
    match Route::parse(&browser::hash()) {
        Route::Catalogue(q) => assert_eq!(q.text, "médiation"),
        other => panic!("{other:?}"),
    }
    assert!(browser::base_url().starts_with("http"));
    assert!(!browser::base_url().contains('#'));
}

#[wasm_bindgen_test]
fn today_is_a_real_date() {
    let d = browser::today();
    assert!(
        d.year >= 2024 && (1..=12).contains(&d.month) && (1..=31).contains(&d.day),
        "{d:?}"
    );
}

#[wasm_bindgen_test]
async fn highlighted_text_marks_the_ranges() {
    let document = document();
    let root: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("append");
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        view! { <Highlighted text="Apaiser les conflits à l’école".to_owned() ranges=vec![0..7, 21..34] /> }
    });
    leptos::task::tick().await;
    let marks = root.query_selector_all("mark").expect("query");
    assert_eq!(marks.length(), 2);
    assert_eq!(
        root.text_content().as_deref(),
        Some("Apaiser les conflits à l’école")
    );
    let second = marks.get(1).and_then(|m| m.text_content());
    assert_eq!(second.as_deref(), Some("à l’école"));
}

/// A refused edit (a note over the core's limit) notifies no one: no view re-runs, the autosave
/// does not restart. The old pattern, `work.update` around the refused call, did notify.
#[wasm_bindgen_test]
async fn a_refused_edit_changes_nothing_and_notifies_no_one() {
    use repere::core::assessment::{Assessment, MAX_NOTE_CHARS};
    use repere::i18n::Lang;
    use repere::ui::notice::Notices;
    use repere::ui::work::{edit, edit_if};
    use std::cell::Cell;
    use std::rc::Rc;

    // Mounting anything starts Leptos' executor, which runs effects.
    let root: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    let _mounted = leptos::mount::mount_to(root, || view! { <p></p> });
    let owner = Owner::new();
    owner.set();
    let id = "RNCP37722BC01-C01";
    let work = RwSignal::new(Assessment::default());
    let notices = Notices::new(RwSignal::new(Lang::Fr));
    let runs = Rc::new(Cell::new(0u32));
    let counter = Rc::clone(&runs);
    Effect::new(move |_| {
        work.track();
        counter.set(counter.get() + 1);
    });
    leptos::task::tick().await;
    let settled = runs.get();

    let too_long = "x".repeat(MAX_NOTE_CHARS + 1);
    assert_eq!(edit(work, notices, |a| a.set_note(id, &too_long)), None);
    assert!(
        !edit_if(work, |a| a.deselect("RNCP37722")),
        "nothing to deselect"
    );
    leptos::task::tick().await;
    assert_eq!(runs.get(), settled, "refused or empty edits notify no one");
    assert_eq!(
        notices.0.get_untracked().len(),
        1,
        "the refusal is explained"
    );
    assert!(work.with_untracked(|a| a.note(id).is_none()));

    // The old pattern notified every subscriber for the same refused edit.
    work.update(|a| {
        let _ = a.set_note(id, &too_long);
    });
    leptos::task::tick().await;
    assert_eq!(runs.get(), settled + 1, "work.update always notifies");

    assert_eq!(edit(work, notices, |a| a.set_note(id, "Accueil")), Some(()));
    leptos::task::tick().await;
    assert_eq!(runs.get(), settled + 2, "an accepted edit notifies");
}
