//! Per-key figures of one session: hits, misses and time to type each key, bigram timings, per-finger
//! totals, and which key was pressed instead of which (the confusion table).
//!
//! Time to type a key is the time since the previous keystroke, for correct keystrokes only; values
//! under 40 ms (rollover, bounce) or over 12 s (the learner paused) are left out, as keybr.com does.
//! O(keystrokes · log keys).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::engine::{Engine, KeyKind, Millis};
use crate::fingers::{Finger, FingerMap};

/// Shortest time to type that counts.
pub const MIN_KEY_MS: Millis = 40.0;
/// Longest time to type that counts.
pub const MAX_KEY_MS: Millis = 12_000.0;

/// Figures for one key, bigram or finger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KeyStat {
    /// Correct keystrokes.
    pub hits: u32,
    /// Wrong keystrokes where this key was expected.
    pub misses: u32,
    /// How many times were measured.
    pub timed: u32,
    /// Their sum, in milliseconds.
    pub time_sum_ms: f64,
}

impl KeyStat {
    /// Mean time to type, when any was measured.
    pub fn mean_ms(&self) -> Option<Millis> {
        (self.timed > 0).then(|| self.time_sum_ms / f64::from(self.timed))
    }

    fn add(&mut self, other: &KeyStat) {
        // Saturating: imported counts come from outside.
        self.hits = self.hits.saturating_add(other.hits);
        self.misses = self.misses.saturating_add(other.misses);
        self.timed = self.timed.saturating_add(other.timed);
        self.time_sum_ms += other.time_sum_ms;
    }
}

/// The per-key figures of one session. Keys are the expected graphemes (`" "` for Space).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionKeyStats {
    /// By expected grapheme.
    pub keys: BTreeMap<String, KeyStat>,
    /// By two consecutive expected graphemes typed correctly one after the other (timing only).
    pub bigrams: BTreeMap<String, KeyStat>,
    /// Expected grapheme → typed grapheme → count.
    pub confusions: BTreeMap<String, BTreeMap<String, u32>>,
}

/// Counts for one session, indexed while the log is read, before keys are copied into owned maps.
#[derive(Default)]
struct Tally<'a> {
    ids: HashMap<&'a str, usize>,
    names: Vec<&'a str>,
    keys: Vec<KeyStat>,
    bigrams: HashMap<(usize, usize), KeyStat>,
    confusions: HashMap<(usize, &'a str), u32>,
}

impl<'a> Tally<'a> {
    fn id(&mut self, key: &'a str) -> usize {
        *self.ids.entry(key).or_insert_with(|| {
            self.names.push(key);
            self.keys.push(KeyStat::default());
            self.names.len() - 1
        })
    }

    fn into_stats(self) -> SessionKeyStats {
        let names = &self.names;
        let mut confusions: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        for ((e, t), n) in self.confusions {
            confusions.entry(names[e].to_owned()).or_default().insert(t.to_owned(), n);
        }
        SessionKeyStats {
            keys: names.iter().zip(self.keys).map(|(k, s)| ((*k).to_owned(), s)).collect(),
            bigrams: self.bigrams.into_iter().map(|((a, b), s)| (format!("{}{}", names[a], names[b]), s)).collect(),
            confusions,
        }
    }
}

impl From<&Engine> for SessionKeyStats {
    fn from(engine: &Engine) -> Self {
        let mut tally = Tally::default();
        // The previous counted keystroke: its time, and its key id when it was correct.
        let mut previous: Option<(Millis, Option<usize>)> = None;
        for k in engine.log().iter().filter(|k| k.kind != KeyKind::Ignored) {
            let timing = previous.map(|(at, _)| k.at - at).filter(|t| (MIN_KEY_MS..=MAX_KEY_MS).contains(t));
            let id = k.expected.as_deref().map(|e| tally.id(e));
            match (k.kind, id) {
                (KeyKind::Correct, Some(e)) => {
                    let stat = &mut tally.keys[e];
                    stat.hits += 1;
                    if let Some(t) = timing {
                        stat.timed += 1;
                        stat.time_sum_ms += t;
                        if let Some((_, Some(p))) = previous {
                            let b = tally.bigrams.entry((p, e)).or_default();
                            b.hits += 1;
                            b.timed += 1;
                            b.time_sum_ms += t;
                        }
                    }
                }
                (KeyKind::Incorrect, Some(e)) => {
                    tally.keys[e].misses += 1;
                    if let Some(t) = k.typed.as_deref() {
                        *tally.confusions.entry((e, t)).or_default() += 1;
                    }
                }
                _ => {}
            }
            // A bigram needs two correct keystrokes in a row.
            previous = Some((k.at, id.filter(|_| k.kind == KeyKind::Correct)));
        }
        tally.into_stats()
    }
}

