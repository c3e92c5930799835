//! The user's work (`Assessment`) as a signal in context, kept in local storage: restored on
//! load, saved (debounced) on every change, flushed when the page is hidden, and kept in step
//! across tabs through the `storage` event. Unreadable saved data is explained and backed up,
//! never overwritten silently.
//!
//! Edits go through [`edit`] / [`edit_if`]: an edit the core refuses (or that changes nothing)
//! notifies no one and does not restart the autosave. While a save is pending, `<body>` carries
//! `data-autosave="pending"`, then `"saved"` once storage holds the work, or `"failed"` (tests
//! wait on it).

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;

use super::browser::{self, StorageKey};
use super::notice::{NoticeKind, Notices};
use super::split;
use crate::core::alike::AlikeIndex;
use crate::core::assessment::{Assessment, AssessmentError, Level};
use crate::core::catalogue::Catalogue;
use crate::core::codec::{encode_saved, CodecError, Incoming};
use crate::core::dataset::SEARCH_PATH;
use crate::core::matching::{Matcher, SurfaceModel, SurfaceModelBuilder};
use crate::i18n::Msg;
use crate::ui::errors::{codec_error_msg, refusal};

/// The user's work: selection, ratings, notes, experiences.
#[derive(Clone, Copy)]
pub struct MyWork(pub RwSignal<Assessment>);

pub fn my_work() -> RwSignal<Assessment> {
    expect_context::<MyWork>().0
}

/// Slices of the work, each re-computed once per change of the work but notifying only when
/// its own part changed: a per-competency view subscribes to the slice it shows, so typing a
/// note does not re-run the ratings, scores and evidence of every competency on the page.
#[derive(Clone, Copy)]
pub struct WorkSlices {
    pub selection: Memo<Vec<String>>,
    pub ratings: Memo<BTreeMap<String, Level>>,
    pub notes: Memo<BTreeMap<String, String>>,
    /// Competency id → the experiences linked to it as evidence (id, title).
    pub evidence: Memo<BTreeMap<String, Vec<(u32, String)>>>,
}

impl WorkSlices {
    fn new(work: RwSignal<Assessment>) -> WorkSlices {
        WorkSlices {
            selection: Memo::new(move |_| work.with(|a| a.selection.clone())),
            ratings: Memo::new(move |_| work.with(|a| a.ratings.clone())),
            notes: Memo::new(move |_| work.with(|a| a.notes.clone())),
            // Filled by insertion: `collect` into a map would compile a sort of its own into
            // the first load (the keys come sorted anyway).
            evidence: Memo::new(move |_| {
                work.with(|a| {
                    let mut linked = BTreeMap::new();
                    for id in a.evidence.keys() {
                        let experiences = a
                            .linked_experiences(id)
                            .into_iter()
                            .map(|e| (e.id, e.title.clone()))
                            .collect();
                        linked.insert(id.clone(), experiences);
                    }
                    linked
                })
            }),
        }
    }
}

pub fn work_slices() -> WorkSlices {
    expect_context::<WorkSlices>()
}

/// Applies an edit the core may refuse. Only a successful edit notifies subscribers (views,
/// the autosave); a refused one changes nothing and its reason is shown to the user.
pub fn edit<T>(
    work: RwSignal<Assessment>,
    notices: Notices,
    f: impl FnOnce(&mut Assessment) -> Result<T, AssessmentError>,
) -> Option<T> {
    let result = work.try_maybe_update(|a| {
        let r = f(a);
        (r.is_ok(), r)
    })?;
    match result {
        Ok(value) => Some(value),
        Err(e) => {
            notices.refused(refusal(&e));
            None
        }
    }
}

/// Applies an edit that says whether it changed anything; unchanged work notifies no one.
pub fn edit_if(work: RwSignal<Assessment>, f: impl FnOnce(&mut Assessment) -> bool) -> bool {
    work.try_maybe_update(|a| {
        let changed = f(a);
        (changed, changed)
    })
    .unwrap_or(false)
}

/// Milliseconds between the last change and the save.
const SAVE_DELAY_MS: u64 = 300;

thread_local! {
    static MATCHER: RefCell<HashMap<usize, &'static Matcher>> = RefCell::new(HashMap::new());
    static ALIKE: RefCell<HashMap<usize, &'static AlikeIndex>> = RefCell::new(HashMap::new());
    static SEARCH: OnceCell<&'static dyn split::Search> = const { OnceCell::new() };
}

