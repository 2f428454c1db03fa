//! The record log (docs/ARCHITECTURE.md): everything a learner does is an immutable record with a client-made id
//! and the device that made it. Everything else is a fold over the set of records ([`crate::history`]), so
//! merging two devices' logs is a set union.

pub mod keylog;
pub mod merge;
pub mod session;

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use keylog::{KeyLog, KeyLogError};
pub use session::{LessonRun, ModeKind, PracticeRun, Replay, Session, SessionMode, Source};

/// The longest id accepted.
pub const MAX_ID_LEN: usize = 64;

/// A record's or a device's id: 1–64 ASCII letters, digits, `-` and `_` (a UUID fits).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

/// Why a record is not valid.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum RecordError {
    #[error("an id must be 1–{MAX_ID_LEN} letters, digits, '-' or '_', not {0:?}")]
    BadId(String),
    #[error("a session's {0} is not a finite number")]
    NotFinite(Field),
    #[error("a session's {field} is {value}, outside {min}–{max}")]
    OutOfRange { field: Field, value: f64, min: f64, max: f64 },
    /// The key log does not decode or the engine refuses it; the text is a detail for developers.
    #[error("a session cannot be replayed: {0}")]
    Replay(String),
    #[error("a setting's key is empty")]
    EmptySettingKey,
    #[error("imported key statistics name a key {0:?}")]
    BadKeyName(String),
    #[error("a lesson's course or lesson id, or practice's keys, {0:?} cannot be one")]
    BadLesson(String),
    /// Dated more than [`FUTURE_SLACK_MS`] after the time it was checked at (a clock set wrong).
    #[error("dated {at_ms} ms after the epoch, in the future")]
    InTheFuture { at_ms: f64 },
}

/// How far past the present a record may be dated (clocks differ between devices; one day covers any
/// time zone mistake).
pub const FUTURE_SLACK_MS: f64 = 86_400_000.0;

/// A checked field of a session record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    EndTime,
    Duration,
    Speed,
    RawSpeed,
    Accuracy,
    Consistency,
    UtcOffset,
    /// A setting's clock reading.
    Clock,
    /// A replay's time limit.
    TimeLimit,
    /// When a replay ended.
    ReplayEnd,
    /// An imported key's keystroke counts.
    KeyCount,
    /// An imported key's typing time.
    KeyTime,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EndTime => "end_time",
            Self::Duration => "duration",
            Self::Speed => "speed",
            Self::RawSpeed => "raw_speed",
            Self::Accuracy => "accuracy",
            Self::Consistency => "consistency",
            Self::UtcOffset => "utc_offset",
            Self::Clock => "clock",
            Self::TimeLimit => "time_limit",
            Self::ReplayEnd => "replay_end",
            Self::KeyCount => "key_count",
            Self::KeyTime => "key_time",
        })
    }
}

impl Id {
    /// Checks `s` and wraps it.
    ///
    /// # Errors
    /// [`RecordError::BadId`] when `s` is empty, too long or has other characters.
    pub fn new(s: impl Into<String>) -> Result<Self, RecordError> {
        let s = s.into();
        let ok = !s.is_empty()
            && s.len() <= MAX_ID_LEN
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok { Ok(Self(s)) } else { Err(RecordError::BadId(s)) }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Id {
    type Error = RecordError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A hybrid logical clock reading: wall-clock milliseconds, a counter for readings within one
/// millisecond (or when the wall clock went back), and the device id to break ties. Ordered in that order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Hlc {
    pub ms: u64,
    pub counter: u32,
    pub device: Id,
}

impl Hlc {
    /// The reading after `last` (the newest this device has seen) at wall-clock time `now_ms`: always
    /// greater than `last`, even when the wall clock went back.
    pub fn next(last: Option<&Hlc>, now_ms: u64, device: &Id) -> Hlc {
        match last {
            Some(l) if l.ms >= now_ms => Hlc { ms: l.ms, counter: l.counter.saturating_add(1), device: device.clone() },
            _ => Hlc { ms: now_ms, counter: 0, device: device.clone() },
        }
    }
}

/// A settings change: `key` now has `value` (JSON text, read by the app), last writer wins by `hlc`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setting {
    pub key: String,
    pub value: String,
    pub hlc: Hlc,
}

/// What a record says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Body {
    /// A finished typing session.
    Session(Box<Session>),
    /// A settings change.
    Setting(Setting),
    /// A tombstone: the record `target` is deleted.
    Delete { target: Id },
}

/// One immutable entry of the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: Id,
    /// The device that made it.
    pub device: Id,
    pub body: Body,
}

impl Record {
    /// Checks what serde cannot: numbers finite and in range, a session's log replayable.
    ///
    /// # Errors
    /// The first problem found.
    pub fn validate(&self) -> Result<(), RecordError> {
        match &self.body {
            Body::Session(s) => s.validate(),
            Body::Setting(s) if s.key.is_empty() => Err(RecordError::EmptySettingKey),
            Body::Setting(s) => session::finite_in(Field::Clock, s.hlc.ms as f64, 0.0, session::MAX_TIME_MS),
            Body::Delete { .. } => Ok(()),
        }
    }

    /// When the record says it happened (a session's end, a setting's clock), if it says.
    pub fn dated_ms(&self) -> Option<f64> {
        match &self.body {
            Body::Session(s) => Some(s.ended_at_ms),
            Body::Setting(s) => Some(s.hlc.ms as f64),
            Body::Delete { .. } => None,
        }
    }

    /// [`Record::validate`], and not dated more than [`FUTURE_SLACK_MS`] after `now_ms`: what comes from
    /// outside (an import) is checked at the time it arrives, so one record from a clock set years ahead
    /// cannot freeze the recent statistics.
    ///
    /// # Errors
    /// The first problem found.
    pub fn validate_at(&self, now_ms: f64) -> Result<(), RecordError> {
        self.validate()?;
        match self.dated_ms() {
            Some(at_ms) if at_ms > now_ms + FUTURE_SLACK_MS => Err(RecordError::InTheFuture { at_ms }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(Id::new("0194f1a2-7c3b-7def-8abc-0123456789ab").is_ok());
        assert!(Id::new("mt-64f0c1").is_ok());
        for bad in ["", "a b", "é", &"x".repeat(65), "a/b"] {
            assert!(Id::new(bad).is_err(), "{bad:?}");
        }
        assert!(serde_json::from_str::<Id>("\"a b\"").is_err());
    }

    #[test]
    fn clock_readings_always_move_forward() {
        let d = Id::new("d").unwrap();
        let a = Hlc::next(None, 100, &d);
        let b = Hlc::next(Some(&a), 100, &d);
        let c = Hlc::next(Some(&b), 50, &d);
        let e = Hlc::next(Some(&c), 200, &d);
        assert!(a < b && b < c && c < e);
        assert_eq!((e.ms, e.counter), (200, 0));
        let other = Hlc { device: Id::new("e").unwrap(), ..a.clone() };
        assert!(a < other, "the device breaks ties");
    }

    #[test]
    fn a_tombstone_round_trips_as_json() {
        let r = Record {
            id: Id::new("r1").unwrap(),
            device: Id::new("dev").unwrap(),
            body: Body::Delete { target: Id::new("r0").unwrap() },
        };
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"id":"r1","device":"dev","body":{"type":"delete","target":"r0"}}"#);
        assert_eq!(serde_json::from_str::<Record>(&json).unwrap(), r);
    }
}