impl SessionKeyStats {
    /// Totals per finger through `map`; keys the map does not know are left out.
    pub fn by_finger(&self, map: &dyn FingerMap) -> BTreeMap<Finger, KeyStat> {
        let mut out: BTreeMap<Finger, KeyStat> = BTreeMap::new();
        for (key, stat) in &self.keys {
            if let Some(f) = map.finger(key) {
                out.entry(f).or_default().add(stat);
            }
        }
        out
    }

    /// Up to `n` keys by mean time to type, slowest first (keys timed at least twice).
    pub fn slowest(&self, n: usize) -> Vec<(&str, Millis)> {
        let mut v: Vec<_> = self
            .keys
            .iter()
            .filter(|(_, s)| s.timed >= 2)
            .filter_map(|(k, s)| Some((k.as_str(), s.mean_ms()?)))
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }

    /// Up to `n` keys by misses, most first.
    pub fn most_missed(&self, n: usize) -> Vec<(&str, u32)> {
        let mut v: Vec<_> =
            self.keys.iter().filter(|(_, s)| s.misses > 0).map(|(k, s)| (k.as_str(), s.misses)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Input, Options};
    use crate::fingers::UsQwerty;

    fn stats(target: &str, keys: &[(char, f64)]) -> SessionKeyStats {
        let mut e = Engine::new(target, Options::default()).unwrap();
        for &(c, at) in keys {
            let input = if c == '⌫' { Input::Backspace } else { Input::Char(c) };
            e.apply(input, at).unwrap();
        }
        SessionKeyStats::from(&e)
    }

    #[test]
    fn hits_misses_times_bigrams_and_confusions() {
        // f(0) j(200) x-for-f(300) ⌫(500) f(700) j(20 000: a pause, not timed)
        let s = stats("fjfj", &[('f', 0.0), ('j', 200.0), ('x', 300.0), ('⌫', 500.0), ('f', 700.0), ('j', 20_000.0)]);
        let f = s.keys["f"];
        assert_eq!((f.hits, f.misses, f.timed), (2, 1, 1));
        assert_eq!(f.mean_ms(), Some(200.0), "f after ⌫ took 200 ms; the first f has no predecessor");
        assert_eq!(s.keys["j"].mean_ms(), Some(200.0), "the 19.3 s pause is left out");
        assert_eq!(s.bigrams["fj"].mean_ms(), Some(200.0));
        assert!(!s.bigrams.contains_key("jf"), "an error came between j and f");
        assert_eq!(s.confusions["f"]["x"], 1);
    }

    #[test]
    fn rollover_faster_than_40_ms_is_not_timed() {
        let s = stats("ab", &[('a', 0.0), ('b', 10.0)]);
        assert_eq!(s.keys["b"].timed, 0);
        assert_eq!(s.keys["b"].hits, 1);
    }

    #[test]
    fn fingers_slowest_and_most_missed() {
        let s = stats(
            "fjfjfj",
            &[
                ('f', 0.0),
                ('j', 100.0),
                ('f', 400.0),
                ('k', 500.0),
                ('⌫', 600.0),
                ('j', 700.0),
                ('f', 800.0),
                ('j', 1100.0),
            ],
        );
        let by_finger = s.by_finger(&UsQwerty);
        assert_eq!(by_finger[&Finger::LeftIndex].hits, 3);
        assert_eq!(by_finger[&Finger::RightIndex].misses, 1);
        assert_eq!(s.slowest(1)[0].0, "f");
        assert_eq!(s.most_missed(5), vec![("j", 1)]);
    }
}
