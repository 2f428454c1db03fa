//! The memory of one review item: an FSRS-style stability and difficulty pair.
//!
//! Why this model: half-life regression (Duolingo's, p = 2^(−Δ/h)) predicts from counts of right and
//! wrong answers with weights fitted to Duolingo's data, so its half-life ignores *when* the practice
//! happened; FSRS (the DSR model of Wozniak, as in the Free Spaced Repetition Scheduler, version 4.5)
//! is sequential — each practice moves the state left by the one before, and a practice that comes when
//! the item was nearly forgotten strengthens it more (the spacing effect), which is what a scheduler
//! that brings keys back days later needs. Its published default weights are fitted to flash-card
//! reviews, not to typing; they are kept as they are (the learner simulator measures how well the whole
//! schedules), and only the grade is ours: how a session's speed and accuracy on the item compare with the
//! learner's targets ([`Grade::of`]).
//!
//! - Retrievability after `t` days: R = (1 + F·t/S)^−½ with F = 19/81, so R(S) = 0.9: the stability S
//!   is the number of days until the chance of still having the item at target falls to 90 %.
//! - An item is due when R falls below [`DUE_BELOW`]; [`Memory::interval_days`] is when that happens.
//! - Every input is clamped (days since the last practice to 0..=[`MAX_DAYS`], stability and difficulty
//!   to their ranges), so a clock set back, a device in another zone or a gap of years never gives a
//!   negative, infinite or NaN interval.

use serde::{Deserialize, Serialize};

/// FSRS 4.5's default weights.
const W: [f64; 17] = [
    0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072, 0.0793, 0.3246,
    1.587, 0.2272, 2.8755,
];
/// The forgetting curve's factor: R(S) = 0.9.
const FACTOR: f64 = 19.0 / 81.0;
/// The forgetting curve's exponent.
const DECAY: f64 = -0.5;
/// An item is due when the chance of having it at target falls below this.
pub const DUE_BELOW: f64 = 0.9;
/// The longest gap taken into account (ten years); a longer one counts as this.
pub const MAX_DAYS: f64 = 3_650.0;
/// Stability's range, in days.
const STABILITY: (f64, f64) = (0.01, 36_500.0);
const MS_PER_DAY: f64 = 86_400_000.0;

/// How one practice of an item went, against the learner's targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    /// Well below (a mistake, or under half the target): forgotten.
    Again = 1,
    /// Below the target.
    Hard = 2,
    /// At the target.
    Good = 3,
    /// Well above (25 % or more over the target, without a mistake).
    Easy = 4,
}

impl Grade {
    /// The grade of `score`, the item's performance as a share of the target (1 = at target; the lower
    /// of the speed's and the accuracy's shares). Not a number counts as a failure.
    pub fn of(score: f64) -> Grade {
        match score {
            s if s >= 1.25 => Grade::Easy,
            s if s >= 1.0 => Grade::Good,
            s if s >= 0.5 => Grade::Hard,
            _ => Grade::Again,
        }
    }

    fn n(self) -> f64 {
        f64::from(self as u8)
    }
}

/// The state an item's practices leave.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    /// Days until the chance of having the item falls to 90 %.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
    /// When it was last practised (ms since the Unix epoch).
    pub last_ms: f64,
    /// Practices folded in.
    pub reps: u32,
    /// Practices graded [`Grade::Again`].
    pub lapses: u32,
}

fn clamp_stability(s: f64) -> f64 {
    if s.is_finite() { s.clamp(STABILITY.0, STABILITY.1) } else { STABILITY.0 }
}

fn clamp_difficulty(d: f64) -> f64 {
    if d.is_finite() { d.clamp(1.0, 10.0) } else { 10.0 }
}

fn initial_difficulty(g: Grade) -> f64 {
    clamp_difficulty(W[4] - (g.n() - 3.0) * W[5])
}

/// Days from `from_ms` to `to_ms`, clamped to 0..=[`MAX_DAYS`] (an earlier or unreadable time is 0).
pub fn days_between(from_ms: f64, to_ms: f64) -> f64 {
    let d = (to_ms - from_ms) / MS_PER_DAY;
    if d.is_finite() { d.clamp(0.0, MAX_DAYS) } else { 0.0 }
}

impl Memory {
    /// The state after a first practice at `at_ms`.
    pub fn first(g: Grade, at_ms: f64) -> Memory {
        Memory {
            stability: clamp_stability(W[g as usize - 1]),
            difficulty: initial_difficulty(g),
            last_ms: at_ms,
            reps: 1,
            lapses: u32::from(g == Grade::Again),
        }
    }

    /// The chance of having the item at `now_ms`.
    pub fn retrievability(&self, now_ms: f64) -> f64 {
        (1.0 + FACTOR * days_between(self.last_ms, now_ms) / self.stability).powf(DECAY)
    }

    /// Days after the last practice until the item is due.
    pub fn interval_days(&self) -> f64 {
        (self.stability / FACTOR * (DUE_BELOW.powf(1.0 / DECAY) - 1.0)).clamp(0.0, MAX_DAYS)
    }

    /// When the item is due (ms).
    pub fn due_ms(&self) -> f64 {
        self.last_ms + self.interval_days() * MS_PER_DAY
    }

    /// Whether the item is due at `now_ms`.
    pub fn is_due(&self, now_ms: f64) -> bool {
        self.retrievability(now_ms) < DUE_BELOW
    }

    /// The state after another practice, graded `g`, at `at_ms`. A practice earlier than the last one (a
    /// clock set back) counts as one at the same moment.
    pub fn practised(&self, g: Grade, at_ms: f64) -> Memory {
        let r = self.retrievability(at_ms);
        let (s, d) = (self.stability, self.difficulty);
        // Difficulty moves by the grade, and a little back towards a first good practice's.
        let moved = d - W[6] * (g.n() - 3.0);
        let difficulty = clamp_difficulty(W[7] * initial_difficulty(Grade::Good) + (1.0 - W[7]) * moved);
        let stability = if g == Grade::Again {
            // Forgotten: a new, smaller stability, never more than the old one.
            let after = W[11] * difficulty.powf(-W[12]) * ((s + 1.0).powf(W[13]) - 1.0) * (W[14] * (1.0 - r)).exp();
            after.min(s)
        } else {
            let hard = if g == Grade::Hard { W[15] } else { 1.0 };
            let easy = if g == Grade::Easy { W[16] } else { 1.0 };
            s * (1.0
                + W[8].exp() * (11.0 - difficulty) * s.powf(-W[9]) * ((W[10] * (1.0 - r)).exp() - 1.0) * hard * easy)
        };
        Memory {
            stability: clamp_stability(stability),
            difficulty,
            last_ms: if at_ms.is_finite() { at_ms.max(self.last_ms) } else { self.last_ms },
            reps: self.reps.saturating_add(1),
            lapses: self.lapses.saturating_add(u32::from(g == Grade::Again)),
        }
    }
}
