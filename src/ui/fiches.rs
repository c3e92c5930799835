//! The whole fiches, downloaded when needed (`core::dataset`): the index gives the catalogue's
//! cards; a fiche's page, and every page about the selection (self-assessment, experiences,
//! results, report), read the fiche from `data/fiches/<CODE>.json`. Each file is asked for once;
//! the service worker keeps it for offline use. The selected certifications are fetched as soon
//! as they are selected ([`Fiches::selection`] gives them as one catalogue), so that the pages
//! about the selection work on them alone, whatever the size of the catalogue.

use crate::core::order;
use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{browser, split};
use crate::core::catalogue::Catalogue;
use crate::core::dataset::fiche_path;
use crate::core::model::Certification;

/// Where a fiche's file stands.
#[derive(Clone, Debug, PartialEq)]
pub enum FicheState {
    Loading,
    Ready(&'static Certification),
    /// The reason, for the log; the page shows a plain message with a way to try again.
    Failed(String),
}

/// The downloaded fiches, by upper-case code.
#[derive(Clone, Copy)]
pub struct Fiches(RwSignal<HashMap<String, FicheState>>);

/// How the selected fiches stand: all there, some on their way, some failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectionState {
    pub loading: Vec<String>,
    pub failed: Vec<String>,
}

thread_local! {
    /// Catalogues of selected fiches, by their (sorted) codes: built once per set.
    static SELECTIONS: RefCell<HashMap<Vec<String>, &'static Catalogue>> = RefCell::new(HashMap::new());
}

/// Provides the store. Call once, in `App`.
pub fn provide_fiches() -> Fiches {
    let store = Fiches(RwSignal::new(HashMap::new()));
    provide_context(store);
    store
}

pub fn fiches() -> Fiches {
    expect_context::<Fiches>()
}

impl Fiches {
    /// The fiche's state (reactive), asking for its file the first time (and again after a
    /// failure when `retry`).
    pub fn get(self, code: &str) -> FicheState {
        let key = code.trim().to_ascii_uppercase();
        if let Some(state) = self.0.with(|m| m.get(&key).cloned()) {
            return state;
        }
        self.request(&key);
        FicheState::Loading
    }

    /// The whole certification when its file is there (reactive), without asking for it.
    pub fn ready(self, code: &str) -> Option<&'static Certification> {
        let key = code.trim().to_ascii_uppercase();
        self.0.with(|m| match m.get(&key) {
            Some(FicheState::Ready(c)) => Some(*c),
            _ => None,
        })
    }

    /// Starts downloading the fiche unless it is there or on its way.
    pub fn request(self, code: &str) {
        let key = code.trim().to_ascii_uppercase();
        let busy = self.0.with_untracked(|m| {
            matches!(
                m.get(&key),
                Some(FicheState::Loading | FicheState::Ready(_))
            )
        });
        if busy {
            return;
        }
        // Marked outside the current reactive update (this may be called while rendering).
        let store = self.0;
        let insert = move |key: String, state: FicheState| {
            store.update(|m| {
                m.insert(key, state);
            })
        };
        insert(key.clone(), FicheState::Loading);
        spawn_local(async move {
            let state = match browser::fetch_text(&fiche_path(&key)).await {
                // The reader is a chunk of its own (`ui::split`), fetched with the first fiche.
                Ok(json) => match split::read_fiche_file(key.clone(), json).await {
                    Ok(Ok(cert)) => FicheState::Ready(Box::leak(Box::new(cert))),
                    Ok(Err(e)) => FicheState::Failed(e.to_string()),
                    Err(e) => FicheState::Failed(e.to_string()),
                },
                Err(e) => FicheState::Failed(e),
            };
            if let FicheState::Failed(reason) = &state {
                leptos::logging::warn!("fiche {key}: {reason}");
            }
            insert(key, state);
        });
    }

    /// The fiches of these codes that are there, as one catalogue (reactive; those still on
    /// their way or failed are left out: see [`Fiches::state_of`]). The self-assessment,
    /// experiences and results pages work on it: the selection, never the whole catalogue.
    pub fn selection(self, codes: &[String]) -> &'static Catalogue {
        let mut certs: Vec<&'static Certification> =
            codes.iter().filter_map(|c| self.ready(c)).collect();
        order::sort_by(&mut certs, |a, b| a.code.cmp(&b.code));
        certs.dedup_by(|a, b| a.code == b.code);
        let key: Vec<String> = certs.iter().map(|c| c.code.clone()).collect();
        SELECTIONS.with(|s| {
            if let Some(cat) = s.borrow().get(&key) {
                return *cat;
            }
            let files = certs
                .iter()
                .map(|c| (format!("{}.json", c.code), (*c).clone()))
                .collect();
            // Each fiche was checked when it arrived and codes are distinct: this cannot fail
            // but on two fiches sharing a competency id, which the build refuses.
            let cat: &'static Catalogue = Box::leak(Box::new(
                Catalogue::from_certifications(files).unwrap_or_default(),
            ));
            s.borrow_mut().insert(key, cat);
            cat
        })
    }

    /// Which of these fiches are on their way or failed (reactive), asking for missing ones.
    pub fn state_of(self, codes: &[String]) -> SelectionState {
        let mut state = SelectionState {
            loading: Vec::new(),
            failed: Vec::new(),
        };
        for code in codes {
            match self.get(code) {
                FicheState::Loading => state.loading.push(code.clone()),
                FicheState::Failed(_) => state.failed.push(code.clone()),
                FicheState::Ready(_) => {}
            }
        }
        state
    }

    /// Forgets a failure and asks again.
    pub fn retry(self, code: &str) {
        let key = code.trim().to_ascii_uppercase();
        self.0.update(|m| {
            m.remove(&key);
        });
        self.request(&key);
    }
}
