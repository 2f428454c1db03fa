//! The progress page's figures with hand-computed cases.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::calendar::{calendar, shade};
use super::forecast::{Forecast, curve, forecast};
use super::ics::{Reminder, daily};
use super::series::{Kinds, Period, day_ticks, series, ticks};
use super::totals;
use crate::civil::{date_of_day, day_of_date, weekday};
use crate::history::Row;
use crate::motivation::{self, Day};
use crate::record::ModeKind;
use crate::settings::DailyGoal;

const DAY: f64 = 86_400_000.0;

fn row(id: &str, at: f64, offset: i32, minutes: f64, wpm: f64, kind: ModeKind) -> Row {
    Row::for_test(id, at, offset, minutes, (wpm, 90.0 + wpm / 10.0), kind)
}

fn day(minutes: f64) -> Day {
    Day { minutes, xp: 0, goal_met: false }
}

#[test]
fn totals_count_today_this_week_from_monday_and_all_time() {
    // 2024-02-29 (day 19,782) was a Thursday: the week began on Monday 19,779.
    let today = 19_782;
    let days = BTreeMap::from([
        (19_770, day(30.0)),
        (19_778, day(7.0)),
        (19_779, day(5.0)),
        (today, day(12.5)),
        (19_781, day(0.0)),
    ]);
    let t = totals(&days, today);
    assert_eq!((t.all, t.week, t.today, t.days), (54.5, 17.5, 12.5, 4));
}

#[test]
fn series_filters_by_profile_kind_and_period_and_averages_the_last_ten() {
    let today = 1000;
    let mut rows: Vec<Row> = (0..15)
        .map(|i| {
            row(
                &format!("t{i:02}"),
                (today - 14 + i) as f64 * DAY + 3_600_000.0,
                0,
                1.0,
                20.0 + i as f64,
                ModeKind::Words,
            )
        })
        .collect();
    rows.push(row("lesson", today as f64 * DAY, 0, 1.0, 99.0, ModeKind::Lesson));
    let mut other = row("other", today as f64 * DAY, 0, 1.0, 99.0, ModeKind::Words);
    other.profile = "jcuken/ru".into();
    rows.push(other);
    let tests = series(&rows, "us/en", Kinds::Tests, Period::All, today);
    assert_eq!(tests.len(), 15);
    assert!(tests.windows(2).all(|w| w[0].x < w[1].x), "oldest first");
    // The last point averages sessions 5–14: speeds 25…34, mean 29.5.
    assert_eq!(tests[14].avg_wpm, 29.5);
    assert_eq!(tests[0].avg_wpm, 20.0);
    assert_eq!(series(&rows, "us/en", Kinds::Lessons, Period::All, today).len(), 1);
    assert_eq!(series(&rows, "us/en", Kinds::All, Period::Week, today).len(), 8, "7 days of tests and the lesson");
    // A session dated next year (a clock set wrong) is drawn at today, not off the chart.
    let late = [row("late", (today + 365) as f64 * DAY, 0, 1.0, 40.0, ModeKind::Words)];
    let p = series(&late, "us/en", Kinds::All, Period::Week, today);
    assert_eq!(p[0].day, today);
    assert!(p[0].x < (today + 1) as f64);
}

#[test]
fn the_same_points_whatever_order_the_rows_came_in() {
    let mut rows: Vec<Row> = (0..30)
        .map(|i| {
            row(
                &format!("r{i:02}"),
                500.0 * DAY + i as f64 * 3_600_000.0,
                0,
                1.0,
                30.0 + (i % 7) as f64,
                ModeKind::Time,
            )
        })
        .collect();
    let a = series(&rows, "us/en", Kinds::All, Period::All, 600);
    rows.reverse();
    rows.push(rows[3].clone());
    assert_eq!(series(&rows, "us/en", Kinds::All, Period::All, 600), a);
}

