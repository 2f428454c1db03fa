//! Motivation — XP, levels, the daily goal, the streak and achievements — folded from the history's rows,
//! so nothing is stored or synced beside the records: sessions typed on another device count as they
//! arrive, and the result is the same whatever order they came in (the fold sorts them by end time, then
//! id). Only sessions typed in Klava count (imported ones are other trainers' history, not practice here),
//! and only sessions of five seconds or more make a day of practice.

pub mod achievements;
pub mod streak;
pub mod xp;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::course::progress::stars_of;
use crate::history::Row;
use crate::record::{Id, ModeKind, Source};
use crate::settings::DailyGoal;
pub use achievements::Achievement;
pub use streak::{Streak, local_day};
pub use xp::{Level, SessionXp, level_of};

/// Shortest session that makes a day of practice.
pub const MIN_PRACTICE_MS: f64 = 5_000.0;

/// One local day's practice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Day {
    pub minutes: f64,
    pub xp: u32,
    pub goal_met: bool,
}

/// Everything motivation shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Motivation {
    pub xp: u64,
    pub level: Level,
    /// Each session's XP, by record id.
    pub sessions: BTreeMap<Id, SessionXp>,
    /// Practice by local day.
    pub days: BTreeMap<i64, Day>,
    pub streak: Streak,
    /// Achievements and the local day each was earned.
    pub earned: BTreeMap<Achievement, i64>,
}

impl Default for Level {
    fn default() -> Self {
        level_of(0)
    }
}

impl Motivation {
    /// Today's practice.
    pub fn today(&self, today: i64) -> Day {
        self.days.get(&today).copied().unwrap_or_default()
    }

    /// How far today's practice is towards `goal`, 0–1.
    pub fn goal_progress(&self, goal: DailyGoal, today: i64) -> f64 {
        let day = self.today(today);
        match goal {
            DailyGoal::Minutes(m) => day.minutes / f64::from(m.max(1)),
            DailyGoal::Xp(x) => f64::from(day.xp) / f64::from(x.max(1)),
        }
        .clamp(0.0, 1.0)
    }
}

/// Counts the fold keeps while it walks the sessions.
#[derive(Default)]
struct Tally {
    sessions: u32,
    minutes: f64,
    lessons_passed: BTreeSet<(String, String)>,
    best_stars: BTreeMap<(String, String), u8>,
    profiles: BTreeSet<String>,
    goal_days: u32,
}

/// The motivation state of `rows` (in any order, duplicates counting once) with the daily `goal`, as of
/// the local day `today`.
/// O(rows · log rows).
pub fn fold<'a>(rows: impl IntoIterator<Item = &'a Row>, goal: DailyGoal, today: i64) -> Motivation {
    let mut rows: Vec<&Row> = rows.into_iter().filter(|r| r.source == Source::Klava).collect();
    rows.sort_by(|a, b| a.ended_at_ms.total_cmp(&b.ended_at_ms).then_with(|| a.id.cmp(&b.id)));
    // A session is one record: a row seen twice counts once.
    rows.dedup_by(|a, b| a.id == b.id);
    let mut m = Motivation::default();
    let mut t = Tally::default();
    for row in rows {
        let day = local_day(row.ended_at_ms, row.utc_offset_min).min(today);
        let mut x = SessionXp { typing: xp::typing_xp(row.wpm, row.duration_ms), ..SessionXp::default() };
        x.accuracy = xp::accuracy_xp(x.typing, row.accuracy);
        if let Some(run) = &row.lesson {
            let key = (run.course.clone(), run.lesson.clone());
            let stars = stars_of(run, row.wpm, row.accuracy);
            let before = t.best_stars.get(&key).copied().unwrap_or(0);
            if stars > 0 && t.lessons_passed.insert(key.clone()) {
                x.lesson += xp::LESSON_XP;
            }
            x.lesson += xp::STAR_XP * u32::from(stars.saturating_sub(before));
            t.best_stars.insert(key, before.max(stars));
        }
        let minutes = (row.duration_ms / 60_000.0).clamp(0.0, 120.0);
        let d = m.days.entry(day).or_default();
        if row.duration_ms >= MIN_PRACTICE_MS {
            d.minutes += minutes;
        }
        d.xp += x.total();
        let reached = match goal {
            DailyGoal::Minutes(g) => d.minutes >= f64::from(g),
            DailyGoal::Xp(g) => d.xp >= g,
        };
        if reached && !d.goal_met {
            d.goal_met = true;
            x.goal = xp::GOAL_XP;
            d.xp += xp::GOAL_XP;
            t.goal_days += 1;
        }
        m.xp += u64::from(x.total());
        m.sessions.insert(row.id.clone(), x);
        t.sessions += 1;
        t.minutes += minutes;
        t.profiles.insert(row.profile.clone());
        earn_from(&mut m.earned, row, &t, day);
    }
    let practised: BTreeSet<i64> = m.days.iter().filter(|(_, d)| d.minutes > 0.0).map(|(day, _)| *day).collect();
    m.streak = streak::streak(&practised, today);
    for (a, length) in Achievement::STREAKS {
        if let Some((_, day)) = m.streak.reached.iter().find(|(l, _)| *l >= length) {
            m.earned.entry(a).or_insert(*day);
        }
    }
    m.level = level_of(m.xp);
    m
}

