//! Motivation as the app sees it: `klava_core::motivation` folded from the history with the learner's
//! daily goal, as of today in their calendar, and a toast (said to screen readers too) when a session
//! earns an achievement. (The fold was tried in a lazily loaded module: it took 731 B off the first
//! visit and added a 10.8 KB download on every page, so it stays in the main module.)

use std::collections::BTreeSet;

use klava_core::motivation::{Achievement, Motivation as State, fold, local_day};
use leptos::prelude::*;

use crate::i18n::{I18n, t_string};
use crate::prefs::Prefs;
use crate::progress::{Progress, Status};
use crate::storage::ids;

/// Today's local day (days since 1970-01-01 in the learner's zone now).
pub fn today() -> i64 {
    let now = ids::now_ms();
    local_day(now, ids::utc_offset_min_at(now))
}

/// How long a toast stays.
const TOAST_SECONDS: u64 = 8;

/// Motivation, provided in context.
#[derive(Clone, Copy)]
pub struct Motivation {
    /// The state; the empty state until the first fold has come.
    pub state: Signal<State>,
    /// Achievements just earned, shown until dismissed.
    pub toast: RwSignal<Vec<Achievement>>,
}

impl Motivation {
    /// Folds the history whenever it changes. Needs [`Progress`] and [`Prefs`].
    pub fn provide() -> Self {
        let saved = Progress::expect();
        let prefs = Prefs::expect();
        let memo = Memo::new(move |_| {
            let goal = prefs.with(|s| s.daily_goal);
            saved.history.with(|h| fold(h.rows(), goal, today()))
        });
        let toast = RwSignal::new(Vec::new());
        // Achievements already held when the history finished loading are not news.
        let seen = StoredValue::new(None::<BTreeSet<Achievement>>);
        Effect::watch(
            move || {
                let loading = saved.status.with(|s| matches!(s, Status::Loading));
                (loading, memo.with(|m| m.earned.keys().copied().collect::<BTreeSet<_>>()))
            },
            move |(loading, earned), _, _| {
                if *loading {
                    return;
                }
                let Some(before) = seen.get_value() else {
                    seen.set_value(Some(earned.clone()));
                    return;
                };
                let new: Vec<Achievement> = earned.difference(&before).copied().collect();
                if !new.is_empty() {
                    toast.update(|t| t.extend(new));
                    // Shown for a while, then out of the way.
                    set_timeout(move || toast.set(Vec::new()), std::time::Duration::from_secs(TOAST_SECONDS));
                }
                seen.set_value(Some(earned.clone()));
            },
            true,
        );
        let state: Signal<State> = memo.into();
        let m = Self { state, toast };
        provide_context(m);
        m
    }

    /// The provided instance.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }
}

/// An achievement's name.
pub fn name(i18n: I18n, a: Achievement) -> &'static str {
    match a {
        Achievement::FirstSession => t_string!(i18n, achievements.first_session),
        Achievement::FirstLesson => t_string!(i18n, achievements.first_lesson),
        Achievement::TenLessons => t_string!(i18n, achievements.ten_lessons),
        Achievement::FiftyLessons => t_string!(i18n, achievements.fifty_lessons),
        Achievement::ThreeStars => t_string!(i18n, achievements.three_stars),
        Achievement::FirstPractice => t_string!(i18n, achievements.first_practice),
        Achievement::FirstQuote => t_string!(i18n, achievements.first_quote),
        Achievement::FirstZen => t_string!(i18n, achievements.first_zen),
        Achievement::FirstCustom => t_string!(i18n, achievements.first_custom),
        Achievement::FirstDictation => t_string!(i18n, achievements.first_dictation),
        Achievement::SecondLayout => t_string!(i18n, achievements.second_layout),
        Achievement::Speed20 => t_string!(i18n, achievements.speed_20),
        Achievement::Speed40 => t_string!(i18n, achievements.speed_40),
        Achievement::Speed60 => t_string!(i18n, achievements.speed_60),
        Achievement::Speed80 => t_string!(i18n, achievements.speed_80),
        Achievement::Speed100 => t_string!(i18n, achievements.speed_100),
        Achievement::Speed120 => t_string!(i18n, achievements.speed_120),
        Achievement::Perfect => t_string!(i18n, achievements.perfect),
        Achievement::Marathon => t_string!(i18n, achievements.marathon),
        Achievement::Hour => t_string!(i18n, achievements.hour),
        Achievement::TenHours => t_string!(i18n, achievements.ten_hours),
        Achievement::HundredSessions => t_string!(i18n, achievements.hundred_sessions),
        Achievement::Streak7 => t_string!(i18n, achievements.streak_7),
        Achievement::Streak30 => t_string!(i18n, achievements.streak_30),
        Achievement::Streak100 => t_string!(i18n, achievements.streak_100),
        Achievement::FirstGoal => t_string!(i18n, achievements.first_goal),
        Achievement::Goal7 => t_string!(i18n, achievements.goal_7),
        Achievement::NightOwl => t_string!(i18n, achievements.night_owl),
        Achievement::EarlyBird => t_string!(i18n, achievements.early_bird),
    }
}
