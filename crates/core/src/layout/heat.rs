//! Heatmap values for the on-screen keyboard from a profile's folded statistics.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Layout;
use crate::accumulate::Accumulator;

/// What a heatmap shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Heatmap {
    Off,
    Speed,
    Accuracy,
}

/// The ratio of slowest to fastest key time at which the speed scale is full, at least: smaller spreads
/// are drawn faintly rather than stretched to look alarming.
const MIN_SPEED_SPREAD: f64 = 1.5;

/// Per key code, how much the key needs work: 0 (fine) to 1. Keys typed fewer than five times are left
/// out.
///
/// - Accuracy: the share of misses, 20 % or more is 1.
/// - Speed: relative to the learner's own keys, so it shows at every level (a beginner's 400 ms keys and a
///   fast typist's 120 ms keys alike): `ln(t / fastest) / ln(spread)`, where `t` is the key's recent mean
///   time to type, `fastest` the fastest key's, and `spread` the slowest key's ratio to it (at least
///   1.5). The slowest key is 1 whenever the keys differ by half or more; a key twice as slow as the
///   fastest is 0.5 when the slowest is four times as slow. O(keys).
pub fn heat(layout: &Layout, stats: Option<&Accumulator>, mode: Heatmap) -> BTreeMap<String, f64> {
    let mut out: BTreeMap<String, f64> = BTreeMap::new();
    let Some(stats) = stats.filter(|_| mode != Heatmap::Off) else { return out };
    // (key code, raw figure): misses share, or mean ms.
    let mut raw: Vec<(String, f64)> = Vec::new();
    for (key, a) in &stats.keys {
        let attempts = a.hits + a.misses;
        let Some(c) = key.chars().next().filter(|_| attempts >= 5) else { continue };
        let Some(stroke) = layout.stroke_for(c) else { continue };
        let value = match mode {
            Heatmap::Accuracy => a.misses as f64 / attempts as f64,
            Heatmap::Speed => match a.recent_ms.mean() {
                Some(ms) if ms > 0.0 => ms,
                _ => continue,
            },
            Heatmap::Off => continue,
        };
        raw.push((stroke.code, value));
    }
    let scale: Box<dyn Fn(f64) -> f64> = match mode {
        Heatmap::Speed => {
            let fastest = raw.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
            let slowest = raw.iter().map(|r| r.1).fold(0.0, f64::max);
            let spread = (slowest / fastest).max(MIN_SPEED_SPREAD).ln();
            Box::new(move |ms| ((ms / fastest).ln() / spread).clamp(0.0, 1.0))
        }
        _ => Box::new(|share| (share * 5.0).min(1.0)),
    };
    for (code, value) in raw {
        // Two characters on one key (a letter and its capital): the key shows the worse.
        let v = out.entry(code).or_default();
        *v = v.max(scale(value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accumulate::Aggregate;
    use crate::layout::catalog;

    fn stats(keys: &[(&str, u64, u64, f64)]) -> Accumulator {
        let mut a = Accumulator::default();
        for &(key, hits, misses, recent_ms) in keys {
            let mut agg = Aggregate { hits, misses, ..Aggregate::default() };
            agg.recent_ms.add(0.0, recent_ms, 1.0);
            a.keys.insert(key.to_owned(), agg);
        }
        a
    }

    #[test]
    fn keys_are_tinted_by_misses_on_their_physical_key() {
        let ru = catalog::all().unwrap().into_iter().find(|l| l.id == "ru").unwrap();
        let acc = stats(&[("ж", 9, 1, 350.0)]);
        let by_accuracy = heat(&ru, Some(&acc), Heatmap::Accuracy);
        assert!((by_accuracy["Semicolon"] - 0.5).abs() < 1e-9, "10 % misses is half-way");
        assert!(heat(&ru, Some(&acc), Heatmap::Off).is_empty());
        assert!(heat(&ru, Some(&stats(&[("ж", 2, 1, 900.0)])), Heatmap::Speed).is_empty(), "too few attempts");
    }

    #[test]
    fn the_speed_scale_spans_the_learners_own_keys() {
        let us = catalog::all().unwrap().into_iter().find(|l| l.id == "us").unwrap();
        // Fast typist: 50 ms to 200 ms. The old absolute 150–550 ms scale drew the slowest at 0.125.
        let a = stats(&[("a", 10, 0, 50.0), ("s", 10, 0, 100.0), ("d", 10, 0, 200.0)]);
        let h = heat(&us, Some(&a), Heatmap::Speed);
        assert!(h["KeyA"].abs() < 1e-9, "the fastest key is clear");
        assert!((h["KeyS"] - 0.5).abs() < 1e-9, "twice as slow is half-way on a 4× spread");
        assert!((h["KeyD"] - 1.0).abs() < 1e-9, "the slowest key is full");
        // Keys within 10 % of each other are drawn faintly.
        let even = stats(&[("a", 10, 0, 200.0), ("s", 10, 0, 220.0)]);
        let h = heat(&us, Some(&even), Heatmap::Speed);
        assert!(h["KeyS"] > 0.2 && h["KeyS"] < 0.25, "{}", h["KeyS"]);
    }
}
