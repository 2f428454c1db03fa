//! The record log in IndexedDB: append records (each once, by id, in one transaction), read those that
//! arrived after a point, set unreadable ones aside, keep the folded history's cache, reset. Records are
//! stored as their JSON text, so a record this code cannot read is still kept exactly as it was.

use idb::{CursorDirection, Database, KeyRange, Query, Transaction, TransactionMode};
use std::collections::HashSet;

use klava_core::record::{Body, Id, Record, Session, merge};
use wasm_bindgen::JsValue;
use web_sys::js_sys::{Object, Reflect};

use super::StoreError;
use super::schema::{self, ACKED, CACHE, META, RECORDS, SEQ_INDEX, SYNC, UNREADABLE, V1_SESSIONS};

const NEXT_SEQ: &str = "next_seq";
const HISTORY: &str = "history";
/// Key prefix of a twin set aside (a record with the id of a kept one but other content).
pub const TWIN_PREFIX: &str = "twin-";
/// Key prefix of a pulled record this version cannot read (a newer kind from another device).
pub const PULLED_PREFIX: &str = "pulled-";

/// A stored record as read back: its local order of arrival and its JSON text.
pub struct StoredRecord {
    pub id: String,
    pub seq: f64,
    pub json: String,
}

/// What an append stored: how many records had a new id, how many arrived with the id of a stored record
/// but other content (the twin not kept is set aside), and the local `seq`s written (`first..=last`,
/// empty when `last < first`): new records and twins that replaced a stored one.
#[derive(Clone, Copy, Debug)]
pub struct Appended {
    pub added: usize,
    pub first_seq: f64,
    pub last_seq: f64,
    pub twins: usize,
}

/// A record that could not be read, kept aside.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub json: String,
    pub reason: String,
}

/// The folded history as cached: its key ([`klava_core::history::cache_key`]: the fold's version and the
/// data it read), the last `seq` folded in, and the history's JSON.
pub struct Cache {
    pub key: String,
    pub through_seq: f64,
    pub json: String,
}

/// The open database.
#[derive(Clone)]
pub struct Db {
    db: std::rc::Rc<Database>,
}

