//! The frame around every page: header (brand, navigation, language switch) and footer.

use leptos::prelude::*;

use super::app::{lang, t, CurrentRoute};
use crate::core::route::Route;
use crate::i18n::Msg;

#[component]
pub fn Header() -> impl IntoView {
    let lang = lang();
    let other = move || lang.get().other();
    let route = expect_context::<CurrentRoute>().0;
    // Which nav entry the current page belongs to.
    let section = Memo::new(move |_| match route.get() {
        Route::Catalogue(_) | Route::Fiche(_) | Route::NotFound(_) => 0,
        Route::Assess(_) => 1,
        Route::Experiences => 2,
        Route::Results | Route::Compare | Route::Report => 3,
        Route::MyData | Route::Share(_) => 4,
    });
    let entries = [
        (0, "#/", Msg::NavCatalogue),
        (1, "#/bilan", Msg::NavAssess),
        (2, "#/experiences", Msg::NavExperiences),
        (3, "#/resultats", Msg::NavResults),
        (4, "#/donnees", Msg::NavMyData),
    ];
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="#/">
                    <span class="brand__mark" aria-hidden="true">"◆"</span>
                    <span class="brand__name">{t(Msg::AppName)}</span>
                </a>
                <nav aria-label=t(Msg::MainNav) class="site-nav">
                    <ul>
                        {entries.into_iter().map(|(i, href, msg)| view! {
                            <li><a href=href aria-current=move || (section.get() == i).then_some("page")>{t(msg)}</a></li>
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

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{t(Msg::FooterPrivacy)}</p>
            <p>{t(Msg::FooterData)}</p>
        </footer>
    }
}
