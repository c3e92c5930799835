//! Every UI string, in French (complete, the reference) and English.
//!
//! Strings are `Msg` variants listed once in `messages.rs` with both languages side by side, so
//! a missing translation is a compile error. Parameters are `{name}` placeholders filled by
//! [`Msg::fill`]; a test checks both languages use the same placeholders. Data (certification
//! texts) is never translated: it stays French.
//!
//! Pure Rust: usable from the core's tests and from the UI.

mod messages;

pub use messages::Msg;

use crate::core::order;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// BCP 47 tag, used for `<html lang>` and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.as_str() == s.trim())
    }

    /// The language's own name, to offer it in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// The other language (two languages: the switch toggles).
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// A number with this language's thousands separator and decimal mark.
    pub fn number(self, n: usize) -> String {
        let digits = n.to_string();
        let sep = match self {
            Lang::Fr => '\u{202f}',
            Lang::En => ',',
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// Picks the singular or plural message.
    pub fn plural(self, n: usize, one: Msg, many: Msg) -> String {
        let msg = match self {
            // French: 0 and 1 are singular.
            Lang::Fr if n <= 1 => one,
            Lang::En if n == 1 => one,
            _ => many,
        };
        msg.fill(self, &[("n", &self.number(n))])
    }
}

impl Msg {
    /// The text in `lang`, with `{name}` placeholders left as they are.
    #[cfg(not(all(target_arch = "wasm32", not(repere_unsplit))))]
    pub fn text(self, lang: Lang) -> &'static str {
        self.texts()[lang as usize]
    }

    /// The text in `lang`, with `{name}` placeholders left as they are: from the table file
    /// of `lang` once [`install`]ed, else from the other language's (never before one is: the
    /// app installs its language's table before it mounts, and another before switching to
    /// it); the `early` messages are compiled in.
    #[cfg(all(target_arch = "wasm32", not(repere_unsplit)))]
    pub fn text(self, lang: Lang) -> &'static str {
        match self.early() {
            Some(texts) => texts[lang as usize],
            None => tables::text(self as usize, lang),
        }
    }

    /// The text in `lang` with each `{name}` replaced by its value.
    pub fn fill(self, lang: Lang, params: &[(&str, &str)]) -> String {
        let mut out = self.text(lang).to_owned();
        for (k, v) in params {
            out = out.replace(&format!("{{{k}}}"), v);
        }
        out
    }
}

/// The version of the table files' format ([`read_table`]).
pub const TABLE_FORMAT: u64 = 2;

/// This build's message table: a hash of `messages.rs` (computed by `build.rs`). The table
/// files' names carry it, so that the app never reads a file of another build (a browser or a
/// service worker may keep old ones).
pub const TABLE_ID: &str = env!("REPERE_MESSAGES_ID");

/// The two files of the message table in each language: what the first screen says (`start`,
/// downloaded before the app mounts) and what the pages loaded on demand say (`pages`,
/// downloaded with the first of them). `early` messages are in neither: they are compiled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Start,
    Pages,
}

impl Part {
    pub const ALL: [Part; 2] = [Part::Start, Part::Pages];

    pub fn as_str(self) -> &'static str {
        match self {
            Part::Start => "start",
            Part::Pages => "pages",
        }
    }

    /// Where the part's messages are in [`Msg::ALL`] (the enum's order).
    fn range(self) -> std::ops::Range<usize> {
        let [early, start, pages] = Msg::COUNTS;
        match self {
            Part::Start => early..early + start,
            Part::Pages => early + start..early + start + pages,
        }
    }

    /// The part's messages, in the order of its file.
    pub fn messages(self) -> &'static [Msg] {
        &Msg::ALL[self.range()]
    }
}

impl Msg {
    /// The part of the table this message is downloaded with (`None`: compiled in).
    pub fn part(self) -> Option<Part> {
        Part::ALL
            .into_iter()
            .find(|p| p.range().contains(&(self as usize)))
    }
}

/// The name of a table file, in the folder `i18n/` of the data folder.
pub fn table_file(lang: Lang, part: Part) -> String {
    format!("{}-{}-{TABLE_ID}.json", lang.as_str(), part.as_str())
}

