//! The user's own work: which certifications they look at, how they rate each competency,
//! their notes, the experiences they describe and which experience backs which competency.
//!
//! Everything here is pure data plus small, total operations: no I/O, no panics. Operations
//! that could break a limit or an invariant return an [`AssessmentError`] and leave the
//! assessment untouched; [`Assessment::validate`] checks the whole set of invariants (the codecs
//! run it on everything they decode), so whatever the operations can build, the codecs can save
//! and read back.
//!
//! Invariants of a valid [`Assessment`]:
//! - certification codes and competency ids are short ASCII identifiers ([`is_valid_id`]);
//! - the selection holds no duplicates;
//! - experience ids are unique, and evidence links and dismissals only name existing
//!   experiences;
//! - notes are never blank and evidence sets never empty (the operations never make them;
//!   [`Assessment::normalize`] drops them from decoded data);
//! - the limits below hold (`MAX_*`), including a total text budget so that the saved form of
//!   any valid assessment stays under the codec's size limit.
//!
//! An unrated competency is simply absent from [`Assessment::ratings`].

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::catalogue::Catalogue;

/// Longest certification code or competency id, in bytes (ids are ASCII).
pub const MAX_ID_CHARS: usize = 64;
/// Most certifications in the selection.
pub const MAX_SELECTED: usize = 100;
/// Most entries in each of `ratings`, `notes` and `evidence` (one per competency).
pub const MAX_KEYS: usize = 2_000;
/// Most evidence links (experience, competency) in total.
pub const MAX_LINKS: usize = 5_000;
/// Most dismissed suggestions.
pub const MAX_DISMISSED: usize = 5_000;
/// Most experiences.
pub const MAX_EXPERIENCES: usize = 200;
/// Longest experience title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest experience description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;
/// Longest note on a competency, in characters.
pub const MAX_NOTE_CHARS: usize = 5_000;
/// All notes, titles and descriptions together, in UTF-8 bytes.
pub const MAX_TEXT_BYTES: usize = 1_000_000;

/// How well the user masters a competency, in their own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// « Je ne l'ai pas encore fait ».
    NotYet,
    /// « Je l'ai fait avec de l'aide ».
    WithHelp,
    /// « Je le fais seul(e) ».
    Alone,
    /// « Je peux l'expliquer ou le transmettre ».
    CanTeach,
}

impl Level {
    /// From the least to the most autonomous.
    pub const ALL: [Level; 4] = [
        Level::NotYet,
        Level::WithHelp,
        Level::Alone,
        Level::CanTeach,
    ];

    /// Stable identifier, used in saved files.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::NotYet => "not_yet",
            Level::WithHelp => "with_help",
            Level::Alone => "alone",
            Level::CanTeach => "can_teach",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Position in [`Level::ALL`] (0–3): the number format-1 files used, and the share link's.
    pub fn index(self) -> u8 {
        match self {
            Level::NotYet => 0,
            Level::WithHelp => 1,
            Level::Alone => 2,
            Level::CanTeach => 3,
        }
    }

    pub fn from_index(i: u64) -> Option<Level> {
        usize::try_from(i)
            .ok()
            .and_then(|i| Level::ALL.get(i).copied())
    }

    /// The answer this level gives to France VAE's feasibility question on a competency.
    pub fn vae(self) -> VaeAnswer {
        match self {
            Level::NotYet => VaeAnswer::Non,
            Level::WithHelp => VaeAnswer::Partiellement,
            Level::Alone | Level::CanTeach => VaeAnswer::Oui,
        }
    }

    /// Whether the user does it without help (`Alone` or `CanTeach`): what a jury expects.
    pub fn is_autonomous(self) -> bool {
        matches!(self, Level::Alone | Level::CanTeach)
    }
}

/// The answers of France VAE's feasibility questionnaire ("Avez-vous déjà réalisé … ?").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VaeAnswer {
    Non,
    Partiellement,
    Oui,
}

impl VaeAnswer {
    pub const ALL: [VaeAnswer; 3] = [VaeAnswer::Non, VaeAnswer::Partiellement, VaeAnswer::Oui];

    /// Stable identifier.
    pub fn as_str(self) -> &'static str {
        match self {
            VaeAnswer::Non => "non",
            VaeAnswer::Partiellement => "partiellement",
            VaeAnswer::Oui => "oui",
        }
    }
}

/// Where an experience comes from. All of them count for a VAE (one year of experience, paid
/// or not, related to the certification).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExperienceKind {
    Emploi,
    Benevolat,
    Stage,
    Formation,
    ServiceCivique,
    ViePersonnelle,
}

impl ExperienceKind {
    pub const ALL: [ExperienceKind; 6] = [
        ExperienceKind::Emploi,
        ExperienceKind::Benevolat,
        ExperienceKind::Stage,
        ExperienceKind::Formation,
        ExperienceKind::ServiceCivique,
        ExperienceKind::ViePersonnelle,
    ];

    /// Stable identifier, used in saved files.
    pub fn as_str(self) -> &'static str {
        match self {
            ExperienceKind::Emploi => "emploi",
            ExperienceKind::Benevolat => "benevolat",
            ExperienceKind::Stage => "stage",
            ExperienceKind::Formation => "formation",
            ExperienceKind::ServiceCivique => "service_civique",
            ExperienceKind::ViePersonnelle => "vie_personnelle",
        }
    }

    pub fn parse(s: &str) -> Option<ExperienceKind> {
        ExperienceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Position in [`ExperienceKind::ALL`], for the share link.
    pub fn index(self) -> u8 {
        match self {
            ExperienceKind::Emploi => 0,
            ExperienceKind::Benevolat => 1,
            ExperienceKind::Stage => 2,
            ExperienceKind::Formation => 3,
            ExperienceKind::ServiceCivique => 4,
            ExperienceKind::ViePersonnelle => 5,
        }
    }

    pub fn from_index(i: u64) -> Option<ExperienceKind> {
        usize::try_from(i)
            .ok()
            .and_then(|i| ExperienceKind::ALL.get(i).copied())
    }
}

/// A month, as `<input type="month">` gives it (`YYYY-MM`). Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

impl YearMonth {
    /// A checked month: four-digit year (1000–9999), month 1–12.
    pub fn new(year: u16, month: u8) -> Option<YearMonth> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }

    /// Parses `YYYY-MM`. Anything else (including an empty field) is `None`.
    pub fn parse(s: &str) -> Option<YearMonth> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        YearMonth::new(y.parse().ok()?, m.parse().ok()?)
    }

    /// `YYYY-MM`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Months since January of year 0: a compact number for the share link.
    pub fn ordinal(self) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month) - 1
    }

    pub fn from_ordinal(n: u32) -> Option<YearMonth> {
        let year = u16::try_from(n / 12).ok()?;
        let month = u8::try_from(n % 12 + 1).ok()?;
        YearMonth::new(year, month)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<YearMonth, D::Error> {
        let s = String::deserialize(d)?;
        YearMonth::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a YYYY-MM month")))
    }
}

