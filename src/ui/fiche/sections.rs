//! The sections of a fiche below its header.

use leptos::prelude::*;

use crate::core::catalogue::LinkTarget;
use crate::core::model::{AccessRouteKind, Bloc, Certification, CodeLabel};
use crate::core::route::Route;
use crate::i18n::Msg;
use crate::ui::context::{env, lang, t};

/// A text split into paragraphs on blank lines / line breaks; "not stated" when unknown.
pub fn paragraphs(text: Option<&str>) -> AnyView {
    match text {
        None => view! { <p class="muted">{t(Msg::NotStated)}</p> }.into_any(),
        Some(text) => text
            .split('\n')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| view! { <p>{p.to_owned()}</p> })
            .collect_view()
            .into_any(),
    }
}

#[component]
pub fn TextSection(id: &'static str, title: Msg, text: Option<String>) -> impl IntoView {
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <section aria-labelledby=labelled_by class="fiche__section">
            <h2 id=heading>{t(title)}</h2>
            {paragraphs(text.as_deref())}
        </section>
    }
}

#[component]
pub fn BlocSection(bloc: &'static Bloc) -> impl IntoView {
    let heading = format!("bloc-{}", bloc.code);
    let labelled_by = heading.clone();
    view! {
        <section class="bloc" aria-labelledby=labelled_by data-testid="bloc" data-code=bloc.code.clone()>
            <h3 id=heading>
                <span class="bloc__code">{bloc.code.clone()}</span>
                " "
                <span class="bloc__title">{bloc.title.clone()}</span>
            </h3>
            {bloc.code_assigned.then(|| view! { <p class="muted small">{t(Msg::BlocCodeAssigned)}</p> })}
            <div class="bloc__body">
                <div>
                    <h4>{t(Msg::BlocCompetencies)}</h4>
                    <ol class="competencies">
                        {bloc.competencies.iter().map(|c| view! {
                            <li id=c.id.clone() class="competency">{c.label.clone()}</li>
                        }).collect_view()}
                    </ol>
                </div>
                <div>
                    <h4>{t(Msg::BlocAssessment)}</h4>
                    {match &bloc.assessment {
                        None => view! { <p class="muted">{t(Msg::NotStated)}</p> }.into_any(),
                        Some(list) => view! {
                            <ul>{list.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
                        }.into_any(),
                    }}
                </div>
            </div>
        </section>
    }
}

fn code_list(list: Option<&[CodeLabel]>) -> AnyView {
    match list {
        None => view! { <p class="muted">{t(Msg::NotStated)}</p> }.into_any(),
        Some([]) => view! { <p class="muted">{t(Msg::NoneStated)}</p> }.into_any(),
        Some(list) => view! {
            <ul class="codes">
                {list.iter().map(|c| view! {
                    <li><span class="code">{c.code.clone()}</span>" "{c.label.clone()}</li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}

#[component]
pub fn CodesSection(cert: &'static Certification) -> impl IntoView {
    view! {
        <section aria-labelledby="codes-title" class="fiche__section">
            <h2 id="codes-title">{t(Msg::SectionCodes)}</h2>
            <h3>{t(Msg::CodesRome)}</h3>
            {code_list(cert.rome.as_deref())}
            <h3>{t(Msg::CodesNsf)}</h3>
            {code_list(cert.nsf.as_deref())}
            <h3>{t(Msg::CodesFormacode)}</h3>
            {code_list(cert.formacodes.as_deref())}
        </section>
    }
}

fn route_name(kind: AccessRouteKind) -> Msg {
    match kind {
        AccessRouteKind::InitialTraining => Msg::RouteInitialTraining,
        AccessRouteKind::Apprenticeship => Msg::RouteApprenticeship,
        AccessRouteKind::ContinuingTraining => Msg::RouteContinuingTraining,
        AccessRouteKind::ProfessionalisationContract => Msg::RouteProfessionalisation,
        AccessRouteKind::IndividualApplication => Msg::RouteIndividual,
        AccessRouteKind::Vae => Msg::RouteVae,
    }
}

#[component]
pub fn AccessSection(cert: &'static Certification) -> impl IntoView {
    view! {
        <section aria-labelledby="access-title" class="fiche__section">
            <h2 id="access-title">{t(Msg::SectionAccess)}</h2>
            {match &cert.access_routes {
                None => view! { <p class="muted">{t(Msg::NotStated)}</p> }.into_any(),
                Some(routes) => view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="access-title">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t(Msg::AccessRoute)}</th>
                                    <th scope="col">{t(Msg::AccessOpen)}</th>
                                    <th scope="col">{t(Msg::AccessJury)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {routes.iter().map(|r| view! {
                                    <tr>
                                        <th scope="row">{t(route_name(r.route))}</th>
                                        <td>{t(if r.open { Msg::Yes } else { Msg::No })}</td>
                                        <td>{r.jury.clone().unwrap_or_else(|| "—".to_owned())}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any(),
            }}
            {cert.equivalences.as_ref().filter(|e| !e.is_empty()).map(|list| view! {
                <h3>{t(Msg::Equivalences)}</h3>
                <ul>{list.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
            })}
        </section>
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_else(|| "—".to_owned())
}

#[component]
pub fn StatsSection(cert: &'static Certification) -> impl IntoView {
    view! {
        <section aria-labelledby="stats-title" class="fiche__section">
            <h2 id="stats-title">{t(Msg::SectionStats)}</h2>
            {match &cert.statistics {
                None => view! { <p class="muted">{t(Msg::NotStated)}</p> }.into_any(),
                Some(rows) if rows.is_empty() => view! { <p class="muted">{t(Msg::NoneStated)}</p> }.into_any(),
                Some(rows) => view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="stats-title">
                        <table data-testid="stats">
                            <caption>{t(Msg::StatsCaption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(Msg::StatsYear)}</th>
                                    <th scope="col">{t(Msg::StatsCertified)}</th>
                                    <th scope="col">{t(Msg::StatsVae)}</th>
                                    <th scope="col">{t(Msg::StatsInsertion6)}</th>
                                    <th scope="col">{t(Msg::StatsJob6)}</th>
                                    <th scope="col">{t(Msg::StatsJob2y)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.iter().map(|r| view! {
                                    <tr>
                                        <th scope="row">{r.year}</th>
                                        <td>{opt(r.certified)}</td>
                                        <td>{opt(r.certified_by_vae)}</td>
                                        <td>{opt(r.insertion_rate_6_months)}</td>
                                        <td>{opt(r.insertion_in_job_6_months)}</td>
                                        <td>{opt(r.insertion_in_job_2_years)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}

fn lineage_links(targets: Vec<LinkTarget>) -> AnyView {
    let lang = lang();
    view! {
        <ul>
            {targets.into_iter().map(|target| match target {
                LinkTarget::Bundled { code, title } => {
                    let href = Route::Fiche(code.clone()).to_hash();
                    view! {
                        <li><a href=href data-testid="lineage-internal">{code}" — "{title}</a></li>
                    }.into_any()
                }
                LinkTarget::Official { code, title, url } => {
                    let label = {
                        let code = code.clone();
                        move || Msg::OfficialFicheLink.fill(lang.get(), &[("code", &code)])
                    };
                    view! {
                        <li>
                            <a href=url data-testid="lineage-official">{label}</a>
                            {title.map(|t| view! { " — "{t} })}
                            " "<span class="muted">{t(Msg::ExternalLinkNote)}</span>
                        </li>
                    }.into_any()
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn LineageSection(cert: &'static Certification) -> impl IntoView {
    let env = env();
    let previous = env.catalogue.predecessors(cert);
    let next = env.catalogue.successors(cert);
    let none = previous.is_empty() && next.is_empty();
    view! {
        <section aria-labelledby="lineage-title" class="fiche__section" data-testid="lineage">
            <h2 id="lineage-title">{t(Msg::SectionLineage)}</h2>
            {none.then(|| view! { <p class="muted">{t(Msg::LineageNone)}</p> })}
            {(!previous.is_empty()).then(|| view! { <h3>{t(Msg::LineagePrevious)}</h3>{lineage_links(previous)} })}
            {(!next.is_empty()).then(|| view! { <h3>{t(Msg::LineageNext)}</h3>{lineage_links(next)} })}
        </section>
    }
}
