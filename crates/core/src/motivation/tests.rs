//! Motivation's rules with hand-computed cases, and its fold in any order.

use proptest::prelude::*;

use super::*;
use crate::record::LessonRun;

const DAY: f64 = 86_400_000.0;

/// A words-25 session typed in Klava that ended at `at` (ms) in zone `offset` (minutes), `minutes` long
/// at `wpm` and `accuracy`.
fn row(id: &str, at: f64, offset: i32, minutes: f64, wpm: f64, accuracy: f64) -> Row {
    Row::for_test(id, at, offset, minutes, (wpm, accuracy), ModeKind::Words)
}

fn lesson(mut r: Row, lesson: &str) -> Row {
    r.mode.kind = ModeKind::Lesson;
    r.lesson = Some(LessonRun { course: "us".into(), lesson: lesson.into(), speed: 20.0, min_accuracy: 95.0 });
    r
}

const GOAL: DailyGoal = DailyGoal::Minutes(10);

#[test]
fn xp_adds_typing_accuracy_lesson_and_goal_points() {
    // Day 100 at noon UTC: 2 min at 40 WPM, 100 % → typing 40, accuracy 20.
    let a = row("a", 100.0 * DAY + 12.0 * 3_600_000.0, 0, 2.0, 40.0, 100.0);
    // A lesson passed (24 WPM at 98 % against 20 WPM, 95 %: two stars): typing 12 (1 min), accuracy 5, +10
    // for the pass and +10 for two new stars.
    let b = lesson(row("b", a.ended_at_ms + 60_000.0, 0, 1.0, 24.0, 98.0), "home-1");
    // The same lesson again, three stars (29 WPM at 99 %): 15 typing, 7 accuracy, +5 for one new star.
    let c = lesson(row("c", a.ended_at_ms + 120_000.0, 0, 1.0, 29.0, 99.0), "home-1");
    // 8 more minutes at 30 WPM, 90 %: the day reaches 12 minutes, so this session brings the goal's 20.
    let d = row("d", a.ended_at_ms + 600_000.0, 0, 8.0, 30.0, 90.0);
    let m = fold(&[a, b, c, d], GOAL, 100);
    let xp = |id: &str| m.sessions[&Id::new(id).unwrap()];
    assert_eq!(xp("a"), SessionXp { typing: 40, accuracy: 20, lesson: 0, goal: 0 });
    assert_eq!(xp("b"), SessionXp { typing: 12, accuracy: 5, lesson: 20, goal: 0 });
    assert_eq!(xp("c"), SessionXp { typing: 15, accuracy: 7, lesson: 5, goal: 0 });
    assert_eq!(xp("d"), SessionXp { typing: 120, accuracy: 0, lesson: 0, goal: 20 });
    assert_eq!(m.xp, 60 + 37 + 27 + 140);
    assert_eq!(m.level, level_of(264));
    assert_eq!(m.level.level, 2);
    let today = m.today(100);
    assert!(today.goal_met && (today.minutes - 12.0).abs() < 1e-9 && today.xp == 264);
    assert_eq!(m.goal_progress(GOAL, 100), 1.0);
    assert_eq!(m.goal_progress(GOAL, 101), 0.0);
}

#[test]
fn the_streak_counts_local_days_across_time_zones() {
    // 23:30 in Moscow (UTC+3) on day 10 (20:30 UTC), then 00:30 in New York (UTC−5) on day 11 (05:30 UTC),
    // then 20:00 in New York on day 12 (01:00 UTC on day 13): three local days in a row.
    let moscow = 10.0 * DAY + 20.5 * 3_600_000.0;
    let rows = [
        row("a", moscow, 180, 1.0, 30.0, 95.0),
        row("b", 11.0 * DAY + 5.5 * 3_600_000.0, -300, 1.0, 30.0, 95.0),
        row("c", 13.0 * DAY + 1.0 * 3_600_000.0, -300, 1.0, 30.0, 95.0),
    ];
    let m = fold(&rows, GOAL, 12);
    assert_eq!(m.days.keys().copied().collect::<Vec<_>>(), vec![10, 11, 12]);
    assert_eq!((m.streak.current, m.streak.today_done), (3, true));
}

