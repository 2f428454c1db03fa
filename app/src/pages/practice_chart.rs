//! The practice page's chart of one key: its confidence in each of the latest practice sessions against
//! the target line, and the forecast of how many more sessions it needs (`klava_core::practice::forecast`).

use klava_core::practice::Plan;
use klava_core::practice::forecast::{Forecast, RECENT, forecast, series};
use leptos::prelude::*;

use crate::i18n::{t_string, tr, use_i18n};
use crate::prefs::Prefs;
use crate::progress::Progress;

const W: f64 = 600.0;
const H: f64 = 140.0;
const PAD: f64 = 24.0;
/// Sessions the chart shows (the forecast reads the latest [`RECENT`] of them).
const SHOWN: usize = 20;

/// The chart of the key chosen in the menu (the focus, or the first key in play, to begin with).
#[component]
pub fn KeyChart(plan: Plan) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let saved = Progress::expect();
    let first = plan.focus.or_else(|| plan.unlocked.first().copied()).unwrap_or('a');
    let key = RwSignal::new(first);
    let points = Memo::new(move |_| {
        let profile = prefs.profile().key();
        let (wpm, accuracy) = prefs.with(|s| (f64::from(s.target_wpm.get()), f64::from(s.pass_accuracy.get()) / 100.0));
        let target_ms = 60_000.0 / (5.0 * wpm.max(1.0));
        saved.history.with(|h| series(h.rows(), &profile, key.get(), target_ms, accuracy, SHOWN))
    });
    let options = plan
        .unlocked
        .iter()
        .map(|k| view! { <option value=k.to_string() selected={*k == first}>{k.to_string()}</option> })
        .collect_view();
    let said = move || {
        let recent = points.with(|p| forecast(p));
        match recent {
            Forecast::TooFew => t_string!(i18n, practice.forecast_need_more).to_owned(),
            Forecast::Reached => t_string!(i18n, practice.forecast_reached).to_owned(),
            Forecast::Stalled => t_string!(i18n, practice.forecast_stalled).to_owned(),
            Forecast::Range { low, high: Some(high) } if low == high => {
                t_string!(i18n, practice.forecast_single, n = low).to_string()
            }
            Forecast::Range { low, high: Some(high) } => {
                t_string!(i18n, practice.forecast_range, low = low, high = high).to_string()
            }
            Forecast::Range { low, high: None } => t_string!(i18n, practice.forecast_open, low = low).to_string(),
        }
    };
    view! {
        <section class="key-chart" data-testid="key-chart">
            <h2>
                <label>{tr!(i18n, practice.chart_title)} " "
                    <select data-testid="chart-key" on:change=move |ev| {
                        if let Some(c) = event_target_value(&ev).chars().next() {
                            key.set(c);
                        }
                    }>{options}</select>
                </label>
            </h2>
            <figure class="chart">
                <svg viewBox=format!("0 0 {W} {H}") role="img"
                    aria-label=move || t_string!(i18n, practice.chart_label, key = key.get().to_string(), n = RECENT).to_string()>
                    {move || points.with(|p| geometry(p))}
                </svg>
            </figure>
            <p data-testid="forecast">{said}</p>
        </section>
    }
}

/// The axis, the target line at 1 and the points joined, for confidences `p` (oldest first).
fn geometry(p: &[f64]) -> AnyView {
    let top = p.iter().copied().fold(1.25, f64::max).min(3.0);
    let n = p.len().max(2) as f64 - 1.0;
    let x = move |i: usize| PAD + (W - 2.0 * PAD) * i as f64 / n;
    let y = move |v: f64| H - PAD - (H - 2.0 * PAD) * (v / top).clamp(0.0, 1.0);
    let line = p.iter().enumerate().map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v))).collect::<Vec<_>>().join(" ");
    let dots =
        p.iter().enumerate().map(|(i, v)| view! { <circle class="dot" cx=x(i) cy=y(*v) r="3" /> }).collect_view();
    view! {
        <line class="axis" x1=PAD y1=H - PAD x2=W - PAD y2=H - PAD />
        <line class="net" x1=PAD y1=y(1.0) x2=W - PAD y2=y(1.0) />
        <text class="tick" x=2 y=y(1.0) + 4.0>"100%"</text>
        <polyline class="raw" points=line />
        {dots}
    }
    .into_any()
}
