//! The records an account syncs: push (validate each, store once per id) and pull (pages after a cursor).
//!
//! **A pull never misses a record.** Each record gets a per-user sequence number from `users.next_seq`,
//! read and advanced in the same transaction that inserts the records, after an `UPDATE` of the user's
//! row: PostgreSQL holds that row's lock until the commit (SQLite has one writer at a time anyway), so
//! two pushes for one user — on one server instance or several — are serialised, and a record can only
//! become visible after every record with a smaller number is. A pull of `seq > cursor` therefore never
//! skips a record that commits later with a smaller number. Different users never wait for each other.

use klava_core::record::Record;
use klava_wire::{MAX_ACCOUNT_BYTES, MAX_ACCOUNT_RECORDS, MAX_RECORD_BYTES, Pulled, Pushed, Refused};
use serde_json::value::RawValue;
use sqlx::{AnyPool, Row};

use crate::observe;

/// A pushed record that passed the checks.
struct Valid<'a> {
    index: usize,
    id: String,
    text: &'a str,
    /// When the record was made on its device, if it says.
    dated_ms: Option<f64>,
}

fn refused(index: usize, id: Option<String>, code: &str, message: impl Into<String>) -> Refused {
    Refused { index, id, code: code.to_owned(), message: message.into() }
}

/// Checks one record: its size, its shape (a record this server's Klava understands) and its fields
/// (finite, in range, not dated more than a day ahead of `now_ms`).
fn check(index: usize, raw: &RawValue, now_ms: f64) -> Result<Valid<'_>, Refused> {
    let text = raw.get();
    // The id, if there is a readable one, to name the record in a refusal.
    let id_of = || serde_json::from_str::<serde_json::Value>(text).ok()?.get("id")?.as_str().map(str::to_owned);
    if text.len() > MAX_RECORD_BYTES {
        return Err(refused(index, id_of(), "too_large", format!("a record has at most {MAX_RECORD_BYTES} bytes")));
    }
    let record: Record = serde_json::from_str(text).map_err(|e| refused(index, id_of(), "invalid", e.to_string()))?;
    record.validate_at(now_ms).map_err(|e| refused(index, Some(record.id.to_string()), "invalid", e.to_string()))?;
    Ok(Valid { index, id: record.id.to_string(), text, dated_ms: record.dated_ms() })
}

/// Stores what is valid among `records` for `user`, each id once: a record already stored with the same
/// body counts as stored (pushing twice is harmless); another body under a stored id is refused
/// (`id_taken`); records past the account's quota are refused (`quota`).
///
/// # Errors
/// A database error; then nothing from this push is stored.
pub async fn push(db: &AnyPool, user: i64, records: &[Box<RawValue>], now_ms: f64) -> Result<Pushed, sqlx::Error> {
    let mut out = Pushed::default();
    let mut valid = Vec::with_capacity(records.len());
    for (i, raw) in records.iter().enumerate() {
        match check(i, raw, now_ms) {
            Ok(v) => valid.push(v),
            Err(r) => out.refused.push(r),
        }
    }
    if valid.is_empty() {
        observe::pushed(0, out.refused.len(), &[]);
        return Ok(out);
    }
    let mut lags = Vec::new();
    let mut tx = db.begin().await?;
    // Takes the user row's lock until the commit (see the module's note).
    let row = sqlx::query(
        "UPDATE users SET next_seq = next_seq WHERE id = $1 RETURNING next_seq, record_count, record_bytes",
    )
    .bind(user)
    .fetch_one(&mut *tx)
    .await?;
    let (mut seq, mut count, mut bytes): (i64, i64, i64) =
        (row.try_get("next_seq")?, row.try_get("record_count")?, row.try_get("record_bytes")?);
    for v in valid {
        let size = i64::try_from(v.text.len()).unwrap_or(i64::MAX);
        let over = u64::try_from(count + 1).unwrap_or(u64::MAX) > MAX_ACCOUNT_RECORDS
            || u64::try_from(bytes.saturating_add(size)).unwrap_or(u64::MAX) > MAX_ACCOUNT_BYTES;
        let inserted = if over {
            false
        } else {
            sqlx::query(
                "INSERT INTO records (user_id, id, seq, body) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, id) DO NOTHING",
            )
            .bind(user)
            .bind(&v.id)
            .bind(seq + 1)
            .bind(v.text)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1
        };
        if inserted {
            (seq, count, bytes) = (seq + 1, count + 1, bytes.saturating_add(size));
            lags.extend(v.dated_ms.map(|t| (now_ms - t) / 1e3));
            out.stored.push(v.id);
            continue;
        }
        let stored: Option<String> = sqlx::query_scalar("SELECT body FROM records WHERE user_id = $1 AND id = $2")
            .bind(user)
            .bind(&v.id)
            .fetch_optional(&mut *tx)
            .await?;
        match stored {
            Some(body) if body == v.text => out.stored.push(v.id),
            Some(_) => {
                out.refused.push(refused(v.index, Some(v.id), "id_taken", "another record is stored with this id"))
            }
            None => out.refused.push(refused(
                v.index,
                Some(v.id),
                "quota",
                format!("the account holds its most: {MAX_ACCOUNT_RECORDS} records or {MAX_ACCOUNT_BYTES} bytes"),
            )),
        }
    }
    sqlx::query("UPDATE users SET next_seq = $1, record_count = $2, record_bytes = $3 WHERE id = $4")
        .bind(seq)
        .bind(count)
        .bind(bytes)
        .bind(user)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    observe::pushed(out.stored.len(), out.refused.len(), &lags);
    Ok(out)
}

/// Up to `limit` of `user`'s records stored after `cursor`, in the order they were stored.
///
/// # Errors
/// A database error.
pub async fn pull(db: &AnyPool, user: i64, cursor: i64, limit: usize) -> Result<Pulled, sqlx::Error> {
    let rows = sqlx::query("SELECT seq, body FROM records WHERE user_id = $1 AND seq > $2 ORDER BY seq LIMIT $3")
        .bind(user)
        .bind(cursor)
        .bind(i64::try_from(limit + 1).unwrap_or(i64::MAX))
        .fetch_all(db)
        .await?;
    let more = rows.len() > limit;
    let mut records = Vec::with_capacity(limit.min(rows.len()));
    let mut next = cursor;
    for row in rows.iter().take(limit) {
        next = row.try_get("seq")?;
        records.push(raw(row.try_get("body")?)?);
    }
    Ok(Pulled { records, cursor: next, more })
}

/// A stored body as raw JSON (it was checked when pushed; a damaged one is a decoding error).
fn raw(body: String) -> Result<Box<RawValue>, sqlx::Error> {
    RawValue::from_string(body).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}
