//! `#/comparer`: the selected certifications side by side (readiness, ready blocs, answers),
//! then their alike competencies grouped in rows, with the user's answer in each cell.

use leptos::prelude::*;

use crate::core::compare::alike_rows;
use crate::core::scoring::score_selection;
use crate::i18n::{answer_text, percent_text, Msg};
use crate::ui::context::{lang, t};
use crate::ui::selected::{selected_catalogue, SelectionStatus};
use crate::ui::title::use_title;
use crate::ui::work::{alike, my_work};

#[component]
pub fn ComparePage() -> impl IntoView {
    let cat = selected_catalogue();
    let work = my_work();
    let lang = lang();
    use_title(move || Msg::CompareTitle.text(lang.get()).to_owned());
    let selection = Memo::new(move |_| work.with(|a| a.selection.clone()));
    let scores = Memo::new(move |_| work.with(|a| score_selection(cat(), a)));
    let rows = Memo::new(move |_| selection.with(|sel| alike_rows(cat(), alike(cat()), sel)));

    view! {
        <div class="page compare">
            <h1 tabindex="-1">{t(Msg::CompareTitle)}</h1>
            <SelectionStatus />
            <p class="lead">{t(Msg::CompareIntro)}</p>
            {move || {
                let sel = selection.get();
                if sel.len() < 2 {
                    return view! { <p class="empty">{t(Msg::CompareNeedTwo)}</p> }.into_any();
                }
                let all = scores.get();
                let header = sel.iter().map(|c| {
                    let title = cat().get(c).map(|x| x.title.clone()).unwrap_or_default();
                    view! { <th scope="col"><span class="code">{c.clone()}</span><br />{title}</th> }
                }).collect_view();
                let header2 = sel.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view();
                let readiness = all.iter().map(|s| { let r = s.readiness; view! { <td>{move || percent_text(lang.get(), r)}</td> } }).collect_view();
                let ready = all.iter().map(|s| view! { <td>{format!("{} / {}", s.ready_blocs, s.blocs.len())}</td> }).collect_view();
                let rated = all.iter().map(|s| view! { <td>{format!("{} / {}", s.rated, s.total)}</td> }).collect_view();
                let groups = rows.get();
                view! {
                    <h2 id="compare-summary">{t(Msg::CompareSummary)}</h2>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare-summary">
                        <table data-testid="compare-summary">
                            <thead><tr><td></td>{header}</tr></thead>
                            <tbody>
                                <tr><th scope="row">{t(Msg::CompareRowReadiness)}</th>{readiness}</tr>
                                <tr><th scope="row">{t(Msg::CompareRowReady)}</th>{ready}</tr>
                                <tr><th scope="row">{t(Msg::CompareRowRated)}</th>{rated}</tr>
                            </tbody>
                        </table>
                    </div>
                    <h2 id="compare-alike">{t(Msg::CompareAlikeTitle)}</h2>
                    {if groups.is_empty() {
                        view! { <p class="muted">{t(Msg::CompareAlikeNone)}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare-alike">
                                <table data-testid="compare-alike">
                                    <caption>{t(Msg::CompareAlikeCaption)}</caption>
                                    <thead><tr><td></td>{header2}</tr></thead>
                                    <tbody>
                                        {groups.into_iter().enumerate().map(|(i, row)| view! {
                                            <tr>
                                                <th scope="row">{move || Msg::CompareGroup.fill(lang.get(), &[("n", &(i + 1).to_string())])}</th>
                                                {row.cells.into_iter().map(|ids| view! {
                                                    <td>
                                                        <ul class="plain">
                                                            {ids.into_iter().filter_map(|id| {
                                                                let (_, comp) = cat().competency(&id)?;
                                                                Some(view! {
                                                                    <li>
                                                                        <span class="competency-label">{comp.label.clone()}</span>
                                                                        <br />
                                                                        <span class="muted">{move || answer_text(lang.get(), work.with(|a| a.rating(&id)))}</span>
                                                                    </li>
                                                                })
                                                            }).collect_view()}
                                                        </ul>
                                                    </td>
                                                }).collect_view()}
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                }
                .into_any()
            }}
        </div>
    }
}
