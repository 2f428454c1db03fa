//! Adaptive practice: keybr.com's method, with accuracy counted and no key ever taken away.
//!
//! Letters enter in the language's frequency order, six at first. A key's confidence is the lower of
//! two ratios to the learner's targets: its recent speed (target time ÷ recent time to type it) and its
//! recent accuracy (recent share of correct keystrokes ÷ target accuracy) — keybr looks at speed alone,
//! so a key typed fast and often wrong counts there as learned. Both are the history's time-decayed
//! means ([`crate::accumulate`]), so every session of any kind counts, and the figures do not depend on
//! the order records arrive in. A new key enters when every key in play has reached [`UNLOCK_AT`] (keybr
//! waits for 1), and the text favours the letters furthest from the targets.
//!
//! A key once in play stays: the set in play is the union of what earlier practice sessions recorded
//! ([`ever_unlocked`]) and the first letters of the order. A key that falls behind becomes the focus
//! (the weakest key, which the text favours) instead of being taken away, which is what keybr's learners
//! call the relock loop.

pub mod forecast;

use std::collections::BTreeSet;

use crate::accumulate::{Accumulator, Aggregate};
use crate::course::{Model, base_letters, rank_weight};
use crate::history::Row;
use crate::layout::Layout;
use crate::rng::Rng;

/// Letters in play before any practice.
pub const FIRST_KEYS: usize = 6;

/// The confidence every key in play needs before the next key comes in: three quarters of the targets.
/// keybr.com waits for every key to reach the targets, so for most of the time one key is being learned
/// and most keystrokes go to keys already learned; letting the next key in a little earlier keeps two or
/// three keys learning at once, and the text gives them the keystrokes ([`text`]). The learner simulator
/// (`crates/sim`) measured this: about a quarter fewer keystrokes until every key is at the targets, with
/// no worse retention (BENCHMARKS.md).
pub const UNLOCK_AT: f64 = 0.75;

/// Keystrokes of a key before its figures count (fewer say too little to judge it).
pub const MIN_SEEN: u64 = 15;

/// The layout's letters (what it types at Base on the letter rows, lower case) in the order practice
/// brings them in: by frequency in `words` (most frequent first, each word weighted by its rank, as the
/// Markov model does); letters the words never use come last, in key order.
pub fn letter_order(layout: &Layout, words: &[&str]) -> Vec<char> {
    let letters: Vec<char> = (1..=3).flat_map(|row| base_letters(layout, row)).collect();
    let mut weight: Vec<u64> = vec![0; letters.len()];
    for (rank, word) in words.iter().enumerate() {
        let w = u64::from(rank_weight(rank));
        for c in word.chars().flat_map(char::to_lowercase) {
            if let Some(at) = letters.iter().position(|l| *l == c) {
                weight[at] += w;
            }
        }
    }
    let mut order: Vec<(usize, char)> = letters.into_iter().enumerate().collect();
    order.sort_by_key(|(at, _)| (std::cmp::Reverse(weight[*at]), *at));
    order.into_iter().map(|(_, c)| c).collect()
}

/// One key's standing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyState {
    pub key: char,
    /// Recent mean time to type it (ms).
    pub speed_ms: Option<f64>,
    /// Recent share of correct keystrokes (0–1).
    pub accuracy: Option<f64>,
    /// 1 at the targets; `None` until it has been typed [`MIN_SEEN`] times.
    pub confidence: Option<f64>,
}

/// A key's confidence from its lasting figures: the lower of speed ÷ target speed and accuracy ÷ target
/// accuracy; `None` with too little data.
pub fn confidence(a: &Aggregate, target_ms: f64, target_accuracy: f64) -> Option<f64> {
    if a.hits + a.misses < MIN_SEEN {
        return None;
    }
    let speed = target_ms / a.recent_ms.mean()?;
    let accuracy = a.recent_accuracy.mean()? / target_accuracy;
    Some(speed.min(accuracy))
}

/// What the next practice session works on.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Keys in play, in the order they entered.
    pub unlocked: Vec<char>,
    /// The weakest key in play, which the text favours.
    pub focus: Option<char>,
    /// A key that enters with this session.
    pub new_key: Option<char>,
    /// Every letter of the order with its figures (the ones not in play too).
    pub keys: Vec<KeyState>,
}

