//! Routes live in the URL fragment (`#/fiche/RNCP37722`), so a deep link survives a reload on
//! any static host without rewrite rules: the server only ever sees `/`.
//!
//! `Route::parse` never fails: anything it does not understand becomes `Route::NotFound`, which
//! the UI shows as a page with a way back.

use super::catalogue::Status;
use super::search::Query;

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `#/` or `#/?q=…&niveau=…&statut=…&certificateur=…`
    Catalogue(Query),
    /// `#/fiche/RNCP37722`
    Fiche(String),
    /// `#/bilan` (first selected certification) or `#/bilan/RNCP37722`: rate competencies.
    Assess(Option<String>),
    /// `#/experiences`: record experiences and review suggestions.
    Experiences,
    /// `#/resultats`: readiness per certification and bloc, ranking.
    Results,
    /// `#/comparer`: selected certifications side by side, alike competencies grouped.
    Compare,
    /// `#/rapport`: the printable report for a conseiller.
    Report,
    /// `#/donnees`: export, import, share link, erase.
    MyData,
    /// `#/partage/<payload>`: a share link being opened.
    Share(String),
    /// `#/integrer`: the builder of the snippet that embeds Repère on a provider's site.
    Integrate,
    /// Anything else: the original fragment, for the message.
    NotFound(String),
}

/// Query-string keys, in French as the URL is shown to French users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Param {
    Text,
    Level,
    Status,
    Certifier,
    Nsf,
    Rome,
}

impl Param {
    const ALL: [Param; 6] = [
        Param::Text,
        Param::Level,
        Param::Status,
        Param::Certifier,
        Param::Nsf,
        Param::Rome,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Param::Text => "q",
            Param::Level => "niveau",
            Param::Status => "statut",
            Param::Certifier => "certificateur",
            Param::Nsf => "nsf",
            Param::Rome => "rome",
        }
    }
}

/// The sections of the main navigation; every page belongs to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Catalogue,
    Assess,
    Experiences,
    Results,
    MyData,
}

impl Section {
    /// In the order of the navigation.
    pub const ALL: [Section; 5] = [
        Section::Catalogue,
        Section::Assess,
        Section::Experiences,
        Section::Results,
        Section::MyData,
    ];

    /// The page a navigation link of this section opens.
    pub fn route(self) -> Route {
        match self {
            Section::Catalogue => Route::home(),
            Section::Assess => Route::Assess(None),
            Section::Experiences => Route::Experiences,
            Section::Results => Route::Results,
            Section::MyData => Route::MyData,
        }
    }
}

impl Route {
    /// The catalogue with no search: the home page.
    pub fn home() -> Route {
        Route::Catalogue(Query::default())
    }

    /// The navigation section this page belongs to.
    pub fn section(&self) -> Section {
        match self {
            Route::Catalogue(_) | Route::Fiche(_) | Route::NotFound(_) | Route::Integrate => {
                Section::Catalogue
            }
            Route::Assess(_) => Section::Assess,
            Route::Experiences => Section::Experiences,
            Route::Results | Route::Compare | Route::Report => Section::Results,
            Route::MyData | Route::Share(_) => Section::MyData,
        }
    }

    /// The page shown for this route: the catalogue without its query (typing in the search
    /// box updates the results, it does not rebuild the page), every other route as it is.
    pub fn page(&self) -> Route {
        match self {
            Route::Catalogue(_) => Route::home(),
            other => other.clone(),
        }
    }

    /// Parses a `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let raw = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
        let path = path.trim_end_matches('/');
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Catalogue(parse_query(query)),
            ["fiche", code] => Route::Fiche(percent_decode(code).trim().to_ascii_uppercase()),
            ["bilan"] => Route::Assess(None),
            ["bilan", code] => {
                Route::Assess(Some(percent_decode(code).trim().to_ascii_uppercase()))
            }
            ["experiences"] => Route::Experiences,
            ["resultats"] => Route::Results,
            ["comparer"] => Route::Compare,
            ["rapport"] => Route::Report,
            ["donnees"] => Route::MyData,
            ["integrer"] => Route::Integrate,
            // The payload is base64url: no '/' inside, kept as it is.
            ["partage", payload] => Route::Share((*payload).to_owned()),
            _ => Route::NotFound(percent_decode(raw)),
        }
    }

    /// The fragment for this route, starting with `#/`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Catalogue(q) => {
                let mut pairs: Vec<(Param, String)> = Vec::new();
                if !q.text.is_empty() {
                    pairs.push((Param::Text, q.text.clone()));
                }
                if let Some(l) = q.level {
                    pairs.push((Param::Level, l.to_string()));
                }
                if let Some(s) = q.status {
                    pairs.push((Param::Status, s.as_str().to_owned()));
                }
                if let Some(c) = &q.certifier {
                    pairs.push((Param::Certifier, c.clone()));
                }
                if let Some(c) = &q.nsf {
                    pairs.push((Param::Nsf, c.clone()));
                }
                if let Some(c) = &q.rome {
                    pairs.push((Param::Rome, c.clone()));
                }
                if pairs.is_empty() {
                    "#/".to_owned()
                } else {
                    let qs: Vec<String> = pairs
                        .iter()
                        .map(|(k, v)| format!("{}={}", k.as_str(), percent_encode(v)))
                        .collect();
                    format!("#/?{}", qs.join("&"))
                }
            }
            Route::Fiche(code) => format!("#/fiche/{}", percent_encode(code)),
            Route::Assess(None) => "#/bilan".to_owned(),
            Route::Assess(Some(code)) => format!("#/bilan/{}", percent_encode(code)),
            Route::Experiences => "#/experiences".to_owned(),
            Route::Results => "#/resultats".to_owned(),
            Route::Compare => "#/comparer".to_owned(),
            Route::Report => "#/rapport".to_owned(),
            Route::MyData => "#/donnees".to_owned(),
            Route::Integrate => "#/integrer".to_owned(),
            Route::Share(payload) => format!("#/partage/{}", percent_encode(payload)),
            Route::NotFound(raw) => format!("#{}", percent_encode_path(raw)),
        }
    }
}

