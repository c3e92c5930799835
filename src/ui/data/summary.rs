//! What an assessment holds, in one sentence, and the replace / merge choice for incoming work.

use leptos::prelude::*;

use crate::core::assessment::Assessment;
use crate::i18n::{work_summary, Msg};
use crate::ui::context::{lang, t};
use crate::ui::notice::{notices, NoticeKind};
use crate::ui::work::my_work;

/// Shows what `incoming` holds and lets the user replace their work with it, merge it, or
/// cancel. `on_done` runs after any of the three.
#[component]
pub fn IncomingChoice(incoming: Assessment, found: Msg, on_done: Callback<()>) -> impl IntoView {
    let work = my_work();
    let lang = lang();
    let notices = notices();
    let shown = incoming.clone();
    let for_merge = incoming.clone();
    view! {
        <div class="confirm" role="group" aria-labelledby="incoming-summary" data-testid="incoming">
            <p id="incoming-summary">{move || work_summary(lang.get(), found, &shown)}</p>
            <p class="hint">{t(Msg::ImportReplaceWarning)}</p>
            <div class="actions">
                <button type="button" class="button" data-testid="replace" on:click=move |_| {
                    work.set(incoming.clone());
                    notices.push(NoticeKind::Success, Msg::ImportDone, vec![]);
                    on_done.run(());
                }>{t(Msg::ImportReplace)}</button>
                <button type="button" class="button button--secondary" data-testid="merge" on:click=move |_| {
                    let r = work.try_update(|a| a.merge(&for_merge)).unwrap_or_default();
                    // The counts are worded once, in the language of the moment.
                    let l = lang.get_untracked();
                    notices.push(NoticeKind::Success, Msg::MergeDone, vec![
                        ("added", l.plural(r.ratings_added, Msg::AnswersAddedOne, Msg::AnswersAddedMany)),
                        ("kept", l.plural(r.ratings_kept, Msg::AnswersKeptOne, Msg::AnswersKeptMany)),
                        ("experiences", l.plural(r.experiences_added, Msg::ExperiencesAddedOne, Msg::ExperiencesAddedMany)),
                    ]);
                    on_done.run(());
                }>{t(Msg::ImportMerge)}</button>
                <button type="button" class="button button--secondary" on:click=move |_| on_done.run(())>{t(Msg::Cancel)}</button>
            </div>
        </div>
    }
}
