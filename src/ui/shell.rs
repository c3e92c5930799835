//! The frame around every page: header (brand, navigation, language switch) and footer.

use leptos::prelude::*;

use super::context::{current_route, lang, t};
use crate::core::route::{Route, Section};
use crate::i18n::Msg;

#[component]
pub fn Header() -> impl IntoView {
    let lang = lang();
    let other = move || lang.get().other();
    let route = current_route();
    let section = Memo::new(move |_| route.with(Route::section));
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href=Route::home().to_hash()>
                    <span class="brand__mark" aria-hidden="true">"◆"</span>
                    <span class="brand__name">{t(Msg::AppName)}</span>
                </a>
                <nav aria-label=t(Msg::MainNav) class="site-nav">
                    <ul>
                        {Section::ALL.into_iter().map(|s| view! {
                            <li><a href=s.route().to_hash() aria-current=move || (section.get() == s).then_some("page")>{t(nav_msg(s))}</a></li>
                        }).collect_view()}
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

fn nav_msg(section: Section) -> Msg {
    match section {
        Section::Catalogue => Msg::NavCatalogue,
        Section::Assess => Msg::NavAssess,
        Section::Experiences => Msg::NavExperiences,
        Section::Results => Msg::NavResults,
        Section::MyData => Msg::NavMyData,
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
