//! `#/partage/<payload>`: opening a share link. Into empty work it loads directly; over
//! existing work it asks first (replace, merge or cancel). A broken link is explained and the
//! user's work is left as it was.

use leptos::prelude::*;

use super::summary::IncomingChoice;
use crate::core::assessment::Assessment;
use crate::core::codec::{read_incoming, Origin};
use crate::core::route::Route;
use crate::i18n::Msg;
use crate::ui::context::{env, lang, navigate, t};
use crate::ui::errors::codec_error_msg;
use crate::ui::notice::{notices, NoticeKind};
use crate::ui::title::use_title;
use crate::ui::work::my_work;

#[component]
pub fn SharePage(payload: String) -> impl IntoView {
    let env = env();
    let work = my_work();
    let lang = lang();
    let notices = notices();
    use_title(move || Msg::ShareOpenTitle.text(lang.get()).to_owned());
    let decoded = read_incoming(Origin::ShareLink, &payload, env.catalogue).map(|i| i.assessment);
    let body = match decoded {
        Err(e) => {
            let detail = codec_error_msg(&e);
            view! {
                <div class="notice notice--error" role="alert" data-testid="share-error">
                    <p>{t(Msg::ShareOpenFailed)}" "{t(detail)}</p>
                </div>
                <p><a class="button" href=Route::home().to_hash()>{t(Msg::BackToCatalogue)}</a></p>
            }
            .into_any()
        }
        Ok(incoming) if work.with_untracked(Assessment::is_empty) => {
            work.set(incoming);
            notices.push(NoticeKind::Success, Msg::ShareOpenLoaded, vec![]);
            // Leave the link's URL: the work is now saved on this device.
            request_animation_frame(|| navigate(Route::Results, true));
            ().into_any()
        }
        Ok(incoming) => view! {
            <IncomingChoice incoming found=Msg::ShareOpenFound on_done=Callback::new(|()| navigate(Route::Results, true)) />
        }
        .into_any(),
    };
    view! {
        <div class="page page--narrow">
            <h1 tabindex="-1">{t(Msg::ShareOpenTitle)}</h1>
            {body}
        </div>
    }
}
