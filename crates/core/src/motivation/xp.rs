//! Experience points for a session, and levels.
//!
//! XP rewards what was typed right, so a fast sloppy session earns no more than a careful one:
//! - **typing**: one point per ten net characters (net WPM × 5 × minutes, the definition of net speed read
//!   backwards): a minute at 40 WPM is 20 XP;
//! - **accuracy**: up to half the typing points more, from 90 % accuracy (nothing) to 100 % (+50 %);
//! - **lesson**: 10 for passing a lesson the first time, 5 for each new star;
//! - **goal**: 20 for the session that meets the day's goal.
//!
//! Figures are clamped (a session counts at most two hours and 300 WPM), so a damaged or imported record can
//! never give negative or enormous XP.

use serde::{Deserialize, Serialize};

/// XP for a passed lesson, the first time.
pub const LESSON_XP: u32 = 10;
/// XP for each new star of a lesson.
pub const STAR_XP: u32 = 5;
/// XP for meeting the day's goal.
pub const GOAL_XP: u32 = 20;

/// A session's XP, by where it came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionXp {
    pub typing: u32,
    pub accuracy: u32,
    pub lesson: u32,
    pub goal: u32,
}

impl SessionXp {
    pub fn total(&self) -> u32 {
        self.typing + self.accuracy + self.lesson + self.goal
    }
}

/// Points for the net characters of a session of `duration_ms` at `wpm`.
pub fn typing_xp(wpm: Option<f64>, duration_ms: f64) -> u32 {
    let (Some(wpm), true) = (wpm.filter(|w| w.is_finite()), duration_ms.is_finite()) else { return 0 };
    let minutes = (duration_ms / 60_000.0).clamp(0.0, 120.0);
    let net_chars = wpm.clamp(0.0, 300.0) * 5.0 * minutes;
    (net_chars / 10.0).round() as u32
}

/// The accuracy bonus on `typing` points at `accuracy` percent.
pub fn accuracy_xp(typing: u32, accuracy: Option<f64>) -> u32 {
    let share = accuracy.filter(|a| a.is_finite()).map_or(0.0, |a| ((a - 90.0) / 20.0).clamp(0.0, 0.5));
    (f64::from(typing) * share).round() as u32
}

/// A level and the way to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    /// From 1.
    pub level: u32,
    /// XP earned since this level began.
    pub into: u64,
    /// XP this level takes in all.
    pub span: u64,
}

/// XP at which level `n` begins: 50·n·(n−1) — 0, 100, 300, 600, 1000, … (each level 100 XP longer than the
/// one before, so early levels come quickly and later ones mark real practice).
pub fn level_start(n: u32) -> u64 {
    50 * u64::from(n) * u64::from(n.saturating_sub(1))
}

/// The level of `xp` points.
pub fn level_of(xp: u64) -> Level {
    // n(n−1) ≤ xp/50: start from the real root and step to the exact level.
    let mut n = ((1.0 + (1.0 + 4.0 * xp as f64 / 50.0).sqrt()) / 2.0).floor().max(1.0) as u32;
    while level_start(n) > xp {
        n -= 1;
    }
    while level_start(n + 1) <= xp {
        n += 1;
    }
    Level { level: n, into: xp - level_start(n), span: level_start(n + 1) - level_start(n) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_points_are_net_characters_over_ten() {
        // 40 WPM for a minute: 200 net characters → 20.
        assert_eq!(typing_xp(Some(40.0), 60_000.0), 20);
        // 75 WPM for 30 s: 187.5 → 18.75 → 19.
        assert_eq!(typing_xp(Some(75.0), 30_000.0), 19);
        assert_eq!(typing_xp(None, 60_000.0), 0);
        assert_eq!(typing_xp(Some(f64::NAN), 60_000.0), 0);
        assert_eq!(typing_xp(Some(-5.0), 60_000.0), 0, "never negative");
        // Clamped: 10 hours at 1000 WPM counts as 2 hours at 300.
        assert_eq!(typing_xp(Some(1000.0), 36_000_000.0), 18_000);
    }

    #[test]
    fn accuracy_adds_up_to_half_from_ninety_percent() {
        assert_eq!(accuracy_xp(20, Some(100.0)), 10);
        assert_eq!(accuracy_xp(20, Some(95.0)), 5);
        assert_eq!(accuracy_xp(20, Some(90.0)), 0);
        assert_eq!(accuracy_xp(20, Some(70.0)), 0);
        assert_eq!(accuracy_xp(20, None), 0);
    }

    #[test]
    fn levels_follow_the_documented_curve() {
        assert_eq!(level_of(0), Level { level: 1, into: 0, span: 100 });
        assert_eq!(level_of(99), Level { level: 1, into: 99, span: 100 });
        assert_eq!(level_of(100), Level { level: 2, into: 0, span: 200 });
        assert_eq!(level_of(650), Level { level: 4, into: 50, span: 400 });
        assert_eq!(level_start(10), 4500);
        for xp in [0, 1, 299, 300, 4499, 4500, 1_000_000, u64::from(u32::MAX)] {
            let l = level_of(xp);
            assert!(level_start(l.level) <= xp && xp < level_start(l.level + 1), "{xp}");
        }
    }
}
