//! Repère embedded in a training provider's page (`public/embed.js`): the parameters the frame
//! receives in its URL, validated again here (the app never trusts the host page), the accent
//! palette with its contrast checks, the snippet the builder page writes, and the
//! `repere:results` payload sent to the host after the user's explicit click.
//!
//! # The frame's URL
//!
//! `index.html?embed=1&codes=RNCP37722,RNCP41674&only=1&lang=fr&accent=7a1f5c&start=assess`
//! `&share=Organisme%20Exemple&host=https%3A%2F%2Fexample.org#/…` — every key but `embed` is
//! optional. Anything invalid is dropped with an [`EmbedWarning`] and the default is used.
//!
//! # The accent
//!
//! `#rgb` or `#rrggbb` only (no names, no functions: nothing that could carry CSS). The accent
//! colours links on the page background and is the background of primary buttons, so it must
//! reach 4.5:1 against [`PAGE_BG`] (and thus against white): a lighter colour is darkened, in
//! its own hue, until it does ([`Palette::adjusted`]). The text on it is white or near-black,
//! whichever contrasts more, and is checked too.

use crate::core::order;
use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::catalogue::Catalogue;
use super::date::Date;
use super::route::{percent_decode, percent_encode, Route};
use super::scoring::score_selection;

/// The `schema` of the `repere:results` payload (see `docs/results-payload.schema.json`).
pub const RESULTS_SCHEMA: &str = "repere.results/1";
/// Most certifications one embed may name.
pub const MAX_CODES: usize = 20;
/// Longest name of the provider in `data-share-with`, in characters.
pub const MAX_SHARE_WITH_CHARS: usize = 80;
/// Smallest and largest `data-min-height`, in CSS pixels.
pub const MIN_HEIGHT_RANGE: (u32, u32) = (200, 4000);
/// WCAG 2.1 AA contrast for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

/// The page background of the app (`--repere-bg`).
pub const PAGE_BG: Rgb = Rgb::new(0xf7, 0xf7, 0xf5);
pub const WHITE: Rgb = Rgb::new(0xff, 0xff, 0xff);
/// The app's text colour (`--repere-text`).
pub const DARK_TEXT: Rgb = Rgb::new(0x1d, 0x1f, 0x21);
/// The app's own accent (`--repere-accent`).
pub const DEFAULT_ACCENT: Rgb = Rgb::new(0x0b, 0x5c, 0x70);

impl Rgb {
    pub const fn new(r: u8, g: u8, b: u8) -> Rgb {
        Rgb { r, g, b }
    }

    /// `#rgb`, `#rrggbb`, or the same without `#` (hex digits of either case). Nothing else:
    /// no names, no `rgb()`, no spaces, no `;`.
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#').unwrap_or(s);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        match hex.len() {
            3 => Some(Rgb::new(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Rgb::new(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        }
    }

    /// `#rrggbb`, lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// WCAG 2.1 relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// Mixes `self` toward `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb::new(m(self.r, other.r), m(self.g, other.g), m(self.b, other.b))
    }
}

/// WCAG 2.1 contrast ratio, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The colours derived from a provider's accent: what the app sets as CSS custom properties.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// `--repere-accent`: links and primary buttons; ≥ 4.5:1 on the page background.
    pub accent: Rgb,
    /// `--repere-accent-text`: text on the accent; ≥ 4.5:1 on it.
    pub text: Rgb,
    /// `--repere-accent-soft`: a light tint for selected states (dark text on it).
    pub soft: Rgb,
    /// The provider's colour was too light and has been darkened.
    pub adjusted: bool,
}

impl Palette {
    /// The palette for `wanted`, darkened in its hue until it is readable.
    pub fn for_accent(wanted: Rgb) -> Palette {
        let black = Rgb::new(0, 0, 0);
        let mut accent = wanted;
        let mut step = 0;
        while contrast(accent, PAGE_BG) < MIN_CONTRAST && step < 100 {
            step += 1;
            accent = wanted.mix(black, f64::from(step) / 100.0);
        }
        let text = if contrast(WHITE, accent) >= contrast(DARK_TEXT, accent) {
            WHITE
        } else {
            DARK_TEXT
        };
        Palette {
            accent,
            text,
            soft: accent.mix(WHITE, 0.88),
            adjusted: accent != wanted,
        }
    }

