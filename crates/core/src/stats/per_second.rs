//! The per-second series behind the speed chart: raw WPM and errors in each second of the clock.

use serde::{Deserialize, Serialize};

use super::duration_ms;
use crate::engine::{Engine, KeyKind};

/// One second of the session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Second {
    /// Typed keystrokes in this second, as a speed: `keystrokes / 5 / (length / 60 000)`.
    pub raw_wpm: f64,
    /// Wrong keystrokes (incorrect or extra) in this second.
    pub errors: usize,
}

/// Splits the clock into whole seconds from the first keystroke and measures each.
///
/// Second `k` holds keystrokes at `start + k·1000 ≤ t < start + (k+1)·1000`; a keystroke exactly at the
/// end belongs to the last second. A final partial second is its own entry, as in Monkeytype: its speed
/// is scaled to a full second when it lasts at least half a second, and taken over a full second when it
/// is shorter (a few keys in a sliver of time would otherwise show as a spike). Empty when the clock has
/// not run. O(keystrokes + seconds).
pub fn per_second(engine: &Engine) -> Vec<Second> {
    let (Some(start), total) = (engine.started_at(), duration_ms(engine)) else {
        return Vec::new();
    };
    if total <= 0.0 {
        return Vec::new();
    }
    let buckets = (total / 1000.0).ceil() as usize;
    let mut counts = vec![(0usize, 0usize); buckets];
    for k in engine.log().iter().filter(|k| k.kind.is_typed()) {
        let i = (((k.at - start) / 1000.0).floor().max(0.0) as usize).min(buckets - 1);
        counts[i].0 += 1;
        counts[i].1 += usize::from(k.kind != KeyKind::Correct);
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, (n, errors))| {
            let part = total - i as f64 * 1000.0;
            let len = if i + 1 == buckets && part >= 500.0 { part.min(1000.0) } else { 1000.0 };
            Second { raw_wpm: n as f64 / 5.0 / (len / 60_000.0), errors }
        })
        .collect()
}
