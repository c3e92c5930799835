//! Splitting a bloc's free-text competency list (`LISTE_COMPETENCES`) into the competencies a
//! human reader sees. Pure: no I/O, available on every target.
//!
//! The export keeps each list as one text field whose line breaks were lost: they became runs of
//! spaces. Authors used every list style there is. These are the reading rules, in order:
//!
//! 1. **Lines.** A run of two or more blanks (spaces, tabs, no-break spaces) or a real line
//!    break ends a line. HTML leftovers (`<br>`, `<p>`, `<li>`) end lines too; other tags go.
//! 2. **Inline markers.** Inside a line, a new item also starts at a bullet character
//!    (`•`, `▪`, `►`, `✓`…), at a code marker (`C2.`, `A1C3 -`, `CP4 :`) or a dotted number
//!    (`1.2`, `1.2.3`) when the same kind of marker occurs at least twice in the list, and at
//!    `- ` / `* ` right after a sentence end (`. - Gérer`).
//! 3. **Markers.** A line may start with a marker: a bullet (`-`, `–`, `*`, `•`, `o`…), a
//!    number (`1.`, `2)`, `1.1`, `1.1.1`), a letter (`a)`), a code (`C1.`, `A1C1.`, `CP2 :`) or
//!    a word and a number (`Compétence 3 :`). The marker is not part of the label. Markers of the
//!    same kind and depth form one list level; levels are ranked by first appearance.
//! 4. **Wrapped lines.** A line without marker continues the previous one when it starts in
//!    lower case (and is not an infinitive while the list's items are), or when the previous line
//!    is visibly unfinished (ends with `,`, `(`, `-`, `'` or a word such as `de`, `la`, `et`,
//!    `pour`). Continuations are joined with one space.
//! 5. **Headings.** A line ending with `:`, a marked line followed by deeper-level lines (the
//!    `1.` of a `1.` / `*` list, the `A1` of an `A1` / `A1C1` list), or a short label that is
//!    not a competency (no verb first, such as "Compétences techniques") followed by marked
//!    lines, is a lead-in: its children are the items and it is dropped.
//!    Exception: a competency (starting with a capital or an infinitive) whose children are all
//!    fragments (lower case, not infinitives: "en analysant…", "la gestion de…") is *one* item,
//!    its children joined to it.
//! 6. **Sentences.** An item made of several sentences that each start with an infinitive
//!    ("Analyser…. Concevoir….") is split at the sentence ends.
//! 7. **Other fields.** When all this leaves a single long item, the fiche's other fields
//!    (`CAPACITES_ATTESTEES`) are split the same way and their items looked up in the text; if
//!    they tile it, their boundaries are used.
//! 8. **Clean-up.** Whitespace runs become one space; a trailing `;` or `,` goes; a final `.` is
//!    kept (labels stay verbatim otherwise). Items without two letters are dropped.
//! 9. **Flag.** A list that yields one item of more than 300 characters holding several
//!    sentences, or any item over 600 characters, is kept as split and flagged
//!    ([`Split::problem`]); an empty list is flagged [`SplitProblem::Empty`].

use std::fmt;

/// Why a split should be checked by a human.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitProblem {
    /// The list holds no text.
    Empty,
    /// Several sentences but no visible item boundary: kept whole.
    KeptWhole { chars: usize },
    /// One item is suspiciously long (its position from 1, its length in characters).
    LongItem { item: usize, chars: usize },
}

impl fmt::Display for SplitProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SplitProblem::Empty => write!(f, "the competency list is empty"),
            SplitProblem::KeptWhole { chars } => write!(
                f,
                "no item boundary found in {chars} characters of several sentences: kept whole"
            ),
            SplitProblem::LongItem { item, chars } => {
                write!(f, "item {item} is {chars} characters long: check the split")
            }
        }
    }
}

/// The result of [`split_competencies`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Split {
    /// The competency labels, in source order.
    pub items: Vec<String>,
    /// Set when a human should look at the split.
    pub problem: Option<SplitProblem>,
}

/// Above this length a lone item made of several sentences is flagged.
const WHOLE_LIMIT: usize = 300;
/// Above this length any item is flagged.
const ITEM_LIMIT: usize = 600;