    /// `(custom property, value)` pairs, for `style.setProperty` (never CSS text).
    pub fn properties(&self) -> [(&'static str, String); 3] {
        [
            ("--repere-accent", self.accent.hex()),
            ("--repere-accent-text", self.text.hex()),
            ("--repere-accent-soft", self.soft.hex()),
        ]
    }
}

/// The page an embed opens on (`data-start`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StartPage {
    #[default]
    Catalogue,
    Fiche,
    Assess,
    Results,
}

impl StartPage {
    pub const ALL: [StartPage; 4] = [
        StartPage::Catalogue,
        StartPage::Fiche,
        StartPage::Assess,
        StartPage::Results,
    ];

    /// The attribute value (`catalogue`, `fiche`, `assess`, `results`).
    pub fn as_str(self) -> &'static str {
        match self {
            StartPage::Catalogue => "catalogue",
            StartPage::Fiche => "fiche",
            StartPage::Assess => "assess",
            StartPage::Results => "results",
        }
    }

    pub fn parse(s: &str) -> Option<StartPage> {
        StartPage::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// The two interface languages, as attribute values.
pub const LANGS: [&str; 2] = ["fr", "en"];

/// Something the host page asked for that the app does not accept; the default is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedWarning {
    UnknownCode(String),
    TooManyCodes,
    BadAccent(String),
    AccentAdjusted {
        wanted: String,
        used: String,
    },
    BadStart(String),
    BadLang(String),
    BadShareWith,
    BadHost,
    BadMinHeight(String),
    /// `start=fiche` or `assess` with no valid certification: the catalogue opens instead.
    StartNeedsCode,
}

impl EmbedWarning {
    /// The `data-…` attribute at fault.
    pub fn attribute(&self) -> &'static str {
        match self {
            EmbedWarning::UnknownCode(_) | EmbedWarning::TooManyCodes => "data-certifications",
            EmbedWarning::BadAccent(_) | EmbedWarning::AccentAdjusted { .. } => "data-accent",
            EmbedWarning::BadStart(_) | EmbedWarning::StartNeedsCode => "data-start",
            EmbedWarning::BadLang(_) => "data-lang",
            EmbedWarning::BadShareWith => "data-share-with",
            EmbedWarning::BadHost => "host",
            EmbedWarning::BadMinHeight(_) => "data-min-height",
        }
    }

    /// A technical message for the console (English, names the attribute).
    pub fn message(&self) -> String {
        let attr = self.attribute();
        match self {
            EmbedWarning::UnknownCode(c) => format!("{attr}: unknown certification {c:?} ignored"),
            EmbedWarning::TooManyCodes => format!("{attr}: more than {MAX_CODES} codes, the rest ignored"),
            EmbedWarning::BadAccent(v) => format!("{attr}: {v:?} is not a #rgb or #rrggbb colour; the default accent is used"),
            EmbedWarning::AccentAdjusted { wanted, used } => format!("{attr}: {wanted} is too light to read on the page (contrast under 4.5:1); {used} is used"),
            EmbedWarning::BadStart(v) => format!("{attr}: {v:?} is not one of catalogue, fiche, assess, results; the catalogue opens"),
            EmbedWarning::BadLang(v) => format!("{attr}: {v:?} is not fr or en; French is used"),
            EmbedWarning::BadShareWith => format!("{attr}: empty, too long (over {MAX_SHARE_WITH_CHARS} characters) or with control characters; sending results is off"),
            EmbedWarning::BadHost => format!("{attr}: not an http(s) origin; no event reaches the host page"),
            EmbedWarning::BadMinHeight(v) => format!("{attr}: {v:?} is not a number of pixels between {} and {}", MIN_HEIGHT_RANGE.0, MIN_HEIGHT_RANGE.1),
            EmbedWarning::StartNeedsCode => format!("{attr}: this page needs a certification in data-certifications; the catalogue opens"),
        }
    }
}

/// What an embedding page asked for, once validated.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedConfig {
    /// Known certification codes, upper case, without duplicates, in the given order.
    pub codes: Vec<String>,
    /// The catalogue lists only `codes`.
    pub only: bool,
    /// `fr` or `en`; `None`: the app's usual choice.
    pub lang: Option<&'static str>,
    pub palette: Option<Palette>,
    pub start: StartPage,
    /// The provider's name, when it wants to receive results (`data-share-with`).
    pub share_with: Option<String>,
    /// The host page's origin (`https://example.org`), the only target of messages.
    pub host: Option<String>,
    pub min_height: Option<u32>,
}

