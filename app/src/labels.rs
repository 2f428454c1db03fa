//! Words for the typed values core returns: session modes, fingers, import notes and errors, and
//! storage errors. Core never writes a sentence (docs/ARCHITECTURE.md); this is where its values are said, in
//! the interface language.

use klava_core::backup::{ImportError, ImportKind, ImportNote, Problem};
use klava_core::fingers::Finger;
use klava_core::record::{Field, ModeKind, RecordError, SessionMode};

use crate::i18n::{I18n, t_string};

/// "25 words · punctuation", "30 s", "keybr.com lesson".
pub fn mode(i18n: I18n, m: &SessionMode) -> String {
    let mut s = match &m.kind {
        ModeKind::Words => t_string!(i18n, modes.words, count = m.amount).to_string(),
        ModeKind::Time => t_string!(i18n, modes.time, count = m.amount).to_string(),
        ModeKind::Quote => t_string!(i18n, modes.quote).to_owned(),
        ModeKind::Zen => t_string!(i18n, modes.zen).to_owned(),
        ModeKind::Custom => t_string!(i18n, modes.custom).to_owned(),
        ModeKind::Lesson => t_string!(i18n, modes.lesson).to_owned(),
        ModeKind::Practice => t_string!(i18n, modes.practice).to_owned(),
        ModeKind::Dictation => t_string!(i18n, modes.dictation).to_owned(),
        ModeKind::Review => t_string!(i18n, modes.review).to_owned(),
        ModeKind::Keybr(kind) => t_string!(i18n, modes.keybr, kind = kind.clone()).to_string(),
        ModeKind::Other(kind) => kind.clone(),
    };
    if m.punctuation {
        s.push_str(" · ");
        s.push_str(t_string!(i18n, modes.punctuation));
    }
    if m.numbers {
        s.push_str(" · ");
        s.push_str(t_string!(i18n, modes.numbers));
    }
    s
}

/// "left index finger".
pub fn finger(i18n: I18n, f: Finger) -> &'static str {
    match f {
        Finger::LeftPinky => t_string!(i18n, fingers.left_pinky),
        Finger::LeftRing => t_string!(i18n, fingers.left_ring),
        Finger::LeftMiddle => t_string!(i18n, fingers.left_middle),
        Finger::LeftIndex => t_string!(i18n, fingers.left_index),
        Finger::Thumb => t_string!(i18n, fingers.thumb),
        Finger::RightIndex => t_string!(i18n, fingers.right_index),
        Finger::RightMiddle => t_string!(i18n, fingers.right_middle),
        Finger::RightRing => t_string!(i18n, fingers.right_ring),
        Finger::RightPinky => t_string!(i18n, fingers.right_pinky),
    }
}

/// "Monkeytype results".
pub fn import_kind(i18n: I18n, k: ImportKind) -> &'static str {
    match k {
        ImportKind::Klava => t_string!(i18n, import.kind_klava),
        ImportKind::Monkeytype => t_string!(i18n, import.kind_monkeytype),
        ImportKind::Keybr => t_string!(i18n, import.kind_keybr),
    }
}

/// One note about an import.
pub fn import_note(i18n: I18n, n: &ImportNote) -> String {
    match n {
        ImportNote::KeybrNoReplay => t_string!(i18n, import.note_keybr_no_replay).to_owned(),
        ImportNote::UnknownLayouts(list) => {
            t_string!(i18n, import.note_unknown_layouts, list = list.join(", ")).to_string()
        }
        ImportNote::MonkeytypeNoKeystrokes => t_string!(i18n, import.note_mt_no_keystrokes).to_owned(),
        ImportNote::MonkeytypeNoLayout => t_string!(i18n, import.note_mt_no_layout).to_owned(),
        ImportNote::NotImported(columns) => {
            t_string!(i18n, import.note_not_imported, list = columns.join(", ")).to_string()
        }
    }
}

