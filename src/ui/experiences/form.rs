//! The form to add or edit an experience. Validation is the core's (`Experience::validate`);
//! errors are shown next to the form and nothing is lost.

use leptos::prelude::*;

use crate::core::assessment::{
    Experience, ExperienceKind, YearMonth, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS,
};
use crate::i18n::{kind_msg, Msg};
use crate::ui::context::{lang, t};
use crate::ui::errors::{refusal, Refusal};
use crate::ui::work::my_work;

/// `existing`: the experience to edit, or `None` to add one. `on_done` runs after a save with
/// the experience id.
#[component]
pub fn ExperienceForm(
    existing: Option<Experience>,
    on_done: Callback<u32>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let work = my_work();
    let lang = lang();
    let prefix = existing
        .as_ref()
        .map_or_else(|| "new".to_owned(), |e| e.id.to_string());
    let title = RwSignal::new(
        existing
            .as_ref()
            .map(|e| e.title.clone())
            .unwrap_or_default(),
    );
    let kind = RwSignal::new(existing.as_ref().map_or(ExperienceKind::Emploi, |e| e.kind));
    let start = RwSignal::new(
        existing
            .as_ref()
            .and_then(|e| e.start)
            .map(|m| m.iso())
            .unwrap_or_default(),
    );
    let end = RwSignal::new(
        existing
            .as_ref()
            .and_then(|e| e.end)
            .map(|m| m.iso())
            .unwrap_or_default(),
    );
    let description = RwSignal::new(
        existing
            .as_ref()
            .map(|e| e.description.clone())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<Refusal>);
    let editing = existing.as_ref().map(|e| e.id);
    let id = move |name: &str| format!("exp-{prefix}-{name}");
    let (id_title, id_kind, id_start, id_end, id_desc, id_desc_hint, id_title_hint, id_error) = (
        id("title"),
        id("kind"),
        id("start"),
        id("end"),
        id("description"),
        id("description-hint"),
        id("title-hint"),
        id("error"),
    );

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let month = |s: String| -> Result<Option<YearMonth>, Msg> {
            let s = s.trim().to_owned();
            if s.is_empty() {
                Ok(None)
            } else {
                YearMonth::parse(&s).map(Some).ok_or(Msg::ErrBadMonth)
            }
        };
        let (start_month, end_month) =
            match (month(start.get_untracked()), month(end.get_untracked())) {
                (Ok(s), Ok(e)) => (s, e),
                (Err(m), _) | (_, Err(m)) => {
                    error.set(Some(Refusal { msg: m, max: None }));
                    return;
                }
            };
        let exp = Experience {
            id: editing.unwrap_or(0),
            title: title.get_untracked().trim().to_owned(),
            kind: kind.get_untracked(),
            start: start_month,
            end: end_month,
            description: description.get_untracked(),
        };
        // Refused (empty title, end before start…): nothing changes, the form says why.
        let result = work
            .try_maybe_update(|a| {
                let r = match editing {
                    Some(eid) => a.update_experience(exp.clone()).map(|()| eid),
                    None => a.add_experience(exp.clone()),
                };
                (r.is_ok(), r)
            })
            .unwrap_or(Err(crate::core::assessment::AssessmentError::TitleEmpty));
        match result {
            Ok(new_id) => {
                error.set(None);
                if editing.is_none() {
                    title.set(String::new());
                    start.set(String::new());
                    end.set(String::new());
                    description.set(String::new());
                }
                on_done.run(new_id);
            }
            Err(e) => error.set(Some(refusal(&e))),
        }
    };

    view! {
        <form class="experience-form" on:submit=submit novalidate>
            <div class="field">
                <label for=id_title.clone()>{t(Msg::ExpFieldTitle)}</label>
                <p class="hint" id=id_title_hint.clone()>{t(Msg::ExpFieldTitleHint)}</p>
                <input id=id_title type="text" required maxlength=MAX_TITLE_CHARS.to_string() aria-describedby=id_title_hint
                    prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=id_kind.clone()>{t(Msg::ExpFieldKind)}</label>
                <select id=id_kind prop:value=move || kind.get().as_str()
                    on:change=move |ev| if let Some(k) = ExperienceKind::parse(&event_target_value(&ev)) { kind.set(k) }>
                    {ExperienceKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str()>{t(kind_msg(k))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for=id_start.clone()>{t(Msg::ExpFieldStart)}</label>
                    <input id=id_start type="month" placeholder="2024-09" prop:value=move || start.get()
                        on:input=move |ev| start.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for=id_end.clone()>{t(Msg::ExpFieldEnd)}</label>
                    <input id=id_end type="month" placeholder="2025-06" prop:value=move || end.get()
                        on:input=move |ev| end.set(event_target_value(&ev)) />
                </div>
            </div>
            <div class="field">
                <label for=id_desc.clone()>{t(Msg::ExpFieldDescription)}</label>
                <p class="hint" id=id_desc_hint.clone()>{t(Msg::ExpFieldDescriptionHint)}</p>
                <textarea id=id_desc rows="6" maxlength=MAX_DESCRIPTION_CHARS.to_string() aria-describedby=id_desc_hint
                    prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            </div>
            {move || error.get().map(|m| view! { <p class="form-error" role="alert" id=id_error.clone()>{move || m.text(lang.get())}</p> })}
            <div class="actions">
                <button type="submit" class="button">{t(if editing.is_some() { Msg::ExpSave } else { Msg::ExpAdd })}</button>
                {on_cancel.map(|cb| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| cb.run(())>{t(Msg::Cancel)}</button>
                })}
            </div>
        </form>
    }
}
