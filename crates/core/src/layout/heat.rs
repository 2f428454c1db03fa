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

/// Per key code, how much the key needs work: 0 (fine) to 1. Accuracy: 20 % misses or more is 1.
/// Speed: the recent mean time to type, 150 ms or less is 0 and 550 ms or more is 1. Keys typed fewer
/// than five times are left out.
pub fn heat(layout: &Layout, stats: Option<&Accumulator>, mode: Heatmap) -> BTreeMap<String, f64> {
    let mut out: BTreeMap<String, f64> = BTreeMap::new();
    let Some(stats) = stats.filter(|_| mode != Heatmap::Off) else { return out };
    for (key, a) in &stats.keys {
        let attempts = a.hits + a.misses;
        let Some(c) = key.chars().next().filter(|_| attempts >= 5) else { continue };
        let Some(stroke) = layout.stroke_for(c) else { continue };
        let value = match mode {
            Heatmap::Accuracy => (a.misses as f64 / attempts as f64 * 5.0).min(1.0),
            Heatmap::Speed => match a.recent_ms.mean() {
                Some(ms) => ((ms - 150.0) / 400.0).clamp(0.0, 1.0),
                None => continue,
            },
            Heatmap::Off => continue,
        };
        let v = out.entry(stroke.code).or_default();
        *v = v.max(value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accumulate::Aggregate;
    use crate::layout::catalog;

    fn stats(key: &str, hits: u64, misses: u64, recent_ms: f64) -> Accumulator {
        let mut a = Accumulator::default();
        let mut agg = Aggregate { hits, misses, ..Aggregate::default() };
        agg.recent_ms.add(0.0, recent_ms, 1.0);
        a.keys.insert(key.to_owned(), agg);
        a
    }

    #[test]
    fn keys_are_tinted_by_misses_or_time_on_their_physical_key() {
        let ru = catalog::all().unwrap().into_iter().find(|l| l.id == "ru").unwrap();
        let acc = stats("ж", 9, 1, 350.0);
        let by_accuracy = heat(&ru, Some(&acc), Heatmap::Accuracy);
        assert!((by_accuracy["Semicolon"] - 0.5).abs() < 1e-9, "10 % misses is half-way");
        let by_speed = heat(&ru, Some(&acc), Heatmap::Speed);
        assert!((by_speed["Semicolon"] - 0.5).abs() < 1e-9, "350 ms is half-way between 150 and 550");
        assert!(heat(&ru, Some(&acc), Heatmap::Off).is_empty());
        assert!(heat(&ru, Some(&stats("ж", 2, 1, 900.0)), Heatmap::Speed).is_empty(), "too few attempts");
    }
}
