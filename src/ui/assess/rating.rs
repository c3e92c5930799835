//! The rating control of one competency: a real radio group (fieldset + legend, arrow keys move
//! between answers), a way back to "not answered", an optional concrete example, the
//! experiences linked as evidence, and the offer to apply the answer to alike competencies.

use leptos::prelude::*;

use crate::core::assessment::{next_unrated, Level, MAX_NOTE_CHARS};
use crate::core::compare::alike_to_update;
use crate::core::model::Competency;
use crate::core::route::Route;
use crate::i18n::{level_msg, Msg};
use crate::ui::browser;
use crate::ui::context::{lang, t};
use crate::ui::notice::{notices, NoticeKind};
use crate::ui::selected::selected_catalogue;
use crate::ui::work::{alike, edit, edit_if, my_work, work_slices};

#[component]
pub fn CompetencyRating(competency: &'static Competency) -> impl IntoView {
    let cat = selected_catalogue();
    let work = my_work();
    let lang = lang();
    let notices = notices();
    let id = competency.id.as_str();
    let slices = work_slices();
    let rating = Memo::new(move |_| slices.ratings.with(|r| r.get(id).copied()));
    let legend_id = format!("legend-{id}");
    let note_id = format!("note-{id}");
    let note_hint_id = format!("note-hint-{id}");

    // Alike competencies in the other selected certifications whose answer differs.
    let alike_pending = Memo::new(move |_| {
        let Some(level) = rating.get() else {
            return Vec::new();
        };
        // What `alike_to_update` reads: the selection and the ratings.
        slices.selection.track();
        slices.ratings.track();
        work.with_untracked(|a| {
            alike_to_update(cat(), alike(cat()), a, id, level)
                .into_iter()
                .filter_map(|other| cat().competency(other))
                .map(|(c, comp)| (c.code.clone(), comp.id.clone(), comp.label.clone()))
                .collect::<Vec<_>>()
        })
    });

    let radios = Level::ALL
        .into_iter()
        .map(|level| {
            let input_id = format!("{id}-{}", level.as_str());
            let for_id = input_id.clone();
            view! {
                <div class="rating__option">
                    <input
                        type="radio"
                        id=input_id
                        name=id
                        value=level.as_str()
                        prop:checked=move || rating.get() == Some(level)
                        on:change=move |_| {
                            edit(work, notices, |a| a.rate(id, Some(level)));
                        }
                    />
                    <label for=for_id>{t(level_msg(level))}</label>
                </div>
            }
        })
        .collect_view();

    // Where "next unanswered" goes: computed from the ratings slice only.
    let cert = cat().competency(id).map(|(cert, _)| cert);
    let next = Memo::new(move |_| {
        let cert = cert?;
        slices
            .ratings
            .with(|r| next_unrated(cert, r, id).map(str::to_owned))
    });
    let note_text = Memo::new(move |_| {
        slices
            .notes
            .with(|n| n.get(id).cloned().unwrap_or_default())
    });
    let evidence = Memo::new(move |_| {
        slices
            .evidence
            .with(|e| e.get(id).cloned().unwrap_or_default())
    });

    view! {
        <fieldset class="rating" data-testid="rating" data-id=id aria-describedby=move || rating.get().is_none().then(|| format!("{id}-unrated"))>
            <legend id=legend_id><span class="competency-label">{competency.label.clone()}</span></legend>
            <div class="rating__options">{radios}</div>
            <p class="rating__state">
                {move || next.get().map(|next_id| {
                    let target = format!("#{next_id}-{}", Level::ALL[0].as_str());
                    view! {
                        <button type="button" class="button button--link" data-testid="next-unrated"
                            on:click=move |_| browser::focus(&target)>
                            {t(Msg::NextUnrated)}" ↓"
                        </button>
                    }
                })}
                {move || match rating.get() {
                    None => view! { <span id=format!("{id}-unrated") class="muted">{t(Msg::Unrated)}</span> }.into_any(),
                    Some(_) => view! {
                        <button type="button" class="button button--link" on:click=move |_| { edit(work, notices, |a| a.rate(id, None)); }>
                            {t(Msg::ClearAnswer)}
                        </button>
                    }
                    .into_any(),
                }}
            </p>
            {move || {
                let pending = alike_pending.get();
                let level = rating.get()?;
                if pending.is_empty() {
                    return None;
                }
                let ids: Vec<String> = pending.iter().map(|(_, cid, _)| cid.clone()).collect();
                let n = ids.len();
                Some(view! {
                    <div class="alike-offer" data-testid="alike-offer">
                        <p>{t(Msg::AlikeOffer)}</p>
                        <ul>
                            {pending.into_iter().map(|(code, _, label)| view! {
                                <li><span class="code">{code}</span>" "<span class="competency-label">{label}</span></li>
                            }).collect_view()}
                        </ul>
                        <button type="button" class="button button--secondary button--small" on:click=move |_| {
                            let mut applied = 0;
                            edit_if(work, |a| {
                                applied = a.apply_to_alike(level, &ids);
                                applied > 0
                            });
                            notices.push(NoticeKind::Success, Msg::AlikeApplied, vec![("n", applied.to_string())]);
                        }>
                            {move || {
                                let msg = if n == 1 { Msg::AlikeApplyOne } else { Msg::AlikeApply };
                                msg.fill(lang.get(), &[("level", level_msg(level).text(lang.get())), ("n", &n.to_string())])
                            }}
                        </button>
                    </div>
                })
            }}
            {move || {
                let list = evidence.get();
                (!list.is_empty()).then(|| view! {
                    <div class="evidence" data-testid="evidence">
                        <span>{t(Msg::ShownBy)}</span>" "
                        <ul class="chips">
                            {list.into_iter().map(|(exp_id, title)| {
                                let label = title.clone();
                                view! {
                                    <li class="chip">
                                        <a href=Route::Experiences.to_hash()>{title}</a>
                                        <button type="button" class="chip__remove"
                                            aria-label=move || Msg::Unlink.fill(lang.get(), &[("title", &label)])
                                            on:click=move |_| { edit_if(work, |a| a.unlink_evidence(exp_id, id)); }>"×"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <details class="note" prop:open=move || !note_text.with(String::is_empty)>
                <summary>{move || if note_text.with(String::is_empty) { t(Msg::NoteSummary)() } else { t(Msg::NoteSummaryFilled)() }}</summary>
                <label for=note_id.clone()>{move || Msg::NoteLabel.fill(lang.get(), &[("label", &competency.label)])}</label>
                <p class="hint" id=note_hint_id.clone()>{t(Msg::NoteHint)}</p>
                <textarea
                    id=note_id
                    aria-describedby=note_hint_id
                    rows="3"
                    maxlength=MAX_NOTE_CHARS.to_string()
                    prop:value=move || note_text.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        edit(work, notices, |a| a.set_note(id, &text));
                    }
                ></textarea>
            </details>
        </fieldset>
    }
}
