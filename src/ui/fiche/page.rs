//! The fiche page: header facts, blocs with competencies and assessment, then the rest of the
//! published fiche. An unknown code shows the not-found page with a way back.

use leptos::prelude::*;

use super::sections::{
    AccessSection, BlocSection, CodesSection, LineageSection, StatsSection, TextSection,
};
use crate::core::model::Certification;
use crate::core::route::Route;
use crate::i18n::{level_label, Msg};
use crate::ui::context::{env, lang, t};
use crate::ui::fiches::{fiches, FicheState};
use crate::ui::not_found::NotFound;
use crate::ui::selection::SelectToggle;
use crate::ui::status::StatusBadge;
use crate::ui::title::use_title;
use crate::ui::work::my_work;

#[component]
pub fn FichePage(code: String) -> impl IntoView {
    let env = env();
    let Some(entry) = env.catalogue.get(&code) else {
        return view! { <NotFound code=code /> }.into_any();
    };
    let fiches = fiches();
    let work = my_work();
    {
        let page = format!("{} — {}", entry.code, entry.title);
        use_title(move || page.clone());
    }
    // The header comes from the index (the page's title and focus target never change); the rest
    // waits for the fiche's file, a moment the first time and instant from the cache.
    let code = entry.code.clone();
    let rest = move || match fiches.get(&code) {
        FicheState::Ready(cert) => view! { <FicheBody cert /> }.into_any(),
        FicheState::Loading => view! {
            <p role="status" data-testid="fiche-loading">{t(Msg::FicheLoading)}</p>
        }
        .into_any(),
        FicheState::Failed(_) => {
            let again = code.clone();
            view! {
                <div data-testid="fiche-failed">
                    <p role="alert">{t(Msg::FicheUnreachable)}</p>
                    <p><button type="button" class="button" on:click=move |_| fiches.retry(&again)>{t(Msg::DataRetry)}</button></p>
                </div>
            }
            .into_any()
        }
    };
    let busy = {
        let code = entry.code.clone();
        move || matches!(fiches.get(&code), FicheState::Loading).then_some("true")
    };
    view! {
        <article class="page fiche" data-testid="fiche" data-code=entry.code.clone() aria-busy=busy>
            <p class="breadcrumb"><a href=Route::home().to_hash()>"← "{t(Msg::BackToCatalogue)}</a></p>
            <header class="fiche__header">
                <p class="fiche__code">{entry.code.clone()}</p>
                <h1 tabindex="-1">{entry.title.clone()}</h1>
                <StatusBadge cert=entry />
                <p class="fiche__actions actions">
                    <SelectToggle code=entry.code.clone() />
                    {move || work.with(|a| a.is_selected(&entry.code)).then(|| view! {
                        <a class="button button--secondary" href=Route::Assess(Some(entry.code.clone())).to_hash()>{t(Msg::SelectionGoAssess)}</a>
                    })}
                </p>
            </header>
            {rest}
        </article>
    }
    .into_any()
}