/// The certification codes of a comma- or space-separated list, upper-cased, with a warning
/// for each one `known` refuses. Duplicates are dropped.
pub fn parse_codes(
    list: &str,
    known: impl Fn(&str) -> bool,
    warnings: &mut Vec<EmbedWarning>,
) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for raw in list
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let code = raw.to_ascii_uppercase();
        if !known(&code) {
            warnings.push(EmbedWarning::UnknownCode(raw.chars().take(40).collect()));
        } else if codes.len() >= MAX_CODES {
            if !warnings.contains(&EmbedWarning::TooManyCodes) {
                warnings.push(EmbedWarning::TooManyCodes);
            }
        } else if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// A provider name fit to show in a button: trimmed, 1 to [`MAX_SHARE_WITH_CHARS`]
/// characters, no control characters. It is only ever shown as text.
pub fn parse_share_with(s: &str) -> Option<String> {
    let s = s.trim();
    let n = s.chars().count();
    (n > 0 && n <= MAX_SHARE_WITH_CHARS && !s.chars().any(char::is_control)).then(|| s.to_owned())
}

/// `http(s)://host[:port]`, nothing after: the form of `location.origin`.
pub fn parse_origin(s: &str) -> Option<String> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))?;
    let ok = !rest.is_empty()
        && rest.len() <= 253
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    ok.then(|| s.to_ascii_lowercase())
}

/// A minimum height in CSS pixels (`600` or `600px`) within [`MIN_HEIGHT_RANGE`].
pub fn parse_min_height(s: &str) -> Option<u32> {
    let n: u32 = s
        .trim()
        .strip_suffix("px")
        .unwrap_or(s.trim())
        .parse()
        .ok()?;
    (MIN_HEIGHT_RANGE.0..=MIN_HEIGHT_RANGE.1)
        .contains(&n)
        .then_some(n)
}

/// Whether the frame's query string asks for embedded mode (its first `embed` is `1`): the
/// same test as [`EmbedConfig::from_query`]'s, without reading the rest, so that the app loads
/// the embedded mode's code only when it is embedded.
pub fn asks_embed(query: &str) -> bool {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(k, _)| *k == "embed")
        .is_some_and(|(_, v)| percent_decode(v) == "1")
}

impl EmbedConfig {
    /// Reads the frame's query string (`location.search`, with or without `?`). `None` when it
    /// does not ask for embedded mode (`embed=1`). Never fails otherwise: what is invalid is
    /// left at its default and listed in the warnings.
    pub fn from_query(
        query: &str,
        known: impl Fn(&str) -> bool,
    ) -> Option<(EmbedConfig, Vec<EmbedWarning>)> {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            // The first value of a key wins.
            if !pairs.iter().any(|(key, _)| *key == k) {
                pairs.push((k, percent_decode(v)));
            }
        }
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.as_str())
        };
        if get("embed") != Some("1") {
            return None;
        }
        let mut warnings = Vec::new();
        let mut config = EmbedConfig {
            codes: get("codes")
                .map(|list| parse_codes(list, &known, &mut warnings))
                .unwrap_or_default(),
            ..EmbedConfig::default()
        };
        config.only = get("only") == Some("1") && !config.codes.is_empty();
        if let Some(l) = get("lang") {
            match LANGS.into_iter().find(|x| *x == l) {
                Some(x) => config.lang = Some(x),
                None => warnings.push(EmbedWarning::BadLang(short(l))),
            }
        }
        if let Some(a) = get("accent") {
            match Rgb::parse(a) {
                Some(wanted) => {
                    let palette = Palette::for_accent(wanted);
                    if palette.adjusted {
                        warnings.push(EmbedWarning::AccentAdjusted {
                            wanted: wanted.hex(),
                            used: palette.accent.hex(),
                        });
                    }
                    config.palette = Some(palette);
                }
                None => warnings.push(EmbedWarning::BadAccent(short(a))),
            }
        }
        if let Some(s) = get("start") {
            match StartPage::parse(s) {
                Some(p) => config.start = p,
                None => warnings.push(EmbedWarning::BadStart(short(s))),
            }
        }
        if matches!(config.start, StartPage::Fiche | StartPage::Assess) && config.codes.is_empty() {
            config.start = StartPage::Catalogue;
            warnings.push(EmbedWarning::StartNeedsCode);
        }
        if let Some(s) = get("share") {
            config.share_with = parse_share_with(s);
            if config.share_with.is_none() {
                warnings.push(EmbedWarning::BadShareWith);
            }
        }
        if let Some(h) = get("host") {
            config.host = parse_origin(h);
            if config.host.is_none() {
                warnings.push(EmbedWarning::BadHost);
            }
        }
        if let Some(m) = get("minheight") {
            config.min_height = parse_min_height(m);
            if config.min_height.is_none() {
                warnings.push(EmbedWarning::BadMinHeight(short(m)));
            }
        }
        Some((config, warnings))
    }

    /// The query string (with `?`) that [`EmbedConfig::from_query`] reads back as `self`
    /// (`host` excepted when `None`).
    pub fn to_query(&self) -> String {
        let mut q = vec!["embed=1".to_owned()];
        if !self.codes.is_empty() {
            q.push(format!("codes={}", self.codes.join(",")));
        }
        if self.only {
            q.push("only=1".to_owned());
        }
        if let Some(l) = self.lang {
            q.push(format!("lang={l}"));
        }
        if let Some(p) = self.palette {
            q.push(format!("accent={}", &p.accent.hex()[1..]));
        }
        if self.start != StartPage::Catalogue {
            q.push(format!("start={}", self.start.as_str()));
        }
        if let Some(s) = &self.share_with {
            q.push(format!("share={}", percent_encode(s)));
        }
        if let Some(h) = &self.host {
            q.push(format!("host={}", percent_encode(h)));
        }
        if let Some(m) = self.min_height {
            q.push(format!("minheight={m}"));
        }
        format!("?{}", q.join("&"))
    }

    /// Whether the catalogue lists `code`.
    pub fn allows(&self, code: &str) -> bool {
        !self.only || self.codes.iter().any(|c| c.eq_ignore_ascii_case(code))
    }

    /// The page to open when the frame's URL has no fragment.
    pub fn start_route(&self) -> Route {
        let first = self.codes.first().cloned();
        match (self.start, first) {
            (StartPage::Fiche, Some(code)) => Route::Fiche(code),
            (StartPage::Assess, Some(code)) => Route::Assess(Some(code)),
            (StartPage::Results, _) => Route::Results,
            _ => Route::home(),
        }
    }

    /// The namespace of this embed's storage: two snippets naming other certifications on one
    /// site keep separate work (the browser already separates sites).
    pub fn storage_scope(&self) -> String {
        let mut codes = self.codes.clone();
        order::sort(&mut codes);
        format!("embed:{}", codes.join(","))
    }
}

