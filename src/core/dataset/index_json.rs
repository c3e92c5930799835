//! The catalogue index read from a [`Json`] value by hand (see `core::json` for why not with
//! serde): the same rules as the serde derive of [`CatalogueIndex`] (unknown and duplicate
//! fields refused, the optional columns' `null`s), tested against it. An error names the field:
//! `.fiches.level[3]`.

use std::collections::BTreeMap;

use super::{CatalogueIndex, IndexEntry};
use crate::core::date::Date;
use crate::core::json::Json;
use crate::core::model::CertRef;

/// Where in the file (a path relative to the value read, `.level[3]`), and what is wrong.
pub type FieldError = (String, String);

type Res<T> = Result<T, FieldError>;

fn wrong(message: impl Into<String>) -> FieldError {
    (String::new(), message.into())
}

fn expected(what: &str, got: &Json) -> FieldError {
    wrong(format!("invalid type: {}, expected {what}", got.kind()))
}

/// An error inside `segment` (`.name` or `[i]`): the path grows from the leaf up, and is only
/// written when something is wrong.
fn within<T>(segment: impl FnOnce() -> String, r: Res<T>) -> Res<T> {
    r.map_err(|(path, message)| (segment() + &path, message))
}

/// The members of an object that has exactly the fields `required` and maybe some of
/// `optional`, in the order of `required` then `optional` (`None` for an absent optional one).
fn fields<'a, const R: usize, const O: usize>(
    value: &'a Json,
    required: [&str; R],
    optional: [&str; O],
) -> Res<([&'a Json; R], [Option<&'a Json>; O])> {
    let Json::Obj(members) = value else {
        return Err(expected("an object", value));
    };
    let mut req: [Option<&Json>; R] = [None; R];
    let mut opt: [Option<&Json>; O] = [None; O];
    for (name, v) in members {
        let slot = if let Some(i) = required.iter().position(|r| r == name) {
            &mut req[i]
        } else if let Some(i) = optional.iter().position(|o| o == name) {
            &mut opt[i]
        } else {
            return Err(wrong(format!("unknown field `{name}`")));
        };
        if slot.is_some() {
            return Err(wrong(format!("duplicate field `{name}`")));
        }
        *slot = Some(v);
    }
    let mut out: [&Json; R] = [&Json::Null; R];
    for (i, v) in req.into_iter().enumerate() {
        out[i] = v.ok_or_else(|| wrong(format!("missing field `{}`", required[i])))?;
    }
    Ok((out, opt))
}

/// A field's value read by `read`, its name added to the path of an error.
fn field<T>(name: &str, v: &Json, read: impl Fn(&Json) -> Res<T>) -> Res<T> {
    within(|| format!(".{name}"), read(v))
}

fn string(v: &Json) -> Res<String> {
    match v {
        Json::Str(s) => Ok(s.clone()),
        other => Err(expected("a string", other)),
    }
}

fn int<T: TryFrom<u64>>(v: &Json) -> Res<T> {
    match v {
        Json::Int(n) => {
            T::try_from(*n).map_err(|_| wrong(format!("invalid value: {n} is out of range")))
        }
        other => Err(expected("a whole number", other)),
    }
}

fn option<T>(v: &Json, read: impl Fn(&Json) -> Res<T>) -> Res<Option<T>> {
    match v {
        Json::Null => Ok(None),
        v => read(v).map(Some),
    }
}

fn list<T>(v: &Json, read: impl Fn(&Json) -> Res<T>) -> Res<Vec<T>> {
    let Json::Arr(items) = v else {
        return Err(expected("an array", v));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(within(|| format!("[{i}]"), read(item))?);
    }
    Ok(out)
}

fn table(v: &Json) -> Res<BTreeMap<String, String>> {
    let Json::Obj(members) = v else {
        return Err(expected("an object", v));
    };
    let mut out = BTreeMap::new();
    for (key, value) in members {
        // serde keeps the last of duplicate keys of a map.
        out.insert(key.clone(), field(key, value, string)?);
    }
    Ok(out)
}

fn date(v: &Json) -> Res<Date> {
    Date::parse_iso(&string(v)?).map_err(|e| wrong(e.to_string()))
}

fn cert_ref(v: &Json) -> Res<CertRef> {
    let ([code], [title]) = fields(v, ["code"], ["title"])?;
    Ok(CertRef {
        code: field("code", code, string)?,
        title: match title {
            Some(t) => field("title", t, |t| option(t, string))?,
            None => None,
        },
    })
}