/// The catalogue search index (with the French analyzer), once built (see [`prepare_search`]);
/// its query code comes with the builder's chunk (`ui::split::Search`).
pub fn search_index() -> Option<&'static dyn split::Search> {
    SEARCH.with(|s| s.get().copied())
}

thread_local! {
    /// The index being built, and who waits for it.
    static SEARCH_BUILD: RefCell<Option<Box<dyn split::SearchBuild>>> = const { RefCell::new(None) };
    /// Who waits for the index: called on success, or on failure.
    static SEARCH_WAITING: RefCell<Vec<Waiting>> = const { RefCell::new(Vec::new()) };
    static SEARCH_STARTED: Cell<bool> = const { Cell::new(false) };
    static SEARCH_PARTIAL: Cell<bool> = const { Cell::new(false) };
}

/// Longest slice of index building per task (ms): the page stays responsive while a large
/// catalogue is indexed (no long task), and the five seeds are indexed in the first slice.
const SEARCH_SLICE_MS: f64 = 8.0;

/// What to call once the search index is ready, and if it cannot be built.
type Waiting = (Box<dyn FnOnce()>, Box<dyn FnOnce()>);

/// Builds the search index in slices of at most [`SEARCH_SLICE_MS`], one task each, then calls
/// `ready` (at once if it is built). Started when the search box is first used, not at start-up:
/// downloads the search file (`data/search.json`: every fiche's blocs and competencies) and the
/// builder's chunk (`ui::split::search_builder`) first. Without the file (offline before it was
/// ever downloaded, or a damaged file), the search looks into the cards only
/// ([`search_is_partial`]). Without the chunk (offline before the service worker kept it),
/// `failed` is called instead, and the next call tries again.
pub fn prepare_search(
    cards: &'static Catalogue,
    ready: impl FnOnce() + 'static,
    failed: impl FnOnce() + 'static,
) {
    if SEARCH.with(|s| s.get().is_some()) {
        ready();
        return;
    }
    SEARCH_WAITING.with(|w| w.borrow_mut().push((Box::new(ready), Box::new(failed))));
    if SEARCH_STARTED.with(|s| s.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        let json = match browser::fetch_text(SEARCH_PATH).await {
            Ok(json) => Some(json),
            Err(e) => {
                leptos::logging::warn!("search file: {e}");
                None
            }
        };
        match split::search_builder(json, cards).await {
            Ok(build) => {
                SEARCH_PARTIAL.with(|p| p.set(build.partial()));
                SEARCH_BUILD.with(|b| *b.borrow_mut() = Some(build));
                build_search_slice();
            }
            Err(e) => {
                leptos::logging::warn!("search builder unavailable: {e}");
                SEARCH_STARTED.with(|s| s.set(false));
                let waiting = SEARCH_WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
                for (_, failed) in waiting {
                    failed();
                }
            }
        }
    });
}

/// Whether the search looks into the cards only (the search file could not be loaded).
pub fn search_is_partial() -> bool {
    SEARCH_PARTIAL.with(Cell::get)
}

fn build_search_slice() {
    let start = browser::now_ms();
    let out_of_time = move || browser::now_ms() - start >= SEARCH_SLICE_MS;
    let done = SEARCH_BUILD.with(|b| {
        let mut b = b.borrow_mut();
        let Some(build) = b.as_mut() else {
            return true;
        };
        let Some(index) = build.run(&out_of_time) else {
            return false;
        };
        *b = None;
        let index: &'static dyn split::Search = Box::leak(index);
        SEARCH.with(|s| {
            let _ = s.set(index);
        });
        true
    });
    if done {
        let waiting = SEARCH_WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
        for (ready, _) in waiting {
            ready();
        }
    } else {
        set_timeout(build_search_slice, std::time::Duration::ZERO);
    }
}

