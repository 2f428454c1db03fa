//! Figures computed from a session: pure functions of the engine's final state and raw log.
//!
//! Definitions follow Monkeytype's published ones, so learners see the numbers they know:
//! - net WPM counts the characters of correctly typed words plus the spaces after them;
//! - raw WPM counts every typed character: correct, incorrect, extra, and spaces;
//! - accuracy is correct keystrokes over all typed keystrokes, fixed errors included;
//! - consistency is the kogasa score of the per-second raw speeds ([`formulas::consistency`]).
//!
//! The clock runs from the first counted keystroke to the end (completion, time limit or quit; the last
//! keystroke while a session is still running). All functions are O(keystrokes + characters).

pub mod formulas;
pub mod per_second;

use serde::{Deserialize, Serialize};

use crate::engine::{EndReason, Engine, KeyKind, Millis, grapheme_matches, word_matches};
pub use formulas::{accuracy, consistency, wpm};
pub use per_second::{Second, per_second};

/// Characters of the final text, by kind (Monkeytype's "characters" breakdown plus spaces).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharCounts {
    /// Graphemes typed right, in any word.
    pub correct: usize,
    /// Graphemes typed wrong at a position of their word.
    pub incorrect: usize,
    /// Graphemes typed past the end of their word.
    pub extra: usize,
    /// Graphemes skipped by pressing Space early.
    pub missed: usize,
    /// Spaces that moved on to the next word (the one that ends a session is not counted).
    pub spaces: usize,
    /// Spaces after correctly typed words.
    pub correct_spaces: usize,
    /// Graphemes of correctly typed words (and of a correct unfinished last word).
    pub correct_word_chars: usize,
}

/// The headline figures of a session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Net speed; `None` when no time has passed.
    pub wpm: Option<f64>,
    /// Raw speed; `None` when no time has passed.
    pub raw_wpm: Option<f64>,
    /// Percent of typed keystrokes that were right; `None` before any.
    pub accuracy: Option<f64>,
    /// Evenness of the per-second raw speed, 0–100; `None` before a speed exists.
    pub consistency: Option<f64>,
    /// Time on the clock.
    pub duration_ms: Millis,
    /// The final text's characters by kind.
    pub chars: CharCounts,
    /// Typed keystrokes (characters and spaces; not Backspace, not ignored ones).
    pub keystrokes: usize,
    /// Typed keystrokes that were wrong (incorrect or extra), fixed ones included.
    pub errors: usize,
}

impl From<&Engine> for Summary {
    fn from(engine: &Engine) -> Self {
        let duration_ms = duration_ms(engine);
        let chars = char_counts(engine);
        let typed = engine.log().iter().filter(|k| k.kind.is_typed());
        let (keystrokes, right) = typed.fold((0, 0), |(n, r), k| (n + 1, r + usize::from(k.kind == KeyKind::Correct)));
        let seconds = per_second(engine);
        let raw_series: Vec<f64> = seconds.iter().map(|s| s.raw_wpm).collect();
        Self {
            wpm: wpm(chars.correct_word_chars + chars.correct_spaces, duration_ms),
            raw_wpm: wpm(chars.correct + chars.incorrect + chars.extra + chars.spaces, duration_ms),
            accuracy: accuracy(right, keystrokes),
            consistency: consistency(&raw_series),
            duration_ms,
            chars,
            keystrokes,
            errors: keystrokes - right,
        }
    }
}

/// The figures shown while typing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Live {
    /// Net speed so far, as [`Summary::wpm`].
    pub wpm: Option<f64>,
    /// Accuracy so far, as [`Summary::accuracy`].
    pub accuracy: Option<f64>,
}

/// The live figures, equal to [`Summary`]'s at every point of a session, from the engine's running
/// counts and the current word: O(length of the word), so a long text costs the same per key at its
/// thousandth word as at its first.
pub fn live(engine: &Engine) -> Live {
    let tally = engine.tally();
    let yo = engine.options().yo_as_ye;
    let w = engine.caret().0;
    let (target, typed) = (&engine.words()[w], &engine.typed_words()[w]);
    let current = if matches!(engine.ended(), Some((EndReason::Completed, _))) {
        // As in `char_counts`: a finished last word counts whole when it is right (no space after it).
        if word_matches(target, typed, yo) { target.len() } else { 0 }
    } else if typed.len() <= target.len() && typed.iter().zip(target).all(|(t, g)| grapheme_matches(g, t, yo)) {
        typed.len()
    } else {
        0
    };
    Live { wpm: wpm(tally.net_done + current, duration_ms(engine)), accuracy: accuracy(tally.right, tally.typed) }
}

/// Time on the clock: from the first counted keystroke to the end, or to the last keystroke while the
/// session runs. 0 before the first keystroke.
pub fn duration_ms(engine: &Engine) -> Millis {
    let Some(start) = engine.started_at() else {
        return 0.0;
    };
    let end = match engine.ended() {
        Some((_, at)) => at,
        None => engine.log().last().map_or(start, |k| k.at),
    };
    (end - start).max(0.0)
}

/// Counts the final text's characters (Monkeytype's `countChars`).
pub fn char_counts(engine: &Engine) -> CharCounts {
    let yo = engine.options().yo_as_ye;
    let words = engine.words();
    let typed = engine.typed_words();
    let current = typed.len() - 1;
    let completed = matches!(engine.ended(), Some((EndReason::Completed, _)));
    let mut c = CharCounts::default();
    for (w, typed_w) in typed.iter().enumerate() {
        let target = &words[w];
        for (i, t) in typed_w.iter().enumerate() {
            match target.get(i) {
                Some(g) if grapheme_matches(g, t, yo) => c.correct += 1,
                Some(_) => c.incorrect += 1,
                None => c.extra += 1,
            }
        }
        let word_ok = word_matches(target, typed_w, yo);
        let finished_word = w < current || completed;
        if finished_word {
            c.missed += target.len().saturating_sub(typed_w.len());
            if word_ok {
                c.correct_word_chars += target.len();
            }
        } else if typed_w.iter().zip(target).all(|(t, g)| grapheme_matches(g, t, yo)) && typed_w.len() <= target.len() {
            // An unfinished last word counts while what was typed so far is right.
            c.correct_word_chars += typed_w.len();
        }
        // The Space that ends a session is not counted (Monkeytype's rule): the last word has none.
        if w < current {
            c.spaces += 1;
            c.correct_spaces += usize::from(word_ok);
        }
    }
    c
}
