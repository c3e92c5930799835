//! `#/experiences`: the user's experiences, each with the competencies it may show (from the
//! core's matcher, restricted to the selection), to link or dismiss.

use leptos::prelude::*;

use super::form::ExperienceForm;
use crate::core::evidence::{
    anything_stands_out, prefill_level, snippet, suggestions_for, SUGGESTIONS_SHOWN,
};
use crate::core::matching::Strength;
use crate::i18n::{kind_msg, level_msg, period_text, Msg};
use crate::ui::browser;
use crate::ui::context::{lang, t};
use crate::ui::highlight::Highlighted;
use crate::ui::notice::{notices, NoticeKind};
use crate::ui::selected::{selected_catalogue, SelectionStatus};
use crate::ui::title::use_title;
use crate::ui::work::{edit, edit_if, matcher, matcher_is_prepared, my_work, prepare_matcher};

/// The words of a suggestion's strength.
fn strength_msg(strength: Strength) -> Msg {
    match strength {
        Strength::Strong => Msg::SuggestionStrong,
        Strength::Possible => Msg::SuggestionPossible,
    }
}

/// The strength as a `data-strength` value (for styles and tests).
fn strength_key(strength: Strength) -> &'static str {
    match strength {
        Strength::Strong => "forte",
        Strength::Possible => "possible",
    }
}

#[component]
pub fn ExperiencesPage() -> impl IntoView {
    let work = my_work();
    let lang = lang();
    let notices = notices();
    use_title(move || Msg::ExpTitle.text(lang.get()).to_owned());
    let ids =
        Memo::new(move |_| work.with(|a| a.experiences.iter().map(|e| e.id).collect::<Vec<_>>()));
    // The matcher's examples are read in slices while the page is shown (see
    // `ui::work::prepare_matcher`); the cards wait for them.
    let ready = RwSignal::new(matcher_is_prepared());
    provide_context(MatcherReady(ready));
    if !ready.get_untracked() {
        prepare_matcher(move || {
            let _ = ready.try_set(true);
        });
    }
    let on_added = Callback::new(move |id: u32| {
        notices.push(NoticeKind::Success, Msg::ExpAdded, vec![]);
        request_animation_frame(move || browser::focus(&format!("#experience-{id} h2")));
    });
    view! {
        <div class="page experiences">
            <h1 tabindex="-1">{t(Msg::ExpTitle)}</h1>
            <SelectionStatus />
            <p class="lead">{t(Msg::ExpIntro)}</p>
            <section class="panel" aria-labelledby="exp-add-title">
                <h2 id="exp-add-title">{t(Msg::ExpAdd)}</h2>
                <ExperienceForm existing=None on_done=on_added />
            </section>
            {move || ids.with(Vec::is_empty).then(|| view! { <p class="empty">{t(Msg::ExpNone)}</p> })}
            <For each=move || ids.get() key=|id| *id let:id>
                <ExperienceCard id />
            </For>
        </div>
    }
}

/// Whether the experience matcher can be built at once (its examples are read).
#[derive(Clone, Copy)]
struct MatcherReady(RwSignal<bool>);

