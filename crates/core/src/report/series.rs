//! WPM and accuracy over time: one profile's sessions of some kinds in a period, oldest first, each a
//! point with the moving average of the last [`WINDOW`] sessions; and axis ticks at round values.

use crate::civil::{date_of_day, day_of_date};
use crate::history::Row;
use crate::motivation::local_day;
use crate::record::ModeKind;

/// Sessions in the moving average.
pub const WINDOW: usize = 10;

/// Which sessions a chart shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Kinds {
    #[default]
    All,
    /// Timed, word-count, quote, zen and custom tests.
    Tests,
    Lessons,
    /// Adaptive practice, here and imported from keybr.com.
    Practice,
}

impl Kinds {
    pub const EVERY: [Kinds; 4] = [Kinds::All, Kinds::Tests, Kinds::Lessons, Kinds::Practice];

    /// A stable name (test ids, message keys).
    pub fn key(self) -> &'static str {
        match self {
            Kinds::All => "all",
            Kinds::Tests => "tests",
            Kinds::Lessons => "lessons",
            Kinds::Practice => "practice",
        }
    }

    pub fn matches(self, kind: &ModeKind) -> bool {
        match self {
            Kinds::All => true,
            Kinds::Tests => {
                matches!(
                    kind,
                    ModeKind::Words
                        | ModeKind::Time
                        | ModeKind::Quote
                        | ModeKind::Zen
                        | ModeKind::Custom
                        | ModeKind::Dictation
                )
            }
            Kinds::Lessons => *kind == ModeKind::Lesson,
            Kinds::Practice => matches!(kind, ModeKind::Practice | ModeKind::Review | ModeKind::Keybr(_)),
        }
    }
}

/// How far back a chart goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Period {
    Week,
    #[default]
    Month,
    Year,
    All,
}

impl Period {
    pub const EVERY: [Period; 4] = [Period::Week, Period::Month, Period::Year, Period::All];

    /// Days in the period (today included), `None` for all time.
    pub fn days(self) -> Option<i64> {
        match self {
            Period::Week => Some(7),
            Period::Month => Some(30),
            Period::Year => Some(365),
            Period::All => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
            Period::All => "all",
        }
    }
}

/// One session on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub ended_at_ms: f64,
    pub offset_min: i32,
    /// Its local day.
    pub day: i64,
    /// Its local time in days since 1970-01-01 (the x axis).
    pub x: f64,
    pub wpm: f64,
    pub accuracy: Option<f64>,
    /// The mean of this and the previous sessions, up to [`WINDOW`].
    pub avg_wpm: f64,
    pub avg_accuracy: Option<f64>,
}

/// The points of `profile`'s sessions of `kinds` in `period` as of the local day `today`, oldest first. A
/// session dated after today (a clock set wrong) counts as today; a session without a speed or with a
/// speed that is not a finite number is left out. O(rows · log rows).
pub fn series<'a>(
    rows: impl IntoIterator<Item = &'a Row>,
    profile: &str,
    kinds: Kinds,
    period: Period,
    today: i64,
) -> Vec<Point> {
    let from = period.days().map_or(i64::MIN, |d| today - d + 1);
    let mut rows: Vec<(f64, &Row)> = rows
        .into_iter()
        .filter(|r| r.profile == profile && kinds.matches(&r.mode.kind))
        .filter(|r| r.wpm.is_some_and(f64::is_finite))
        .filter_map(|r| {
            let offset = r.utc_offset_min.clamp(-18 * 60, 18 * 60);
            let x = ((r.ended_at_ms + f64::from(offset) * 60_000.0) / 86_400_000.0).min((today + 1) as f64 - 1e-6);
            let day = local_day(r.ended_at_ms, r.utc_offset_min).min(today);
            (day >= from && x.is_finite()).then_some((x, r))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    rows.dedup_by(|a, b| a.1.id == b.1.id);
    let mut points: Vec<Point> = Vec::with_capacity(rows.len());
    for (i, (x, r)) in rows.iter().enumerate() {
        let window = &rows[i.saturating_sub(WINDOW - 1)..=i];
        let wpm = r.wpm.unwrap_or(0.0).clamp(0.0, 1000.0);
        let avg_wpm =
            window.iter().map(|(_, r)| r.wpm.unwrap_or(0.0).clamp(0.0, 1000.0)).sum::<f64>() / window.len() as f64;
        let acc: Vec<f64> = window.iter().filter_map(|(_, r)| r.accuracy).filter(|a| a.is_finite()).collect();
        points.push(Point {
            ended_at_ms: r.ended_at_ms,
            offset_min: r.utc_offset_min,
            day: local_day(r.ended_at_ms, r.utc_offset_min).min(today),
            x: *x,
            wpm,
            accuracy: r.accuracy.filter(|a| a.is_finite()).map(|a| a.clamp(0.0, 100.0)),
            avg_wpm,
            avg_accuracy: (!acc.is_empty()).then(|| (acc.iter().sum::<f64>() / acc.len() as f64).clamp(0.0, 100.0)),
        });
    }
    points
}

/// At most `max` ticks at round values (1, 2 or 5 times a power of ten) between `lo` and `hi`.
pub fn ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi < lo || max == 0 {
        return Vec::new();
    }
    let span = (hi - lo).max(1e-9);
    let mut step = 10f64.powf((span / max as f64).log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0, 20.0] {
        if span / (step * m) <= max as f64 - 1.0 || m == 20.0 {
            step *= m;
            break;
        }
    }
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).take(max).map(|i| i as f64 * step).collect()
}

/// Ticks for a date axis from day `first` to `last`: days, Mondays, or the first of every one, three or
/// twelve months, whichever gives at most `max`.
pub fn day_ticks(first: i64, last: i64, max: usize) -> Vec<i64> {
    if last < first || max == 0 {
        return Vec::new();
    }
    let span = last - first;
    if span < max as i64 {
        return (first..=last).collect();
    }
    if span / 7 < max as i64 {
        let monday = first + (7 - crate::civil::weekday(first) as i64) % 7;
        return (0..).map(|w| monday + 7 * w).take_while(|d| *d <= last).collect();
    }
    for months in [1u32, 3, 12, 60, 600] {
        let (y, m, d) = date_of_day(first);
        let k = i64::from(months);
        // The first month that starts on or after `first`, rounded up to a multiple of `months`.
        let index = y * 12 + i64::from(m - 1) + i64::from(d != 1);
        let mut index = (index + k - 1).div_euclid(k) * k;
        let mut out = Vec::new();
        loop {
            let day = day_of_date(index.div_euclid(12), (index.rem_euclid(12) + 1) as u32, 1);
            if day > last {
                break;
            }
            out.push(day);
            index += k;
        }
        if out.len() <= max {
            return out;
        }
    }
    vec![first]
}