pub(super) fn obj(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn field(v: &JsValue, name: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

pub(super) fn text(v: &JsValue, name: &str) -> Option<String> {
    field(v, name).as_string()
}

fn as_json(v: &JsValue) -> String {
    web_sys::js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

/// Waits for a transaction to finish; an abort is reported with the browser's reason (a full quota
/// shows up here).
pub(super) async fn finish(tx: Transaction, context: &str) -> Result<(), StoreError> {
    let raw: web_sys::IdbTransaction = tx.into();
    let tx = Transaction::from(raw.clone());
    match tx.await {
        Ok(r) if r.is_committed() => Ok(()),
        Ok(_) => Err(match raw.error() {
            Some(e) => StoreError::from_idb(context, &idb::Error::DomException(e)),
            None => StoreError::Other,
        }),
        Err(e) => Err(StoreError::from_idb(context, &e)),
    }
}

impl Db {
    /// Opens (creating or upgrading) the database and moves any v1 data into the log.
    ///
    /// # Errors
    /// See [`schema::open`]; a failed v1 move is logged and retried at the next start.
    pub async fn open(device: &Id) -> Result<(Self, usize), StoreError> {
        let db = Self { db: std::rc::Rc::new(schema::open().await?) };
        let migrated = match db.migrate_v1(device).await {
            Ok(n) => n,
            Err(e) => {
                leptos::logging::warn!("klava: moving v1 sessions into the log failed: {e}");
                0
            }
        };
        Ok((db, migrated))
    }

    pub(super) fn tx(&self, stores: &[&str], mode: TransactionMode, context: &str) -> Result<Transaction, StoreError> {
        self.db.transaction(stores, mode).map_err(|e| StoreError::from_idb(context, &e))
    }

    /// Moves the sessions of a v1 database into the log, all in one transaction. Returns how many moved.
    async fn migrate_v1(&self, device: &Id) -> Result<usize, StoreError> {
        if !self.db.store_names().iter().any(|n| n == V1_SESSIONS) {
            return Ok(0);
        }
        let err = |e: idb::Error| StoreError::from_idb("migrate v1", &e);
        let tx = self.tx(&[V1_SESSIONS, RECORDS, META, UNREADABLE], TransactionMode::ReadWrite, "migrate v1")?;
        let old = tx.object_store(V1_SESSIONS).map_err(err)?;
        let values = old.get_all(None, None).map_err(err)?.await.map_err(err)?;
        if values.is_empty() {
            return Ok(0);
        }
        let mut records = Vec::new();
        let mut unreadable = Vec::new();
        for v in &values {
            let id = text(v, "id").unwrap_or_default();
            let json = text(v, "session").unwrap_or_default();
            let parsed = serde_json::from_str::<Session>(&json).map_err(|e| e.to_string()).and_then(|s| {
                let r = Record {
                    id: Id::new(id.clone()).map_err(|e| e.to_string())?,
                    device: device.clone(),
                    body: Body::Session(Box::new(s)),
                };
                r.validate().map_err(|e| e.to_string())?;
                Ok(r)
            });
            match parsed {
                Ok(r) => records.push(r),
                Err(reason) => unreadable.push(Unreadable { key: format!("v1-{id}"), json: json.clone(), reason }),
            }
        }
        let added = Self::put_records(&tx, &records, None).await?.added;
        let aside = tx.object_store(UNREADABLE).map_err(err)?;
        for u in &unreadable {
            aside.put(&Self::unreadable_value(u), None).map_err(err)?;
        }
        old.clear().map_err(err)?;
        finish(tx, "migrate v1").await?;
        Ok(added)
    }

    /// Adds the records not stored yet, numbering them in order of arrival, inside `tx` (which covers
    /// `records`, `meta` and `unreadable`). `texts`, when given, are the records' JSON as received (a
    /// pulled record is kept as the server sent it, and not written out again); otherwise each record is
    /// written in its canonical form. A record whose id is stored with other content (a twin) is
    /// decided by [`merge::twin_order`], the same on every device: when the new one is kept it replaces the stored
    /// one under a new `seq` (so an incremental fold sees it); the one not kept is set aside, never lost.
    pub(super) async fn put_records(
        tx: &Transaction,
        records: &[Record],
        texts: Option<&[&str]>,
    ) -> Result<Appended, StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("save", &e);
        let store = tx.object_store(RECORDS).map_err(err)?;
        let meta = tx.object_store(META).map_err(err)?;
        let next: JsValue =
            meta.get(JsValue::from_str(NEXT_SEQ)).map_err(err)?.await.map_err(err)?.unwrap_or(JsValue::from(1.0));
        // Past both the counter and the highest stored seq, so a record written around the counter (a
        // damaged meta store, another tool) can never hide new ones from an incremental fold.
        let index = store.index(SEQ_INDEX).map_err(err)?;
        let highest = index.open_key_cursor(None, Some(CursorDirection::Prev)).map_err(err)?.await.map_err(err)?;
        let highest = highest.and_then(|c| c.key().ok()).and_then(|k| k.as_f64()).unwrap_or(0.0);
        let first = next.as_f64().unwrap_or(1.0).max(highest + 1.0);
        let mut seq = first;
        let existing: HashSet<String> = if records.len() > 8 {
            // Only the keys between the batch's least and greatest id can be among them.
            let (Some(low), Some(high)) =
                (records.iter().map(|r| r.id.as_str()).min(), records.iter().map(|r| r.id.as_str()).max())
            else {
                return Ok(Appended { added: 0, first_seq: first, last_seq: first - 1.0, twins: 0 });
            };
            let range = KeyRange::bound(&low.into(), &high.into(), None, None).map_err(err)?;
            store
                .get_all_keys(Some(Query::from(range)), None)
                .map_err(err)?
                .await
                .map_err(err)?
                .iter()
                .filter_map(JsValue::as_string)
                .collect()
        } else {
            let mut found = HashSet::new();
            for r in records {
                if store.get_key(JsValue::from_str(r.id.as_str())).map_err(err)?.await.map_err(err)?.is_some() {
                    found.insert(r.id.to_string());
                }
            }
            found
        };
        let (mut added, mut twins) = (0, 0);
        let mut seen = HashSet::new();
        for (i, r) in records.iter().enumerate() {
            if !seen.insert(r.id.as_str()) {
                continue;
            }
            let json = texts.and_then(|t| t.get(i)).map_or_else(|| merge::canonical(r), |t| (*t).to_owned());
            if existing.contains(r.id.as_str()) {
                let stored = store.get(JsValue::from_str(r.id.as_str())).map_err(err)?.await.map_err(err)?;
                let stored_json = stored.as_ref().and_then(|v| text(v, "json")).unwrap_or_default();
                // The same record again (the common case), or a stored one this code cannot read (kept as it is).
                let Some(old) =
                    (stored_json != json).then(|| serde_json::from_str::<Record>(&stored_json).ok()).flatten()
                else {
                    continue;
                };
                if old == *r {
                    continue;
                }
                twins += 1;
                let new_kept = merge::twin_order(r, &old).is_lt();
                let lost_json = if new_kept { stored_json } else { json.clone() };
                let key = format!("{TWIN_PREFIX}{}-{:016x}", r.id, merge::digest_of(&lost_json).0);
                let twin = Unreadable { key, json: lost_json, reason: String::new() };
                drop(tx.object_store(UNREADABLE).map_err(err)?.put(&Self::unreadable_value(&twin), None).map_err(err)?);
                if !new_kept {
                    continue;
                }
            } else {
                added += 1;
            }
            let value = obj(&[("id", r.id.as_str().into()), ("seq", seq.into()), ("json", json.into())]);
            // The request is queued now; its outcome is the transaction's.
            drop(store.put(&value, None).map_err(err)?);
            seq += 1.0;
        }
        drop(meta.put(&JsValue::from(seq), Some(&JsValue::from_str(NEXT_SEQ))).map_err(err)?);
        Ok(Appended { added, first_seq: first, last_seq: seq - 1.0, twins })
    }

    /// Stores the records not stored yet, all or none.
    ///
    /// # Errors
    /// [`StoreError::QuotaExceeded`] when the disk or quota is full, and other write failures; then nothing
    /// was stored.
    pub async fn append(&self, records: &[Record]) -> Result<Appended, StoreError> {
        let tx = self.tx(&[RECORDS, META, UNREADABLE], TransactionMode::ReadWrite, "save")?;
        let added = Self::put_records(&tx, records, None).await?;
        finish(tx, "save").await?;
        Ok(added)
    }

    /// Records that arrived after `seq` (all of them for 0), in order of arrival.
    ///
    /// # Errors
    /// A failed read.
    pub async fn read_since(&self, seq: f64) -> Result<Vec<StoredRecord>, StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("read", &e);
        let tx = self.tx(&[RECORDS], TransactionMode::ReadOnly, "read")?;
        let index = tx.object_store(RECORDS).map_err(err)?.index(SEQ_INDEX).map_err(err)?;
        let range = KeyRange::lower_bound(&JsValue::from(seq), Some(true)).map_err(err)?;
        let values = index.get_all(Some(Query::from(range)), None).map_err(err)?.await.map_err(err)?;
        Ok(values
            .iter()
            .map(|v| StoredRecord {
                id: text(v, "id").unwrap_or_default(),
                seq: field(v, "seq").as_f64().unwrap_or(0.0),
                // A damaged entry without its text is kept as whatever it holds.
                json: text(v, "json").unwrap_or_else(|| as_json(v)),
            })
            .collect())
    }

    /// The stored JSON of the record `id`, if it is stored.
    ///
    /// # Errors
    /// A failed read.
    pub async fn read_one(&self, id: &str) -> Result<Option<String>, StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("read", &e);
        let tx = self.tx(&[RECORDS], TransactionMode::ReadOnly, "read")?;
        let value = tx
            .object_store(RECORDS)
            .map_err(err)?
            .get(Query::from(JsValue::from_str(id)))
            .map_err(err)?
            .await
            .map_err(err)?;
        Ok(value.map(|v| text(&v, "json").unwrap_or_else(|| as_json(&v))))
    }

    pub(super) fn unreadable_value(u: &Unreadable) -> JsValue {
        obj(&[("key", u.key.as_str().into()), ("json", u.json.as_str().into()), ("reason", u.reason.as_str().into())])
    }

    /// Lists records that could not be read in `unreadable` (for Data and for exports). A stored record
    /// stays in the log as it is, so a later version of Klava that can read it (a newer record kind
    /// synced from another device, say) folds it in; an import's unreadable entries are kept only here.
    ///
    /// # Errors
    /// A failed write (then they are listed again at the next start).
    pub async fn set_aside(&self, entries: &[Unreadable]) -> Result<(), StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("set aside", &e);
        let tx = self.tx(&[UNREADABLE], TransactionMode::ReadWrite, "set aside")?;
        let aside = tx.object_store(UNREADABLE).map_err(err)?;
        for u in entries {
            drop(aside.put(&Self::unreadable_value(u), None).map_err(err)?);
        }
        finish(tx, "set aside").await
    }

    /// The records set aside.
    ///
    /// # Errors
    /// A failed read.
    pub async fn unreadable(&self) -> Result<Vec<Unreadable>, StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("read", &e);
        let tx = self.tx(&[UNREADABLE], TransactionMode::ReadOnly, "read")?;
        let values = tx.object_store(UNREADABLE).map_err(err)?.get_all(None, None).map_err(err)?.await.map_err(err)?;
        Ok(values
            .iter()
            .map(|v| Unreadable {
                key: text(v, "key").unwrap_or_default(),
                json: text(v, "json").unwrap_or_default(),
                reason: text(v, "reason").unwrap_or_default(),
            })
            .collect())
    }

    /// The cached history, if any.
    ///
    /// # Errors
    /// A failed read.
    pub async fn load_cache(&self) -> Result<Option<Cache>, StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("read cache", &e);
        let tx = self.tx(&[CACHE], TransactionMode::ReadOnly, "read cache")?;
        let v =
            tx.object_store(CACHE).map_err(err)?.get(JsValue::from_str(HISTORY)).map_err(err)?.await.map_err(err)?;
        Ok(v.map(|v| Cache {
            key: text(&v, "key").unwrap_or_default(),
            through_seq: field(&v, "through_seq").as_f64().unwrap_or(0.0),
            json: text(&v, "json").unwrap_or_default(),
        }))
    }

    /// Replaces the cached history.
    ///
    /// # Errors
    /// A failed write (the cache is only a shortcut: the log is untouched).
    pub async fn save_cache(&self, cache: &Cache) -> Result<(), StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("write cache", &e);
        let tx = self.tx(&[CACHE], TransactionMode::ReadWrite, "write cache")?;
        let value = obj(&[
            ("key", cache.key.as_str().into()),
            ("through_seq", cache.through_seq.into()),
            ("json", cache.json.as_str().into()),
        ]);
        drop(tx.object_store(CACHE).map_err(err)?.put(&value, Some(&JsValue::from_str(HISTORY))).map_err(err)?);
        finish(tx, "write cache").await
    }

    /// Deletes everything stored, in one transaction.
    ///
    /// # Errors
    /// A failed write (then nothing was deleted).
    pub async fn reset(&self) -> Result<(), StoreError> {
        let err = |e: idb::Error| StoreError::from_idb("reset", &e);
        let stores = [RECORDS, META, CACHE, UNREADABLE, SYNC, ACKED];
        let tx = self.tx(&stores, TransactionMode::ReadWrite, "reset")?;
        for name in stores {
            drop(tx.object_store(name).map_err(err)?.clear().map_err(err)?);
        }
        finish(tx, "reset").await
    }
}