thread_local! {
    /// The example experiences' surface model being built, and who waits for it.
    static MATCHER_BUILD: RefCell<Option<SurfaceModelBuilder>> = const { RefCell::new(None) };
    static MATCHER_WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Longest slice of building the examples' surface model per task (ms).
const MATCHER_SLICE_MS: f64 = 8.0;

/// Whether the matchers can be built at once: the examples' surface model, which they all
/// share and which is most of their cost, is ready.
pub fn matcher_is_prepared() -> bool {
    SurfaceModel::bundled_is_built()
}

/// Builds the examples' surface model in slices of at most [`MATCHER_SLICE_MS`], one task
/// each (no long task: reading the 1,183 examples and factoring their kernel takes half a
/// second in a desktop browser, more on a phone), then calls `ready` (at once if it is built). Called by the
/// experiences page when it opens; [`matcher`] without it would build the model at once.
pub fn prepare_matcher(ready: impl FnOnce() + 'static) {
    if matcher_is_prepared() {
        ready();
        return;
    }
    MATCHER_WAITING.with(|w| w.borrow_mut().push(Box::new(ready)));
    let started = MATCHER_BUILD.with(|b| {
        let mut b = b.borrow_mut();
        if b.is_some() {
            return true;
        }
        *b = Some(SurfaceModelBuilder::bundled());
        false
    });
    if !started {
        set_timeout(build_matcher_slice, std::time::Duration::ZERO);
    }
}

fn build_matcher_slice() {
    let start = browser::now_ms();
    let out_of_time = move || browser::now_ms() - start >= MATCHER_SLICE_MS;
    let model = MATCHER_BUILD.with(|b| {
        b.borrow_mut()
            .as_mut()
            .and_then(|builder| builder.run(&out_of_time))
    });
    let Some(model) = model else {
        set_timeout(build_matcher_slice, std::time::Duration::ZERO);
        return;
    };
    SurfaceModel::share_bundled(model);
    MATCHER_BUILD.with(|b| *b.borrow_mut() = None);
    let waiting = MATCHER_WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for ready in waiting {
        ready();
    }
}

/// The experience matcher of a catalogue (the selected certifications: see `ui::selected`),
/// built on first use, once per catalogue.
pub fn matcher(catalogue: &'static Catalogue) -> &'static Matcher {
    let key = std::ptr::from_ref(catalogue) as usize;
    MATCHER.with(|m| {
        *m.borrow_mut()
            .entry(key)
            .or_insert_with(|| Box::leak(Box::new(Matcher::new(catalogue))))
    })
}

/// Alike competencies across the certifications of a catalogue, computed on first use, once
/// per catalogue.
pub fn alike(catalogue: &'static Catalogue) -> &'static AlikeIndex {
    let key = std::ptr::from_ref(catalogue) as usize;
    ALIKE.with(|a| {
        *a.borrow_mut()
            .entry(key)
            .or_insert_with(|| Box::leak(Box::new(AlikeIndex::compute(catalogue))))
    })
}

/// The saved work as read before `App` mounted ([`read_saved_at_start`]).
enum Restored {
    /// Nothing saved.
    Nothing,
    /// The text in storage and what reading it gave.
    Read(String, Result<Incoming, CodecError>),
    /// The text in storage, which could not be read because the decoder's chunk could not be
    /// fetched (offline before the service worker had kept it).
    ReaderUnavailable(String),
}

thread_local! {
    static RESTORED: RefCell<Option<Restored>> = const { RefCell::new(None) };
    /// Set when the saved work could not be read for want of its reader: storage keeps it,
    /// untouched, until a reload can read it (nothing of this session is saved over it).
    static HOLD_SAVES: Cell<bool> = const { Cell::new(false) };
}

/// Reads the saved work before `App` mounts (`ui::app::start`, after the embedded mode's
/// storage scope is set): its decoder is a chunk (`ui::split::read_saved_work`), fetched only
/// when something is saved, so a first visit never downloads it.
pub async fn read_saved_at_start(catalogue: &'static Catalogue) {
    let restored = match browser::load(StorageKey::Work) {
        None => Restored::Nothing,
        Some(text) => match split::read_saved_work(text.clone(), catalogue).await {
            Ok(read) => Restored::Read(text, read),
            Err(e) => {
                leptos::logging::warn!("saved work: reader unavailable: {e}");
                Restored::ReaderUnavailable(text)
            }
        },
    };
    RESTORED.with(|r| *r.borrow_mut() = Some(restored));
}

/// The saved work read at start. Unreadable data is copied to a backup key (once) and
/// explained; it is never overwritten until the user changes something.
fn restore(notices: Notices) -> Assessment {
    let restored = RESTORED.with(|r| r.borrow_mut().take());
    let (text, error) = match restored {
        None | Some(Restored::Nothing) => return Assessment::default(),
        Some(Restored::Read(_, Ok(Incoming { assessment, pruned }))) => {
            if !pruned.is_empty() {
                let n = pruned.codes.len() + pruned.competencies.len();
                notices.push_count(
                    NoticeKind::Info,
                    n,
                    Msg::RestorePrunedOne,
                    Msg::RestorePrunedMany,
                );
            }
            return assessment;
        }
        Some(Restored::Read(text, Err(e))) => {
            leptos::logging::warn!("saved work unreadable: {e}");
            (text, Some(e))
        }
        Some(Restored::ReaderUnavailable(text)) => {
            HOLD_SAVES.with(|h| h.set(true));
            (text, None)
        }
    };
    let backed_up = browser::save(StorageKey::WorkBackup, &text).is_ok();
    let message = match (&error, backed_up) {
        (None, _) => Msg::RestoreUnavailable,
        (Some(_), true) => Msg::RestoreFailedBackedUp,
        (Some(_), false) => Msg::RestoreFailed,
    };
    notices.push_detailed(
        NoticeKind::Error,
        message,
        vec![],
        error.as_ref().map(codec_error_msg),
    );
    Assessment::default()
}

/// Provides `MyWork` and wires storage. Call once, in `App`.
pub fn provide_work(catalogue: &'static Catalogue, notices: Notices) -> RwSignal<Assessment> {
    let work = RwSignal::new(restore(notices));
    provide_context(MyWork(work));
    provide_context(WorkSlices::new(work));

    // What storage holds now (as we last wrote or read it): no echo writes, no lost updates.
    let last = Rc::new(std::cell::RefCell::new(
        browser::load(StorageKey::Work).unwrap_or_default(),
    ));
    let generation = Rc::new(Cell::new(0u64));

    let save_now = {
        let last = Rc::clone(&last);
        move |a: &Assessment| -> bool {
            if HOLD_SAVES.with(Cell::get) {
                return true;
            }
            let text = if a.is_empty() {
                String::new()
            } else {
                encode_saved(a)
            };
            if *last.borrow() == text {
                return true;
            }
            let result = if text.is_empty() {
                browser::remove(StorageKey::Work)
            } else {
                browser::save(StorageKey::Work, &text)
            };
            match result {
                Ok(()) => {
                    *last.borrow_mut() = text;
                    true
                }
                Err(e) => {
                    leptos::logging::warn!("could not save: {e}");
                    notices.push(NoticeKind::Error, Msg::SaveFailed, vec![]);
                    false
                }
            }
        }
    };
    let save_now = Rc::new(save_now);

    // Debounced autosave on every change.
    {
        let save_now = Rc::clone(&save_now);
        let generation = Rc::clone(&generation);
        // The first run saves too: work set while the first page renders (a share link
        // opened into empty work) must reach storage. Unchanged work is not written.
        Effect::new(move |_| {
            work.track();
            let g = generation.get() + 1;
            generation.set(g);
            browser::set_body_marker("data-autosave", Some("pending"));
            let save_now = Rc::clone(&save_now);
            let gen_now = Rc::clone(&generation);
            set_timeout(
                move || {
                    if gen_now.get() == g {
                        let saved = work.with_untracked(|a| save_now(a));
                        let state = if saved { "saved" } else { "failed" };
                        browser::set_body_marker("data-autosave", Some(state));
                    }
                },
                std::time::Duration::from_millis(SAVE_DELAY_MS),
            );
        });
    }

    // Flush when the page is hidden or closed (a reload right after a click keeps the click).
    {
        let save_now = Rc::clone(&save_now);
        let flush = Rc::new(move || {
            work.with_untracked(|a| save_now(a));
        });
        let f1 = Rc::clone(&flush);
        let _ = window_event_listener(ev::pagehide, move |_| f1());
        let _ = window_event_listener(ev::visibilitychange, move |_| flush());
    }

    // Another tab saved: take its version (it is the newest), without writing it back.
    {
        let last = Rc::clone(&last);
        let _ = window_event_listener(ev::storage, move |e| {
            if e.key().as_deref() != Some(browser::key_name(StorageKey::Work).as_str())
                && e.key().is_some()
            {
                return;
            }
            let text = e.new_value().unwrap_or_default();
            if text.is_empty() {
                *last.borrow_mut() = String::new();
                work.set(Assessment::default());
                return;
            }
            let last = Rc::clone(&last);
            leptos::task::spawn_local(async move {
                match split::read_saved_work(text.clone(), catalogue).await {
                    Ok(Ok(Incoming { assessment: a, .. })) => {
                        *last.borrow_mut() = text;
                        if work.with_untracked(|current| *current != a) {
                            work.set(a);
                        }
                    }
                    Ok(Err(e)) => leptos::logging::warn!("another tab saved unreadable data: {e}"),
                    Err(e) => leptos::logging::warn!("another tab saved: reader unavailable: {e}"),
                }
            });
        });
    }
    work
}
