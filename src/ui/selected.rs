//! The selected certifications, whole: what the pages about the selection (self-assessment,
//! experiences, results, comparison, report, sending the results) work on. Their fiches come
//! from `ui::fiches` (asked for as soon as they are selected, kept offline by the service
//! worker); the catalogue's index has no blocs. While one is on its way the page says so
//! ([`SelectionStatus`], `aria-busy`) and shows nothing half-computed; a fiche that failed is
//! named, with a way to try again, and the page works on the others.

use leptos::prelude::*;

use super::context::{lang, t};
use super::fiches::fiches;
use super::work::my_work;
use crate::core::catalogue::Catalogue;
use crate::i18n::Msg;

/// The selected certifications' fiches that are there, as one catalogue (reactive).
pub fn selected_catalogue() -> impl Fn() -> &'static Catalogue + Copy + Send + Sync + 'static {
    let work = my_work();
    let fiches = fiches();
    move || work.with(|a| fiches.selection(&a.selection))
}

/// Whether a selected fiche is still on its way (reactive): the page waits.
pub fn selection_pending() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let work = my_work();
    let fiches = fiches();
    move || work.with(|a| !fiches.state_of(&a.selection).loading.is_empty())
}

/// "Chargement des certifications choisies…" while a selected fiche is on its way; the fiches
/// that could not be loaded, with "Réessayer".
#[component]
pub fn SelectionStatus() -> impl IntoView {
    let work = my_work();
    let fiches = fiches();
    let lang = lang();
    let state = Memo::new(move |_| work.with(|a| fiches.state_of(&a.selection)));
    let busy = move || (!state.with(|s| s.loading.is_empty())).then_some("true");
    view! {
        <div class="selection-status" data-testid="selection-status" aria-busy=busy>
            <p role="status">
                {move || (!state.with(|s| s.loading.is_empty())).then(|| t(Msg::SelectionLoading)())}
            </p>
            {move || {
                let failed = state.with(|s| s.failed.clone());
                (!failed.is_empty()).then(|| {
                    let codes = failed.join(", ");
                    view! {
                        <div class="notice notice--error" data-testid="selection-failed">
                            <p role="alert">{move || Msg::SelectionFailed.fill(lang.get(), &[("codes", &codes)])}</p>
                            <p>
                                <button type="button" class="button" on:click=move |_| {
                                    for code in &failed {
                                        fiches.retry(code);
                                    }
                                }>{t(Msg::DataRetry)}</button>
                            </p>
                        </div>
                    }
                })
            }}
        </div>
    }
}
