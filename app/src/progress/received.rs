//! Records from other devices, as sync pulls them: stored with their acknowledgement and the sync state in
//! one transaction, then folded into this tab's history, and the other tabs told.

use klava_core::record::{Id, Record};
use leptos::prelude::*;

use super::{Progress, Status};
use crate::storage::StoreError;
use crate::storage::db::{Appended, Db, Unreadable};

impl Progress {
    /// The open database, once loaded (sync reads and writes beside the log).
    pub fn db(&self) -> Option<Db> {
        if self.status.get_untracked() == Status::Ready { self.db.get_value() } else { None }
    }

    /// Stores pulled records (`aside`: those this version cannot read, kept and listed), marks `acked` as
    /// held by the server, stores the sync `state`, and folds the records in.
    ///
    /// Returns where they went in the log.
    ///
    /// # Errors
    /// Why they could not be stored (then nothing changed: the same page is pulled again later).
    pub async fn receive(
        &self,
        records: &[Record],
        aside: &[Unreadable],
        acked: &[Id],
        state: &str,
    ) -> Result<Appended, StoreError> {
        let db = self.db().ok_or(StoreError::Unavailable)?;
        let appended = db.store_pulled(records, aside, acked, state).await?;
        if appended.last_seq >= appended.first_seq {
            // Folded in now, and the fold's mark moved past them when nothing else was written between.
            self.fold_in(records);
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
