//! One certification in the catalogue: facts at a glance and, during a search, why it matched.

use leptos::prelude::*;

use crate::core::route::Route;
use crate::core::search::{Field, Hit, Reason};
use crate::i18n::{level_label, Lang, Msg};
use crate::ui::context::{env, lang, t};
use crate::ui::highlight::Highlighted;
use crate::ui::selection::SelectToggle;
use crate::ui::status::StatusBadge;
use crate::ui::work::search_index;

fn reason_label(lang: Lang, r: &Reason) -> String {
    match &r.field {
        Field::Title => Msg::ReasonTitle.text(lang).to_owned(),
        Field::Code => Msg::ReasonCode.text(lang).to_owned(),
        Field::Bloc { code } => Msg::ReasonBloc.fill(lang, &[("code", code)]),
        Field::Competency { bloc_code, .. } => {
            Msg::ReasonCompetency.fill(lang, &[("code", bloc_code)])
        }
        Field::Job => Msg::ReasonJob.text(lang).to_owned(),
        Field::Certifier => Msg::ReasonCertifier.text(lang).to_owned(),
        Field::Rome { code } => Msg::ReasonRome.fill(lang, &[("code", code)]),
        Field::Nsf { code } => Msg::ReasonNsf.fill(lang, &[("code", code)]),
        Field::Formacode { code } => Msg::ReasonFormacode.fill(lang, &[("code", code)]),
    }
}

/// "Why it matched" (`reasons`: the first reasons of a hit, `count`: all of them). Called by
/// the search index only (`ui::split::Search::reasons_view`): this code comes with its chunk.
pub fn reasons_view(reasons: Vec<Reason>, count: usize) -> AnyView {
    let lang = lang();
    let more = count.saturating_sub(reasons.len());
    view! {
        <div class="card__reasons" data-testid="reasons">
            <p class="card__reasons-title">{t(Msg::MatchedBecause)}</p>
            <ul>
                {reasons.into_iter().map(|r| {
                    let label = {
                        let r = r.clone();
                        move || reason_label(lang.get(), &r)
                    };
                    view! {
                        <li>
                            <span class="reason__field">{label}</span>" "
                            <span class="reason__text"><Highlighted text=r.text ranges=r.highlights /></span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(more > 0).then(|| view! {
                <p class="muted">{move || lang.get().plural(more, Msg::MoreMatchesOne, Msg::MoreMatchesMany)}</p>
            })}
        </div>
    }
    .into_any()
}

/// A card: its facts are rendered once; only "why it matched" follows the query (`hits`, the
/// cards shown with their reasons), so typing a search does not rebuild the cards that stay.
#[component]
pub fn CertCard(code: String, hits: Memo<Vec<Hit<'static>>>) -> impl IntoView {
    let lang = lang();
    let Some(cert) =
        hits.with_untracked(|h| h.iter().find(|h| h.cert.code == code).map(|h| h.cert))
    else {
        return ().into_any();
    };
    let title_id = format!("card-{}", cert.code);
    let labelled_by = title_id.clone();
    let href = Route::Fiche(cert.code.clone()).to_hash();
    let certifiers = cert
        .certifiers
        .iter()
        .map(|c| c.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let (blocs, comps) = env().catalogue.counts(cert);
    let level = cert.level;
    let reasons = Memo::new(move |_| {
        hits.with(|h| {
            h.iter()
                .find(|h| h.cert.code == code)
                .map(|h| (h.reasons.clone(), h.reason_count))
                .unwrap_or_default()
        })
    });

    view! {
        <article class="card" aria-labelledby=labelled_by data-testid="cert-card" data-code=cert.code.clone()>
            <h2 class="card__title" id=title_id>
                <a href=href>{cert.title.clone()}</a>
            </h2>
            <p class="card__code">{cert.code.clone()}</p>
            <StatusBadge cert />
            <dl class="card__facts">
                <div><dt>{t(Msg::FactLevel)}</dt><dd>{move || level_label(lang.get(), level)}</dd></div>
                <div><dt>{t(Msg::FactCertifiers)}</dt><dd>{certifiers}</dd></div>
                <div>
                    <dt class="visually-hidden">{t(Msg::SectionBlocs)}</dt>
                    <dd>
                        {move || lang.get().plural(blocs, Msg::BlocsOne, Msg::BlocsMany)}
                        " · "
                        {move || lang.get().plural(comps, Msg::CompetenciesOne, Msg::CompetenciesMany)}
                    </dd>
                </div>
            </dl>
            <div class="card__actions"><SelectToggle code=cert.code.clone() /></div>
            // Reasons exist only once the search index is built: their view is code of its chunk.
            {move || {
                let (reasons, count) = reasons.get();
                (!reasons.is_empty())
                    .then(search_index)
                    .flatten()
                    .map(|ix| ix.reasons_view(reasons, count))
            }}
        </article>
    }
    .into_any()
}
