//! The simulated learner: a latent skill per key that practice builds and time wears away.
//!
//! The model is written from published findings about motor skill and memory, and its parameters
//! ([`Params::default`]) were fixed before any scheduler was tuned:
//! - **Power law of practice** (Newell & Rosenbloom 1981): the time to type a key falls toward an
//!   asymptote as `floor + (first − floor)·(1 + E/N)^(−α)` with `E` the key's effective practice
//!   (keystrokes); the error rate falls the same way.
//! - **Shared skill**: a keystroke is also a little practice of the other keys of its finger, its hand
//!   and its row (transfer between neighbouring movements).
//! - **Bigrams**: a key is slower after a letter it has seldom followed; each transition has its own
//!   power law of practice (not forgotten, a simplification). A key counts as at the targets by its own
//!   skill; the transitions only slow what the schedulers measure, as they do a real learner's.
//! - **Forgetting** as a power function of time since the key was last practised (Wixted & Ebbesen 1991):
//!   the practice still available is `E·r·(1 + Δdays/S)^(−φ)`.
//! - **Spacing effect** (Cepeda et al. 2006): the stability `S` grows when a key is practised again after
//!   a gap, the more the longer the gap relative to `S`, and hardly at all when practice is massed in one
//!   day. **Relearning is faster than learning** (savings): each keystroke restores a share of what was
//!   forgotten.
//!
//! Keys differ (by finger and at random, per seed): pinkies are slower, some keys are harder to learn.
//! Everything is deterministic for a seed.

use std::collections::BTreeMap;

use klava_core::fingers::{Finger, FingerMap, UsQwerty};
use klava_core::keystats::{KeyStat, SessionKeyStats};
use klava_core::rng::Rng;

/// A day in milliseconds.
pub const DAY_MS: f64 = 86_400_000.0;

/// The learner's constants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Time to type a key never practised (ms): hunting for it.
    pub first_ms: f64,
    /// The asymptote (ms) for an index-finger key.
    pub floor_ms: f64,
    /// Keystrokes of practice that make the first real step (N in the power law).
    pub practice_scale: f64,
    /// The power law's exponent α.
    pub learning_exponent: f64,
    /// Error rate of a key never practised.
    pub first_error: f64,
    /// Error rate at the asymptote.
    pub floor_error: f64,
    /// Share of a keystroke that is practice of each other key of the same finger.
    pub finger_transfer: f64,
    /// … of each other key of the same hand (another finger).
    pub hand_transfer: f64,
    /// … of each other key of the same row.
    pub row_transfer: f64,
    /// Stability (days) of a key's first practice.
    pub stability_days: f64,
    /// The forgetting curve's exponent φ.
    pub forgetting: f64,
    /// Share of what was forgotten that one keystroke restores.
    pub relearning: f64,
    /// Practice a day (minutes).
    pub minutes_a_day: f64,
    /// Spread of one keystroke's time around the key's mean (σ of a log-normal).
    pub noise: f64,
    /// How much slower a key is after a letter it has never followed (a new transition): +30 %.
    pub bigram_extra: f64,
    /// Keystrokes of a transition that make the first real step of its own power law.
    pub bigram_scale: f64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            first_ms: 1_000.0,
            floor_ms: 140.0,
            practice_scale: 60.0,
            learning_exponent: 0.5,
            first_error: 0.15,
            floor_error: 0.01,
            finger_transfer: 0.10,
            hand_transfer: 0.02,
            row_transfer: 0.02,
            stability_days: 1.0,
            forgetting: 0.3,
            relearning: 0.05,
            minutes_a_day: 15.0,
            noise: 0.25,
            bigram_extra: 0.3,
            bigram_scale: 20.0,
        }
    }
}

/// Space takes this long and is never wrong (it is not a key to learn here).
const SPACE_MS: f64 = 200.0;

/// One key's latent state.
#[derive(Clone, Debug)]
struct Key {
    finger: Finger,
    row: usize,
    /// This key's asymptote and practice scale (they differ between keys).
    floor_ms: f64,
    scale: f64,
    first_error: f64,
    /// Practice so far (keystrokes, with what neighbours passed on).
    practice: f64,
    /// Share of it available right after the last practice.
    retained: f64,
    /// Stability (days).
    stability: f64,
    last_ms: f64,
    /// The day of the last practice (the spacing effect counts once a day).
    last_day: i64,
}