/// The next session's plan: keys in play from `order`, `ever` (keys earlier sessions had in play) and
/// the learner's figures in `stats`, against `target_wpm` and `target_accuracy` (0–1). O(letters).
pub fn plan(
    order: &[char],
    stats: Option<&Accumulator>,
    ever: &BTreeSet<char>,
    target_wpm: f64,
    target_accuracy: f64,
) -> Plan {
    // A word is five characters: a key at the target speed takes 60 000 / (5 × WPM) ms.
    let target_ms = 60_000.0 / (5.0 * target_wpm.max(1.0));
    let keys: Vec<KeyState> = order
        .iter()
        .map(|&key| {
            let a = stats.and_then(|s| s.keys.get(key.to_string().as_str()));
            KeyState {
                key,
                speed_ms: a.and_then(|a| a.recent_ms.mean()),
                accuracy: a.and_then(|a| a.recent_accuracy.mean()),
                confidence: a.and_then(|a| confidence(a, target_ms, target_accuracy)),
            }
        })
        .collect();
    let from_ever = order.iter().rposition(|c| ever.contains(c)).map_or(0, |at| at + 1);
    let mut n = FIRST_KEYS.max(from_ever).min(order.len());
    let ready = |n: usize| keys[..n].iter().all(|k| k.confidence.is_some_and(|c| c >= UNLOCK_AT));
    let mut new_key = None;
    if n < order.len() && ready(n) {
        new_key = Some(order[n]);
        n += 1;
    }
    // Keys `ever` had that the order would bring later (a list that changed) stay in play too.
    let mut unlocked: Vec<char> = order[..n].to_vec();
    unlocked.extend(order[n..].iter().filter(|c| ever.contains(c)));
    let focus = new_key.or_else(|| {
        keys.iter()
            .filter(|k| unlocked.contains(&k.key))
            .min_by(|a, b| a.confidence.unwrap_or(0.0).total_cmp(&b.confidence.unwrap_or(0.0)))
            .filter(|k| k.confidence.is_none_or(|c| c < 1.0))
            .map(|k| k.key)
    });
    Plan { unlocked, focus, new_key, keys }
}

impl Plan {
    /// A plan for a text of the letters the learner `picked` by hand (letters outside the order are
    /// left out): those letters in play, the weakest of them below the targets the focus, no new key.
    pub fn picked(&self, picked: &[char]) -> Plan {
        let unlocked: Vec<char> = self.keys.iter().map(|k| k.key).filter(|k| picked.contains(k)).collect();
        let focus = self
            .keys
            .iter()
            .filter(|k| unlocked.contains(&k.key) && k.confidence.is_some_and(|c| c < 1.0))
            .min_by(|a, b| a.confidence.unwrap_or(0.0).total_cmp(&b.confidence.unwrap_or(0.0)))
            .map(|k| k.key);
        Plan { unlocked, focus, new_key: None, keys: self.keys.clone() }
    }
}

/// The keys earlier practice sessions of `profile` (`layout/language`) had in play: the union over
/// their rows, so no key is ever taken away, whatever order the rows came in.
pub fn ever_unlocked<'a>(rows: impl IntoIterator<Item = &'a Row>, profile: &str) -> BTreeSet<char> {
    rows.into_iter()
        .filter(|r| r.profile == profile)
        .filter_map(|r| r.practice.as_ref())
        .flat_map(|p| p.unlocked.chars())
        .collect()
}

/// Words drawn for each place in the text; the one whose letters need practice most is kept.
pub const CANDIDATES: usize = 6;

/// How much each letter of `plan` needs practice: 1 − its confidence, 0 at the targets, 1 with too
/// little data to tell.
fn needs(plan: &Plan) -> Vec<(char, f64)> {
    plan.keys.iter().map(|k| (k.key, k.confidence.map_or(1.0, |c| (1.0 - c).clamp(0.0, 1.0)))).collect()
}

/// A word's need of practice: the mean need of its letters (so a long word of learned letters does not
/// win over a short one of weak letters).
fn need_of(word: &str, needs: &[(char, f64)]) -> f64 {
    let (sum, n) = word
        .chars()
        .fold((0.0, 0usize), |(sum, n), c| (sum + needs.iter().find(|(k, _)| *k == c).map_or(0.0, |(_, x)| *x), n + 1));
    sum / n.max(1) as f64
}

/// `count` practice words for `plan`: pseudo-words from `model` over the keys in play, or (with
/// `real_words`) words of `words` made only of them, topped up with pseudo-words when fewer than ten
/// such words exist. Every other word has the focus key; each word is the one of [`CANDIDATES`] drawn
/// whose letters are furthest from the targets, so the keystrokes go to the keys that need them rather
/// than to keys already learned (the learner simulator, `crates/sim`, measures what this saves).
pub fn text(
    model: &Model,
    words: &[String],
    plan: &Plan,
    real_words: bool,
    count: usize,
    rng: &mut Rng,
) -> Vec<String> {
    let allowed = &plan.unlocked;
    let needs = needs(plan);
    let has_focus = |w: &str| plan.focus.is_none_or(|f| w.contains(f));
    let usable: Vec<&str> = if real_words {
        words.iter().map(String::as_str).filter(|w| w.chars().all(|c| allowed.contains(&c))).collect()
    } else {
        Vec::new()
    };
    let focused: Vec<&str> = usable.iter().copied().filter(|w| has_focus(w)).collect();
    let draw = |want_focus: bool, rng: &mut Rng| -> String {
        if usable.len() >= 10 {
            let from = if want_focus && !focused.is_empty() { &focused } else { &usable };
            return from[rng.below(from.len())].to_owned();
        }
        let mut word = model.word(allowed, rng);
        for _ in 0..8 {
            if !want_focus || has_focus(&word) {
                break;
            }
            word = model.word(allowed, rng);
        }
        word
    };
    (0..count)
        .map(|i| {
            let want_focus = i % 2 == 0;
            let mut best = draw(want_focus, rng);
            let mut best_need = need_of(&best, &needs);
            for _ in 1..CANDIDATES {
                let word = draw(want_focus, rng);
                let need = need_of(&word, &needs);
                if need > best_need && (!want_focus || has_focus(&word) || !has_focus(&best)) {
                    (best, best_need) = (word, need);
                }
            }
            best
        })
        .collect()
}

#[cfg(test)]
mod tests;
