//! A certification's status badge ("Active jusqu’au …", "Expirée depuis le …", "Remplacée par
//! …"), the same on the catalogue cards and the fiche.

use leptos::prelude::*;

use crate::core::catalogue::Status;
use crate::core::model::Certification;
use crate::i18n::status_text;
use crate::ui::context::{env, lang};

fn badge_class(status: Status) -> &'static str {
    match status {
        Status::Active => "badge badge--active",
        Status::Expired => "badge badge--expired",
        Status::Replaced => "badge badge--replaced",
    }
}

/// The status of `cert` today, as a badge (`data-testid="status"`).
#[component]
pub fn StatusBadge(cert: &'static Certification) -> impl IntoView {
    let env = env();
    let lang = lang();
    let status = env.catalogue.status(cert, env.today);
    let successor = env.catalogue.successor_code(cert);
    let end = cert.registration_end;
    view! {
        <p class=badge_class(status) data-testid="status">
            {move || status_text(lang.get(), status, end, successor.as_deref())}
        </p>
    }
}
