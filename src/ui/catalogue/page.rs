//! The catalogue page. The query lives in the URL: typing replaces the history entry,
//! changing a filter adds one, so the back button returns to the previous filters.

use leptos::prelude::*;

use super::card::CertCard;
use crate::core::catalogue::Status;
use crate::core::model::CodeLabel;
use crate::core::route::Route;
use crate::core::search::{browse, Filter, Hit, Query, MAX_QUERY_CHARS};
use crate::i18n::{status_name, Lang, Msg};
use crate::ui::browser;
use crate::ui::context::{env, lang, navigate, t};
use crate::ui::embed::embedded;
use crate::ui::title::use_title;
use crate::ui::work::{prepare_search, search_index, search_is_partial};

/// Cards rendered at first, and added by each "show more".
const PAGE: usize = 24;

#[component]
pub fn CataloguePage(query: Memo<Query>) -> impl IntoView {
    let env = env();
    let lang = lang();
    use_title(move || Msg::CatalogueTitle.text(lang.get()).to_owned());
    // Without text, the list needs no index: the first screen paints without building it. The
    // index (with the French analyser) is built at the first keystroke — building it right after
    // the first paint was measured as a 165 ms task on Lighthouse's simulated phone.
    // Embedded with `data-only`: the provider's certifications only.
    let listed = |code: &str| embedded().is_none_or(|e| e.allows(code));
    // Ranked without reasons (cheap, from the index's postings); the reasons are computed for
    // the cards shown only (`visible`).
    // The index is built in slices when the search box is first used (or at once for a query in
    // the address); until it is ready, a search shows "Préparation de la recherche…".
    let search_ready = RwSignal::new(search_index().is_some());
    // The builder's chunk could not be fetched (offline on a first visit): said, and tried
    // again on the next focus or keystroke.
    let search_failed = RwSignal::new(false);
    let prepare = move || {
        if !search_ready.get_untracked() {
            search_failed.set(false);
            prepare_search(
                env.catalogue,
                move || {
                    search_ready.try_set(true);
                },
                move || {
                    search_failed.try_set(true);
                },
            );
        }
    };
    if !query.with_untracked(|q| q.text.trim().is_empty()) {
        prepare();
    }
    let preparing = move || !search_ready.get() && query.with(|q| !q.text.trim().is_empty());
    let hits = Memo::new(move |_| {
        let mut hits = query.with(|q| {
            if q.text.trim().is_empty() {
                browse(env.catalogue, q, env.today)
            } else if search_ready.get() {
                search_index()
                    .map(|ix| ix.search_page(q, env.today, 0))
                    .unwrap_or_default()
            } else {
                Vec::new()
            }
        });
        hits.retain(|h| listed(&h.cert.code));
        hits
    });
    // How many cards are shown: a page, then one more per "show more"; a new query starts over.
    let shown = RwSignal::new(PAGE);
    // The cards shown, with their reasons (computed for them only).
    let visible = Memo::new(move |_| {
        let mut list: Vec<Hit<'static>> =
            hits.with(|h| h.iter().take(shown.get()).cloned().collect());
        query.with(|q| {
            if !q.text.trim().is_empty() {
                if let Some(ix) = search_index() {
                    ix.explain(&mut list, q);
                }
            }
        });
        list
    });
    // How many filters are set, and whether the filters are unfolded (phones only).
    let active_filters = move || query.with(Query::active_filters);
    let filters_open = RwSignal::new(active_filters() > 0);
    Effect::new(move |previous: Option<()>| {
        query.track();
        if previous.is_some() {
            shown.set(PAGE);
        }
    });
    let update = move |f: &dyn Fn(&mut Query), replace: bool| {
        let mut q = query.get_untracked();
        f(&mut q);
        navigate(Route::Catalogue(q), replace);
    };

    // Each filter's options: its value in the URL, and what the select shows.
    let codes = |codes: Vec<&CodeLabel>| -> Vec<(String, Choice)> {
        codes
            .into_iter()
            .map(|c| {
                (
                    c.code.clone(),
                    Choice::Text(format!("{} — {}", c.code, c.label)),
                )
            })
            .collect()
    };
    let filters = [
        (
            Filter::Level,
            env.catalogue
                .levels()
                .into_iter()
                .map(|l| (l.to_string(), Choice::Level(l)))
                .collect(),
        ),
        (
            Filter::Status,
            Status::ALL
                .into_iter()
                .map(|s| (s.as_str().to_owned(), Choice::Status(s)))
                .collect(),
        ),
        (
            Filter::Certifier,
            env.catalogue
                .certifiers()
                .into_iter()
                .map(|c| (c.to_owned(), Choice::Text(c.to_owned())))
                .collect(),
        ),
        (Filter::Rome, codes(env.catalogue.rome_codes())),
        (Filter::Nsf, codes(env.catalogue.nsf_codes())),
    ];

    view! {
        <div class="page">
            <h1 tabindex="-1">{t(Msg::CatalogueTitle)}</h1>
            <p class="lead">{t(Msg::CatalogueIntro)}</p>
            <div class="search-panel">
                <form role="search" on:submit=|ev| ev.prevent_default()
                    data-search=move || if search_ready.get() { "ready" } else { "idle" }>
                    <div class="field field--search">
                        <label for="search-input">{t(Msg::SearchLabel)}</label>
                        <p id="search-hint" class="hint">{t(Msg::SearchHint)}</p>
                        <input
                            id="search-input"
                            type="search"
                            maxlength=MAX_QUERY_CHARS.to_string()
                            autocomplete="off"
                            spellcheck="false"
                            aria-describedby="search-hint"
                            prop:value=move || query.with(|q| q.text.clone())
                            on:focus=move |_| prepare()
                            on:input=move |ev| {
                                prepare();
                                let text = event_target_value(&ev);
                                update(&|q| q.text = text.clone(), true);
                            }
                        />
                    </div>
                    // On a phone the filters fold behind a button (CSS: wide screens always show
                    // them and hide the button), open from the start when one is set.
                    <button type="button" class="button button--secondary filters-toggle" data-testid="filters-toggle"
                        aria-controls="filters" aria-expanded=move || filters_open.get().to_string()
                        on:click=move |_| filters_open.update(|open| *open = !*open)>
                        {move || match active_filters() {
                            0 => t(Msg::Filters)().to_owned(),
                            n => lang.get().plural(n, Msg::FiltersActiveOne, Msg::FiltersActiveMany),
                        }}
                        <span aria-hidden="true">" ▾"</span>
                    </button>
                    <fieldset id="filters" class=move || if filters_open.get() { "filters filters--open" } else { "filters" }>
                        <legend>{t(Msg::Filters)}</legend>
                        {filters.into_iter().map(|(filter, options)| view! { <FilterSelect filter options query /> }).collect_view()}
                    </fieldset>
                    <Show when=move || query.with(|q| !q.is_empty())>
                        <button type="button" class="button button--secondary" on:click=move |_| {
                            navigate(Route::Catalogue(Query::default()), false)
                        }>{t(Msg::ClearSearch)}</button>
                    </Show>
                </form>
            </div>
            <p class="results-count" role="status" data-testid="results-count">
                {move || {
                    if preparing() {
                        let msg = if search_failed.get() { Msg::SearchUnavailable } else { Msg::SearchPreparing };
                        return msg.text(lang.get()).to_owned();
                    }
                    let n = hits.with(Vec::len);
                    lang.get().plural(n, Msg::ResultsOne, Msg::ResultsMany)
                }}
            </p>
            {move || (search_ready.get() && search_is_partial() && query.with(|q| !q.text.trim().is_empty())).then(|| view! {
                <p class="hint" data-testid="search-partial">{t(Msg::SearchPartial)}</p>
            })}
            // The cards shown, with their reasons; keyed by code, so a card that stays is kept.
            <Show when=move || !preparing() && hits.with(|h| !h.is_empty())
                fallback=move || (!preparing()).then(|| view! { <p class="empty">{t(Msg::NoResults)}</p> })>
                <ul class="cards" aria-label=t(Msg::CatalogueTitle)>
                    <For
                        each=move || visible.with(|v| v.iter().map(|h| h.cert.code.clone()).collect::<Vec<_>>())
                        key=|code| code.clone()
                        let:code
                    >
                        <li><CertCard code hits=visible /></li>
                    </For>
                </ul>
                {move || {
                    let remaining = hits.with(Vec::len).saturating_sub(visible.with(Vec::len));
                    (remaining > 0).then(|| view! {
                        <p class="more">
                            <button type="button" class="button button--secondary" data-testid="show-more" on:click=move |_| {
                                let first_new = shown.get_untracked();
                                shown.set(first_new + PAGE);
                                // The focus goes to the first card added, where reading goes on.
                                request_animation_frame(move || {
                                    browser::focus(&format!(".cards > li:nth-child({}) a", first_new + 1));
                                });
                            }>
                                {move || if remaining == 1 {
                                    Msg::ShowLast.text(lang.get()).to_owned()
                                } else {
                                    Msg::ShowMore.fill(lang.get(), &[
                                        ("n", &PAGE.min(remaining).to_string()),
                                        ("remaining", &remaining.to_string()),
                                    ])
                                }}
                            </button>
                        </p>
                    })
                }}
            </Show>
        </div>
    }
}

