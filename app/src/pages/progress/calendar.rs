//! The calendar of practice: the last year in columns of weeks, each day shaded by the minutes practised,
//! the days of the live streak outlined and the days a freeze covered marked with a snowflake; a title on
//! each day gives its date and minutes, and a sentence sums it up for screen readers.

use klava_core::civil::date_of_day;
use klava_core::report::calendar::{CalendarDay, SHADES, calendar};
use leptos::prelude::*;

use super::duration;
use crate::i18n::{I18n, day_label, t_string, tr, use_i18n};
use crate::motivation::{Motivation, today};

/// Weeks shown: a year.
const WEEKS: u32 = 53;
const CELL: f64 = 12.0;
const GAP: f64 = 2.0;
const LEFT: f64 = 32.0;
const TOP: f64 = 14.0;

/// The calendar and its legend.
#[component]
pub fn PracticeCalendar() -> impl IntoView {
    let i18n = use_i18n();
    let motivation = Motivation::expect();
    let days = Memo::new(move |_| motivation.state.with(|m| calendar(&m.days, &m.streak, today(), WEEKS)));
    let summary = move || {
        let practised = days.with(|d| d.iter().filter(|d| d.minutes > 0.0).count());
        let frozen = days.with(|d| d.iter().filter(|d| d.frozen).count());
        t_string!(i18n, progress.calendar_summary, days = practised, frozen = frozen).to_string()
    };
    let step = CELL + GAP;
    let width = LEFT + f64::from(WEEKS) * step;
    let height = TOP + 7.0 * step;
    let legend = (0..=4u8)
        .map(|s| view! { <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect class=format!("day shade-{s}") width="12" height="12" rx="2" /></svg> })
        .collect_view();
    view! {
        <section class="calendar" aria-labelledby="calendar-title">
            <h2 id="calendar-title">{tr!(i18n, progress.calendar)}</h2>
            <p data-testid="calendar-summary">{summary}</p>
            <div class="calendar-scroll">
                <svg viewBox=format!("0 0 {width} {height}") width=width height=height role="img" aria-label=summary data-testid="calendar">
                    {move || days.with(|d| cells(i18n, d))}
                </svg>
            </div>
            <p class="legend muted">
                {tr!(i18n, progress.less)} " " {legend} " " {tr!(i18n, progress.more)}
                " · " {move || t_string!(i18n, progress.shades, a = SHADES[0], b = SHADES[1], c = SHADES[2]).to_string()}
                " · " <span class="mark streak">"▢"</span> " " {tr!(i18n, progress.streak_days)}
                " · " <span class="mark">"❄"</span> " " {tr!(i18n, progress.freeze_days)}
            </p>
        </section>
    }
}

/// The weekday labels, month labels and one square a day.
fn cells(i18n: I18n, days: &[CalendarDay]) -> AnyView {
    let locale = i18n.get_locale();
    let step = CELL + GAP;
    let Some(first) = days.first().map(|d| d.day) else { return ().into_any() };
    let weekdays = [
        (0, t_string!(i18n, progress.mon)),
        (2, t_string!(i18n, progress.wed)),
        (4, t_string!(i18n, progress.fri)),
    ]
    .map(|(row, name)| view! { <text class="tick" x="0" y=TOP + f64::from(row) * step + CELL - 2.0>{name}</text> })
    .collect_view();
    let months = days
        .iter()
        .filter(|d| date_of_day(d.day).2 == 1 && (d.day - first) / 7 < i64::from(WEEKS) - 1)
        .map(|d| {
            let label = day_label(locale, d.day, false);
            let month =
                label.split(|c: char| c.is_ascii_digit() || c == ' ').find(|s| !s.is_empty()).unwrap_or("").to_owned();
            view! { <text class="tick" x=LEFT + ((d.day - first) / 7) as f64 * step y="10">{month}</text> }
        })
        .collect_view();
    let squares = days
        .iter()
        .map(|d| {
            let (week, row) = ((d.day - first) / 7, (d.day - first) % 7);
            let (x, y) = (LEFT + week as f64 * step, TOP + row as f64 * step);
            let mut class = format!("day shade-{}", d.shade);
            if d.streak {
                class.push_str(" streak");
            }
            if d.frozen {
                class.push_str(" frozen");
            }
            let mut title = format!("{}: {}", day_label(locale, d.day, true), duration(i18n, d.minutes));
            if d.frozen {
                title.push_str(" · ❄ ");
                title.push_str(t_string!(i18n, progress.freeze_days));
            }
            view! {
                <rect class=class x=x y=y width=CELL height=CELL rx="2" data-day=d.day><title>{title}</title></rect>
                {d.frozen.then(|| view! { <text class="snow" x=x + CELL / 2.0 y=y + CELL - 2.5 text-anchor="middle">"❄"</text> })}
            }
        })
        .collect_view();
    view! { {weekdays} {months} {squares} }.into_any()
}
