//! Property tests of the embed parameters (`src/core/embed.rs`): the frame's query string is
//! written by a page Repère does not control, so no input may make the decoder panic; what it
//! accepts round-trips; every accent, whatever its colour, gives a readable palette.

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use repere::core::embed::{
    asks_embed, contrast, EmbedConfig, Palette, Rgb, MIN_CONTRAST, PAGE_BG, WHITE,
};

fn known(code: &str) -> bool {
    ["RNCP37722", "RNCP41674", "RNCP2383"].contains(&code)
}

proptest! {
    #[test]
    fn any_query_is_read_without_panic(q in ".{0,300}") {
        let _ = EmbedConfig::from_query(&q, known);
        let _ = EmbedConfig::from_query(&format!("embed=1&{q}"), known);
    }

    #[test]
    fn asks_embed_agrees_with_the_full_reader(
        parts in proptest::collection::vec(("(embed|%65mbed|codes|x|)", "(1|0|%31|1 |)"), 0..5),
        tail in ".{0,40}",
    ) {
        let q: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        for q in [q.join("&"), format!("?{}", q.join("&")), format!("{}&{tail}", q.join("&")), tail.clone()] {
            prop_assert_eq!(asks_embed(&q), EmbedConfig::from_query(&q, known).is_some(), "{}", q);
        }
    }

    #[test]
    fn query_like_input_is_read_without_panic(
        parts in proptest::collection::vec(
            ("(embed|codes|only|lang|accent|start|share|host|minheight|x)", "[A-Za-z0-9%#,;:/()._ -]{0,40}"),
            0..10,
        )
    ) {
        let q: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let q = format!("embed=1&{}", q.join("&"));
        let (config, _) = EmbedConfig::from_query(&q, known).unwrap();
        // What was accepted is valid and reads back the same.
        prop_assert!(config.codes.iter().all(|c| known(c)));
        let (again, warnings) = EmbedConfig::from_query(&config.to_query(), known).unwrap();
        prop_assert_eq!(again.codes, config.codes);
        prop_assert_eq!(again.start, config.start);
        prop_assert_eq!(again.share_with, config.share_with);
        prop_assert_eq!(again.host, config.host);
        prop_assert_eq!(again.min_height, config.min_height);
        prop_assert_eq!(again.palette.map(|p| p.accent), config.palette.map(|p| p.accent));
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
    }

    #[test]
    fn colours_round_trip(r: u8, g: u8, b: u8) {
        let c = Rgb::new(r, g, b);
        prop_assert_eq!(Rgb::parse(&c.hex()), Some(c));
        prop_assert_eq!(Rgb::parse(&c.hex()[1..].to_uppercase()), Some(c));
    }

    #[test]
    fn every_accent_gives_a_readable_palette(r: u8, g: u8, b: u8) {
        let p = Palette::for_accent(Rgb::new(r, g, b));
        prop_assert!(contrast(p.accent, PAGE_BG) >= MIN_CONTRAST);
        prop_assert!(contrast(p.accent, WHITE) >= MIN_CONTRAST);
        prop_assert!(contrast(p.text, p.accent) >= MIN_CONTRAST);
    }

    #[test]
    fn colour_parser_never_panics(s in ".{0,12}") {
        let _ = Rgb::parse(&s);
    }
}
