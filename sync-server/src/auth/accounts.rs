//! Queries on users, sessions and recovery codes (both backends, through sqlx's `Any` driver), and the
//! rules for logins and passwords.

use klava_wire::{Account, Device, MAX_LOGIN_CHARS, MAX_PASSWORD_BYTES, MIN_PASSWORD_CHARS};
use sqlx::{Any, AnyPool, Executor, Row};

use crate::error::ApiError;

/// A login as stored: (compared form, as typed). Leading and trailing spaces are dropped; case is ignored.
///
/// # Errors
/// [`ApiError::Invalid`] for an empty, too long or control-character login.
pub fn check_login(login: &str) -> Result<(String, String), ApiError> {
    let shown = login.trim();
    let n = shown.chars().count();
    if n == 0 || n > MAX_LOGIN_CHARS {
        return Err(ApiError::Invalid(format!("a login has 1–{MAX_LOGIN_CHARS} characters")));
    }
    if shown.chars().any(char::is_control) {
        return Err(ApiError::Invalid("a login cannot contain control characters".into()));
    }
    Ok((shown.to_lowercase(), shown.to_owned()))
}

/// The key a login is looked up and rate limited by: [`check_login`]'s normalised form, or "" for a
/// login that breaks the rules (which matches no account).
pub fn login_key(login: &str) -> String {
    check_login(login).map(|(key, _)| key).unwrap_or_default()
}

/// # Errors
/// [`ApiError::Invalid`] for a password shorter than [`MIN_PASSWORD_CHARS`] or longer than
/// [`MAX_PASSWORD_BYTES`].
pub fn check_password(password: &str) -> Result<(), ApiError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(ApiError::Invalid(format!("a password has at least {MIN_PASSWORD_CHARS} characters")));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(ApiError::Invalid(format!("a password has at most {MAX_PASSWORD_BYTES} bytes")));
    }
    Ok(())
}

/// A user row.
#[derive(Clone, Debug)]
pub struct User {
    pub id: i64,
    pub account: Account,
    pub password_hash: String,
}

fn user(row: &sqlx::any::AnyRow) -> Result<User, sqlx::Error> {
    Ok(User {
        id: row.try_get("id")?,
        account: Account { login: row.try_get("display_login")?, created_ms: row.try_get("created_ms")? },
        password_hash: row.try_get("password_hash")?,
    })
}

const USER_COLUMNS: &str = "id, display_login, created_ms, password_hash";

/// Creates a user; `None` when the login is taken.
pub async fn create_user<'c>(
    db: impl Executor<'c, Database = Any>,
    (login, shown): (&str, &str),
    password_hash: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO users (login, display_login, password_hash, created_ms) VALUES ($1, $2, $3, $4)
         ON CONFLICT (login) DO NOTHING RETURNING id",
    )
    .bind(login)
    .bind(shown)
    .bind(password_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

pub async fn user_by_login(db: &AnyPool, login: &str) -> Result<Option<User>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE login = $1"))
        .bind(login)
        .fetch_optional(db)
        .await?;
    row.as_ref().map(user).transpose()
}

pub async fn user_by_id(db: &AnyPool, id: i64) -> Result<Option<User>, sqlx::Error> {
    let row =
        sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1")).bind(id).fetch_optional(db).await?;
    row.as_ref().map(user).transpose()
}

/// Sets a new password hash and signs out every session of `user` but `keep` (a token hash), if given.
pub async fn replace_password(
    conn: &mut sqlx::AnyConnection,
    user: i64,
    hash: &str,
    keep: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(hash).bind(user).execute(&mut *conn).await?;
    delete_sessions(&mut *conn, user, keep).await
}

/// Stores the hashes of a user's recovery codes.
pub async fn add_recovery_codes(
    conn: &mut sqlx::AnyConnection,
    user: i64,
    hashes: &[String],
) -> Result<(), sqlx::Error> {
    for h in hashes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
            .bind(user)
            .bind(h)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Uses up a recovery code; whether it was there.
pub async fn take_recovery_code<'c>(
    db: impl Executor<'c, Database = Any>,
    user: i64,
    hash: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1 AND code_hash = $2")
        .bind(user)
        .bind(hash)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn recovery_codes_left(db: &AnyPool, user: i64) -> Result<u32, sqlx::Error> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1").bind(user).fetch_one(db).await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// A new session row.
pub struct NewSession<'a> {
    pub user: i64,
    pub token_hash: &'a str,
    pub public_id: &'a str,
    pub user_agent: &'a str,
    pub now: i64,
    pub expires: i64,
}

pub async fn create_session<'c>(db: impl Executor<'c, Database = Any>, s: NewSession<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, public_id, user_id, user_agent, created_ms, last_seen_ms, expires_ms)
         VALUES ($1, $2, $3, $4, $5, $5, $6)",
    )
    .bind(s.token_hash)
    .bind(s.public_id)
    .bind(s.user)
    .bind(s.user_agent)
    .bind(s.now)
    .bind(s.expires)
    .execute(db)
    .await?;
    Ok(())
}

/// A live session: its user and when it was last used.
pub struct Session {
    pub user_id: i64,
    pub last_seen_ms: i64,
}

/// The session with this token hash, unless it has expired.
pub async fn session(db: &AnyPool, token_hash: &str, now: i64) -> Result<Option<Session>, sqlx::Error> {
    let row = sqlx::query("SELECT user_id, last_seen_ms FROM sessions WHERE token_hash = $1 AND expires_ms > $2")
        .bind(token_hash)
        .bind(now)
        .fetch_optional(db)
        .await?;
    row.map(|r| Ok(Session { user_id: r.try_get("user_id")?, last_seen_ms: r.try_get("last_seen_ms")? })).transpose()
}

pub async fn touch_session(db: &AnyPool, token_hash: &str, now: i64, expires: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_ms = $1, expires_ms = $2 WHERE token_hash = $3")
        .bind(now)
        .bind(expires)
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn delete_session(db: &AnyPool, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(db).await?;
    Ok(())
}

/// Signs out every session of `user` but `keep` (a token hash), if given.
pub async fn delete_sessions<'c>(
    db: impl Executor<'c, Database = Any>,
    user: i64,
    keep: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user)
        .bind(keep.unwrap_or(""))
        .execute(db)
        .await?;
    Ok(())
}

/// Signs out the device with this public id; whether it was one of the user's.
pub async fn delete_device(db: &AnyPool, user: i64, public_id: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND public_id = $2")
        .bind(user)
        .bind(public_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The user's live sessions, newest use first; `current` is the asking device's token hash.
pub async fn devices(db: &AnyPool, user: i64, current: &str, now: i64) -> Result<Vec<Device>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT token_hash, public_id, user_agent, created_ms, last_seen_ms FROM sessions
         WHERE user_id = $1 AND expires_ms > $2 ORDER BY last_seen_ms DESC, public_id",
    )
    .bind(user)
    .bind(now)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Device {
                id: r.try_get("public_id")?,
                user_agent: r.try_get("user_agent")?,
                signed_in_ms: r.try_get("created_ms")?,
                last_seen_ms: r.try_get("last_seen_ms")?,
                current: r.try_get::<String, _>("token_hash")? == current,
            })
        })
        .collect()
}

/// Deletes the user and everything it owns, in one transaction.
pub async fn delete_user(db: &AnyPool, user: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for table in ["records", "sessions", "recovery_codes"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1")).bind(user).execute(&mut *tx).await?;
    }
    sqlx::query("DELETE FROM users WHERE id = $1").bind(user).execute(&mut *tx).await?;
    tx.commit().await
}
