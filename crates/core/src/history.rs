//! The learner's history, folded from the record log: the list of sessions, personal bests, per-profile
//! key statistics and the current settings. Cached by the app together with what it was folded from;
//! never synced (docs/ARCHITECTURE.md).
//!
//! The fold is a function of the *set* of records: any order, and any record applied twice, gives the
//! same rows, bests and settings (statistics up to float rounding, see [`crate::accumulate`]). The rules
//! at the edges (twins, equal clocks, tombstones of tombstones) are [`crate::record::merge`]'s, used by
//! both paths here. A tombstone that arrives before its target hides the target; one that arrives after
//! it cannot be undone incrementally, so [`History::apply`] reports [`Applied::NeedsRebuild`] and the
//! caller folds the whole log again with [`History::from_records`] (deleting is rare; adding is the hot
//! path). So does a twin that wins over the record already folded in.
//! Adding a session is O(log n + its keystrokes): it is replayed to get its per-key figures.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::fingers::{Finger, FingerMap};
use crate::keystats::{KeyStat, SessionKeyStats};
use crate::profile::{Profile, ProfileStats};
use crate::record::merge::{self, Digest};
use crate::record::{Body, Id, LessonRun, PracticeRun, Record, Session, SessionMode, Setting, Source};
use crate::review::Facts;

/// Bumped whenever the fold's meaning changes, so caches made by older code are rebuilt; the snapshot
/// test in `tests/fold_snapshot.rs` fails when the result changes and this did not.
/// Version 2: rows and bests hold the typed session mode instead of a display label.
/// Version 3: twins, equal clocks and tombstones of tombstones by [`crate::record::merge`]'s rules.
/// Version 4: rows carry a lesson's [`LessonRun`].
/// Version 5: per-key figures keep a recent accuracy; rows carry a practice session's unlocked keys.
/// Version 6: words-mode rules as Monkeytype's (the Space that ends a text is not a typed key, so a
/// replay counts it no more); practice rows carry their per-key figures.
/// Version 7: rows carry what the session shows for spaced review ([`Row::facts`]).
pub const FOLD_VERSION: u32 = 7;

/// The key a cached fold is stored under: the fold's version and a fingerprint of the data it reads
/// besides the records (`data`: the layouts' finger maps, see [`crate::layout::catalog::digest`]). A
/// cache under another key is folded again.
pub fn cache_key(data: Digest) -> String {
    format!("{FOLD_VERSION}-{:016x}", data.0)
}

/// One line of the history list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub id: Id,
    pub ended_at_ms: f64,
    pub utc_offset_min: i32,
    /// `layout/language`.
    pub profile: String,
    pub mode: SessionMode,
    pub wpm: Option<f64>,
    pub raw_wpm: Option<f64>,
    pub accuracy: Option<f64>,
    pub consistency: Option<f64>,
    pub duration_ms: f64,
    pub source: Source,
    /// For a lesson: which, and what it needed (the course map's stars are folded from these).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<LessonRun>,
    /// For adaptive practice: the keys in play (practice never takes a key away: see
    /// [`crate::practice::ever_unlocked`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<PracticeRun>,
    /// For adaptive practice: each key's figures in this session (the practice page charts them).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keys: BTreeMap<String, KeyStat>,
    /// What the session shows for spaced review ([`crate::review`]), as [`Facts::encode`] writes it;
    /// empty for a session without a key log or with nothing to review.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facts: String,
}

#[cfg(test)]
impl Row {
    /// A session typed in Klava on `us/en`, for tests: `kind` (amount 25), ended at `at` (ms) in zone
    /// `offset` (minutes), `minutes` long at `wpm` and `accuracy`.
    pub(crate) fn for_test(
        id: &str,
        at: f64,
        offset: i32,
        minutes: f64,
        (wpm, accuracy): (f64, f64),
        kind: crate::record::ModeKind,
    ) -> Row {
        Row {
            id: Id::new(id).expect("a test id is valid"),
            ended_at_ms: at,
            utc_offset_min: offset,
            profile: "us/en".into(),
            mode: SessionMode { kind, amount: 25, punctuation: false, numbers: false },
            wpm: Some(wpm),
            raw_wpm: Some(wpm),
            accuracy: Some(accuracy),
            consistency: None,
            duration_ms: minutes * 60_000.0,
            source: Source::Klava,
            lesson: None,
            practice: None,
            keys: BTreeMap::new(),
            facts: String::new(),
        }
    }
}

