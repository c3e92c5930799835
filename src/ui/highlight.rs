//! Renders a text with some byte ranges marked (search reasons, matched experience words).

use std::ops::Range;

use leptos::prelude::*;

use crate::core::text::highlight_pieces;

#[component]
pub fn Highlighted(text: String, ranges: Vec<Range<usize>>) -> impl IntoView {
    highlight_pieces(&text, &ranges)
        .into_iter()
        .map(|(piece, marked)| {
            let piece = piece.to_owned();
            if marked {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}
