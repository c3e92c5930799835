//! Keeps `document.title` in step with the page and the language.

use leptos::prelude::*;

use super::browser;
use super::context::lang;
use crate::i18n::Msg;

/// Sets the document title to "<page> — Repère" whenever `page` or the language changes.
pub fn use_title(page: impl Fn() -> String + 'static) {
    let lang = lang();
    Effect::new(move |_| {
        browser::set_title(&Msg::PageTitle.fill(lang.get(), &[("page", &page())]));
    });
}
