//! What sync keeps beside the log in IndexedDB: its state (klava-sync's and where pulled records went in
//! the log, as JSON) and the ids of pushed records the server is known to hold. Every change to them is
//! written in the same transaction as what caused it (a pulled page with the new cursor and its place in
//! the log; a push's acknowledgements with the new state), so a tab closed at any moment leaves them
//! consistent with the log.

use std::collections::HashSet;

use idb::{Transaction, TransactionMode};
use klava_core::record::{Id, Record};
use wasm_bindgen::JsValue;

use super::StoreError;
use super::db::{Appended, Db, Unreadable, finish, text};
use super::schema::{ACKED, META, RECORDS, SYNC, UNREADABLE};

/// The sync state's key in the `sync` store.
const STATE: &str = "state";

fn put_acked(tx: &Transaction, ids: &[Id], context: &str) -> Result<(), StoreError> {
    let err = |e: idb::Error| StoreError::from_idb(context, &e);
    let acked = tx.object_store(ACKED).map_err(err)?;
    for id in ids {
        drop(acked.put(&JsValue::TRUE, Some(&JsValue::from_str(id.as_str()))).map_err(err)?);
    }
    Ok(())
}

fn put_state(tx: &Transaction, state: &str, context: &str) -> Result<(), StoreError> {
    let err = |e: idb::Error| StoreError::from_idb(context, &e);
    drop(
        tx.object_store(SYNC)
            .map_err(err)?
            .put(&JsValue::from_str(state), Some(&JsValue::from_str(STATE)))
            .map_err(err)?,
    );
    Ok(())
}

impl Db {
    /// The stored sync state's JSON, if any.
    ///
    /// # Errors
    /// A failed read.
    pub async fn sync_state(&self) -> Result<Option<String>, StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("read sync state", &e);
        let tx = self.tx(&[SYNC], TransactionMode::ReadOnly, "read sync state")?;
        let v = tx.object_store(SYNC).map_err(err)?.get(JsValue::from_str(STATE)).map_err(err)?.await.map_err(err)?;
        Ok(v.and_then(|v| v.as_string()))
    }

    /// Stores the sync state and marks `acked` as held by the server, together.
    ///
    /// # Errors
    /// A failed write (then neither changed).
    pub async fn save_sync(&self, state: &str, acked: &[Id]) -> Result<(), StoreError> {
        let tx = self.tx(&[SYNC, ACKED], TransactionMode::ReadWrite, "write sync state")?;
        put_acked(&tx, acked, "write sync state")?;
        put_state(&tx, state, "write sync state")?;
        finish(tx, "write sync state").await
    }

    /// Forgets the sync state and every acknowledgement (signing out, or into another account: then every
    /// record here goes to the account signed in next).
    ///
    /// # Errors
    /// A failed write.
    pub async fn clear_sync(&self) -> Result<(), StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("clear sync state", &e);
        let tx = self.tx(&[SYNC, ACKED], TransactionMode::ReadWrite, "clear sync state")?;
        for name in [SYNC, ACKED] {
            drop(tx.object_store(name).map_err(err)?.clear().map_err(err)?);
        }
        finish(tx, "clear sync state").await
    }

    /// Which of `ids` the server is known to hold.
    ///
    /// # Errors
    /// A failed read.
    pub async fn acked_among(&self, ids: &[&str]) -> Result<HashSet<String>, StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("read sync state", &e);
        let tx = self.tx(&[ACKED], TransactionMode::ReadOnly, "read sync state")?;
        let store = tx.object_store(ACKED).map_err(err)?;
        if ids.len() > 16 {
            let all = store.get_all_keys(None, None).map_err(err)?.await.map_err(err)?;
            let wanted: HashSet<&str> = ids.iter().copied().collect();
            return Ok(all.iter().filter_map(JsValue::as_string).filter(|k| wanted.contains(k.as_str())).collect());
        }
        let mut found = HashSet::new();
        for id in ids {
            if store.get_key(JsValue::from_str(id)).map_err(err)?.await.map_err(err)?.is_some() {
                found.insert((*id).to_owned());
            }
        }
        Ok(found)
    }

    /// The stored JSON of each of `ids` that is in the log, in the order asked.
    ///
    /// # Errors
    /// A failed read.
    pub async fn records_json(&self, ids: &[Id]) -> Result<Vec<(Id, String)>, StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("read", &e);
        let tx = self.tx(&[RECORDS], TransactionMode::ReadOnly, "read")?;
        let store = tx.object_store(RECORDS).map_err(err)?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let v = store.get(JsValue::from_str(id.as_str())).map_err(err)?.await.map_err(err)?;
            if let Some(json) = v.as_ref().and_then(|v| text(v, "json")) {
                out.push((id.clone(), json));
            }
        }
        Ok(out)
    }

    /// Stores pulled records (readable ones in the log, kept as the server sent them: `texts`; the others
    /// set aside) and the sync state `state` gives for where they went in the log, in one transaction:
    /// all or nothing. `meanwhile` runs while the browser writes it (folding the records in then costs no
    /// time; it must not assume they were stored).
    ///
    /// # Errors
    /// [`StoreError::QuotaExceeded`] when full, other write failures; then nothing changed.
    pub async fn store_pulled(
        &self,
        records: &[Record],
        texts: &[&str],
        aside: &[Unreadable],
        state: impl FnOnce(&Appended) -> String,
        meanwhile: impl FnOnce(),
    ) -> Result<Appended, StoreError> {
        let context = "store pulled records";
        let err = |e: idb::Error| StoreError::from_idb(context, &e);
        let tx = self.tx(&[RECORDS, META, UNREADABLE, SYNC], TransactionMode::ReadWrite, context)?;
        let appended = Self::put_records(&tx, records, Some(texts)).await?;
        let store = tx.object_store(UNREADABLE).map_err(err)?;
        for u in aside {
            drop(store.put(&Self::unreadable_value(u), None).map_err(err)?);
        }
        put_state(&tx, &state(&appended), context)?;
        // Nothing more is asked of it: it commits now, not when this task ends, so `meanwhile` runs while
        // it is written. No await comes between, so its end cannot be missed.
        let raw: web_sys::IdbTransaction = tx.into();
        // `commit()` is IndexedDB 3.0 (every current browser); web-sys marks it deprecated for its old
        // WebIDL source. Where it is missing the transaction still commits, only later.
        #[allow(deprecated)]
        let _ = raw.commit();
        meanwhile();
        finish(Transaction::from(raw), context).await?;
        Ok(appended)
    }
}
