//! Speed and accuracy over time: the filters (kind of session, period) and two charts, each session a
//! dot and the moving average a line, with axes at round values and dates, and a table behind each for
//! screen readers and for anyone who wants the figures. All dots are one path (a zero-length segment per
//! session, drawn with round caps), so ten thousand sessions are one element, not ten thousand.

use std::fmt::Write as _;

use klava_core::report::series::{Kinds, Period, Point, day_ticks, series, ticks};
use leptos::prelude::*;

use super::forecast::ForecastNote;
use crate::components::choices::Choices;
use crate::i18n::{I18n, date_time, day_label, figure, number, t_string, tr, use_i18n};
use crate::motivation::today;
use crate::prefs::Prefs;
use crate::progress::Progress;

const W: f64 = 640.0;
const H: f64 = 200.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 24.0;
/// Rows the table shows (the newest).
const TABLE_ROWS: usize = 200;

/// Which figure a chart shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Metric {
    Wpm,
    Accuracy,
}

impl Metric {
    fn of(self, p: &Point) -> Option<(f64, f64)> {
        match self {
            Metric::Wpm => Some((p.wpm, p.avg_wpm)),
            Metric::Accuracy => p.accuracy.zip(p.avg_accuracy),
        }
    }
}

fn kind_label(i18n: I18n, k: Kinds) -> &'static str {
    match k {
        Kinds::All => t_string!(i18n, progress.kind_all),
        Kinds::Tests => t_string!(i18n, progress.kind_tests),
        Kinds::Lessons => t_string!(i18n, progress.kind_lessons),
        Kinds::Practice => t_string!(i18n, progress.kind_practice),
    }
}

fn period_label(i18n: I18n, p: Period) -> &'static str {
    match p {
        Period::Week => t_string!(i18n, progress.period_week),
        Period::Month => t_string!(i18n, progress.period_month),
        Period::Year => t_string!(i18n, progress.period_year),
        Period::All => t_string!(i18n, progress.period_all),
    }
}

/// The filters and both charts, with the forecast under them.
#[component]
pub fn Trends() -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    let prefs = Prefs::expect();
    let kinds = RwSignal::new(Kinds::All);
    let period = RwSignal::new(Period::Month);
    let points = Memo::new(move |_| {
        let profile = prefs.profile().key();
        progress.history.with(|h| series(h.rows(), &profile, kinds.get(), period.get(), today()))
    });
    let kind_options = Kinds::EVERY.map(|k| (k, format!("kinds-{}", k.key()))).to_vec();
    let period_options = Period::EVERY.map(|p| (p, format!("period-{}", p.key()))).to_vec();
    view! {
        <section class="trends" aria-labelledby="trends-title">
            <h2 id="trends-title">{tr!(i18n, progress.trends)}</h2>
            <div class="filters">
                <div role="group" aria-label=tr!(i18n, progress.kinds_label)>
                    <Choices value=kinds options=kind_options label=kind_label />
                </div>
                <div role="group" aria-label=tr!(i18n, progress.period_label)>
                    <Choices value=period options=period_options label=period_label />
                </div>
            </div>
            <Show when=move || !points.with(Vec::is_empty) fallback=move || view! { <p class="muted" data-testid="trend-empty">{tr!(i18n, progress.no_sessions)}</p> }>
                <Trend id="trend-wpm" metric=Metric::Wpm points=points.into() />
                <Trend id="trend-accuracy" metric=Metric::Accuracy points=points.into() />
            </Show>
            <ForecastNote />
        </section>
    }
}

/// One chart and its table.
#[component]
fn Trend(id: &'static str, metric: Metric, points: Signal<Vec<Point>>) -> impl IntoView {
    let i18n = use_i18n();
    let table_open = RwSignal::new(false);
    let title = move || match metric {
        Metric::Wpm => t_string!(i18n, progress.chart_wpm),
        Metric::Accuracy => t_string!(i18n, progress.chart_accuracy),
    };
    let summary = move || {
        points.with(|p| {
            let last = p.iter().rev().find_map(|p| metric.of(p)).map(|(_, avg)| avg);
            t_string!(i18n, progress.chart_summary, n = p.len(), avg = figure(i18n.get_locale(), last, 1)).to_string()
        })
    };
    view! {
        <figure class="chart trend" data-testid=id>
            <figcaption><strong>{title}</strong> " " <span class="muted">{summary}</span></figcaption>
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=move || format!("{}. {}", title(), summary())>
                {move || points.with(|p| geometry(i18n, metric, p))}
            </svg>
            <button type="button" class="link" data-testid=format!("{id}-toggle") aria-expanded=move || table_open.get().to_string()
                on:click=move |_| table_open.update(|o| *o = !*o)>
                {move || if table_open.get() { t_string!(i18n, progress.hide_table) } else { t_string!(i18n, progress.show_table) }}
            </button>
            <Show when=move || table_open.get()>
                {move || points.with(|p| table(i18n, id, metric, title(), p))}
            </Show>
        </figure>
    }
}

