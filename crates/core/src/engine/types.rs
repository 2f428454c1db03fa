//! The engine's vocabulary: inputs, options, the raw log's records, and errors.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Milliseconds on a monotonic clock, as reported by the caller (e.g. `KeyboardEvent.timeStamp`).
pub type Millis = f64;

/// One learner action, independent of the device that produced it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Input {
    /// A typed character (Space included).
    Char(char),
    /// Remove the last typed character.
    Backspace,
    /// Remove the current word's input (Ctrl/Alt+Backspace).
    DeleteWord,
    /// Text committed by an input method (IME `compositionend`, a dead key, a soft keyboard).
    Compose(String),
}

/// What happens on a wrong key (Monkeytype's names in brackets).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorMode {
    /// Errors stay marked and the caret moves on; Backspace fixes them ("off").
    #[default]
    Free,
    /// A wrong key does not advance: the same character must be typed again ("stop on letter").
    StopOnLetter,
    /// Space cannot leave a word that has an error ("stop on word").
    StopOnWord,
    /// Like `Free`, but Backspace and delete-word do nothing ("no backspace" / confidence max).
    NoBackspace,
}

/// How a session behaves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// The error mode.
    pub error_mode: ErrorMode,
    /// Accept "е" where the text has "ё" (and "Е" for "Ё"): Russian print often omits the diaeresis.
    pub yo_as_ye: bool,
    /// End the session this long after the first keystroke (time mode).
    pub time_limit_ms: Option<Millis>,
    /// Zen: no text to follow; whatever is typed is the text, and the session ends when the learner
    /// says so ([`super::Engine::finish`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub zen: bool,
}

/// How a keystroke was judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyKind {
    /// The expected character (a Space is correct when it ends a correctly typed word).
    Correct,
    /// A wrong character at a position of the word, or a Space leaving a wrong or unfinished word.
    Incorrect,
    /// A character past the end of the word.
    Extra,
    /// Backspace or delete-word that removed something.
    Erase,
    /// An input that changed nothing (Space at the start of a word, Backspace with nothing to remove or in
    /// no-backspace mode, an extra character beyond the limit). Not counted in any figure.
    Ignored,
}

impl KeyKind {
    /// Whether this keystroke typed a character that counts for accuracy and speed.
    pub fn is_typed(self) -> bool {
        matches!(self, Self::Correct | Self::Incorrect | Self::Extra)
    }
}

/// A keystroke as recorded in the raw log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Keystroke {
    /// When it happened (after clamping, see [`crate::Engine::apply`]).
    pub at: Millis,
    /// What the learner did. A composed string is logged one grapheme per record.
    pub input: Input,
    /// The word the caret was in before the keystroke.
    pub word: usize,
    /// The caret's grapheme index in that word before the keystroke.
    pub index: usize,
    /// The grapheme the text expected here (`" "` at a word's end), if any.
    pub expected: Option<String>,
    /// The grapheme typed, for character inputs.
    pub typed: Option<String>,
    /// How it was judged.
    pub kind: KeyKind,
}

/// Why a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EndReason {
    /// The last word was typed.
    Completed,
    /// The time limit passed.
    TimeUp,
    /// The learner stopped.
    Quit,
}

/// How one grapheme of the display looks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CharState {
    /// Not typed yet.
    Pending,
    /// Typed and right.
    Correct,
    /// Typed wrong; holds what was typed.
    Wrong(String),
    /// Typed past the end of the word (shown after it).
    Extra(String),
    /// Skipped: the learner pressed Space before reaching it.
    Missed,
}

/// Why the engine refused an input or a target.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum EngineError {
    /// The target has no words to type.
    #[error("the text to type is empty")]
    EmptyTarget,
    /// The target contains a character nobody can type on one line.
    #[error("the text to type contains the control character U+{0:04X}")]
    ControlCharInTarget(u32),
    /// The input is a control character (those arrive as named inputs, not as text).
    #[error("U+{0:04X} is a control character, not a typed character")]
    ControlCharInput(u32),
    /// A composed input with no text.
    #[error("the composed text is empty")]
    EmptyComposition,
    /// A timestamp that is not a finite number.
    #[error("timestamp {0} is not a finite number of milliseconds")]
    InvalidTimestamp(f64),
    /// Input arrived after the session ended.
    #[error("the session has already finished")]
    Finished,
}
