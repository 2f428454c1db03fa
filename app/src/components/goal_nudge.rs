//! `GoalNudge`: the daily reminder's note in the app (opt-in, settings). After the chosen time, while
//! the day's goal is not met and no test is running, one line says how far today's practice is and
//! offers the next lesson; "Not today" puts it away until tomorrow (on this device only).

use klava_core::settings::DailyGoal;
use leptos::prelude::*;
use leptos_use::use_interval_fn;

use crate::i18n::{number, t_string, tr, use_i18n};
use crate::motivation::{Motivation, today};
use crate::pages::lazy::LazyNudgeNote;
use crate::prefs::Prefs;
use crate::storage::{ids, local};
use crate::typing::TypingTest;

/// The local day the note was put away on.
const DISMISSED_KEY: &str = "klava.nudge_dismissed";

/// Minutes after local midnight now.
fn local_minute() -> u32 {
    let now = ids::now_ms();
    let minutes = (now / 60_000.0).floor() as i64 + i64::from(ids::utc_offset_min_at(now));
    minutes.rem_euclid(1440) as u32
}

/// The note, when it is due; its view comes in a module of its own the first time (most visits never
/// show it).
#[component]
pub fn GoalNudge() -> impl IntoView {
    let prefs = Prefs::expect();
    let motivation = Motivation::expect();
    let test = TypingTest::expect();
    // The clock, looked at twice a minute (and the day with it).
    let minute = RwSignal::new(local_minute());
    let _ = use_interval_fn(move || minute.set(local_minute()), 30_000);
    let dismissed = RwSignal::new(local::get::<i64>(DISMISSED_KEY));
    // Changes when a test starts or ends, not on every key: the check below stays off the keystroke path.
    let running = Memo::new(move |_| test.in_progress());
    let due = Memo::new(move |_| {
        let (on, at, goal) = prefs.with(|s| (s.reminder, s.reminder_at.get(), s.daily_goal));
        let now = minute.get();
        let day = today();
        on && now >= at
            && dismissed.get() != Some(day)
            && !running.get()
            && motivation.state.with(|m| m.goal_progress(goal, day)) < 1.0
    });
    view! {
        <Show when=move || due.get()>
            <LazyNudgeNote dismissed />
        </Show>
    }
}

/// The note: how far today's practice is, the way to the next lesson, and "Not today", which sets
/// `dismissed` to today.
#[component]
pub fn NudgeNote(dismissed: RwSignal<Option<i64>>) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let motivation = Motivation::expect();
    let figure = move || {
        let day = motivation.state.with(|m| m.today(today()));
        match prefs.with(|s| s.daily_goal) {
            DailyGoal::Minutes(g) => {
                t_string!(i18n, home.minutes_of_goal, done = number(i18n.get_locale(), day.minutes, 0), goal = g)
                    .to_string()
            }
            DailyGoal::Xp(g) => t_string!(i18n, home.xp_of_goal, done = day.xp, goal = g).to_string(),
        }
    };
    let put_away = move |_| {
        let day = today();
        if let Err(e) = local::set(DISMISSED_KEY, &day) {
            leptos::logging::warn!("klava: the note is put away for this visit only: {e}");
        }
        dismissed.set(Some(day));
    };
    view! {
        <p class="banner nudge" data-testid="goal-nudge" role="status">
            {move || t_string!(i18n, reminder.nudge, done = figure()).to_string()} " "
            <a href=move || format!("/learn/{}/next", prefs.with(|s| s.layout.clone())) data-testid="nudge-go">{tr!(i18n, reminder.go)}</a>
            " "
            <button type="button" class="link" data-testid="nudge-dismiss" on:click=put_away>{tr!(i18n, reminder.not_today)}</button>
        </p>
    }
}
