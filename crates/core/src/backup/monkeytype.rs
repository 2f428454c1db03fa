//! Monkeytype's results export (Account → Export CSV): one line per result with `_id`, `wpm`, `acc`,
//! `rawWpm`, `consistency`, `charStats` (`correct;incorrect;extra;missed`), `mode`, `mode2`,
//! `testDuration` (s), `punctuation`, `numbers`, `language` and `timestamp` (ms). It has no keystrokes
//! and no layout, so sessions carry figures only and go to the language's usual layout.

use std::collections::HashMap;

use super::{Arrival, Import, ImportError, ImportKind, ImportNote, Problem, default_layout};
use crate::profile::Profile;
use crate::record::{Body, Id, ModeKind, Record, Session, SessionMode, Source};
use crate::stats::{CharCounts, Summary};

const REQUIRED: [&str; 5] = ["_id", "wpm", "acc", "testDuration", "timestamp"];
/// Columns read; the rest are reported as not imported.
const MAPPED: [&str; 13] = [
    "_id",
    "isPb",
    "wpm",
    "acc",
    "rawWpm",
    "consistency",
    "charStats",
    "mode",
    "mode2",
    "testDuration",
    "punctuation",
    "numbers",
    "language",
];

/// Whether `text` starts with Monkeytype's header.
pub(super) fn looks_like(text: &str) -> bool {
    let header = text.lines().next().unwrap_or_default();
    header.starts_with("_id,") && header.contains(",wpm,") && header.contains("timestamp")
}

pub(super) fn parse(text: &str, at: &Arrival<'_>) -> Result<Import, ImportError> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let header_error = |problem| ImportError::BadCsvRow { line: 1, problem };
    let headers = reader.headers().map_err(|e| header_error(Problem::Syntax(e.to_string())))?.clone();
    let column: HashMap<&str, usize> = headers.iter().enumerate().map(|(i, h)| (h, i)).collect();
    let missing: Vec<String> = REQUIRED.iter().filter(|c| !column.contains_key(*c)).map(|c| (*c).to_owned()).collect();
    if !missing.is_empty() {
        return Err(header_error(Problem::Columns { missing, found: headers.iter().map(str::to_owned).collect() }));
    }
    let mut records = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| ImportError::BadCsvRow {
            line: e.position().map_or(0, |p| p.line()),
            problem: Problem::Syntax(e.to_string()),
        })?;
        let line = row.position().map_or(0, |p| p.line());
        let bad = |problem: Problem| ImportError::BadCsvRow { line, problem };
        let get = |name: &str| column.get(name).and_then(|i| row.get(*i)).unwrap_or_default().trim();
        let number = |name: &str| -> Result<Option<f64>, ImportError> {
            match get(name) {
                "" => Ok(None),
                s => s
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(Some)
                    .ok_or_else(|| bad(Problem::NotANumber { field: name.to_owned(), value: s.to_owned() })),
            }
        };
        let required = |name: &str| number(name)?.ok_or_else(|| bad(Problem::Empty(name.to_owned())));
        let id = Id::new(format!("mt-{}", get("_id"))).map_err(|e| bad(e.into()))?;
        let stats: Vec<usize> = get("charStats").split(';').filter_map(|s| s.trim().parse().ok()).collect();
        let chars = match stats[..] {
            [correct, incorrect, extra, missed] => {
                CharCounts { correct, incorrect, extra, missed, ..CharCounts::default() }
            }
            _ => CharCounts::default(),
        };
        let language = language_code(get("language"));
        let duration_ms = required("testDuration")? * 1000.0;
        let summary = Summary {
            wpm: Some(required("wpm")?),
            raw_wpm: number("rawWpm")?,
            accuracy: Some(required("acc")?),
            consistency: number("consistency")?,
            duration_ms,
            keystrokes: chars.correct.saturating_add(chars.incorrect).saturating_add(chars.extra),
            errors: chars.incorrect.saturating_add(chars.extra),
            chars,
        };
        let mode = get("mode");
        let ended_at_ms = required("timestamp")? + duration_ms;
        let session = Session {
            ended_at_ms,
            utc_offset_min: at.offset_at(ended_at_ms),
            profile: Profile { layout: default_layout(language).into(), language: language.into() },
            mode: SessionMode {
                kind: if mode.is_empty() { ModeKind::Other("test".into()) } else { ModeKind::from(mode.to_owned()) },
                amount: get("mode2").parse().unwrap_or(0),
                punctuation: get("punctuation") == "true",
                numbers: get("numbers") == "true",
            },
            summary,
            source: Source::Monkeytype,
            replay: None,
            imported_keys: None,
            lesson: None,
            practice: None,
        };
        let record = Record { id, device: at.device.clone(), body: Body::Session(Box::new(session)) };
        record.validate_at(at.now_ms).map_err(|e| bad(e.into()))?;
        records.push(record);
    }
    if records.is_empty() {
        return Err(ImportError::NothingToImport);
    }
    let unmapped: Vec<String> =
        headers.iter().filter(|h| !MAPPED.contains(h) && *h != "timestamp").map(str::to_owned).collect();
    let mut notes = vec![ImportNote::MonkeytypeNoKeystrokes, ImportNote::MonkeytypeNoLayout];
    if !unmapped.is_empty() {
        notes.push(ImportNote::NotImported(unmapped));
    }
    Ok(Import { kind: ImportKind::Monkeytype, records, unreadable: Vec::new(), notes })
}

/// Monkeytype's language names (`english`, `english_1k`, `russian_10k`, …) as language codes.
fn language_code(name: &str) -> &'static str {
    let base = name.split('_').next().unwrap_or_default();
    match base {
        "russian" => "ru",
        "ukrainian" => "uk",
        "german" => "de",
        "french" => "fr",
        _ => "en",
    }
}
