//! The frame around every page: header (brand, navigation, language switch) and footer. On
//! narrow screens the navigation sits behind one "Menu" button (a disclosure: `aria-expanded`,
//! Escape closes it and gives the focus back, choosing a page closes it), so that the page's
//! title is on the first screen.

use leptos::prelude::*;

use super::browser;
use super::context::{current_route, lang, switch_lang, t};
use crate::core::route::{Route, Section};
use crate::i18n::{nav_msg, Msg};

#[component]
pub fn Header() -> impl IntoView {
    let route = current_route();
    let section = Memo::new(move |_| route.with(Route::section));
    let open = RwSignal::new(false);
    // A new page closes the menu.
    Effect::new(move |_| {
        route.track();
        open.set(false);
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            browser::focus(".menu-toggle");
        }
    };
    view! {
        <header class="site-header" on:keydown=on_keydown>
            <div class="site-header__inner">
                <a class="brand" href=Route::home().to_hash()>
                    <span class="brand__mark" aria-hidden="true">"◆"</span>
                    <span class="brand__name">{t(Msg::AppName)}</span>
                </a>
                <button
                    type="button"
                    class="menu-toggle button--secondary"
                    data-testid="menu-toggle"
                    aria-controls="site-nav"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <span class="menu-toggle__icon" aria-hidden="true">{move || if open.get() { "×" } else { "☰" }}</span>
                    {t(Msg::MenuButton)}
                </button>
                <nav id="site-nav" aria-label=t(Msg::MainNav) class=move || if open.get() { "site-nav is-open" } else { "site-nav" }>
                    <ul>
                        {Section::ALL.into_iter().map(|s| view! {
                            <li><a href=s.route().to_hash() aria-current=move || (section.get() == s).then_some("page")>{t(nav_msg(s))}</a></li>
                        }).collect_view()}
                    </ul>
                </nav>
                <LangSwitch />
            </div>
        </header>
    }
}

/// The button that switches the interface to the other language (also in the embedded
/// header when the provider did not fix the language).
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = lang();
    let other = move || lang.get().other();
    view! {
        <button
            type="button"
            class="lang-switch"
            data-testid="lang-switch"
            aria-label=move || format!("{} : {}", Msg::LanguageSwitchLabel.text(lang.get()), other().native_name())
            lang=move || other().as_str()
            on:click=move |_| switch_lang(lang.get_untracked().other())
        >
            {move || other().native_name()}
        </button>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{t(Msg::FooterPrivacy)}</p>
            <p>{t(Msg::FooterData)}</p>
            <p><a href=Route::Integrate.to_hash()>{t(Msg::IntegrateLink)}</a></p>
        </footer>
    }
}
