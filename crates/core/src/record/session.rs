//! A finished typing session as stored: what was typed, on what, when, the headline figures, and — for
//! sessions typed in Klava — the inputs to replay it keystroke by keystroke. Sessions imported from other
//! trainers carry figures only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{KeyLog, RecordError};
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

/// The kind of test: `words`, `time`, `lesson`, … with its amount (words, seconds), and text options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionMode {
    pub kind: String,
    pub amount: u32,
    pub punctuation: bool,
    pub numbers: bool,
}

impl SessionMode {
    /// A short label: `time 30`, `words 25 · punctuation`.
    pub fn label(&self) -> String {
        let mut s = if self.amount > 0 { format!("{} {}", self.kind, self.amount) } else { self.kind.clone() };
        if self.punctuation {
            s.push_str(" · punctuation");
        }
        if self.numbers {
            s.push_str(" · numbers");
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
        finite("end time", self.ended_at_ms)?;
        range("end time", Some(self.ended_at_ms), 0.0, 1.0e14)?;
        finite("duration", self.summary.duration_ms)?;
        range("duration", Some(self.summary.duration_ms), 0.0, 1.0e9)?;
        range("speed", self.summary.wpm, 0.0, 1.0e5)?;
        range("raw speed", self.summary.raw_wpm, 0.0, 1.0e5)?;
        range("accuracy", self.summary.accuracy, 0.0, 100.0)?;
        range("consistency", self.summary.consistency, 0.0, 100.0)?;
        range("UTC offset", Some(f64::from(self.utc_offset_min)), -14.0 * 60.0, 14.0 * 60.0)?;
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
    fn labels_read_like_the_mode_bar() {
        let m = SessionMode { kind: "time".into(), amount: 30, punctuation: true, numbers: false };
        assert_eq!(m.label(), "time 30 · punctuation");
    }
}