/// Where the app downloads a table file (written by `repere-data` into the data folder,
/// precached by the service worker).
pub fn table_path(lang: Lang, part: Part) -> String {
    format!("data/i18n/{}", table_file(lang, part))
}

/// A table file: `{"format":2,"id":TABLE_ID,"lang":"fr","part":"start","texts":[…]}`, the texts
/// of the part's messages in their order.
#[cfg(not(all(target_arch = "wasm32", not(repere_unsplit))))]
pub fn table_json(lang: Lang, part: Part) -> String {
    let texts: Vec<&str> = part.messages().iter().map(|m| m.text(lang)).collect();
    serde_json::json!({
        "format": TABLE_FORMAT,
        "id": TABLE_ID,
        "lang": lang.as_str(),
        "part": part.as_str(),
        "texts": texts,
    })
    .to_string()
}

/// Reads a table file (see [`table_json`]): the texts of the part's messages, in their order.
/// Anything else (another format, build, language or part, a text missing or too many, not
/// JSON) is refused with a message.
pub fn read_table(lang: Lang, part: Part, text: &str) -> Result<Vec<String>, String> {
    use crate::core::json::{self, Json};
    let Json::Obj(members) = json::parse(text).map_err(|e| e.to_string())? else {
        return Err("not a JSON object".into());
    };
    let field = |name: &str| {
        members
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .ok_or_else(|| format!("no \"{name}\""))
    };
    if field("format")? != &Json::Int(TABLE_FORMAT) {
        return Err(format!("format is not {TABLE_FORMAT}"));
    }
    if field("id")? != &Json::Str(TABLE_ID.into()) {
        return Err("the table of another build".into());
    }
    if field("lang")? != &Json::Str(lang.as_str().into()) {
        return Err(format!("not the {} table", lang.as_str()));
    }
    if field("part")? != &Json::Str(part.as_str().into()) {
        return Err(format!("not the {} part", part.as_str()));
    }
    let Json::Arr(texts) = field("texts")? else {
        return Err("\"texts\" is not an array".into());
    };
    let want = part.messages().len();
    if texts.len() != want {
        return Err(format!("{} texts instead of {want}", texts.len()));
    }
    texts
        .iter()
        .map(|t| match t {
            Json::Str(s) => Ok(s.clone()),
            other => Err(format!("a text is {}", other.kind())),
        })
        .collect()
}

/// Makes `texts` (read by [`read_table`]) the messages of `part` in `lang`. Once per part and
/// language: a second one is ignored. Compiled-in messages need none (native code, tests).
pub fn install(lang: Lang, part: Part, texts: Vec<String>) {
    #[cfg(all(target_arch = "wasm32", not(repere_unsplit)))]
    tables::install(lang, part, texts);
    #[cfg(not(all(target_arch = "wasm32", not(repere_unsplit))))]
    let _ = (lang, part, texts);
}

/// Whether the messages of `part` in `lang` can be shown (always, where they are compiled in).
pub fn has_table(lang: Lang, part: Part) -> bool {
    #[cfg(all(target_arch = "wasm32", not(repere_unsplit)))]
    return tables::has(lang, part);
    #[cfg(not(all(target_arch = "wasm32", not(repere_unsplit))))]
    {
        let _ = (lang, part);
        true
    }
}

/// The downloaded tables, by language and part, kept for the page's life.
#[cfg(all(target_arch = "wasm32", not(repere_unsplit)))]
mod tables {
    use super::{Lang, Part};
    use std::cell::OnceCell;

    type Table = OnceCell<&'static [String]>;

    thread_local! {
        static TABLES: [[Table; 2]; 2] = const {
            [[OnceCell::new(), OnceCell::new()], [OnceCell::new(), OnceCell::new()]]
        };
    }

    pub fn install(lang: Lang, part: Part, texts: Vec<String>) {
        TABLES.with(|t| {
            let _ = t[lang as usize][part as usize].set(Vec::leak(texts));
        });
    }