/// Something the user did: a job, volunteering, an internship…
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Experience {
    /// Unique inside one assessment; assigned by [`Assessment::add_experience`].
    pub id: u32,
    pub title: String,
    pub kind: ExperienceKind,
    #[serde(default)]
    pub start: Option<YearMonth>,
    /// `None` with a start: still going on.
    #[serde(default)]
    pub end: Option<YearMonth>,
    #[serde(default)]
    pub description: String,
}

impl Experience {
    /// A new experience with no dates and no description (id 0 until added).
    pub fn new(title: impl Into<String>, kind: ExperienceKind) -> Experience {
        Experience {
            id: 0,
            title: title.into(),
            kind,
            start: None,
            end: None,
            description: String::new(),
        }
    }

    /// Checks the fields on their own (not the id).
    pub fn validate(&self) -> Result<(), AssessmentError> {
        if self.title.trim().is_empty() {
            return Err(AssessmentError::TitleEmpty);
        }
        if self.title.chars().count() > MAX_TITLE_CHARS {
            return Err(AssessmentError::TitleTooLong);
        }
        if self.description.chars().count() > MAX_DESCRIPTION_CHARS {
            return Err(AssessmentError::DescriptionTooLong);
        }
        if let (Some(start), Some(end)) = (self.start, self.end) {
            if end < start {
                return Err(AssessmentError::EndBeforeStart);
            }
        }
        Ok(())
    }

    /// Same content, whatever the ids.
    pub fn same_content(&self, other: &Experience) -> bool {
        self.title == other.title
            && self.kind == other.kind
            && self.start == other.start
            && self.end == other.end
            && self.description == other.description
    }

    fn text_bytes(&self) -> usize {
        self.title.len() + self.description.len()
    }
}

/// Why an operation on an assessment was refused. `code()` is stable: the UI maps it to a
/// translated message; `Display` is a French fallback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssessmentError {
    /// Not a certification code or competency id (see [`is_valid_id`]).
    InvalidId(String),
    TooManySelected,
    /// Too many ratings, notes, evidence links or dismissed suggestions.
    TooManyEntries,
    TooManyExperiences,
    NoteTooLong,
    TitleEmpty,
    TitleTooLong,
    DescriptionTooLong,
    EndBeforeStart,
    /// All texts together exceed [`MAX_TEXT_BYTES`].
    TextBudgetExceeded,
    UnknownExperience(u32),
    /// Two experiences share an id (only in decoded data).
    DuplicateExperience(u32),
}

impl AssessmentError {
    /// Stable identifier of the kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            AssessmentError::InvalidId(_) => "invalid_id",
            AssessmentError::TooManySelected => "too_many_selected",
            AssessmentError::TooManyEntries => "too_many_entries",
            AssessmentError::TooManyExperiences => "too_many_experiences",
            AssessmentError::NoteTooLong => "note_too_long",
            AssessmentError::TitleEmpty => "title_empty",
            AssessmentError::TitleTooLong => "title_too_long",
            AssessmentError::DescriptionTooLong => "description_too_long",
            AssessmentError::EndBeforeStart => "end_before_start",
            AssessmentError::TextBudgetExceeded => "text_budget_exceeded",
            AssessmentError::UnknownExperience(_) => "unknown_experience",
            AssessmentError::DuplicateExperience(_) => "duplicate_experience",
        }
    }
}

impl fmt::Display for AssessmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssessmentError::InvalidId(id) => {
                let shown: String = id.chars().take(80).collect();
                write!(
                    f,
                    "« {shown} » n'est pas un identifiant de certification ou de compétence"
                )
            }
            AssessmentError::TooManySelected => {
                write!(f, "pas plus de {MAX_SELECTED} certifications à la fois")
            }
            AssessmentError::TooManyEntries => write!(f, "trop d'éléments enregistrés"),
            AssessmentError::TooManyExperiences => {
                write!(f, "pas plus de {MAX_EXPERIENCES} expériences")
            }
            AssessmentError::NoteTooLong => {
                write!(f, "une note ne peut dépasser {MAX_NOTE_CHARS} caractères")
            }
            AssessmentError::TitleEmpty => write!(f, "l'expérience a besoin d'un titre"),
            AssessmentError::TitleTooLong => {
                write!(f, "le titre ne peut dépasser {MAX_TITLE_CHARS} caractères")
            }
            AssessmentError::DescriptionTooLong => {
                write!(
                    f,
                    "la description ne peut dépasser {MAX_DESCRIPTION_CHARS} caractères"
                )
            }
            AssessmentError::EndBeforeStart => write!(f, "la fin est avant le début"),
            AssessmentError::TextBudgetExceeded => {
                write!(f, "l'ensemble des textes dépasse la place disponible")
            }
            AssessmentError::UnknownExperience(id) => write!(f, "expérience n° {id} introuvable"),
            AssessmentError::DuplicateExperience(id) => {
                write!(f, "deux expériences portent le n° {id}")
            }
        }
    }
}

impl std::error::Error for AssessmentError {}

/// Whether `s` can be a certification code or competency id: 1–[`MAX_ID_CHARS`] ASCII letters,
/// digits, `-`, `_` or `.` (e.g. `RNCP37722`, `RNCP37722BC02-C03`).
pub fn is_valid_id(s: &str) -> bool {
    (1..=MAX_ID_CHARS).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn check_id(s: &str) -> Result<(), AssessmentError> {
    if is_valid_id(s) {
        Ok(())
    } else {
        Err(AssessmentError::InvalidId(
            s.chars().take(MAX_ID_CHARS + 1).collect(),
        ))
    }
}

/// Everything the user entered. `Default` is the empty assessment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    /// Certification codes, in the user's order.
    pub selection: Vec<String>,
    /// Competency id → level. Kept when a certification is deselected.
    pub ratings: BTreeMap<String, Level>,
    /// Competency id → free text (never blank).
    pub notes: BTreeMap<String, String>,
    pub experiences: Vec<Experience>,
    /// Competency id → ids of the experiences that show it.
    pub evidence: BTreeMap<String, BTreeSet<u32>>,
    /// Suggestions (experience id, competency id) the user turned down.
    pub dismissed: BTreeSet<(u32, String)>,
}

/// What [`Assessment::merge`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeReport {
    /// Certifications added to the selection.
    pub selected: usize,
    /// Ratings taken from the other assessment (the competency was unrated here).
    pub ratings_added: usize,
    /// Ratings the other assessment gives differently: ours were kept.
    pub ratings_kept: usize,
    pub notes_added: usize,
    /// Notes the other assessment has differently: ours were kept.
    pub notes_kept: usize,
    pub experiences_added: usize,
    /// Experiences identical to one already here (title, kind, dates, description): not
    /// duplicated, their links go to the existing one.
    pub experiences_matched: usize,
    pub links_added: usize,
    /// Anything left out because a limit was reached or it was not valid.
    pub dropped: usize,
}

