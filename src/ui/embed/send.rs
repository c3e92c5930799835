//! "Envoyer mon bilan à <organisme>": only in embedded mode, only when the provider asked for
//! results (`data-share-with`). The button opens a confirmation that shows exactly what would
//! be sent — readiness per certification and bloc; notes and experiences only if ticked — and
//! the exact JSON; nothing leaves the frame before "Confirmer l'envoi".

use leptos::prelude::*;

use super::{embedded, post};
use crate::core::embed::{results_payload, HostMessage, ResultsPayload};
use crate::i18n::{colon, percent_text, Msg};
use crate::ui::browser;
use crate::ui::context::{env, lang, t};
use crate::ui::notice::{notices, NoticeKind};
use crate::ui::selected::selected_catalogue;
use crate::ui::work::my_work;

#[component]
pub fn SendResults() -> impl IntoView {
    let config = embedded()?;
    let name = config.share_with.clone()?;
    let origin = config.host.clone()?;
    let env = env();
    let cat = selected_catalogue();
    let work = my_work();
    let lang = lang();
    let notices = notices();
    let open = RwSignal::new(false);
    let with_notes = RwSignal::new(false);
    let with_experiences = RwSignal::new(false);
    let recipient = name.clone();
    let payload = Memo::new(move |_| {
        work.with(|a| {
            results_payload(
                cat(),
                a,
                &recipient,
                env.today,
                with_notes.get(),
                with_experiences.get(),
            )
        })
    });
    let shown = Memo::new(move |_| payload.with(ResultsPayload::to_json));
    let button_name = name.clone();
    let title_name = name.clone();
    let confirm = move |_| {
        // The very text the confirmation shows.
        let sent = shown.get_untracked();
        if post(config, HostMessage::Results(&sent)) {
            notices.push(
                NoticeKind::Success,
                Msg::SendDone,
                vec![("name", name.clone())],
            );
        } else {
            notices.push(NoticeKind::Error, Msg::SendFailed, vec![]);
        }
        open.set(false);
        browser::focus("[data-testid=send-results]");
    };
    let cancel = move |_| {
        open.set(false);
        browser::focus("[data-testid=send-results]");
    };
    Some(view! {
        <section class="send-results no-print" aria-label=move || Msg::SendResults.fill(lang.get(), &[("name", &button_name)])>
            <p>
                <button
                    type="button"
                    class="button"
                    data-testid="send-results"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls="send-panel"
                    on:click=move |_| {
                        open.update(|o| *o = !*o);
                        if open.get_untracked() {
                            request_animation_frame(|| browser::focus("#send-title"));
                        }
                    }
                >
                    {let n = config.share_with.clone().unwrap_or_default(); move || Msg::SendResults.fill(lang.get(), &[("name", &n)])}
                </button>
            </p>
            <div id="send-panel" class="send-panel" data-testid="send-panel" hidden=move || !open.get()>
                <h2 id="send-title" tabindex="-1">{move || Msg::SendTitle.fill(lang.get(), &[("name", &title_name)])}</h2>
                <p>{t(Msg::SendIntro)}</p>
                <p data-testid="send-destination">{move || Msg::SendDestination.fill(lang.get(), &[("origin", &origin)])}</p>
                <ul class="send-summary" data-testid="send-summary">
                    {move || {
                        // Rebuilt as a whole when the payload or the language changes.
                        let l = lang.get();
                        let pct = |r: u32| percent_text(l, r as f32 / 100.0);
                        payload.with(|p| p.certifications.iter().map(|c| view! {
                            <li data-code=c.code.clone()>
                                <strong>{format!("{} — {}", c.code, c.title)}</strong>{colon(l)}
                                <span data-testid="send-readiness">{pct(c.readiness)}</span>
                                <ul>
                                    {c.blocs.iter().map(|b| view! {
                                        <li data-code=b.code.clone()>
                                            <span class="code">{b.code.clone()}</span>{format!(" {}", b.title)}{colon(l)}
                                            <span data-testid="send-readiness">{pct(b.readiness)}</span>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </li>
                        }).collect_view())
                    }}
                </ul>
                <div class="checkbox">
                    <input type="checkbox" id="send-notes" data-testid="send-notes" prop:checked=move || with_notes.get() on:change=move |ev| with_notes.set(event_target_checked(&ev)) />
                    <label for="send-notes">{t(Msg::SendIncludeNotes)}</label>
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="send-experiences" data-testid="send-experiences" prop:checked=move || with_experiences.get() on:change=move |ev| with_experiences.set(event_target_checked(&ev)) />
                    <label for="send-experiences">{t(Msg::SendIncludeExperiences)}</label>
                </div>
                <p data-testid="send-personal">{move || {
                    let l = lang.get();
                    let (notes, experiences) = payload.with(|p| (p.notes.as_ref().map(Vec::len), p.experiences.as_ref().map(Vec::len)));
                    let mut parts = Vec::new();
                    if let Some(n) = notes {
                        parts.push(l.plural(n, Msg::SendNotesOne, Msg::SendNotesMany));
                    }
                    if let Some(n) = experiences {
                        parts.push(l.plural(n, Msg::SendExperiencesOne, Msg::SendExperiencesMany));
                    }
                    if parts.is_empty() { Msg::SendNoPersonal.text(l).to_owned() } else { parts.join(" · ") }
                }}</p>
                <details>
                    <summary>{t(Msg::SendExactData)}</summary>
                    <pre class="send-json" data-testid="send-json">{move || shown.get()}</pre>
                </details>
                <p class="actions">
                    <button type="button" class="button" data-testid="send-confirm" on:click=confirm>{t(Msg::SendConfirm)}</button>
                    " "
                    <button type="button" class="button button--secondary" on:click=cancel>{t(Msg::Cancel)}</button>
                </p>
            </div>
        </section>
    })
}