    pub fn has(lang: Lang, part: Part) -> bool {
        TABLES.with(|t| t[lang as usize][part as usize].get().is_some())
    }

    /// The message at `index` of `Msg::ALL`, in `lang` if its part is there, else in the
    /// other language, else empty.
    pub fn text(index: usize, lang: Lang) -> &'static str {
        let Some(part) = Part::ALL.into_iter().find(|p| p.range().contains(&index)) else {
            return "";
        };
        let at = index - part.range().start;
        TABLES.with(|t| {
            t[lang as usize][part as usize]
                .get()
                .or_else(|| t[lang.other() as usize][part as usize].get())
                .and_then(|texts| texts.get(at))
                .map_or("", String::as_str)
        })
    }
}

/// The `{name}` placeholders of a text, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    order::sort(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::YearMonth;

    #[test]
    fn french_typography_and_english_punctuation() {
        for msg in Msg::ALL {
            let fr = msg.text(Lang::Fr);
            for (i, c) in fr.char_indices() {
                let before = fr[..i].chars().next_back();
                if matches!(c, ':' | ';' | '!' | '?' | '%' | '»') {
                    assert_ne!(
                        before,
                        Some(' '),
                        "{msg:?} FR: a plain space before {c:?}: {fr}"
                    );
                }
                if c == '«' {
                    assert_ne!(
                        fr[i + c.len_utf8()..].chars().next(),
                        Some(' '),
                        "{msg:?}: {fr}"
                    );
                }
            }
            let en = msg.text(Lang::En);
            for (i, c) in en.char_indices() {
                if matches!(c, ':' | ';' | '!' | '?') {
                    let before = en[..i].chars().next_back();
                    assert!(
                        !before.is_some_and(char::is_whitespace),
                        "{msg:?} EN: a space before {c:?}: {en}"
                    );
                }
            }
            for text in [fr, en] {
                assert!(!text.contains("(s)"), "{msg:?}: a pseudo-plural in {text}");
            }
        }
        assert_eq!(colon(Lang::Fr), "\u{a0}: ");
        assert_eq!(colon(Lang::En), ": ");
    }

    #[test]
    fn plural_forms() {
        use crate::core::assessment::{Assessment, Experience, ExperienceKind, Level};
        let mut a = Assessment::default();
        let cases = [
            (
                Lang::Fr,
                "0 certification, 0 réponse, 0 exemple, 0 expérience.",
            ),
            (
                Lang::En,
                "0 certifications, 0 answers, 0 examples, 0 experiences.",
            ),
        ];
        for (lang, want) in cases {
            assert_eq!(work_summary(lang, Msg::DataSummary, &a), want);
        }
        a.select("RNCP37722").unwrap();
        a.select("RNCP2383").unwrap();
        a.rate("RNCP37722BC01-C01", Some(Level::Alone)).unwrap();
        a.add_experience(Experience::new("Stage", ExperienceKind::Stage))
            .unwrap();
        a.add_experience(Experience::new("Emploi", ExperienceKind::Emploi))
            .unwrap();
        let cases = [
            (
                Lang::Fr,
                Msg::DataSummary,
                "2 certifications, 1 réponse, 0 exemple, 2 expériences.",
            ),
            (
                Lang::En,
                Msg::DataSummary,
                "2 certifications, 1 answer, 0 examples, 2 experiences.",
            ),
            (
                Lang::Fr,
                Msg::ImportFound,
                "Ce contenu contient\u{a0}: 2 certifications, 1 réponse, 0 exemple, 2 expériences.",
            ),
        ];
        for (lang, msg, want) in cases {
            assert_eq!(work_summary(lang, msg, &a), want, "{lang:?} {msg:?}");
        }
        let merges = [
            (Lang::Fr, 1, 0, 2, "Fusion faite\u{a0}: 1 réponse ajoutée, 0 réponse différente gardée comme avant, 2 expériences ajoutées."),
            (Lang::En, 1, 0, 2, "Merged: 1 answer added, 0 differing answers kept as they were, 2 experiences added."),
            (Lang::En, 3, 1, 1, "Merged: 3 answers added, 1 differing answer kept as it was, 1 experience added."),
        ];
        for (lang, added, kept, exp, want) in merges {
            let phrase = |n, one, many| lang.plural(n, one, many);
            let got = Msg::MergeDone.fill(
                lang,
                &[
                    (
                        "added",
                        &phrase(added, Msg::AnswersAddedOne, Msg::AnswersAddedMany),
                    ),
                    (
                        "kept",
                        &phrase(kept, Msg::AnswersKeptOne, Msg::AnswersKeptMany),
                    ),
                    (
                        "experiences",
                        &phrase(exp, Msg::ExperiencesAddedOne, Msg::ExperiencesAddedMany),
                    ),
                ],
            );
            assert_eq!(got, want);
        }
        let pruned = [
            (
                Lang::Fr,
                1,
                "1 élément enregistré ne correspond plus au catalogue et a été retiré.",
            ),
            (
                Lang::Fr,
                3,
                "3 éléments enregistrés ne correspondent plus au catalogue et ont été retirés.",
            ),
            (
                Lang::En,
                1,
                "1 saved item no longer matches the catalogue and was removed.",
            ),
        ];
        for (lang, n, want) in pruned {
            assert_eq!(
                lang.plural(n, Msg::RestorePrunedOne, Msg::RestorePrunedMany),
                want
            );
        }
    }

    #[test]
    fn periods_read_the_same_everywhere() {
        let ym = |s: &str| YearMonth::parse(s);
        let cases = [
            (
                Lang::Fr,
                "2019-09",
                "2021-06",
                Some("sept.\u{a0}2019 – juin\u{a0}2021"),
            ),
            (
                Lang::En,
                "2019-09",
                "2021-06",
                Some("Sep\u{a0}2019 – Jun\u{a0}2021"),
            ),
            (Lang::Fr, "2019-09", "", Some("depuis sept.\u{a0}2019")),
            (Lang::En, "2019-09", "", Some("since Sep\u{a0}2019")),
            (Lang::Fr, "", "2021-08", Some("jusqu’à août\u{a0}2021")),
            (Lang::En, "", "2021-12", Some("until Dec\u{a0}2021")),
            (
                Lang::Fr,
                "2020-01",
                "2020-01",
                Some("janv.\u{a0}2020 – janv.\u{a0}2020"),
            ),
            (Lang::Fr, "", "", None),
        ];
        for (lang, start, end, want) in cases {
            assert_eq!(
                period_text(lang, ym(start), ym(end)).as_deref(),
                want,
                "{lang:?} {start} {end}"
            );
        }
    }

    #[test]
    fn every_message_is_translated_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let fr = msg.text(Lang::Fr);
            let en = msg.text(Lang::En);
            assert!(
                !fr.trim().is_empty() && !en.trim().is_empty(),
                "{msg:?} is empty"
            );
            assert_eq!(
                placeholders(fr),
                placeholders(en),
                "{msg:?} placeholders differ"
            );
        }
    }

    #[test]
    fn plural_and_numbers() {
        assert_eq!(Lang::Fr.number(1234567), "1\u{202f}234\u{202f}567");
        assert_eq!(Lang::En.number(1234), "1,234");
        assert_eq!(Lang::En.number(12), "12");
        assert_eq!(Lang::Fr.plural(0, Msg::BlocsOne, Msg::BlocsMany), "0 bloc");
        assert_eq!(Lang::Fr.plural(3, Msg::BlocsOne, Msg::BlocsMany), "3 blocs");
        assert_eq!(Lang::En.plural(1, Msg::BlocsOne, Msg::BlocsMany), "1 bloc");
        assert_eq!(Lang::En.plural(0, Msg::BlocsOne, Msg::BlocsMany), "0 blocs");
    }

    #[test]
    fn table_files_read_back_whole() {
        for lang in Lang::ALL {
            let mut all: Vec<&str> = Msg::ALL
                .iter()
                .filter_map(|m| m.early())
                .map(|t| t[lang as usize])
                .collect();
            for part in Part::ALL {
                let texts = read_table(lang, part, &table_json(lang, part)).expect("own table");
                let want: Vec<&str> = part.messages().iter().map(|m| m.text(lang)).collect();
                assert_eq!(texts, want, "{lang:?} {part:?}");
                all.extend(want);
                let path = table_path(lang, part);
                assert!(path.starts_with("data/i18n/"), "{path}");
                assert!(path.ends_with(&format!("-{TABLE_ID}.json")), "{path}");
            }
            // Every message is in exactly one place: compiled in, or in one part's file.
            let want: Vec<&str> = Msg::ALL.iter().map(|m| m.text(lang)).collect();
            assert_eq!(all, want, "{lang:?}");
        }
        assert_eq!(TABLE_ID.len(), 16);
        for (i, m) in Msg::ALL.iter().enumerate() {
            assert_eq!(*m as usize, i, "{m:?}: the enum's order is ALL's");
            assert_eq!(m.early().is_some(), m.part().is_none(), "{m:?}");
        }
        assert!(Part::ALL.iter().all(|p| !p.messages().is_empty()));
    }

    #[test]
    fn table_files_of_another_kind_are_refused() {
        let fr = table_json(Lang::Fr, Part::Start);
        let value: serde_json::Value = serde_json::from_str(&fr).unwrap();
        let edited = |f: &dyn Fn(&mut serde_json::Value)| {
            let mut v = value.clone();
            f(&mut v);
            v.to_string()
        };
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "at line 1"),
            ("[]".into(), "not a JSON object"),
            ("{}".into(), "no \"format\""),
            (edited(&|v| v["format"] = 1.into()), "format is not 2"),
            (
                edited(&|v| v["id"] = "0123456789abcdef".into()),
                "another build",
            ),
            (edited(&|v| v["lang"] = "en".into()), "not the fr table"),
            (
                edited(&|v| v["part"] = "pages".into()),
                "not the start part",
            ),
            (edited(&|v| v["texts"] = "…".into()), "not an array"),
            (
                edited(&|v| {
                    v["texts"].as_array_mut().unwrap().pop();
                }),
                "texts instead of",
            ),
            (edited(&|v| v["texts"][3] = 3.into()), "a text is a number"),
            (table_json(Lang::En, Part::Start), "not the fr table"),
            (table_json(Lang::Fr, Part::Pages), "not the start part"),
        ];
        for (text, want) in cases {
            let err = read_table(Lang::Fr, Part::Start, &text).expect_err(want);
            assert!(err.contains(want), "{err:?} should say {want:?}");
        }
    }

    #[test]
    fn lang_parse_table() {
        for (s, l) in [
            ("fr", Some(Lang::Fr)),
            ("en", Some(Lang::En)),
            (" en ", Some(Lang::En)),
            ("de", None),
            ("", None),
        ] {
            assert_eq!(Lang::parse(s), l, "{s}");
        }
    }
}

