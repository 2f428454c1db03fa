//! Spaced review: the keys, bigrams, words and confusions a learner was weak at, each with a memory
//! ([`memory::Memory`]) folded from the sessions that practised it, and which of them are due.
//!
//! Nothing is stored beside the record log: a session's [`Facts`] are read from its key log, and the
//! memories are a fold over them in a total order (end time, then id), because the model is sequential.
//! A session that arrives late — older than some already folded, from another device or an import — is
//! folded again from the last checkpoint before it ([`CHECKPOINT_EVERY`] sessions apart), so the state is
//! the same whatever order the sessions arrived in, and a late one costs at most that many sessions.
//!
//! An item enters the review the first time a session shows it below the targets (a slow or missed key
//! or bigram, a mistyped word, one key pressed for another); from then on every session that contains it
//! — a test, a lesson, practice or a review — is a practice of it.

mod encode;
pub mod memory;
pub mod text;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::engine::{Engine, KeyKind};
use crate::keystats::SessionKeyStats;
use crate::record::Id;
use memory::{Grade, Memory};

/// Sessions between two checkpoints of the fold (each holds a copy of every item's memory).
pub const CHECKPOINT_EVERY: usize = 256;
/// A key or bigram is judged in a session only when it came up this many times.
pub const MIN_SEEN: u32 = 3;

/// What is reviewed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Item {
    Key(String),
    Bigram(String),
    /// A word the learner mistyped, in lower case.
    Word(String),
    /// `typed` pressed where `expected` was wanted.
    Confusion {
        expected: String,
        typed: String,
    },
}

/// The targets a practice is graded against.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Targets {
    /// Words (five keys) a minute.
    pub wpm: f64,
    /// Share of keys right (0–1) that counts as at target.
    pub accuracy: f64,
}

impl Targets {
    /// The time a key may take at the target speed.
    fn key_ms(&self) -> f64 {
        12_000.0 / self.wpm.max(1.0)
    }

    /// Accuracy as a share of the target: 1 at it, 1.25 at 100 %, 0.5 halfway from it to twice its
    /// error rate, 0 at three times its error rate.
    fn accuracy_score(&self, accuracy: f64) -> f64 {
        let allowed = (1.0 - self.accuracy).max(0.001);
        let score = if accuracy >= self.accuracy {
            1.0 + 0.25 * (accuracy - self.accuracy) / allowed
        } else {
            1.0 - 0.5 * (self.accuracy - accuracy) / allowed
        };
        score.clamp(0.0, 1.25)
    }
}

/// What one session shows about the items: per key its hits, misses and mean time, per bigram its mean
/// time, the confusions, and the words typed with and without a mistake.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub keys: BTreeMap<String, (u32, u32, Option<f64>)>,
    pub bigrams: BTreeMap<String, f64>,
    pub confusions: BTreeSet<(String, String)>,
    pub mistyped: BTreeSet<String>,
    pub typed_right: BTreeSet<String>,
}

/// A time rounded to a tenth of a millisecond: what a stored session keeps (shorter, and finer than any
/// keyboard's clock).
fn tenth(ms: f64) -> f64 {
    (ms * 10.0).round() / 10.0
}

