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
    /// A lesson of a course; the session's [`Session::lesson`] says which.
    Lesson,
    /// Adaptive practice; the session's [`Session::practice`] says on which keys.
    Practice,
    /// Dictation: the text was read aloud by the browser and typed unseen.
    Dictation,
    /// Spaced review of the items due (`crate::review`).
    Review,
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
            "lesson" => Self::Lesson,
            "practice" => Self::Practice,
            "dictation" => Self::Dictation,
            "review" => Self::Review,
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
            ModeKind::Lesson => "lesson".into(),
            ModeKind::Practice => "practice".into(),
            ModeKind::Dictation => "dictation".into(),
            ModeKind::Review => "review".into(),
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

/// Which lesson a session was and what it asked for: the pass rule's inputs as they were then, so a
/// later change of the learner's target speed does not change what they earned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonRun {
    /// The course (its layout's id) and the lesson's id in it (`home-1`).
    pub course: String,
    pub lesson: String,
    /// The speed (WPM) and accuracy (0–100) it needed to pass.
    pub speed: f64,
    pub min_accuracy: f64,
}

impl LessonRun {
    fn validate(&self) -> Result<(), RecordError> {
        for name in [&self.course, &self.lesson] {
            if name.is_empty() || name.len() > 64 || name.chars().any(char::is_control) {
                return Err(RecordError::BadLesson(name.clone()));
            }
        }
        finite_in(Field::Speed, self.speed, 0.0, 1000.0)?;
        finite_in(Field::Accuracy, self.min_accuracy, 0.0, 100.0)
    }
}

/// Which keys an adaptive practice session had in play: what keeps them in play afterwards (no key is
/// taken away, see `crate::practice`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeRun {
    /// The letters in play, in the order they entered.
    pub unlocked: String,
    /// The key the text favoured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<char>,
    /// The letters the learner picked by hand, when the text was made of them instead of the keys in play.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picked: Option<String>,
}

impl PracticeRun {
    fn validate(&self) -> Result<(), RecordError> {
        let picked = self.picked.as_deref().unwrap_or_default();
        let letters = self.unlocked.chars().chain(self.focus).chain(picked.chars());
        if self.unlocked.chars().count() > 64
            || picked.chars().count() > 64
            || letters.clone().any(|c| !c.is_alphabetic())
        {
            return Err(RecordError::BadLesson(self.unlocked.clone()));
        }
        Ok(())
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
            // Ended by the learner (zen), not by the text.
            Some((EndReason::Completed, at)) => engine.finish(at),
            None => {}
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
    /// For a lesson: which, and what it needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<LessonRun>,
    /// For adaptive practice: the keys in play.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<PracticeRun>,
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
            lesson: None,
            practice: None,
        }
    }

    pub(super) fn validate(&self) -> Result<(), RecordError> {
        finite_in(Field::EndTime, self.ended_at_ms, 0.0, MAX_TIME_MS)?;
        finite_in(Field::Duration, self.summary.duration_ms, 0.0, MAX_DURATION_MS)?;
        let optional = |field, v: Option<f64>, max: f64| v.map_or(Ok(()), |v| finite_in(field, v, 0.0, max));
        optional(Field::Speed, self.summary.wpm, 1.0e5)?;
        optional(Field::RawSpeed, self.summary.raw_wpm, 1.0e5)?;
        optional(Field::Accuracy, self.summary.accuracy, 100.0)?;
        optional(Field::Consistency, self.summary.consistency, 100.0)?;
        finite_in(Field::UtcOffset, f64::from(self.utc_offset_min), -14.0 * 60.0, 14.0 * 60.0)?;
        if let Some(r) = &self.replay {
            optional(Field::TimeLimit, r.options.time_limit_ms, MAX_DURATION_MS)?;
            optional(Field::ReplayEnd, r.end.map(|(_, at)| at), MAX_DURATION_MS)?;
            r.log.decode().map_err(|e| RecordError::Replay(e.to_string()))?;
        }
        if let Some(run) = &self.lesson {
            run.validate()?;
        }
        if let Some(run) = &self.practice {
            run.validate()?;
        }
        for (key, stat) in self.imported_keys.iter().flatten() {
            if key.is_empty() || key.chars().count() > 8 {
                return Err(RecordError::BadKeyName(key.clone()));
            }
            finite_in(Field::KeyCount, f64::from(stat.hits) + f64::from(stat.misses), 0.0, MAX_KEY_COUNT)?;
            finite_in(Field::KeyCount, f64::from(stat.timed), 0.0, f64::from(stat.hits))?;
            // At most a minute per timed keystroke.
            finite_in(Field::KeyTime, stat.time_sum_ms, 0.0, f64::from(stat.timed) * 60_000.0)?;
        }
        Ok(())
    }
}

/// The latest time a record may carry (ms since the Unix epoch, about the year 5138).
pub const MAX_TIME_MS: f64 = 1.0e14;
/// The longest session (about 11.5 days) and time limit.
const MAX_DURATION_MS: f64 = 1.0e9;
/// The most keystrokes one imported key may count in one session.
const MAX_KEY_COUNT: f64 = 1.0e7;

/// `value` finite and within `min..=max`.
pub(super) fn finite_in(field: Field, value: f64, min: f64, max: f64) -> Result<(), RecordError> {
    if !value.is_finite() {
        return Err(RecordError::NotFinite(field));
    }
    if !(min..=max).contains(&value) {
        return Err(RecordError::OutOfRange { field, value, min, max });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{ErrorMode, Input};

    #[test]
    fn a_replay_rebuilds_the_same_session() {
        let options = Options { error_mode: ErrorMode::Free, yo_as_ye: false, time_limit_ms: Some(2000.0), zen: false };
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
        for s in [
            "words",
            "time",
            "quote",
            "zen",
            "custom",
            "lesson",
            "practice",
            "dictation",
            "keybr lesson",
            "lesson/us-en/3",
        ] {
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
