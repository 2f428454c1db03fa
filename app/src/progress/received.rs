//! Records from other devices, as sync pulls them: stored with their acknowledgement and the sync state in
//! one transaction, then folded into this tab's history, and the other tabs told.

use klava_core::record::Record;
use leptos::prelude::*;

use super::{Progress, Status, mark, measure};
use crate::storage::StoreError;
use crate::storage::db::{Appended, Db, Unreadable};

impl Progress {
    /// The open database, once loaded (sync reads and writes beside the log).
    pub fn db(&self) -> Option<Db> {
        if self.status.get_untracked() == Status::Ready { self.db.get_value() } else { None }
    }

    /// The stored record `id`, read and checked (a replay reads its session this way; the history keeps
    /// only the figures). The error says, in English for the console, why it cannot be shown.
    ///
    /// # Errors
    /// Storage unavailable, the record missing or unreadable.
    pub async fn record(&self, id: &str) -> Result<Record, String> {
        let db = self.db().ok_or_else(|| "storage is not available".to_owned())?;
        let json = db.read_one(id).await.map_err(|e| e.to_string())?.ok_or_else(|| format!("no record {id}"))?;
        super::read_record(&json)
    }

    /// Stores pulled records (`texts`: their JSON as received; `aside`: those this version cannot read,
    /// kept and listed) with the sync state `state` gives for where they went, and folds the records in.
    ///
    /// Returns where they went in the log.
    ///
    /// # Errors
    /// Why they could not be stored (then nothing changed: the same page is pulled again later).
    pub async fn receive(
        &self,
        records: &[Record],
        texts: &[&str],
        aside: &[Unreadable],
        state: impl FnOnce(&Appended) -> String,
    ) -> Result<Appended, StoreError> {
        let db = self.db().ok_or(StoreError::Unavailable)?;
        mark("klava-store");
        // Folded in while the browser writes them: a fold takes a record once, so if the write fails and
        // the page comes again, nothing is counted twice.
        let fold = || {
            mark("klava-fold");
            self.fold_in(records);
            measure("klava-fold", "klava-fold");
        };
        let appended = db.store_pulled(records, texts, aside, state, fold).await?;
        measure("klava-store", "klava-store");
        if appended.last_seq >= appended.first_seq {
            // The fold's mark moves past them when nothing else was written between.
            self.covered(appended);
            self.writes.update(|n| *n += 1);
            self.save_cache_soon();
        }
        if (appended.twins > 0 || !aside.is_empty())
            && let Ok(list) = db.unreadable().await
        {
            self.unreadable.set(list);
        }
        Ok(appended)
    }
}
