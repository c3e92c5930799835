//! The frame around every page: header (brand, navigation, language switch) and footer.

use leptos::prelude::*;

use super::app::{lang, t};
use crate::i18n::Msg;

#[component]
pub fn Header() -> impl IntoView {
    let lang = lang();
    let other = move || lang.get().other();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="#/">
                    <span class="brand__mark" aria-hidden="true">"◆"</span>
                    <span class="brand__name">{t(Msg::AppName)}</span>
                </a>
                <nav aria-label=t(Msg::MainNav) class="site-nav">
                    <ul>
                        <li><a href="#/">{t(Msg::NavCatalogue)}</a></li>
                    </ul>
                </nav>
                <button
                    type="button"
                    class="lang-switch"
                    data-testid="lang-switch"
                    aria-label=move || format!("{} : {}", Msg::LanguageSwitchLabel.text(lang.get()), other().native_name())
                    lang=move || other().as_str()
                    on:click=move |_| lang.update(|l| *l = l.other())
                >
                    {move || other().native_name()}
                </button>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{t(Msg::FooterPrivacy)}</p>
            <p>{t(Msg::FooterData)}</p>
        </footer>
    }
}
