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

/// The columns of the entries, in this order (see `Columns`).
const COLUMNS: [&str; 13] = [
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
];

/// The entries, from their columns (see `Columns`): every column an array of one value per
/// entry, read row by row (no column is copied first: this runs in the first load).
fn entries(v: &Json) -> Res<Vec<IndexEntry>> {
    let (values, []) = fields(v, COLUMNS, [])?;
    let mut columns: [&[Json]; 13] = [&[]; 13];
    for (i, value) in values.into_iter().enumerate() {
        columns[i] = match value {
            Json::Arr(items) => items,
            other => return Err((format!(".{}", COLUMNS[i]), expected("an array", other).1)),
        };
    }
    let n = columns[0].len();
    if columns.iter().any(|c| c.len() != n) {
        let lengths: Vec<usize> = columns[1..].iter().map(|c| c.len()).collect();
        return Err(wrong(format!(
            "columns of unequal lengths: {n} codes, {lengths:?}"
        )));
    }
    let mut out = Vec::with_capacity(n);
    for row in 0..n {
        let cell = Cell {
            columns: &columns,
            row,
        };
        out.push(IndexEntry {
            code: cell.read(0, string)?,
            title: cell.read(1, string)?,
            kind: cell.read(2, |v| option(v, string))?,
            abbreviation: cell.read(3, |v| option(v, string))?,
            level: cell.read(4, |v| option(v, int::<u8>))?,
            certifiers: cell.read(5, |v| list(v, int::<usize>))?,
            nsf: cell.read(6, |v| option(v, |v| list(v, string)))?,
            rome: cell.read(7, |v| option(v, |v| list(v, string)))?,
            registration_end: cell.read(8, |v| option(v, date))?,
            bloc_count: cell.read(9, int::<usize>)?,
            competency_count: cell.read(10, int::<usize>)?,
            previous: cell.read(11, |v| list(v, cert_ref))?,
            next: cell.read(12, |v| list(v, cert_ref))?,
        });
    }
    Ok(out)
}

/// One row of the columns.
struct Cell<'a> {
    columns: &'a [&'a [Json]; 13],
    row: usize,
}

impl Cell<'_> {
    /// The value of column `c` in this row, read by `read`; an error names both
    /// (`.level[3]`).
    fn read<T>(&self, c: usize, read: impl Fn(&Json) -> Res<T>) -> Res<T> {
        let row = self.row;
        within(
            || format!(".{}[{row}]", COLUMNS[c]),
            read(&self.columns[c][row]),
        )
    }
}
