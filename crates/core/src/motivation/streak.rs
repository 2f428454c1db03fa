//! The streak, fairly: a day is the learner's local calendar day at the time of each session (its record
//! keeps the UTC offset then), so travelling or a session at 23:59 never breaks it; practice offline counts
//! like any other, since it is the same records. Freezes are earned — one for every [`FREEZE_EVERY`] days
//! of practice in a streak, at most [`MAX_FREEZES`] held — and spent by themselves on a missed day, one a
//! day. The streak is a function of the set of practice days, so it is the same whatever order the
//! records came in.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// Days of practice in a streak that earn a freeze.
pub const FREEZE_EVERY: u32 = 7;
/// Most freezes held at once.
pub const MAX_FREEZES: u32 = 2;

/// The local calendar day (days since 1970-01-01) of `ms` in a zone `offset_min` ahead of UTC. Offsets are
/// clamped to ±18 h and times to ±30 million years, so a wild record cannot overflow.
pub fn local_day(ms: f64, offset_min: i32) -> i64 {
    let minutes = (ms / 60_000.0).floor().clamp(-1.6e13, 1.6e13) as i64;
    (minutes + i64::from(offset_min.clamp(-18 * 60, 18 * 60))).div_euclid(1440)
}

/// The streak as of a day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Streak {
    /// Days of practice in the streak still alive (0 when it is broken).
    pub current: u32,
    /// The longest streak ever, in days of practice.
    pub longest: u32,
    /// Freezes held now.
    pub freezes: u32,
    /// Days a freeze covered, oldest first.
    pub frozen: Vec<i64>,
    /// Whether today has practice already (else the streak is waiting for it).
    pub today_done: bool,
    /// Days on which the streak reached each length, for achievements: `(length, day)`.
    pub reached: Vec<(u32, i64)>,
}

/// The streak over `days` (local days with practice) as of `today`. A day after `today` (a clock set
/// wrong) counts as today. O(days).
pub fn streak(days: &BTreeSet<i64>, today: i64) -> Streak {
    let mut s = Streak::default();
    let mut run = 0u32;
    let mut last: Option<i64> = None;
    for &day in days {
        let day = day.min(today);
        if last == Some(day) {
            continue;
        }
        let missed = last.map_or(0, |l| (day - l - 1).max(0));
        if last.is_some() && missed > i64::from(s.freezes) {
            run = 0;
        } else if missed > 0 {
            s.freezes -= missed as u32;
            s.frozen.extend(last.unwrap_or(day) + 1..day);
        }
        run += 1;
        s.reached.push((run, day));
        if run.is_multiple_of(FREEZE_EVERY) {
            s.freezes = (s.freezes + 1).min(MAX_FREEZES);
        }
        s.longest = s.longest.max(run);
        last = Some(day);
    }
    let Some(last) = last else { return s };
    s.today_done = last == today;
    // Days gone by since the last practice (today is still open) are covered by freezes, or end it.
    let missed = today - last - 1;
    if missed <= 0 {
        s.current = run;
    } else if missed <= i64::from(s.freezes) {
        s.freezes -= missed as u32;
        s.frozen.extend(last + 1..today);
        s.current = run;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(d: &[i64]) -> BTreeSet<i64> {
        d.iter().copied().collect()
    }

    #[test]
    fn consecutive_days_make_a_streak_that_waits_for_today() {
        let s = streak(&days(&[10, 11, 12]), 12);
        assert_eq!((s.current, s.longest, s.today_done), (3, 3, true));
        let s = streak(&days(&[10, 11, 12]), 13);
        assert_eq!((s.current, s.today_done), (3, false), "yesterday's streak is alive until today ends");
        assert_eq!(streak(&days(&[10, 11, 12]), 14).current, 0, "a whole day missed with no freeze");
    }

    #[test]
    fn freezes_are_earned_every_seven_days_and_cover_missed_days() {
        // Days 1–7: a freeze earned. Day 8 missed (covered), day 9 practised: the streak goes on.
        let mut d: Vec<i64> = (1..=7).collect();
        d.push(9);
        let s = streak(&days(&d), 9);
        assert_eq!((s.current, s.freezes, s.frozen.clone()), (8, 0, vec![8]));
        // Two days missed with one freeze: broken; the next practice starts at 1.
        let mut d: Vec<i64> = (1..=7).collect();
        d.push(10);
        let s = streak(&days(&d), 10);
        assert_eq!((s.current, s.longest), (1, 7));
        // At most two held: 21 days earn three, two are kept.
        let s = streak(&days(&(1..=21).collect::<Vec<_>>()), 21);
        assert_eq!(s.freezes, MAX_FREEZES);
        // Missing the two days before today with two freezes keeps it.
        let s = streak(&days(&(1..=21).collect::<Vec<_>>()), 24);
        assert_eq!((s.current, s.freezes, s.frozen.clone()), (21, 0, vec![22, 23]));
    }

    #[test]
    fn a_day_is_the_local_calendar_day_of_the_session() {
        // 23:59 in UTC+3 on day 100 is 20:59 UTC the same day; 00:30 in UTC−5 on day 101 is 05:30 UTC.
        let day = 100.0 * 86_400_000.0;
        assert_eq!(local_day(day + (20.0 * 60.0 + 59.0) * 60_000.0, 180), 100);
        assert_eq!(local_day(day + 86_400_000.0 + 5.5 * 3_600_000.0, -300), 101);
        // A flight from Moscow to New York: sessions on consecutive local days stay consecutive.
        let moscow_evening = local_day(day + 18.0 * 3_600_000.0, 180);
        let new_york_next_evening = local_day(day + 86_400_000.0 + 23.0 * 3_600_000.0, -300);
        assert_eq!(new_york_next_evening - moscow_evening, 1);
        // Wild values clamp instead of overflowing.
        assert_eq!(local_day(f64::NAN, 0), 0);
        assert!(local_day(f64::MAX, i32::MAX) > 0);
    }

    #[test]
    fn a_clock_set_wrong_gives_no_streak_from_nowhere() {
        // A session dated ten years ahead counts as today, once.
        let s = streak(&days(&[10, 11, 4000]), 12);
        assert_eq!((s.current, s.longest), (3, 3));
        // A gap of years breaks it, without overflow.
        assert_eq!(streak(&days(&[-1_000_000, 12]), 12).current, 1);
        assert_eq!(streak(&BTreeSet::new(), 12), Streak::default());
    }
}