fn parse_query(qs: &str) -> Query {
    let mut q = Query::default();
    for pair in qs.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v);
        match Param::ALL.into_iter().find(|p| p.as_str() == k) {
            Some(Param::Text) => q.text = v,
            Some(Param::Level) => q.level = v.parse().ok(),
            Some(Param::Status) => q.status = Status::parse(&v),
            Some(Param::Certifier) => q.certifier = Some(v).filter(|s| !s.is_empty()),
            Some(Param::Nsf) => q.nsf = Some(v).filter(|s| !s.is_empty()),
            Some(Param::Rome) => q.rome = Some(v).filter(|s| !s.is_empty()),
            None => {}
        }
    }
    q
}

/// Percent-encodes everything but unreserved characters (RFC 3986); spaces become `%20`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_encode_path(s: &str) -> String {
    s.split('/')
        .map(percent_encode)
        .collect::<Vec<_>>()
        .join("/")
}

/// Decodes `%XX` sequences and `+` (as a space); invalid sequences are kept as they are, and
/// invalid UTF-8 is replaced, so this never fails.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(hash: &str, expected: Route) {
        assert_eq!(Route::parse(hash), expected, "{hash}");
    }

    #[test]
    fn parse_table() {
        check("", Route::Catalogue(Query::default()));
        check("#", Route::Catalogue(Query::default()));
        check("#/", Route::Catalogue(Query::default()));
        check("#/fiche/RNCP37722", Route::Fiche("RNCP37722".into()));
        check("#/fiche/rncp37722/", Route::Fiche("RNCP37722".into()));
        check(
            "#/?q=m%C3%A9diation",
            Route::Catalogue(Query {
                text: "médiation".into(),
                ..Query::default()
            }),
        );
        check(
            "#/?q=a+b&niveau=3&statut=expired&certificateur=IMELIS",
            Route::Catalogue(Query {
                text: "a b".into(),
                level: Some(3),
                status: Some(Status::Expired),
                certifier: Some("IMELIS".into()),
                ..Query::default()
            }),
        );
        check(
            "#/?nsf=332t&rome=K1204",
            Route::Catalogue(Query {
                nsf: Some("332t".into()),
                rome: Some("K1204".into()),
                ..Query::default()
            }),
        );
        check("#/?nsf=&rome=", Route::Catalogue(Query::default()));
        check(
            "#/?niveau=x&statut=nope&zz=1&q",
            Route::Catalogue(Query::default()),
        );
        check("#/inconnu", Route::NotFound("/inconnu".into()));
        check("#/fiche", Route::NotFound("/fiche".into()));
        check("#/fiche/a/b", Route::NotFound("/fiche/a/b".into()));
        check("#/bilan", Route::Assess(None));
        check("#/bilan/rncp41674", Route::Assess(Some("RNCP41674".into())));
        check("#/experiences", Route::Experiences);
        check("#/resultats/", Route::Results);
        check("#/comparer", Route::Compare);
        check("#/rapport", Route::Report);
        check("#/donnees", Route::MyData);
        check("#/integrer/", Route::Integrate);
        check("#/partage/AbC-_09", Route::Share("AbC-_09".into()));
        check("#/partage", Route::NotFound("/partage".into()));
    }

    #[test]
    fn sections_and_pages() {
        let cases = [
            ("#/", Section::Catalogue, "#/"),
            ("#/?q=conflit", Section::Catalogue, "#/"),
            ("#/fiche/RNCP37722", Section::Catalogue, "#/fiche/RNCP37722"),
            ("#/nimporte", Section::Catalogue, "#/nimporte"),
            ("#/bilan/RNCP37722", Section::Assess, "#/bilan/RNCP37722"),
            ("#/experiences", Section::Experiences, "#/experiences"),
            ("#/comparer", Section::Results, "#/comparer"),
            ("#/rapport", Section::Results, "#/rapport"),
            ("#/partage/AQ", Section::MyData, "#/partage/AQ"),
        ];
        for (hash, section, page) in cases {
            let route = Route::parse(hash);
            assert_eq!(route.section(), section, "{hash}");
            assert_eq!(route.page().to_hash(), page, "{hash}");
        }
        for section in Section::ALL {
            assert_eq!(Route::parse(&section.route().to_hash()).section(), section);
        }
    }

    #[test]
    fn round_trips() {
        let routes = [
            Route::Catalogue(Query::default()),
            Route::Fiche("RNCP2383".into()),
            Route::Assess(None),
            Route::Assess(Some("RNCP37722".into())),
            Route::Experiences,
            Route::Results,
            Route::Compare,
            Route::Report,
            Route::MyData,
            Route::Integrate,
            Route::Share("eJzLSM3JyQcABiwCFQ-_x".into()),
            Route::Catalogue(Query {
                text: "l’accès & co = 100% / ?".into(),
                level: Some(4),
                status: Some(Status::Replaced),
                certifier: Some("MINISTERE DU TRAVAIL DU PLEIN EMPLOI ET DE L' INSERTION".into()),
                nsf: Some("332t".into()),
                rome: Some("K1204".into()),
            }),
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
    }

    #[test]
    fn decode_never_fails() {
        for s in ["%", "%%", "%E", "%ZZ", "%C3", "%FF%FE", "a%2", "%C3%A9"] {
            let _ = percent_decode(s);
        }
        assert_eq!(percent_decode("%C3%A9t%C3%A9"), "été");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
