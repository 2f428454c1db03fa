//! Tests of reading backups and other trainers' exports.

use super::*;
use crate::record::{Body, Source};

fn dev() -> Id {
    Id::new("dev1").unwrap()
}

/// 2025-01-01, in a zone three hours ahead of UTC in winter and two in summer (by the month of `ms`).
const NOW_MS: f64 = 1_735_689_600_000.0;

fn zone(ms: f64) -> i32 {
    let month = crate::civil::format_local(ms, 0)[5..7].parse::<u32>().unwrap();
    if (4..=10).contains(&month) { 120 } else { 180 }
}

/// Parses `text` as if imported at [`NOW_MS`] on device `dev1` in [`zone`].
fn parse(text: &str) -> Result<Import, ImportError> {
    let device = dev();
    super::parse(text, &Arrival { device: &device, now_ms: NOW_MS, utc_offset_min: &zone })
}

const MT: &str = "_id,isPb,wpm,acc,rawWpm,consistency,charStats,mode,mode2,quoteLength,restartCount,testDuration,\
afkDuration,incompleteTestSeconds,punctuation,numbers,language,funbox,difficulty,lazyMode,blindMode,bailedOut,tags,\
timestamp
64f0c1a2b3c4d5e6f7a8b9c0,true,71.25,97.5,74.1,80.2,178;3;1;0,time,30,-1,2,30,0,0,false,false,english,none,normal,\
false,false,false,,1700000000000
64f0c1a2b3c4d5e6f7a8b9c1,false,55,92.31,60,,120;9;0;2,words,25,-1,0,27.4,1.5,0,true,true,russian_1k,none,normal,\
false,false,false,\"a;b\",1700000100000
";

#[test]
fn monkeytype_results_map_to_sessions() {
    let import = parse(MT).unwrap();
    assert_eq!(import.kind, ImportKind::Monkeytype);
    assert_eq!(import.records.len(), 2);
    let Body::Session(s) = &import.records[1].body else { panic!() };
    assert_eq!(import.records[1].id.as_str(), "mt-64f0c1a2b3c4d5e6f7a8b9c1");
    assert_eq!(s.summary.wpm, Some(55.0));
    assert_eq!(s.summary.consistency, None);
    assert_eq!(s.summary.chars.incorrect, 9);
    assert_eq!((s.profile.layout.as_str(), s.profile.language.as_str()), ("ru", "ru"));
    assert_eq!(s.mode.key(), "words/25/p/n");
    assert_eq!(s.ended_at_ms, 1_700_000_100_000.0 + 27_400.0);
    assert_eq!(s.source, Source::Monkeytype);
    let not_imported = import.notes.iter().find_map(|n| match n {
        ImportNote::NotImported(columns) => Some(columns.clone()),
        _ => None,
    });
    assert!(not_imported.is_some_and(|c| c.contains(&"restartCount".to_owned()) && c.contains(&"tags".to_owned())));
    // The same file twice gives the same ids, so merging it twice changes nothing.
    assert_eq!(parse(MT).unwrap().records, import.records);
}

#[test]
fn a_bad_monkeytype_line_names_the_line_and_imports_nothing() {
    let text = MT.replace("71.25", "fast");
    let err = parse(&text).unwrap_err();
    let problem = Problem::NotANumber { field: "wpm".into(), value: "fast".into() };
    assert_eq!(err, ImportError::BadCsvRow { line: 2, problem });
    let short = MT.lines().take(2).collect::<Vec<_>>().join("\n").replace(",1700000000000", "");
    assert!(matches!(parse(&short), Err(ImportError::BadCsvRow { .. })));
}

const KEYBR: &str = r#"[{"layout":"en-us","textType":"generator","timeStamp":"2024-02-29T12:34:56.789Z",
"length":150,"time":36000,"errors":3,"speed":250,"histogram":[
{"codePoint":101,"hitCount":20,"missCount":1,"timeToType":180.5},
{"codePoint":32,"hitCount":25,"missCount":0,"timeToType":150}]},
{"layout":"ru-ru","textType":"generator","timeStamp":"2024-03-01T00:00:00.000Z",
"length":100,"time":30000,"errors":0,"speed":200,"histogram":[]}]"#;

#[test]
fn keybr_results_map_with_their_key_figures() {
    let import = parse(KEYBR).unwrap();
    assert_eq!(import.kind, ImportKind::Keybr);
    let Body::Session(s) = &import.records[0].body else { panic!() };
    assert_eq!(s.ended_at_ms, 1_709_210_096_789.0 + 36_000.0);
    assert!((s.summary.wpm.unwrap() - 50.0).abs() < 1e-9, "150 chars in 36 s = 250 cpm = 50 wpm");
    assert!((s.summary.accuracy.unwrap() - 98.0).abs() < 1e-9);
    let keys = s.imported_keys.as_ref().unwrap();
    assert_eq!(keys["e"].hits, 20);
    assert_eq!(keys["e"].mean_ms(), Some(180.5));
    assert!(keys.contains_key(" "));
    let Body::Session(r) = &import.records[1].body else { panic!() };
    assert_eq!(r.profile.layout, "ru");
    assert!(r.imported_keys.is_none());
    assert_eq!(parse(KEYBR).unwrap().records, import.records);
}