/// Dates as each language's readers expect them: `01/06/2024` in French, ISO in English.
pub fn date(lang: Lang, d: crate::core::date::Date) -> String {
    match lang {
        Lang::Fr => d.french(),
        Lang::En => d.iso(),
    }
}

/// The separator between a label and its value: "Proximité : 40 %" in French (non-breaking
/// space before the colon), "Readiness: 40%" in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// `msg` (a message with `{counts}`) filled with what a piece of work holds, each count with
/// its plural form: "2 certifications, 1 réponse, 0 exemple, 3 expériences".
pub fn work_summary(lang: Lang, msg: Msg, a: &crate::core::assessment::Assessment) -> String {
    let counts = [
        lang.plural(a.selection.len(), Msg::CountCertsOne, Msg::CountCertsMany),
        lang.plural(a.ratings.len(), Msg::CountAnswersOne, Msg::CountAnswersMany),
        lang.plural(a.notes.len(), Msg::CountExamplesOne, Msg::CountExamplesMany),
        lang.plural(
            a.experiences.len(),
            Msg::CountExperiencesOne,
            Msg::CountExperiencesMany,
        ),
    ]
    .join(", ");
    msg.fill(lang, &[("counts", &counts)])
}

/// A month of an experience: "sept. 2019" / "Sep 2019".
pub fn year_month(lang: Lang, ym: crate::core::assessment::YearMonth) -> String {
    const FR: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let names = match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    };
    let month = names
        .get(usize::from(ym.month).saturating_sub(1))
        .copied()
        .unwrap_or("?");
    format!("{month}\u{a0}{}", ym.year)
}

