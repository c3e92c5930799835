//! Messages to the user that outlive a click (saved-data problems, import results, errors),
//! shown at the top of the page in a live region, each with a close button.

use leptos::prelude::*;

use super::context::{lang, t};
use crate::i18n::{Lang, Msg};
use crate::ui::errors::Refusal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Error,
}

impl NoticeKind {
    fn class(self) -> &'static str {
        match self {
            NoticeKind::Info => "notice",
            NoticeKind::Success => "notice notice--ok",
            NoticeKind::Error => "notice notice--error",
        }
    }
}

/// One message: a translated text with its parameters, so it follows a language switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub msg: Msg,
    pub params: Vec<(&'static str, String)>,
    /// A second sentence, e.g. the reason of an error.
    pub detail: Option<Msg>,
    /// The page (see [`Notices::page_changed`]) on which it was shown.
    page: u32,
}

/// The messages on screen, a counter of page changes, the last id given, and the UI language
/// (to write numbers in a message's parameters).
#[derive(Clone, Copy)]
pub struct Notices(
    pub RwSignal<Vec<Notice>>,
    pub StoredValue<u32>,
    StoredValue<u32>,
    RwSignal<Lang>,
);

impl Notices {
    pub fn new(lang: RwSignal<Lang>) -> Notices {
        Notices(
            RwSignal::new(Vec::new()),
            StoredValue::new(0),
            StoredValue::new(0),
            lang,
        )
    }

    /// Shows a count with its plural form: `one` for 1, `many` otherwise (`{n}` in both).
    pub fn push_count(self, kind: NoticeKind, n: usize, one: Msg, many: Msg) {
        let msg = if n == 1 { one } else { many };
        self.push(kind, msg, vec![("n", n.to_string())]);
    }

    /// Says why the core refused an edit.
    pub fn refused(self, why: Refusal) {
        let params = why.params(self.3.get_untracked());
        self.push(NoticeKind::Error, why.msg, params);
    }

    /// After a page change, confirmations from before the previous page go away; errors stay
    /// until closed. (A page that shows a message and moves on keeps it for the next page.)
    pub fn page_changed(self) {
        let page = self.1.get_value() + 1;
        self.1.set_value(page);
        self.0
            .update(|list| list.retain(|n| n.kind == NoticeKind::Error || n.page + 1 >= page));
    }

    /// Shows a message (replacing an identical one rather than stacking it).
    pub fn push(self, kind: NoticeKind, msg: Msg, params: Vec<(&'static str, String)>) {
        self.push_detailed(kind, msg, params, None);
    }

    /// Shows a message followed by a detail sentence.
    pub fn push_detailed(
        self,
        kind: NoticeKind,
        msg: Msg,
        params: Vec<(&'static str, String)>,
        detail: Option<Msg>,
    ) {
        self.0.update(|list| {
            list.retain(|n| n.msg != msg);
            // Never reuse an id: `<For>` keys rows by it.
            let id = self.2.get_value() + 1;
            self.2.set_value(id);
            list.push(Notice {
                id,
                kind,
                msg,
                params,
                detail,
                page: self.1.get_value(),
            });
        });
    }

    pub fn dismiss(self, id: u32) {
        self.0.update(|list| list.retain(|n| n.id != id));
    }
}

pub fn notices() -> Notices {
    expect_context::<Notices>()
}

/// The notices area. Errors are announced assertively, the rest politely.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let notices = notices();
    let lang = lang();
    view! {
        <div class="notices" data-testid="notices">
            <For each=move || notices.0.get() key=|n| n.id let:n>
                {
                    let id = n.id;
                    let role = if n.kind == NoticeKind::Error { "alert" } else { "status" };
                    let text = move || {
                        let params: Vec<(&str, &str)> = n.params.iter().map(|(k, v)| (*k, v.as_str())).collect();
                        let l = lang.get();
                        match n.detail {
                            Some(d) => format!("{} {}", n.msg.fill(l, &params), d.text(l)),
                            None => n.msg.fill(l, &params),
                        }
                    };
                    view! {
                        <div class=n.kind.class() role=role data-testid="notice">
                            <p>{text}</p>
                            <button type="button" class="button button--secondary button--small"
                                on:click=move |_| notices.dismiss(id)>
                                {t(Msg::Close)}
                            </button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
