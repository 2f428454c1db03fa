//! The learner's progress as the app sees it: the folded history (a signal), where it is stored and how
//! that is going. Loading reads the cached fold and folds in only what arrived after it; a finished
//! session is folded in at once and saved the moment it ends ([`save`]); backups, imports and reset live in
//! [`backup`]; records that sync brings from other devices arrive through [`received`].

pub mod backup;
pub mod received;
pub mod save;

use klava_core::history::{Applied, History, cache_key};
use klava_core::layout::catalog;
use klava_core::record::{Id, Record};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::layouts::Layouts;
use crate::storage::StoreError;
use crate::storage::db::{Appended, Cache, Db, StoredRecord, Unreadable};
use crate::storage::ids;

/// Where storage stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Opening the database and reading the history.
    Loading,
    /// Progress is being kept.
    Ready,
    /// The browser refuses storage: practice works, nothing is kept after the tab closes.
    Unavailable(StoreError),
}

/// Progress, provided in context.
#[derive(Clone, Copy)]
pub struct Progress {
    pub history: RwSignal<History>,
    pub status: RwSignal<Status>,
    /// The last problem saving, for the banner (a full quota, …); `None` when all is saved.
    pub problem: RwSignal<Option<StoreError>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// The answer to `navigator.storage.persist()`, once known.
    pub persisted: RwSignal<Option<bool>>,
    /// How many records are not stored yet (0 once everything is saved).
    pub unsaved: RwSignal<usize>,
    /// Counts this tab's writes to the log (saves and imports), so other tabs can be told.
    pub writes: RwSignal<u32>,
    /// Counts the times this tab folded in what another tab stored (so sync in this tab sends it).
    pub heard: RwSignal<u32>,
    /// Records folded in but not stored yet (storage full or unavailable); kept for the next try and for export.
    pending: StoredValue<Vec<Record>>,
    db: StoredValue<Option<Db>, LocalStorage>,
    /// The last local `seq` folded into `history`.
    through_seq: StoredValue<f64>,
    device: StoredValue<Id>,
    layouts: Layouts,
    /// A cache write waiting for saves to settle (see [`Progress::save_cache_soon`]).
    cache_timer: StoredValue<Option<TimeoutHandle>>,
}

/// How long after the last save the cache is written: a burst of saves (settings clicks) writes it once.
const CACHE_DELAY: std::time::Duration = std::time::Duration::from_millis(1500);

/// A record's JSON, read and checked; the error is why it cannot be used.
pub(crate) fn read_record(json: &str) -> Result<Record, String> {
    let r: Record = serde_json::from_str(json).map_err(|e| e.to_string())?;
    r.validate().map_err(|e| e.to_string())?;
    Ok(r)
}

/// A stored record, read and checked, under its own id.
fn decode(stored: &StoredRecord) -> Result<Record, String> {
    let r = read_record(&stored.json)?;
    if r.id.as_str() != stored.id {
        return Err(format!("stored under {} but its id is {}", stored.id, r.id));
    }
    Ok(r)
}

/// A performance mark (for benchmarks and the browser's profiler).
pub(crate) fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// A performance measure `name` from the mark `start` to now.
pub(crate) fn measure(name: &str, start: &str) {
    if let Some(p) = window().performance() {
        let _ = p.measure_with_start_mark(name, start);
    }
}

impl Progress {
    /// Creates the context and starts loading.
    pub fn provide() -> Self {
        let layouts = Layouts::expect();
        let p = Self {
            history: RwSignal::new(History::default()),
            status: RwSignal::new(Status::Loading),
            problem: RwSignal::new(None),
            unreadable: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            unsaved: RwSignal::new(0),
            writes: RwSignal::new(0),
            heard: RwSignal::new(0),
            pending: StoredValue::new(Vec::new()),
            db: StoredValue::new_local(None),
            through_seq: StoredValue::new(0.0),
            device: StoredValue::new(ids::device_id()),
            layouts,
            cache_timer: StoredValue::new(None),
        };
        provide_context(p);
        spawn_local(async move { p.load().await });
        spawn_local(save::ask_to_persist(p.persisted));
        p
    }

    /// The provided instance.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// This device's id.
    pub fn device(&self) -> Id {
        self.device.get_value()
    }

    async fn load(self) {
        let (db, migrated) = match Db::open(&self.device()).await {
            Ok(x) => x,
            Err(e) => {
                self.status.set(Status::Unavailable(e));
                save::restore_outbox(self);
                mark("klava-history-ready");
                return;
            }
        };
        if migrated > 0 {
            leptos::logging::log!("klava: moved {migrated} sessions from the v1 database into the log");
        }
        self.db.set_value(Some(db.clone()));
        let (mut history, mut through) = match db.load_cache().await {
            Ok(Some(Cache { key, through_seq, json })) if key == cache_key(catalog::digest()) => {
                match serde_json::from_str::<History>(&json) {
                    Ok(h) => (h, through_seq),
                    Err(e) => {
                        leptos::logging::warn!("klava: the history cache is unreadable, folding again: {e}");
                        (History::default(), 0.0)
                    }
                }
            }
            _ => (History::default(), 0.0),
        };
        match self.fold_new(&db, &mut history, &mut through).await {
            Ok(changed) => {
                self.through_seq.set_value(through);
                self.history.set(history);
                self.status.set(Status::Ready);
                // In the same turn as the history, so nothing sees the history without the outbox.
                save::restore_outbox(self);
                if changed {
                    self.save_cache().await;
                }
            }
            Err(e) => {
                self.status.set(Status::Unavailable(e));
                save::restore_outbox(self);
            }
        }
        mark("klava-history-ready");
        if let Ok(list) = db.unreadable().await {
            self.unreadable.set(list);
        }
    }

