//! How a key's confidence went over its recent practice sessions, and a forecast of how many more
//! sessions it needs to reach the targets: a least-squares line through the latest sessions, given as
//! a range (one standard error of the slope either side), or said plainly when no number is honest.

use crate::history::Row;
use crate::keystats::KeyStat;

/// Sessions the forecast looks back over.
pub const RECENT: usize = 10;
/// Fewest sessions a forecast is made from.
pub const MIN_POINTS: usize = 3;
/// Fewest keystrokes of a key in one session for its confidence there to count.
pub const MIN_IN_SESSION: u32 = 5;
/// The most sessions a forecast names; beyond it, the range is open.
pub const MAX_SESSIONS: u32 = 999;

/// A key's confidence from one session's own figures, as [`super::confidence`] reads the lasting ones:
/// the lower of speed ÷ target speed and accuracy ÷ target accuracy; `None` when it was typed too few
/// times or never timed.
pub fn session_confidence(stat: &KeyStat, target_ms: f64, target_accuracy: f64) -> Option<f64> {
    let typed = stat.hits.saturating_add(stat.misses);
    if typed < MIN_IN_SESSION {
        return None;
    }
    let speed = target_ms / stat.mean_ms()?;
    let accuracy = f64::from(stat.hits) / f64::from(typed) / target_accuracy;
    Some(speed.min(accuracy))
}

/// `key`'s confidence in the latest `limit` practice sessions of `profile` (`layout/language`) that
/// typed it enough, oldest first. `rows` come newest first, as the history gives them.
pub fn series<'a>(
    rows: impl IntoIterator<Item = &'a Row>,
    profile: &str,
    key: char,
    target_ms: f64,
    target_accuracy: f64,
    limit: usize,
) -> Vec<f64> {
    let key = key.to_string();
    let mut points: Vec<f64> = rows
        .into_iter()
        .filter(|r| r.profile == profile && r.practice.is_some())
        .filter_map(|r| session_confidence(r.keys.get(&key)?, target_ms, target_accuracy))
        .take(limit)
        .collect();
    points.reverse();
    points
}

/// What the latest sessions say about reaching the targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forecast {
    /// Fewer than [`MIN_POINTS`] sessions.
    TooFew,
    /// The line is at the targets already.
    Reached,
    /// Not getting better over the latest sessions.
    Stalled,
    /// Between `low` and `high` more sessions; `high` is `None` when the slow end of the range never
    /// gets there.
    Range { low: u32, high: Option<u32> },
}