#[test]
fn imports_and_empty_sessions_make_no_xp_and_no_day() {
    let mut imported = row("a", 10.0 * DAY, 0, 5.0, 80.0, 100.0);
    imported.source = Source::Monkeytype;
    let empty = row("b", 11.0 * DAY, 0, 0.0, 0.0, 0.0);
    let mut nan = row("c", 11.0 * DAY + 1000.0, 0, 1.0, 0.0, 0.0);
    nan.wpm = Some(f64::NAN);
    let m = fold(&[imported.clone(), empty.clone()], GOAL, 11);
    assert_eq!(m.xp, 0);
    assert_eq!(m.streak.current, 0, "an import is not practice here, an empty session is not practice");
    // A minute typed whose speed is unreadable is practice time, worth no XP.
    let m = fold(&[imported, empty, nan], GOAL, 11);
    assert_eq!(m.xp, 0);
    assert_eq!(m.streak.current, 1);
    assert!(!m.sessions.contains_key(&Id::new("a").unwrap()));
}

#[test]
fn achievements_are_earned_on_the_day_their_rule_first_holds() {
    let mut rows = Vec::new();
    for day in 0..7 {
        rows.push(row(&format!("d{day}"), (20.0 + f64::from(day)) * DAY + 12.0 * 3_600_000.0, 0, 1.0, 35.0, 96.0));
    }
    let mut fast = row("fast", 27.0 * DAY + 12.0 * 3_600_000.0, 0, 1.0, 62.0, 100.0);
    fast.profile = "dvorak/en".into();
    rows.push(fast);
    // 02:00 local in UTC+2 is 00:00 UTC.
    rows.push(row("owl", 28.0 * DAY, 120, 1.0, 20.0, 80.0));
    // Dictation earns its own achievement, never a speed milestone (listening sets its pace).
    let mut heard = row("heard", 28.0 * DAY + 3_600_000.0, 0, 1.0, 130.0, 100.0);
    heard.mode.kind = ModeKind::Dictation;
    rows.push(heard);
    let m = fold(&rows, GOAL, 28);
    let on = |a: Achievement| m.earned.get(&a).copied();
    assert_eq!(on(Achievement::FirstSession), Some(20));
    assert_eq!(on(Achievement::Speed20), Some(20));
    assert_eq!(on(Achievement::Speed60), Some(27));
    assert_eq!(on(Achievement::Speed80), None);
    assert_eq!(on(Achievement::Perfect), Some(27), "25 words at 100 %");
    assert_eq!(on(Achievement::SecondLayout), Some(27));
    assert_eq!(on(Achievement::Streak7), Some(26));
    assert_eq!(on(Achievement::NightOwl), Some(28));
    assert_eq!(on(Achievement::FirstDictation), Some(28));
    assert_eq!(on(Achievement::Speed120), None);
    assert_eq!(on(Achievement::FirstLesson), None);
    assert_eq!(m.streak.current, 9);
    assert_eq!(m.streak.freezes, 1, "a freeze for seven days");
}

fn arb_rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec((0u32..40, -720i32..=840, 0.0..15.0f64, 0.0..150.0f64, 50.0..=100.0f64, any::<bool>()), 1..30)
        .prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (day, offset, minutes, wpm, acc, is_lesson))| {
                    let r =
                        row(&format!("r{i}"), f64::from(day) * DAY + (i as f64) * 1_000.0, offset, minutes, wpm, acc);
                    if is_lesson { lesson(r, ["home-1", "home-2"][i % 2]) } else { r }
                })
                .collect()
        })
}

proptest! {
    #[test]
    fn the_same_rows_in_any_order_and_twice_give_the_same_motivation(rows in arb_rows(), seed in any::<u64>()) {
        let once = fold(&rows, DailyGoal::Xp(50), 45);
        let mut shuffled = rows.clone();
        let mut rng = crate::rng::Rng::new(seed);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        prop_assert_eq!(&fold(&shuffled, DailyGoal::Xp(50), 45), &once);
        // A row twice (a record synced back, a backup imported again) is one session.
        let mut twice = shuffled.clone();
        twice.extend(rows.iter().cloned());
        prop_assert_eq!(&fold(&twice, DailyGoal::Xp(50), 45), &once);
    }
}
