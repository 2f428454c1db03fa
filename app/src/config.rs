//! What a test is: the choice of test (mode, length, punctuation, numbers), the error mode and the
//! language, and the text it generates.

use klava_core::lessons::{parse_lines, words_for};
use klava_core::rng::Rng;
use klava_core::settings::{TestChoice, TestMode};
use klava_core::textgen::{self, TextOptions};
use klava_core::{ErrorMode, Options};

/// Words generated up front in a time test; more are appended as the learner nears the end.
pub const TIME_MODE_CHUNK: usize = 50;

/// A test's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TestConfig {
    pub choice: TestChoice,
    pub error_mode: ErrorMode,
    /// The language of the words (from the layout's language).
    pub language: &'static str,
    /// Accept "е" for "ё" (Russian only).
    pub yo_as_ye: bool,
}

impl TestConfig {
    /// The engine options for this test.
    pub fn options(&self) -> Options {
        let time_limit_ms = match self.choice.mode {
            TestMode::Time(s) => Some(f64::from(s) * 1000.0),
            TestMode::Words(_) => None,
        };
        // Russian print often drops the diaeresis, and so do learners: ё may be typed as е (a setting).
        Options { error_mode: self.error_mode, yo_as_ye: self.yo_as_ye && self.language == "ru", time_limit_ms }
    }

    /// The engine options for a lesson or practice: these settings, never a time limit.
    pub fn exercise_options(&self) -> Options {
        Options { time_limit_ms: None, ..self.options() }
    }

    /// How many words the test starts with.
    pub fn initial_words(&self) -> usize {
        match self.choice.mode {
            TestMode::Words(n) => n as usize,
            TestMode::Time(_) => TIME_MODE_CHUNK,
        }
    }

    /// Whether the test ends on time.
    pub fn is_timed(&self) -> bool {
        matches!(self.choice.mode, TestMode::Time(_))
    }

    /// `count` words of practice text from the language's frequency list.
    pub fn text(&self, count: usize, rng: &mut Rng) -> String {
        let list = parse_lines(words_for(self.language).0);
        let options = TextOptions { punctuation: self.choice.punctuation, numbers: self.choice.numbers };
        textgen::words(&list, count, options, rng).join(" ")
    }
}

/// A random seed from the browser's crypto source (randomness belongs to the app, never to core).
pub fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    if let Ok(crypto) = leptos::prelude::window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    u64::from_le_bytes(bytes)
}