    /// Folds the records stored after `through` into `history`; unreadable ones are set aside. Returns
    /// whether anything changed.
    async fn fold_new(&self, db: &Db, history: &mut History, through: &mut f64) -> Result<bool, StoreError> {
        let fresh = db.read_since(*through).await?;
        let mut aside = Vec::new();
        let mut rebuild = false;
        let before = *through;
        let mut changed = false;
        self.layouts.with(|layouts| {
            for stored in &fresh {
                *through = through.max(stored.seq);
                match decode(stored) {
                    Ok(r) => match history.apply(&r, layouts) {
                        Applied::NeedsRebuild => rebuild = true,
                        Applied::Changed => changed = true,
                        Applied::Unchanged => {}
                    },
                    Err(reason) => aside.push(Unreadable { key: stored.id.clone(), json: stored.json.clone(), reason }),
                }
            }
        });
        if rebuild {
            // Nothing is pending while loading (saves wait for `restore_outbox`).
            *history = self.fold_all(db, Vec::new()).await?.0;
        }
        if !aside.is_empty() {
            leptos::logging::warn!("klava: {} stored records could not be read and were set aside", aside.len());
            db.set_aside(&aside).await?;
        }
        // Re-read records (this tab's own saves, already folded) also advance the cache's mark.
        Ok(changed || rebuild || *through > before)
    }

    /// Folds in what another tab stored since this one last read the log (told by the tab channel).
    pub fn catch_up(&self) {
        let p = *self;
        spawn_local(async move {
            let Some(db) = p.db.get_value() else { return };
            if p.status.get_untracked() != Status::Ready {
                return;
            }
            let Ok(fresh) = db.read_since(p.through_seq.get_value()).await else { return };
            let through = fresh.iter().map(|s| s.seq).fold(p.through_seq.get_value(), f64::max);
            let records: Vec<Record> = fresh.iter().filter_map(|s| decode(s).ok()).collect();
            p.through_seq.set_value(through);
            if !records.is_empty() {
                p.fold_in(&records);
                p.heard.update(|n| *n += 1);
            }
            if let Ok(list) = db.unreadable().await {
                p.unreadable.set(list);
            }
        });
    }

    /// Changes the pending records, keeping [`Progress::unsaved`] in step.
    fn edit_pending(&self, f: impl FnOnce(&mut Vec<Record>)) {
        self.pending.update_value(f);
        self.unsaved.set(self.pending.with_value(Vec::len));
    }

    /// Folds records into the history in memory (rebuilding from the store when a tombstone asks).
    fn fold_in(&self, records: &[Record]) {
        let mut rebuild = false;
        self.layouts.with(|layouts| {
            self.history.update(|h| {
                for r in records {
                    rebuild |= h.apply(r, layouts) == Applied::NeedsRebuild;
                }
            });
        });
        if rebuild {
            let p = *self;
            spawn_local(async move { p.rebuild().await });
        }
    }

    /// Folds everything again: the stored records and those not stored yet (a tombstone for something
    /// already folded in needs this).
    async fn rebuild(self) {
        // Taken first: a record saved meanwhile leaves `pending` once stored, maybe after the read below.
        let pending = self.pending();
        let folded = match self.db.get_value() {
            Some(db) => self.fold_all(&db, pending).await,
            None => Ok((self.layouts.with(|l| History::from_records(&pending, l)), 0.0)),
        };
        match folded {
            Ok((history, through)) => {
                self.history.set(history);
                self.through_seq.set_value(through);
                self.save_cache().await;
            }
            Err(e) => leptos::logging::warn!("klava: could not read the log to fold it again: {e}"),
        }
    }

    /// The whole stored log and `extra` records folded from scratch, and the highest `seq` read.
    async fn fold_all(&self, db: &Db, extra: Vec<Record>) -> Result<(History, f64), StoreError> {
        let all = db.read_since(0.0).await?;
        let through = all.iter().map(|s| s.seq).fold(0.0, f64::max);
        let mut records: Vec<Record> = all.iter().filter_map(|s| decode(s).ok()).collect();
        records.extend(extra);
        Ok((self.layouts.with(|l| History::from_records(&records, l)), through))
    }

    /// After this tab appended records it has already folded in: when they directly follow what the
    /// history was folded through (no other tab wrote in between), the history now covers them too.
    fn covered(&self, appended: Appended) {
        if appended.last_seq >= appended.first_seq && appended.first_seq == self.through_seq.get_value() + 1.0 {
            self.through_seq.set_value(appended.last_seq);
        }
    }

    /// Writes the history cache once saves have settled. Losing the write (the tab closes first) only
    /// means the next start folds in the records after the previous cache.
    fn save_cache_soon(&self) {
        if let Some(handle) = self.cache_timer.get_value() {
            handle.clear();
        }
        let p = *self;
        let handle = set_timeout_with_handle(move || spawn_local(async move { p.save_cache().await }), CACHE_DELAY);
        self.cache_timer.set_value(handle.ok());
    }

    /// Writes the history cache (a shortcut only: losing it costs one full fold at the next start).
    async fn save_cache(&self) {
        let Some(db) = self.db.get_value() else { return };
        let Ok(json) = self.history.with_untracked(serde_json::to_string) else { return };
        let cache = Cache { key: cache_key(catalog::digest()), through_seq: self.through_seq.get_value(), json };
        if let Err(e) = db.save_cache(&cache).await {
            leptos::logging::warn!("klava: could not write the history cache: {e}");
        }
    }
}
