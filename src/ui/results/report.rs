//! `#/rapport`: a report a conseiller can read, printed or saved as PDF by the browser: the
//! date, the selection, every bloc's answers with their VAE meaning and the user's examples,
//! the readiness, and the experiences.

use leptos::prelude::*;

use crate::core::scoring::score_cert;
use crate::i18n::{answer_text, colon, date, kind_msg, percent_text, period_text, vae_msg, Msg};
use crate::ui::browser;
use crate::ui::context::{env, lang, t};
use crate::ui::selected::{selected_catalogue, SelectionStatus};
use crate::ui::selection::NoSelection;
use crate::ui::title::use_title;
use crate::ui::work::my_work;

#[component]
pub fn ReportPage() -> impl IntoView {
    let env = env();
    let cat = selected_catalogue();
    let work = my_work();
    let lang = lang();
    use_title(move || Msg::ReportTitle.text(lang.get()).to_owned());
    let print = move |_| {
        if let Err(e) = browser::print() {
            leptos::logging::warn!("print failed: {e}");
        }
    };
    view! {
        <div class="page report" data-testid="report">
            <h1 tabindex="-1">{t(Msg::ReportTitle)}</h1>
            <p class="no-print">{t(Msg::ReportIntro)}</p>
            <p class="no-print"><button type="button" class="button" on:click=print>{t(Msg::ReportPrint)}</button></p>
            <p>{move || Msg::ReportDate.fill(lang.get(), &[("date", &date(lang.get(), env.today))])}</p>
            // A fiche still on its way would leave its certification out of a printed report.
            <SelectionStatus />
            {move || work.with(|a| {
                if a.selection.is_empty() {
                    return view! { <NoSelection /> }.into_any();
                }
                let l = lang.get();
                let certs = a.selection.iter().filter_map(|code| cat().get(code)).map(|cert| {
                    let score = score_cert(cert, a);
                    let blocs = cert.blocs.iter().zip(score.blocs.iter()).map(|(b, s)| {
                        let rows = b.competencies.iter().map(|c| {
                            let level = a.rating(&c.id);
                            view! {
                                <tr>
                                    <th scope="row"><span class="competency-label">{c.label.clone()}</span></th>
                                    <td>{answer_text(l, level)}</td>
                                    <td>{level.map_or("—", |lv| vae_msg(lv.vae()).text(l))}</td>
                                    <td>{a.note(&c.id).unwrap_or("").to_owned()}</td>
                                </tr>
                            }
                        }).collect_view();
                        let heading_id = format!("report-{}", b.code);
                        view! {
                            <h3 id=heading_id.clone()><span class="code">{b.code.clone()}</span>" "{b.title.clone()}" — "{percent_text(l, s.readiness)}
                                {s.ready.then(|| format!(" · {}", Msg::BlocReady.text(l)))}</h3>
                            <div class="table-wrap" tabindex="0" role="region" aria-labelledby=heading_id>
                            <table class="report-table">
                                <thead><tr>
                                    <th scope="col">{Msg::ReportCompetency.text(l)}</th>
                                    <th scope="col">{Msg::YourAnswer.text(l)}</th>
                                    <th scope="col">{Msg::VaeColumn.text(l)}</th>
                                    <th scope="col">{Msg::ReportNote.text(l)}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                            </div>
                        }
                    }).collect_view();
                    view! {
                        <section class="report-cert">
                            <h2><span class="code">{cert.code.clone()}</span>" "{cert.title.clone()}</h2>
                            <p><strong>{Msg::ReadinessLabel.text(l)}{colon(l)}</strong>{percent_text(l, score.readiness)}</p>
                            {blocs}
                        </section>
                    }
                }).collect_view();
                let experiences = a.experiences.iter().map(|e| {
                    let period = period_text(l, e.start, e.end).map(|p| format!(" · {p}")).unwrap_or_default();
                    view! {
                        <li>
                            <strong>{e.title.clone()}</strong>" ("{kind_msg(e.kind).text(l)}{period}")"
                            {(!e.description.is_empty()).then(|| view! { <p>{e.description.clone()}</p> })}
                        </li>
                    }
                }).collect_view();
                view! {
                    <h2>{Msg::ReportSelection.text(l)}</h2>
                    <ul>{a.selection.iter().filter_map(|c| cat().get(c)).map(|c| view! { <li>{c.code.clone()}" — "{c.title.clone()}</li> }).collect_view()}</ul>
                    {certs}
                    <h2>{Msg::ReportExperiences.text(l)}</h2>
                    {if a.experiences.is_empty() { view! { <p>{Msg::ExpNone.text(l)}</p> }.into_any() } else { view! { <ul>{experiences}</ul> }.into_any() }}
                }
                .into_any()
            })}
        </div>
    }
}
