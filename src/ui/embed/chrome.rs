//! The embedded mode's compact chrome: the app's own sections and "Ouvrir dans Repère" (no
//! brand header, no language switch: the host page has its own), a one-line footer, and the
//! storage note of "Mes données".

use leptos::prelude::*;

use super::{embedded, open_full_href};
use crate::core::route::{Route, Section};
use crate::i18n::{nav_msg, Msg};
use crate::ui::context::{current_route, t};
use crate::ui::shell::LangSwitch;

#[component]
pub fn EmbedHeader() -> impl IntoView {
    let route = current_route();
    let section = Memo::new(move |_| route.with(Route::section));
    let href = open_full_href();
    view! {
        <header class="embed-header">
            <nav aria-label=t(Msg::EmbedNav) class="embed-nav">
                <ul>
                    {Section::ALL.into_iter().map(|s| view! {
                        <li><a href=s.route().to_hash() aria-current=move || (section.get() == s).then_some("page")>{t(nav_msg(s))}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
            {embedded().is_some_and(|e| e.lang.is_none()).then(|| view! { <LangSwitch /> })}
            <a class="embed-open" data-testid="open-full" href=href target="_blank" rel="noopener" aria-label=t(Msg::EmbedOpenFullLabel)>
                {t(Msg::EmbedOpenFull)}<span aria-hidden="true">"↗"</span>
            </a>
        </header>
    }
}

#[component]
pub fn EmbedFooter() -> impl IntoView {
    view! {
        <footer class="embed-footer">
            <p>{t(Msg::EmbedFooter)}</p>
        </footer>
    }
}

/// In embedded mode, where the work is kept and how to carry it elsewhere; nothing otherwise.
#[component]
pub fn StorageNote() -> impl IntoView {
    embedded().map(|_| {
        let href = open_full_href();
        view! {
            <div class="notice" data-testid="embed-storage-note">
                <p>{t(Msg::EmbedStorageNote)}</p>
                <p><a class="button button--secondary" href=href target="_blank" rel="noopener" aria-label=t(Msg::EmbedOpenFullLabel)>{t(Msg::EmbedOpenFull)}<span aria-hidden="true">"↗"</span></a></p>
            </div>
        }
    })
}