#[test]
fn foreign_truncated_and_empty_files_are_refused() {
    assert_eq!(parse(""), Err(ImportError::Empty));
    assert_eq!(parse("  \n"), Err(ImportError::Empty));
    assert_eq!(parse(r#"{"hello": 1}"#), Err(ImportError::Foreign));
    assert_eq!(parse("[1, 2]"), Err(ImportError::Foreign));
    assert_eq!(parse("name,age\nann,3\n"), Err(ImportError::Foreign));
    assert_eq!(parse(&KEYBR[..KEYBR.len() / 2]), Err(ImportError::Incomplete), "cut short, in words");
    assert_eq!(parse("[1, 2,, 3]"), Err(ImportError::BadJson { line: 1, column: 7 }));
    let future = r#"{"format":"klava-backup","version":9,"records":[]}"#;
    assert_eq!(parse(future), Err(ImportError::NewerVersion(9)));
}

#[test]
fn a_backup_round_trips_and_a_damaged_record_is_named() {
    let records = parse(MT).unwrap().records;
    let backup = Backup::new(dev(), 1.0, records.clone(), vec!["{\"broken\"".into()]);
    let text = serde_json::to_string(&backup).unwrap();
    let back = parse(&text).unwrap();
    assert_eq!((back.kind, back.records, back.unreadable), (ImportKind::Klava, records, vec!["{\"broken\"".into()]));
    let damaged = text.replacen("\"wpm\":71.25", "\"wpm\":-5", 1);
    let err = parse(&damaged).unwrap_err();
    let ImportError::BadRecord { index: 1, problem: Problem::Record(RecordError::OutOfRange { field, value, .. }) } =
        err
    else {
        panic!("{err:?}")
    };
    assert_eq!((field, value), (crate::record::Field::Speed, -5.0));
}

#[test]
fn imported_results_get_the_learners_offset_for_their_own_date() {
    let Body::Session(winter) = &parse(MT).unwrap().records[0].body else { panic!() };
    assert_eq!(winter.utc_offset_min, 180, "November 2023");
    let summer = MT.replace("1700000000000", "1688000000000");
    let Body::Session(s) = &parse(&summer).unwrap().records[0].body else { panic!() };
    assert_eq!(s.utc_offset_min, 120, "June 2023");
    let Body::Session(k) = &parse(KEYBR).unwrap().records[0].body else { panic!() };
    assert_eq!(k.utc_offset_min, 180, "February 2024");
}

#[test]
fn a_record_dated_in_the_future_is_refused_with_its_date() {
    let next_year = MT.replace("1700000000000", "1767225600000");
    let err = parse(&next_year).unwrap_err();
    assert!(
        matches!(err, ImportError::BadCsvRow { line: 2, problem: Problem::Record(RecordError::InTheFuture { at_ms }) } if at_ms > NOW_MS),
        "{err:?}"
    );
    // Within a day of now is fine: clocks differ between devices.
    assert!(parse(&MT.replace("1700000000000", &(NOW_MS as u64 + 3_600_000).to_string())).is_ok());
    let keybr = KEYBR.replace("2024-03-01", "2031-03-01");
    assert!(matches!(parse(&keybr), Err(ImportError::BadKeybrResult { index: 2, .. })));
}

#[test]
fn a_backup_entry_of_an_unknown_kind_is_named_as_such() {
    let text = r#"{"format":"klava-backup","version":1,"exported_at_ms":0,"device":"d","records":[
        {"id":"a","device":"d","body":{"type":"streak_freeze","days":2}}]}"#;
    assert!(matches!(parse(text), Err(ImportError::BadRecord { index: 1, problem: Problem::UnknownRecord(_) })));
}

#[test]
fn a_csv_without_the_needed_columns_names_them_and_what_it_has() {
    let text = "_id,wpm,acc,when\nx,1,2,3\n".replace("when", "timestamp").replace("acc,", "accuracy,");
    let Err(ImportError::BadCsvRow { line: 1, problem: Problem::Columns { missing, found } }) = parse(&text) else {
        panic!()
    };
    assert_eq!(missing, ["acc", "testDuration"]);
    assert_eq!(found, ["_id", "wpm", "accuracy", "timestamp"]);
}

#[test]
fn absurd_counts_from_keybr_are_refused_not_wrapped() {
    for (from, to) in [("\"timeToType\":180.5", "\"timeToType\":1e300"), ("\"hitCount\":20", "\"hitCount\":4294967295")]
    {
        let err = parse(&KEYBR.replacen(from, to, 1)).unwrap_err();
        assert!(matches!(err, ImportError::BadKeybrResult { index: 1, problem: Problem::Record(_) }), "{to}: {err:?}");
    }
}
