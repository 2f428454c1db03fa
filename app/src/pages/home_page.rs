//! Home (`/`): what to do next. A test in progress can be continued; otherwise a test starts with the
//! learner's last choice. Below: today's practice against the daily goal, the streak and its freezes, the
//! level, the last session, the best speed, the review items due today and the keyboard being practised.

use klava_core::settings::DailyGoal;
use leptos::prelude::*;

use crate::components::goal_ring::GoalRing;
use crate::hooks::use_title::use_title;
use crate::i18n::{figure, number, t_string, tr, use_i18n};
use crate::layouts::Layouts;
use crate::motivation::{Motivation, today};
use crate::pages::lazy::LazyDueFact;
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::typing::TypingTest;

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
    let motivation = Motivation::expect();
    let goal = prefs.signal(|s| s.daily_goal);
    let today_line = move || {
        let day = motivation.state.with(|m| m.today(today()));
        let locale = i18n.get_locale();
        match goal.get() {
            DailyGoal::Minutes(g) => {
                t_string!(i18n, home.minutes_of_goal, done = number(locale, day.minutes, 0), goal = g).to_string()
            }
            DailyGoal::Xp(g) => t_string!(i18n, home.xp_of_goal, done = day.xp, goal = g).to_string(),
        }
    };
    let goal_done = Memo::new(move |_| motivation.state.with(|m| m.goal_progress(goal.get(), today())));
    let streak = Memo::new(move |_| motivation.state.with(|m| (m.streak.current, m.streak.freezes)));
    let level = Memo::new(move |_| motivation.state.with(|m| m.level));
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
                <a class="button" href="/dictation" data-testid="home-dictation">{tr!(i18n, home.dictation)}</a>
                <a class="button" href="/settings">{tr!(i18n, home.choose_keyboard)}</a>
            </div>
            <section class="card facts" aria-labelledby="home-today">
                <h2 id="home-today" class="sr-only">{tr!(i18n, home.today_heading)}</h2>
                <div class="fact goal" data-testid="today">
                    <GoalRing done=goal_done.into() label=Signal::derive(move || t_string!(i18n, home.goal_label).to_owned()) />
                    <div>
                        <div class="label muted">{tr!(i18n, home.today)}</div>
                        <div class="value">{today_line}</div>
                    </div>
                </div>
                <div class="fact" data-testid="streak">
                    <div class="label muted">{tr!(i18n, motivation.streak_label)}</div>
                    <div class="value">
                        <span aria-hidden="true">"✹ "</span>{move || t_string!(i18n, home.streak_days, n = streak.get().0).to_string()}
                    </div>
                    <div class="muted">{move || t_string!(i18n, motivation.freezes, n = streak.get().1).to_string()}</div>
                </div>
                <div class="fact" data-testid="level">
                    <div class="label muted">{move || t_string!(i18n, home.level_now, n = level.get().level).to_string()}</div>
                    <progress max=move || level.get().span as f64 value=move || level.get().into as f64
                        aria-label=move || { let l = level.get(); t_string!(i18n, motivation.level_progress, into = l.into, span = l.span).to_string() }></progress>
                    <div class="muted">{move || { let l = level.get(); t_string!(i18n, motivation.level_progress, into = l.into, span = l.span).to_string() }}</div>
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
                <Show when=move || sessions.get() != 0>
                    <LazyDueFact />
                </Show>
                <div class="fact">
                    <div class="label muted">{tr!(i18n, home.keyboard)}</div>
                    <div class="value" data-testid="home-layout">{layout_name}</div>
                </div>
            </section>
        </main>
    }
}
