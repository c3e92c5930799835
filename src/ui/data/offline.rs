//! "Utiliser Repère hors ligne": downloads every fiche of the catalogue and the search file on
//! request, so that the service worker keeps them (the index, opened and selected fiches are
//! kept anyway, the search file once the search box was used). The size
//! is shown before the user asks; progress is announced politely.

use leptos::prelude::*;

use crate::core::dataset::{fiche_path, SEARCH_PATH};
use crate::i18n::{size_text, Msg};
use crate::ui::browser;
use crate::ui::context::{env, lang, t};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Idle,
    Running { done: usize },
    Finished { failed: usize },
}

#[component]
pub fn OfflineSection() -> impl IntoView {
    let env = env();
    let lang = lang();
    let count = env.catalogue.all().len();
    let size = env.fiche_bytes + env.search_bytes;
    let stage = RwSignal::new(Stage::Idle);
    let supported = browser::offline_supported();
    let start = move |_| {
        if matches!(stage.get_untracked(), Stage::Running { .. }) {
            return;
        }
        stage.set(Stage::Running { done: 0 });
        // The downloads go on if the user leaves the page (they asked for them); only the
        // progress shown stops (`try_set`: the page's signal is gone then).
        leptos::task::spawn_local(async move {
            let mut failed = usize::from(browser::fetch_text(SEARCH_PATH).await.is_err());
            for (i, cert) in env.catalogue.all().iter().enumerate() {
                if browser::fetch_text(&fiche_path(&cert.code)).await.is_err() {
                    failed += 1;
                }
                stage.try_set(Stage::Running { done: i + 1 });
            }
            stage.try_set(Stage::Finished { failed });
        });
    };
    let fill = move |msg: Msg, pairs: &[(&str, &str)]| msg.fill(lang.get(), pairs);
    view! {
        <section class="panel" aria-labelledby="offline-title" data-testid="offline">
            <h2 id="offline-title">{t(Msg::OfflineTitle)}</h2>
            <p class="hint">{t(Msg::OfflineHint)}</p>
            {if supported {
                view! {
                    <p class="actions">
                    <button type="button" class="button button--secondary" data-testid="offline-all"
                        disabled=move || matches!(stage.get(), Stage::Running { .. })
                        on:click=start>
                        {move || fill(Msg::OfflineButton, &[("count", &count.to_string()), ("size", &size_text(lang.get(), size))])}
                    </button>
                    </p>
                }.into_any()
            } else {
                view! { <p>{t(Msg::OfflineUnsupported)}</p> }.into_any()
            }}
            {move || match stage.get() {
                Stage::Running { done } => {
                    let text = fill(Msg::OfflineProgress, &[("done", &done.to_string()), ("count", &count.to_string())]);
                    Some(view! {
                        <p class="offline__progress">
                            <progress max=count value=done aria-label=text.clone()></progress>
                            " "
                            <span aria-hidden="true">{text}</span>
                        </p>
                    })
                }
                _ => None,
            }}
            // Only the outcome is announced (not every file).
            <div role="status" data-testid="offline-status">
                {move || match stage.get() {
                    Stage::Idle | Stage::Running { .. } => None,
                    Stage::Finished { failed: 0 } => Some(view! {
                        <p>{fill(Msg::OfflineDone, &[("count", &count.to_string())])}</p>
                    }.into_any()),
                    Stage::Finished { failed } => Some(view! {
                        <p class="error">{fill(Msg::OfflineFailed, &[("failed", &failed.to_string())])}</p>
                    }.into_any()),
                }}
            </div>
        </section>
    }
}
