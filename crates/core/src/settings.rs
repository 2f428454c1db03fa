//! The learner's settings: typed values with defaults, each stored under its own key.
//!
//! Every setting is its own key in the record log (a settings record per change, last writer wins by
//! hybrid logical clock, DESIGN.md §3), so a theme changed on one device and a layout changed on another
//! both survive a merge. Reading is per key: a value that is malformed, out of range or unknown to this
//! version (an old build, an import, another device) is refused with a [`SettingError`] and that one
//! setting keeps its default, while the rest still load.
//!
//! Records written before settings were split (`keyboard` and `test`, whole objects) are read through
//! [`expand_legacy`].

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::engine::ErrorMode;
pub use crate::layout::heat::Heatmap;
use crate::record::Setting;

/// Words tests offered: how many words.
pub const WORD_COUNTS: [u32; 4] = [10, 25, 50, 100];
/// Time tests offered: how many seconds.
pub const TIME_LIMITS: [u32; 4] = [15, 30, 60, 120];

/// Where typed characters come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum InputMode {
    /// The character the OS layout produced (`KeyboardEvent.key`).
    #[default]
    Os,
    /// The physical key (`KeyboardEvent.code`) mapped through the chosen layout.
    Emulate,
}

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Light or dark as the system prefers (`prefers-color-scheme`).
    #[default]
    System,
    Light,
    Dark,
    /// Black and white with AAA contrast.
    HighContrast,
}

/// The typing font.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypingFont {
    /// A monospace font made for reading code (JetBrains Mono).
    #[default]
    Mono,
    /// A font designed for beginning readers and dyslexic learners (Andika).
    Readable,
    /// The system's own monospace font (nothing downloaded).
    System,
}

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UiLanguage {
    /// The browser's preferred language when it is one Klava speaks, else English.
    #[default]
    Auto,
    En,
    Ru,
}

impl UiLanguage {
    /// The language for a BCP 47 tag (`ru-RU` → Russian); `None` for a language Klava does not speak.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "ru" => Some(Self::Ru),
            _ => None,
        }
    }

    /// The language to show: a chosen one, or the first of the browser's `preferred` tags Klava speaks,
    /// else English. Never `Auto`.
    pub fn resolve<'a>(self, preferred: impl IntoIterator<Item = &'a str>) -> Self {
        match self {
            Self::Auto => preferred.into_iter().find_map(Self::from_tag).unwrap_or(Self::En),
            chosen => chosen,
        }
    }

    /// The BCP 47 code (`en`, `ru`); `Auto` has none.
    pub fn code(self) -> Option<&'static str> {
        match self {
            Self::Auto => None,
            Self::En => Some("en"),
            Self::Ru => Some("ru"),
        }
    }
}

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

/// A number within a range, refused when outside it.
macro_rules! bounded {
    ($(#[$doc:meta])* $name:ident, $min:expr, $max:expr, $default:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "u32", into = "u32")]
        pub struct $name(u32);

        impl $name {
            /// The smallest value accepted.
            pub const MIN: u32 = $min;
            /// The largest value accepted.
            pub const MAX: u32 = $max;

            /// The value, when it is in range.
            pub fn new(v: u32) -> Option<Self> {
                (Self::MIN..=Self::MAX).contains(&v).then_some(Self(v))
            }

            /// The value.
            pub fn get(self) -> u32 {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self($default)
            }
        }

        impl TryFrom<u32> for $name {
            type Error = &'static str;
            fn try_from(v: u32) -> Result<Self, Self::Error> {
                Self::new(v).ok_or("out of range")
            }
        }

        impl From<$name> for u32 {
            fn from(v: $name) -> u32 {
                v.0
            }
        }
    };
}

bounded!(
    /// The speed a learner aims for, in WPM (lessons and the speed heatmap measure against it).
    TargetWpm, 10, 250, 40
);
bounded!(
    /// The typing text's size in CSS pixels.
    FontSize, 14, 48, 26
);

/// What the daily goal counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DailyGoalRaw")]
pub enum DailyGoal {
    /// Minutes of practice a day (1–240).
    Minutes(u32),
    /// Experience points a day (10–2000).
    Xp(u32),
}

#[derive(Deserialize)]
enum DailyGoalRaw {
    Minutes(u32),
    Xp(u32),
}

impl TryFrom<DailyGoalRaw> for DailyGoal {
    type Error = &'static str;
    fn try_from(r: DailyGoalRaw) -> Result<Self, Self::Error> {
        match r {
            DailyGoalRaw::Minutes(m) if (1..=240).contains(&m) => Ok(Self::Minutes(m)),
            DailyGoalRaw::Xp(x) if (10..=2000).contains(&x) => Ok(Self::Xp(x)),
            _ => Err("a daily goal out of range"),
        }
    }
}

impl Default for DailyGoal {
    fn default() -> Self {
        Self::Minutes(10)
    }
}

/// Why a stored setting was not applied. The app logs it; the setting keeps its previous value.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SettingError {
    /// A key this version does not know (a newer version's setting, or a typo in an import).
    #[error("unknown setting {0:?}")]
    UnknownKey(String),
    /// The value does not read as this setting's type, or is out of its range.
    #[error("setting {key:?} has an unusable value: {detail}")]
    BadValue { key: String, detail: String },
}

