//! The typing engine: a deterministic state machine over [`Input`]s stamped by the caller's clock.
//!
//! The engine compares what the learner types with a target line, grapheme by grapheme, and keeps a raw
//! log of every keystroke. It never reads a clock: every input carries the time of the event that produced
//! it (in the browser, `event.timeStamp`), so replaying the log reproduces the session exactly.
//!
//! This first version is deliberately small: characters and Backspace in "free" mode (errors stay marked
//! until fixed). Word semantics, error modes and IME composition build on the same log.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::text;

/// Milliseconds on a monotonic clock, as reported by the caller (e.g. `KeyboardEvent.timeStamp`).
pub type Millis = f64;

/// One learner action, independent of the device that produced it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Input {
    /// A typed character.
    Char(char),
    /// Remove the last typed character.
    Backspace,
}

/// A keystroke as recorded in the raw log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Keystroke {
    /// When it happened (after clamping, see [`Engine::apply`]).
    pub at: Millis,
    /// What the learner did.
    pub input: Input,
    /// The caret position before the keystroke, in graphemes.
    pub position: usize,
    /// For a character: whether it matched the expected grapheme. Always `false` for Backspace.
    pub correct: bool,
}

/// How a target grapheme looks to the learner right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharState {
    /// Not typed yet.
    Pending,
    /// Typed and right.
    Correct,
    /// Typed and wrong.
    Wrong,
}

/// Why the engine refused an input or a target.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum EngineError {
    /// The target line has no characters to type.
    #[error("the text to type is empty")]
    EmptyTarget,
    /// The target contains a character nobody can type on one line.
    #[error("the text to type contains the control character U+{0:04X}")]
    ControlCharInTarget(u32),
    /// The input itself is a control character (those arrive as named inputs, not as `Char`).
    #[error("U+{0:04X} is a control character, not a typed character")]
    ControlCharInput(u32),
    /// A timestamp that is not a finite number.
    #[error("timestamp {0} is not a finite number of milliseconds")]
    InvalidTimestamp(f64),
    /// Input arrived after the session ended.
    #[error("the session has already finished")]
    Finished,
}

/// The state of one typing session over one target line.
#[derive(Clone, Debug, PartialEq)]
pub struct Engine {
    target: Vec<String>,
    typed: Vec<char>,
    log: Vec<Keystroke>,
    finished: bool,
}

impl Engine {
    /// Starts a session over `target`.
    ///
    /// # Errors
    /// [`EngineError::EmptyTarget`] for an empty line, [`EngineError::ControlCharInTarget`] when it holds
    /// a control character (tab, newline, …).
    pub fn new(target: &str) -> Result<Self, EngineError> {
        if let Some(c) = text::first_control_char(target) {
            return Err(EngineError::ControlCharInTarget(c as u32));
        }
        let target = text::graphemes(target);
        if target.is_empty() {
            return Err(EngineError::EmptyTarget);
        }
        Ok(Self {
            target,
            typed: Vec::new(),
            log: Vec::new(),
            finished: false,
        })
    }

    /// Applies one input at time `at`.
    ///
    /// A timestamp earlier than the previous keystroke's is clamped to it (clocks never run backwards
    /// inside a session, so such a value is noise, not information). Backspace at the start of the line
    /// is recorded but changes nothing. The session finishes when the last grapheme has been typed,
    /// right or wrong, as in Monkeytype.
    ///
    /// # Errors
    /// [`EngineError::Finished`] after the end, [`EngineError::InvalidTimestamp`] for NaN or infinite
    /// times, [`EngineError::ControlCharInput`] for a control character. A refused input leaves the
    /// engine unchanged.
    pub fn apply(&mut self, input: Input, at: Millis) -> Result<(), EngineError> {
        if self.finished {
            return Err(EngineError::Finished);
        }
        if !at.is_finite() {
            return Err(EngineError::InvalidTimestamp(at));
        }
        let at = self.log.last().map_or(at, |last| at.max(last.at));
        let position = self.typed.len();
        let correct = match input {
            Input::Char(c) => {
                if c.is_control() {
                    return Err(EngineError::ControlCharInput(c as u32));
                }
                self.typed.push(c);
                grapheme_is(&self.target[position], c)
            }
            Input::Backspace => {
                self.typed.pop();
                false
            }
        };
        self.log.push(Keystroke {
            at,
            input,
            position,
            correct,
        });
        self.finished = self.typed.len() == self.target.len();
        Ok(())
    }

