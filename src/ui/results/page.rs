//! `#/resultats`: the selected certifications ranked by readiness, then for each one its blocs
//! (chart + table), the blocs that look ready, and what is missing with how the jury checks it.

use leptos::prelude::*;

use super::chart::BlocChart;
use crate::core::model::Certification;
use crate::core::route::Route;
use crate::core::scoring::{rank, score_selection, CertScore, ResultWarning};
use crate::i18n::{answer_text, colon, level_msg, percent, percent_text, Msg};
use crate::ui::context::{lang, t};
use crate::ui::embed::send::SendResults;
use crate::ui::fiches::{fiches, FicheState};
use crate::ui::selected::{selected_catalogue, SelectionStatus};
use crate::ui::selection::NoSelection;
use crate::ui::title::use_title;
use crate::ui::work::my_work;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let cat = selected_catalogue();
    let work = my_work();
    let lang = lang();
    use_title(move || Msg::ResultsTitle.text(lang.get()).to_owned());
    let scores = Memo::new(move |_| work.with(|a| score_selection(cat(), a)));

    view! {
        <div class="page results">
            <h1 tabindex="-1">{t(Msg::ResultsTitle)}</h1>
            <SelectionStatus />
            <p class="lead">{t(Msg::ResultsIntro)}</p>
            {move || {
                let all = scores.get();
                if all.is_empty() {
                    return view! { <NoSelection /> }.into_any();
                }
                let ranked: Vec<CertScore> = rank(&all).into_iter().cloned().collect();
                view! {
                    <p class="actions no-print">
                        <a class="button button--secondary" href=Route::Compare.to_hash()>{t(Msg::ResultsCompare)}</a>
                        " "
                        <a class="button button--secondary" href=Route::Report.to_hash()>{t(Msg::ResultsReport)}</a>
                    </p>
                    <SendResults />
                    <section aria-labelledby="ranking-title">
                        <h2 id="ranking-title">{t(Msg::RankingTitle)}</h2>
                        <ol class="ranking" data-testid="ranking">
                            {ranked.iter().map(|s| {
                                let title = cat().get(&s.code).map(|c| c.title.clone()).unwrap_or_default();
                                let (p, ready, blocs) = (percent(s.readiness), s.ready_blocs, s.blocs.len());
                                view! {
                                    <li data-code=s.code.clone()>
                                        <strong>{s.code.clone()}" — "{title}</strong>{move || colon(lang.get())}
                                        {move || Msg::RankingItem.fill(lang.get(), &[("percent", &p.to_string()), ("ready", &ready.to_string()), ("blocs", &blocs.to_string())])}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <p class="muted small">{t(Msg::FormulaNote)}</p>
                    </section>
                    {ranked.into_iter().filter_map(|s| {
                        let cert = cat().get(&s.code)?;
                        Some(view! { <CertResult cert score=s /> })
                    }).collect_view()}
                }
                .into_any()
            }}
        </div>
    }
}

#[component]
fn CertResult(cert: &'static Certification, score: CertScore) -> impl IntoView {
    let lang = lang();
    let fiches = fiches();
    let work = my_work();
    let heading = format!("result-{}", cert.code);
    let labelled_by = heading.clone();
    let warning = score.warning;
    let ready_blocs: Vec<_> = cert
        .blocs
        .iter()
        .zip(&score.blocs)
        .filter(|(_, s)| s.ready)
        .map(|(b, _)| b)
        .collect();
    view! {
        <section class="cert-result" aria-labelledby=labelled_by data-testid="cert-result" data-code=cert.code.clone()>
            <h2 id=heading>
                <span class="bloc__code">{cert.code.clone()}</span>
                {cert.title.clone()}
            </h2>
            <p class="readiness">
                <strong>{t(Msg::ReadinessLabel)}{move || colon(lang.get())}</strong>
                {let p = percent(score.readiness); move || Msg::Percent.fill(lang.get(), &[("n", &p.to_string())])}
            </p>
            {warning.map(|w| view! {
                <p class="notice" data-testid="result-warning">{move || match w {
                    ResultWarning::MostlyUnrated => Msg::WarningMostlyUnrated.text(lang.get()).to_owned(),
                    ResultWarning::AllSame(level) => Msg::WarningAllSame.fill(lang.get(), &[("level", level_msg(level).text(lang.get()))]),
                }}</p>
            })}
            <BlocChart score=score.clone() />
            <div class="table-wrap" tabindex="0" role="region" aria-label=move || Msg::ChartTitle.fill(lang.get(), &[("code", &cert.code)])>
                <table data-testid="results-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::TableBloc)}</th>
                            <th scope="col">{t(Msg::TableReadiness)}</th>
                            <th scope="col">{t(Msg::TableRated)}</th>
                            <th scope="col">{t(Msg::TableVae)}</th>
                            <th scope="col">{t(Msg::TableReady)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {cert.blocs.iter().zip(score.blocs.clone()).map(|(b, s)| view! {
                            <tr data-code=b.code.clone()>
                                <th scope="row"><span class="code">{b.code.clone()}</span>" "{b.title.clone()}</th>
                                <td class="num">{let r = s.readiness; move || percent_text(lang.get(), r)}</td>
                                <td class="num">{format!("{} / {}", s.rated, s.total)}</td>
                                <td class="num">{format!("{} / {} / {} / {}", s.vae.oui, s.vae.partiellement, s.vae.non, s.vae.unrated)}</td>
                                <td>{t(if s.ready { Msg::Yes } else { Msg::No })}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{t(Msg::ReadyBlocsTitle)}</h3>
            {if ready_blocs.is_empty() {
                view! { <p class="muted">{t(Msg::ReadyBlocsNone)}</p> }.into_any()
            } else {
                view! {
                    <ul data-testid="ready-blocs">
                        {ready_blocs.into_iter().map(|b| view! { <li data-code=b.code.clone()><span class="code">{b.code.clone()}</span>" "{b.title.clone()}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3>{t(Msg::MissingTitle)}</h3>
            {
                let missing: Vec<_> = cert.blocs.iter().zip(score.blocs.clone()).filter(|(_, s)| !s.missing.is_empty()).collect();
                if missing.is_empty() {
                    view! { <p class="muted">{t(Msg::MissingNone)}</p> }.into_any()
                } else {
                    missing.into_iter().map(|(b, s)| view! {
                        <div class="missing">
                            <h4><span class="code">{b.code.clone()}</span>" "{b.title.clone()}</h4>
                            <ul>
                                {s.missing.iter().filter_map(|id| {
                                    let comp = b.competencies.iter().find(|c| &c.id == id)?;
                                    let id = id.clone();
                                    Some(view! {
                                        <li>
                                            <span class="competency-label">{comp.label.clone()}</span>
                                            " — "
                                            <span class="muted">{move || answer_text(lang.get(), work.with(|a| a.rating(&id)))}</span>
                                        </li>
                                    })
                                }).collect_view()}
                            </ul>
                            <p><strong>{t(Msg::MissingJury)}</strong>" "
                                {
                                    // The evaluation modalities are in the whole fiche (`ui::fiches`).
                                    let (cert_code, bloc_code) = (cert.code.clone(), b.code.clone());
                                    move || match fiches.get(&cert_code) {
                                        FicheState::Ready(full) => match full.blocs.iter().find(|x| x.code == bloc_code).and_then(|x| x.assessment.as_ref()) {
                                            Some(list) if !list.is_empty() => list.join(" ; "),
                                            _ => t(Msg::NotStated)().to_owned(),
                                        },
                                        FicheState::Loading => t(Msg::FicheLoading)().to_owned(),
                                        FicheState::Failed(_) => t(Msg::ModalitiesUnavailable)().to_owned(),
                                    }
                                }
                            </p>
                        </div>
                    }).collect_view().into_any()
                }
            }
        </section>
    }
}
