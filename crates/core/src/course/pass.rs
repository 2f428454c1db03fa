//! Whether a lesson is passed, its stars, and what to work on when it is not.
//!
//! A lesson passes at the accuracy the learner set (95 % unless changed) and a speed derived from their
//! target speed: lower in the units that bring in new keys, where a learner is still finding them.
//! Stars reward doing better than the pass: 2 stars at 1.2× the lesson's speed and 97 % (or the pass
//! accuracy when that is higher), 3 stars at 1.4× and 99 %.

use super::UnitKind;

/// The share of the learner's target speed a lesson of `unit` asks for.
pub fn speed_share(unit: UnitKind) -> f64 {
    match unit {
        UnitKind::Home => 0.4,
        UnitKind::Top | UnitKind::Bottom => 0.5,
        UnitKind::Accents | UnitKind::Numbers | UnitKind::Punctuation => 0.55,
        UnitKind::Capitals => 0.6,
        UnitKind::Words => 0.8,
    }
}

/// The speed (WPM) a lesson of `unit` needs for a learner aiming at `target_wpm`: at least 5 WPM,
/// rounded to a whole number so it reads plainly.
pub fn lesson_speed(unit: UnitKind, target_wpm: f64) -> f64 {
    (target_wpm * speed_share(unit)).round().max(5.0)
}

/// What a finished lesson was: passed with 1–3 stars, or not, with what fell short.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Passed {
        stars: u8,
    },
    /// Not passed: which of the two fell short (both may).
    Failed {
        too_slow: bool,
        too_inaccurate: bool,
    },
}

impl Outcome {
    /// The stars earned (0 when not passed).
    pub fn stars(self) -> u8 {
        match self {
            Self::Passed { stars } => stars,
            Self::Failed { .. } => 0,
        }
    }
}

/// Judges a lesson typed at `wpm` with `accuracy` (0–100) against a required `speed` and `min_accuracy`.
pub fn judge(wpm: f64, accuracy: f64, speed: f64, min_accuracy: f64) -> Outcome {
    let (too_slow, too_inaccurate) = (wpm < speed, accuracy < min_accuracy);
    if too_slow || too_inaccurate {
        return Outcome::Failed { too_slow, too_inaccurate };
    }
    let stars = if wpm >= speed * 1.4 && accuracy >= min_accuracy.max(99.0) {
        3
    } else if wpm >= speed * 1.2 && accuracy >= min_accuracy.max(97.0) {
        2
    } else {
        1
    };
    Outcome::Passed { stars }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pass_needs_both_speed_and_accuracy() {
        assert_eq!(judge(20.0, 95.0, 20.0, 95.0), Outcome::Passed { stars: 1 });
        assert_eq!(judge(19.9, 99.0, 20.0, 95.0), Outcome::Failed { too_slow: true, too_inaccurate: false });
        assert_eq!(judge(30.0, 94.9, 20.0, 95.0), Outcome::Failed { too_slow: false, too_inaccurate: true });
        assert_eq!(judge(10.0, 80.0, 20.0, 95.0), Outcome::Failed { too_slow: true, too_inaccurate: true });
        assert_eq!(judge(10.0, 80.0, 20.0, 95.0).stars(), 0);
    }

    #[test]
    fn stars_for_doing_better() {
        assert_eq!(judge(24.0, 97.0, 20.0, 95.0).stars(), 2);
        assert_eq!(judge(24.0, 96.9, 20.0, 95.0).stars(), 1, "fast but not accurate enough for two");
        assert_eq!(judge(28.0, 99.0, 20.0, 95.0).stars(), 3);
        assert_eq!(judge(28.0, 98.0, 20.0, 95.0).stars(), 2);
        assert_eq!(judge(28.0, 98.0, 20.0, 98.0).stars(), 2, "a stricter pass accuracy still gives two");
        assert_eq!(judge(27.9, 100.0, 20.0, 95.0).stars(), 2);
    }

    #[test]
    fn lesson_speeds_are_lower_where_keys_are_new() {
        assert_eq!(lesson_speed(UnitKind::Home, 40.0), 16.0);
        assert_eq!(lesson_speed(UnitKind::Words, 40.0), 32.0);
        assert_eq!(lesson_speed(UnitKind::Home, 5.0), 5.0, "never below 5 WPM");
    }
}
