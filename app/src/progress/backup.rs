//! Backup, import and reset: export everything to a versioned JSON file, merge a Klava backup or another
//! trainer's export by record id (all or nothing), and delete all data after confirmation.

use klava_core::backup::{self, Arrival, Backup, Import, ImportError, ImportKind, ImportNote};
use klava_core::history::History;
use klava_core::record::{Record, merge};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{Progress, Status, decode};
use crate::storage::StoreError;
use crate::storage::db::Unreadable;
use crate::storage::{ids, local};

/// What an import did, for the learner.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub added: usize,
    pub already: usize,
    /// Records with the id of a stored one but other content: one of each pair was kept, the other set aside.
    pub twins: usize,
    pub notes: Vec<ImportNote>,
}

/// Why an import changed nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportFailure {
    /// The file cannot be imported.
    File(ImportError),
    /// The file was fine, but storing it failed.
    Store(StoreError),
}

/// Key prefix of unreadable records that came with an imported backup (the rest came from this store).
pub const IMPORTED_PREFIX: &str = "import-";

/// A stable key for an unreadable record brought by an import (the digest of its text), so importing the
/// same file twice keeps one copy.
fn import_key(json: &str) -> String {
    format!("{IMPORTED_PREFIX}{:016x}", merge::digest_of(json).0)
}

impl Progress {
    /// Everything: stored records, pending ones and the unreadable ones verbatim.
    pub async fn backup(&self) -> Backup {
        let mut records: Vec<Record> = Vec::new();
        if let Some(db) = self.db.get_value()
            && let Ok(all) = db.read_since(0.0).await
        {
            records.extend(all.iter().filter_map(|s| decode(s).ok()));
        }
        for r in self.pending() {
            if !records.iter().any(|q| q.id == r.id) {
                records.push(r);
            }
        }
        let unreadable = self.unreadable.with_untracked(|u| u.iter().map(|u| u.json.clone()).collect());
        Backup::new(self.device(), ids::now_ms(), records, unreadable)
    }

    /// Reads `text` and merges what it holds; nothing changes when the file is bad.
    ///
    /// # Errors
    /// Why the file cannot be imported, or why it could not be stored.
    pub async fn import(&self, text: &str) -> Result<ImportReport, ImportFailure> {
        let device = self.device();
        let arrival = Arrival { device: &device, now_ms: ids::now_ms(), utc_offset_min: &ids::utc_offset_min_at };
        let Import { kind, records, unreadable, notes } = backup::parse(text, &arrival).map_err(ImportFailure::File)?;
        let total = records.len();
        match self.db.get_value() {
            Some(db) if self.status.get_untracked() == Status::Ready => {
                let appended = db.append(&records).await.map_err(ImportFailure::Store)?;
                let added = appended.added;
                let aside: Vec<Unreadable> = unreadable
                    .iter()
                    .map(|json| Unreadable { key: import_key(json), json: json.clone(), reason: String::new() })
                    .collect();
                if (!aside.is_empty() && db.set_aside(&aside).await.is_ok()) || appended.twins > 0 {
                    self.unreadable.set(db.unreadable().await.unwrap_or_default());
                }
                self.fold_in(&records);
                self.covered(appended);
                self.writes.update(|n| *n += 1);
                self.save_cache().await;
                let twins = appended.twins;
                Ok(ImportReport { kind, added, already: total.saturating_sub(added + twins), twins, notes })
            }
            // No storage: the import lives in this tab, like the sessions typed here.
            _ => {
                let before = self.history.with_untracked(History::records);
                self.fold_in(&records);
                let added = self.history.with_untracked(History::records) - before;
                self.edit_pending(|p| p.extend(records));
                Ok(ImportReport { kind, added, already: total.saturating_sub(added), twins: 0, notes })
            }
        }
    }

    /// Deletes all stored data and settings of this site (the device id stays), then reloads.
    ///
    /// # Errors
    /// Why the store could not be cleared (then nothing was deleted).
    pub async fn reset(&self) -> Result<(), StoreError> {
        if let Some(db) = self.db.get_value() {
            db.reset().await?;
        }
        for k in local::keys().iter().filter(|k| k.starts_with("klava.") && *k != "klava.device") {
            local::delete(k);
        }
        let _ = window().location().reload();
        Ok(())
    }
}

/// Offers `text` as a file download named `name`, its type from the name's extension (JSON, a calendar
/// file, else plain text).
pub fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = web_sys::js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    let kind = match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("json") => "application/json",
        Some("ics") => "text/calendar;charset=utf-8",
        _ => "text/plain;charset=utf-8",
    };
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    document().body().ok_or(JsValue::NULL)?.append_child(&a)?;
    a.click();
    a.remove();
    // The download reads the URL after this returns; free it a little later.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(30));
    Ok(())
}

/// The text of the first file chosen in `input`.
pub async fn read_file(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    JsFuture::from(file.text()).await.ok()?.as_string()
}
