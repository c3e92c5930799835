//! A bar chart in plain SVG: one bar per bloc, 0–100 %. It is an image with a text
//! alternative; the page shows the same values in a table right after it.

use leptos::prelude::*;

use crate::core::scoring::CertScore;
use crate::i18n::{percent, Msg};
use crate::ui::context::lang;

const BAR_H: f32 = 28.0;
const GAP: f32 = 12.0;
const LABEL_W: f32 = 150.0;
const CHART_W: f32 = 600.0;

#[component]
pub fn BlocChart(score: CertScore) -> impl IntoView {
    let lang = lang();
    let n = score.blocs.len() as f32;
    let height = n * (BAR_H + GAP) + GAP;
    let title_id = format!("chart-title-{}", score.code);
    let desc_id = format!("chart-desc-{}", score.code);
    let code = score.code.clone();
    let (tid, did) = (title_id.clone(), desc_id.clone());
    let bars = score
        .blocs
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = GAP + i as f32 * (BAR_H + GAP);
            let p = percent(b.readiness);
            let w = (CHART_W - LABEL_W - 60.0) * p as f32 / 100.0;
            let short = b.bloc_code.trim_start_matches(&score.code).to_owned();
            let class = if b.ready { "bar bar--ready" } else { "bar" };
            view! {
                <g>
                    <text x="0" y=y + BAR_H * 0.7 class="chart__label">{short}</text>
                    <rect x=LABEL_W y=y width=CHART_W - LABEL_W - 60.0 height=BAR_H class="bar__track" />
                    <rect x=LABEL_W y=y width=w height=BAR_H class=class />
                    <text x=LABEL_W + (CHART_W - LABEL_W - 60.0) + 8.0 y=y + BAR_H * 0.7 class="chart__value">{move || Msg::Percent.fill(lang.get(), &[("n", &p.to_string())])}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {CHART_W} {height}") role="img" aria-labelledby=format!("{tid} {did}") preserveAspectRatio="xMinYMin meet">
            <title id=title_id>{move || Msg::ChartTitle.fill(lang.get(), &[("code", &code)])}</title>
            <desc id=desc_id>{move || Msg::ChartDescription.text(lang.get())}</desc>
            {bars}
        </svg>
    }
}