/// The code of the certification a competency id belongs to: its leading `RNCP` and digits
/// (a competency id starts with its bloc's code, which starts with the certification's code).
pub fn owner_code(competency_id: &str) -> Option<&str> {
    let digits = competency_id
        .strip_prefix("RNCP")?
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    (digits > 0).then(|| &competency_id[..4 + digits])
}

/// What [`Assessment::prune`] removed because the catalogue no longer knows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pruned {
    /// Certification codes removed from the selection.
    pub codes: Vec<String>,
    /// Competency ids whose rating, note, evidence or dismissals were removed, sorted.
    pub competencies: Vec<String>,
}

impl Pruned {
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty() && self.competencies.is_empty()
    }
}

/// The first competency of `cert` after `after` (in the fiche's order, wrapping round to the
/// start) that `ratings` does not answer: where "next unanswered" takes a keyboard user.
/// `None` when every other competency is answered.
pub fn next_unrated<'a>(
    cert: &'a crate::core::model::Certification,
    ratings: &BTreeMap<String, Level>,
    after: &str,
) -> Option<&'a str> {
    let ids: Vec<&str> = cert.competencies().map(|(_, c)| c.id.as_str()).collect();
    let start = ids.iter().position(|id| *id == after).map_or(0, |i| i + 1);
    (0..ids.len())
        .map(|k| ids[(start + k) % ids.len()])
        .find(|id| *id != after && !ratings.contains_key(*id))
}

impl Assessment {
    /// Whether nothing at all was entered.
    pub fn is_empty(&self) -> bool {
        self.selection.is_empty()
            && self.ratings.is_empty()
            && self.notes.is_empty()
            && self.experiences.is_empty()
            && self.evidence.is_empty()
            && self.dismissed.is_empty()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = Assessment::default();
    }

    // --- Selection -------------------------------------------------------------------------

    /// Adds a certification at the end of the selection. `Ok(false)` if it already was there.
    pub fn select(&mut self, code: &str) -> Result<bool, AssessmentError> {
        check_id(code)?;
        if self.is_selected(code) {
            return Ok(false);
        }
        if self.selection.len() >= MAX_SELECTED {
            return Err(AssessmentError::TooManySelected);
        }
        self.selection.push(code.to_owned());
        Ok(true)
    }

    /// Removes a certification from the selection; its ratings are kept, so re-adding it
    /// brings them back. Returns whether it was selected.
    pub fn deselect(&mut self, code: &str) -> bool {
        let before = self.selection.len();
        self.selection.retain(|c| c != code);
        self.selection.len() != before
    }

    pub fn is_selected(&self, code: &str) -> bool {
        self.selection.iter().any(|c| c == code)
    }

    /// Moves a selected certification to position `to` (clamped). Returns whether it moved.
    pub fn move_selected(&mut self, code: &str, to: usize) -> bool {
        let Some(from) = self.selection.iter().position(|c| c == code) else {
            return false;
        };
        let to = to.min(self.selection.len() - 1);
        if from == to {
            return false;
        }
        let c = self.selection.remove(from);
        self.selection.insert(to, c);
        true
    }

    // --- Ratings and notes -----------------------------------------------------------------

    /// Sets (`Some`) or clears (`None`) the level of a competency.
    pub fn rate(&mut self, id: &str, level: Option<Level>) -> Result<(), AssessmentError> {
        check_id(id)?;
        match level {
            None => {
                self.ratings.remove(id);
            }
            Some(level) => {
                if !self.ratings.contains_key(id) && self.ratings.len() >= MAX_KEYS {
                    return Err(AssessmentError::TooManyEntries);
                }
                self.ratings.insert(id.to_owned(), level);
            }
        }
        Ok(())
    }

    pub fn rating(&self, id: &str) -> Option<Level> {
        self.ratings.get(id).copied()
    }

    /// Sets the same level on every given competency (the UI passes the ids of alike
    /// competencies). Invalid ids are skipped. Returns how many ratings changed.
    pub fn apply_to_alike(&mut self, level: Level, ids: &[String]) -> usize {
        let mut changed = 0;
        for id in ids {
            if self.rating(id) != Some(level) && self.rate(id, Some(level)).is_ok() {
                changed += 1;
            }
        }
        changed
    }

    /// Sets the note of a competency, stored as typed. A blank text removes it.
    pub fn set_note(&mut self, id: &str, text: &str) -> Result<(), AssessmentError> {
        check_id(id)?;
        if text.trim().is_empty() {
            self.notes.remove(id);
            return Ok(());
        }
        if text.chars().count() > MAX_NOTE_CHARS {
            return Err(AssessmentError::NoteTooLong);
        }
        let old = self.notes.get(id).map_or(0, String::len);
        if old == 0 && self.notes.len() >= MAX_KEYS {
            return Err(AssessmentError::TooManyEntries);
        }
        if self.text_bytes() - old + text.len() > MAX_TEXT_BYTES {
            return Err(AssessmentError::TextBudgetExceeded);
        }
        self.notes.insert(id.to_owned(), text.to_owned());
        Ok(())
    }

    pub fn note(&self, id: &str) -> Option<&str> {
        self.notes.get(id).map(String::as_str)
    }

    /// Bytes of all notes, titles and descriptions (see [`MAX_TEXT_BYTES`]).
    pub fn text_bytes(&self) -> usize {
        self.notes.values().map(String::len).sum::<usize>()
            + self
                .experiences
                .iter()
                .map(Experience::text_bytes)
                .sum::<usize>()
    }

    // --- Experiences -----------------------------------------------------------------------

    /// Adds an experience (its `id` is ignored) and returns its new id: one more than the
    /// largest id in use.
    pub fn add_experience(&mut self, exp: Experience) -> Result<u32, AssessmentError> {
        exp.validate()?;
        if self.experiences.len() >= MAX_EXPERIENCES {
            return Err(AssessmentError::TooManyExperiences);
        }
        if self.text_bytes() + exp.text_bytes() > MAX_TEXT_BYTES {
            return Err(AssessmentError::TextBudgetExceeded);
        }
        let id = self.fresh_experience_id();
        self.experiences.push(Experience { id, ..exp });
        Ok(id)
    }

    /// Replaces the experience with the same id.
    pub fn update_experience(&mut self, exp: Experience) -> Result<(), AssessmentError> {
        exp.validate()?;
        let Some(i) = self.experiences.iter().position(|e| e.id == exp.id) else {
            return Err(AssessmentError::UnknownExperience(exp.id));
        };
        let old = self.experiences[i].text_bytes();
        if self.text_bytes() - old + exp.text_bytes() > MAX_TEXT_BYTES {
            return Err(AssessmentError::TextBudgetExceeded);
        }
        self.experiences[i] = exp;
        Ok(())
    }