/// Whether a key or word is something to review: letters only (no Space, digits or marks).
fn letters(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

impl Facts {
    /// The facts of a typed session.
    pub fn of(engine: &Engine) -> Facts {
        Facts::from_stats(&SessionKeyStats::from(engine)).with_words(engine)
    }

    /// These facts with the words `engine` typed with and without a mistake (a mistake fixed with
    /// Backspace counts).
    pub fn with_words(mut self, engine: &Engine) -> Facts {
        let mut wrong = BTreeSet::new();
        for k in engine.log() {
            if matches!(k.kind, KeyKind::Incorrect | KeyKind::Extra) {
                wrong.insert(k.word);
            }
        }
        let (caret, _) = engine.caret();
        let last = if engine.is_finished() { caret + 1 } else { caret };
        for (i, word) in engine.words().iter().enumerate().take(last) {
            let word = word.concat().to_lowercase();
            if word.chars().count() < 2 || !letters(&word) {
                continue;
            }
            if wrong.contains(&i) {
                self.mistyped.insert(word);
            } else {
                self.typed_right.insert(word);
            }
        }
        let mistyped = &self.mistyped;
        self.typed_right.retain(|w| !mistyped.contains(w));
        self
    }

    /// Whether there is nothing to review in these facts.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty() && self.bigrams.is_empty() && self.mistyped.is_empty() && self.typed_right.is_empty()
    }

    /// The key, bigram and confusion facts of a session's figures (no words).
    pub fn from_stats(stats: &SessionKeyStats) -> Facts {
        let keys = stats
            .keys
            .iter()
            .filter(|(k, s)| letters(k) && s.hits.saturating_add(s.misses) >= MIN_SEEN)
            .map(|(k, s)| (k.clone(), (s.hits, s.misses, s.mean_ms().map(tenth))))
            .collect();
        let bigrams = stats
            .bigrams
            .iter()
            .filter(|(b, s)| letters(b) && s.timed >= MIN_SEEN)
            .filter_map(|(b, s)| Some((b.clone(), tenth(s.mean_ms()?))))
            .collect();
        let confusions = stats
            .confusions
            .iter()
            .filter(|(e, _)| letters(e))
            .flat_map(|(e, typed)| typed.keys().filter(|t| letters(t)).map(move |t| (e.clone(), t.clone())))
            .collect();
        Facts { keys, bigrams, confusions, ..Facts::default() }
    }

    /// The score of each item this session practised, given the items already in review: those below
    /// target bring new items in; items in review are practised whenever they come up.
    fn scores(&self, known: &BTreeMap<Item, Memory>, t: Targets) -> Vec<(Item, f64)> {
        let mut out = Vec::new();
        let key_score = |(hits, misses, mean): &(u32, u32, Option<f64>)| {
            let accuracy = f64::from(*hits) / f64::from(hits.saturating_add(*misses)).max(1.0);
            let speed = mean.map_or(1.0, |ms| t.key_ms() / ms.max(1.0));
            speed.min(t.accuracy_score(accuracy))
        };
        for (k, figures) in &self.keys {
            out.push((Item::Key(k.clone()), key_score(figures)));
        }
        for (b, ms) in &self.bigrams {
            out.push((Item::Bigram(b.clone()), t.key_ms() / ms.max(1.0)));
        }
        for (expected, typed) in &self.confusions {
            out.push((Item::Confusion { expected: expected.clone(), typed: typed.clone() }, 0.0));
        }
        // A confusion in review is practised right when its key came up without it.
        for item in known.keys() {
            if let Item::Confusion { expected, typed } = item
                && !self.confusions.contains(&(expected.clone(), typed.clone()))
                && let Some(figures) = self.keys.get(expected)
            {
                out.push((item.clone(), key_score(figures)));
            }
        }
        out.extend(self.mistyped.iter().map(|w| (Item::Word(w.clone()), 0.0)));
        out.extend(self.typed_right.iter().map(|w| (Item::Word(w.clone()), 1.0)));
        out.retain(|(item, score)| known.contains_key(item) || Grade::of(*score) < Grade::Good);
        out
    }
}

/// The items' memories, folded from sessions in order; see the module's comment.
#[derive(Clone, Debug)]
pub struct Review {
    targets: Targets,
    /// Sessions by (end time in whole ms, id).
    sessions: BTreeMap<(u64, Id), (f64, Facts)>,
    ids: BTreeSet<Id>,
    /// The state after every [`CHECKPOINT_EVERY`]th session: (its key, the state).
    checkpoints: Vec<((u64, Id), BTreeMap<Item, Memory>)>,
    state: BTreeMap<Item, Memory>,
}