    /// Replays a raw log into a fresh session over `target`; the result equals the original session.
    ///
    /// # Errors
    /// The first error [`Engine::new`] or [`Engine::apply`] reports.
    pub fn replay(target: &str, log: &[Keystroke]) -> Result<Self, EngineError> {
        let mut engine = Self::new(target)?;
        for k in log {
            engine.apply(k.input.clone(), k.at)?;
        }
        Ok(engine)
    }

    /// The target, one grapheme per element.
    pub fn target(&self) -> &[String] {
        &self.target
    }

    /// The caret position: how many graphemes have been typed.
    pub fn caret(&self) -> usize {
        self.typed.len()
    }

    /// The state of target grapheme `index` (`Pending` past the end of the line).
    pub fn state_at(&self, index: usize) -> CharState {
        match (self.typed.get(index), self.target.get(index)) {
            (Some(&c), Some(g)) if grapheme_is(g, c) => CharState::Correct,
            (Some(_), _) => CharState::Wrong,
            (None, _) => CharState::Pending,
        }
    }

    /// The character the learner typed at `index`, if any (shown in place of a wrong grapheme).
    pub fn typed_at(&self, index: usize) -> Option<char> {
        self.typed.get(index).copied()
    }

    /// The raw keystroke log, oldest first.
    pub fn log(&self) -> &[Keystroke] {
        &self.log
    }

    /// Whether the last grapheme has been typed.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Whether the learner has typed anything yet.
    pub fn is_started(&self) -> bool {
        !self.log.is_empty()
    }
}

/// Whether the grapheme `g` is exactly the single character `c`. Multi-character graphemes (a letter plus
/// a combining mark) cannot be typed with one key; they arrive as composed strings, handled with IME input.
fn grapheme_is(g: &str, c: char) -> bool {
    let mut chars = g.chars();
    chars.next() == Some(c) && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(target: &str, keys: &str) -> Engine {
        let mut e = Engine::new(target).unwrap();
        for (i, c) in keys.chars().enumerate() {
            let input = if c == '\u{8}' {
                Input::Backspace
            } else {
                Input::Char(c)
            };
            e.apply(input, i as f64 * 100.0).unwrap();
        }
        e
    }

    #[test]
    fn rejects_empty_and_control_targets() {
        assert_eq!(Engine::new(""), Err(EngineError::EmptyTarget));
        assert_eq!(
            Engine::new("a\nb"),
            Err(EngineError::ControlCharInTarget(0x0A))
        );
    }

    #[test]
    fn marks_correct_and_wrong_and_moves_the_caret() {
        let e = typed("cat", "cx");
        assert_eq!(e.caret(), 2);
        assert_eq!(e.state_at(0), CharState::Correct);
        assert_eq!(e.state_at(1), CharState::Wrong);
        assert_eq!(e.state_at(2), CharState::Pending);
        assert!(!e.is_finished());
    }

    #[test]
    fn backspace_fixes_a_mistake_and_the_log_keeps_it() {
        let e = typed("cat", "cx\u{8}at");
        assert!(e.is_finished());
        assert!((0..3).all(|i| e.state_at(i) == CharState::Correct));
        assert_eq!(e.log().len(), 5);
        assert!(!e.log()[1].correct);
    }

    #[test]
    fn backspace_at_start_is_recorded_and_harmless() {
        let e = typed("ab", "\u{8}a");
        assert_eq!(e.caret(), 1);
        assert_eq!(e.log()[0].position, 0);
    }

    #[test]
    fn input_after_the_end_is_refused() {
        let mut e = typed("a", "a");
        assert_eq!(e.apply(Input::Char('b'), 500.0), Err(EngineError::Finished));
        assert_eq!(e.log().len(), 1);
    }

    #[test]
    fn backwards_time_is_clamped_and_nan_refused() {
        let mut e = Engine::new("abc").unwrap();
        e.apply(Input::Char('a'), 1000.0).unwrap();
        e.apply(Input::Char('b'), 900.0).unwrap();
        assert_eq!(e.log()[1].at, 1000.0);
        assert!(matches!(
            e.apply(Input::Char('c'), f64::NAN),
            Err(EngineError::InvalidTimestamp(t)) if t.is_nan()
        ));
        assert_eq!(
            e.apply(Input::Char('c'), f64::INFINITY),
            Err(EngineError::InvalidTimestamp(f64::INFINITY))
        );
        assert_eq!(e.log().len(), 2);
    }

    #[test]
    fn russian_text_is_typed_by_grapheme() {
        let e = typed("ёж", "еж");
        assert_eq!(e.state_at(0), CharState::Wrong);
        assert_eq!(e.state_at(1), CharState::Correct);
    }
}