/// Declares [`Settings`] from one table: field, type, key and default, so a setting cannot be added to
/// the struct and forgotten in reading or writing.
macro_rules! settings {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty = $default:expr, $key:literal; )*) => {
        /// Every setting, typed. Defaults are what a first visit gets.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Settings {
            $( $(#[$doc])* pub $field: $ty, )*
        }

        impl Default for Settings {
            fn default() -> Self {
                Self { $( $field: $default, )* }
            }
        }

        impl Settings {
            /// Every key, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$($key),*];

            /// Sets `key` from its JSON text.
            ///
            /// # Errors
            /// [`SettingError`] when the key is unknown or the value unusable; nothing changes then.
            pub fn set(&mut self, key: &str, json: &str) -> Result<(), SettingError> {
                let bad = |e: serde_json::Error| SettingError::BadValue { key: key.to_owned(), detail: e.to_string() };
                match key {
                    $( $key => self.$field = serde_json::from_str(json).map_err(bad)?, )*
                    _ => return Err(SettingError::UnknownKey(key.to_owned())),
                }
                Ok(())
            }

            /// Every setting as (key, JSON text), in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, String)> {
                vec![$( ($key, serde_json::to_string(&self.$field).expect("settings serialize")), )*]
            }
        }
    };
}

settings! {
    /// The keyboard layout's id in the catalog (the app falls back to the first layout for an id it lacks).
    layout: String = "us".to_owned(), "layout";
    input: InputMode = InputMode::Os, "input_mode";
    show_keyboard: bool = true, "show_keyboard";
    finger_colours: bool = true, "finger_colours";
    heatmap: Heatmap = Heatmap::Off, "heatmap";
    /// The test the test page opens with (a link can name another).
    test: TestChoice = TestChoice::default(), "test";
    error_mode: ErrorMode = ErrorMode::Free, "error_mode";
    target_wpm: TargetWpm = TargetWpm::default(), "target_wpm";
    daily_goal: DailyGoal = DailyGoal::default(), "daily_goal";
    theme: Theme = Theme::System, "theme";
    font: TypingFont = TypingFont::Mono, "font";
    font_size: FontSize = FontSize::default(), "font_size";
    /// A soft click on every key.
    key_sound: bool = false, "key_sound";
    /// A low tone on a wrong key.
    error_sound: bool = false, "error_sound";
    /// Caret and page animations off (the system's `prefers-reduced-motion` turns them off too).
    reduce_motion: bool = false, "reduce_motion";
    language: UiLanguage = UiLanguage::Auto, "language";
    /// Accept "е" typed for "ё" in Russian text.
    yo_as_ye: bool = true, "yo_as_ye";
    /// Announce the next word and each error through a live region, for screen-reader users.
    screen_reader: bool = false, "screen_reader";
}

impl Settings {
    /// The (key, JSON) entries where `other` differs from `self`: what a change needs to record.
    pub fn changes_to(&self, other: &Settings) -> Vec<(&'static str, String)> {
        self.entries().into_iter().zip(other.entries()).filter(|(a, b)| a.1 != b.1).map(|(_, b)| b).collect()
    }

    /// Applies (key, JSON) entries in order, legacy keys expanded; returns the problems with those that
    /// could not be applied (each leaves its setting as it was).
    pub fn apply_all<'a>(&mut self, entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<SettingError> {
        let mut problems = Vec::new();
        for (key, json) in entries {
            for (k, v) in expand_legacy(key, json) {
                if let Err(e) = self.set(&k, &v) {
                    problems.push(e);
                }
            }
        }
        problems
    }

    /// The settings a log says, over `base` for keys it never set: its settings records applied oldest
    /// clock first, so the newest writer of each key wins whatever order they arrived in.
    pub fn from_log<'a>(base: &Settings, log: impl IntoIterator<Item = &'a Setting>) -> (Settings, Vec<SettingError>) {
        let mut records: Vec<&Setting> = log.into_iter().collect();
        records.sort_by(|a, b| a.hlc.cmp(&b.hlc));
        let mut s = base.clone();
        let problems = s.apply_all(records.iter().map(|r| (r.key.as_str(), r.value.as_str())));
        (s, problems)
    }

    /// Keys the log has a value for (legacy keys expanded).
    pub fn logged_keys<'a>(log: impl IntoIterator<Item = &'a Setting>) -> Vec<String> {
        let mut keys: Vec<String> =
            log.into_iter().flat_map(|r| expand_legacy(&r.key, &r.value)).map(|(k, _)| k).collect();
        keys.sort();
        keys.dedup();
        keys
    }
}

/// Splits a setting recorded before settings were one key each (`keyboard`, `test`) into today's keys;
/// any other key comes back as it is. A legacy field that is missing is left out, so the others still
/// apply; a legacy value that is not an object comes back whole, to be refused (and reported) by
/// [`Settings::set`].
pub fn expand_legacy(key: &str, json: &str) -> Vec<(String, String)> {
    let renames: &[(&str, &str)] = match key {
        "keyboard" => &[
            ("layout", "layout"),
            ("input", "input_mode"),
            ("show_keyboard", "show_keyboard"),
            ("finger_colours", "finger_colours"),
            ("heatmap", "heatmap"),
        ],
        // The old `test` object also held the error mode; today's `test` reads the rest of it as it is.
        "test" => &[("error_mode", "error_mode")],
        _ => return vec![(key.to_owned(), json.to_owned())],
    };
    let Ok(map) = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(json) else {
        return vec![(key.to_owned(), json.to_owned())];
    };
    let mut out: Vec<(String, String)> =
        renames.iter().filter_map(|(old, new)| Some(((*new).to_owned(), map.get(*old)?.to_string()))).collect();
    if key == "test" {
        out.push((key.to_owned(), json.to_owned()));
    }
    out
}

#[cfg(test)]
mod tests;
