//! The values of settings that are more than a flag: input mode, theme, font, language, the ranged
//! numbers (target speed, text size) and the daily goal. Ranged values refuse what is out of range when
//! read, so a bad stored value never reaches the app.

use serde::{Deserialize, Serialize};

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
    /// The accuracy (%) a lesson needs to pass.
    PassAccuracy, 80, 100, 95
);
bounded!(
    /// The daily reminder's local time, in minutes after midnight (19:00 unless chosen).
    ReminderTime, 0, 1439, 19 * 60
);
bounded!(
    /// The typing text's size in CSS pixels.
    FontSize, 14, 48, 26
);

impl ReminderTime {
    /// Of `HH:MM` (what a time input gives; seconds after it are dropped).
    pub fn from_clock(value: &str) -> Option<Self> {
        let (h, m) = value.trim().split_once(':')?;
        let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
        (h < 24 && m < 60).then(|| Self(h * 60 + m))
    }

    /// As `HH:MM`.
    pub fn clock(self) -> String {
        format!("{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

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

impl DailyGoal {
    /// The range of a goal in minutes.
    pub const MINUTES: (u32, u32) = (1, 240);
    /// The range of a goal in XP.
    pub const XP: (u32, u32) = (10, 2000);
    /// XP a minute of steady practice earns, roughly (30 WPM at 95 %): what a change of unit converts by.
    const XP_A_MINUTE: u32 = 20;

    /// About the same goal counted the other way, in range.
    pub fn in_other_unit(self) -> Self {
        match self {
            Self::Minutes(m) => Self::Xp((m * Self::XP_A_MINUTE).clamp(Self::XP.0, Self::XP.1)),
            Self::Xp(x) => Self::Minutes((x / Self::XP_A_MINUTE).clamp(Self::MINUTES.0, Self::MINUTES.1)),
        }
    }
}

impl TryFrom<DailyGoalRaw> for DailyGoal {
    type Error = &'static str;
    fn try_from(r: DailyGoalRaw) -> Result<Self, Self::Error> {
        let within = |v: u32, (lo, hi): (u32, u32)| (lo..=hi).contains(&v);
        match r {
            DailyGoalRaw::Minutes(m) if within(m, Self::MINUTES) => Ok(Self::Minutes(m)),
            DailyGoalRaw::Xp(x) if within(x, Self::XP) => Ok(Self::Xp(x)),
            _ => Err("a daily goal out of range"),
        }
    }
}

impl Default for DailyGoal {
    fn default() -> Self {
        Self::Minutes(10)
    }
}
