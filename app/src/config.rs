//! What a test is: its mode (words or time), text options and error mode, and the text it generates.

use klava_core::lessons::{parse_lines, words_for};
use klava_core::rng::Rng;
use klava_core::textgen::{self, TextOptions};
use klava_core::{ErrorMode, Options};
use serde::{Deserialize, Serialize};

/// Words tests: how many words.
pub const WORD_COUNTS: [usize; 4] = [10, 25, 50, 100];
/// Time tests: how many seconds.
pub const TIME_LIMITS: [u32; 4] = [15, 30, 60, 120];
/// Words generated up front in a time test; more are appended as the learner nears the end.
pub const TIME_MODE_CHUNK: usize = 50;

/// Words or time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TestMode {
    Words(usize),
    Time(u32),
}

/// A test's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TestConfig {
    pub mode: TestMode,
    pub punctuation: bool,
    pub numbers: bool,
    pub error_mode: ErrorMode,
    /// The language of the words (from the layout's language).
    pub language: &'static str,
}

impl Default for TestConfig {
    fn default() -> Self {
        Self {
            mode: TestMode::Words(25),
            punctuation: false,
            numbers: false,
            error_mode: ErrorMode::Free,
            language: "en",
        }
    }
}

/// LocalStorage key of the test settings.
pub const STORE_KEY: &str = "klava.test";

/// The test settings as stored (the language follows the layout and is not stored).
#[derive(Serialize, Deserialize)]
pub struct StoredTest {
    pub mode: TestMode,
    pub punctuation: bool,
    pub numbers: bool,
    pub error_mode: ErrorMode,
}

impl From<&TestConfig> for StoredTest {
    fn from(c: &TestConfig) -> Self {
        Self { mode: c.mode, punctuation: c.punctuation, numbers: c.numbers, error_mode: c.error_mode }
    }
}

impl TestConfig {
    /// These settings with the stored ones applied, when a stored value names a test we offer.
    pub fn with_stored(self, s: StoredTest) -> Self {
        let offered = match s.mode {
            TestMode::Words(n) => WORD_COUNTS.contains(&n),
            TestMode::Time(t) => TIME_LIMITS.contains(&t),
        };
        let mode = if offered { s.mode } else { self.mode };
        Self { mode, punctuation: s.punctuation, numbers: s.numbers, error_mode: s.error_mode, ..self }
    }

    /// The engine options for this test.
    pub fn options(&self) -> Options {
        let time_limit_ms = match self.mode {
            TestMode::Time(s) => Some(f64::from(s) * 1000.0),
            TestMode::Words(_) => None,
        };
        // Russian print often drops the diaeresis, and so do learners: ё may be typed as е.
        Options { error_mode: self.error_mode, yo_as_ye: self.language == "ru", time_limit_ms }
    }

    /// How many words the test starts with.
    pub fn initial_words(&self) -> usize {
        match self.mode {
            TestMode::Words(n) => n,
            TestMode::Time(_) => TIME_MODE_CHUNK,
        }
    }

    /// `count` words of practice text from the language's frequency list.
    pub fn text(&self, count: usize, rng: &mut Rng) -> String {
        let list = parse_lines(words_for(self.language).0);
        let options = TextOptions { punctuation: self.punctuation, numbers: self.numbers };
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
