//! Repère embedded in a training provider's page (`public/embed.js`, issue #9): the frame's
//! parameters (read once from the URL and validated by `core::embed`), the compact chrome,
//! the messages to the host page, the "send my results" confirmation, and the builder page of
//! the snippet (`#/integrer`).
//!
//! Messages to the host page are JSON objects `{"repere":1,"type":…}` sent with
//! `postMessage` to the host's origin only (the `host` parameter `embed.js` passes); `embed.js`
//! checks their origin and source frame before turning them into `repere:*` DOM events.

pub mod builder;
pub mod chrome;
pub mod send;

use leptos::prelude::*;

use crate::core::catalogue::Catalogue;
use crate::core::embed::{asks_embed, EmbedConfig, HostMessage};
use crate::ui::work::{edit_if, my_work};
use crate::ui::{browser, split};

use chrome::{EmbedFooter, EmbedHeader};

thread_local! {
    static CONFIG: std::cell::OnceCell<Option<&'static EmbedConfig>> = const { std::cell::OnceCell::new() };
    static CHROME: std::cell::OnceCell<Chrome> = const { std::cell::OnceCell::new() };
}

/// The embedded mode's code that `App` calls, reached through these pointers so that it stays
/// in the embedded mode's chunk (`ui::split::embed_mode`): a visitor of the app itself never
/// downloads it.
struct Chrome {
    wire: fn(&'static EmbedConfig),
    header: fn() -> AnyView,
    footer: fn() -> AnyView,
}

/// The embedded mode's parameters, or `None` when Repère is not embedded (`embed=1`) or
/// before [`load`].
pub fn embedded() -> Option<&'static EmbedConfig> {
    CONFIG.with(|c| c.get().copied().flatten())
}

/// At start-up, before anything renders or reads storage: when the address asks for embedded
/// mode, loads its chunk and sets it up (see [`setup`]). If the chunk cannot be loaded, the
/// app runs as itself (and says so in the console).
pub async fn load(catalogue: &'static Catalogue) {
    if !asks_embed(&browser::search()) {
        CONFIG.with(|cell| {
            let _ = cell.set(None);
        });
        return;
    }
    if let Err(e) = split::embed_mode(catalogue).await {
        leptos::logging::warn!("Repère embed: the embedded mode could not be loaded ({e:?})");
        CONFIG.with(|cell| {
            let _ = cell.set(None);
        });
    }
}

/// The embedded mode's chunk (`ui::split::embed_mode`): sets it up, and hands `App` its parts.
pub fn start(catalogue: &'static Catalogue) -> Option<&'static EmbedConfig> {
    CHROME.with(|cell| {
        let _ = cell.set(Chrome {
            wire: wire_now,
            header: || view! { <EmbedHeader /> }.into_any(),
            footer: || view! { <EmbedFooter /> }.into_any(),
        });
    });
    setup(|code| catalogue.get(code).is_some())
}

/// Call once in `App`, after the work is provided (see [`wire_now`]).
pub fn wire(config: &'static EmbedConfig) {
    if let Some(wire) = CHROME.with(|c| c.get().map(|c| c.wire)) {
        wire(config);
    }
}

/// The embedded mode's header (in place of the app's own).
pub fn header() -> AnyView {
    CHROME
        .with(|c| c.get().map(|c| c.header))
        .map_or_else(|| ().into_any(), |f| f())
}

/// The embedded mode's footer (in place of the app's own).
pub fn footer() -> AnyView {
    CHROME
        .with(|c| c.get().map(|c| c.footer))
        .map_or_else(|| ().into_any(), |f| f())
}

/// Reads the frame's parameters (once; `known` says which certification codes exist) and
/// applies what must be in place before anything renders or reads storage: the storage scope,
/// the accent (CSS custom properties through the CSSOM), the `<body data-embedded>` marker and
/// the start page. Warnings go to the frame's console and to the host page's.
fn setup(known: impl Fn(&str) -> bool) -> Option<&'static EmbedConfig> {
    CONFIG.with(|cell| {
        *cell.get_or_init(|| {
            let (config, warnings) = EmbedConfig::from_query(&browser::search(), known)?;
            let config: &'static EmbedConfig = Box::leak(Box::new(config));
            for w in &warnings {
                let message = w.message();
                leptos::logging::warn!("Repère embed: {message}");
                post(config, HostMessage::Warning(&message));
            }
            browser::set_storage_scope(&config.storage_scope());
            if let Some(palette) = config.palette {
                for (name, value) in palette.properties() {
                    browser::set_root_property(name, &value);
                }
            }
            browser::set_body_marker("data-embedded", Some("true"));
            if browser::hash().is_empty() {
                browser::set_hash(&config.start_route().to_hash(), true);
            }
            Some(config)
        })
    })
}

/// Sends a message to the host page (its origin only).
pub fn post(config: &EmbedConfig, message: HostMessage) -> bool {
    let Some(host) = &config.host else {
        return false;
    };
    browser::post_to_host(host, &message.to_json())
}

/// Preselects the provider's certifications, then tells the host page the frame is ready, its
/// height whenever it changes, and the selected codes whenever they change (codes only,
/// nothing personal).
fn wire_now(config: &'static EmbedConfig) {
    let work = my_work();
    let codes = config.codes.clone();
    edit_if(work, move |a| {
        let mut changed = false;
        for code in &codes {
            changed |= a.select(code).unwrap_or(false);
        }
        changed
    });
    let selection = Memo::new(move |_| work.with(|a| a.selection.clone()));
    Effect::new(move |previous: Option<()>| {
        let codes = selection.get();
        if previous.is_none() {
            post(config, HostMessage::Ready(&codes));
            browser::observe_body_height(move |height| {
                post(config, HostMessage::Resize(height.ceil() as u32));
            });
        } else {
            post(config, HostMessage::Selection(&codes));
        }
    });
}

/// The address of the full app carrying the user's work (a share link with personal data:
/// it is the user's own work, opened by the user in a new tab).
///
/// The share encoder (and its deflate) is a chunk of its own (`ui::split::share_payload`),
/// loaded after the first screen: until it is there, and while the work is empty, the address
/// opens the full app without the work.
pub fn open_full_href() -> Signal<String> {
    let work = my_work();
    let payload = RwSignal::new(None::<String>);
    // The answer of the latest change wins, whatever order the encodings finish in.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let a = work.get();
        if a.is_empty() {
            payload.set(None);
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(p) = split::share_payload(a).await {
                if generation.get_value() == mine {
                    payload.set(Some(p));
                }
            }
        });
    });
    Signal::derive(move || match payload.get() {
        Some(p) => format!("{}#/partage/{p}", browser::base_url()),
        None => format!("{}#/", browser::base_url()),
    })
}