/// A personal best: the fastest session of one profile and mode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Best {
    pub id: Id,
    /// `layout/language`.
    pub profile: String,
    pub mode: SessionMode,
    pub wpm: f64,
    pub accuracy: Option<f64>,
    pub ended_at_ms: f64,
}

/// What applying a record did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    /// The history changed.
    Changed,
    /// Already folded in, or hidden by a tombstone.
    Unchanged,
    /// A tombstone for something already folded in: fold everything again.
    NeedsRebuild,
}

/// Finger maps by layout id, for the per-finger figures.
pub trait Fingers {
    /// The map of layout `id`, if known.
    fn of(&self, id: &str) -> Option<&dyn FingerMap>;
}

impl Fingers for Vec<crate::layout::Layout> {
    fn of(&self, id: &str) -> Option<&dyn FingerMap> {
        self.as_slice().of(id)
    }
}

impl Fingers for [crate::layout::Layout] {
    fn of(&self, id: &str) -> Option<&dyn FingerMap> {
        self.iter().find(|l| l.id == id).map(|l| l as &dyn FingerMap)
    }
}

/// A layout nobody knows: no fingers.
struct NoFingers;

impl FingerMap for NoFingers {
    fn finger(&self, _: &str) -> Option<Finger> {
        None
    }
}

/// A setting as kept: the record that made it breaks ties between equal clocks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct KeptSetting {
    id: Id,
    setting: Setting,
}

/// The folded history.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Rows by `ended_at` then id (see [`row_key`]).
    rows: BTreeMap<String, Row>,
    /// By [`best_key`].
    bests: BTreeMap<String, Best>,
    stats: ProfileStats,
    settings: BTreeMap<String, KeptSetting>,
    /// Every record folded in, by id, with its digest (applying twice is a no-op; a twin is told apart).
    seen: BTreeMap<Id, Digest>,
    /// Ids of the tombstones folded in (they are never hidden).
    tombstones: BTreeSet<Id>,
    /// Targets of tombstones.
    deleted: BTreeSet<Id>,
    /// Sessions whose log could not be replayed (their figures are listed, their keys not counted).
    pub unreplayable: u64,
}

/// The key of a personal best: the profile and the mode's machine key (never shown).
pub fn best_key(profile: &str, mode: &SessionMode) -> String {
    format!("{profile} {}", mode.key())
}

/// The sort key of a row: zero-padded end time in ms, then the id.
fn row_key(ended_at_ms: f64, id: &Id) -> String {
    format!("{:015}{id}", ended_at_ms.max(0.0) as u64)
}

