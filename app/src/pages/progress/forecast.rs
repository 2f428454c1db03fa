//! The forecast under the charts: when the learner reaches their target speed at their daily goal, as a
//! date range from their own learning curve, and how it moves at twice the minutes.

use klava_core::report::forecast::{Forecast, curve, forecast};
use klava_core::settings::DailyGoal;
use leptos::prelude::*;

use crate::i18n::{I18n, day_label, t_string, use_i18n};
use crate::motivation::today;
use crate::prefs::Prefs;
use crate::progress::Progress;

/// Minutes a day assumed for a goal in XP (about what ten minutes of typing earn).
const MINUTES_FOR_XP_GOAL: f64 = 10.0;

/// One line of the forecast at `per_day` minutes a day.
fn said(i18n: I18n, f: Forecast, target: u32, per_day: f64) -> String {
    let locale = i18n.get_locale();
    let now = today();
    let date = |days: u32| {
        let day = now + i64::from(days);
        let (this_year, that_year) = (klava_core::civil::date_of_day(now).0, klava_core::civil::date_of_day(day).0);
        day_label(locale, day, this_year != that_year)
    };
    let m = per_day.round() as u32;
    match f {
        Forecast::TooFew => t_string!(i18n, progress.forecast_not_yet).to_owned(),
        Forecast::Reached => t_string!(i18n, progress.forecast_reached, wpm = target).to_string(),
        Forecast::Stalled => t_string!(i18n, progress.forecast_stalled, wpm = target, m = m).to_string(),
        Forecast::Days { low, high: Some(high) } if high == low => {
            t_string!(i18n, progress.forecast_on, m = m, wpm = target, date = date(low)).to_string()
        }
        Forecast::Days { low, high: Some(high) } => {
            t_string!(i18n, progress.forecast_range, m = m, wpm = target, from = date(low), to = date(high)).to_string()
        }
        Forecast::Days { low, high: None } => {
            t_string!(i18n, progress.forecast_open, m = m, wpm = target, from = date(low)).to_string()
        }
    }
}

/// The forecast at the daily goal and at twice it.
#[component]
pub fn ForecastNote() -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    let prefs = Prefs::expect();
    let fitted = Memo::new(move |_| {
        let profile = prefs.profile().key();
        progress.history.with(|h| curve(h.rows(), &profile))
    });
    let lines = move || {
        let (target, goal) = prefs.with(|s| (s.target_wpm.get(), s.daily_goal));
        let per_day = match goal {
            DailyGoal::Minutes(m) => f64::from(m),
            DailyGoal::Xp(_) => MINUTES_FOR_XP_GOAL,
        };
        let c = fitted.get();
        let at_goal = forecast(c.as_ref(), f64::from(target), per_day);
        let more = matches!(at_goal, Forecast::Days { .. } | Forecast::Stalled)
            .then(|| said(i18n, forecast(c.as_ref(), f64::from(target), per_day * 2.0), target, per_day * 2.0));
        (said(i18n, at_goal, target, per_day), more)
    };
    view! {
        <div class="forecast">
            <p data-testid="forecast-goal">{move || lines().0}</p>
            {move || lines().1.map(|more| view! { <p class="muted" data-testid="forecast-more">{more}</p> })}
        </div>
    }
}