/// Splits a competency list into labels, following the module's reading rules. `hints` are other
/// texts of the same fiche that may list the same items (e.g. `CAPACITES_ATTESTEES`).
pub fn split_competencies(text: &str, hints: &[&str]) -> Split {
    let mut items = split_plain(text);
    if items.is_empty() {
        return Split {
            items,
            problem: Some(SplitProblem::Empty),
        };
    }
    if items.len() == 1 && sentence_count(&items[0]) > 1 {
        if let Some(found) = align_with_hints(&items[0], hints) {
            items = found;
        }
    }
    let problem = if items.len() == 1 && chars(&items[0]) > WHOLE_LIMIT {
        (sentence_count(&items[0]) > 1).then(|| SplitProblem::KeptWhole {
            chars: chars(&items[0]),
        })
    } else {
        None
    };
    let problem = problem.or_else(|| {
        items
            .iter()
            .position(|i| chars(i) > ITEM_LIMIT)
            .map(|n| SplitProblem::LongItem {
                item: n + 1,
                chars: chars(&items[n]),
            })
    });
    Split { items, problem }
}

/// Splits into lines of a list (rule 1): runs of blanks and line breaks, HTML leftovers.
/// Each line is trimmed and inner blanks are kept as they are. Also used for the export's other
/// multi-line fields (assessment modalities, jobs).
pub fn source_lines(text: &str) -> Vec<String> {
    let text = strip_html(text);
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut blanks = 0usize;
    for c in text.chars() {
        if c == '\n' || c == '\r' {
            blanks = 2;
        } else if is_blank(c) {
            blanks += 1;
        } else {
            if blanks >= 2 {
                push_line(&mut lines, &mut cur);
            } else if blanks == 1 {
                cur.push(' ');
            }
            blanks = 0;
            cur.push(c);
        }
    }
    push_line(&mut lines, &mut cur);
    lines
}

/// A text field of the export with its lost line breaks restored: each line of
/// [`source_lines`] on its own line.
pub fn restore_breaks(text: &str) -> String {
    source_lines(text).join("\n")
}

