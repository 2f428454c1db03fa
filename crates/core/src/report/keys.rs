//! The keys, bigrams and fingers behind a profile's speed, for the progress page: per-finger figures,
//! the slowest and most-missed bigrams, and the confusion table ("you press е for и 12% of the time").

use crate::accumulate::{Accumulator, Aggregate};
use crate::fingers::Finger;

/// A bigram, key or finger needs this many samples before it is ranked.
pub const MIN_SAMPLES: u64 = 5;

/// One finger's figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FingerRow {
    pub finger: Finger,
    /// Keystrokes it made.
    pub presses: u64,
    /// Recent mean time per keystroke.
    pub ms: Option<f64>,
    /// Share correct in all, 0–100.
    pub accuracy: Option<f64>,
}

/// "Pressed `typed` when `expected` was expected", `count` times: `share` (0–100) of the times
/// `expected` was expected.
#[derive(Clone, Debug, PartialEq)]
pub struct Confusion {
    pub expected: String,
    pub typed: String,
    pub count: u64,
    pub share: f64,
}

fn accuracy(a: &Aggregate) -> Option<f64> {
    let seen = a.hits + a.misses;
    (seen > 0).then(|| a.hits as f64 * 100.0 / seen as f64)
}

/// Every finger that typed, left to right.
pub fn fingers(acc: &Accumulator) -> Vec<FingerRow> {
    acc.fingers
        .iter()
        .filter(|(_, a)| a.hits + a.misses > 0)
        .map(|(f, a)| FingerRow {
            finger: *f,
            presses: a.hits + a.misses,
            ms: a.recent_ms.mean(),
            accuracy: accuracy(a),
        })
        .collect()
}

/// The `n` slowest bigrams lately (recent mean ms), among those timed [`MIN_SAMPLES`] times or more and
/// not holding a space; slowest first.
pub fn slow_bigrams(acc: &Accumulator, n: usize) -> Vec<(String, f64)> {
    let mut v: Vec<(String, f64)> = acc
        .bigrams
        .iter()
        .filter(|(k, a)| a.timed >= MIN_SAMPLES && !k.contains(' '))
        .filter_map(|(k, a)| Some((k.clone(), a.recent_ms.mean()?)))
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

/// The `n` bigrams most often missed (share 0–100), among those seen [`MIN_SAMPLES`] times or more;
/// worst first, never-missed ones left out.
pub fn missed_bigrams(acc: &Accumulator, n: usize) -> Vec<(String, f64)> {
    let mut v: Vec<(String, f64)> = acc
        .bigrams
        .iter()
        .filter(|(k, a)| a.misses > 0 && a.hits + a.misses >= MIN_SAMPLES && !k.contains(' '))
        .map(|(k, a)| (k.clone(), a.misses as f64 * 100.0 / (a.hits + a.misses) as f64))
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

/// The `n` most frequent confusions, by count, with their share of the expected key's appearances.
pub fn confusions(acc: &Accumulator, n: usize) -> Vec<Confusion> {
    let mut v: Vec<Confusion> = acc
        .confusions
        .iter()
        .flat_map(|(e, typed)| {
            let seen = acc.keys.get(e).map_or(0, |a| a.hits + a.misses);
            typed.iter().map(move |(t, count)| Confusion {
                expected: e.clone(),
                typed: t.clone(),
                count: *count,
                share: if seen > 0 { (*count as f64 * 100.0 / seen as f64).min(100.0) } else { 0.0 },
            })
        })
        .filter(|c| c.count > 0)
        .collect();
    v.sort_by(|a, b| {
        b.count.cmp(&a.count).then_with(|| b.share.total_cmp(&a.share)).then_with(|| a.expected.cmp(&b.expected))
    });
    v.truncate(n);
    v
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn agg(hits: u64, misses: u64, ms: f64) -> Aggregate {
        let mut a =
            Aggregate { hits, misses, timed: hits, time_sum_us: (ms * 1000.0) as u64 * hits, ..Aggregate::default() };
        a.recent_ms.add(0.0, ms, hits as f64);
        a
    }

    #[test]
    fn ranks_bigrams_and_confusions_with_their_shares() {
        let mut acc = Accumulator::default();
        acc.bigrams.insert("th".into(), agg(20, 0, 150.0));
        acc.bigrams.insert("qu".into(), agg(8, 2, 400.0));
        acc.bigrams.insert("zx".into(), agg(2, 2, 900.0));
        acc.bigrams.insert("e ".into(), agg(30, 10, 990.0));
        assert_eq!(
            slow_bigrams(&acc, 5),
            vec![("qu".to_owned(), 400.0), ("th".to_owned(), 150.0)],
            "too few samples and spaces left out"
        );
        assert_eq!(missed_bigrams(&acc, 5), vec![("qu".to_owned(), 20.0)]);
        acc.keys.insert("и".into(), agg(88, 12, 200.0));
        acc.confusions.insert("и".into(), BTreeMap::from([("е".to_owned(), 9), ("м".to_owned(), 3)]));
        let c = confusions(&acc, 5);
        assert_eq!((c[0].expected.as_str(), c[0].typed.as_str(), c[0].count, c[0].share), ("и", "е", 9, 9.0));
        assert_eq!(c.len(), 2);
        acc.fingers.insert(Finger::LeftIndex, agg(90, 10, 180.0));
        let f = fingers(&acc);
        assert_eq!((f[0].finger, f[0].presses, f[0].accuracy), (Finger::LeftIndex, 100, Some(90.0)));
    }
}
