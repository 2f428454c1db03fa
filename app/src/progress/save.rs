//! Saving: a finished record is folded into the history at once, written to a LocalStorage outbox
//! synchronously (so closing the tab right after finishing loses nothing), then appended to IndexedDB in
//! one transaction and taken out of the outbox. When storage is full or unavailable the record stays in
//! memory and in the outbox, the learner is told, and it is saved with the next one.

use gloo_storage::{LocalStorage, Storage};
use klava_core::record::Record;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::{Progress, Status};

/// LocalStorage key of records not yet in IndexedDB.
const OUTBOX: &str = "klava.outbox";

fn outbox() -> Vec<Record> {
    LocalStorage::get::<Vec<Record>>(OUTBOX).unwrap_or_default()
}

fn set_outbox(records: &[Record]) {
    if records.is_empty() {
        LocalStorage::delete(OUTBOX);
    } else if let Err(e) = LocalStorage::set(OUTBOX, records) {
        leptos::logging::warn!("klava: could not write the outbox: {e}");
    }
}

impl Progress {
    /// Keeps a new record: folded in now, saved at once.
    pub fn save(&self, record: Record) {
        self.fold_in(std::slice::from_ref(&record));
        let mut out = outbox();
        out.push(record.clone());
        set_outbox(&out);
        self.edit_pending(|p| p.push(record));
        let p = *self;
        spawn_local(async move { p.flush().await });
    }

    /// Appends the pending records; on failure they stay pending and the learner is told.
    pub(super) async fn flush(self) {
        // While loading, the history about to be shown does not have these yet: they wait for
        // `restore_outbox`, which folds them in and flushes.
        if self.status.get_untracked() == Status::Loading {
            return;
        }
        let Some(db) = self.db.get_value() else { return };
        let records = self.pending.get_value();
        if records.is_empty() {
            return;
        }
        match db.append(&records).await {
            Ok(appended) => {
                self.covered(appended);
                let saved: std::collections::HashSet<_> = records.iter().map(|r| r.id.clone()).collect();
                self.edit_pending(|p| p.retain(|r| !saved.contains(&r.id)));
                let remaining: Vec<Record> = outbox().into_iter().filter(|r| !saved.contains(&r.id)).collect();
                set_outbox(&remaining);
                self.problem.set(None);
                self.writes.update(|n| *n += 1);
                self.save_cache_soon();
                if appended.twins > 0
                    && let Ok(list) = db.unreadable().await
                {
                    self.unreadable.set(list);
                }
            }
            Err(e) => self.problem.set(Some(e)),
        }
    }

    /// Records still pending (for export).
    pub fn pending(&self) -> Vec<Record> {
        self.pending.get_value()
    }
}

/// Folds in and stores what the outbox holds from an earlier visit (a tab closed before its save).
/// Records saved while the history was loading are pending too (their save waited): they are folded into
/// the loaded history here.
pub(super) fn restore_outbox(p: Progress) {
    p.edit_pending(|pending| {
        for r in outbox() {
            if !pending.iter().any(|q| q.id == r.id) {
                pending.push(r);
            }
        }
    });
    let pending = p.pending();
    if pending.is_empty() {
        return;
    }
    p.fold_in(&pending);
    if p.status.get_untracked() == Status::Ready {
        spawn_local(async move { p.flush().await });
    }
}

/// Asks the browser not to erase the site's data under storage pressure, and records the answer.
pub(super) async fn ask_to_persist(answer: RwSignal<Option<bool>>) {
    let storage = window().navigator().storage();
    // Missing in some contexts (old browsers, insecure origins).
    if wasm_bindgen::JsValue::from(storage.clone()).is_undefined() {
        return;
    }
    let ask = async {
        if let Ok(p) = storage.persisted()
            && JsFuture::from(p).await.ok()?.as_bool()?
        {
            return Some(true);
        }
        JsFuture::from(storage.persist().ok()?).await.ok()?.as_bool()
    };
    answer.set(ask.await.or(Some(false)));
}

impl Progress {
    /// Records a settings change: `key` is now `json`.
    pub fn save_setting(&self, key: &str, json: String) {
        let device = self.device();
        let hlc = self.history.with_untracked(|h| {
            klava_core::record::Hlc::next(h.last_hlc(), crate::storage::ids::now_ms() as u64, &device)
        });
        let body =
            klava_core::record::Body::Setting(klava_core::record::Setting { key: key.to_owned(), value: json, hlc });
        self.save(Record { id: crate::storage::ids::new_record_id(), device, body });
    }
}

impl Progress {
    /// Deletes a session: a tombstone record, so the deletion reaches every device.
    pub fn delete(&self, target: klava_core::record::Id) {
        let body = klava_core::record::Body::Delete { target };
        self.save(Record { id: crate::storage::ids::new_record_id(), device: self.device(), body });
    }
}
