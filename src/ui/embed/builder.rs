//! `#/integrer`, "Intégrer Repère sur votre site": a provider picks its certifications, the
//! language, its colour, the start page and (optionally) its name to receive results, sees the
//! embedded app live in a preview frame, and copies the snippet (`core::embed::snippet`).

use leptos::prelude::*;

use crate::core::embed::{
    script_src, snippet, EmbedConfig, Palette, Rgb, SnippetOptions, StartPage, DEFAULT_ACCENT,
    MAX_SHARE_WITH_CHARS,
};
use crate::i18n::Msg;
use crate::ui::browser;
use crate::ui::context::{env, lang, t};
use crate::ui::notice::{notices, NoticeKind};
use crate::ui::title::use_title;

fn start_msg(p: StartPage) -> Msg {
    match p {
        StartPage::Catalogue => Msg::StartCatalogue,
        StartPage::Fiche => Msg::StartFiche,
        StartPage::Assess => Msg::StartAssess,
        StartPage::Results => Msg::StartResults,
    }
}

#[component]
pub fn IntegratePage() -> impl IntoView {
    let env = env();
    let lang = lang();
    let notices = notices();
    use_title(move || Msg::IntegrateTitle.text(lang.get()).to_owned());

    let codes = RwSignal::new(Vec::<String>::new());
    let only = RwSignal::new(false);
    let ui_lang = RwSignal::new(None::<&'static str>);
    let accent = RwSignal::new(DEFAULT_ACCENT.hex());
    let start = RwSignal::new(StartPage::Catalogue);
    let share_with = RwSignal::new(String::new());

    let palette = Memo::new(move |_| accent.with(|a| Rgb::parse(a)).map(Palette::for_accent));
    let options = Memo::new(move |_| SnippetOptions {
        script_src: script_src(&browser::base_url()),
        codes: codes.get(),
        only: only.get(),
        lang: ui_lang.get(),
        accent: accent
            .with(|a| Rgb::parse(a))
            .filter(|c| *c != DEFAULT_ACCENT),
        start: start.get(),
        share_with: Some(share_with.get()).filter(|s| !s.trim().is_empty()),
        min_height: None,
    });
    let code = Memo::new(move |_| snippet(&options.get()));
    let preview_src = Memo::new(move |_| {
        let o = options.get();
        let config = EmbedConfig {
            codes: o.codes,
            only: o.only,
            lang: o.lang,
            palette: o.accent.map(Palette::for_accent),
            start: o.start,
            share_with: o.share_with,
            host: Some(browser::origin()),
            min_height: None,
        };
        format!("./{}", config.to_query())
    });
    // The preview frame reloads once the settings have stayed the same for a moment (typing a
    // name does not reload it at every key).
    let preview = RwSignal::new(preview_src.get_untracked());
    Effect::new(move |_| {
        let src = preview_src.get();
        // (`try_…`: the page may have been left before the timer fires.)
        set_timeout(
            move || {
                if preview_src.try_get_untracked().as_ref() == Some(&src)
                    && preview.try_get_untracked().is_some_and(|p| p != src)
                {
                    preview.try_set(src);
                }
            },
            std::time::Duration::from_millis(400),
        );
    });
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            if browser::copy_text(&text).await {
                notices.push(NoticeKind::Success, Msg::IntegrateCopied, vec![]);
            } else {
                notices.push(NoticeKind::Info, Msg::IntegrateCopyFailed, vec![]);
            }
        });
    };

    view! {
        <div class="page integrate">
            <h1 tabindex="-1">{t(Msg::IntegrateTitle)}</h1>
            <p class="lead">{t(Msg::IntegrateIntro)}</p>
            <div class="integrate__grid">
                <section aria-labelledby="integrate-settings" class="integrate__settings">
                    <h2 id="integrate-settings">{t(Msg::IntegrateSettings)}</h2>
                    <fieldset class="integrate__certs" aria-describedby="integrate-certs-hint">
                        <legend>{t(Msg::IntegrateCerts)}</legend>
                        <p id="integrate-certs-hint" class="hint">{t(Msg::IntegrateCertsHint)}</p>
                        {env.catalogue.all().iter().map(|cert| {
                            let code = cert.code.clone();
                            let id = format!("integrate-{}", cert.code);
                            let checked = {
                                let code = code.clone();
                                move || codes.with(|c| c.contains(&code))
                            };
                            view! {
                                <div class="checkbox">
                                    <input type="checkbox" id=id.clone() data-code=code.clone() prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            codes.update(|c| {
                                                c.retain(|x| x != &code);
                                                if on { c.push(code.clone()); }
                                            });
                                        } />
                                    <label for=id><span class="code">{cert.code.clone()}</span>" "{cert.title.clone()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="checkbox">
                        <input type="checkbox" id="integrate-only" prop:checked=move || only.get()
                            on:change=move |ev| only.set(event_target_checked(&ev)) />
                        <label for="integrate-only">{t(Msg::IntegrateOnly)}</label>
                    </div>
                    <div class="field">
                        <label for="integrate-lang">{t(Msg::IntegrateLang)}</label>
                        <select id="integrate-lang" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            ui_lang.set(crate::core::embed::LANGS.into_iter().find(|l| *l == v));
                        }>
                            <option value="" selected=true>{t(Msg::IntegrateLangVisitor)}</option>
                            <option value="fr" lang="fr">"Français"</option>
                            <option value="en" lang="en">"English"</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="integrate-accent">{t(Msg::IntegrateAccent)}</label>
                        <p id="integrate-accent-hint" class="hint">{t(Msg::IntegrateAccentHint)}</p>
                        <input type="color" id="integrate-accent" class="integrate__colour" aria-describedby="integrate-accent-hint"
                            prop:value=move || accent.get()
                            on:input=move |ev| accent.set(event_target_value(&ev)) />
                        {move || palette.get().filter(|p| p.adjusted).map(|p| view! {
                            <p class="notice" data-testid="accent-adjusted">{move || Msg::IntegrateAccentAdjusted.fill(lang.get(), &[("used", &p.accent.hex())])}</p>
                        })}
                    </div>
                    <div class="field">
                        <label for="integrate-start">{t(Msg::IntegrateStart)}</label>
                        <select id="integrate-start" on:change=move |ev| {
                            if let Some(p) = StartPage::parse(&event_target_value(&ev)) { start.set(p); }
                        }>
                            {StartPage::ALL.into_iter().map(|p| view! {
                                <option value=p.as_str() selected=p == StartPage::Catalogue>{t(start_msg(p))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="integrate-share">{t(Msg::IntegrateShareWith)}</label>
                        <p id="integrate-share-hint" class="hint">{t(Msg::IntegrateShareWithHint)}</p>
                        <input type="text" id="integrate-share" aria-describedby="integrate-share-hint" maxlength=MAX_SHARE_WITH_CHARS.to_string()
                            prop:value=move || share_with.get()
                            on:input=move |ev| share_with.set(event_target_value(&ev)) />
                    </div>
                </section>
                <section aria-labelledby="integrate-code" class="integrate__code">
                    <h2 id="integrate-code">{t(Msg::IntegrateCode)}</h2>
                    <label class="visually-hidden" for="integrate-snippet">{t(Msg::IntegrateCode)}</label>
                    <textarea id="integrate-snippet" data-testid="snippet" readonly=true rows="8" prop:value=move || code.get()></textarea>
                    <p><button type="button" class="button" data-testid="snippet-copy" on:click=copy>{t(Msg::IntegrateCopy)}</button></p>
                    <p class="hint">{t(Msg::IntegrateDocs)}</p>
                </section>
            </div>
            <section aria-labelledby="integrate-preview" class="integrate__preview">
                <h2 id="integrate-preview">{t(Msg::IntegratePreview)}</h2>
                <iframe class="embed-preview" data-testid="embed-preview" title=t(Msg::IntegratePreviewFrame) src=move || preview.get()></iframe>
            </section>
        </div>
    }
}