/// A session's place in the order: its end time (an unreadable or negative one first), then its id.
fn order_key(ended_at_ms: f64, id: &Id) -> (u64, Id) {
    let ms = if ended_at_ms.is_finite() { ended_at_ms.max(0.0) as u64 } else { 0 };
    (ms, id.clone())
}

impl Review {
    /// No sessions yet, graded against `targets`.
    pub fn new(targets: Targets) -> Review {
        Review {
            targets,
            sessions: BTreeMap::new(),
            ids: BTreeSet::new(),
            checkpoints: Vec::new(),
            state: BTreeMap::new(),
        }
    }

    /// Folds in a session (once: the same id again changes nothing). A session older than the newest
    /// folded is folded again with those after it, from the last checkpoint before it.
    pub fn add(&mut self, id: &Id, ended_at_ms: f64, facts: Facts) {
        if !self.ids.insert(id.clone()) {
            return;
        }
        let key = order_key(ended_at_ms, id);
        let in_order = self.sessions.last_key_value().is_none_or(|(last, _)| *last < key);
        self.sessions.insert(key.clone(), (ended_at_ms, facts));
        if in_order {
            self.fold_one(&key, self.sessions.len());
            return;
        }
        // Back to the last checkpoint before the late session, and on from there.
        self.checkpoints.retain(|(at, _)| *at < key);
        let from = self.checkpoints.last().map(|(at, state)| (at.clone(), state.clone()));
        self.state = from.as_ref().map(|(_, s)| s.clone()).unwrap_or_default();
        let after: Vec<(u64, Id)> = match &from {
            Some((at, _)) => self.sessions.range((std::ops::Bound::Excluded(at.clone()), std::ops::Bound::Unbounded)),
            None => self.sessions.range::<(u64, Id), _>(..),
        }
        .map(|(k, _)| k.clone())
        .collect();
        // Checkpoints are every CHECKPOINT_EVERY sessions, so the one kept says how many come before.
        let before = self.checkpoints.len() * CHECKPOINT_EVERY;
        for (i, k) in after.iter().enumerate() {
            self.fold_one(k, before + i + 1);
        }
    }

    /// Folds the session at `key`, the `position`th in order (from 1), on top of the state, and keeps a
    /// checkpoint when one is due.
    fn fold_one(&mut self, key: &(u64, Id), position: usize) {
        let Some((at, facts)) = self.sessions.get(key) else { return };
        for (item, score) in facts.scores(&self.state, self.targets) {
            let g = Grade::of(score);
            let memory = match self.state.get(&item) {
                Some(m) => m.practised(g, *at),
                None => Memory::first(g, *at),
            };
            self.state.insert(item, memory);
        }
        if position.is_multiple_of(CHECKPOINT_EVERY) {
            self.checkpoints.push((key.clone(), self.state.clone()));
        }
    }

    /// Whether the session `id` is folded in.
    pub fn contains(&self, id: &Id) -> bool {
        self.ids.contains(id)
    }

    /// Sessions folded in.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no session is folded in.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The items whose last practice was at `at_ms` (a session's end): what that session practised, when
    /// it is the newest to practise them.
    pub fn practised_at(&self, at_ms: f64) -> Vec<(&Item, &Memory)> {
        self.state.iter().filter(|(_, m)| m.last_ms == at_ms).collect()
    }

    /// Every item in review with its memory.
    pub fn items(&self) -> &BTreeMap<Item, Memory> {
        &self.state
    }

    /// The items due at `now_ms`, the most forgotten first.
    pub fn due(&self, now_ms: f64) -> Vec<(&Item, &Memory)> {
        let mut due: Vec<(&Item, &Memory)> = self.state.iter().filter(|(_, m)| m.is_due(now_ms)).collect();
        due.sort_by(|a, b| a.1.retrievability(now_ms).total_cmp(&b.1.retrievability(now_ms)).then(a.0.cmp(b.0)));
        due
    }
}

#[cfg(test)]
mod tests;