#[component]
fn ExperienceCard(id: u32) -> impl IntoView {
    let ready = use_context::<MatcherReady>().map(|r| r.0);
    let ready = move || ready.is_none_or(|r| r.get());
    let cat = selected_catalogue();
    let work = my_work();
    let lang = lang();
    let notices = notices();
    let exp = Memo::new(move |_| work.with(|a| a.experience(id).cloned()));
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let suggestions = Memo::new(move |_| {
        let Some(e) = exp.get() else {
            return Vec::new();
        };
        if !ready() {
            return Vec::new();
        }
        work.with(|a| suggestions_for(matcher(cat()), cat(), a, &e, SUGGESTIONS_SHOWN))
    });
    // Whether anything stands out at all (linked or dismissed suggestions included).
    let stands_out = Memo::new(move |_| {
        let Some(e) = exp.get() else {
            return false;
        };
        if !ready() {
            return true;
        }
        work.with(|a| anything_stands_out(matcher(cat()), cat(), a, &e))
    });
    let linked = Memo::new(move |_| {
        work.with(|a| {
            a.competencies_shown_by(id)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
    });
    let has_selection = Memo::new(move |_| work.with(|a| !a.selection.is_empty()));
    let heading_id = format!("experience-{id}-title");
    let labelled_by = heading_id.clone();

    view! {
        <article class="experience" id=format!("experience-{id}") aria-labelledby=labelled_by data-testid="experience">
            {move || exp.get().map(|e| {
                let title = e.title.clone();
                let del_title = e.title.clone();
                view! {
                    <h2 id=heading_id.clone() tabindex="-1">{e.title.clone()}</h2>
                    <p class="muted">
                        {move || kind_msg(e.kind).text(lang.get())}
                        {let e2 = e.clone(); move || period_text(lang.get(), e2.start, e2.end).map(|p| format!(" · {p}"))}
                    </p>
                    {(!e.description.is_empty()).then(|| view! { <p class="experience__description">{e.description.clone()}</p> })}
                    <div class="actions">
                        <button type="button" class="button button--secondary button--small"
                            aria-label=move || Msg::ExpEditTitle.fill(lang.get(), &[("title", &title)])
                            on:click=move |_| editing.set(true)>{t(Msg::ExpEdit)}</button>
                        <button type="button" class="button button--secondary button--small" on:click=move |_| confirming.set(true)>{t(Msg::ExpDelete)}</button>
                    </div>
                    {move || confirming.get().then(|| {
                        let del_title = del_title.clone();
                        view! {
                            <div class="confirm" role="alertdialog" aria-label=t(Msg::ExpDelete)>
                                <p>{move || Msg::ExpDeleteConfirm.fill(lang.get(), &[("title", &del_title)])}</p>
                                <button type="button" class="button button--danger" on:click=move |_| { edit_if(work, |a| a.remove_experience(id)); }>{t(Msg::ExpDeleteYes)}</button>
                                " "
                                <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{t(Msg::Cancel)}</button>
                            </div>
                        }
                    })}
                }
            })}
            {move || (editing.get()).then(|| exp.get()).flatten().map(|e| view! {
                <ExperienceForm existing=Some(e) on_done=Callback::new(move |_| editing.set(false))
                    on_cancel=Callback::new(move |()| editing.set(false)) />
            })}
            <section class="suggestions" aria-labelledby=format!("sugg-{id}") data-testid="suggestions">
                <h3 id=format!("sugg-{id}")>{t(Msg::SuggestionsTitle)}</h3>
                {move || {
                    if !has_selection.get() {
                        return view! { <p class="muted">{t(Msg::SuggestionsNoSelection)}</p> }.into_any();
                    }
                    if !ready() {
                        return view! { <p class="muted" role="status">{t(Msg::SuggestionsPending)}</p> }.into_any();
                    }
                    let list = suggestions.get();
                    if list.is_empty() {
                        if !stands_out.get() {
                            return view! {
                                <div class="suggestions__nothing" data-testid="nothing-stands-out">
                                    <p>{t(Msg::SuggestionsNothing)}</p>
                                    <p class="muted">{t(Msg::SuggestionsNothingAdvice)}</p>
                                </div>
                            }.into_any();
                        }
                        return view! { <p class="muted">{t(Msg::SuggestionsNone)}</p> }.into_any();
                    }
                    let description = exp.with(|e| e.as_ref().map(|e| e.description.clone()).unwrap_or_default());
                    let kind = exp.with(|e| e.as_ref().map(|e| e.kind));
                    view! {
                        <ul class="suggestion-list">
                            {list.into_iter().map(|s| {
                                let Some((cert, comp)) = cat().competency(&s.competency_id) else { return ().into_any() };
                                let (excerpt, ranges) = snippet(&description, &s.matched, 220);
                                let cid = s.competency_id.clone();
                                let cid2 = cid.clone();
                                let data_id = cid.clone();
                                let label = comp.label.clone();
                                let label2 = comp.label.clone();
                                let terms = s.matched_terms.join(", ");
                                let words_msg = if s.by_examples { Msg::SuggestionWordsExamples } else { Msg::SuggestionWords };
                                let strength = s.strength;
                                view! {
                                    <li class="suggestion" data-testid="suggestion" data-id=data_id data-strength=strength_key(strength)>
                                        <p class="suggestion__strength">{t(strength_msg(strength))}</p>
                                        <p class="suggestion__label"><span class="code">{cert.code.clone()}</span>" "<span class="competency-label">{comp.label.clone()}</span></p>
                                        <p class="suggestion__words">{t(words_msg)}" "<mark>{terms}</mark></p>
                                        {(!ranges.is_empty()).then(|| view! {
                                            <p class="suggestion__excerpt"><Highlighted text=excerpt ranges /></p>
                                        })}
                                        <div class="actions">
                                            <button type="button" class="button button--small" data-testid="accept"
                                                aria-label=move || Msg::SuggestionAcceptLabel.fill(lang.get(), &[("label", &label)])
                                                on:click=move |_| {
                                                    let level = kind.map(prefill_level).unwrap_or(crate::core::assessment::Level::WithHelp);
                                                    if edit(work, notices, |a| a.accept_suggestion(id, &cid, level)) == Some(true) {
                                                        notices.push(NoticeKind::Success, Msg::SuggestionAccepted, vec![("level", level_msg(level).text(lang.get_untracked()).to_owned())]);
                                                    }
                                                }>{t(Msg::SuggestionAccept)}</button>
                                            <button type="button" class="button button--secondary button--small" data-testid="dismiss"
                                                aria-label=move || Msg::SuggestionDismissLabel.fill(lang.get(), &[("label", &label2)])
                                                on:click=move |_| { edit(work, notices, |a| a.dismiss_suggestion(id, &cid2)); }>{t(Msg::SuggestionDismiss)}</button>
                                        </div>
                                    </li>
                                }.into_any()
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
            <section class="linked" aria-labelledby=format!("linked-{id}") data-testid="linked">
                <h3 id=format!("linked-{id}")>{t(Msg::LinkedTitle)}</h3>
                {move || {
                    let list = linked.get();
                    if list.is_empty() {
                        return view! { <p class="muted">{t(Msg::LinkedNone)}</p> }.into_any();
                    }
                    view! {
                        <ul class="linked-list">
                            {list.into_iter().filter_map(|cid| {
                                let (cert, comp) = cat().competency(&cid)?;
                                let label = comp.label.clone();
                                let data_id = cid.clone();
                                Some(view! {
                                    <li data-testid="linked-competency" data-id=data_id>
                                        <span class="code">{cert.code.clone()}</span>" "<span class="competency-label">{comp.label.clone()}</span>" "
                                        <button type="button" class="button button--link"
                                            aria-label=move || Msg::UnlinkLabel.fill(lang.get(), &[("label", &label)])
                                            on:click=move |_| { edit_if(work, |a| a.unlink_evidence(id, &cid)); }>{t(Msg::UnlinkShort)}</button>
                                    </li>
                                })
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        </article>
    }
}