/// When an experience took place, the same wording everywhere (experiences page, report):
/// "sept. 2019 – juin 2021", "depuis sept. 2019", "jusqu’à juin 2021", or nothing.
pub fn period_text(
    lang: Lang,
    start: Option<crate::core::assessment::YearMonth>,
    end: Option<crate::core::assessment::YearMonth>,
) -> Option<String> {
    let ym = |v| year_month(lang, v);
    match (start, end) {
        (Some(s), Some(e)) => {
            Some(Msg::ExpPeriod.fill(lang, &[("start", &ym(s)), ("end", &ym(e))]))
        }
        (Some(s), None) => Some(Msg::ExpPeriodOngoing.fill(lang, &[("start", &ym(s))])),
        (None, Some(e)) => Some(Msg::ExpPeriodUntil.fill(lang, &[("end", &ym(e))])),
        (None, None) => None,
    }
}

/// The status of a certification with its date or successor, e.g. "Expirée depuis le 01/06/2024".
pub fn status_text(
    lang: Lang,
    status: crate::core::catalogue::Status,
    end: Option<crate::core::date::Date>,
    successor: Option<&str>,
) -> String {
    use crate::core::catalogue::Status;
    match (status, end, successor) {
        (Status::Replaced, _, Some(code)) => Msg::StatusReplacedBy.fill(lang, &[("code", code)]),
        (Status::Replaced, _, None) => Msg::StatusReplaced.text(lang).to_owned(),
        (Status::Expired, Some(d), _) => {
            Msg::StatusExpiredOn.fill(lang, &[("date", &date(lang, d))])
        }
        (Status::Expired, None, _) => Msg::StatusExpired.text(lang).to_owned(),
        (Status::Active, Some(d), _) => {
            Msg::StatusActiveUntil.fill(lang, &[("date", &date(lang, d))])
        }
        (Status::Active, None, _) => Msg::StatusActiveNoDate.text(lang).to_owned(),
    }
}