impl History {
    /// Folds a whole log: one record per id ([`merge::twin_order`] chooses between twins), every tombstone's
    /// target gathered first, so this never needs a rebuild itself.
    pub fn from_records<'a, F: Fingers + ?Sized>(records: impl IntoIterator<Item = &'a Record>, fingers: &F) -> Self {
        let mut kept: BTreeMap<&Id, (&Record, Digest)> = BTreeMap::new();
        for r in records {
            let digest = merge::digest(r);
            match kept.get_mut(&r.id) {
                None => drop(kept.insert(&r.id, (r, digest))),
                Some(k) if k.1 != digest && merge::twin_order(r, k.0).is_lt() => *k = (r, digest),
                Some(_) => {}
            }
        }
        let mut h = Self::default();
        h.deleted.extend(kept.values().filter_map(|(r, _)| merge::tombstone_target(r)).cloned());
        for (r, digest) in kept.into_values() {
            h.apply_digested(r, digest, fingers);
        }
        h
    }

    /// Folds in one record.
    pub fn apply<F: Fingers + ?Sized>(&mut self, record: &Record, fingers: &F) -> Applied {
        self.apply_digested(record, merge::digest(record), fingers)
    }

    fn apply_digested<F: Fingers + ?Sized>(&mut self, record: &Record, digest: Digest, fingers: &F) -> Applied {
        if let Some(&old) = self.seen.get(&record.id) {
            // The same record again, or a twin: the one kept is the smaller digest's, and when that is the
            // new one, what the old one did must be undone.
            return if digest < old { Applied::NeedsRebuild } else { Applied::Unchanged };
        }
        // A tombstone whose target is already hidden needs nothing undone; a visible target does.
        if merge::tombstone_target(record).is_some_and(|t| self.is_visible(t)) {
            return Applied::NeedsRebuild;
        }
        self.seen.insert(record.id.clone(), digest);
        match &record.body {
            Body::Delete { target } => {
                self.tombstones.insert(record.id.clone());
                self.deleted.insert(target.clone());
            }
            _ if merge::is_hidden(record, |id| self.deleted.contains(id)) => return Applied::Unchanged,
            Body::Session(s) => self.add_session(&record.id, s, fingers),
            Body::Setting(s) => {
                let newer = self
                    .settings
                    .get(&s.key)
                    .is_none_or(|old| merge::setting_is_newer(&s.hlc, &record.id, &old.setting.hlc, &old.id));
                if !newer {
                    return Applied::Unchanged;
                }
                self.settings.insert(s.key.clone(), KeptSetting { id: record.id.clone(), setting: s.clone() });
            }
        }
        Applied::Changed
    }

    /// Whether record `id` was folded in and shows (not a tombstone, not deleted).
    fn is_visible(&self, id: &Id) -> bool {
        self.seen.contains_key(id) && !self.tombstones.contains(id) && !self.deleted.contains(id)
    }

    fn add_session<F: Fingers + ?Sized>(&mut self, id: &Id, s: &Session, fingers: &F) {
        let profile = s.profile.key();
        let mode = s.mode.clone();
        if let Some(wpm) = s.summary.wpm {
            let key = best_key(&profile, &mode);
            let best = Best {
                id: id.clone(),
                profile: profile.clone(),
                mode: mode.clone(),
                wpm,
                accuracy: s.summary.accuracy,
                ended_at_ms: s.ended_at_ms,
            };
            let better = |old: &Best| wpm > old.wpm || (wpm == old.wpm && *id < old.id);
            if self.bests.get(&key).is_none_or(better) {
                self.bests.insert(key, best);
            }
        }
        let mut facts = None;
        let stats = match (&s.replay, &s.imported_keys) {
            (Some(replay), _) => match replay.engine() {
                Ok(engine) => {
                    let stats = SessionKeyStats::from(&engine);
                    facts = Some(Facts::from_stats(&stats).with_words(&engine));
                    Some(stats)
                }
                Err(_) => {
                    self.unreplayable += 1;
                    None
                }
            },
            (None, Some(keys)) => {
                let stats = SessionKeyStats { keys: keys.clone(), ..SessionKeyStats::default() };
                facts = Some(Facts::from_stats(&stats));
                Some(stats)
            }
            (None, None) => None,
        };
        if let Some(stats) = &stats {
            let map = fingers.of(&s.profile.layout).unwrap_or(&NoFingers);
            self.stats.add_session(&s.profile, s.ended_at_ms, stats, map);
        }
        // Practice keeps each key's figures per session, for its chart; other sessions only add to the sums.
        let keys = match (&s.practice, stats) {
            (Some(_), Some(stats)) => stats.keys,
            _ => BTreeMap::new(),
        };
        let row = Row {
            id: id.clone(),
            ended_at_ms: s.ended_at_ms,
            utc_offset_min: s.utc_offset_min,
            profile,
            mode,
            wpm: s.summary.wpm,
            raw_wpm: s.summary.raw_wpm,
            accuracy: s.summary.accuracy,
            consistency: s.summary.consistency,
            duration_ms: s.summary.duration_ms,
            source: s.source,
            lesson: s.lesson.clone(),
            practice: s.practice.clone(),
            keys,
            facts: facts.map(|f| f.encode()).unwrap_or_default(),
        };
        self.rows.insert(row_key(s.ended_at_ms, id), row);
    }

    /// Sessions, newest first.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.rows.values().rev()
    }

    /// How many sessions are listed.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no session is listed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Personal bests by [`best_key`].
    pub fn bests(&self) -> &BTreeMap<String, Best> {
        &self.bests
    }

    /// Per-profile key statistics.
    pub fn stats(&self) -> &ProfileStats {
        &self.stats
    }

    /// The current value of setting `key`.
    pub fn setting(&self, key: &str) -> Option<&Setting> {
        self.settings.get(key).map(|k| &k.setting)
    }

    /// The newest value of every setting recorded.
    pub fn settings(&self) -> impl Iterator<Item = &Setting> {
        self.settings.values().map(|k| &k.setting)
    }

    /// The newest clock reading among the settings (for the next change to be newer still).
    pub fn last_hlc(&self) -> Option<&crate::record::Hlc> {
        self.settings.values().map(|k| &k.setting.hlc).max()
    }

    /// How many records were folded in (tombstoned ones included).
    pub fn records(&self) -> usize {
        self.seen.len()
    }

    /// The statistics of `profile`.
    pub fn profile_stats(&self, profile: &Profile) -> Option<&crate::accumulate::Accumulator> {
        self.stats.get(profile)
    }
}