/// The whole fiche below its header, once its file is there.
#[component]
fn FicheBody(cert: &'static Certification) -> impl IntoView {
    let lang = lang();
    let level = cert.level;
    let end = cert.registration_end;
    let kind = match (&cert.kind, &cert.abbreviation) {
        (Some(k), Some(a)) => Some(format!("{k} ({a})")),
        (Some(k), None) => Some(k.clone()),
        (None, Some(a)) => Some(a.clone()),
        (None, None) => None,
    };

    view! {
        <div class="fiche__body" data-testid="fiche-body">
            {cert.reconstructed.is_some().then(|| {
                let url = cert.source.url.clone();
                let code = cert.code.clone();
                view! {
                    <aside class="notice" role="note" aria-labelledby="reconstructed-title" data-testid="reconstructed">
                        <h2 id="reconstructed-title" class="notice__title">{t(Msg::ReconstructedTitle)}</h2>
                        <p>{t(Msg::ReconstructedBody)}</p>
                        <p><a href=url>{move || Msg::ReconstructedLink.fill(lang.get(), &[("code", &code)])}</a></p>
                    </aside>
                }
            })}
            <section aria-labelledby="facts-title" class="fiche__section">
                <h2 id="facts-title">{t(Msg::FicheFacts)}</h2>
                <dl class="facts">
                    <div><dt>{t(Msg::FactCode)}</dt><dd>{cert.code.clone()}</dd></div>
                    <div><dt>{t(Msg::FactKind)}</dt><dd>{kind.map(IntoAny::into_any).unwrap_or_else(|| t(Msg::NotStated).into_any())}</dd></div>
                    <div><dt>{t(Msg::FactLevel)}</dt><dd>{move || level_label(lang.get(), level)}</dd></div>
                    <div>
                        <dt>{t(Msg::FactCertifiers)}</dt>
                        <dd>
                            <ul class="plain">
                                {cert.certifiers.iter().map(|c| {
                                    let siret = c.siret.clone();
                                    let website = c.website.clone();
                                    view! {
                                        <li>
                                            {c.name.clone()}
                                            {siret.map(|s| view! { <span class="muted">" · "{move || Msg::FactSiret.fill(lang.get(), &[("siret", &s)])}</span> })}
                                            {website.map(|w| view! { " · "<a href=w.clone()>{w.clone()}</a> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </dd>
                    </div>
                    <div>
                        <dt>{t(Msg::FactEnd)}</dt>
                        <dd>{move || end.map(|d| crate::i18n::date(lang.get(), d)).unwrap_or_else(|| Msg::NotStated.text(lang.get()).to_owned())}</dd>
                    </div>
                </dl>
            </section>
            <section aria-labelledby="blocs-title" class="fiche__section">
                <h2 id="blocs-title">{t(Msg::SectionBlocs)}</h2>
                <p>{t(Msg::BlocsIntro)}</p>
                {cert.blocs.iter().map(|b| view! { <BlocSection bloc=b /> }).collect_view()}
                {cert.bloc_acquisition.clone().map(|text| view! {
                    <h3>{t(Msg::SectionAcquisition)}</h3>
                    <p>{text}</p>
                })}
            </section>
            <TextSection id="objectives" title=Msg::SectionObjectives text=cert.objectives.clone() />
            <TextSection id="activities" title=Msg::SectionActivities text=cert.activities.clone() />
            <TextSection id="attested" title=Msg::SectionAttested text=cert.attested_competencies.clone() />
            <JobsSection cert />
            <CodesSection cert />
            <AccessSection cert />
            <StatsSection cert />
            <LineageSection cert />
            <section aria-labelledby="source-title" class="fiche__section">
                <h2 id="source-title">{t(Msg::SectionSource)}</h2>
                <p>{t(Msg::SourceText)}</p>
                <p>
                    <a href=cert.source.url.clone()>{
                        let code = cert.code.clone();
                        move || Msg::SourceLink.fill(lang.get(), &[("code", &code)])
                    }</a>
                </p>
            </section>
        </div>
    }
    .into_any()
}

#[component]
fn JobsSection(cert: &'static Certification) -> impl IntoView {
    view! {
        <section aria-labelledby="jobs-title" class="fiche__section">
            <h2 id="jobs-title">{t(Msg::SectionJobs)}</h2>
            <h3>{t(Msg::JobsAccessible)}</h3>
            {match &cert.jobs {
                None => view! { <p class="muted">{t(Msg::NotStated)}</p> }.into_any(),
                Some(jobs) if jobs.is_empty() => view! { <p class="muted">{t(Msg::NoneStated)}</p> }.into_any(),
                Some(jobs) => view! {
                    <ul>{jobs.iter().map(|j| view! { <li>{j.clone()}</li> }).collect_view()}</ul>
                }.into_any(),
            }}
            <h3>{t(Msg::Sectors)}</h3>
            {super::sections::paragraphs(cert.sectors.as_deref())}
            {cert.regulations.clone().map(|r| view! { <h3>{t(Msg::Regulations)}</h3><p>{r}</p> })}
            {cert.prerequisites.clone().map(|r| view! { <h3>{t(Msg::Prerequisites)}</h3><p>{r}</p> })}
        </section>
    }
}
