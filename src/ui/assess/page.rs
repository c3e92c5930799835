//! `#/bilan[/CODE]`: one selected certification at a time (tabs), every bloc with a rating
//! control per competency, and the legend of the four answers with their VAE meaning.

use leptos::prelude::*;

use super::rating::CompetencyRating;
use crate::core::assessment::Level;
use crate::core::model::Certification;
use crate::core::route::Route;
use crate::core::scoring::score_bloc;
use crate::i18n::{level_msg, percent, vae_msg, Msg};
use crate::ui::browser;
use crate::ui::context::{lang, t};
use crate::ui::selected::{selected_catalogue, SelectionStatus};
use crate::ui::selection::NoSelection;
use crate::ui::title::use_title;
use crate::ui::work::{my_work, work_slices};

#[component]
pub fn AssessPage(code: Option<String>) -> impl IntoView {
    let cat = selected_catalogue();
    let lang = lang();
    use_title(move || Msg::AssessTitle.text(lang.get()).to_owned());
    let selection = work_slices().selection;
    let current = Memo::new(move |_| {
        let sel = selection.get();
        match &code {
            Some(c) => Some(c.clone()),
            None => sel.first().cloned(),
        }
    });

    view! {
        <div class="page assess">
            <h1 tabindex="-1">{t(Msg::AssessTitle)}</h1>
            <SelectionStatus />
            <p class="lead">{t(Msg::AssessIntro)}</p>
            {move || {
                let sel = selection.get();
                let cert = current.get().and_then(|c| cat().get(&c)).filter(|c| sel.contains(&c.code))?;
                Some(view! { <BlocJump cert /> })
            }}
            <LevelsLegend />
            {move || {
                let sel = selection.get();
                if sel.is_empty() {
                    return view! { <NoSelection /> }.into_any();
                }
                let current_code = current.get();
                let tabs = sel.iter().map(|c| {
                    let href = Route::Assess(Some(c.clone())).to_hash();
                    let is_current = current_code.as_deref() == Some(c.as_str());
                    view! {
                        <li>
                            <a href=href aria-current=is_current.then_some("page")>{c.clone()}</a>
                        </li>
                    }
                }).collect_view();
                let body = match current_code.as_deref().and_then(|c| cat().get(c)) {
                    Some(cert) if sel.contains(&cert.code) => view! { <CertAssessment cert /> }.into_any(),
                    _ => {
                        let c = current_code.clone().unwrap_or_default();
                        view! {
                            <p class="notice">{move || Msg::AssessNotSelected.fill(lang.get(), &[("code", &c)])}</p>
                        }
                        .into_any()
                    }
                };
                view! {
                    <nav class="tabs" aria-label=t(Msg::AssessCertTabs)><ul>{tabs}</ul></nav>
                    {body}
                }
                .into_any()
            }}
        </div>
    }
}

/// Jump to any bloc in a few keys: one Tab stop (a toolbar with a roving focus), arrows,
/// Home / End to choose, Enter to move the focus to the bloc's heading.
#[component]
fn BlocJump(cert: &'static Certification) -> impl IntoView {
    let count = cert.blocs.len();
    let active = RwSignal::new(0usize);
    let button_id = |i: usize| format!("jump-{}", i);
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let current = active.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (current + 1) % count,
            "ArrowLeft" | "ArrowUp" => (current + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        ev.prevent_default();
        active.set(next);
        browser::focus(&format!("#{}", button_id(next)));
    };
    view! {
        <div class="bloc-jump" role="toolbar" aria-label=t(Msg::AssessJumpLabel) on:keydown=on_keydown>
            <span class="bloc-jump__title" aria-hidden="true">{t(Msg::AssessJumpTitle)}</span>
            {cert.blocs.iter().enumerate().map(|(i, bloc)| {
                let target = format!("#assess-{}", bloc.code);
                let short = bloc.code.strip_prefix(cert.code.as_str()).unwrap_or(&bloc.code).to_owned();
                view! {
                    <button type="button" class="button button--secondary button--small" id=button_id(i)
                        title=bloc.title.clone()
                        tabindex=move || if active.get() == i { "0" } else { "-1" }
                        on:click=move |_| { active.set(i); browser::focus(&target); }>
                        {short}<span class="visually-hidden">{format!(" {}", bloc.title)}</span>
                    </button>
                }
            }).collect_view()}
        </div>
    }
}

/// The four answers, what they mean for VAE.
#[component]
fn LevelsLegend() -> impl IntoView {
    view! {
        <details class="legend">
            <summary>{t(Msg::LevelsLegendTitle)}</summary>
            <p>{t(Msg::LevelsLegendIntro)}</p>
            <table>
                <thead>
                    <tr><th scope="col">{t(Msg::YourAnswer)}</th><th scope="col">{t(Msg::VaeColumn)}</th></tr>
                </thead>
                <tbody>
                    {Level::ALL.into_iter().map(|l| view! {
                        <tr><th scope="row">{t(level_msg(l))}</th><td>{t(vae_msg(l.vae()))}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

#[component]
fn CertAssessment(cert: &'static Certification) -> impl IntoView {
    let work = my_work();
    let ratings = work_slices().ratings;
    let lang = lang();
    let total = cert.competency_count();
    let rated = Memo::new(move |_| {
        ratings.with(|r| {
            cert.competencies()
                .filter(|(_, c)| r.contains_key(&c.id))
                .count()
        })
    });
    view! {
        <section class="cert-assessment" aria-labelledby="assess-cert-title" data-testid="cert-assessment" data-code=cert.code.clone()>
            <h2 id="assess-cert-title">
                <span class="bloc__code">{cert.code.clone()}</span>
                {cert.title.clone()}
            </h2>
            <p class="progress" role="status" data-testid="assess-progress">
                {move || Msg::AssessProgress.fill(lang.get(), &[("rated", &rated.get().to_string()), ("total", &total.to_string())])}
            </p>
            {cert.blocs.iter().map(|bloc| {
                // A bloc's score reads the ratings only.
                let score = Memo::new(move |_| {
                    ratings.track();
                    work.with_untracked(|a| score_bloc(bloc, a))
                });
                let heading = format!("assess-{}", bloc.code);
                let labelled_by = heading.clone();
                view! {
                    <section class="bloc" aria-labelledby=labelled_by data-testid="assess-bloc" data-code=bloc.code.clone()>
                        <h3 id=heading tabindex="-1">
                            <span class="bloc__code">{bloc.code.clone()}</span>
                            <span class="bloc__title">{bloc.title.clone()}</span>
                        </h3>
                        <p class="bloc__status" data-testid="bloc-status">
                            {move || {
                                let s = score.get();
                                let l = lang.get();
                                let progress = Msg::BlocProgress.fill(l, &[
                                    ("rated", &s.rated.to_string()),
                                    ("total", &s.total.to_string()),
                                    ("percent", &percent(s.readiness).to_string()),
                                ]);
                                view! {
                                    {s.ready.then(|| view! {
                                        <span class="badge badge--active" data-testid="bloc-ready">{Msg::BlocReady.text(l)}</span>" "
                                    })}
                                    {progress}
                                }
                            }}
                        </p>
                        {bloc.competencies.iter().map(|c| view! { <CompetencyRating competency=c /> }).collect_view()}
                    </section>
                }
            }).collect_view()}
        </section>
    }
}
