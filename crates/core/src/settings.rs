//! The learner's settings: typed values with defaults, each stored under its own key.
//!
//! Every setting is its own key in the record log (a settings record per change, last writer wins by
//! hybrid logical clock, docs/ARCHITECTURE.md), so a theme changed on one device and a layout changed on another
//! both survive a merge. Reading is per key: a value that is malformed, out of range or unknown to this
//! version (an old build, an import, another device) is refused with a [`SettingError`] and that one
//! setting keeps its default, while the rest still load.
//!
//! Records written before settings were split (`keyboard` and `test`, whole objects) are read through
//! [`expand_legacy`].

use thiserror::Error;

use crate::engine::ErrorMode;
pub use crate::layout::heat::Heatmap;
use crate::record::Setting;

mod test_choice;
mod values;

pub use test_choice::{TIME_LIMITS, TestChoice, TestMode, WORD_COUNTS};
pub use values::{
    DailyGoal, FontSize, InputMode, PassAccuracy, ReminderTime, TargetWpm, Theme, TypingFont, UiLanguage,
};

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
    pass_accuracy: PassAccuracy = PassAccuracy::default(), "pass_accuracy";
    daily_goal: DailyGoal = DailyGoal::default(), "daily_goal";
    /// Opt-in: while the app is open after `reminder_at`, a note says the daily goal is not met yet.
    reminder: bool = false, "reminder";
    /// The daily reminder's local time (the note's, and the calendar file's).
    reminder_at: ReminderTime = ReminderTime::default(), "reminder_at";
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