fn short(s: &str) -> String {
    s.chars().take(60).collect()
}

/// What the builder page ("Intégrer Repère sur votre site") puts in the snippet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SnippetOptions {
    /// Where `embed.js` is served (`https://…/embed.js`).
    pub script_src: String,
    pub codes: Vec<String>,
    pub only: bool,
    pub lang: Option<&'static str>,
    /// `#rrggbb`.
    pub accent: Option<Rgb>,
    pub start: StartPage,
    pub share_with: Option<String>,
    pub min_height: Option<u32>,
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Where `embed.js` is, given the app's address (`https://x.org/repere/` or
/// `…/repere/index.html`, query and fragment already removed): next to `index.html`.
pub fn script_src(app_url: &str) -> String {
    let dir = app_url.rfind('/').map_or(app_url, |i| &app_url[..=i]);
    format!("{dir}embed.js")
}

/// The `<script>` tag a provider pastes into its page.
pub fn snippet(o: &SnippetOptions) -> String {
    let mut attrs = vec![
        format!("src=\"{}\"", escape_attr(&o.script_src)),
        "async".to_owned(),
    ];
    if !o.codes.is_empty() {
        attrs.push(format!(
            "data-certifications=\"{}\"",
            escape_attr(&o.codes.join(","))
        ));
    }
    if let Some(l) = o.lang {
        attrs.push(format!("data-lang=\"{l}\""));
    }
    if let Some(a) = o.accent {
        attrs.push(format!("data-accent=\"{}\"", a.hex()));
    }
    if o.start != StartPage::Catalogue {
        attrs.push(format!("data-start=\"{}\"", o.start.as_str()));
    }
    if o.only && !o.codes.is_empty() {
        attrs.push("data-only=\"true\"".to_owned());
    }
    if let Some(m) = o.min_height {
        attrs.push(format!("data-min-height=\"{m}\""));
    }
    if let Some(s) = o.share_with.as_deref().and_then(parse_share_with) {
        attrs.push(format!("data-share-with=\"{}\"", escape_attr(&s)));
    }
    format!("<script {}></script>", attrs.join(" "))
}

