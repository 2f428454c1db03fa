//! The progress page (`/progress`; `/history` opens it too): time practised, the current profile at a
//! glance, speed and accuracy over time with the forecast, the calendar of practice, the keyboard's
//! heatmap with the fingers, bigrams and confusions behind it, personal bests, achievements, and every
//! session with its replay. Everything is folded from the history (`klava_core::report`).

mod calendar;
mod forecast;
mod keys;
mod replay;
mod sessions;
mod trend;

use klava_core::record::Id;
use klava_core::report::totals;
use leptos::prelude::*;

use crate::components::achievements::AchievementList;
use crate::components::profile_overview::ProfileOverview;
use crate::hooks::use_title::use_title;
use crate::i18n::{I18n, figure, number, t_string, tr, use_i18n};
use crate::labels;
use crate::motivation::{Motivation, today};
use crate::prefs::Prefs;
use crate::progress::Progress;
pub use sessions::profile_name;

/// Minutes as the page writes them: "under a minute", "45 min", "3 h 20 min".
pub(crate) fn duration(i18n: I18n, minutes: f64) -> String {
    let total = minutes.max(0.0).round() as u64;
    if minutes > 0.0 && total == 0 {
        t_string!(i18n, progress.duration_under).to_owned()
    } else if total < 60 {
        t_string!(i18n, progress.duration_min, m = total).to_string()
    } else {
        t_string!(i18n, progress.duration_h, h = total / 60, m = total % 60).to_string()
    }
}

/// Time practised today, this week and in all, and the streak.
#[component]
fn Totals() -> impl IntoView {
    let i18n = use_i18n();
    let motivation = Motivation::expect();
    let t = Memo::new(move |_| motivation.state.with(|m| totals(&m.days, today())));
    let streak = Memo::new(move |_| motivation.state.with(|m| (m.streak.current, m.streak.longest, m.streak.freezes)));
    let fact = move |id: &'static str, label: fn(I18n) -> &'static str, value: Signal<String>| {
        view! {
            <div class="fact" data-testid=id>
                <dt>{crate::i18n::text(i18n, label)}</dt>
                <dd>{move || value.get()}</dd>
            </div>
        }
    };
    view! {
        <dl class="facts totals">
            {fact("time-today", |i18n| t_string!(i18n, progress.today), Signal::derive(move || duration(i18n, t.get().today)))}
            {fact("time-week", |i18n| t_string!(i18n, progress.week), Signal::derive(move || duration(i18n, t.get().week)))}
            {fact("time-all", |i18n| t_string!(i18n, progress.all_time), Signal::derive(move || duration(i18n, t.get().all)))}
            {fact("streak-figures", |i18n| t_string!(i18n, progress.streak), Signal::derive(move || {
                let (current, longest, freezes) = streak.get();
                t_string!(i18n, progress.streak_figures, current = current, longest = longest, freezes = freezes).to_string()
            }))}
        </dl>
    }
}

/// Personal bests per profile and mode.
#[component]
fn Bests() -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    let bests = Memo::new(move |_| {
        progress.history.with(|h| h.bests().iter().map(|(k, b)| (k.clone(), b.clone())).collect::<Vec<_>>())
    });
    view! {
        <h2>{tr!(i18n, history.bests)}</h2>
        <Show when=move || !bests.with(Vec::is_empty) fallback=move || view! { <p class="muted">{tr!(i18n, history.no_bests)}</p> }>
            <ul class="bests" data-testid="bests">
                <For each=move || bests.get() key=|b| b.0.clone() let((_, best))>
                    <li>
                        <span>{profile_name(&best.profile)} " · " {move || labels::mode(i18n, &best.mode)}</span>
                        <strong>{move || t_string!(i18n, home.speed, wpm = number(i18n.get_locale(), best.wpm, 1)).to_string()}</strong>
                        <span class="muted">{move || t_string!(i18n, history.best_accuracy, accuracy = figure(i18n.get_locale(), best.accuracy, 1)).to_string()}</span>
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// The page.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || t_string!(i18n, progress.title).to_owned());
    let progress = Progress::expect();
    let prefs = Prefs::expect();
    let overview = Memo::new(move |_| sessions::overview_of(progress, prefs));
    let replaying = RwSignal::new(None::<Id>);
    view! {
        <main class="page progress-page" id="main" tabindex="-1">
            <h1>{tr!(i18n, progress.title)}</h1>
            <h2>{tr!(i18n, history.statistics)}</h2>
            <Totals />
            <ProfileOverview overview=overview.into() />
            <trend::Trends />
            <calendar::PracticeCalendar />
            <keys::KeysSection />
            <Bests />
            <AchievementList />
            {move || replaying.get().map(|id| view! { <replay::ReplayPanel id replaying /> })}
            <sessions::SessionList replaying />
        </main>
    }
}
