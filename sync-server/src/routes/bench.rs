//! `POST /api/bench/insert` (only with `--bench-endpoints`): inserts its body as one row and answers 204,
//! with no session, validation or lock. The load generator measures it beside a push, to tell the cost
//! of the sync logic from the cost of the database.

use axum::extract::State;
use axum::http::StatusCode;

use crate::AppState;
use crate::db::Db;
use crate::error::ApiError;

/// Makes the table the endpoint writes to.
///
/// # Errors
/// A database error.
pub async fn create_table(db: &Db) -> Result<(), sqlx::Error> {
    sqlx::query("CREATE TABLE IF NOT EXISTS bench_rows (body TEXT NOT NULL)").execute(db.pool()).await.map(|_| ())
}

/// Inserts the body as one row.
pub async fn insert(State(state): State<AppState>, body: String) -> Result<StatusCode, ApiError> {
    sqlx::query("INSERT INTO bench_rows (body) VALUES ($1)").bind(body).execute(state.db.writer()).await?;
    Ok(StatusCode::NO_CONTENT)
}
