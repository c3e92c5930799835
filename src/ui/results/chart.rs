//! A bar chart in plain SVG: one bar per bloc, 0–100 %. It is an image with a text
//! alternative; the page shows the same values in a table right after it.

use leptos::prelude::*;

use crate::core::scoring::CertScore;
use crate::i18n::{percent, Msg};
use crate::ui::context::lang;

// Whole numbers only: the geometry never needs a fraction of a unit, and formatting floats
// would bring float-printing code into the wasm (about 9 KB gzip).
const BAR_H: u32 = 28;
const GAP: u32 = 12;
const LABEL_W: u32 = 150;
const CHART_W: u32 = 600;
const TRACK_W: u32 = CHART_W - LABEL_W - 60;
/// Baseline of a bar's labels, from the bar's top (70 % of its height).
const TEXT_Y: u32 = BAR_H * 7 / 10;

#[component]
pub fn BlocChart(score: CertScore) -> impl IntoView {
    let lang = lang();
    let n = u32::try_from(score.blocs.len()).unwrap_or(u32::MAX / 64);
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
            let y = GAP + u32::try_from(i).unwrap_or(0) * (BAR_H + GAP);
            let p = percent(b.readiness);
            let w = TRACK_W * p.min(100) / 100;
            let short = b.bloc_code.trim_start_matches(&score.code).to_owned();
            let class = if b.ready { "bar bar--ready" } else { "bar" };
            view! {
                <g>
                    <text x="0" y=y + TEXT_Y class="chart__label">{short}</text>
                    <rect x=LABEL_W y=y width=TRACK_W height=BAR_H class="bar__track" />
                    <rect x=LABEL_W y=y width=w height=BAR_H class=class />
                    <text x=LABEL_W + TRACK_W + 8 y=y + TEXT_Y class="chart__value">{move || Msg::Percent.fill(lang.get(), &[("n", &p.to_string())])}</text>
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