/// What an option of a filter shows.
enum Choice {
    Text(String),
    Level(u8),
    Status(Status),
}

impl Choice {
    fn text(&self, lang: Lang) -> String {
        match self {
            Choice::Text(text) => text.clone(),
            Choice::Level(n) => Msg::LevelN.fill(lang, &[("n", &n.to_string())]),
            Choice::Status(s) => status_name(*s).text(lang).to_owned(),
        }
    }
}

/// A filter's select: "all", then `options` (value, what it shows). Choosing one adds a history
/// entry (the back button returns to the previous filters). One component for every filter:
/// one copy of its code in the first load.
#[component]
fn FilterSelect(
    filter: Filter,
    options: Vec<(String, Choice)>,
    query: Memo<Query>,
) -> impl IntoView {
    let lang = lang();
    let (id, label) = match filter {
        Filter::Level => ("filter-level", Msg::FilterLevel),
        Filter::Status => ("filter-status", Msg::FilterStatus),
        Filter::Certifier => ("filter-certifier", Msg::FilterCertifier),
        Filter::Rome => ("filter-rome", Msg::FilterRome),
        Filter::Nsf => ("filter-nsf", Msg::FilterNsf),
    };
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <select id=id prop:value=move || query.with(|q| filter.value(q))
                on:change=move |ev| {
                    let mut q = query.get_untracked();
                    filter.set(&mut q, &event_target_value(&ev));
                    navigate(Route::Catalogue(q), false);
                }>
                <option value="">{t(Msg::FilterAll)}</option>
                {options.into_iter().map(|(value, choice)| view! {
                    <option value=value>{move || choice.text(lang.get())}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