/// Achievements a session earns, given the counts so far (it included).
fn earn_from(earned: &mut BTreeMap<Achievement, i64>, row: &Row, t: &Tally, day: i64) {
    let mut earn = |a: Achievement, when: bool| {
        if when {
            earned.entry(a).or_insert(day);
        }
    };
    let kind = &row.mode.kind;
    let accuracy = row.accuracy.unwrap_or(0.0);
    let test = matches!(kind, ModeKind::Words | ModeKind::Time | ModeKind::Quote);
    earn(Achievement::FirstSession, true);
    earn(Achievement::FirstLesson, !t.lessons_passed.is_empty());
    earn(Achievement::TenLessons, t.lessons_passed.len() >= 10);
    earn(Achievement::FiftyLessons, t.lessons_passed.len() >= 50);
    earn(Achievement::ThreeStars, t.best_stars.values().any(|s| *s >= 3));
    earn(Achievement::FirstPractice, *kind == ModeKind::Practice);
    earn(Achievement::FirstQuote, *kind == ModeKind::Quote);
    earn(Achievement::FirstZen, *kind == ModeKind::Zen);
    earn(Achievement::FirstCustom, *kind == ModeKind::Custom);
    earn(Achievement::FirstDictation, *kind == ModeKind::Dictation);
    earn(Achievement::SecondLayout, t.profiles.len() >= 2);
    for (a, wpm) in Achievement::SPEEDS {
        earn(a, test && accuracy >= 90.0 && row.wpm.is_some_and(|w| w >= wpm));
    }
    // A perfect test is one of some length: 25 words, 30 seconds, or a quote.
    let long_enough = match kind {
        ModeKind::Words => row.mode.amount >= 25,
        ModeKind::Time => row.mode.amount >= 30,
        _ => *kind == ModeKind::Quote,
    };
    earn(Achievement::Perfect, long_enough && accuracy >= 100.0);
    earn(Achievement::Marathon, row.duration_ms >= 10.0 * 60_000.0);
    earn(Achievement::Hour, t.minutes >= 60.0);
    earn(Achievement::TenHours, t.minutes >= 600.0);
    earn(Achievement::HundredSessions, t.sessions >= 100);
    earn(Achievement::FirstGoal, t.goal_days >= 1);
    earn(Achievement::Goal7, t.goal_days >= 7);
    let hour = (row.ended_at_ms / 3_600_000.0 + f64::from(row.utc_offset_min) / 60.0).rem_euclid(24.0);
    earn(Achievement::NightOwl, (0.0..4.0).contains(&hour));
    earn(Achievement::EarlyBird, (5.0..7.0).contains(&hour));
}

#[cfg(test)]
mod tests;
