//! `AchievementList`: every achievement with its icon, name and rule, and the day it was earned (or
//! "not yet").

use klava_core::motivation::Achievement;
use leptos::prelude::*;

use crate::i18n::{I18n, t_string, tr, use_i18n};
use crate::motivation::{Motivation, name};

/// The rule of an achievement.
fn rule(i18n: I18n, a: Achievement) -> &'static str {
    match a {
        Achievement::FirstSession => t_string!(i18n, achievement_rules.first_session),
        Achievement::FirstLesson => t_string!(i18n, achievement_rules.first_lesson),
        Achievement::TenLessons => t_string!(i18n, achievement_rules.ten_lessons),
        Achievement::FiftyLessons => t_string!(i18n, achievement_rules.fifty_lessons),
        Achievement::ThreeStars => t_string!(i18n, achievement_rules.three_stars),
        Achievement::FirstPractice => t_string!(i18n, achievement_rules.first_practice),
        Achievement::FirstQuote => t_string!(i18n, achievement_rules.first_quote),
        Achievement::FirstZen => t_string!(i18n, achievement_rules.first_zen),
        Achievement::FirstCustom => t_string!(i18n, achievement_rules.first_custom),
        Achievement::FirstDictation => t_string!(i18n, achievement_rules.first_dictation),
        Achievement::SecondLayout => t_string!(i18n, achievement_rules.second_layout),
        Achievement::Speed20 => t_string!(i18n, achievement_rules.speed_20),
        Achievement::Speed40 => t_string!(i18n, achievement_rules.speed_40),
        Achievement::Speed60 => t_string!(i18n, achievement_rules.speed_60),
        Achievement::Speed80 => t_string!(i18n, achievement_rules.speed_80),
        Achievement::Speed100 => t_string!(i18n, achievement_rules.speed_100),
        Achievement::Speed120 => t_string!(i18n, achievement_rules.speed_120),
        Achievement::Perfect => t_string!(i18n, achievement_rules.perfect),
        Achievement::Marathon => t_string!(i18n, achievement_rules.marathon),
        Achievement::Hour => t_string!(i18n, achievement_rules.hour),
        Achievement::TenHours => t_string!(i18n, achievement_rules.ten_hours),
        Achievement::HundredSessions => t_string!(i18n, achievement_rules.hundred_sessions),
        Achievement::Streak7 => t_string!(i18n, achievement_rules.streak_7),
        Achievement::Streak30 => t_string!(i18n, achievement_rules.streak_30),
        Achievement::Streak100 => t_string!(i18n, achievement_rules.streak_100),
        Achievement::FirstGoal => t_string!(i18n, achievement_rules.first_goal),
        Achievement::Goal7 => t_string!(i18n, achievement_rules.goal_7),
        Achievement::NightOwl => t_string!(i18n, achievement_rules.night_owl),
        Achievement::EarlyBird => t_string!(i18n, achievement_rules.early_bird),
    }
}

/// `YYYY-MM-DD` of a local day number.
fn date_of(day: i64) -> String {
    klava_core::civil::format_local(day as f64 * 86_400_000.0, 0).chars().take(10).collect()
}

/// The list.
#[component]
pub fn AchievementList() -> impl IntoView {
    let i18n = use_i18n();
    let motivation = Motivation::expect();
    let items = move || {
        Achievement::ALL
            .into_iter()
            .map(|a| {
                let earned = motivation.state.with(|m| m.earned.get(&a).copied());
                let when = match earned {
                    Some(day) => t_string!(i18n, home.earned_on, date = date_of(day)).to_string(),
                    None => t_string!(i18n, home.not_yet).to_owned(),
                };
                view! {
                    <li class="achievement" class:earned=earned.is_some() data-testid=format!("achievement-{}", a.key())>
                        <span class="icon" aria-hidden="true">{a.icon()}</span>
                        <strong>{name(i18n, a)}</strong>
                        <span class="muted">{rule(i18n, a)}</span>
                        <span class="when">{when}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="achievements" aria-labelledby="achievements-heading">
            <h2 id="achievements-heading">{tr!(i18n, home.achievements)}</h2>
            <ul class="achievement-list">{items}</ul>
        </section>
    }
}
