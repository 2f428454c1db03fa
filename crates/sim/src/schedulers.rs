//! The schedulers the simulator compares, behind one trait: what the learner types next, given only
//! what earlier sessions measured (never the learner's true skill).
//!
//! - [`KeybrLike`], written from keybr.com's published method: a per-key exponential moving average of
//!   the time to type (α = 0.1 per lesson), confidence = target time ÷ that average, letters unlocked in
//!   frequency order (six at first, the next when every unlocked letter is at confidence 1), the weakest
//!   letter focused (every word has it when the model can make one), accuracy not counted, no review.
//! - [`Klava`] runs the app's own code: `klava_core::practice::plan` over the time-decayed history
//!   (`Accumulator`), `practice::text` for the words, and — with review on — `klava_core::review`: a
//!   review session of the due items to start each day, and due items as a share of every practice text.

use std::collections::{BTreeMap, BTreeSet};

use klava_core::accumulate::Accumulator;
use klava_core::course::Model;
use klava_core::fingers::UsQwerty;
use klava_core::keystats::SessionKeyStats;
use klava_core::practice;
use klava_core::record::Id;
use klava_core::review::{self, Facts, Item, Review};
use klava_core::rng::Rng;

use crate::learner::Targets;

/// Words in one practice text (as in the app).
pub const WORDS: usize = 30;
/// Letters in play before any practice (as keybr and the app do).
const FIRST_KEYS: usize = 6;
/// keybr's smoothing of a key's time to type, per lesson.
const KEYBR_ALPHA: f64 = 0.1;

/// What a scheduler decides.
pub trait Scheduler {
    /// The name in the table.
    fn name(&self) -> &'static str;
    /// The next text, at `now_ms`; `first_of_day` when it is the day's first session.
    fn next(&mut self, now_ms: f64, first_of_day: bool, rng: &mut Rng) -> Vec<String>;
    /// What the session that ended at `ended_ms` measured.
    fn observe(&mut self, ended_ms: f64, stats: &SessionKeyStats);
    /// The letters in play, in the order they came in.
    fn unlocked(&self) -> Vec<char>;
}

/// What every scheduler starts from: the letters in frequency order, the language model, the words.
#[derive(Clone, Debug)]
pub struct Language {
    pub order: Vec<char>,
    pub model: Model,
    pub words: Vec<String>,
}

impl Language {
    /// English on US QWERTY, from the app's word list.
    pub fn english() -> Language {
        let words: Vec<&str> = include_str!("../../../lessons/en/words-1000.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let us = klava_core::layout::catalog::all()
            .ok()
            .and_then(|all| all.into_iter().find(|l| l.id == "us"))
            .expect("the built-in US layout parses");
        Language {
            order: practice::letter_order(&us, &words),
            model: Model::train(&words),
            words: words.iter().map(|w| (*w).to_owned()).collect(),
        }
    }
}

/// keybr.com's method; see the module's comment.
pub struct KeybrLike {
    lang: Language,
    targets: Targets,
    ema: BTreeMap<char, f64>,
    unlocked: usize,
}

impl KeybrLike {
    pub fn new(lang: Language, targets: Targets) -> KeybrLike {
        KeybrLike { lang, targets, ema: BTreeMap::new(), unlocked: FIRST_KEYS }
    }

    fn confidence(&self, c: char) -> f64 {
        self.ema.get(&c).map_or(0.0, |ms| self.targets.key_ms() / ms)
    }
}

impl Scheduler for KeybrLike {
    fn name(&self) -> &'static str {
        "keybr-like"
    }

    fn next(&mut self, _now_ms: f64, _first_of_day: bool, rng: &mut Rng) -> Vec<String> {
        let n = self.unlocked.min(self.lang.order.len());
        let allowed = &self.lang.order[..n];
        let focus = allowed
            .iter()
            .copied()
            .map(|c| (c, self.confidence(c)))
            .filter(|(_, conf)| *conf < 1.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(c, _)| c);
        (0..WORDS)
            .map(|_| {
                let mut word = self.lang.model.word(allowed, rng);
                for _ in 0..8 {
                    if focus.is_none_or(|f| word.contains(f)) {
                        break;
                    }
                    word = self.lang.model.word(allowed, rng);
                }
                word
            })
            .collect()
    }

