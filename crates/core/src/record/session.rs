//! A finished typing session as stored: what was typed, on what, when, the headline figures, and — for
//! sessions typed in Klava — the inputs to replay it keystroke by keystroke. Sessions imported from other
//! trainers carry figures only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Field, KeyLog, RecordError};
use crate::engine::{EndReason, Engine, Millis, Options};
use crate::keystats::KeyStat;
use crate::profile::Profile;
use crate::stats::Summary;

/// Where a session was typed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    #[default]
    Klava,
    /// Imported from a Monkeytype results CSV.
    Monkeytype,
    /// Imported from a keybr.com JSON export.
    Keybr,
}

/// What kind of session it was. Stored as text (`words`, `time`, `keybr lesson`, …), so a kind written by
/// a newer version reads back as [`ModeKind::Other`] instead of failing.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum ModeKind {
    Words,
    Time,
    /// Monkeytype's quote, zen and custom modes, as imported.
    Quote,
    Zen,
    Custom,
    /// A keybr.com session, with keybr's text type (`lesson`, `words`, …).
    Keybr(String),
    /// A kind this version does not know.
    Other(String),
}

impl From<String> for ModeKind {
    fn from(s: String) -> Self {
        match s.as_str() {
            "words" => Self::Words,
            "time" => Self::Time,
            "quote" => Self::Quote,
            "zen" => Self::Zen,
            "custom" => Self::Custom,
            _ => match s.strip_prefix("keybr ") {
                Some(t) => Self::Keybr(t.to_owned()),
                None => Self::Other(s),
            },
        }
    }
}

impl From<ModeKind> for String {
    fn from(k: ModeKind) -> Self {
        match k {
            ModeKind::Words => "words".into(),
            ModeKind::Time => "time".into(),
            ModeKind::Quote => "quote".into(),
            ModeKind::Zen => "zen".into(),
            ModeKind::Custom => "custom".into(),
            ModeKind::Keybr(t) => format!("keybr {t}"),
            ModeKind::Other(s) => s,
        }
    }
}

/// The kind of session with its amount (words, seconds; 0 when it has none) and text options. The app
/// turns it into words; [`SessionMode::key`] is a stable machine key, never shown.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SessionMode {
    pub kind: ModeKind,
    pub amount: u32,
    pub punctuation: bool,
    pub numbers: bool,
}

impl SessionMode {
    /// A stable key for grouping (personal bests): `words/25`, `time/30/p/n`.
    pub fn key(&self) -> String {
        let mut s = format!("{}/{}", String::from(self.kind.clone()), self.amount);
        if self.punctuation {
            s.push_str("/p");
        }
        if self.numbers {
            s.push_str("/n");
        }
        s
    }
}

/// Everything needed to rebuild the engine of a session typed in Klava.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Replay {
    /// The whole text the session offered (time tests included what was appended).
    pub target: String,
    pub options: Options,
    pub log: KeyLog,
    /// How and when (monotonic ms, as the log) it ended.
    pub end: Option<(EndReason, Millis)>,
}

impl Replay {
    /// Captures a session's text, options, inputs and end.
    pub fn of(engine: &Engine) -> Self {
        let target = engine.words().iter().map(|w| w.concat()).collect::<Vec<_>>().join(" ");
        Self { target, options: engine.options().clone(), log: KeyLog::encode(engine.log()), end: engine.ended() }
    }

    /// Rebuilds the engine.
    ///
    /// # Errors
    /// [`RecordError::Replay`] when the log is malformed or the engine refuses it.
    pub fn engine(&self) -> Result<Engine, RecordError> {
        let bad = |e: &dyn std::fmt::Display| RecordError::Replay(e.to_string());
        let mut engine = Engine::new(&self.target, self.options.clone()).map_err(|e| bad(&e))?;
        for (input, at) in self.log.decode().map_err(|e| bad(&e))? {
            if engine.is_finished() {
                break;
            }
            engine.apply(input, at).map_err(|e| bad(&e))?;
        }
        match self.end {
            Some((EndReason::Quit, at)) => engine.quit(at),
            Some((EndReason::TimeUp, at)) => {
                engine.tick(at);
            }
            _ => {}
        }
        Ok(engine)
    }
}

