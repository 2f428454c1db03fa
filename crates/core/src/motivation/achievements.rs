//! Achievements: what they are, and the rule of each (checked by [`super::fold`] after every session,
//! in order, so each is earned on the day it first held).

use serde::{Deserialize, Serialize};

/// An achievement. `key()` names it in the interface's messages and in tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Achievement {
    FirstSession,
    FirstLesson,
    TenLessons,
    FiftyLessons,
    ThreeStars,
    FirstPractice,
    FirstQuote,
    FirstZen,
    FirstCustom,
    FirstDictation,
    SecondLayout,
    Speed20,
    Speed40,
    Speed60,
    Speed80,
    Speed100,
    Speed120,
    Perfect,
    Marathon,
    Hour,
    TenHours,
    HundredSessions,
    Streak7,
    Streak30,
    Streak100,
    FirstGoal,
    Goal7,
    NightOwl,
    EarlyBird,
}

impl Achievement {
    /// Every achievement, in the order the interface lists them.
    pub const ALL: [Achievement; 29] = [
        Self::FirstSession,
        Self::FirstLesson,
        Self::TenLessons,
        Self::FiftyLessons,
        Self::ThreeStars,
        Self::FirstPractice,
        Self::FirstQuote,
        Self::FirstZen,
        Self::FirstCustom,
        Self::FirstDictation,
        Self::SecondLayout,
        Self::Speed20,
        Self::Speed40,
        Self::Speed60,
        Self::Speed80,
        Self::Speed100,
        Self::Speed120,
        Self::Perfect,
        Self::Marathon,
        Self::Hour,
        Self::TenHours,
        Self::HundredSessions,
        Self::Streak7,
        Self::Streak30,
        Self::Streak100,
        Self::FirstGoal,
        Self::Goal7,
        Self::NightOwl,
        Self::EarlyBird,
    ];

    /// Its stable name.
    pub fn key(self) -> &'static str {
        match self {
            Self::FirstSession => "first_session",
            Self::FirstLesson => "first_lesson",
            Self::TenLessons => "ten_lessons",
            Self::FiftyLessons => "fifty_lessons",
            Self::ThreeStars => "three_stars",
            Self::FirstPractice => "first_practice",
            Self::FirstQuote => "first_quote",
            Self::FirstZen => "first_zen",
            Self::FirstCustom => "first_custom",
            Self::FirstDictation => "first_dictation",
            Self::SecondLayout => "second_layout",
            Self::Speed20 => "speed_20",
            Self::Speed40 => "speed_40",
            Self::Speed60 => "speed_60",
            Self::Speed80 => "speed_80",
            Self::Speed100 => "speed_100",
            Self::Speed120 => "speed_120",
            Self::Perfect => "perfect",
            Self::Marathon => "marathon",
            Self::Hour => "hour",
            Self::TenHours => "ten_hours",
            Self::HundredSessions => "hundred_sessions",
            Self::Streak7 => "streak_7",
            Self::Streak30 => "streak_30",
            Self::Streak100 => "streak_100",
            Self::FirstGoal => "first_goal",
            Self::Goal7 => "goal_7",
            Self::NightOwl => "night_owl",
            Self::EarlyBird => "early_bird",
        }
    }

    /// Its icon: a symbol that common text fonts have (no colour emoji, which many systems lack).
    pub fn icon(self) -> &'static str {
        match self {
            Self::FirstSession => "⌨",
            Self::FirstLesson | Self::TenLessons | Self::FiftyLessons => "✦",
            Self::ThreeStars => "★",
            Self::FirstPractice => "◆",
            Self::FirstQuote => "❝",
            Self::FirstZen => "☯",
            Self::FirstCustom => "✎",
            Self::FirstDictation => "♪",
            Self::SecondLayout => "⇄",
            Self::Speed20 | Self::Speed40 | Self::Speed60 | Self::Speed80 | Self::Speed100 | Self::Speed120 => "⚡",
            Self::Perfect => "◎",
            Self::Marathon | Self::Hour | Self::TenHours => "◷",
            Self::HundredSessions => "Ⅽ",
            Self::Streak7 | Self::Streak30 | Self::Streak100 => "✹",
            Self::FirstGoal | Self::Goal7 => "✔",
            Self::NightOwl => "☾",
            Self::EarlyBird => "☼",
        }
    }

    /// The speed milestones: net WPM in a test (words, time or quote) at 90 % accuracy or better.
    pub const SPEEDS: [(Achievement, f64); 6] = [
        (Self::Speed20, 20.0),
        (Self::Speed40, 40.0),
        (Self::Speed60, 60.0),
        (Self::Speed80, 80.0),
        (Self::Speed100, 100.0),
        (Self::Speed120, 120.0),
    ];

    /// The streak milestones, in days of practice.
    pub const STREAKS: [(Achievement, u32); 3] = [(Self::Streak7, 7), (Self::Streak30, 30), (Self::Streak100, 100)];
}