/// The forecast from `points` (confidence per session, oldest first; the latest [`RECENT`] count).
pub fn forecast(points: &[f64]) -> Forecast {
    let points = &points[points.len().saturating_sub(RECENT)..];
    let n = points.len();
    if n < MIN_POINTS {
        return Forecast::TooFew;
    }
    let nf = n as f64;
    let mean_x = (nf - 1.0) / 2.0;
    let mean_y = points.iter().sum::<f64>() / nf;
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for (i, y) in points.iter().enumerate() {
        let dx = i as f64 - mean_x;
        sxx += dx * dx;
        sxy += dx * (y - mean_y);
    }
    let slope = sxy / sxx;
    let fit = |i: f64| mean_y + slope * (i - mean_x);
    let now = fit(nf - 1.0);
    if now >= 1.0 {
        return Forecast::Reached;
    }
    if slope <= 0.0 {
        return Forecast::Stalled;
    }
    let residuals: f64 = points.iter().enumerate().map(|(i, y)| (y - fit(i as f64)).powi(2)).sum();
    let error = (residuals / (nf - 2.0) / sxx).sqrt();
    let gap = 1.0 - now;
    // Sessions to close the gap at `rate` a session; a hair under a whole number is that number.
    let sessions = |rate: f64| ((gap / rate - 1e-9).ceil().max(1.0)).min(f64::from(MAX_SESSIONS)) as u32;
    let slow = slope - error;
    Forecast::Range { low: sessions(slope + error), high: (slow > 0.0).then(|| sessions(slow)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_climb_gives_one_number() {
        // 0.5, 0.6, 0.7, 0.8: slope 0.1 a session, no scatter; 0.2 to go → 2 sessions.
        assert_eq!(forecast(&[0.5, 0.6, 0.7, 0.8]), Forecast::Range { low: 2, high: Some(2) });
    }

    #[test]
    fn scatter_widens_the_range() {
        // 0.5, 0.7, 0.6, 0.8: slope 0.4 / 5 = 0.08, line at 0.77 now; residuals ±0.03, ±0.09 → 0.018;
        // error √(0.018 / 2 / 5) = 0.04243; 0.23 to go: 0.23 / 0.12243 = 1.88 → 2, 0.23 / 0.03757 = 6.12 → 7.
        assert_eq!(forecast(&[0.5, 0.7, 0.6, 0.8]), Forecast::Range { low: 2, high: Some(7) });
    }

    #[test]
    fn a_slope_within_its_error_of_zero_leaves_the_range_open() {
        // 0.6, 0.8, 0.6, 0.8, 0.65: rising a little, scattered a lot.
        assert!(matches!(
            forecast(&[0.6, 0.8, 0.6, 0.8, 0.65]),
            Forecast::Range { high: None, .. } | Forecast::Stalled
        ));
        assert!(matches!(forecast(&[0.6, 0.8, 0.6, 0.8, 0.7]), Forecast::Range { high: None, .. }));
    }

    #[test]
    fn too_few_reached_and_stalled_are_said_as_such() {
        assert_eq!(forecast(&[0.5, 0.9]), Forecast::TooFew);
        assert_eq!(forecast(&[0.8, 0.95, 1.1]), Forecast::Reached);
        assert_eq!(forecast(&[0.8, 0.7, 0.8, 0.7]), Forecast::Stalled);
        // Only the latest ten count: an old slump before them changes nothing.
        let mut points = vec![0.1; 5];
        points.extend([0.5, 0.6, 0.7, 0.8, 0.5, 0.6, 0.7, 0.8, 0.5, 0.6]);
        assert_eq!(forecast(&points), forecast(&points[5..]));
    }

    #[test]
    fn a_session_counts_when_the_key_was_typed_enough() {
        let stat = KeyStat { hits: 19, misses: 1, timed: 19, time_sum_ms: 19.0 * 400.0 };
        // Speed 300 / 400 = 0.75; accuracy 0.95 / 0.95 = 1 → 0.75.
        assert_eq!(session_confidence(&stat, 300.0, 0.95), Some(0.75));
        let few = KeyStat { hits: 3, misses: 1, timed: 3, time_sum_ms: 300.0 };
        assert_eq!(session_confidence(&few, 300.0, 0.95), None);
    }

    #[test]
    fn the_series_reads_the_latest_practice_sessions_of_the_profile_oldest_first() {
        use crate::record::{Id, ModeKind, PracticeRun, SessionMode, Source};
        let row = |at: f64, profile: &str, practice: bool, ms: f64| Row {
            id: Id::new(format!("r{at}")).unwrap(),
            ended_at_ms: at,
            utc_offset_min: 0,
            profile: profile.into(),
            mode: SessionMode { kind: ModeKind::Practice, amount: 0, punctuation: false, numbers: false },
            wpm: None,
            raw_wpm: None,
            accuracy: None,
            consistency: None,
            duration_ms: 1.0,
            source: Source::Klava,
            lesson: None,
            practice: practice.then(|| PracticeRun { unlocked: "etaoin".into(), focus: None, picked: None }),
            keys: [("e".to_owned(), KeyStat { hits: 10, misses: 0, timed: 10, time_sum_ms: ms * 10.0 })].into(),
            facts: String::new(),
        };
        // Newest first, as the history gives them: another profile's and a non-practice row are skipped.
        let rows = [
            row(4.0, "us/en", true, 300.0),
            row(3.0, "us/en", false, 100.0),
            row(2.0, "dvorak/en", true, 100.0),
            row(1.0, "us/en", true, 600.0),
        ];
        assert_eq!(series(&rows, "us/en", 'e', 300.0, 1.0, 10), vec![0.5, 1.0]);
        assert_eq!(series(&rows, "us/en", 'e', 300.0, 1.0, 1), vec![1.0], "the latest only");
        assert!(series(&rows, "us/en", 'x', 300.0, 1.0, 10).is_empty());
    }
}
