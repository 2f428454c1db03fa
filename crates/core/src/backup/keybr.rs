//! keybr.com's data export: a JSON array of results, each with `layout` (`en-us`, `ru-ru`, …), `textType`,
//! `timeStamp` (ISO 8601), `length` (characters), `time` (ms), `errors`, `speed` (characters per minute)
//! and a `histogram` of per-key `{codePoint, hitCount, missCount, timeToType}` — which maps to Klava's
//! per-key statistics. keybr keeps no keystroke log, so these sessions cannot be replayed.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Arrival, Import, ImportError, ImportKind, ImportNote, Problem};
use crate::civil::parse_utc_ms;
use crate::keystats::KeyStat;
use crate::profile::Profile;
use crate::record::{Body, Id, ModeKind, Record, Session, SessionMode, Source};
use crate::stats::{CharCounts, Summary};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct KeybrResult {
    layout: String,
    #[serde(default)]
    text_type: String,
    time_stamp: Stamp,
    length: u32,
    time: f64,
    errors: u32,
    #[serde(default)]
    histogram: Vec<Sample>,
}

/// A date as keybr writes it (ISO 8601 text), or ms since the epoch.
#[derive(Deserialize)]
#[serde(untagged)]
enum Stamp {
    Text(String),
    Ms(f64),
}

/// Enough of a result to recognise the format.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Shape {
    histogram: Option<serde::de::IgnoredAny>,
    time_stamp: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Sample {
    code_point: u32,
    hit_count: u32,
    miss_count: u32,
    time_to_type: f64,
}

/// Whether the array looks like keybr results.
pub(super) fn looks_like(items: &[&RawValue]) -> bool {
    items
        .first()
        .and_then(|v| serde_json::from_str::<Shape>(v.get()).ok())
        .is_some_and(|s| s.histogram.is_some() && s.time_stamp.is_some())
}

pub(super) fn parse(items: &[&RawValue], at: &Arrival<'_>) -> Result<Import, ImportError> {
    let mut records = Vec::with_capacity(items.len());
    let mut unknown_layouts = std::collections::BTreeSet::new();
    for (i, item) in items.iter().enumerate() {
        let bad = |problem: Problem| ImportError::BadKeybrResult { index: i + 1, problem };
        let r: KeybrResult = serde_json::from_str(item.get()).map_err(|e| bad(Problem::Syntax(e.to_string())))?;
        let started = match &r.time_stamp {
            Stamp::Text(s) => parse_utc_ms(s).ok_or_else(|| bad(Problem::NotADate(s.clone())))?,
            Stamp::Ms(ms) if ms.is_finite() => *ms,
            Stamp::Ms(ms) => return Err(bad(Problem::NotADate(ms.to_string()))),
        };
        if !r.time.is_finite() || r.time <= 0.0 {
            return Err(bad(Problem::NotPositive(r.time.to_string())));
        }
        let (layout, language, known) = map_layout(&r.layout);
        if !known {
            unknown_layouts.insert(r.layout.clone());
        }
        let minutes = r.time / 60_000.0;
        let correct = r.length.saturating_sub(r.errors) as usize;
        let keys: BTreeMap<String, KeyStat> = r
            .histogram
            .iter()
            .filter_map(|s| {
                let c = char::from_u32(s.code_point)?;
                let timed = if s.time_to_type.is_finite() && s.time_to_type > 0.0 { s.hit_count } else { 0 };
                let key = if c == '\u{20}' { " ".to_owned() } else { c.to_string() };
                Some((
                    key,
                    KeyStat {
                        hits: s.hit_count,
                        misses: s.miss_count,
                        timed,
                        time_sum_ms: f64::from(timed) * s.time_to_type,
                    },
                ))
            })
            .collect();
        let summary = Summary {
            wpm: Some(f64::from(r.length) / 5.0 / minutes),
            raw_wpm: Some(f64::from(r.length) / 5.0 / minutes),
            accuracy: (r.length > 0).then(|| 100.0 * correct as f64 / f64::from(r.length)),
            consistency: None,
            duration_ms: r.time,
            chars: CharCounts { correct, incorrect: r.errors as usize, ..CharCounts::default() },
            keystrokes: r.length as usize,
            errors: r.errors as usize,
        };
        let id = Id::new(format!("kb-{}-{}-{}", started as u64, r.length, r.time as u64)).map_err(|e| bad(e.into()))?;
        let session = Session {
            ended_at_ms: started + r.time,
            utc_offset_min: at.offset_at(started + r.time),
            profile: Profile { layout: layout.into(), language: language.into() },
            mode: SessionMode {
                kind: ModeKind::Keybr(if r.text_type.is_empty() { "lesson".into() } else { r.text_type.clone() }),
                amount: 0,
                punctuation: false,
                numbers: false,
            },
            summary,
            source: Source::Keybr,
            replay: None,
            imported_keys: (!keys.is_empty()).then_some(keys),
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
    let mut notes = vec![ImportNote::KeybrNoReplay];
    if !unknown_layouts.is_empty() {
        notes.push(ImportNote::UnknownLayouts(unknown_layouts.into_iter().collect()));
    }
    Ok(Import { kind: ImportKind::Keybr, records, unreadable: Vec::new(), notes })
}

/// keybr's layout id as Klava's layout and language, and whether Klava has that layout.
fn map_layout(id: &str) -> (&'static str, &'static str, bool) {
    let id = id.to_ascii_lowercase();
    let language: &'static str = match id.split(['-', '_']).next().unwrap_or_default() {
        "ru" => "ru",
        "uk" => "uk",
        "de" => "de",
        "fr" => "fr",
        _ => "en",
    };
    let known = [
        ("colemak-dh", "colemak-dh"),
        ("colemak_dh", "colemak-dh"),
        ("colemak", "colemak"),
        ("dvorak", "dvorak"),
        ("workman", "workman"),
        ("en-gb", "gb"),
        ("en-uk", "gb"),
        ("en-us", "us"),
        ("ru-ru", "ru"),
        ("uk-ua", "uk-ua"),
        ("de-de", "de"),
        ("fr-fr", "fr"),
    ];
    match known.iter().find(|(k, _)| id.contains(k)) {
        Some((_, layout)) => (layout, language, true),
        None => (super::default_layout(language), language, false),
    }
}