fn push_line(lines: &mut Vec<String>, cur: &mut String) {
    let t = cur.trim();
    if !t.is_empty() {
        lines.push(t.to_owned());
    }
    cur.clear();
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2007}'
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Rule 1's HTML part: block tags become line breaks (`<li>` also a dash), others vanish.
fn strip_html(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('<') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after.find('>');
        let tag_name: String = after
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let known = matches!(
            tag_name.as_str(),
            "br" | "p" | "li" | "ul" | "ol" | "div" | "strong" | "em" | "b" | "i" | "u" | "span"
        );
        match end {
            Some(e) if known && e < 200 => {
                let closing = after.starts_with('/');
                match tag_name.as_str() {
                    "li" if !closing => out.push_str("\n- "),
                    "br" | "p" | "li" | "ul" | "ol" | "div" => out.push('\n'),
                    _ => {}
                }
                rest = &after[e + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The kind of a line's marker. Same kind = same list level.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Style {
    None,
    /// A bullet character; dashes are one family.
    Bullet(char),
    /// `1.`, `1.1`, `1.1.1`: the depth is the number of numbers.
    Number(usize),
    /// `a)`, `b.`.
    Letter,
    /// `C1.`, `A1C1`, `CP2`: the letter groups, e.g. `"A.C"` for `A1C1`, and the dotted depth.
    Code(String, usize),
    /// `Compétence 1 :`: the word, folded to lower case.
    Word(String),
}

#[derive(Debug, Clone)]
struct Line {
    style: Style,
    text: String,
    /// The marker as written, for rejoining fragments under their parent.
    marker: String,
}

const BULLETS: &[char] = &[
    '•', '●', '▪', '■', '◦', '►', '➢', '➤', '✓', '✔', '❖', '◆', '□', '▸', '‣', '⁃', '○', '→',
];
const DASHES: &[char] = &['-', '–', '—', '‐', '−'];

/// The marker at the start of `line`, if any: its style and its length in bytes (with the
/// blanks after it).
fn marker(line: &str) -> Option<(Style, usize)> {
    let mut it = line.char_indices();
    let (_, first) = it.next()?;
    let after = |n: usize| -> Option<usize> {
        // The marker is `n` bytes long; it must be followed by a blank (or, for dashes and
        // bullets, directly by a letter); returns the length including blanks.
        let rest = &line[n..];
        let trimmed = rest.trim_start_matches(is_blank);
        let next = trimmed.chars().next()?;
        (next.is_alphanumeric() || next == '(' || next == '«' || next == '"' || next == '\'')
            .then_some(line.len() - trimmed.len())
    };
    if BULLETS.contains(&first) {
        return after(first.len_utf8()).map(|n| (Style::Bullet(first), n));
    }
    if DASHES.contains(&first) || first == '*' || first == '>' || first == '·' {
        let n = first.len_utf8();
        // `-Analyser` is a marker; `-5 %` is not.
        let next = line[n..].chars().next()?;
        if next.is_ascii_digit() {
            return None;
        }
        let kind = if DASHES.contains(&first) { '-' } else { first };
        return after(n).map(|len| (Style::Bullet(kind), len));
    }
    if first == 'o' && line[1..].starts_with(is_blank) {
        return after(1).map(|n| (Style::Bullet('o'), n));
    }
    if first.is_ascii_digit() {
        return number_marker(line);
    }
    if first.is_ascii_lowercase() {
        let b = line.as_bytes();
        if b.len() > 2 && (b[1] == b')' || b[1] == b'.') && (b[2] == b' ' || b[2] == b'\t') {
            return after(2).map(|n| (Style::Letter, n));
        }
        return None;
    }
    if first.is_uppercase() {
        return code_marker(line).or_else(|| word_marker(line));
    }
    None
}

/// `1.`, `1)`, `1 -`, `1.1`, `1.1.1`, `1.1.` followed by a blank. A bare number followed by a
/// word is a marker only if that word is capitalised ("2 Gérer", not "3 conditions").
fn number_marker(line: &str) -> Option<(Style, usize)> {
    let b = line.as_bytes();
    let mut i = 0;
    let mut depth = 0;
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || i - start > 2 {
            return None;
        }
        depth += 1;
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    let mut punct = false;
    let j = skip_blanks(line, i);
    let mut k = j;
    if k < b.len() && matches!(b[k], b'.' | b')' | b'-' | b':' | b'/') {
        punct = true;
        k += 1;
    } else if line[k..].starts_with('–') {
        punct = true;
        k += '–'.len_utf8();
    }
    let end = skip_blanks(line, k);
    if (punct && end == k) || (!punct && j == i) || end >= b.len() {
        return None;
    }
    let next = line[end..].chars().next()?;
    if !next.is_alphabetic() && next != '(' && next != '«' {
        return None;
    }
    if !punct && depth == 1 && !next.is_uppercase() {
        return None;
    }
    Some((Style::Number(depth), end))
}

/// `C1.`, `C1 -`, `C1 :`, `A1C1.`, `CP2)`, `C1.2`: one to four capitals then digits, repeated,
/// then punctuation or a blank, then a letter.
fn code_marker(line: &str) -> Option<(Style, usize)> {
    let b = line.as_bytes();
    let mut i = 0;
    let mut sig = String::new();
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_uppercase() {
            i += 1;
        }
        let letters = i - start;
        if letters == 0 || letters > 4 {
            break;
        }
        let dstart = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == dstart || i - dstart > 3 {
            return None;
        }
        if !sig.is_empty() {
            sig.push('.');
        }
        sig.push_str(&line[start..dstart]);
    }
    if sig.is_empty() {
        return None;
    }
    let mut depth = 1;
    while i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        depth += 1;
    }
    let j = skip_blanks(line, i);
    let mut k = j;
    if k < b.len() && matches!(b[k], b'.' | b')' | b'-' | b':') {
        k += 1;
    } else if line[k..].starts_with('–') {
        k += '–'.len_utf8();
    } else if j == i {
        return None;
    }
    let end = skip_blanks(line, k);
    let next = line[end..].chars().next()?;
    (next.is_alphabetic() || next == '(' || next == '«').then_some((Style::Code(sig, depth), end))
}

/// `Compétence 1 :`, `Compétence n°2 -`, `Activité 3.`.
fn word_marker(line: &str) -> Option<(Style, usize)> {
    let word: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
    let lower = word.to_lowercase();
    if !matches!(
        lower.as_str(),
        "compétence" | "competence" | "activité" | "activite" | "capacité" | "capacite"
    ) {
        return None;
    }
    let mut i = skip_blanks(line, word.len());
    for prefix in ["n°", "N°", "no ", "n° "] {
        if line[i..].starts_with(prefix) {
            i = skip_blanks(line, i + prefix.len());
        }
    }
    let b = line.as_bytes();
    let d = i;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
        i += 1;
    }
    if i == d {
        return None;
    }
    let mut k = skip_blanks(line, i);
    if k < b.len() && matches!(b[k], b'.' | b')' | b'-' | b':') {
        k += 1;
    } else if line[k..].starts_with('–') {
        k += '–'.len_utf8();
    }
    let end = skip_blanks(line, k);
    let next = line[end..].chars().next()?;
    next.is_alphabetic().then_some((Style::Word(lower), end))
}

