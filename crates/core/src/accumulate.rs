//! Folding sessions into lasting per-key, per-bigram and per-finger figures.
//!
//! The records are a set (docs/ARCHITECTURE.md), so the fold must not depend on order: folding sessions one by
//! one, all at once, or merging two partial folds gives the same result. Counts and time sums (integer
//! microseconds) are exact in any order. The "recent" speed is an exponential moving average over the
//! sessions' wall-clock times rather than over arrival order: each timing has weight `2^((t − t_ref)/H)`
//! with half-life `H` ([`HALF_LIFE_MS`]), so newer practice counts more, and weights are rescaled when a
//! newer session moves the reference time. That is commutative and associative up to float rounding.
//! Adding a session is O(keys in it · log keys).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::Millis;
use crate::fingers::{Finger, FingerMap};
use crate::keystats::{KeyStat, SessionKeyStats};

/// Half-life of the recent average: practice two days old counts half as much as today's.
pub const HALF_LIFE_MS: f64 = 2.0 * 24.0 * 3600.0 * 1000.0;

/// An exponentially time-decayed mean.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Decayed {
    /// Wall-clock time (ms since the Unix epoch) the weights are relative to: the newest seen.
    pub ref_ms: f64,
    /// Sum of weights.
    pub weight: f64,
    /// Sum of weight · value.
    pub sum: f64,
}

impl Decayed {
    /// Adds `weight` samples with mean `value` observed at `at_ms`.
    pub fn add(&mut self, at_ms: f64, value: f64, weight: f64) {
        if self.weight == 0.0 {
            *self = Decayed { ref_ms: at_ms, weight, sum: value * weight };
        } else if at_ms >= self.ref_ms {
            // Newer: age what is there (one power of two); the new sample has full weight.
            let age = ((self.ref_ms - at_ms) / HALF_LIFE_MS).exp2();
            *self = Decayed { ref_ms: at_ms, weight: self.weight * age + weight, sum: self.sum * age + value * weight };
        } else {
            let w = weight * ((at_ms - self.ref_ms) / HALF_LIFE_MS).exp2();
            self.weight += w;
            self.sum += value * w;
        }
    }

    /// Combines two decayed means (the order does not matter).
    pub fn merge(&mut self, other: &Decayed) {
        if other.weight == 0.0 {
            return;
        }
        if self.weight == 0.0 {
            *self = *other;
            return;
        }
        let ref_ms = self.ref_ms.max(other.ref_ms);
        let scale = |d: &Decayed| ((d.ref_ms - ref_ms) / HALF_LIFE_MS).exp2();
        let (a, b) = (scale(self), scale(other));
        *self = Decayed { ref_ms, weight: self.weight * a + other.weight * b, sum: self.sum * a + other.sum * b };
    }

    /// The mean, when anything was added.
    pub fn mean(&self) -> Option<f64> {
        (self.weight > 0.0).then(|| self.sum / self.weight)
    }
}

/// Lasting figures for one key, bigram or finger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    pub hits: u64,
    pub misses: u64,
    /// Timed keystrokes.
    pub timed: u64,
    /// Sum of their times, in whole microseconds (exact in any order).
    pub time_sum_us: u64,
    /// Recent mean time to type, weighted toward newer sessions.
    pub recent_ms: Decayed,
    /// Recent share of correct keystrokes (0–1), weighted the same way.
    #[serde(default)]
    pub recent_accuracy: Decayed,
}

impl Aggregate {
    /// Mean time to type over all sessions.
    pub fn mean_ms(&self) -> Option<Millis> {
        (self.timed > 0).then(|| self.time_sum_us as f64 / self.timed as f64 / 1000.0)
    }

    fn add_session(&mut self, at_ms: f64, s: &KeyStat) {
        // Saturating: imported counts come from outside (and `as` saturates a huge time to u64::MAX).
        self.hits = self.hits.saturating_add(u64::from(s.hits));
        self.misses = self.misses.saturating_add(u64::from(s.misses));
        self.timed = self.timed.saturating_add(u64::from(s.timed));
        self.time_sum_us = self.time_sum_us.saturating_add((s.time_sum_ms * 1000.0).round() as u64);
        if let Some(mean) = s.mean_ms() {
            self.recent_ms.add(at_ms, mean, f64::from(s.timed));
        }
        let seen = f64::from(s.hits) + f64::from(s.misses);
        if seen > 0.0 {
            self.recent_accuracy.add(at_ms, f64::from(s.hits) / seen, seen);
        }
    }

    fn merge(&mut self, o: &Aggregate) {
        self.hits = self.hits.saturating_add(o.hits);
        self.misses = self.misses.saturating_add(o.misses);
        self.timed = self.timed.saturating_add(o.timed);
        self.time_sum_us = self.time_sum_us.saturating_add(o.time_sum_us);
        self.recent_ms.merge(&o.recent_ms);
        self.recent_accuracy.merge(&o.recent_accuracy);
    }
}

/// Everything folded from a profile's sessions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Accumulator {
    /// Sessions folded in.
    pub sessions: u64,
    pub keys: BTreeMap<String, Aggregate>,
    pub bigrams: BTreeMap<String, Aggregate>,
    pub fingers: BTreeMap<Finger, Aggregate>,
    /// Expected → typed → count.
    pub confusions: BTreeMap<String, BTreeMap<String, u64>>,
}