/// The index from its JSON value; an error's path starts with a dot (`.fiches.level[3]`).
pub fn index(v: &Json) -> Res<CatalogueIndex> {
    let ([format, fiche_bytes, search_bytes, certifiers, nsf, rome, fiches], []) = fields(
        v,
        [
            "format",
            "fiche_bytes",
            "search_bytes",
            "certifiers",
            "nsf",
            "rome",
            "fiches",
        ],
        [],
    )?;
    Ok(CatalogueIndex {
        format: field("format", format, int)?,
        fiche_bytes: field("fiche_bytes", fiche_bytes, int)?,
        search_bytes: field("search_bytes", search_bytes, int)?,
        certifiers: field("certifiers", certifiers, |v| list(v, string))?,
        nsf: field("nsf", nsf, table)?,
        rome: field("rome", rome, table)?,
        fiches: field("fiches", fiches, entries)?,
    })
}

/// The entries, from their columns (see `Columns`).
fn entries(v: &Json) -> Res<Vec<IndexEntry>> {
    let (
        [code, title, kind, abbreviation, level, certifiers, nsf, rome, registration_end, bloc_count, competency_count, previous, next],
        [],
    ) = fields(
        v,
        [
            "code",
            "title",
            "kind",
            "abbreviation",
            "level",
            "certifiers",
            "nsf",
            "rome",
            "registration_end",
            "bloc_count",
            "competency_count",
            "previous",
            "next",
        ],
        [],
    )?;
    let strings = |v: &Json| list(v, string);
    let optional_strings = |v: &Json| list(v, |v| option(v, string));
    let counts = |v: &Json| list(v, int::<usize>);
    let codes = |v: &Json| list(v, |v| option(v, |v| list(v, string)));
    let refs = |v: &Json| list(v, |v| list(v, cert_ref));
    let code = field("code", code, strings)?;
    let title = field("title", title, strings)?;
    let kind = field("kind", kind, optional_strings)?;
    let abbreviation = field("abbreviation", abbreviation, optional_strings)?;
    let level = field("level", level, |v| list(v, |v| option(v, int::<u8>)))?;
    let certifiers = field("certifiers", certifiers, |v| list(v, counts))?;
    let nsf = field("nsf", nsf, codes)?;
    let rome = field("rome", rome, codes)?;
    let registration_end = field("registration_end", registration_end, |v| {
        list(v, |v| option(v, date))
    })?;
    let bloc_count = field("bloc_count", bloc_count, counts)?;
    let competency_count = field("competency_count", competency_count, counts)?;
    let previous = field("previous", previous, refs)?;
    let next = field("next", next, refs)?;

    let n = code.len();
    let lengths = [
        title.len(),
        kind.len(),
        abbreviation.len(),
        level.len(),
        certifiers.len(),
        nsf.len(),
        rome.len(),
        registration_end.len(),
        bloc_count.len(),
        competency_count.len(),
        previous.len(),
        next.len(),
    ];
    if lengths.iter().any(|l| *l != n) {
        return Err(wrong(format!(
            "columns of unequal lengths: {n} codes, {lengths:?}"
        )));
    }
    let mut title = title.into_iter();
    let mut kind = kind.into_iter();
    let mut abbreviation = abbreviation.into_iter();
    let mut level = level.into_iter();
    let mut certifiers = certifiers.into_iter();
    let mut nsf = nsf.into_iter();
    let mut rome = rome.into_iter();
    let mut registration_end = registration_end.into_iter();
    let mut bloc_count = bloc_count.into_iter();
    let mut competency_count = competency_count.into_iter();
    let mut previous = previous.into_iter();
    let mut next = next.into_iter();
    // Equal lengths were checked: every column has a next value.
    Ok(code
        .into_iter()
        .map(|code| IndexEntry {
            code,
            title: title.next().unwrap_or_default(),
            kind: kind.next().flatten(),
            abbreviation: abbreviation.next().flatten(),
            level: level.next().flatten(),
            certifiers: certifiers.next().unwrap_or_default(),
            nsf: nsf.next().flatten(),
            rome: rome.next().flatten(),
            registration_end: registration_end.next().flatten(),
            bloc_count: bloc_count.next().unwrap_or_default(),
            competency_count: competency_count.next().unwrap_or_default(),
            previous: previous.next().unwrap_or_default(),
            next: next.next().unwrap_or_default(),
        })
        .collect())
}
