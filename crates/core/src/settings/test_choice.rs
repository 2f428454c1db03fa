//! The test that changes the text — words, time, a quote, custom text or zen, the length, punctuation and
//! numbers — and its form in a link (`/test?mode=words&n=25&punctuation=1`, `/test?mode=quote&length=long`).

use serde::{Deserialize, Serialize};

use crate::quotes::QuoteLength;

/// Words tests offered: how many words.
pub const WORD_COUNTS: [u32; 4] = [10, 25, 50, 100];
/// Time tests offered: how many seconds.
pub const TIME_LIMITS: [u32; 4] = [15, 30, 60, 120];

/// The kind of test, with its amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TestMode {
    Words(u32),
    Time(u32),
    /// A quote of the language's, of a length group.
    Quote(QuoteLength),
    /// The learner's own text.
    Custom,
    /// No text: type freely until Shift+Enter.
    Zen,
}

impl TestMode {
    /// Whether this is a test Klava offers (a length from [`WORD_COUNTS`] or [`TIME_LIMITS`]).
    pub fn is_offered(self) -> bool {
        match self {
            Self::Words(n) => WORD_COUNTS.contains(&n),
            Self::Time(s) => TIME_LIMITS.contains(&s),
            Self::Quote(_) | Self::Custom | Self::Zen => true,
        }
    }

    /// Whether punctuation and numbers apply (they change generated words, not a given text).
    pub fn generates_words(self) -> bool {
        matches!(self, Self::Words(_) | Self::Time(_))
    }
}

/// The test that changes the text: mode, length, punctuation, numbers. Also what a test link says
/// (`/test?mode=words&n=25&punctuation=1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TestChoiceRaw")]
pub struct TestChoice {
    pub mode: TestMode,
    pub punctuation: bool,
    pub numbers: bool,
}

#[derive(Deserialize)]
struct TestChoiceRaw {
    mode: TestMode,
    punctuation: bool,
    numbers: bool,
}

impl TryFrom<TestChoiceRaw> for TestChoice {
    type Error = &'static str;
    fn try_from(r: TestChoiceRaw) -> Result<Self, Self::Error> {
        if !r.mode.is_offered() {
            return Err("not a test length Klava offers");
        }
        Ok(Self { mode: r.mode, punctuation: r.punctuation, numbers: r.numbers })
    }
}

impl Default for TestChoice {
    fn default() -> Self {
        Self { mode: TestMode::Words(25), punctuation: false, numbers: false }
    }
}

impl TestChoice {
    /// Reads a query string's pairs (`mode`, `n`, `length`, `punctuation`, `numbers`); `None` when they
    /// do not name a test Klava offers, or say nothing about one. Unknown pairs are ignored.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<Self> {
        let (mut mode, mut n, mut length, mut punctuation, mut numbers) = (None, None, None, false, false);
        for (k, v) in pairs {
            match k {
                "mode" => mode = Some(v),
                "n" => n = v.parse::<u32>().ok(),
                "length" => length = Some(QuoteLength::from_name(v)?),
                "punctuation" => punctuation = v == "1" || v == "true",
                "numbers" => numbers = v == "1" || v == "true",
                _ => {}
            }
        }
        let mode = match (mode?, n) {
            ("words", n) => TestMode::Words(n.unwrap_or(25)),
            ("time", n) => TestMode::Time(n.unwrap_or(30)),
            ("quote", _) => TestMode::Quote(length.unwrap_or(QuoteLength::Medium)),
            ("custom", _) => TestMode::Custom,
            ("zen", _) => TestMode::Zen,
            _ => return None,
        };
        mode.is_offered().then_some(Self { mode, punctuation, numbers })
    }

    /// The query string that names this test (without `?`), read back by [`TestChoice::from_query`].
    pub fn to_query(&self) -> String {
        let (mode, n) = match self.mode {
            TestMode::Words(n) => ("words", n),
            TestMode::Time(s) => ("time", s),
            TestMode::Quote(length) => return format!("mode=quote&length={}", length.name()),
            TestMode::Custom => return "mode=custom".to_owned(),
            TestMode::Zen => return "mode=zen".to_owned(),
        };
        let mut q = format!("mode={mode}&n={n}");
        if self.punctuation {
            q.push_str("&punctuation=1");
        }
        if self.numbers {
            q.push_str("&numbers=1");
        }
        q
    }
}
