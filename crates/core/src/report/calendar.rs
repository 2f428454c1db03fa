//! The calendar of practice: a year of local days in columns of weeks (Monday first), each shaded by the
//! minutes practised, the days of the live streak and the days a freeze covered marked.

use std::collections::{BTreeMap, BTreeSet};

use crate::civil::weekday;
use crate::motivation::{Day, Streak};

/// Minutes at which a day's shade steps up: under the first is shade 1, at the last or more shade 4.
pub const SHADES: [f64; 3] = [5.0, 15.0, 30.0];

/// One day of the calendar.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CalendarDay {
    pub day: i64,
    pub minutes: f64,
    /// 0 (no practice) to 4.
    pub shade: u8,
    /// A freeze covered it.
    pub frozen: bool,
    /// It is part of the streak still alive.
    pub streak: bool,
}

/// The shade of a day with `minutes` of practice.
pub fn shade(minutes: f64) -> u8 {
    if minutes.is_nan() || minutes <= 0.0 {
        return 0;
    }
    1 + SHADES.iter().filter(|s| minutes >= **s).count() as u8
}

/// `weeks` whole weeks ending with the one holding `today`, from a Monday through `today`. O(weeks + days).
pub fn calendar(days: &BTreeMap<i64, Day>, streak: &Streak, today: i64, weeks: u32) -> Vec<CalendarDay> {
    let first = today - i64::from(weekday(today)) - 7 * i64::from(weeks.max(1) - 1);
    let frozen: BTreeSet<i64> = streak.frozen.iter().copied().collect();
    // The live streak runs back from today (if practised) or yesterday through practised or frozen days.
    let mut live = BTreeSet::new();
    if streak.current > 0 {
        let practised = |d: i64| days.get(&d).is_some_and(|x| x.minutes > 0.0);
        let mut d = if streak.today_done { today } else { today - 1 };
        while d >= first && (practised(d) || frozen.contains(&d)) {
            live.insert(d);
            d -= 1;
        }
    }
    (first..=today)
        .map(|day| {
            let minutes = days.get(&day).map_or(0.0, |d| d.minutes);
            CalendarDay {
                day,
                minutes,
                shade: shade(minutes),
                frozen: frozen.contains(&day),
                streak: live.contains(&day),
            }
        })
        .collect()
}
