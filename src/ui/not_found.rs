//! The page for an address Repère does not know, or a certification it does not bundle.

use leptos::prelude::*;

use super::context::{lang, t};
use super::title::use_title;
use crate::core::model::Certification;
use crate::core::route::Route;
use crate::i18n::Msg;

/// An address Repère does not know, or (`code`) an unknown certification code.
#[component]
pub fn NotFound(#[prop(optional)] code: Option<String>) -> impl IntoView {
    let lang = lang();
    use_title(move || Msg::NotFoundTitle.text(lang.get()).to_owned());
    let explanation = {
        let code = code.clone();
        move || match &code {
            Some(c) => Msg::NotFoundCert.fill(lang.get(), &[("code", c)]),
            None => Msg::NotFoundPage.text(lang.get()).to_owned(),
        }
    };
    let official = code.filter(|c| {
        c.starts_with("RNCP") && c[4..].bytes().all(|b| b.is_ascii_digit()) && c.len() > 4
    });
    view! {
        <div class="page page--narrow" data-testid="not-found">
            <h1 tabindex="-1">{t(Msg::NotFoundTitle)}</h1>
            <p>{explanation}</p>
            <p><a class="button" href=Route::home().to_hash()>{t(Msg::BackToCatalogue)}</a></p>
            {official.map(|c| {
                let url = Certification::official_url(&c);
                view! {
                    <p>
                        <a href=url>{move || Msg::NotFoundCertOfficial.fill(lang.get(), &[("code", &c)])}</a>
                        " "
                        <span class="muted">{t(Msg::ExternalLinkNote)}</span>
                    </p>
                }
            })}
        </div>
    }
}
