//! `#/donnees`: download a copy, import a file or pasted content (replace or merge, after
//! confirmation), create a share link, erase everything (after confirmation), and recover a
//! copy of saved data that could not be read.

use leptos::html;
use leptos::prelude::*;

use super::offline::OfflineSection;
use super::summary::IncomingChoice;
use crate::core::assessment::Assessment;
use crate::core::codec::{
    encode_export, encode_share, read_incoming, CodecError, Incoming, Origin, MAX_SAVED_BYTES,
};
use crate::core::route::Route;
use crate::i18n::{work_summary, Msg};
use crate::ui::browser::{self, StorageKey};
use crate::ui::context::{env, lang, t};
use crate::ui::embed::chrome::StorageNote;
use crate::ui::errors::codec_error_msg;
use crate::ui::notice::{notices, NoticeKind};
use crate::ui::title::use_title;
use crate::ui::work::my_work;

/// Largest file read at all (bigger ones are refused before reading): the core's limit.
const MAX_IMPORT_BYTES: f64 = MAX_SAVED_BYTES as f64;

#[component]
pub fn DataPage() -> impl IntoView {
    let env = env();
    let work = my_work();
    let lang = lang();
    let notices = notices();
    use_title(move || Msg::DataTitle.text(lang.get()).to_owned());

    let incoming = RwSignal::new(None::<Assessment>);
    let pasted = RwSignal::new(String::new());
    let personal = RwSignal::new(false);
    let link = RwSignal::new(None::<String>);
    let confirming_clear = RwSignal::new(false);
    let backup = RwSignal::new(browser::load(StorageKey::WorkBackup));
    let file_input: NodeRef<html::Input> = NodeRef::new();
    let is_empty = Memo::new(move |_| work.with(Assessment::is_empty));

    // A download the browser refuses is said, not only logged: the user believes they have a copy.
    let download = move |name: &str, text: &str, mime: &str| {
        if let Err(e) = browser::download(name, text, mime) {
            leptos::logging::warn!("download failed: {e}");
            notices.push(NoticeKind::Error, Msg::DownloadFailed, vec![]);
        }
    };
    // (`try_set`: a file is read after an await, when the user may have left the page.)
    let refuse = move |e: CodecError| {
        incoming.try_set(None);
        notices.push_detailed(
            NoticeKind::Error,
            Msg::ImportFailed,
            vec![],
            Some(codec_error_msg(&e)),
        );
    };
    // Every file or paste goes through the core's one entry point (decode, then prune against
    // the catalogue); what the catalogue does not know is said, not silently dropped.
    let receive = move |origin: Origin, text: &str| match read_incoming(origin, text, env.catalogue)
    {
        Ok(Incoming { assessment, pruned }) => {
            if !pruned.is_empty() {
                let n = pruned.codes.len() + pruned.competencies.len();
                notices.push_count(
                    NoticeKind::Info,
                    n,
                    Msg::IncomingPrunedOne,
                    Msg::IncomingPrunedMany,
                );
            }
            incoming.try_set(Some(assessment));
        }
        Err(e) => refuse(e),
    };
    let on_file = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        if browser::chosen_file_size(&input).is_some_and(|s| s > MAX_IMPORT_BYTES) {
            refuse(CodecError::TooLarge);
            return;
        }
        leptos::task::spawn_local(async move {
            match browser::read_chosen_file(&input).await {
                Ok(Some(text)) => receive(Origin::File, &text),
                Ok(None) => {}
                Err(e) => {
                    leptos::logging::warn!("file read failed: {e}");
                    notices.push(NoticeKind::Error, Msg::ImportReadFailed, vec![]);
                }
            }
            input.set_value("");
        });
    };
    let on_paste = move |_| {
        let text = pasted.get_untracked();
        receive(Origin::Pasted, &text);
    };
    let export = move |_| {
        let text = work.with_untracked(|a| encode_export(a, env.today));
        let name = format!("repere-bilan-{}.json", env.today.iso());
        download(&name, &text, "application/json");
    };
    let make_link = move |_| {
        let payload = work.with_untracked(|a| encode_share(a, personal.get_untracked()));
        link.set(Some(format!(
            "{}{}",
            browser::base_url(),
            Route::Share(payload).to_hash()
        )));
    };
    let copy = move |_| {
        let Some(text) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if browser::copy_text(&text).await {
                notices.push(NoticeKind::Success, Msg::ShareCopied, vec![]);
            } else {
                notices.push(NoticeKind::Info, Msg::ShareCopyFailed, vec![]);
            }
        });
    };
    let clear = move |_| {
        work.set(Assessment::default());
        let _ = browser::remove(StorageKey::Work);
        let _ = browser::remove(StorageKey::WorkBackup);
        backup.set(None);
        link.set(None);
        confirming_clear.set(false);
        notices.push(NoticeKind::Success, Msg::ClearDone, vec![]);
    };

    view! {
        <div class="page page--narrow data">
            <h1 tabindex="-1">{t(Msg::DataTitle)}</h1>
            <p class="lead">{t(Msg::DataIntro)}</p>
            <p data-testid="data-summary">{move || work.with(|a| work_summary(lang.get(), Msg::DataSummary, a))}</p>
            <StorageNote />

            {move || backup.get().map(|raw| view! {
                <section class="panel notice notice--error" aria-labelledby="backup-title">
                    <h2 id="backup-title">{t(Msg::BackupTitle)}</h2>
                    <p>{t(Msg::BackupHint)}</p>
                    <div class="actions">
                        <button type="button" class="button button--secondary" on:click=move |_| {
                            download("repere-donnees-illisibles.txt", &raw, "text/plain");
                        }>{t(Msg::BackupDownload)}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| {
                            let _ = browser::remove(StorageKey::WorkBackup);
                            backup.set(None);
                        }>{t(Msg::BackupDelete)}</button>
                    </div>
                </section>
            })}

            <section class="panel" aria-labelledby="export-title">
                <h2 id="export-title">{t(Msg::ExportTitle)}</h2>
                <p class="hint">{t(Msg::ExportHint)}</p>
                <button type="button" class="button" data-testid="export" on:click=export disabled=move || is_empty.get()>{t(Msg::ExportButton)}</button>
            </section>

            <section class="panel" aria-labelledby="import-title">
                <h2 id="import-title">{t(Msg::ImportTitle)}</h2>
                <div class="field">
                    <label for="import-file">{t(Msg::ImportFile)}</label>
                    <input id="import-file" type="file" accept=".json,application/json" node_ref=file_input on:change=on_file />
                </div>
                <div class="field">
                    <label for="import-paste">{t(Msg::ImportPaste)}</label>
                    <textarea id="import-paste" rows="3" prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                </div>
                <button type="button" class="button button--secondary" on:click=on_paste>{t(Msg::ImportPasteButton)}</button>
                {move || incoming.get().map(|a| view! {
                    <IncomingChoice incoming=a found=Msg::ImportFound on_done=Callback::new(move |()| {
                        incoming.set(None);
                        pasted.set(String::new());
                    }) />
                })}
            </section>

            <section class="panel" aria-labelledby="share-title">
                <h2 id="share-title">{t(Msg::ShareTitle)}</h2>
                <p class="hint">{t(Msg::ShareHint)}</p>
                <div class="checkbox">
                    <input id="share-personal" type="checkbox" prop:checked=move || personal.get()
                        on:change=move |ev| { personal.set(event_target_checked(&ev)); link.set(None); } />
                    <label for="share-personal">{t(Msg::SharePersonal)}</label>
                </div>
                <button type="button" class="button" data-testid="share-create" on:click=make_link disabled=move || is_empty.get()>{t(Msg::ShareCreate)}</button>
                {move || link.get().map(|l| view! {
                    <div class="field">
                        <label for="share-link">{t(Msg::ShareLinkLabel)}</label>
                        <input id="share-link" type="text" readonly prop:value=l data-testid="share-link" />
                    </div>
                    <button type="button" class="button button--secondary" on:click=copy>{t(Msg::ShareCopy)}</button>
                })}
                {move || is_empty.get().then(|| view! { <p class="muted">{t(Msg::EmptyWork)}</p> })}
            </section>

            <OfflineSection />

            <section class="panel" aria-labelledby="clear-title">
                <h2 id="clear-title">{t(Msg::ClearTitle)}</h2>
                <p class="hint">{t(Msg::ClearHint)}</p>
                {move || if confirming_clear.get() {
                    view! {
                        <div class="confirm" role="group" aria-label=t(Msg::ClearTitle)>
                            <p>{t(Msg::ClearConfirm)}</p>
                            <button type="button" class="button button--danger" data-testid="clear-yes" on:click=clear>{t(Msg::ClearYes)}</button>
                            " "
                            <button type="button" class="button button--secondary" on:click=move |_| confirming_clear.set(false)>{t(Msg::Cancel)}</button>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button button--danger" data-testid="clear" on:click=move |_| confirming_clear.set(true)>{t(Msg::ClearButton)}</button>
                    }.into_any()
                }}
            </section>
        </div>
    }
}
