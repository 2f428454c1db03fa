//! Backups and imports: Klava's own versioned JSON backup (everything, merged by record id, so importing
//! twice changes nothing), and the result exports of Monkeytype (CSV) and keybr.com (JSON), mapped to
//! sessions as far as their formats allow, with a report of what did not map.
//!
//! Parsing is all-or-nothing: a malformed, truncated or foreign file is an [`ImportError`] and nothing is
//! imported from it. O(file size).

mod keybr;
mod monkeytype;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use thiserror::Error;

use crate::record::{Id, Record, RecordError};

/// What an import needs to know about where and when it happens.
#[derive(Clone, Copy)]
pub struct Arrival<'a> {
    /// The device recorded as the maker of imported sessions.
    pub device: &'a Id,
    /// Now (ms since the Unix epoch): records dated more than a day later are refused.
    pub now_ms: f64,
    /// The learner's UTC offset in minutes at a time (from the browser's time zone): other trainers'
    /// results, which carry none, get the one of their own date, so they fall on the right local day.
    pub utc_offset_min: &'a dyn Fn(f64) -> i32,
}

impl Arrival<'_> {
    /// The offset for `ms`, kept within what a session may carry (±14 h).
    fn offset_at(&self, ms: f64) -> i32 {
        (self.utc_offset_min)(ms).clamp(-14 * 60, 14 * 60)
    }
}

/// The `format` field of a Klava backup.
pub const FORMAT: &str = "klava-backup";
/// The newest backup version this code writes and reads.
pub const VERSION: u32 = 1;

/// A whole backup file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    /// When it was made (ms since the Unix epoch).
    pub exported_at_ms: f64,
    /// The device that made it.
    pub device: Id,
    pub records: Vec<Record>,
    /// Stored records the app could not read, as they were stored (kept so nothing is lost).
    #[serde(default)]
    pub unreadable: Vec<String>,
}

impl Backup {
    /// A backup of `records` (and of the unreadable ones, verbatim).
    pub fn new(device: Id, exported_at_ms: f64, records: Vec<Record>, unreadable: Vec<String>) -> Self {
        Self { format: FORMAT.into(), version: VERSION, exported_at_ms, device, records, unreadable }
    }
}

/// Which kind of file was imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    Klava,
    Monkeytype,
    Keybr,
}

/// Something a learner should know about an import that succeeded. The app words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportNote {
    /// keybr.com keeps no keystroke log: its lessons cannot be replayed; per-key figures are kept.
    KeybrNoReplay,
    /// Results on layouts Klava does not have (keybr's names) were filed under the language's usual one.
    UnknownLayouts(Vec<String>),
    /// Monkeytype exports no keystrokes: results count in history and bests, not in key statistics.
    MonkeytypeNoKeystrokes,
    /// Monkeytype exports no layout: results are filed under the language's usual layout.
    MonkeytypeNoLayout,
    /// Columns of the file that were not imported.
    NotImported(Vec<String>),
}

/// What an import brings, ready to be merged.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub kind: ImportKind,
    pub records: Vec<Record>,
    /// Unreadable records carried by a Klava backup.
    pub unreadable: Vec<String>,
    pub notes: Vec<ImportNote>,
}

/// What is wrong with one item (record, line, result) of a file.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum Problem {
    /// The parser's own description (JSON, CSV): a detail shown as it is.
    #[error("{0}")]
    Syntax(String),
    /// A CSV header without the columns needed: those missing and those the file has.
    #[error("columns {missing:?} are missing; the file has {found:?}")]
    Columns { missing: Vec<String>, found: Vec<String> },
    #[error("{field} is {value:?}, not a number")]
    NotANumber { field: String, value: String },
    #[error("{0} is empty")]
    Empty(String),
    #[error("the time {0} is not a date")]
    NotADate(String),
    #[error("the duration {0} is not a positive number of ms")]
    NotPositive(String),
    #[error("the backup has no list of records")]
    NoRecordList,
    /// A backup entry that is not a record this version can read (a newer version's kind, or edited by
    /// hand); the parser's detail is for developers.
    #[error("not a record this version can read: {0}")]
    UnknownRecord(String),
    #[error("{0}")]
    Record(#[from] RecordError),
}

