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

use crate::record::{Id, Record};

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

impl ImportKind {
    /// The name shown to learners.
    pub fn name(self) -> &'static str {
        match self {
            Self::Klava => "Klava backup",
            Self::Monkeytype => "Monkeytype results",
            Self::Keybr => "keybr.com export",
        }
    }
}

/// What a file holds, ready to be merged.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub kind: ImportKind,
    pub records: Vec<Record>,
    /// Unreadable records carried by a Klava backup.
    pub unreadable: Vec<String>,
    /// What did not map, one line each, for the learner.
    pub notes: Vec<String>,
}

/// Why a file cannot be imported. The messages are written for learners.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("The file is empty.")]
    Empty,
    #[error(
        "This is not a file Klava can import. Klava reads its own backups (.json), Monkeytype results \
         (.csv) and keybr.com exports (.json)."
    )]
    Foreign,
    #[error("The file is not valid JSON (it may be cut short): {0}.")]
    BadJson(String),
    #[error("This backup was made by a newer version of Klava (format {0}); update Klava to import it.")]
    NewerVersion(u32),
    #[error("Record {index} of the backup is damaged: {reason}.")]
    BadRecord { index: usize, reason: String },
    #[error("Line {line} of the Monkeytype file cannot be read: {reason}.")]
    BadCsvRow { line: u64, reason: String },
    #[error("Result {index} of the keybr.com file cannot be read: {reason}.")]
    BadKeybrResult { index: usize, reason: String },
    #[error("The file has no results to import.")]
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

/// Reads any importable file; `device` is recorded as the maker of imported sessions.
///
/// # Errors
/// See [`ImportError`]; nothing is imported from a file with an error.
pub fn parse(text: &str, device: &Id) -> Result<Import, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();
    let bad_json = |e: serde_json::Error| ImportError::BadJson(e.to_string());
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    if trimmed.starts_with('{') {
        let probe: Probe = serde_json::from_str(text).map_err(bad_json)?;
        return if probe.format.as_deref() == Some(FORMAT) { parse_backup(probe) } else { Err(ImportError::Foreign) };
    }
    if trimmed.starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(text).map_err(bad_json)?;
        return if keybr::looks_like(&items) { keybr::parse(&items, device) } else { Err(ImportError::Foreign) };
    }
    if monkeytype::looks_like(trimmed) {
        return monkeytype::parse(trimmed, device);
    }
    Err(ImportError::Foreign)
}

fn parse_backup(probe: Probe<'_>) -> Result<Import, ImportError> {
    let version = probe.version.unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(ImportError::NewerVersion(u32::try_from(version).unwrap_or(u32::MAX)));
    }
    let bad = |index, reason: String| ImportError::BadRecord { index, reason };
    let items = probe.records.ok_or_else(|| bad(0, "the backup has no list of records".into()))?;
    let records = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let r: Record = serde_json::from_str(item.get()).map_err(|e| bad(i + 1, e.to_string()))?;
            r.validate().map_err(|e| bad(i + 1, e.to_string()))?;
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