fn skip_blanks(s: &str, mut i: usize) -> usize {
    while let Some(c) = s[i..].chars().next() {
        if !is_blank(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Rule 2: cuts a line before inline markers. `families` are the code / number marker kinds
/// seen at least twice in the whole list.
fn cut_inline(line: &str, families: &[Style]) -> Vec<String> {
    let mut cuts = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if i > 0 && prev.is_some_and(is_blank) {
            let rest = &line[i..];
            let before = line[..i].trim_end_matches(is_blank);
            let ended = before.ends_with(['.', ';', ':', '!', '?']);
            let cut = if BULLETS.contains(&c) {
                marker(rest).is_some()
            } else if DASHES.contains(&c) || c == '*' {
                ended && marker(rest).is_some()
            } else if c.is_ascii_uppercase() || c.is_ascii_digit() {
                match marker(rest) {
                    Some((s @ (Style::Code(..) | Style::Number(_)), _)) => {
                        families.contains(&s)
                            && (ended
                                || matches!(s, Style::Code(..))
                                || matches!(s, Style::Number(d) if d > 1))
                    }
                    _ => false,
                }
            } else {
                false
            };
            if cut {
                cuts.push(i);
            }
        }
        prev = Some(c);
    }
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts {
        out.push(line[start..c].trim().to_owned());
        start = c;
    }
    out.push(line[start..].trim().to_owned());
    out.retain(|s| !s.is_empty());
    out
}

/// Code and number marker kinds that occur at least twice at a blank in the text.
fn inline_families(lines: &[String]) -> Vec<Style> {
    let mut counts: Vec<(Style, usize)> = Vec::new();
    for line in lines {
        let mut prev_blank = true;
        for (i, c) in line.char_indices() {
            if prev_blank && (c.is_ascii_uppercase() || c.is_ascii_digit()) {
                if let Some((s @ (Style::Code(..) | Style::Number(_)), _)) = marker(&line[i..]) {
                    match counts.iter_mut().find(|(k, _)| *k == s) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((s, 1)),
                    }
                }
            }
            prev_blank = is_blank(c);
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(s, _)| s)
        .collect()
}

/// Rules 1 to 6 and 8, without the help of other fields.
fn split_plain(text: &str) -> Vec<String> {
    let raw = source_lines(text);
    let families = inline_families(&raw);
    let mut lines: Vec<Line> = Vec::new();
    for piece in raw.iter().flat_map(|l| cut_inline(l, &families)) {
        let (style, text, marker_text) = match marker(&piece) {
            Some((s, n)) => (s, piece[n..].to_owned(), piece[..n].trim().to_owned()),
            None => (Style::None, piece.clone(), String::new()),
        };
        lines.push(Line {
            style,
            text,
            marker: marker_text,
        });
    }
    let lines = join_wrapped(lines);
    let mut items = Vec::new();
    structure(&lines, &mut items);
    items
        .into_iter()
        .flat_map(|i| split_sentences(&i))
        .map(|i| clean(&i))
        .filter(|i| i.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect()
}

/// Rule 4: joins wrapped lines to the line they continue.
fn join_wrapped(lines: Vec<Line>) -> Vec<Line> {
    let marked = lines.iter().filter(|l| l.style != Style::None).count();
    let infinitive_items = lines.iter().filter(|l| starts_infinitive(&l.text)).count() * 2
        > lines.len()
        && lines.len() > 2;
    let mut out: Vec<Line> = Vec::new();
    for line in lines {
        let join = match out.last() {
            Some(prev) if line.style == Style::None => {
                let first = line.text.chars().next().unwrap_or(' ');
                let lower_start = first.is_lowercase()
                    || matches!(first, '(' | ',' | ';' | ')' | '/' | '&' | '%');
                let heading = prev.text.trim_end().ends_with(':');
                !heading
                    && ((lower_start && !(infinitive_items && starts_infinitive(&line.text)))
                        || unfinished(&prev.text)
                        || (marked > 0 && lower_start))
            }
            _ => false,
        };
        match (join, out.last_mut()) {
            (true, Some(prev)) => {
                prev.text.push(' ');
                prev.text.push_str(&line.text);
            }
            _ => out.push(line),
        }
    }
    out
}

/// Whether a line visibly goes on (rule 4).
fn unfinished(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with([',', '(', '-', '\'', '’', '/', '&']) {
        return true;
    }
    let last = t
        .rsplit(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .next()
        .unwrap_or("");
    let last = last.to_lowercase();
    matches!(
        last.as_str(),
        "de" | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "l'"
            | "l’"
            | "d'"
            | "d’"
            | "à"
            | "au"
            | "aux"
            | "et"
            | "ou"
            | "en"
            | "pour"
            | "par"
            | "avec"
            | "dans"
            | "sur"
            | "sous"
            | "un"
            | "une"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "que"
            | "qui"
            | "dont"
            | "afin"
            | "selon"
            | "vers"
            | "chez"
            | "entre"
            | "notamment"
    )
}

fn is_colon_heading(l: &Line) -> bool {
    l.style == Style::None && l.text.trim_end().ends_with(':')
}

/// Rank of each line: unmarked lines ending with `:` rank 0 (lead-ins); the other kinds of
/// line (unmarked included) rank from 1 in order of first appearance.
fn ranks(lines: &[Line]) -> Vec<usize> {
    let mut order: Vec<&Style> = Vec::new();
    for l in lines {
        if !is_colon_heading(l) && !order.contains(&&l.style) {
            order.push(&l.style);
        }
    }
    lines
        .iter()
        .map(|l| {
            if is_colon_heading(l) {
                0
            } else {
                1 + order.iter().position(|o| **o == l.style).unwrap_or(0)
            }
        })
        .collect()
}

/// Rule 5: headings, lead-ins and two-level lists. Pushes the items of `lines` to `out`.
fn structure(lines: &[Line], out: &mut Vec<String>) {
    if lines.len() > 2000 {
        out.extend(lines.iter().map(|l| l.text.clone()));
        return;
    }
    let rank = ranks(lines);
    // The children of a line: the following lines of a deeper rank.
    let end_of = |i: usize| {
        let mut j = i + 1;
        while j < lines.len() && rank[j] > rank[i] {
            j += 1;
        }
        j
    };
    // How many lines of each kind have children: a kind that does it twice is a heading level.
    let mut parents: Vec<(&Style, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if end_of(i) > i + 1 {
            match parents.iter_mut().find(|(s, _)| **s == line.style) {
                Some((_, n)) => *n += 1,
                None => parents.push((&line.style, 1)),
            }
        }
    }
    let parent_count = |s: &Style| parents.iter().find(|(p, _)| *p == s).map_or(0, |(_, n)| *n);
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let colon = line.text.trim_end().ends_with(':');
        let j = end_of(i);
        let children = &lines[i + 1..j];
        if children.is_empty() {
            let text = line.text.trim_end().trim_end_matches(':').trim_end();
            out.push(text.to_owned());
            i += 1;
            continue;
        }
        let itemlike = is_itemlike(&line.text);
        let fragments = children.iter().all(|c| is_fragment(&c.text));
        if itemlike && fragments {
            // One competency whose children complete it.
            let mut joined = line.text.trim_end().to_owned();
            for c in children {
                joined.push(' ');
                if !c.marker.is_empty() {
                    joined.push_str(&c.marker);
                    joined.push(' ');
                }
                joined.push_str(&c.text);
            }
            out.push(joined);
        } else {
            let heading = if line.style == Style::None {
                colon
                    || !itemlike
                    || (chars(&line.text) < 60 && !line.text.trim_end().ends_with('.'))
            } else {
                colon || i == 0 || parent_count(&line.style) >= 2
            };
            if !heading {
                out.push(line.text.clone());
            }
            structure(children, out);
        }
        i = j;
    }
}

/// Whether a text reads as a competency on its own: a capital first, or an infinitive.
fn is_itemlike(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    first.is_uppercase() || first.is_ascii_digit() || starts_infinitive(text)
}

/// Whether a text completes the sentence before it: lower case, starting with a gerund
/// ("analysant") or a preposition or conjunction ("en", "de", "pour", "et"…). Noun phrases
/// ("la gestion de…") are items of their own.
fn is_fragment(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    if !first.is_lowercase() {
        return false;
    }
    let word: String = text
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '\'' || *c == '’')
        .collect();
    word.ends_with("ant")
        || matches!(
            word.as_str(),
            "en" | "de"
                | "du"
                | "des"
                | "d'"
                | "d’"
                | "à"
                | "au"
                | "aux"
                | "par"
                | "pour"
                | "avec"
                | "dans"
                | "sur"
                | "et"
                | "ou"
                | "afin"
                | "selon"
                | "dont"
                | "qui"
                | "que"
                | "notamment"
                | "tout"
                | "y"
        )
}

/// Whether the first word is a French infinitive ("analyser", "S'adapter", "se positionner").
fn starts_infinitive(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    let mut rest = lower.as_str();
    for p in ["s'", "s’", "se ", "l'", "l’"] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r;
            break;
        }
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    if word.chars().count() < 4 {
        return false;
    }
    const NOT_VERBS: &[&str] = &[
        "entre",
        "notre",
        "votre",
        "autre",
        "contre",
        "premier",
        "dernier",
        "hier",
        "cher",
        "fier",
        "hiver",
        "super",
        "désir",
        "plaisir",
        "loisir",
        "avenir",
        "outre",
        "titre",
        "cadre",
        "ordre",
        "nombre",
        "centre",
        "lettre",
        "registre",
        "chapitre",
        "filtre",
        "membre",
        "libre",
        "propre",
        "maître",
        "mètre",
        "métier",
        "dossier",
        "chantier",
        "atelier",
        "fichier",
        "papier",
        "calendrier",
        "particulier",
        "quartier",
        "premier-",
        "ouvrir-",
        "offre",
        "oeuvre",
        "œuvre",
        "manœuvre",
        "manoeuvre",
        "matière",
        "sécurité",
    ];
    if NOT_VERBS.contains(&word.as_str()) {
        return false;
    }
    word.ends_with("er") || word.ends_with("ir") || word.ends_with("re") || word.ends_with("oir")
}

/// Rule 6: an item of several sentences that each start with an infinitive is cut at the
/// sentence ends.
fn split_sentences(item: &str) -> Vec<String> {
    let parts = sentences(item);
    if parts.len() > 1 && parts.iter().all(|p| starts_infinitive(p)) {
        parts
    } else {
        vec![item.to_owned()]
    }
}

/// Sentences: cut after `.`, `;`, `!` or `?` followed by a blank and a capital (or, after `;`,
/// an infinitive). Abbreviations such as `etc.` or `ex.` do not end a sentence.
fn sentences(item: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = item.as_bytes();
    for (i, c) in item.char_indices() {
        if !matches!(c, '.' | ';' | '!' | '?') {
            continue;
        }
        let after = i + 1;
        if after >= bytes.len() || !item[after..].starts_with(is_blank) {
            continue;
        }
        let next_at = skip_blanks(item, after);
        let next = item[next_at..].chars().next().unwrap_or(' ');
        let word_before: String = item[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .chars()
            .rev()
            .collect::<String>()
            .to_lowercase();
        let abbreviation = c == '.'
            && (matches!(
                word_before.as_str(),
                "etc" | "ex" | "cf" | "p" | "art" | "n" | "m"
            ) || word_before.chars().count() == 1);
        let boundary = next.is_uppercase() || (c == ';' && starts_infinitive(&item[next_at..]));
        if boundary && !abbreviation {
            out.push(item[start..after].trim().to_owned());
            start = next_at;
        }
    }
    out.push(item[start..].trim().to_owned());
    out.retain(|s| !s.is_empty());
    out
}

fn sentence_count(item: &str) -> usize {
    sentences(item).len()
}

/// Rule 8: one space between words, no trailing `;` or `,`.
fn clean(item: &str) -> String {
    let mut out = String::with_capacity(item.len());
    for word in item.split(is_blank).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = out
        .trim_end_matches([';', ',', ' '])
        .trim_start_matches([';', ',', ' ']);
    trimmed.to_owned()
}

/// Rule 7: cuts `item` where the items of the hints start, when they tile it.
fn align_with_hints(item: &str, hints: &[&str]) -> Option<Vec<String>> {
    let hay = clean(item);
    let mut found: Vec<(usize, usize)> = Vec::new();
    for hint in hints {
        for h in split_plain(hint) {
            let needle = h.trim_end_matches('.');
            if chars(needle) < 15 {
                continue;
            }
            if let Some(at) = hay.find(needle) {
                found.push((at, at + needle.len()));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for (s, e) in found {
        if kept.last().is_none_or(|&(_, pe)| s >= pe) {
            kept.push((s, e));
        }
    }
    if kept.len() < 2 {
        return None;
    }
    let covered: usize = kept.iter().map(|(s, e)| e - s).sum();
    if covered * 10 < hay.len() * 9 {
        return None;
    }
    // Cut at each found start; gaps belong to the item before them.
    let mut out = Vec::new();
    let mut starts: Vec<usize> = kept.iter().map(|(s, _)| *s).collect();
    starts[0] = 0;
    for (n, s) in starts.iter().enumerate() {
        let e = starts.get(n + 1).copied().unwrap_or(hay.len());
        let piece = clean(&hay[*s..e]);
        if !piece.is_empty() {
            out.push(piece);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits `input` (no hints) and compares the labels with `expected`, joined by ` | `.
    fn check(input: &str, expected: &str) {
        let got = split_competencies(input, &[]).items.join(" | ");
        assert_eq!(got, expected, "\ninput: {input:?}");
    }

    #[test]
    fn real_lists_from_the_sample() {
        // RNCP37674BC02, verbatim: two blanks between items, no marker, no final stop.
        check(
            "Mettre en place une base de données relationnelle  Développer des composants d'accès aux données SQL et NoSQL  Développer des composants métier coté serveur  Documenter le déploiement d'une application dynamique web ou web mobile",
            "Mettre en place une base de données relationnelle | Développer des composants d'accès aux données SQL et NoSQL | Développer des composants métier coté serveur | Documenter le déploiement d'une application dynamique web ou web mobile",
        );
        // RNCP36612BC02, first items: one item lacks its final stop.
        check(
            "Paramétrer le logiciel de paie de son entreprise, afin d’automatiser et d’optimiser leur traitement.    Collecter les informations relatives aux situations individuelles des salariés, afin de disposer des éléments nécessaires au calcul et à l’établissement des paies et des déclarations sociales et fiscales    Analyser les informations collectées pour chaque salarié.",
            "Paramétrer le logiciel de paie de son entreprise, afin d’automatiser et d’optimiser leur traitement. | Collecter les informations relatives aux situations individuelles des salariés, afin de disposer des éléments nécessaires au calcul et à l’établissement des paies et des déclarations sociales et fiscales | Analyser les informations collectées pour chaque salarié.",
        );
        // RNCP40344BC04: a single space inside "médico- chirurgical" is not a break.
        check(
            "Manipuler le matériel médico- chirurgical, d’examen et/ou d’analyse, pour l’utiliser à la demande du praticien.    Réaliser les soins et/ou les traitements non invasifs autorisés aux ASV.",
            "Manipuler le matériel médico- chirurgical, d’examen et/ou d’analyse, pour l’utiliser à la demande du praticien. | Réaliser les soins et/ou les traitements non invasifs autorisés aux ASV.",
        );
        // RNCP36612BC01: five blanks after one item, four after the others.
        check(
            "Gérer les dossiers administratifs du personnel (suivi des visites médicales, mutuelle, prévoyance…), afin d’assurer le suivi des informations des salariés.     Réaliser les attestations et déclarations légales.",
            "Gérer les dossiers administratifs du personnel (suivi des visites médicales, mutuelle, prévoyance…), afin d’assurer le suivi des informations des salariés. | Réaliser les attestations et déclarations légales.",
        );
        // RNCP37674's CAPACITES_ATTESTEES: a numbered list of activities, each with starred
        // competencies.
        check(
            "1. Développer la partie front-end d'une application web ou web mobile sécurisée        * Installer et configurer son environnement de travail en fonction du projet web ou web mobile      * Maquetter des interfaces utilisateur web ou web mobile    2. Développer la partie back-end d'une application web ou web mobile sécurisée        * Mettre en place une base de données relationnelle      * Documenter le déploiement d'une application dynamique web ou web mobile",
            "Installer et configurer son environnement de travail en fonction du projet web ou web mobile | Maquetter des interfaces utilisateur web ou web mobile | Mettre en place une base de données relationnelle | Documenter le déploiement d'une application dynamique web ou web mobile",
        );
        // RNCP36612's CAPACITES_ATTESTEES: noun phrases, one per line.
        check(
            "La gestion des opérations d’administration et de suivi des conditions de travail du personnel    L'établissement de la paie et des déclarations sociales associées    La contribution au recrutement et à l’intégration des collaborateurs",
            "La gestion des opérations d’administration et de suivi des conditions de travail du personnel | L'établissement de la paie et des déclarations sociales associées | La contribution au recrutement et à l’intégration des collaborateurs",
        );
    }

    #[test]
    fn markers() {
        check(
            "- Analyser la demande  - Concevoir une offre",
            "Analyser la demande | Concevoir une offre",
        );
        check(
            "* Accueillir le client    * Conseiller le client",
            "Accueillir le client | Conseiller le client",
        );
        check(
            "• Accueillir le client • Conseiller le client",
            "Accueillir le client | Conseiller le client",
        );
        check(
            "–Accueillir le client  –Conseiller le client",
            "Accueillir le client | Conseiller le client",
        );
        check(
            "C1. Analyser le besoin  C2. Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "C1. Analyser le besoin. C2. Concevoir la solution.",
            "Analyser le besoin. | Concevoir la solution.",
        );
        check(
            "C1 - Analyser le besoin C2 - Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "CP1 : Analyser le besoin  CP2 : Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "A1C1. Analyser le besoin  A1C2. Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "1. Analyser le besoin  2. Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "1) Analyser le besoin  2) Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "1.1.1 Analyser le besoin  1.1.2 Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "1.1 Analyser le besoin 1.2 Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "a) Analyser le besoin  b) Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "o Analyser le besoin  o Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "Compétence 1 : Analyser le besoin  Compétence 2 : Concevoir la solution",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "<ul><li>Analyser le besoin</li><li>Concevoir la solution</li></ul>",
            "Analyser le besoin | Concevoir la solution",
        );
        check(
            "Analyser le besoin.<br>Concevoir la solution.",
            "Analyser le besoin. | Concevoir la solution.",
        );
    }

    #[test]
    fn not_markers() {
        check(
            "Prendre en charge 3 patients  Gérer 2 équipes",
            "Prendre en charge 3 patients | Gérer 2 équipes",
        );
        check(
            "Réduire les émissions de CO2 de 5 %  Gérer les déchets",
            "Réduire les émissions de CO2 de 5 % | Gérer les déchets",
        );
        check(
            "Respecter la norme ISO 9001 - qualité - du site",
            "Respecter la norme ISO 9001 - qualité - du site",
        );
        check(
            "Rédiger un rapport (ex. bilan annuel) pour la direction",
            "Rédiger un rapport (ex. bilan annuel) pour la direction",
        );
        check(
            "Appliquer le protocole -5 % de remise",
            "Appliquer le protocole -5 % de remise",
        );
    }

    #[test]
    fn headings_and_levels() {
        check(
            "Être capable de :  - analyser le besoin  - concevoir la solution",
            "analyser le besoin | concevoir la solution",
        );
        check(
            "Compétences techniques :  - Souder  - Braser  Compétences transversales :  - Communiquer",
            "Souder | Braser | Communiquer",
        );
        check(
            "A1. Gérer un projet  A1C1. Planifier les tâches  A1C2. Suivre le budget  A2. Animer une équipe  A2C1. Motiver les membres",
            "Planifier les tâches | Suivre le budget | Motiver les membres",
        );
        check(
            "1. Préparer le chantier  1.1 Lire les plans  1.2 Implanter l'ouvrage  2. Réaliser l'ouvrage  2.1 Couler le béton",
            "Lire les plans | Implanter l'ouvrage | Couler le béton",
        );
        check(
            "C1. Réaliser un diagnostic en :  - analysant le contexte  - identifiant les acteurs  C2. Rédiger le rapport",
            "Réaliser un diagnostic en : - analysant le contexte - identifiant les acteurs | Rédiger le rapport",
        );
        check(
            "Compétences transversales  - Communiquer avec l'équipe  - Rendre compte",
            "Communiquer avec l'équipe | Rendre compte",
        );
        check("Analyser le besoin :", "Analyser le besoin");
    }

    #[test]
    fn wrapped_lines() {
        check(
            "Analyser la demande du client en tenant compte  de ses contraintes  Concevoir une offre",
            "Analyser la demande du client en tenant compte de ses contraintes | Concevoir une offre",
        );
        check(
            "- Analyser la demande du client et   les contraintes du site  - Concevoir une offre",
            "Analyser la demande du client et les contraintes du site | Concevoir une offre",
        );
        check(
            "analyser la demande  concevoir une offre  mettre en œuvre la solution",
            "analyser la demande | concevoir une offre | mettre en œuvre la solution",
        );
    }

    #[test]
    fn sentences_of_infinitives() {
        check(
            "Analyser la demande du client. Concevoir une offre adaptée. Mettre en œuvre la solution.",
            "Analyser la demande du client. | Concevoir une offre adaptée. | Mettre en œuvre la solution.",
        );
        check(
            "Analyser la demande du client ; concevoir une offre adaptée ; mettre en œuvre la solution",
            "Analyser la demande du client | concevoir une offre adaptée | mettre en œuvre la solution",
        );
        check(
            "Analyser la demande. Il s'agit de recueillir les besoins. Les outils sont imposés.",
            "Analyser la demande. Il s'agit de recueillir les besoins. Les outils sont imposés.",
        );
    }

    #[test]
    fn flags() {
        assert_eq!(
            split_competencies("   ", &[]).problem,
            Some(SplitProblem::Empty)
        );
        let long = "Le titulaire organise son travail. Il prend en compte les consignes de sécurité et les règles d'hygiène du site en vigueur. ".repeat(3);
        let s = split_competencies(&long, &[]);
        assert_eq!(s.items.len(), 1);
        assert!(
            matches!(s.problem, Some(SplitProblem::KeptWhole { .. })),
            "{s:?}"
        );
        assert_eq!(split_competencies("Analyser le besoin", &[]).problem, None);
    }

    #[test]
    fn hints_give_the_boundaries() {
        let text = "Accueillir le propriétaire d'un animal au comptoir, en gérant son attente. Il adapte son discours au client. Conseiller le client sur les produits vétérinaires adaptés. Il respecte le cadre réglementaire.";
        let hint = "Accueillir le propriétaire d'un animal au comptoir, en gérant son attente. Il adapte son discours au client.    Conseiller le client sur les produits vétérinaires adaptés. Il respecte le cadre réglementaire.";
        let s = split_competencies(text, &[hint]);
        assert_eq!(
            s.items,
            vec![
                "Accueillir le propriétaire d'un animal au comptoir, en gérant son attente. Il adapte son discours au client.",
                "Conseiller le client sur les produits vétérinaires adaptés. Il respecte le cadre réglementaire.",
            ]
        );
    }

    #[test]
    fn restored_breaks() {
        assert_eq!(
            restore_breaks("Étude de cas    Entretien avec le jury  "),
            "Étude de cas\nEntretien avec le jury"
        );
        assert_eq!(source_lines("a b\n\nc"), vec!["a b", "c"]);
    }
}