#[test]
fn ticks_fall_on_round_values() {
    assert_eq!(ticks(0.0, 47.0, 6), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
    assert_eq!(ticks(83.0, 100.0, 5), vec![85.0, 90.0, 95.0, 100.0]);
    assert_eq!(ticks(0.0, 1.0, 3), vec![0.0, 0.5, 1.0]);
    assert!(ticks(f64::NAN, 1.0, 5).is_empty());
    assert!(ticks(5.0, 1.0, 5).is_empty());
    assert_eq!(ticks(7.0, 7.0, 5), vec![7.0]);
}

#[test]
fn date_ticks_are_days_mondays_or_month_starts() {
    assert_eq!(day_ticks(10, 13, 6), vec![10, 11, 12, 13]);
    // A month from Thursday 2024-02-29: the Mondays.
    let mondays = day_ticks(19_782, 19_812, 6);
    assert!(mondays.iter().all(|d| weekday(*d) == 0) && mondays.len() == 4, "{mondays:?}");
    // A year: the first of months, at most six.
    let months = day_ticks(19_782, 19_782 + 365, 6);
    assert!(months.len() <= 6 && months.iter().all(|d| date_of_day(*d).2 == 1), "{months:?}");
    assert_eq!(months[0], day_of_date(2024, 4, 1));
    // Years of data: year starts.
    let years = day_ticks(day_of_date(2015, 6, 1), day_of_date(2024, 6, 1), 6);
    assert!(
        years.iter().all(|d| {
            let (_, m, d) = date_of_day(*d);
            m == 1 && d == 1
        }),
        "{years:?}"
    );
}

#[test]
fn calendar_shades_minutes_and_marks_the_live_streak_and_freezes() {
    assert_eq!([shade(0.0), shade(1.0), shade(5.0), shade(20.0), shade(45.0), shade(f64::NAN)], [0, 1, 2, 3, 4, 0]);
    // Practice on days 1–7 (a freeze earned), day 8 missed, day 9 practised; today is day 9 (a Saturday).
    let days: BTreeMap<i64, Day> = (1..=7).chain([9]).map(|d| (d, day(10.0))).collect();
    let practised = days.keys().copied().collect();
    let streak = motivation::streak::streak(&practised, 9);
    let cal = calendar(&days, &streak, 9, 2);
    assert_eq!(cal.first().map(|d| d.day), Some(9 - 5 - 7), "two weeks from a Monday");
    assert_eq!(weekday(cal[0].day), 0);
    assert_eq!(cal.last().map(|d| d.day), Some(9));
    let at = |d: i64| cal.iter().find(|c| c.day == d).copied().unwrap();
    assert!(at(8).frozen && at(8).streak && at(8).shade == 0);
    assert!(at(1).streak && at(9).streak && !at(0).streak);
    assert_eq!(at(9).shade, 2);
    // Broken: nothing marked.
    let broken = motivation::streak::streak(&practised, 20);
    assert!(calendar(&days, &broken, 20, 3).iter().all(|d| !d.streak));
}

/// Sessions of `minutes` each, one a day, whose speed follows 10 + 5·ln(1 + minutes before).
fn learner(n: usize, minutes: f64) -> Vec<Row> {
    (0..n)
        .map(|i| {
            let before = i as f64 * minutes;
            row(
                &format!("s{i:03}"),
                (100 + i) as f64 * DAY,
                0,
                minutes,
                10.0 + 5.0 * (1.0 + before).ln(),
                ModeKind::Words,
            )
        })
        .collect()
}

#[test]
fn the_curve_is_fitted_and_solved_for_the_target() {
    assert!(curve(&learner(5, 5.0), "us/en").is_none(), "too few sessions");
    assert!(curve(&learner(20, 0.2), "us/en").is_none(), "too few minutes");
    let c = curve(&learner(30, 10.0), "us/en").unwrap();
    assert!((c.a - 10.0).abs() < 1e-6 && (c.b - 5.0).abs() < 1e-6 && c.b_se < 1e-6, "{c:?}");
    // 40 WPM needs e^6 − 1 ≈ 402.4 minutes in all; 300 are done, so 103 more: 11 days at 10 a day, 7 at 15.
    assert_eq!(forecast(Some(&c), 40.0, 10.0), Forecast::Days { low: 11, high: Some(11) });
    assert_eq!(forecast(Some(&c), 40.0, 15.0), Forecast::Days { low: 7, high: Some(7) });
    assert_eq!(forecast(Some(&c), 20.0, 10.0), Forecast::Reached);
    assert_eq!(forecast(Some(&c), 200.0, 10.0), Forecast::Stalled, "e^38 minutes is beyond three years");
    assert_eq!(forecast(None, 40.0, 10.0), Forecast::TooFew);
    // Noise widens the range around the same middle.
    let mut noisy = learner(30, 10.0);
    for (i, r) in noisy.iter_mut().enumerate() {
        r.wpm = r.wpm.map(|w| w + if i % 2 == 0 { 2.0 } else { -2.0 });
    }
    let c = curve(&noisy, "us/en").unwrap();
    let Forecast::Days { low, high: Some(high) } = forecast(Some(&c), 40.0, 10.0) else { panic!() };
    assert!(low <= 11 && high >= 11 && low < high, "{low}–{high}");
    // A learner who gets slower never gets there.
    let mut slower = learner(30, 10.0);
    for (i, r) in slower.iter_mut().enumerate() {
        r.wpm = Some(30.0 - i as f64 * 0.5);
    }
    assert_eq!(forecast(curve(&slower, "us/en").as_ref(), 40.0, 10.0), Forecast::Stalled);
}

#[test]
fn the_reminder_is_a_valid_daily_calendar_event() {
    let r = Reminder {
        summary: "Klava: practise, 10 min".into(),
        description: "Keep the streak; one line\nand two".into(),
        url: "https://example.test/".into(),
    };
    let ics = daily(&r, 19, 5, day_of_date(2026, 12, 1), "reminder@klava", 1_764_612_000_000.0);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("\r\nDTSTART:20261201T190500\r\n"), "floating local time");
    assert!(ics.contains("\r\nRRULE:FREQ=DAILY\r\n"));
    assert!(ics.contains("SUMMARY:Klava: practise\\, 10 min"));
    assert!(ics.contains("Keep the streak\\; one line\\nand two"));
    assert!(ics.contains("\r\nDTSTAMP:20251201T180000Z\r\n"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
}

#[test]
fn long_lines_fold_between_characters() {
    let r = Reminder { summary: "Клава: ".repeat(30), ..Reminder::default() };
    let ics = daily(&r, 8, 0, 0, "u", 0.0);
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains(&format!("SUMMARY:{}", "Клава: ".repeat(30).replace(',', "\\,"))));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
}

#[test]
fn motivation_days_feed_the_calendar() {
    let rows = learner(3, 6.0);
    let m = motivation::fold(&rows, DailyGoal::Minutes(10), 102);
    let cal = calendar(&m.days, &m.streak, 102, 2);
    assert_eq!(cal.iter().filter(|d| d.streak).count(), 3);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Wild rows never panic, never give a negative or infinite figure.
    #[test]
    fn wild_rows_stay_finite(at in prop::num::f64::ANY, offset in any::<i32>(), minutes in -10.0f64..1e6, wpm in prop::num::f64::ANY) {
        let rows = vec![row("w", at, offset, minutes, wpm, ModeKind::Words); 9];
        for p in series(&rows, "us/en", Kinds::All, Period::All, 1000) {
            prop_assert!(p.x.is_finite() && p.wpm >= 0.0 && p.avg_wpm.is_finite());
        }
        let f = forecast(curve(&rows, "us/en").as_ref(), 40.0, 10.0);
        if let Forecast::Days { low, high } = f {
            prop_assert!(high.is_none_or(|h| h >= low));
        }
    }
}