/// The value of a "Niveau" fact on cards and fiches: "3", or "not stated in the source" (the
/// label already says "Niveau"; "Niveau : Niveau 3" repeated it).
pub fn level_label(lang: Lang, level: Option<u8>) -> String {
    match level {
        Some(l) => l.to_string(),
        None => Msg::NotStated.text(lang).to_owned(),
    }
}

/// The short name of a status (filters, badges).
pub fn status_name(status: crate::core::catalogue::Status) -> Msg {
    use crate::core::catalogue::Status;
    match status {
        Status::Active => Msg::StatusActive,
        Status::Expired => Msg::StatusExpired,
        Status::Replaced => Msg::StatusReplaced,
    }
}

#[cfg(test)]
mod status_tests {
    use super::*;
    use crate::core::catalogue::Status;
    use crate::core::date::Date;

    #[test]
    fn status_text_table() {
        let d = Date::new(2024, 6, 1);
        let cases = [
            (
                Lang::Fr,
                Status::Expired,
                d,
                None,
                "Expirée depuis le 01/06/2024",
            ),
            (
                Lang::En,
                Status::Expired,
                d,
                None,
                "Expired since 2024-06-01",
            ),
            (
                Lang::Fr,
                Status::Active,
                d,
                None,
                "Active jusqu’au 01/06/2024",
            ),
            (Lang::Fr, Status::Active, None, None, "Active"),
            (
                Lang::Fr,
                Status::Replaced,
                None,
                Some("RNCP36241"),
                "Remplacée par RNCP36241",
            ),
            (
                Lang::En,
                Status::Replaced,
                d,
                Some("RNCP1"),
                "Replaced by RNCP1",
            ),
        ];
        for (lang, status, end, succ, expected) in cases {
            assert_eq!(status_text(lang, status, end, succ), expected);
        }
    }
}

