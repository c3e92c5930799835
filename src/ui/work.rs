//! The user's work (`Assessment`) as a signal in context, kept in local storage: restored on
//! load, saved (debounced) on every change, flushed when the page is hidden, and kept in step
//! across tabs through the `storage` event. Unreadable saved data is explained and backed up,
//! never overwritten silently.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;

use super::browser::{self, StorageKey};
use super::notice::{NoticeKind, Notices};
use crate::core::alike::AlikeIndex;
use crate::core::assessment::Assessment;
use crate::core::catalogue::Catalogue;
use crate::core::codec::{decode_saved, encode_saved};
use crate::core::matching::{Analyzer, Matcher};
use crate::core::search::SearchIndex;
use crate::i18n::Msg;
use crate::ui::errors::codec_error_msg;

/// The user's work: selection, ratings, notes, experiences.
#[derive(Clone, Copy)]
pub struct MyWork(pub RwSignal<Assessment>);

pub fn my_work() -> RwSignal<Assessment> {
    expect_context::<MyWork>().0
}

/// Milliseconds between the last change and the save.
const SAVE_DELAY_MS: u64 = 300;

thread_local! {
    static MATCHER: OnceCell<&'static Matcher> = const { OnceCell::new() };
    static ALIKE: OnceCell<&'static AlikeIndex> = const { OnceCell::new() };
    static SEARCH: OnceCell<&'static SearchIndex<'static>> = const { OnceCell::new() };
}

/// The catalogue search index (with the French analyzer), built on first use.
pub fn search_index(catalogue: &'static Catalogue) -> &'static SearchIndex<'static> {
    SEARCH.with(|s| {
        *s.get_or_init(|| {
            let analyzer: &'static Analyzer = Box::leak(Box::new(Analyzer::new()));
            Box::leak(Box::new(SearchIndex::new(catalogue, Some(analyzer))))
        })
    })
}

/// The experience matcher, built on first use (it indexes every competency once).
pub fn matcher(catalogue: &'static Catalogue) -> &'static Matcher {
    MATCHER.with(|m| *m.get_or_init(|| Box::leak(Box::new(Matcher::new(catalogue)))))
}

/// Alike competencies across certifications, computed on first use.
pub fn alike(catalogue: &'static Catalogue) -> &'static AlikeIndex {
    ALIKE.with(|a| *a.get_or_init(|| Box::leak(Box::new(AlikeIndex::compute(catalogue)))))
}

/// Reads the saved work. Unreadable data is copied to a backup key (once) and explained.
fn restore(catalogue: &Catalogue, notices: Notices) -> Assessment {
    let Some(text) = browser::load(StorageKey::Work) else {
        return Assessment::default();
    };
    match decode_saved(&text) {
        Ok(mut a) => {
            let pruned = a.prune(catalogue);
            if !pruned.is_empty() {
                notices.push(
                    NoticeKind::Info,
                    Msg::RestorePruned,
                    vec![(
                        "n",
                        (pruned.codes.len() + pruned.competencies.len()).to_string(),
                    )],
                );
            }
            a
        }
        Err(e) => {
            let backed_up = browser::save(StorageKey::WorkBackup, &text).is_ok();
            leptos::logging::warn!("saved work unreadable: {e}");
            notices.push_detailed(
                NoticeKind::Error,
                if backed_up {
                    Msg::RestoreFailedBackedUp
                } else {
                    Msg::RestoreFailed
                },
                vec![],
                Some(codec_error_msg(&e)),
            );
            Assessment::default()
        }
    }
}

/// Provides `MyWork` and wires storage. Call once, in `App`.
pub fn provide_work(catalogue: &'static Catalogue, notices: Notices) -> RwSignal<Assessment> {
    let work = RwSignal::new(restore(catalogue, notices));
    provide_context(MyWork(work));

    // What storage holds now (as we last wrote or read it): no echo writes, no lost updates.
    let last = Rc::new(std::cell::RefCell::new(
        browser::load(StorageKey::Work).unwrap_or_default(),
    ));
    let generation = Rc::new(Cell::new(0u64));

    let save_now = {
        let last = Rc::clone(&last);
        move |a: &Assessment| {
            let text = if a.is_empty() {
                String::new()
            } else {
                encode_saved(a)
            };
            if *last.borrow() == text {
                return;
            }
            let result = if text.is_empty() {
                browser::remove(StorageKey::Work)
            } else {
                browser::save(StorageKey::Work, &text)
            };
            match result {
                Ok(()) => *last.borrow_mut() = text,
                Err(e) => {
                    leptos::logging::warn!("could not save: {e}");
                    notices.push(NoticeKind::Error, Msg::SaveFailed, vec![]);
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
            let save_now = Rc::clone(&save_now);
            let gen_now = Rc::clone(&generation);
            set_timeout(
                move || {
                    if gen_now.get() == g {
                        work.with_untracked(|a| save_now(a));
                    }
                },
                std::time::Duration::from_millis(SAVE_DELAY_MS),
            );
        });
    }

    // Flush when the page is hidden or closed (a reload right after a click keeps the click).
    {
        let save_now = Rc::clone(&save_now);
        let flush = Rc::new(move || work.with_untracked(|a| save_now(a)));
        let f1 = Rc::clone(&flush);
        let _ = window_event_listener(ev::pagehide, move |_| f1());
        let _ = window_event_listener(ev::visibilitychange, move |_| flush());
    }

    // Another tab saved: take its version (it is the newest), without writing it back.
    {
        let last = Rc::clone(&last);
        let _ = window_event_listener(ev::storage, move |e| {
            if e.key().as_deref() != Some(StorageKey::Work.as_str()) && e.key().is_some() {
                return;
            }
            let text = e.new_value().unwrap_or_default();
            if text.is_empty() {
                *last.borrow_mut() = String::new();
                work.set(Assessment::default());
                return;
            }
            match decode_saved(&text) {
                Ok(mut a) => {
                    let _ = a.prune(catalogue);
                    *last.borrow_mut() = text;
                    if work.with_untracked(|current| *current != a) {
                        work.set(a);
                    }
                }
                Err(e) => leptos::logging::warn!("another tab saved unreadable data: {e}"),
            }
        });
    }
    work
}