    /// Removes an experience with its evidence links and dismissed suggestions. Ratings it
    /// pre-filled stay: they are the user's answers now. Returns whether it existed.
    pub fn remove_experience(&mut self, id: u32) -> bool {
        let before = self.experiences.len();
        self.experiences.retain(|e| e.id != id);
        if self.experiences.len() == before {
            return false;
        }
        self.evidence.retain(|_, ids| {
            ids.remove(&id);
            !ids.is_empty()
        });
        self.dismissed.retain(|(e, _)| *e != id);
        true
    }

    pub fn experience(&self, id: u32) -> Option<&Experience> {
        self.experiences.iter().find(|e| e.id == id)
    }

    /// The competencies an experience is linked to as evidence, sorted by id.
    pub fn competencies_shown_by(&self, exp_id: u32) -> Vec<&str> {
        self.evidence
            .iter()
            .filter(|(_, ids)| ids.contains(&exp_id))
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// The experiences linked to a competency, in the user's order.
    pub fn linked_experiences(&self, comp_id: &str) -> Vec<&Experience> {
        match self.evidence.get(comp_id) {
            Some(ids) => self
                .experiences
                .iter()
                .filter(|e| ids.contains(&e.id))
                .collect(),
            None => Vec::new(),
        }
    }

    fn fresh_experience_id(&self) -> u32 {
        let max = self.experiences.iter().map(|e| e.id).max().unwrap_or(0);
        match max.checked_add(1) {
            Some(id) => id,
            // Only reachable with hand-made ids: take the smallest free one.
            None => (1..=u32::MAX)
                .find(|id| self.experience(*id).is_none())
                .unwrap_or(0),
        }
    }

    fn link_count(&self) -> usize {
        self.evidence.values().map(BTreeSet::len).sum()
    }

    fn check_pair(&self, exp_id: u32, comp_id: &str) -> Result<(), AssessmentError> {
        check_id(comp_id)?;
        if self.experience(exp_id).is_none() {
            return Err(AssessmentError::UnknownExperience(exp_id));
        }
        Ok(())
    }

    // --- Evidence and suggestions ----------------------------------------------------------

    /// The user accepts that an experience shows a competency: links them, forgets a former
    /// dismissal of the pair and, if the competency is unrated, rates it `prefill`. Returns
    /// whether it pre-filled the rating.
    pub fn accept_suggestion(
        &mut self,
        exp_id: u32,
        comp_id: &str,
        prefill: Level,
    ) -> Result<bool, AssessmentError> {
        self.check_pair(exp_id, comp_id)?;
        let linked = self.is_linked(exp_id, comp_id);
        if !linked
            && (self.link_count() >= MAX_LINKS
                || (!self.evidence.contains_key(comp_id) && self.evidence.len() >= MAX_KEYS))
        {
            return Err(AssessmentError::TooManyEntries);
        }
        let prefills = !self.ratings.contains_key(comp_id);
        if prefills && self.ratings.len() >= MAX_KEYS {
            return Err(AssessmentError::TooManyEntries);
        }
        self.evidence
            .entry(comp_id.to_owned())
            .or_default()
            .insert(exp_id);
        self.dismissed.remove(&(exp_id, comp_id.to_owned()));
        if prefills {
            self.ratings.insert(comp_id.to_owned(), prefill);
        }
        Ok(prefills)
    }

    /// The user says this experience does not show this competency: the suggestion is not
    /// offered again. Existing links are left as they are.
    pub fn dismiss_suggestion(
        &mut self,
        exp_id: u32,
        comp_id: &str,
    ) -> Result<(), AssessmentError> {
        self.check_pair(exp_id, comp_id)?;
        let pair = (exp_id, comp_id.to_owned());
        if !self.dismissed.contains(&pair) && self.dismissed.len() >= MAX_DISMISSED {
            return Err(AssessmentError::TooManyEntries);
        }
        self.dismissed.insert(pair);
        Ok(())
    }

    pub fn is_dismissed(&self, exp_id: u32, comp_id: &str) -> bool {
        self.dismissed.contains(&(exp_id, comp_id.to_owned()))
    }

    pub fn is_linked(&self, exp_id: u32, comp_id: &str) -> bool {
        self.evidence
            .get(comp_id)
            .is_some_and(|ids| ids.contains(&exp_id))
    }

    /// Removes one evidence link. The rating stays. Returns whether the link existed.
    pub fn unlink_evidence(&mut self, exp_id: u32, comp_id: &str) -> bool {
        let Some(ids) = self.evidence.get_mut(comp_id) else {
            return false;
        };
        let removed = ids.remove(&exp_id);
        if ids.is_empty() {
            self.evidence.remove(comp_id);
        }
        removed
    }

    // --- Whole-assessment operations -------------------------------------------------------

    /// Brings `other` (e.g. an imported file) into this assessment without losing anything
    /// of this one:
    /// - selection: other's certifications not selected here are appended, in its order;
    /// - ratings and notes: **this assessment wins**; other's fill only the competencies this
    ///   one has not rated or annotated (differences are counted in the report);
    /// - experiences: appended with fresh ids, except those identical to an existing one
    ///   (same title, kind, dates, description), which are matched instead, so merging the
    ///   same file twice changes nothing; evidence links and dismissals follow the new ids.
    ///
    /// Whatever would break a limit is left out and counted in [`MergeReport::dropped`].
    pub fn merge(&mut self, other: &Assessment) -> MergeReport {
        let mut report = MergeReport::default();
        for code in &other.selection {
            match self.select(code) {
                Ok(true) => report.selected += 1,
                Ok(false) => {}
                Err(_) => report.dropped += 1,
            }
        }
        for (id, level) in &other.ratings {
            match self.ratings.get(id) {
                Some(mine) if mine != level => report.ratings_kept += 1,
                Some(_) => {}
                None => match self.rate(id, Some(*level)) {
                    Ok(()) => report.ratings_added += 1,
                    Err(_) => report.dropped += 1,
                },
            }
        }
        for (id, text) in &other.notes {
            match self.notes.get(id) {
                Some(mine) if mine != text => report.notes_kept += 1,
                Some(_) => {}
                None => match self.set_note(id, text) {
                    Ok(()) => report.notes_added += 1,
                    Err(_) => report.dropped += 1,
                },
            }
        }
        let mut new_ids: BTreeMap<u32, u32> = BTreeMap::new();
        for exp in &other.experiences {
            if let Some(same) = self.experiences.iter().find(|e| e.same_content(exp)) {
                new_ids.insert(exp.id, same.id);
                report.experiences_matched += 1;
                continue;
            }
            match self.add_experience(exp.clone()) {
                Ok(id) => {
                    new_ids.insert(exp.id, id);
                    report.experiences_added += 1;
                }
                Err(_) => report.dropped += 1,
            }
        }
        let mut links = self.link_count();
        for (comp_id, ids) in &other.evidence {
            for new in ids.iter().filter_map(|id| new_ids.get(id)) {
                if self.is_linked(*new, comp_id) {
                    continue;
                }
                let room = links < MAX_LINKS
                    && (self.evidence.contains_key(comp_id) || self.evidence.len() < MAX_KEYS);
                if room && is_valid_id(comp_id) {
                    self.evidence
                        .entry(comp_id.clone())
                        .or_default()
                        .insert(*new);
                    links += 1;
                    report.links_added += 1;
                } else {
                    report.dropped += 1;
                }
            }
        }
        for (exp_id, comp_id) in &other.dismissed {
            if let Some(new) = new_ids.get(exp_id) {
                if self.dismiss_suggestion(*new, comp_id).is_err() {
                    report.dropped += 1;
                }
            }
        }
        report
    }

    /// Drops what the catalogue no longer knows (after a data update): selected codes it does
    /// not have, and ratings, notes, evidence and dismissals of competencies it does not have.
    /// A competency of a certification the catalogue has without its blocs (the app's catalogue
    /// of cards) is kept: it cannot be checked.
    /// Known codes are rewritten in the catalogue's spelling. Ratings of known competencies of
    /// deselected certifications are kept.
    pub fn prune(&mut self, cat: &Catalogue) -> Pruned {
        let known: HashSet<&str> = cat
            .all()
            .iter()
            .flat_map(|c| c.competencies().map(|(_, comp)| comp.id.as_str()))
            .collect();
        let mut pruned = Pruned::default();
        let mut selection: Vec<String> = Vec::with_capacity(self.selection.len());
        for code in self.selection.drain(..) {
            match cat.get(&code) {
                Some(cert) if !selection.contains(&cert.code) => selection.push(cert.code.clone()),
                Some(_) => {}
                None => pruned.codes.push(code),
            }
        }
        self.selection = selection;
        let mut gone: BTreeSet<String> = BTreeSet::new();
        let mut keep = |id: &String| {
            // A competency of a certification whose blocs the catalogue does not hold (a
            // catalogue of cards) cannot be checked: it is kept.
            let known = known.contains(id.as_str())
                || owner_code(id)
                    .is_some_and(|code| cat.get(code).is_some_and(|c| c.blocs.is_empty()));
            if !known {
                gone.insert(id.clone());
            }
            known
        };
        self.ratings.retain(|id, _| keep(id));
        self.notes.retain(|id, _| keep(id));
        self.evidence.retain(|id, _| keep(id));
        self.dismissed.retain(|(_, id)| keep(id));
        pruned.competencies = gone.into_iter().collect();
        pruned
    }

    /// Repairs harmless inconsistencies of decoded data, without losing any answer: duplicate
    /// selected codes, blank notes, evidence and dismissals naming no existing experience.
    /// Does nothing to an assessment built with the operations above.
    pub fn normalize(&mut self) {
        let mut seen = HashSet::new();
        self.selection.retain(|c| seen.insert(c.clone()));
        self.notes.retain(|_, text| !text.trim().is_empty());
        let ids: HashSet<u32> = self.experiences.iter().map(|e| e.id).collect();
        self.evidence.retain(|_, set| {
            set.retain(|id| ids.contains(id));
            !set.is_empty()
        });
        self.dismissed.retain(|(id, _)| ids.contains(id));
    }

    /// Checks every invariant and limit (see the module documentation).
    pub fn validate(&self) -> Result<(), AssessmentError> {
        if self.selection.len() > MAX_SELECTED {
            return Err(AssessmentError::TooManySelected);
        }
        let mut seen = HashSet::new();
        for code in &self.selection {
            check_id(code)?;
            if !seen.insert(code.as_str()) {
                return Err(AssessmentError::InvalidId(code.clone()));
            }
        }
        if self.ratings.len() > MAX_KEYS || self.notes.len() > MAX_KEYS {
            return Err(AssessmentError::TooManyEntries);
        }
        self.ratings.keys().try_for_each(|id| check_id(id))?;
        for (id, text) in &self.notes {
            check_id(id)?;
            if text.chars().count() > MAX_NOTE_CHARS {
                return Err(AssessmentError::NoteTooLong);
            }
        }
        if self.experiences.len() > MAX_EXPERIENCES {
            return Err(AssessmentError::TooManyExperiences);
        }
        let mut ids = HashSet::new();
        for exp in &self.experiences {
            exp.validate()?;
            if !ids.insert(exp.id) {
                return Err(AssessmentError::DuplicateExperience(exp.id));
            }
        }
        if self.text_bytes() > MAX_TEXT_BYTES {
            return Err(AssessmentError::TextBudgetExceeded);
        }
        if self.evidence.len() > MAX_KEYS
            || self.link_count() > MAX_LINKS
            || self.dismissed.len() > MAX_DISMISSED
        {
            return Err(AssessmentError::TooManyEntries);
        }
        for (comp_id, set) in &self.evidence {
            check_id(comp_id)?;
            if let Some(id) = set.iter().find(|id| !ids.contains(id)) {
                return Err(AssessmentError::UnknownExperience(*id));
            }
        }
        for (exp_id, comp_id) in &self.dismissed {
            check_id(comp_id)?;
            if !ids.contains(exp_id) {
                return Err(AssessmentError::UnknownExperience(*exp_id));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_unrated_table() {
        let cat = Catalogue::bundled().unwrap();
        let cert = cat.get("RNCP37722").unwrap();
        let ids: Vec<&str> = cert.competencies().map(|(_, c)| c.id.as_str()).collect();
        let rated = |which: &[usize]| -> BTreeMap<String, Level> {
            which
                .iter()
                .map(|&i| (ids[i].to_owned(), Level::Alone))
                .collect()
        };
        let last = ids.len() - 1;
        let all: Vec<usize> = (0..ids.len()).collect();
        let all_but = |k: usize| -> Vec<usize> { (0..ids.len()).filter(|&i| i != k).collect() };
        let cases: Vec<(BTreeMap<String, Level>, &str, Option<&str>)> = vec![
            (rated(&[]), ids[0], Some(ids[1])),
            (rated(&[1, 2]), ids[0], Some(ids[3])),
            (rated(&[]), ids[last], Some(ids[0])),
            (rated(&[0]), ids[last], Some(ids[1])),
            (rated(&all_but(0)), ids[3], Some(ids[0])),
            (rated(&all), ids[3], None),
            (rated(&all_but(3)), ids[3], None),
            (rated(&[]), "RNCP1BC01-C01", Some(ids[0])),
        ];
        for (ratings, after, want) in cases {
            assert_eq!(next_unrated(cert, &ratings, after), want, "after {after}");
        }
    }

    const C1: &str = "RNCP37722BC01-C01";
    const C2: &str = "RNCP37722BC01-C02";
    const C3: &str = "RNCP37722BC02-C01";

    fn exp(title: &str) -> Experience {
        Experience::new(title, ExperienceKind::Emploi)
    }

    fn ym(s: &str) -> Option<YearMonth> {
        YearMonth::parse(s)
    }

    fn ok<T, E: fmt::Debug>(r: Result<T, E>) -> T {
        r.unwrap_or_else(|e| panic!("unexpected error {e:?}"))
    }

    #[test]
    fn level_table() {
        let table = [
            (Level::NotYet, "not_yet", 0, VaeAnswer::Non, false),
            (
                Level::WithHelp,
                "with_help",
                1,
                VaeAnswer::Partiellement,
                false,
            ),
            (Level::Alone, "alone", 2, VaeAnswer::Oui, true),
            (Level::CanTeach, "can_teach", 3, VaeAnswer::Oui, true),
        ];
        for (level, s, i, vae, autonomous) in table {
            assert_eq!(level.as_str(), s);
            assert_eq!(Level::parse(s), Some(level));
            assert_eq!(level.index(), i);
            assert_eq!(Level::from_index(u64::from(i)), Some(level));
            assert_eq!(level.vae(), vae, "{s}");
            assert_eq!(level.is_autonomous(), autonomous, "{s}");
            let json = ok(serde_json::to_string(&level));
            assert_eq!(json, format!("\"{s}\""));
        }
        assert_eq!(Level::parse("Alone"), None);
        assert_eq!(Level::from_index(4), None);
        for kind in ExperienceKind::ALL {
            assert_eq!(ExperienceKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                ExperienceKind::from_index(u64::from(kind.index())),
                Some(kind)
            );
            assert_eq!(
                ok(serde_json::to_string(&kind)),
                format!("\"{}\"", kind.as_str())
            );
        }
        assert_eq!(ExperienceKind::from_index(6), None);
        let answers: Vec<&str> = VaeAnswer::ALL.iter().map(|a| a.as_str()).collect();
        assert_eq!(answers, ["non", "partiellement", "oui"]);
    }

    #[test]
    fn year_month_table() {
        fn check(s: &str, expected: Option<(u16, u8)>) {
            let got = YearMonth::parse(s);
            assert_eq!(got.map(|m| (m.year, m.month)), expected, "{s:?}");
            if let Some(m) = got {
                assert_eq!(m.iso(), s);
                assert_eq!(YearMonth::from_ordinal(m.ordinal()), Some(m));
            }
        }
        check("2024-06", Some((2024, 6)));
        check("1999-12", Some((1999, 12)));
        check("1000-01", Some((1000, 1)));
        check("", None);
        check("2024-6", None);
        check("2024-13", None);
        check("2024-00", None);
        check("0999-05", None);
        check("+024-05", None);
        check("2024-06-01", None);
        check("２０２４-06", None);
        assert!(YearMonth::parse("2023-12") < YearMonth::parse("2024-01"));
        assert_eq!(YearMonth::from_ordinal(0), None);
        assert_eq!(YearMonth::from_ordinal(u32::MAX), None);
    }

    #[test]
    fn ids_table() {
        let table = [
            ("RNCP37722", true),
            ("RNCP37722BC02-C03", true),
            ("a_b.c", true),
            ("", false),
            ("RNCP 1", false),
            ("é", false),
            ("x/y", false),
        ];
        for (id, valid) in table {
            assert_eq!(is_valid_id(id), valid, "{id:?}");
        }
        assert!(is_valid_id(&"x".repeat(MAX_ID_CHARS)));
        assert!(!is_valid_id(&"x".repeat(MAX_ID_CHARS + 1)));
    }

    #[test]
    fn experience_validation_table() {
        fn check(e: Experience, expected: Result<(), AssessmentError>) {
            assert_eq!(e.validate(), expected, "{e:?}");
        }
        check(exp("Aide-soignante"), Ok(()));
        check(exp("  "), Err(AssessmentError::TitleEmpty));
        check(exp(&"é".repeat(MAX_TITLE_CHARS)), Ok(()));
        check(
            exp(&"é".repeat(MAX_TITLE_CHARS + 1)),
            Err(AssessmentError::TitleTooLong),
        );
        let long = Experience {
            description: "x".repeat(MAX_DESCRIPTION_CHARS + 1),
            ..exp("a")
        };
        check(long, Err(AssessmentError::DescriptionTooLong));
        let dates = |s, e| Experience {
            start: ym(s),
            end: ym(e),
            ..exp("a")
        };
        check(dates("2020-01", "2021-06"), Ok(()));
        check(dates("2020-01", "2020-01"), Ok(()));
        check(
            dates("2021-01", "2020-12"),
            Err(AssessmentError::EndBeforeStart),
        );
        check(dates("", "2020-12"), Ok(()));
    }

    #[test]
    fn selection_and_ratings() {
        let mut a = Assessment::default();
        assert!(a.is_empty());
        assert_eq!(a.select("RNCP37722"), Ok(true));
        assert_eq!(a.select("RNCP37722"), Ok(false));
        assert_eq!(a.select("RNCP2383"), Ok(true));
        assert_eq!(
            a.select("bad code"),
            Err(AssessmentError::InvalidId("bad code".into()))
        );
        assert!(a.move_selected("RNCP2383", 0));
        assert_eq!(a.selection, ["RNCP2383", "RNCP37722"]);
        ok(a.rate(C1, Some(Level::Alone)));
        assert!(a.deselect("RNCP37722"));
        assert!(!a.deselect("RNCP37722"));
        assert_eq!(a.rating(C1), Some(Level::Alone), "deselect keeps ratings");
        ok(a.rate(C1, None));
        assert_eq!(a.rating(C1), None);
        assert_eq!(
            a.rate("", Some(Level::Alone)),
            Err(AssessmentError::InvalidId(String::new()))
        );
        a.clear();
        assert!(a.is_empty());
    }

    #[test]
    fn notes() {
        fn check(text: &str, expected: Result<Option<&str>, AssessmentError>) {
            let mut a = Assessment::default();
            ok(a.set_note(C1, "avant"));
            let got = a.set_note(C1, text).map(|()| a.note(C1));
            assert_eq!(got, expected, "{text:?}");
        }
        check("Fait en 2019", Ok(Some("Fait en 2019")));
        check(" espace final ", Ok(Some(" espace final ")));
        check("", Ok(None));
        check(" \n\t", Ok(None));
        check(
            &"é".repeat(MAX_NOTE_CHARS),
            Ok(Some(&"é".repeat(MAX_NOTE_CHARS))),
        );
        check(
            &"é".repeat(MAX_NOTE_CHARS + 1),
            Err(AssessmentError::NoteTooLong),
        );
    }

    #[test]
    fn text_budget() {
        let mut a = Assessment::default();
        let note = "x".repeat(MAX_NOTE_CHARS);
        for i in 0..MAX_TEXT_BYTES / MAX_NOTE_CHARS {
            ok(a.set_note(&format!("C{i}"), &note));
        }
        assert_eq!(a.text_bytes(), MAX_TEXT_BYTES);
        assert_eq!(
            a.set_note("more", "x"),
            Err(AssessmentError::TextBudgetExceeded)
        );
        assert_eq!(
            a.add_experience(exp("x")),
            Err(AssessmentError::TextBudgetExceeded)
        );
        ok(a.set_note("C0", "short"));
        assert_eq!(a.add_experience(exp("x")), Ok(1));
        assert_eq!(a.validate(), Ok(()));
    }

    #[test]
    fn experiences_and_cascades() {
        let mut a = Assessment::default();
        let e1 = ok(a.add_experience(exp("Accueil")));
        let e2 = ok(a.add_experience(Experience {
            id: 99,
            ..exp("Caisse")
        }));
        assert_eq!((e1, e2), (1, 2), "ids ignore the given one: max + 1");
        ok(a.accept_suggestion(e1, C1, Level::Alone));
        ok(a.accept_suggestion(e2, C1, Level::Alone));
        ok(a.accept_suggestion(e1, C2, Level::Alone));
        ok(a.dismiss_suggestion(e1, C3));
        ok(a.dismiss_suggestion(e2, C3));
        assert!(a.remove_experience(e1));
        assert!(!a.remove_experience(e1));
        assert_eq!(a.evidence.get(C1).map(|s| s.len()), Some(1));
        assert!(
            !a.evidence.contains_key(C2),
            "an emptied evidence set disappears"
        );
        assert!(!a.is_dismissed(e1, C3) && a.is_dismissed(e2, C3));
        assert_eq!(a.rating(C2), Some(Level::Alone), "pre-filled ratings stay");
        assert_eq!(ok(a.add_experience(exp("Réserve"))), 3);
        assert!(ok(a.add_experience(exp("Réserve"))) == 4);
        assert_eq!(
            a.update_experience(Experience { id: 42, ..exp("x") }),
            Err(AssessmentError::UnknownExperience(42))
        );
        ok(a.update_experience(Experience {
            id: e2,
            start: ym("2020-02"),
            ..exp("Caisse")
        }));
        assert_eq!(a.experience(e2).and_then(|e| e.start), ym("2020-02"));
        assert_eq!(
            a.update_experience(Experience { id: e2, ..exp(" ") }),
            Err(AssessmentError::TitleEmpty)
        );
        assert_eq!(a.validate(), Ok(()));
    }

    #[test]
    fn too_many_experiences() {
        let mut a = Assessment::default();
        for i in 0..MAX_EXPERIENCES {
            ok(a.add_experience(exp(&format!("E{i}"))));
        }
        assert_eq!(
            a.add_experience(exp("one more")),
            Err(AssessmentError::TooManyExperiences)
        );
        a.experiences[0].id = u32::MAX;
        a.remove_experience(2);
        assert_eq!(
            a.add_experience(exp("again")),
            Ok(1),
            "smallest free id after u32::MAX"
        );
    }

    #[test]
    fn suggestions_prefill_only_when_unrated() {
        fn check(before: Option<Level>, prefill: Level, pre_filled: bool, after: Level) {
            let mut a = Assessment::default();
            let e = ok(a.add_experience(exp("Stage")));
            ok(a.rate(C1, before));
            ok(a.dismiss_suggestion(e, C1));
            assert_eq!(
                a.accept_suggestion(e, C1, prefill),
                Ok(pre_filled),
                "{before:?}"
            );
            assert_eq!(a.rating(C1), Some(after));
            assert!(a.is_linked(e, C1));
            assert!(!a.is_dismissed(e, C1), "accepting undoes a dismissal");
            assert_eq!(a.linked_experiences(C1).len(), 1);
        }
        check(None, Level::Alone, true, Level::Alone);
        check(None, Level::WithHelp, true, Level::WithHelp);
        check(Some(Level::NotYet), Level::Alone, false, Level::NotYet);
        check(
            Some(Level::CanTeach),
            Level::WithHelp,
            false,
            Level::CanTeach,
        );

        let mut a = Assessment::default();
        assert_eq!(
            a.accept_suggestion(7, C1, Level::Alone),
            Err(AssessmentError::UnknownExperience(7))
        );
        assert_eq!(
            a.dismiss_suggestion(7, C1),
            Err(AssessmentError::UnknownExperience(7))
        );
        let e = ok(a.add_experience(exp("x")));
        assert!(matches!(
            a.accept_suggestion(e, "", Level::Alone),
            Err(AssessmentError::InvalidId(_))
        ));
        ok(a.accept_suggestion(e, C1, Level::Alone));
        assert!(a.unlink_evidence(e, C1));
        assert!(!a.unlink_evidence(e, C1));
        assert!(a.evidence.is_empty());
        assert_eq!(
            a.rating(C1),
            Some(Level::Alone),
            "unlinking keeps the rating"
        );
    }

    #[test]
    fn apply_to_alike_counts_changes() {
        let mut a = Assessment::default();
        ok(a.rate(C1, Some(Level::Alone)));
        let ids = vec![
            C1.to_owned(),
            C2.to_owned(),
            "bad id".to_owned(),
            C3.to_owned(),
        ];
        assert_eq!(a.apply_to_alike(Level::Alone, &ids), 2);
        assert_eq!(a.apply_to_alike(Level::Alone, &ids), 0);
        assert_eq!(a.apply_to_alike(Level::WithHelp, &ids), 3);
        assert_eq!(a.ratings.len(), 3);
    }

    fn sample() -> Assessment {
        let mut a = Assessment::default();
        ok(a.select("RNCP37722"));
        ok(a.rate(C1, Some(Level::Alone)));
        ok(a.set_note(C1, "mine"));
        let e = ok(a.add_experience(exp("Accueil")));
        ok(a.accept_suggestion(e, C1, Level::Alone));
        a
    }

    #[test]
    fn merge_remaps_and_prefers_self() {
        let mut a = sample();
        let mut b = Assessment::default();
        ok(b.select("RNCP2383"));
        ok(b.select("RNCP37722"));
        ok(b.rate(C1, Some(Level::NotYet)));
        ok(b.rate(C2, Some(Level::CanTeach)));
        ok(b.set_note(C1, "theirs"));
        ok(b.set_note(C2, "theirs too"));
        let b1 = ok(b.add_experience(exp("Bénévolat")));
        let b2 = ok(b.add_experience(exp("Accueil"))); // identical to a's experience 1
        ok(b.accept_suggestion(b1, C2, Level::CanTeach));
        ok(b.accept_suggestion(b2, C3, Level::Alone));
        ok(b.dismiss_suggestion(b1, C1));

        let report = a.merge(&b);
        assert_eq!(
            report,
            MergeReport {
                selected: 1,
                ratings_added: 2,
                ratings_kept: 1,
                notes_added: 1,
                notes_kept: 1,
                experiences_added: 1,
                experiences_matched: 1,
                links_added: 2,
                dropped: 0,
            }
        );
        assert_eq!(a.selection, ["RNCP37722", "RNCP2383"]);
        assert_eq!(a.rating(C1), Some(Level::Alone));
        assert_eq!(a.rating(C2), Some(Level::CanTeach));
        assert_eq!(a.note(C1), Some("mine"));
        let ids: Vec<(u32, &str)> = a
            .experiences
            .iter()
            .map(|e| (e.id, e.title.as_str()))
            .collect();
        assert_eq!(ids, [(1, "Accueil"), (2, "Bénévolat")]);
        assert!(a.is_linked(2, C2), "b's experience 1 became 2");
        assert!(a.is_linked(1, C3), "b's identical experience maps to ours");
        assert!(a.is_dismissed(2, C1) && !a.is_dismissed(1, C1));
        assert_eq!(a.validate(), Ok(()));

        let before = a.clone();
        let again = a.merge(&b);
        assert_eq!(a, before, "merging twice changes nothing");
        assert_eq!((again.experiences_added, again.links_added), (0, 0));
        let copy = a.clone();
        a.merge(&copy);
        assert_eq!(a, before, "merging with itself changes nothing");
    }

    #[test]
    fn merge_respects_limits() {
        let mut a = Assessment::default();
        for i in 0..MAX_EXPERIENCES {
            ok(a.add_experience(exp(&format!("A{i}"))));
        }
        let mut b = Assessment::default();
        let e = ok(b.add_experience(exp("new")));
        ok(b.accept_suggestion(e, C1, Level::Alone));
        let report = a.merge(&b);
        assert_eq!(
            (report.experiences_added, report.dropped, report.links_added),
            (0, 1, 0)
        );
        assert_eq!(a.validate(), Ok(()));
    }

    #[test]
    fn prune_drops_unknown_and_reports() {
        let cat = Catalogue::bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut a = sample();
        ok(a.select("rncp2383"));
        ok(a.select("RNCP99999"));
        ok(a.rate("RNCP99999BC01-C01", Some(Level::Alone)));
        ok(a.set_note("RNCP37722BC09-C09", "old"));
        let e = ok(a.add_experience(exp("y")));
        ok(a.dismiss_suggestion(e, "RNCP37722BC09-C09"));
        let pruned = a.prune(&cat);
        assert_eq!(pruned.codes, ["RNCP99999"]);
        assert_eq!(
            pruned.competencies,
            ["RNCP37722BC09-C09", "RNCP99999BC01-C01"]
        );
        assert_eq!(
            a.selection,
            ["RNCP37722", "RNCP2383"],
            "codes in the catalogue's spelling"
        );
        assert_eq!(a.rating(C1), Some(Level::Alone));
        assert!(a.prune(&cat).is_empty());
        assert_eq!(a.validate(), Ok(()));
    }

    #[test]
    fn against_cards_only_the_competencies_of_unknown_certifications_go() {
        // The app's catalogue of cards has no blocs: what it cannot check is kept.
        let bundled = Catalogue::bundled().unwrap_or_else(|e| panic!("{e}"));
        let cards = Catalogue::of_cards(
            bundled
                .all()
                .iter()
                .map(|c| {
                    let mut card = c.clone();
                    card.blocs.clear();
                    (card, (c.blocs.len(), c.competency_count()))
                })
                .collect(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut a = sample();
        ok(a.select("RNCP99999"));
        ok(a.rate("RNCP99999BC01-C01", Some(Level::Alone)));
        ok(a.rate("RNCP37722BC09-C09", Some(Level::Alone)));
        ok(a.rate("RNCP3772BC01-C01", Some(Level::Alone)));
        let pruned = a.prune(&cards);
        assert_eq!(pruned.codes, ["RNCP99999"]);
        assert_eq!(
            pruned.competencies,
            ["RNCP3772BC01-C01", "RNCP99999BC01-C01"]
        );
        assert_eq!(a.rating("RNCP37722BC09-C09"), Some(Level::Alone));
        assert_eq!(a.rating(C1), Some(Level::Alone));
        // The whole catalogue drops what its fiche does not have.
        assert_eq!(a.prune(&bundled).competencies, ["RNCP37722BC09-C09"]);
    }

    #[test]
    fn owner_codes() {
        for (id, owner) in [
            ("RNCP37722BC01-C01", Some("RNCP37722")),
            ("RNCP2383BC01-C01", Some("RNCP2383")),
            ("RNCP1", Some("RNCP1")),
            ("RNCPBC01", None),
            ("rncp37722BC01", None),
            ("", None),
            ("X", None),
        ] {
            assert_eq!(owner_code(id), owner, "{id}");
        }
    }

    #[test]
    fn normalize_and_validate() {
        fn check(edit: impl Fn(&mut Assessment), normalized: bool, expected: Result<(), &str>) {
            let mut a = sample();
            edit(&mut a);
            if normalized {
                a.normalize();
            }
            assert_eq!(a.validate().map_err(|e| e.code()), expected);
        }
        fn dup_code(a: &mut Assessment) {
            a.selection.push("RNCP37722".into());
        }
        fn blank_note(a: &mut Assessment) {
            a.notes.insert(C2.into(), " ".into());
        }
        fn dangling_link(a: &mut Assessment) {
            a.evidence.insert(C2.into(), [9].into());
        }
        fn empty_link_set(a: &mut Assessment) {
            a.evidence.insert(C2.into(), BTreeSet::new());
        }
        fn dangling_dismissal(a: &mut Assessment) {
            a.dismissed.insert((9, C2.into()));
        }
        fn dup_experience(a: &mut Assessment) {
            a.experiences.push(a.experiences[0].clone());
        }
        fn bad_rating_id(a: &mut Assessment) {
            a.ratings.insert("x y".into(), Level::Alone);
        }
        fn no_title(a: &mut Assessment) {
            a.experiences[0].title.clear();
        }
        check(|_| {}, false, Ok(()));
        check(dup_code, false, Err("invalid_id"));
        check(dup_code, true, Ok(()));
        check(blank_note, true, Ok(()));
        check(dangling_link, false, Err("unknown_experience"));
        check(dangling_link, true, Ok(()));
        check(empty_link_set, true, Ok(()));
        check(dangling_dismissal, false, Err("unknown_experience"));
        check(dangling_dismissal, true, Ok(()));
        check(dup_experience, true, Err("duplicate_experience"));
        check(bad_rating_id, true, Err("invalid_id"));
        check(no_title, true, Err("title_empty"));
    }

    #[test]
    fn error_codes_are_distinct() {
        let all = [
            AssessmentError::InvalidId(String::new()),
            AssessmentError::TooManySelected,
            AssessmentError::TooManyEntries,
            AssessmentError::TooManyExperiences,
            AssessmentError::NoteTooLong,
            AssessmentError::TitleEmpty,
            AssessmentError::TitleTooLong,
            AssessmentError::DescriptionTooLong,
            AssessmentError::EndBeforeStart,
            AssessmentError::TextBudgetExceeded,
            AssessmentError::UnknownExperience(1),
            AssessmentError::DuplicateExperience(1),
        ];
        let codes: HashSet<&str> = all.iter().map(AssessmentError::code).collect();
        assert_eq!(codes.len(), all.len());
        assert!(all.iter().all(|e| !e.to_string().is_empty()));
    }
}
