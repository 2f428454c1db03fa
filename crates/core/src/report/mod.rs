//! What the progress page shows, as pure functions of the history's rows and the motivation fold: time
//! practised, WPM and accuracy over time, the calendar of practice, the forecast of when the learner
//! reaches their target, and the daily reminder as a calendar file.

pub mod calendar;
pub mod forecast;
pub mod ics;
pub mod keys;
pub mod replay;
pub mod series;

use std::collections::BTreeMap;

use crate::civil::weekday;
use crate::motivation::Day;

/// Minutes practised in all, this week (from Monday) and today, and the number of days with practice.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    pub all: f64,
    pub week: f64,
    pub today: f64,
    pub days: u32,
}

/// The totals of `days` (the motivation fold's local days) as of the local day `today`. O(days).
pub fn totals(days: &BTreeMap<i64, Day>, today: i64) -> Totals {
    let monday = today - i64::from(weekday(today));
    let mut t = Totals::default();
    for (&day, d) in days.iter().filter(|(_, d)| d.minutes > 0.0) {
        t.all += d.minutes;
        t.days += 1;
        if (monday..=today).contains(&day) {
            t.week += d.minutes;
        }
        if day == today {
            t.today += d.minutes;
        }
    }
    t
}

#[cfg(test)]
mod tests;
