//! What a test is: the choice of test (mode, length, punctuation, numbers), the error mode and the
//! language, the texts it draws from (word lists and quotes, fetched; the learner's own text), and the
//! text it makes of them.

use std::sync::Arc;

use klava_core::custom::CustomError;
use klava_core::quotes::{Quote, pick};
use klava_core::rng::Rng;
use klava_core::settings::{TestChoice, TestMode};
use klava_core::text::fit;
use klava_core::textgen::{self, Marks, TextOptions};
use klava_core::{ErrorMode, Options};

use crate::words::WordsError;

/// Words generated up front in a time test; more are appended as the learner nears the end.
pub const TIME_MODE_CHUNK: usize = 50;

/// Data a test draws from (a word list, quotes): here, on its way, or not to be had.
#[derive(Clone, Debug)]
pub enum Fetched<T> {
    Ready(Arc<T>),
    Loading,
    Failed(WordsError),
}

impl<T> PartialEq for Fetched<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Ready(a), Self::Ready(b)) => Arc::ptr_eq(a, b),
            (Self::Loading, Self::Loading) => true,
            (Self::Failed(a), Self::Failed(b)) => a == b,
            _ => false,
        }
    }
}

impl<T> Fetched<T> {
    /// `Ready` with what is in memory, else `Loading`.
    pub fn from_memory(held: Option<Arc<T>>) -> Self {
        held.map_or(Self::Loading, Self::Ready)
    }
}

/// What a test needs that is not there yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Missing {
    /// A word list or the quotes, still coming or failed.
    Data(Option<WordsError>),
    /// The language has no quotes of that length (or none at all).
    NoQuotes,
    /// The learner's text cannot be typed as it is.
    Custom(CustomError),
}

/// A test's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct TestConfig {
    pub choice: TestChoice,
    pub error_mode: ErrorMode,
    /// The layout's language: the words are in it.
    pub language: String,
    /// The language's quotation marks and dash, where the layout has them.
    pub marks: Marks,
    pub words: Fetched<Vec<String>>,
    /// The language's quotes (asked for in quote mode only).
    pub quotes: Fetched<Vec<Quote>>,
    /// The learner's text made ready for the layout (custom mode only).
    pub custom: Option<Result<String, CustomError>>,
    /// Accept "е" for "ё" (Russian only).
    pub yo_as_ye: bool,
}

/// A text to type: what it says, how the engine takes it, and the quote it is.
pub struct Made {
    pub text: String,
    pub options: Options,
    pub quote: Option<Quote>,
}

impl TestConfig {
    /// The engine options for this test.
    pub fn options(&self) -> Options {
        let time_limit_ms = match self.choice.mode {
            TestMode::Time(s) => Some(f64::from(s) * 1000.0),
            _ => None,
        };
        // Russian print often drops the diaeresis, and so do learners: ё may be typed as е (a setting).
        let yo_as_ye = self.yo_as_ye && self.language == "ru";
        Options { error_mode: self.error_mode, yo_as_ye, time_limit_ms, zen: self.choice.mode == TestMode::Zen }
    }

    /// The engine options for a lesson or practice: these settings, never a time limit.
    pub fn exercise_options(&self) -> Options {
        Options { time_limit_ms: None, zen: false, ..self.options() }
    }

    /// Whether the test ends on time.
    pub fn is_timed(&self) -> bool {
        matches!(self.choice.mode, TestMode::Time(_))
    }

    /// What the chosen test still needs, if anything.
    pub fn missing(&self) -> Option<Missing> {
        let fetched = |state: bool, failed: Option<&WordsError>| (!state).then(|| Missing::Data(failed.cloned()));
        match self.choice.mode {
            TestMode::Words(_) | TestMode::Time(_) => match &self.words {
                Fetched::Ready(_) => None,
                Fetched::Loading => fetched(false, None),
                Fetched::Failed(e) => fetched(false, Some(e)),
            },
            TestMode::Quote(length) => match &self.quotes {
                Fetched::Ready(q) => (!q.iter().any(|q| q.length() == length)).then_some(Missing::NoQuotes),
                Fetched::Failed(WordsError::NoList(_)) => Some(Missing::NoQuotes),
                Fetched::Loading => fetched(false, None),
                Fetched::Failed(e) => fetched(false, Some(e)),
            },
            TestMode::Custom => match &self.custom {
                Some(Ok(_)) => None,
                Some(Err(e)) => Some(Missing::Custom(e.clone())),
                None => Some(Missing::Custom(CustomError::Empty)),
            },
            TestMode::Zen => None,
        }
    }

    /// The chosen test's text (capitals and marks only where `typable`, the layout, has them), not the
    /// quote typed last when there is another; `None` while something is [`missing`](Self::missing).
    pub fn make(&self, typable: impl Fn(char) -> bool, last_quote: Option<u32>, rng: &mut Rng) -> Option<Made> {
        let options = self.options();
        let (text, quote) = match self.choice.mode {
            TestMode::Words(n) => (self.words(n as usize, typable, rng)?, None),
            TestMode::Time(_) => (self.words(TIME_MODE_CHUNK, typable, rng)?, None),
            TestMode::Quote(length) => {
                let Fetched::Ready(quotes) = &self.quotes else { return None };
                let quote = pick(quotes, length, last_quote, rng)?;
                (fit(&quote.text, typable), Some(quote.clone()))
            }
            TestMode::Custom => (self.custom.clone()?.ok()?, None),
            TestMode::Zen => (String::new(), None),
        };
        Some(Made { text, options, quote })
    }

    /// `count` words from the language's frequency list, with punctuation and numbers as chosen.
    pub fn words(&self, count: usize, typable: impl Fn(char) -> bool, rng: &mut Rng) -> Option<String> {
        let Fetched::Ready(list) = &self.words else { return None };
        let list: Vec<&str> = list.iter().map(String::as_str).collect();
        let options =
            TextOptions { punctuation: self.choice.punctuation, numbers: self.choice.numbers, marks: self.marks };
        Some(textgen::words(&list, count, options, typable, rng).join(" "))
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
