//! The IndexedDB schema and its migrations.
//!
//! - v1 kept finished sessions in a `sessions` store: `{id, session}` with `session` the session's JSON,
//!   no device and no other kinds of record.
//! - v2 is the record log: `records` (`{id, seq, json}`, key path `id`, unique index `seq` = the local
//!   order of arrival), `meta` (the next `seq`), `cache` (the folded history and the `seq` it was folded
//!   through) and `unreadable` (a copy of each record that could not be read, listed in Data and exported;
//!   the log keeps the record itself, for a later version that can read it).
//! - v3 adds sync with an account: `sync` (the sync state under the key `state`: outbox, cursor, held
//!   records and backoff as klava-sync serialises them, and the `seq` ranges pulled records went into)
//!   and `acked` (the ids of pushed records the server is known to hold, as keys). The records to push
//!   are those in the log neither pulled nor in `acked`, so a record is never left out because a list was
//!   written before it.
//!
//! Stores are created in `upgradeneeded` (which cannot await); moving v1 data into the log happens right
//! after opening, in one transaction ([`crate::storage::db::Db::migrate_v1`]), so it is all-or-nothing
//! and simply runs again if the tab closes mid-way. The emptied v1 store is dropped by the next version.

use idb::{Database, DatabaseEvent, Factory, IndexParams, KeyPath, ObjectStoreParams};

use super::StoreError;

/// The database's name.
pub const NAME: &str = "klava";
/// The schema version this code opens.
pub const VERSION: u32 = 3;

pub const RECORDS: &str = "records";
pub const SEQ_INDEX: &str = "seq";
pub const META: &str = "meta";
pub const CACHE: &str = "cache";
pub const UNREADABLE: &str = "unreadable";
pub const SYNC: &str = "sync";
pub const ACKED: &str = "acked";
/// The v1 store of sessions.
pub const V1_SESSIONS: &str = "sessions";

fn store(db: &Database, name: &str, key_path: Option<&str>) -> Result<idb::ObjectStore, idb::Error> {
    let mut params = ObjectStoreParams::new();
    params.key_path(key_path.map(KeyPath::new_single));
    db.create_object_store(name, params)
}

/// Creates what versions after `old` added.
fn upgrade(db: &Database, old: u32) -> Result<(), idb::Error> {
    if old < 2 {
        let records = store(db, RECORDS, Some("id"))?;
        let mut unique = IndexParams::new();
        unique.unique(true);
        records.create_index(SEQ_INDEX, KeyPath::new_single("seq"), Some(unique))?;
        store(db, META, None)?;
        store(db, CACHE, None)?;
        store(db, UNREADABLE, Some("key"))?;
    }
    if old < 3 {
        store(db, SYNC, None)?;
        store(db, ACKED, None)?;
    }
    Ok(())
}

/// Opens the database at [`VERSION`], creating or upgrading its stores.
///
/// # Errors
/// [`StoreError::QuotaExceeded`] when the disk is full, [`StoreError::Unavailable`] for any other failure
/// (no IndexedDB, private mode, blocked site data).
pub async fn open() -> Result<Database, StoreError> {
    let factory = Factory::new().map_err(failed_to_open)?;
    let mut request = factory.open(NAME, Some(VERSION)).map_err(failed_to_open)?;
    request.on_upgrade_needed(|event| {
        let old = event.old_version().unwrap_or(0);
        match event.database() {
            Ok(db) => {
                if let Err(e) = upgrade(&db, old) {
                    leptos::logging::warn!("klava: upgrading the database from v{old}: {e}");
                }
            }
            Err(e) => leptos::logging::warn!("klava: upgrading the database: {e}"),
        }
    });
    request.on_blocked(|_| leptos::logging::warn!("klava: the database is held open by an older tab"));
    let db = request.await.map_err(failed_to_open)?;
    // A newer Klava in another tab wants to upgrade: let it. This tab's later saves then fail and are kept
    // in its outbox until it is reloaded.
    let raw: web_sys::IdbDatabase = db.into();
    let mut db = Database::from(raw.clone());
    db.on_version_change(move |_| {
        leptos::logging::warn!("klava: a newer version opened the database in another tab; closing it here");
        raw.close();
    });
    Ok(db)
}

/// Any failure to open counts as storage being unavailable, except a full disk.
fn failed_to_open(e: idb::Error) -> StoreError {
    match StoreError::from_idb("open", &e) {
        StoreError::QuotaExceeded => StoreError::QuotaExceeded,
        _ => StoreError::Unavailable,
    }
}