impl Accumulator {
    /// Folds in one session that ended at `at_ms` (ms since the Unix epoch), fingers through `map`.
    pub fn add_session(&mut self, at_ms: f64, stats: &SessionKeyStats, map: &dyn FingerMap) {
        self.sessions += 1;
        for (table, from) in [(&mut self.keys, &stats.keys), (&mut self.bigrams, &stats.bigrams)] {
            for (k, s) in from {
                // One lookup for a known key; the key is copied only the first time it is seen.
                match table.get_mut(k) {
                    Some(a) => a.add_session(at_ms, s),
                    None => table.entry(k.clone()).or_default().add_session(at_ms, s),
                }
            }
        }
        for (f, s) in stats.by_finger(map) {
            self.fingers.entry(f).or_default().add_session(at_ms, &s);
        }
        for (e, typed) in &stats.confusions {
            let row = self.confusions.entry(e.clone()).or_default();
            for (t, n) in typed {
                *row.entry(t.clone()).or_default() += u64::from(*n);
            }
        }
    }

    /// Folds many sessions at once.
    pub fn from_sessions<'a>(
        sessions: impl IntoIterator<Item = (f64, &'a SessionKeyStats)>,
        map: &dyn FingerMap,
    ) -> Self {
        let mut acc = Self::default();
        for (at, s) in sessions {
            acc.add_session(at, s, map);
        }
        acc
    }

    /// The `n` keys slowest to type recently (by the decayed mean), among keys timed at least `min_timed`
    /// times; slowest first. Space is left out (its time is the pause between words).
    pub fn slowest_keys(&self, n: usize, min_timed: u64) -> Vec<(&str, Millis)> {
        let mut keys: Vec<(&str, Millis)> = self
            .keys
            .iter()
            .filter(|(k, a)| k.as_str() != " " && a.timed >= min_timed)
            .filter_map(|(k, a)| Some((k.as_str(), a.recent_ms.mean()?)))
            .collect();
        keys.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        keys.truncate(n);
        keys
    }

    /// The `n` keys most often missed, as a share of the times they were expected (0–1), among keys
    /// expected at least `min_seen` times; worst first, keys never missed left out.
    pub fn most_missed_keys(&self, n: usize, min_seen: u64) -> Vec<(&str, f64)> {
        let mut keys: Vec<(&str, f64)> = self
            .keys
            .iter()
            .filter(|(_, a)| a.misses > 0 && a.hits + a.misses >= min_seen)
            .map(|(k, a)| (k.as_str(), a.misses as f64 / (a.hits + a.misses) as f64))
            .collect();
        keys.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        keys.truncate(n);
        keys
    }

    /// Combines two folds of disjoint session sets.
    pub fn merge(&mut self, other: &Accumulator) {
        self.sessions += other.sessions;
        for (k, a) in &other.keys {
            self.keys.entry(k.clone()).or_default().merge(a);
        }
        for (k, a) in &other.bigrams {
            self.bigrams.entry(k.clone()).or_default().merge(a);
        }
        for (f, a) in &other.fingers {
            self.fingers.entry(*f).or_default().merge(a);
        }
        for (e, typed) in &other.confusions {
            let row = self.confusions.entry(e.clone()).or_default();
            for (t, n) in typed {
                *row.entry(t.clone()).or_default() += n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slowest_and_most_missed_keys_rank_and_filter() {
        let mut acc = Accumulator::default();
        let mut add = |k: &str, hits, misses, ms: f64| {
            let a = acc.keys.entry(k.into()).or_default();
            a.hits = hits;
            a.misses = misses;
            a.timed = hits;
            a.recent_ms.add(0.0, ms, hits as f64);
        };
        add("a", 20, 0, 150.0);
        add("b", 20, 5, 300.0);
        add("c", 2, 2, 900.0);
        add(" ", 40, 0, 1000.0);
        add("d", 10, 10, 200.0);
        assert_eq!(
            acc.slowest_keys(2, 5),
            vec![("b", 300.0), ("d", 200.0)],
            "c is timed too few times, space is left out"
        );
        assert_eq!(acc.most_missed_keys(5, 5), vec![("d", 0.5), ("b", 0.2)]);
    }

    #[test]
    fn newer_samples_weigh_more() {
        let mut d = Decayed::default();
        d.add(0.0, 300.0, 1.0);
        d.add(HALF_LIFE_MS, 100.0, 1.0);
        // weights ½ and 1 → (150 + 100) / 1.5
        assert!((d.mean().unwrap() - 250.0 / 1.5).abs() < 1e-9);
    }

    #[test]
    fn merging_decayed_means_is_commutative() {
        let mut a = Decayed::default();
        a.add(1000.0, 200.0, 3.0);
        let mut b = Decayed::default();
        b.add(HALF_LIFE_MS * 3.0, 120.0, 2.0);
        let (mut ab, mut ba) = (a, b);
        ab.merge(&b);
        ba.merge(&a);
        assert!((ab.mean().unwrap() - ba.mean().unwrap()).abs() < 1e-9);
        assert_eq!(ab.ref_ms, ba.ref_ms);
    }
}
