//! "My selection": the certifications the user works on, visible on every page and editable
//! from the catalogue, a fiche, or the bar itself.

use leptos::prelude::*;

use super::context::{env, lang, t};
use super::notice::notices;
use super::work::{edit, edit_if, my_work, work_slices};
use crate::core::route::Route;
use crate::i18n::Msg;

/// Adds or removes one certification; its label says which, with the code for screen readers.
#[component]
pub fn SelectToggle(code: String) -> impl IntoView {
    let work = my_work();
    let notices = notices();
    let selected = {
        let code = code.clone();
        Memo::new(move |_| work.with(|a| a.is_selected(&code)))
    };
    let code_hidden = code.clone();
    let on_click = move |_| {
        let code = code.clone();
        if selected.get_untracked() {
            edit_if(work, |a| a.deselect(&code));
        } else {
            edit(work, notices, |a| a.select(&code));
        }
    };
    view! {
        <button
            type="button"
            class=move || if selected.get() { "button button--secondary select-toggle" } else { "button select-toggle" }
            data-testid="select-toggle"
            on:click=on_click
        >
            {move || if selected.get() { t(Msg::SelectionRemove)() } else { t(Msg::SelectionAdd)() }}
            <span class="visually-hidden">{format!(" ({code_hidden})")}</span>
        </button>
    }
}

/// The selection bar under the header.
#[component]
pub fn SelectionBar() -> impl IntoView {
    let env = env();
    let work = my_work();
    let lang = lang();
    let selection = work_slices().selection;
    // On narrow screens the bar is one line, "Ma sélection (2)", that opens on demand; on wide
    // screens the chips are always shown (the toggle is hidden by the stylesheet).
    let open = RwSignal::new(false);
    view! {
        <aside class="selection-bar" aria-label=t(Msg::SelectionLabel) data-testid="selection-bar">
            <div class="selection-bar__inner">
                <span class="selection-bar__title">{t(Msg::SelectionLabel)}" "
                    <span class="count">{move || selection.with(Vec::len)}</span>
                </span>
                <button
                    type="button"
                    class="selection-bar__toggle button--secondary button--small"
                    data-testid="selection-toggle"
                    aria-controls="selection-content"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {t(Msg::SelectionLabel)}" "
                    <span class="count">{move || selection.with(Vec::len)}</span>
                    <span class="selection-bar__chevron" aria-hidden="true">{move || if open.get() { "▴" } else { "▾" }}</span>
                </button>
                <div id="selection-content" class=move || if open.get() { "selection-bar__content is-open" } else { "selection-bar__content" }>
                {move || {
                    let list = selection.get();
                    if list.is_empty() {
                        view! { <span class="muted">{t(Msg::SelectionEmpty)}</span> }.into_any()
                    } else {
                        view! {
                            <ul class="chips">
                                {list.into_iter().map(|code| {
                                    let title = env.catalogue.get(&code).map(|c| c.title.clone()).unwrap_or_default();
                                    let href = Route::Fiche(code.clone()).to_hash();
                                    let remove_code = code.clone();
                                    let label_code = code.clone();
                                    view! {
                                        <li class="chip" data-code=code.clone()>
                                            <a href=href title=title>{code.clone()}</a>
                                            <button
                                                type="button"
                                                class="chip__remove"
                                                aria-label=move || Msg::SelectionRemoveNamed.fill(lang.get(), &[("code", &label_code)])
                                                on:click=move |_| { edit_if(work, |a| a.deselect(&remove_code)); }
                                            >"×"</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <a class="button button--small" href=Route::Assess(None).to_hash()>{t(Msg::SelectionGoAssess)}</a>
                        }
                        .into_any()
                    }
                }}
                </div>
            </div>
        </aside>
    }
}

/// What pages about the selection show while it is empty: what to do, and where.
#[component]
pub fn NoSelection() -> impl IntoView {
    view! {
        <div class="empty">
            <p>{t(Msg::AssessNoSelection)}</p>
            <a class="button" href=Route::home().to_hash()>{t(Msg::AssessGoCatalogue)}</a>
        </div>
    }
}
