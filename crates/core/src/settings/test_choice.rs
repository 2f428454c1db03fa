//! The test that changes the text — words or time, the length, punctuation and numbers — and its form in
//! a link (`/test?mode=words&n=25&punctuation=1`).

use serde::{Deserialize, Serialize};

/// Words tests offered: how many words.
pub const WORD_COUNTS: [u32; 4] = [10, 25, 50, 100];
/// Time tests offered: how many seconds.
pub const TIME_LIMITS: [u32; 4] = [15, 30, 60, 120];

/// Words or time, with the amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TestMode {
    Words(u32),
    Time(u32),
}

impl TestMode {
    /// Whether this is a test Klava offers (a length from [`WORD_COUNTS`] or [`TIME_LIMITS`]).
    pub fn is_offered(self) -> bool {
        match self {
            Self::Words(n) => WORD_COUNTS.contains(&n),
            Self::Time(s) => TIME_LIMITS.contains(&s),
        }
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
    /// Reads a query string's pairs (`mode`, `n`, `punctuation`, `numbers`); `None` when they do not name
    /// a test Klava offers, or say nothing about one. Unknown pairs are ignored.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<Self> {
        let (mut mode, mut n, mut punctuation, mut numbers) = (None, None, false, false);
        for (k, v) in pairs {
            match k {
                "mode" => mode = Some(v),
                "n" => n = v.parse::<u32>().ok(),
                "punctuation" => punctuation = v == "1" || v == "true",
                "numbers" => numbers = v == "1" || v == "true",
                _ => {}
            }
        }
        let mode = match (mode?, n) {
            ("words", n) => TestMode::Words(n.unwrap_or(25)),
            ("time", n) => TestMode::Time(n.unwrap_or(30)),
            _ => return None,
        };
        mode.is_offered().then_some(Self { mode, punctuation, numbers })
    }

    /// The query string that names this test (without `?`), read back by [`TestChoice::from_query`].
    pub fn to_query(&self) -> String {
        let (mode, n) = match self.mode {
            TestMode::Words(n) => ("words", n),
            TestMode::Time(s) => ("time", s),
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