    fn observe(&mut self, _ended_ms: f64, stats: &SessionKeyStats) {
        for (key, s) in &stats.keys {
            let (Some(c), Some(ms)) = (key.chars().next(), s.mean_ms()) else { continue };
            let e = self.ema.entry(c).or_insert(ms);
            *e = KEYBR_ALPHA * ms + (1.0 - KEYBR_ALPHA) * *e;
        }
        let n = self.unlocked.min(self.lang.order.len());
        if n < self.lang.order.len() && self.lang.order[..n].iter().all(|c| self.confidence(*c) >= 1.0) {
            self.unlocked += 1;
        }
    }

    fn unlocked(&self) -> Vec<char> {
        self.lang.order[..self.unlocked.min(self.lang.order.len())].to_vec()
    }
}

/// The app's adaptive practice, with or without spaced review.
pub struct Klava {
    lang: Language,
    targets: Targets,
    history: Accumulator,
    ever: BTreeSet<char>,
    review: Option<Review>,
    sessions: u64,
}

impl Klava {
    pub fn new(lang: Language, targets: Targets, with_review: bool) -> Klava {
        let review = with_review.then(|| Review::new(review::Targets { wpm: targets.wpm, accuracy: targets.accuracy }));
        Klava { lang, targets, history: Accumulator::default(), ever: BTreeSet::new(), review, sessions: 0 }
    }

    /// Up to `count` words of the due items (of letters in play only).
    fn review_words(&self, now_ms: f64, unlocked: &[char], count: usize, rng: &mut Rng) -> Vec<String> {
        let Some(review) = &self.review else { return Vec::new() };
        let due: Vec<Item> = review.due(now_ms).into_iter().map(|(item, _)| item.clone()).collect();
        let list: Vec<&str> = self.lang.words.iter().map(String::as_str).collect();
        review::text::text(&due, &list, |c| unlocked.contains(&c), count, rng)
    }
}

impl Scheduler for Klava {
    fn name(&self) -> &'static str {
        if self.review.is_some() { "Klava adaptive + review" } else { "Klava adaptive" }
    }

    fn next(&mut self, now_ms: f64, first_of_day: bool, rng: &mut Rng) -> Vec<String> {
        let t = self.targets;
        let plan = practice::plan(&self.lang.order, Some(&self.history), &self.ever, t.wpm, t.accuracy);
        self.ever.extend(plan.unlocked.iter().copied());
        if first_of_day {
            let review = self.review_words(now_ms, &plan.unlocked, WORDS, rng);
            if review.len() >= WORDS / 2 {
                return review;
            }
        }
        let mut words = practice::text(&self.lang.model, &[], &plan, false, WORDS, rng);
        let share = (WORDS as f64 * review::text::PRACTICE_SHARE) as usize;
        review::text::blend(&mut words, self.review_words(now_ms, &plan.unlocked, share, rng));
        words
    }

    fn observe(&mut self, ended_ms: f64, stats: &SessionKeyStats) {
        self.history.add_session(ended_ms, stats, &UsQwerty);
        self.sessions += 1;
        if let Some(review) = &mut self.review {
            let id = Id::new(format!("sim-{:08}", self.sessions)).expect("a valid id");
            review.add(&id, ended_ms, Facts::from_stats(stats));
        }
    }

    fn unlocked(&self) -> Vec<char> {
        let mut out: Vec<char> = self.lang.order.iter().copied().filter(|c| self.ever.contains(c)).collect();
        if out.is_empty() {
            out = self.lang.order.iter().copied().take(FIRST_KEYS).collect();
        }
        out
    }
}
