//! The whole fiches, downloaded when needed (`core::dataset`): the index gives every page what it
//! needs except a fiche's long texts, which its fiche page (and the results page's evaluation
//! modalities) read from `data/fiches/<CODE>.json`. Each file is asked for once; the service
//! worker keeps it for offline use. The selected certifications are fetched as soon as they are
//! selected, so that their fiches open offline later.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use crate::core::dataset::{fiche_path, read_fiche};
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
                Ok(json) => match read_fiche(&key, &json) {
                    Ok(cert) => FicheState::Ready(Box::leak(Box::new(cert))),
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

    /// Forgets a failure and asks again.
    pub fn retry(self, code: &str) {
        let key = code.trim().to_ascii_uppercase();
        self.0.update(|m| {
            m.remove(&key);
        });
        self.request(&key);
    }
}