/// A finished session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// When it ended: wall-clock ms since the Unix epoch.
    pub ended_at_ms: f64,
    /// The learner's offset from UTC then, in minutes (for "which day was it" in their calendar).
    pub utc_offset_min: i32,
    pub profile: Profile,
    pub mode: SessionMode,
    pub summary: Summary,
    #[serde(default)]
    pub source: Source,
    /// Present for sessions typed in Klava.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replay: Option<Replay>,
    /// Per-key figures brought by an import (keybr.com's histogram) when there is no replay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_keys: Option<BTreeMap<String, KeyStat>>,
}

impl Session {
    /// The record of a session typed in Klava: its figures and its replay, ended at `ended_at_ms`
    /// (wall clock) in a zone `utc_offset_min` minutes ahead of UTC.
    pub fn typed(engine: &Engine, profile: Profile, mode: SessionMode, ended_at_ms: f64, utc_offset_min: i32) -> Self {
        Self {
            ended_at_ms,
            utc_offset_min,
            profile,
            mode,
            summary: Summary::from(engine),
            source: Source::Klava,
            replay: Some(Replay::of(engine)),
            imported_keys: None,
        }
    }

    pub(super) fn validate(&self) -> Result<(), RecordError> {
        let finite = |name, v: f64| if v.is_finite() { Ok(()) } else { Err(RecordError::NotFinite(name)) };
        let range = |field, v: Option<f64>, min: f64, max: f64| match v {
            Some(value) if !(min..=max).contains(&value) => Err(RecordError::OutOfRange { field, value, min, max }),
            _ => Ok(()),
        };
        finite(Field::EndTime, self.ended_at_ms)?;
        range(Field::EndTime, Some(self.ended_at_ms), 0.0, 1.0e14)?;
        finite(Field::Duration, self.summary.duration_ms)?;
        range(Field::Duration, Some(self.summary.duration_ms), 0.0, 1.0e9)?;
        range(Field::Speed, self.summary.wpm, 0.0, 1.0e5)?;
        range(Field::RawSpeed, self.summary.raw_wpm, 0.0, 1.0e5)?;
        range(Field::Accuracy, self.summary.accuracy, 0.0, 100.0)?;
        range(Field::Consistency, self.summary.consistency, 0.0, 100.0)?;
        range(Field::UtcOffset, Some(f64::from(self.utc_offset_min)), -14.0 * 60.0, 14.0 * 60.0)?;
        if let Some(r) = &self.replay {
            r.log.decode().map_err(|e| RecordError::Replay(e.to_string()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{ErrorMode, Input};

    #[test]
    fn a_replay_rebuilds_the_same_session() {
        let options = Options { error_mode: ErrorMode::Free, yo_as_ye: false, time_limit_ms: Some(2000.0) };
        let mut e = Engine::new("ab cd ef", options).unwrap();
        for (i, c) in "ab xd".chars().enumerate() {
            e.apply(Input::Char(c), 100.0 + 150.0 * i as f64).unwrap();
        }
        e.apply(Input::Backspace, 900.0).unwrap();
        e.tick(2500.0);
        assert!(e.is_finished());
        let replay = Replay::of(&e);
        let json = serde_json::to_string(&replay).unwrap();
        let back: Replay = serde_json::from_str(&json).unwrap();
        let again = back.engine().unwrap();
        assert_eq!(Summary::from(&again), Summary::from(&e));
        assert_eq!(again.ended(), e.ended());
        assert_eq!(again.log(), e.log());
    }

    #[test]
    fn mode_kinds_read_back_and_unknown_ones_survive() {
        for s in ["words", "time", "quote", "zen", "custom", "keybr lesson", "lesson/us-en/3"] {
            let k = ModeKind::from(s.to_owned());
            assert_eq!(String::from(k), s);
        }
        assert_eq!(ModeKind::from("keybr words".to_owned()), ModeKind::Keybr("words".into()));
        let m = SessionMode { kind: ModeKind::Time, amount: 30, punctuation: true, numbers: false };
        assert_eq!(m.key(), "time/30/p");
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"kind":"time","amount":30,"punctuation":true,"numbers":false}"#);
    }
}
