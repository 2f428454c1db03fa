//! Saving: a finished record is folded into the history at once, written to a LocalStorage outbox
//! synchronously (so closing the tab right after finishing loses nothing), then appended to IndexedDB in
//! one transaction and taken out of the outbox. When storage is full or unavailable the record stays in
//! memory and in the outbox, the learner is told, and it is saved with the next one. An outbox entry that
//! cannot be read (damaged, or written by a newer version) never costs the others: it stays in the outbox
//! until it is set aside with the unreadable records, listed and exported.

use klava_core::record::{Record, merge};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::value::RawValue;
use wasm_bindgen_futures::JsFuture;

use super::{Progress, Status, read_record};
use crate::storage::db::Unreadable;
use crate::storage::local;

/// LocalStorage key of records not yet in IndexedDB: a JSON array, one entry per record.
const OUTBOX: &str = "klava.outbox";
/// Key prefix of an unreadable outbox entry once set aside.
const OUTBOX_PREFIX: &str = "outbox-";

/// What the outbox holds.
#[derive(Default)]
struct Outbox {
    records: Vec<Record>,
    /// Entries that could not be read, as their JSON text, with the reason.
    unreadable: Vec<(String, String)>,
}

fn outbox() -> Outbox {
    let Some(text) = local::text(OUTBOX) else { return Outbox::default() };
    let entries: Vec<Box<RawValue>> = match serde_json::from_str(&text) {
        Ok(entries) => entries,
        // Not even a list: kept whole, as one entry (a JSON string of the text).
        Err(e) => {
            let whole = serde_json::to_string(&text).expect("strings serialize");
            return Outbox { records: Vec::new(), unreadable: vec![(whole, e.to_string())] };
        }
    };
    let mut out = Outbox::default();
    for entry in entries {
        match read_record(entry.get()) {
            Ok(r) => out.records.push(r),
            Err(reason) => out.unreadable.push((entry.get().to_owned(), reason)),
        }
    }
    out
}

fn set_outbox(o: &Outbox) {
    if o.records.is_empty() && o.unreadable.is_empty() {
        local::delete(OUTBOX);
        return;
    }
    let mut entries: Vec<String> = o.records.iter().map(merge::canonical).collect();
    entries.extend(o.unreadable.iter().map(|(json, _)| json.clone()));
    if let Err(e) = local::set_text(OUTBOX, &format!("[{}]", entries.join(","))) {
        leptos::logging::warn!("klava: could not write the outbox: {e}");
    }
}

/// An unreadable outbox entry as a set-aside record (keyed by its digest, so it is kept once).
fn aside(json: &str, reason: &str) -> Unreadable {
    let key = format!("{OUTBOX_PREFIX}{:016x}", merge::digest_of(json).0);
    Unreadable { key, json: json.to_owned(), reason: reason.to_owned() }
}

impl Progress {
    /// Keeps a new record: folded in now, saved at once.
    pub fn save(&self, record: Record) {
        self.fold_in(std::slice::from_ref(&record));
        let mut out = outbox();
        out.records.push(record.clone());
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
                let mut out = outbox();
                out.records.retain(|r| !saved.contains(&r.id));
                set_outbox(&out);
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
    let Outbox { records, unreadable } = outbox();
    if !unreadable.is_empty() {
        spawn_local(set_aside_outbox(p, unreadable));
    }
    p.edit_pending(|pending| {
        for r in records {
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

/// Lists unreadable outbox entries with the unreadable records (so they are shown and exported); once
/// they are stored there, they leave the outbox. Without storage they stay in it, listed for this visit.
async fn set_aside_outbox(p: Progress, entries: Vec<(String, String)>) {
    let aside: Vec<Unreadable> = entries.iter().map(|(json, reason)| aside(json, reason)).collect();
    leptos::logging::warn!("klava: {} outbox entries could not be read and were set aside", aside.len());
    if let Some(db) = p.db.get_value()
        && p.status.get_untracked() == Status::Ready
        && db.set_aside(&aside).await.is_ok()
    {
        let mut out = outbox();
        out.unreadable.retain(|(json, _)| !entries.iter().any(|(j, _)| j == json));
        set_outbox(&out);
        if let Ok(list) = db.unreadable().await {
            p.unreadable.set(list);
            return;
        }
    }
    p.unreadable.update(|list| {
        for u in aside {
            if !list.iter().any(|v| v.key == u.key) {
                list.push(u);
            }
        }
    });
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