/// A message from the frame to the host page (`postMessage`, to the host's origin only):
/// `{"repere":1,"type":…}`. `embed.js` turns each into a `repere:<type>` event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HostMessage<'a> {
    /// The app has started; the selected codes.
    Ready(&'a [String]),
    /// The content's height, in CSS pixels.
    Resize(u32),
    /// The selection changed: codes only.
    Selection(&'a [String]),
    /// The user confirmed sending: the payload's JSON text ([`ResultsPayload::to_json`]).
    Results(&'a str),
    /// A refused parameter, for the host page's console.
    Warning(&'a str),
}

impl HostMessage<'_> {
    pub fn to_json(&self) -> String {
        let codes = |c: &[String]| serde_json::to_string(c).unwrap_or_else(|_| "[]".into());
        let text = |t: &str| serde_json::to_string(t).unwrap_or_else(|_| "\"\"".into());
        match self {
            HostMessage::Ready(c) => {
                format!(r#"{{"repere":1,"type":"ready","codes":{}}}"#, codes(c))
            }
            HostMessage::Resize(h) => format!(r#"{{"repere":1,"type":"resize","height":{h}}}"#),
            HostMessage::Selection(c) => {
                format!(r#"{{"repere":1,"type":"selection","codes":{}}}"#, codes(c))
            }
            HostMessage::Results(p) => format!(r#"{{"repere":1,"type":"results","payload":{p}}}"#),
            HostMessage::Warning(m) => {
                format!(r#"{{"repere":1,"type":"warning","message":{}}}"#, text(m))
            }
        }
    }
}

/// The `repere:results` payload: what the user confirmed sending to the provider.
/// Its JSON Schema is `docs/results-payload.schema.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsPayload {
    /// Always [`RESULTS_SCHEMA`].
    pub schema: String,
    /// The provider's name as the button showed it.
    pub recipient: String,
    /// The day it was sent, `YYYY-MM-DD`.
    pub date: String,
    pub certifications: Vec<CertPayload>,
    /// Only when the user ticked "my notes".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Vec<NotePayload>>,
    /// Only when the user ticked "my experiences".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experiences: Option<Vec<ExperiencePayload>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertPayload {
    pub code: String,
    pub title: String,
    /// Readiness in percent, 0–100, as the results page shows it.
    pub readiness: u32,
    pub blocs: Vec<BlocPayload>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlocPayload {
    pub code: String,
    pub title: String,
    /// Readiness in percent, 0–100.
    pub readiness: u32,
    /// Competencies answered.
    pub rated: usize,
    /// Competencies in the bloc.
    pub total: usize,
    /// Every competency is at least "Je le fais seul(e)".
    pub ready: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotePayload {
    /// The competency id (`RNCP37722BC01-C01`).
    pub competency: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExperiencePayload {
    pub title: String,
    /// `emploi`, `benevolat`… as in the export file.
    pub kind: String,
    /// `YYYY-MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub description: String,
}

fn percent(readiness: f32) -> u32 {
    (readiness.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// Builds the payload for the selected certifications. Notes and experiences are included only
/// when asked (the user ticked them).
pub fn results_payload(
    catalogue: &Catalogue,
    work: &Assessment,
    recipient: &str,
    today: Date,
    include_notes: bool,
    include_experiences: bool,
) -> ResultsPayload {
    let certifications = score_selection(catalogue, work)
        .into_iter()
        .filter_map(|score| {
            let cert = catalogue.get(&score.code)?;
            Some(CertPayload {
                code: cert.code.clone(),
                title: cert.title.clone(),
                readiness: percent(score.readiness),
                blocs: cert
                    .blocs
                    .iter()
                    .zip(&score.blocs)
                    .map(|(b, s)| BlocPayload {
                        code: b.code.clone(),
                        title: b.title.clone(),
                        readiness: percent(s.readiness),
                        rated: s.rated,
                        total: s.total,
                        ready: s.ready,
                    })
                    .collect(),
            })
        })
        .collect();
    let notes = include_notes.then(|| {
        work.notes
            .iter()
            .map(|(id, text)| NotePayload {
                competency: id.clone(),
                text: text.clone(),
            })
            .collect()
    });
    let experiences = include_experiences.then(|| {
        work.experiences
            .iter()
            .map(|e| ExperiencePayload {
                title: e.title.clone(),
                kind: e.kind.as_str().to_owned(),
                start: e.start.map(|m| m.iso()),
                end: e.end.map(|m| m.iso()),
                description: e.description.clone(),
            })
            .collect()
    });
    ResultsPayload {
        schema: RESULTS_SCHEMA.to_owned(),
        recipient: recipient.to_owned(),
        date: today.iso(),
        certifications,
        notes,
        experiences,
    }
}

impl ResultsPayload {
    /// The JSON sent to the host, and shown to the user before sending (pretty-printed).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(code: &str) -> bool {
        ["RNCP37722", "RNCP41674", "RNCP2383"].contains(&code)
    }

    #[test]
    fn asks_embed_table() {
        let cases = [
            ("embed=1", true),
            ("?embed=1&codes=RNCP37722", true),
            ("codes=RNCP37722&embed=1", true),
            ("embed=%31", true),
            ("", false),
            ("?", false),
            ("embed=0", false),
            ("embed=", false),
            ("embed", false),
            ("embed=0&embed=1", false),
            ("embedded=1", false),
            ("xembed=1", false),
        ];
        for (q, want) in cases {
            assert_eq!(asks_embed(q), want, "{q}");
            assert_eq!(EmbedConfig::from_query(q, known).is_some(), want, "{q}");
        }
    }

    #[test]
    fn colours_table() {
        let cases: [(&str, Option<Rgb>); 12] = [
            ("#7a1f5c", Some(Rgb::new(0x7a, 0x1f, 0x5c))),
            ("7A1F5C", Some(Rgb::new(0x7a, 0x1f, 0x5c))),
            ("#fff", Some(WHITE)),
            ("#0b5", Some(Rgb::new(0x00, 0xbb, 0x55))),
            ("", None),
            ("#", None),
            ("red", None),
            ("red;background:url(x)", None),
            ("#12345", None),
            ("#1234567", None),
            ("rgb(1,2,3)", None),
            ("#é12", None),
        ];
        for (s, want) in cases {
            assert_eq!(Rgb::parse(s), want, "{s}");
        }
        assert_eq!(Rgb::new(0x7a, 0x1f, 0x5c).hex(), "#7a1f5c");
    }

    #[test]
    fn contrast_matches_wcag() {
        assert!((contrast(WHITE, Rgb::new(0, 0, 0)) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        let grey = contrast(Rgb::new(0x76, 0x76, 0x76), WHITE);
        assert!((grey - 4.54).abs() < 0.01, "{grey}");
    }

    #[test]
    fn palettes_are_readable() {
        for hex in [
            "#7a1f5c", "#ffd700", "#ffffff", "#000000", "#00ff00", "#0b5c70", "#e0e0e0",
        ] {
            let wanted = Rgb::parse(hex).unwrap();
            let p = Palette::for_accent(wanted);
            assert!(contrast(p.accent, PAGE_BG) >= MIN_CONTRAST, "{hex}");
            assert!(contrast(p.accent, WHITE) >= MIN_CONTRAST, "{hex}");
            assert!(contrast(p.text, p.accent) >= MIN_CONTRAST, "{hex}");
            assert!(contrast(DARK_TEXT, p.soft) >= MIN_CONTRAST, "{hex}");
        }
        let dark = Palette::for_accent(Rgb::new(0x7a, 0x1f, 0x5c));
        assert!(!dark.adjusted);
        assert_eq!(dark.accent.hex(), "#7a1f5c");
        assert_eq!(dark.text, WHITE);
        let light = Palette::for_accent(Rgb::new(0xff, 0xd7, 0x00));
        assert!(light.adjusted);
        assert_eq!(
            light.properties()[0],
            ("--repere-accent", light.accent.hex())
        );
    }

    #[test]
    fn query_table() {
        let (c, w) = EmbedConfig::from_query(
            "?embed=1&codes=rncp37722,RNCP41674,RNCP37722&only=1&lang=en&accent=7a1f5c&start=assess&share=Organisme%20Exemple&host=https%3A%2F%2Fexample.org&minheight=500",
            known,
        )
        .unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.codes, ["RNCP37722", "RNCP41674"]);
        assert!(c.only);
        assert_eq!(c.lang, Some("en"));
        assert_eq!(c.palette.unwrap().accent.hex(), "#7a1f5c");
        assert_eq!(c.start, StartPage::Assess);
        assert_eq!(c.share_with.as_deref(), Some("Organisme Exemple"));
        assert_eq!(c.host.as_deref(), Some("https://example.org"));
        assert_eq!(c.min_height, Some(500));
        assert_eq!(c.start_route(), Route::Assess(Some("RNCP37722".into())));
        assert_eq!(EmbedConfig::from_query(&c.to_query(), known).unwrap().0, c);

        assert_eq!(EmbedConfig::from_query("", known), None);
        assert_eq!(
            EmbedConfig::from_query("?embed=0&codes=RNCP37722", known),
            None
        );
        assert_eq!(
            EmbedConfig::from_query("?embed=1", known),
            Some((EmbedConfig::default(), vec![]))
        );

        let cases: [(&str, &str); 9] = [
            ("codes=RNCP00000", "data-certifications"),
            ("accent=red%3Bbackground%3Aurl(x)", "data-accent"),
            ("accent=ffd700", "data-accent"),
            ("start=home", "data-start"),
            ("start=fiche", "data-start"),
            ("lang=de", "data-lang"),
            ("share=", "data-share-with"),
            ("host=javascript%3Aalert(1)", "host"),
            ("minheight=-5", "data-min-height"),
        ];
        for (q, attr) in cases {
            let (c, w) = EmbedConfig::from_query(&format!("embed=1&{q}"), known).unwrap();
            assert_eq!(w.len(), 1, "{q}: {w:?}");
            assert_eq!(w[0].attribute(), attr, "{q}");
            assert!(w[0].message().starts_with(attr), "{q}");
            assert!(c.codes.is_empty() && c.start == StartPage::Catalogue, "{q}");
            assert_eq!(c.share_with, None, "{q}");
        }
        // A bad accent leaves no palette at all; a light one is darkened.
        let (c, _) = EmbedConfig::from_query("embed=1&accent=red", known).unwrap();
        assert_eq!(c.palette, None);
        let (c, _) = EmbedConfig::from_query("embed=1&accent=ffd700", known).unwrap();
        assert!(c.palette.unwrap().adjusted);
    }

    #[test]
    fn only_and_scope() {
        let (c, _) =
            EmbedConfig::from_query("embed=1&codes=RNCP41674,RNCP37722&only=1", known).unwrap();
        assert!(c.allows("RNCP37722") && c.allows("rncp41674") && !c.allows("RNCP2383"));
        assert_eq!(c.storage_scope(), "embed:RNCP37722,RNCP41674");
        let (c, _) = EmbedConfig::from_query("embed=1&only=1", known).unwrap();
        assert!(!c.only && c.allows("RNCP2383"));
        let too_many: Vec<String> = (0..30).map(|_| "RNCP2383".to_owned()).collect();
        let mut w = vec![];
        assert_eq!(parse_codes(&too_many.join(","), known, &mut w).len(), 1);
    }

    #[test]
    fn small_parsers() {
        assert_eq!(parse_min_height("600px"), Some(600));
        assert_eq!(parse_min_height("199"), None);
        assert_eq!(parse_min_height("1e3"), None);
        assert_eq!(
            parse_origin("http://localhost:8080").as_deref(),
            Some("http://localhost:8080")
        );
        assert_eq!(parse_origin("https://a.b/path"), None);
        assert_eq!(parse_origin("data:text/html,x"), None);
        assert_eq!(parse_share_with("  Org  ").as_deref(), Some("Org"));
        assert_eq!(parse_share_with("a\u{0}b"), None);
        assert_eq!(parse_share_with(&"x".repeat(81)), None);
    }

    #[test]
    fn snippet_text() {
        let o = SnippetOptions {
            script_src: "https://repere.example/embed.js".into(),
            codes: vec!["RNCP37722".into(), "RNCP41674".into()],
            only: true,
            lang: Some("fr"),
            accent: Rgb::parse("#7a1f5c"),
            start: StartPage::Assess,
            share_with: Some("Organisme \"Exemple\" <&>".into()),
            min_height: None,
        };
        assert_eq!(
            snippet(&o),
            "<script src=\"https://repere.example/embed.js\" async data-certifications=\"RNCP37722,RNCP41674\" data-lang=\"fr\" data-accent=\"#7a1f5c\" data-start=\"assess\" data-only=\"true\" data-share-with=\"Organisme &quot;Exemple&quot; &lt;&amp;&gt;\"></script>"
        );
        let bare = SnippetOptions {
            script_src: "/embed.js".into(),
            ..SnippetOptions::default()
        };
        assert_eq!(snippet(&bare), "<script src=\"/embed.js\" async></script>");
        assert_eq!(
            script_src("https://x.org/repere/"),
            "https://x.org/repere/embed.js"
        );
        assert_eq!(
            script_src("https://x.org/index.html"),
            "https://x.org/embed.js"
        );
    }

    #[test]
    fn host_messages_are_json() {
        let codes = vec!["RNCP37722".to_owned()];
        let cases = [
            (
                HostMessage::Ready(&codes),
                r#"{"repere":1,"type":"ready","codes":["RNCP37722"]}"#,
            ),
            (
                HostMessage::Resize(812),
                r#"{"repere":1,"type":"resize","height":812}"#,
            ),
            (
                HostMessage::Selection(&[]),
                r#"{"repere":1,"type":"selection","codes":[]}"#,
            ),
            (
                HostMessage::Results("{\"a\":1}"),
                r#"{"repere":1,"type":"results","payload":{"a":1}}"#,
            ),
            (
                HostMessage::Warning("a \"b\""),
                r#"{"repere":1,"type":"warning","message":"a \"b\""}"#,
            ),
        ];
        for (m, want) in cases {
            assert_eq!(m.to_json(), want);
            let _: serde_json::Value = serde_json::from_str(&m.to_json()).unwrap();
        }
    }

    /// `docs/results-payload.schema.json` documents exactly the fields the payload has.
    #[test]
    fn payload_matches_its_schema() {
        use crate::core::assessment::{Experience, ExperienceKind, Level, YearMonth};
        use serde_json::Value;
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/results-payload.schema.json"
        );
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(schema["$id"], RESULTS_SCHEMA);
        assert_eq!(schema["properties"]["schema"]["const"], RESULTS_SCHEMA);
        let cat = Catalogue::bundled().unwrap();
        let mut a = Assessment::default();
        a.select("RNCP37722").unwrap();
        let first = cat.get("RNCP37722").unwrap().blocs[0].competencies[0]
            .id
            .clone();
        a.rate(&first, Some(Level::Alone)).unwrap();
        a.set_note(&first, "note").unwrap();
        let mut e = Experience::new("Médiatrice", ExperienceKind::Emploi);
        e.start = YearMonth::new(2020, 1);
        e.end = YearMonth::new(2021, 6);
        a.add_experience(e).unwrap();
        let today = Date::new(2026, 11, 22).unwrap();
        let payload: Value =
            serde_json::from_str(&results_payload(&cat, &a, "Org", today, true, true).to_json())
                .unwrap();
        // Every object of the payload against its schema: the same keys, the required ones there.
        fn check(value: &Value, schema: &Value, at: &str) {
            let props = schema["properties"].as_object().unwrap();
            let object = value.as_object().unwrap();
            let mut have: Vec<&String> = object.keys().collect();
            let mut documented: Vec<&String> = props.keys().collect();
            have.sort();
            documented.sort();
            assert_eq!(have, documented, "{at}");
            for r in schema["required"].as_array().unwrap() {
                assert!(object.contains_key(r.as_str().unwrap()), "{at}: {r}");
            }
            for (key, sub) in props {
                if sub["type"] == "array" && sub["items"]["type"] == "object" {
                    for item in value[key].as_array().unwrap() {
                        check(item, &sub["items"], &format!("{at}.{key}[]"));
                    }
                }
            }
        }
        check(&payload, &schema, "payload");
    }

    #[test]
    fn payload_holds_only_what_was_ticked() {
        use crate::core::assessment::{Experience, ExperienceKind, Level};
        let cat = Catalogue::bundled().unwrap();
        let mut a = Assessment::default();
        a.select("RNCP37722").unwrap();
        let cert = cat.get("RNCP37722").unwrap();
        let first = &cert.blocs[0].competencies[0].id;
        a.rate(first, Some(Level::Alone)).unwrap();
        a.set_note(first, "ma note").unwrap();
        a.add_experience(Experience::new("Médiatrice", ExperienceKind::Emploi))
            .unwrap();
        let today = Date::new(2026, 11, 22).unwrap();
        let p = results_payload(&cat, &a, "Org", today, false, false);
        assert_eq!(p.schema, RESULTS_SCHEMA);
        assert_eq!(p.date, "2026-11-22");
        assert_eq!(p.certifications.len(), 1);
        let c = &p.certifications[0];
        assert_eq!(c.blocs.len(), cert.blocs.len());
        assert_eq!(c.blocs[0].rated, 1);
        let json = p.to_json();
        assert!(
            !json.contains("ma note") && !json.contains("Médiatrice"),
            "{json}"
        );
        assert!(!json.contains("\"notes\"") && !json.contains("\"experiences\""));
        let back: ResultsPayload = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
        let p = results_payload(&cat, &a, "Org", today, true, true);
        let json = p.to_json();
        assert!(
            json.contains("ma note") && json.contains("Médiatrice"),
            "{json}"
        );
    }
}