/// A simulated learner on US QWERTY's letters.
#[derive(Clone, Debug)]
pub struct Learner {
    params: Params,
    keys: BTreeMap<char, Key>,
    /// Practice of each transition (the letter before, the letter), keystrokes.
    bigrams: BTreeMap<(char, char), f64>,
    rng: Rng,
}

/// What typing one text did.
#[derive(Clone, Debug, Default)]
pub struct Typed {
    pub stats: SessionKeyStats,
    /// Every keystroke, the wrong ones and spaces included.
    pub keystrokes: u64,
    /// Keystrokes of letters that were already at the targets.
    pub on_mastered: u64,
    /// How long it took (ms).
    pub ms: f64,
}

/// The speed and accuracy a key counts as learned at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Targets {
    pub wpm: f64,
    pub accuracy: f64,
}

impl Targets {
    pub fn key_ms(&self) -> f64 {
        12_000.0 / self.wpm
    }
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut Rng) -> f64 {
    let u = |rng: &mut Rng| ((rng.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
    let (a, b) = (u(rng), u(rng));
    (-2.0 * a.ln()).sqrt() * (std::f64::consts::TAU * b).cos()
}

/// How much slower a finger's asymptote is than an index finger's.
fn finger_factor(f: Finger) -> f64 {
    match f {
        Finger::LeftPinky | Finger::RightPinky => 1.25,
        Finger::LeftRing | Finger::RightRing => 1.12,
        _ => 1.0,
    }
}

fn left(f: Finger) -> bool {
    f < Finger::Thumb
}

impl Learner {
    /// A learner with `params` who has never practised; keys' differences drawn from `seed`; the clock
    /// starts at `start_ms`.
    pub fn new(params: Params, seed: u64, start_ms: f64) -> Learner {
        let mut rng = Rng::new(seed ^ 0x5EED_1EA2);
        let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
        let mut keys = BTreeMap::new();
        for (row, letters) in rows.iter().enumerate() {
            for c in letters.chars() {
                let finger = UsQwerty.finger(&c.to_string()).unwrap_or(Finger::LeftIndex);
                let spread = |rng: &mut Rng, sigma: f64| (sigma * normal(rng)).exp();
                keys.insert(
                    c,
                    Key {
                        finger,
                        row,
                        floor_ms: params.floor_ms * finger_factor(finger) * spread(&mut rng, 0.08),
                        scale: params.practice_scale * spread(&mut rng, 0.35),
                        first_error: (params.first_error * spread(&mut rng, 0.3)).min(0.5),
                        practice: 0.0,
                        retained: 1.0,
                        stability: params.stability_days,
                        last_ms: start_ms,
                        last_day: -1,
                    },
                );
            }
        }
        Learner { params, keys, bigrams: BTreeMap::new(), rng }
    }

    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The letters this learner has.
    pub fn letters(&self) -> impl Iterator<Item = char> + '_ {
        self.keys.keys().copied()
    }

    /// A key's practice still available at `now_ms`.
    fn available(&self, k: &Key, now_ms: f64) -> f64 {
        let days = ((now_ms - k.last_ms) / DAY_MS).max(0.0);
        k.practice * k.retained * (1.0 + days / k.stability).powf(-self.params.forgetting)
    }

    /// The power law's factor for a key at `now_ms`: 1 never practised, toward 0 with practice.
    fn progress(&self, k: &Key, now_ms: f64) -> f64 {
        (1.0 + self.available(k, now_ms) / k.scale).powf(-self.params.learning_exponent)
    }

    /// A key's mean time to type (ms) and error rate at `now_ms`.
    pub fn skill(&self, c: char, now_ms: f64) -> Option<(f64, f64)> {
        let k = self.keys.get(&c)?;
        let p = self.progress(k, now_ms);
        let ms = k.floor_ms + (self.params.first_ms - k.floor_ms) * p;
        let error = self.params.floor_error + (k.first_error - self.params.floor_error).max(0.0) * p;
        Some((ms, error))
    }

    /// Whether a key is at `targets` at `now_ms` (its true skill, not what anyone measured).
    pub fn at_target(&self, c: char, now_ms: f64, targets: Targets) -> bool {
        self.skill(c, now_ms).is_some_and(|(ms, error)| ms <= targets.key_ms() && 1.0 - error >= targets.accuracy)
    }

    /// The share of the letters at `targets` at `now_ms`.
    pub fn share_at_target(&self, now_ms: f64, targets: Targets) -> f64 {
        let n = self.keys.keys().filter(|c| self.at_target(**c, now_ms, targets)).count();
        n as f64 / self.keys.len() as f64
    }

    /// One keystroke of `c` practised at `now_ms`: the key's memory is refreshed (with the spacing effect
    /// once a day) and its neighbours get their share.
    fn practise(&mut self, c: char, now_ms: f64) {
        let p = self.params;
        let Some(k) = self.keys.get(&c) else { return };
        let (finger, row) = (k.finger, k.row);
        let day = (now_ms / DAY_MS).floor() as i64;
        let now_share = if k.practice > 0.0 { self.available(k, now_ms) / k.practice } else { 1.0 };
        let gap_days = ((now_ms - k.last_ms) / DAY_MS).max(0.0);
        let Some(k) = self.keys.get_mut(&c) else { return };
        if day > k.last_day && k.practice > 0.0 {
            // Spacing: a gap as long as the stability doubles it; massed practice adds little.
            k.stability *= 1.0 + (gap_days / k.stability).min(1.0);
        }
        k.last_day = day;
        k.retained = now_share + (1.0 - now_share) * p.relearning;
        k.last_ms = now_ms;
        k.practice += 1.0;
        for (other, o) in self.keys.iter_mut() {
            if *other == c {
                continue;
            }
            let share = if o.finger == finger {
                p.finger_transfer
            } else if left(o.finger) == left(finger) {
                p.hand_transfer
            } else {
                0.0
            } + if o.row == row { p.row_transfer } else { 0.0 };
            o.practice += share;
        }
    }

    /// Types `words` (separated by spaces) starting at `start_ms`: each letter takes its time with noise,
    /// and is wrong with its error rate (another key of the same finger, then the right one).
    pub fn type_text(&mut self, words: &[String], start_ms: f64, targets: Targets) -> Typed {
        let mut out = Typed::default();
        let mut now = start_ms;
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                now += SPACE_MS;
                out.keystrokes += 1;
            }
            let mut prev: Option<char> = None;
            for c in word.chars() {
                let Some((ms, error)) = self.skill(c, now) else {
                    prev = None;
                    continue;
                };
                if self.at_target(c, now, targets) {
                    out.on_mastered += 1;
                }
                let stat = out.stats.keys.entry(c.to_string()).or_insert_with(KeyStat::default);
                let mut clean = true;
                if self.rng.chance(error) {
                    let wrong = self.confusable(c);
                    stat.misses += 1;
                    *out.stats.confusions.entry(c.to_string()).or_default().entry(wrong.to_string()).or_default() += 1;
                    now += ms;
                    out.keystrokes += 1;
                    self.practise(c, now);
                    clean = false;
                }
                let sigma = self.params.noise;
                let took = ms * self.transition(prev, c) * (sigma * normal(&mut self.rng) - sigma * sigma / 2.0).exp();
                now += took;
                out.keystrokes += 1;
                let stat = out.stats.keys.entry(c.to_string()).or_default();
                stat.hits += 1;
                stat.timed += 1;
                stat.time_sum_ms += took;
                if let (Some(p), true) = (prev, clean) {
                    let b = out.stats.bigrams.entry(format!("{p}{c}")).or_default();
                    b.hits += 1;
                    b.timed += 1;
                    b.time_sum_ms += took;
                }
                self.practise(c, now);
                prev = clean.then_some(c);
            }
        }
        out.ms = now - start_ms;
        out
    }

    /// How much slower `c` is after `prev` than on its own: a transition is learned by its own power law
    /// (each call is one practice of it). After a space or a mistake there is no transition.
    fn transition(&mut self, prev: Option<char>, c: char) -> f64 {
        let Some(p) = prev else { return 1.0 };
        let practice = self.bigrams.entry((p, c)).or_default();
        let factor = 1.0
            + self.params.bigram_extra
                * (1.0 + *practice / self.params.bigram_scale).powf(-self.params.learning_exponent);
        *practice += 1.0;
        factor
    }

    /// The key pressed by mistake for `c`: another key of its finger, or a key of the same row.
    fn confusable(&mut self, c: char) -> char {
        let Some(k) = self.keys.get(&c) else { return c };
        let (finger, row) = (k.finger, k.row);
        let mut near: Vec<char> =
            self.keys.iter().filter(|(o, x)| **o != c && x.finger == finger).map(|(o, _)| *o).collect();
        if near.is_empty() {
            near = self.keys.iter().filter(|(o, x)| **o != c && x.row == row).map(|(o, _)| *o).collect();
        }
        near.get(self.rng.below(near.len().max(1))).copied().unwrap_or(c)
    }
}