/// The grid, axis labels, dots and average line of `p`.
fn geometry(i18n: I18n, metric: Metric, p: &[Point]) -> AnyView {
    let locale = i18n.get_locale();
    let values: Vec<(f64, f64, f64)> = p.iter().filter_map(|pt| metric.of(pt).map(|(v, a)| (pt.x, v, a))).collect();
    let (Some(first), Some(last)) = (values.first(), values.last()) else { return ().into_any() };
    let (x0, x1) = if last.0 - first.0 < 1.0 { (first.0 - 0.5, last.0 + 0.5) } else { (first.0, last.0) };
    let (y0, y1) = match metric {
        Metric::Wpm => (0.0, values.iter().map(|v| v.1.max(v.2)).fold(10.0, f64::max) * 1.1),
        Metric::Accuracy => ((values.iter().map(|v| v.1).fold(100.0, f64::min) / 5.0).floor() * 5.0 - 5.0, 100.0),
    };
    let y0 = y0.max(0.0);
    let sx = move |x: f64| LEFT + (W - LEFT - RIGHT) * (x - x0) / (x1 - x0);
    let sy = move |y: f64| H - BOTTOM - (H - TOP - BOTTOM) * (y - y0) / (y1 - y0).max(1e-9);
    let unit = if metric == Metric::Wpm { t_string!(i18n, units.wpm) } else { "%" };
    let grid = ticks(y0, y1, 5)
        .into_iter()
        .map(|v| {
            let y = sy(v);
            view! {
                <line class="grid" x1=LEFT x2=W - RIGHT y1=y y2=y />
                <text class="tick" x=LEFT - 4.0 y=y + 4.0 text-anchor="end">{number(locale, v, 0)}</text>
            }
        })
        .collect_view();
    let years = (x1 - x0) > 300.0;
    let dates = day_ticks(x0.ceil() as i64, x1.floor() as i64, 6)
        .into_iter()
        .map(|d| {
            let x = sx(d as f64);
            view! {
                <line class="grid" x1=x x2=x y1=TOP y2=H - BOTTOM />
                <text class="tick" x=x y=H - 6.0 text-anchor="middle">{day_label(locale, d, years)}</text>
            }
        })
        .collect_view();
    let mut dots = String::with_capacity(values.len() * 16);
    let mut avg = String::with_capacity(values.len() * 14);
    for (x, v, a) in &values {
        let _ = write!(dots, "M{:.1} {:.1}h0", sx(*x), sy(*v));
        let _ = write!(avg, "{:.1},{:.1} ", sx(*x), sy(*a));
    }
    view! {
        {grid}
        {dates}
        // In the corner under the value axis, clear of its top label.
        <text class="tick unit" x=4 y=H - 6.0>{unit}</text>
        <line class="axis" x1=LEFT y1=H - BOTTOM x2=W - RIGHT y2=H - BOTTOM />
        <path class="dots" d=dots />
        <polyline class="avg" points=avg />
    }
    .into_any()
}

/// The newest [`TABLE_ROWS`] points as a table.
fn table(i18n: I18n, id: &'static str, metric: Metric, title: &'static str, p: &[Point]) -> AnyView {
    let locale = i18n.get_locale();
    let rows = p
        .iter()
        .rev()
        .filter_map(|pt| metric.of(pt).map(|(v, a)| (pt, v, a)))
        .take(TABLE_ROWS)
        .map(|(pt, v, a)| {
            view! {
                <tr>
                    <td>{date_time(locale, pt.ended_at_ms, pt.offset_min)}</td>
                    <td class="num">{number(locale, v, 1)}</td>
                    <td class="num">{number(locale, a, 1)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="figures" data-testid=format!("{id}-table")>
            <caption>{title}</caption>
            <thead><tr>
                <th scope="col">{tr!(i18n, history.col_when)}</th>
                <th scope="col" class="num">{tr!(i18n, progress.col_session)}</th>
                <th scope="col" class="num">{tr!(i18n, progress.col_average)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