/// Why a file cannot be imported. The app words each case for learners.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    /// Not a Klava backup, a Monkeytype CSV or a keybr.com export.
    #[error("not a file Klava can import")]
    Foreign,
    /// JSON that ends before it is complete: a file cut short.
    #[error("the file is incomplete")]
    Incomplete,
    /// Not valid JSON at `line`, `column` (from 1).
    #[error("not valid JSON at line {line}, column {column}")]
    BadJson { line: usize, column: usize },
    /// A backup of a newer format version.
    #[error("a backup of format {0}, newer than this version reads")]
    NewerVersion(u32),
    /// Record `index` (from 1) of a backup.
    #[error("record {index} of the backup: {problem}")]
    BadRecord { index: usize, problem: Problem },
    /// Line `line` of a Monkeytype CSV.
    #[error("line {line} of the Monkeytype file: {problem}")]
    BadCsvRow { line: u64, problem: Problem },
    /// Result `index` (from 1) of a keybr.com export.
    #[error("result {index} of the keybr.com file: {problem}")]
    BadKeybrResult { index: usize, problem: Problem },
    #[error("the file has no results to import")]
    NothingToImport,
}

/// The top of a JSON object file: enough to tell a Klava backup and its version.
#[derive(Deserialize)]
struct Probe<'a> {
    format: Option<String>,
    version: Option<u64>,
    #[serde(borrow)]
    records: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    unreadable: Vec<&'a RawValue>,
}

/// Reads any importable file arriving at `at`.
///
/// # Errors
/// See [`ImportError`]; nothing is imported from a file with an error.
pub fn parse(text: &str, at: &Arrival<'_>) -> Result<Import, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();
    let bad_json = |e: serde_json::Error| {
        if e.is_eof() { ImportError::Incomplete } else { ImportError::BadJson { line: e.line(), column: e.column() } }
    };
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    if trimmed.starts_with('{') {
        let probe: Probe = serde_json::from_str(text).map_err(bad_json)?;
        return if probe.format.as_deref() == Some(FORMAT) {
            parse_backup(probe, at)
        } else {
            Err(ImportError::Foreign)
        };
    }
    if trimmed.starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(text).map_err(bad_json)?;
        return if keybr::looks_like(&items) { keybr::parse(&items, at) } else { Err(ImportError::Foreign) };
    }
    if monkeytype::looks_like(trimmed) {
        return monkeytype::parse(trimmed, at);
    }
    Err(ImportError::Foreign)
}

fn parse_backup(probe: Probe<'_>, at: &Arrival<'_>) -> Result<Import, ImportError> {
    let version = probe.version.unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(ImportError::NewerVersion(u32::try_from(version).unwrap_or(u32::MAX)));
    }
    let bad = |index, problem: Problem| ImportError::BadRecord { index, problem };
    let items = probe.records.ok_or_else(|| bad(0, Problem::NoRecordList))?;
    let records = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let r: Record =
                serde_json::from_str(item.get()).map_err(|e| bad(i + 1, Problem::UnknownRecord(e.to_string())))?;
            r.validate_at(at.now_ms).map_err(|e| bad(i + 1, e.into()))?;
            Ok(r)
        })
        .collect::<Result<Vec<_>, _>>()?;
    // Kept as they were: a string's text, anything else as its JSON.
    let unreadable = probe
        .unreadable
        .iter()
        .map(|v| serde_json::from_str::<String>(v.get()).unwrap_or_else(|_| v.get().to_owned()))
        .collect();
    Ok(Import { kind: ImportKind::Klava, records, unreadable, notes: Vec::new() })
}

/// Profile ids for a language when an import does not say which layout was used.
fn default_layout(language: &str) -> &'static str {
    match language {
        "ru" => "ru",
        "uk" => "uk-ua",
        "de" => "de",
        "fr" => "fr",
        _ => "us",
    }
}

#[cfg(test)]
mod tests;