fn field(i18n: I18n, f: Field) -> &'static str {
    match f {
        Field::EndTime => t_string!(i18n, fields.end_time),
        Field::Duration => t_string!(i18n, fields.duration),
        Field::Speed => t_string!(i18n, fields.speed),
        Field::RawSpeed => t_string!(i18n, fields.raw_speed),
        Field::Accuracy => t_string!(i18n, fields.accuracy),
        Field::Consistency => t_string!(i18n, fields.consistency),
        Field::UtcOffset => t_string!(i18n, fields.utc_offset),
        Field::Clock => t_string!(i18n, fields.clock),
        Field::TimeLimit => t_string!(i18n, fields.time_limit),
        Field::ReplayEnd => t_string!(i18n, fields.replay_end),
        Field::KeyCount => t_string!(i18n, fields.key_count),
        Field::KeyTime => t_string!(i18n, fields.key_time),
    }
}

fn record_error(i18n: I18n, e: &RecordError) -> String {
    match e {
        RecordError::BadId(id) => t_string!(i18n, import.bad_id, id = id.clone()).to_string(),
        RecordError::NotFinite(f) => t_string!(i18n, import.not_finite, field = field(i18n, *f)).to_string(),
        RecordError::OutOfRange { field: f, value, .. } => {
            t_string!(i18n, import.out_of_range, field = field(i18n, *f), value = value.to_string()).to_string()
        }
        RecordError::Replay(_) => t_string!(i18n, import.not_replayable).to_owned(),
        RecordError::EmptySettingKey => t_string!(i18n, import.empty_setting).to_owned(),
        RecordError::BadKeyName(key) => t_string!(i18n, import.bad_key_name, key = key.clone()).to_string(),
        RecordError::BadLesson(name) => t_string!(i18n, import.bad_lesson, name = name.clone()).to_string(),
        RecordError::InTheFuture { at_ms } => {
            let date = klava_core::civil::format_local(*at_ms, crate::storage::ids::utc_offset_min_at(*at_ms));
            t_string!(i18n, import.in_the_future, date = date).to_string()
        }
    }
}

fn problem(i18n: I18n, p: &Problem) -> String {
    match p {
        Problem::Syntax(detail) => t_string!(i18n, import.syntax, detail = detail.clone()).to_string(),
        Problem::Columns { missing, found } => {
            t_string!(i18n, import.columns, missing = missing.join(", "), found = found.join(", ")).to_string()
        }
        Problem::NotANumber { field, value } => {
            t_string!(i18n, import.not_a_number, field = field.clone(), value = value.clone()).to_string()
        }
        Problem::Empty(f) => t_string!(i18n, import.empty_field, field = f.clone()).to_string(),
        Problem::NotADate(v) => t_string!(i18n, import.not_a_date, value = v.clone()).to_string(),
        Problem::NotPositive(v) => t_string!(i18n, import.not_positive, value = v.clone()).to_string(),
        Problem::NoRecordList => t_string!(i18n, import.no_record_list).to_owned(),
        Problem::UnknownRecord(detail) => {
            leptos::logging::warn!("klava: an unreadable record in the backup: {detail}");
            t_string!(i18n, import.unknown_record).to_owned()
        }
        Problem::Record(e) => record_error(i18n, e),
    }
}

/// Why a file cannot be imported, as one sentence or two.
pub fn import_error(i18n: I18n, e: &ImportError) -> String {
    match e {
        ImportError::Empty => t_string!(i18n, import.empty).to_owned(),
        ImportError::Foreign => t_string!(i18n, import.foreign).to_owned(),
        ImportError::Incomplete => t_string!(i18n, import.incomplete).to_owned(),
        ImportError::BadJson { line, column } => {
            t_string!(i18n, import.bad_json, line = *line, column = *column).to_string()
        }
        ImportError::NewerVersion(v) => t_string!(i18n, import.newer, version = *v).to_string(),
        ImportError::BadRecord { index, problem: p } => {
            t_string!(i18n, import.bad_record, index = *index, problem = problem(i18n, p)).to_string()
        }
        ImportError::BadCsvRow { line, problem: p } => {
            t_string!(i18n, import.bad_csv_row, line = *line, problem = problem(i18n, p)).to_string()
        }
        ImportError::BadKeybrResult { index, problem: p } => {
            t_string!(i18n, import.bad_keybr_result, index = *index, problem = problem(i18n, p)).to_string()
        }
        ImportError::NothingToImport => t_string!(i18n, import.nothing).to_owned(),
    }
}
