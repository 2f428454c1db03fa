//! A session's inputs in a compact form for storage: one string of inputs and one list of time steps.
//!
//! Each input is one or more characters of `keys`: a typed character as itself, Backspace as U+0008,
//! delete-word as U+0017, and composed text as U+0001 text U+0002. The engine refuses control
//! characters as typed input, so the markers are unambiguous. Times are whole microseconds: the first is
//! absolute (the caller's monotonic clock), the rest are steps from the previous input; rounding happens
//! on the absolute times, so it never accumulates. About 5–8 bytes of JSON per keystroke. O(inputs).

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::engine::{Input, Keystroke, Millis};

const BACKSPACE: char = '\u{8}';
const DELETE_WORD: char = '\u{17}';
const COMPOSE_START: char = '\u{1}';
const COMPOSE_END: char = '\u{2}';

/// The inputs of a session, encoded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyLog {
    /// The inputs, see the module documentation.
    pub keys: String,
    /// Microseconds: the first input's time, then the step before each following input.
    pub steps: Vec<i64>,
}

/// Why a stored key log cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum KeyLogError {
    #[error("the key log has {inputs} inputs but {steps} times")]
    LengthMismatch { inputs: usize, steps: usize },
    #[error("the key log has an unfinished composed input")]
    UnterminatedCompose,
    #[error("the key log has an empty composed input")]
    EmptyCompose,
    #[error("the key log has the control character U+{0:04X}")]
    UnknownControl(u32),
}

impl KeyLog {
    /// Encodes the inputs of a raw log. A composed string, logged one grapheme per keystroke, is kept
    /// one grapheme per input, which replays to the same session.
    pub fn encode(log: &[Keystroke]) -> Self {
        let mut keys = String::with_capacity(log.len());
        let mut steps = Vec::with_capacity(log.len());
        let mut previous = 0i64;
        for (i, k) in log.iter().enumerate() {
            match &k.input {
                Input::Char(c) => keys.push(*c),
                Input::Backspace => keys.push(BACKSPACE),
                Input::DeleteWord => keys.push(DELETE_WORD),
                Input::Compose(s) => {
                    keys.push(COMPOSE_START);
                    keys.push_str(s);
                    keys.push(COMPOSE_END);
                }
            }
            let at = (k.at * 1000.0).round() as i64;
            steps.push(if i == 0 { at } else { at - previous });
            previous = at;
        }
        Self { keys, steps }
    }

    /// The inputs and their times in milliseconds.
    ///
    /// # Errors
    /// A malformed log: markers out of place or a different number of inputs and times.
    pub fn decode(&self) -> Result<Vec<(Input, Millis)>, KeyLogError> {
        let mut inputs = Vec::with_capacity(self.steps.len());
        let mut chars = self.keys.chars();
        while let Some(c) = chars.next() {
            let input = match c {
                BACKSPACE => Input::Backspace,
                DELETE_WORD => Input::DeleteWord,
                COMPOSE_START => {
                    let mut s = String::new();
                    loop {
                        match chars.next() {
                            Some(COMPOSE_END) => break,
                            Some(c) => s.push(c),
                            None => return Err(KeyLogError::UnterminatedCompose),
                        }
                    }
                    if s.is_empty() {
                        return Err(KeyLogError::EmptyCompose);
                    }
                    Input::Compose(s)
                }
                c if c.is_control() && c != '\t' => return Err(KeyLogError::UnknownControl(c as u32)),
                c => Input::Char(c),
            };
            inputs.push(input);
        }
        if inputs.len() != self.steps.len() {
            return Err(KeyLogError::LengthMismatch { inputs: inputs.len(), steps: self.steps.len() });
        }
        let mut at = 0i64;
        Ok(inputs
            .into_iter()
            .zip(&self.steps)
            .enumerate()
            .map(|(i, (input, step))| {
                at = if i == 0 { *step } else { at.saturating_add(*step) };
                (input, at as f64 / 1000.0)
            })
            .collect())
    }

    /// How many inputs the log holds.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether the log holds no input.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Engine, Options};

    #[test]
    fn round_trips_every_kind_of_input() {
        let mut e = Engine::new("héllo wörld", Options::default()).unwrap();
        let inputs = [
            (Input::Char('h'), 1000.25),
            (Input::Char('x'), 1100.0),
            (Input::Backspace, 1180.5),
            (Input::Compose("é".into()), 1300.0),
            (Input::Char('l'), 1400.0),
            (Input::DeleteWord, 1500.0),
        ];
        for (i, at) in &inputs {
            e.apply(i.clone(), *at).unwrap();
        }
        let log = KeyLog::encode(e.log());
        let json = serde_json::to_string(&log).unwrap();
        let back: KeyLog = serde_json::from_str(&json).unwrap();
        let decoded = back.decode().unwrap();
        assert_eq!(decoded.len(), e.log().len());
        for ((input, at), k) in decoded.iter().zip(e.log()) {
            assert_eq!(input, &k.input);
            assert!((at - k.at).abs() < 0.001);
        }
    }

    #[test]
    fn malformed_logs_are_refused() {
        let bad = |keys: &str, steps: Vec<i64>| KeyLog { keys: keys.into(), steps }.decode().unwrap_err();
        assert_eq!(bad("ab", vec![1]), KeyLogError::LengthMismatch { inputs: 2, steps: 1 });
        assert_eq!(bad("\u{1}é", vec![1]), KeyLogError::UnterminatedCompose);
        assert_eq!(bad("\u{1}\u{2}", vec![1]), KeyLogError::EmptyCompose);
        assert_eq!(bad("\u{7}", vec![1]), KeyLogError::UnknownControl(7));
    }
}
