//! Home (`/`): what to do next. A test in progress can be continued; otherwise a test starts with the
//! learner's last choice. Below: today's practice against the daily goal, the last session, the best
//! speed and the keyboard being practised.

use klava_core::settings::DailyGoal;
use leptos::prelude::*;

use crate::hooks::use_title::use_title;
use crate::i18n::{figure, number, t_string, tr, use_i18n};
use crate::layouts::Layouts;
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::storage::ids;
use crate::typing::TypingTest;

/// The local calendar day (days since the epoch) of `ms` in a zone `offset_min` ahead of UTC.
fn local_day(ms: f64, offset_min: i32) -> i64 {
    ((ms / 60_000.0).floor() as i64 + i64::from(offset_min)).div_euclid(1440)
}

/// The page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || t_string!(i18n, home.title).to_owned());
    let test = TypingTest::expect();
    let progress = Progress::expect();
    let prefs = Prefs::expect();
    let layouts = Layouts::expect();
    let in_progress = Memo::new(move |_| test.in_progress());
    let sessions = Memo::new(move |_| progress.history.with(|h| h.len()));
    let today_minutes = Memo::new(move |_| {
        let now = ids::now_ms();
        let today = local_day(now, ids::utc_offset_min_at(now));
        progress.history.with(|h| {
            h.rows()
                .take_while(|r| local_day(r.ended_at_ms, r.utc_offset_min) >= today - 1)
                .filter(|r| local_day(r.ended_at_ms, r.utc_offset_min) == today)
                .map(|r| r.duration_ms / 60_000.0)
                .sum::<f64>()
        })
    });
    let goal_minutes = prefs.signal(|s| match s.daily_goal {
        DailyGoal::Minutes(m) => m,
        // XP goals come with XP (the motivation issue); until then, the default in minutes.
        DailyGoal::Xp(_) => 10,
    });
    let last = Memo::new(move |_| progress.history.with(|h| h.rows().next().map(|r| (r.wpm, r.accuracy))));
    let best = Memo::new(move |_| {
        let profile = prefs.profile().key();
        progress.history.with(|h| h.bests().values().filter(|b| b.profile == profile).map(|b| b.wpm).reduce(f64::max))
    });
    let layout_name = Memo::new(move |_| prefs.with(|s| layouts.name_of(&s.layout)));
    view! {
        <main class="page home" id="main" tabindex="-1" data-testid="home">
            <h1>{move || if sessions.get() == 0 { t_string!(i18n, home.heading_new) } else { t_string!(i18n, home.heading_back) }}</h1>
            <p>{tr!(i18n, home.intro)}</p>
            <div class="actions">
                <a class="button primary" href="/test" data-testid="continue">
                    {move || if in_progress.get() { t_string!(i18n, home.continue_test) } else { t_string!(i18n, home.start_test) }}
                </a>
                <a class="button" href=move || format!("/learn/{}/next", prefs.with(|s| s.layout.clone())) data-testid="home-learn">
                    {tr!(i18n, home.learn)}
                </a>
                <a class="button" href="/settings">{tr!(i18n, home.choose_keyboard)}</a>
            </div>
            <section class="card facts" aria-labelledby="home-today">
                <h2 id="home-today" class="sr-only">{tr!(i18n, home.today_heading)}</h2>
                <div class="fact" data-testid="today">
                    <div class="label muted">{tr!(i18n, home.today)}</div>
                    <div class="value">
                        {move || t_string!(i18n, home.minutes_of_goal, done = number(i18n.get_locale(), today_minutes.get(), 0), goal = goal_minutes.get()).to_string()}
                    </div>
                    <progress max=move || goal_minutes.get() value=move || today_minutes.get().min(f64::from(goal_minutes.get()))
                        aria-label=tr!(i18n, home.goal_label)></progress>
                </div>
                <div class="fact" data-testid="last-session">
                    <div class="label muted">{tr!(i18n, home.last_session)}</div>
                    <div class="value">
                        {move || match last.get() {
                            Some((wpm, acc)) => t_string!(i18n, home.speed_accuracy,
                                wpm = figure(i18n.get_locale(), wpm, 0), accuracy = figure(i18n.get_locale(), acc, 0)).to_string(),
                            None => t_string!(i18n, home.none_yet).to_owned(),
                        }}
                    </div>
                </div>
                <div class="fact" data-testid="best">
                    <div class="label muted">{tr!(i18n, home.best)}</div>
                    <div class="value">
                        {move || match best.get() {
                            Some(wpm) => t_string!(i18n, home.speed, wpm = number(i18n.get_locale(), wpm, 0)).to_string(),
                            None => t_string!(i18n, home.none_yet).to_owned(),
                        }}
                    </div>
                </div>
                <div class="fact">
                    <div class="label muted">{tr!(i18n, home.keyboard)}</div>
                    <div class="value" data-testid="home-layout">{layout_name}</div>
                </div>
            </section>
        </main>
    }
}