/// The user's wording of a level.
pub fn level_msg(level: crate::core::assessment::Level) -> Msg {
    use crate::core::assessment::Level;
    match level {
        Level::NotYet => Msg::LevelNotYet,
        Level::WithHelp => Msg::LevelWithHelp,
        Level::Alone => Msg::LevelAlone,
        Level::CanTeach => Msg::LevelCanTeach,
    }
}

/// France VAE's answer.
pub fn vae_msg(answer: crate::core::assessment::VaeAnswer) -> Msg {
    use crate::core::assessment::VaeAnswer;
    match answer {
        VaeAnswer::Non => Msg::VaeNon,
        VaeAnswer::Partiellement => Msg::VaePartiellement,
        VaeAnswer::Oui => Msg::VaeOui,
    }
}

/// The kind of an experience.
pub fn kind_msg(kind: crate::core::assessment::ExperienceKind) -> Msg {
    use crate::core::assessment::ExperienceKind as K;
    match kind {
        K::Emploi => Msg::KindEmploi,
        K::Benevolat => Msg::KindBenevolat,
        K::Stage => Msg::KindStage,
        K::Formation => Msg::KindFormation,
        K::ServiceCivique => Msg::KindServiceCivique,
        K::ViePersonnelle => Msg::KindViePersonnelle,
    }
}

/// A readiness in 0..=1 as a whole percentage.
pub fn percent(readiness: f32) -> u32 {
    (readiness.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// A readiness in 0..=1 as a percentage in `lang` ("42 %" in French, "42%" in English).
pub fn percent_text(lang: Lang, readiness: f32) -> String {
    Msg::Percent.fill(lang, &[("n", &percent(readiness).to_string())])
}

/// The user's answer for a competency, or "not answered yet".
pub fn answer_text(lang: Lang, level: Option<crate::core::assessment::Level>) -> &'static str {
    level.map_or(Msg::Unrated, level_msg).text(lang)
}

/// The name of a section in the navigation (the site's header and the embedded one).
pub fn nav_msg(section: crate::core::route::Section) -> Msg {
    use crate::core::route::Section;
    match section {
        Section::Catalogue => Msg::NavCatalogue,
        Section::Assess => Msg::NavAssess,
        Section::Experiences => Msg::NavExperiences,
        Section::Results => Msg::NavResults,
        Section::MyData => Msg::NavMyData,
    }
}

/// A size in bytes for people: "850 octets", "12,3 Ko", "4,5 Mo" in French; "850 bytes",
/// "12.3 kB", "4.5 MB" in English (decimal units; one decimal under 100).
pub fn size_text(lang: Lang, bytes: u64) -> String {
    let (value, msg) = match bytes {
        b if b < 1_000 => return Msg::SizeBytes.fill(lang, &[("n", &b.to_string())]),
        b if b < 1_000_000 => (b as f64 / 1e3, Msg::SizeKilo),
        b => (b as f64 / 1e6, Msg::SizeMega),
    };
    let number = if value < 99.95 {
        let text = format!("{value:.1}");
        match lang {
            Lang::Fr => text.replace('.', ","),
            Lang::En => text,
        }
    } else {
        format!("{value:.0}")
    };
    msg.fill(lang, &[("n", &number)])
}

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn sizes_read_naturally_in_each_language() {
        let cases = [
            (Lang::Fr, 0, "0\u{a0}octets"),
            (Lang::Fr, 850, "850\u{a0}octets"),
            (Lang::Fr, 59_545, "59,5\u{a0}Ko"),
            (Lang::Fr, 999_999, "1000\u{a0}Ko"),
            (Lang::Fr, 4_512_000, "4,5\u{a0}Mo"),
            (Lang::Fr, 123_400_000, "123\u{a0}Mo"),
            (Lang::En, 850, "850 bytes"),
            (Lang::En, 59_545, "59.5 kB"),
            (Lang::En, 4_512_000, "4.5 MB"),
        ];
        for (lang, bytes, want) in cases {
            assert_eq!(size_text(lang, bytes), want, "{lang:?} {bytes}");
        }
    }
}
