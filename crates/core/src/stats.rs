//! Figures computed from a session: pure functions of the engine's state and raw log.
//!
//! Conventions (DESIGN.md §4, Monkeytype's published definitions): a "word" is 5 characters, so
//! WPM = characters / 5 / minutes. The clock starts at the first keystroke and stops at the last.

use serde::{Deserialize, Serialize};

use crate::engine::{CharState, Engine, Input, Millis};

/// The headline figures of a session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Net speed from correctly typed characters; `None` when no time has passed.
    pub wpm: Option<f64>,
    /// Speed from every typed character, right or wrong; `None` when no time has passed.
    pub raw_wpm: Option<f64>,
    /// Percent of character keystrokes that were right; `None` before any character was typed.
    pub accuracy: Option<f64>,
    /// Time from the first keystroke to the last.
    pub duration_ms: Millis,
    /// Graphemes that stand correct in the final text.
    pub correct_chars: usize,
    /// Graphemes that stand wrong in the final text.
    pub incorrect_chars: usize,
    /// Every character keystroke, including ones later erased.
    pub char_keystrokes: usize,
    /// Character keystrokes that were wrong when typed (fixed errors included).
    pub errors: usize,
}

impl From<&Engine> for Summary {
    fn from(engine: &Engine) -> Self {
        let log = engine.log();
        let duration_ms = duration_ms(engine);
        let (mut correct_chars, mut incorrect_chars) = (0, 0);
        for i in 0..engine.caret() {
            match engine.state_at(i) {
                CharState::Correct => correct_chars += 1,
                CharState::Wrong => incorrect_chars += 1,
                CharState::Pending => {}
            }
        }
        let char_keystrokes = log
            .iter()
            .filter(|k| matches!(k.input, Input::Char(_)))
            .count();
        let right = log.iter().filter(|k| k.correct).count();
        Self {
            wpm: wpm(correct_chars, duration_ms),
            raw_wpm: wpm(correct_chars + incorrect_chars, duration_ms),
            accuracy: accuracy(right, char_keystrokes),
            duration_ms,
            correct_chars,
            incorrect_chars,
            char_keystrokes,
            errors: char_keystrokes - right,
        }
    }
}

/// Time from the first keystroke to the last, in milliseconds (0 with fewer than two keystrokes).
pub fn duration_ms(engine: &Engine) -> Millis {
    match (engine.log().first(), engine.log().last()) {
        (Some(first), Some(last)) => last.at - first.at,
        _ => 0.0,
    }
}

/// Words per minute for `chars` characters typed in `ms` milliseconds: `chars / 5 / (ms / 60 000)`.
/// `None` when `ms` is not positive (one keystroke, or all at the same instant): a speed over no time
/// is undefined, and showing 0 or infinity would both mislead.
pub fn wpm(chars: usize, ms: Millis) -> Option<f64> {
    (ms > 0.0).then(|| chars as f64 / 5.0 / (ms / 60_000.0))
}

/// Accuracy in percent: `right / total · 100`, where both count character keystrokes and errors that were
/// later fixed with Backspace still count as wrong. `None` when nothing was typed.
pub fn accuracy(right: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| right as f64 / total as f64 * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Types `keys` into `target` at the given times; `\u{8}` stands for Backspace.
    fn session(target: &str, keys: &[(char, f64)]) -> Summary {
        let mut e = Engine::new(target).unwrap();
        for &(c, at) in keys {
            let input = if c == '\u{8}' {
                Input::Backspace
            } else {
                Input::Char(c)
            };
            e.apply(input, at).unwrap();
        }
        Summary::from(&e)
    }

    #[test]
    fn ten_correct_chars_in_six_seconds_is_20_wpm() {
        // 10 chars = 2 words; 6 s = 0.1 min → 20 WPM.
        let keys: Vec<_> = "abcdefghij"
            .chars()
            .enumerate()
            .map(|(i, c)| (c, i as f64 * 6000.0 / 9.0))
            .collect();
        let s = session("abcdefghij", &keys);
        assert!((s.wpm.unwrap() - 20.0).abs() < 1e-9);
        assert_eq!(s.raw_wpm, s.wpm);
        assert_eq!(s.accuracy, Some(100.0));
    }

    #[test]
    fn a_fixed_mistake_costs_accuracy_not_speed() {
        // "cat" typed c, x, ⌫, a, t over 3 s: 4 char keystrokes, 3 right → 75 %; 3 correct chars in 3 s →
        // 3/5/(3/60) = 12 WPM.
        let s = session(
            "cat",
            &[
                ('c', 0.0),
                ('x', 500.0),
                ('\u{8}', 1000.0),
                ('a', 2000.0),
                ('t', 3000.0),
            ],
        );
        assert_eq!(s.accuracy, Some(75.0));
        assert!((s.wpm.unwrap() - 12.0).abs() < 1e-9);
        assert_eq!(
            (
                s.correct_chars,
                s.incorrect_chars,
                s.char_keystrokes,
                s.errors
            ),
            (3, 0, 4, 1)
        );
    }

    #[test]
    fn an_unfixed_mistake_lowers_net_below_raw() {
        // "ёлка" typed "елка" in 1.2 s: raw 4/5/(1.2/60) = 40 WPM, net 3 chars → 30 WPM, accuracy 75 %.
        let s = session(
            "ёлка",
            &[('е', 0.0), ('л', 400.0), ('к', 800.0), ('а', 1200.0)],
        );
        assert!((s.raw_wpm.unwrap() - 40.0).abs() < 1e-9);
        assert!((s.wpm.unwrap() - 30.0).abs() < 1e-9);
        assert_eq!(s.accuracy, Some(75.0));
    }

    #[test]
    fn empty_and_single_keystroke_sessions_have_no_speed() {
        let e = Engine::new("ab").unwrap();
        let s = Summary::from(&e);
        assert_eq!((s.wpm, s.accuracy, s.duration_ms), (None, None, 0.0));
        let s = session("ab", &[('a', 10.0)]);
        assert_eq!((s.wpm, s.accuracy), (None, Some(100.0)));
    }
}
