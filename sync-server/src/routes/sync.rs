//! `/api/sync/…`: push records, pull the records after a cursor.

use axum::Json;
use axum::extract::{Query, State};
use klava_wire::{MAX_PUSH_RECORDS, PULL_PAGE, Pulled, Push, Pushed};
use serde::Deserialize;

use super::json::Body;
use crate::auth::Authed;
use crate::error::ApiError;
use crate::{AppState, now_ms, records};

/// `POST /api/sync/push`: stores the batch's valid records (see [`records::push`]).
pub async fn push(State(state): State<AppState>, me: Authed, Body(p): Body<Push>) -> Result<Json<Pushed>, ApiError> {
    if p.records.len() > MAX_PUSH_RECORDS {
        return Err(ApiError::Invalid(format!(
            "a push has at most {MAX_PUSH_RECORDS} records; send the rest in another"
        )));
    }
    #[allow(clippy::cast_precision_loss)] // milliseconds since 1970 fit a double exactly
    let now = now_ms() as f64;
    Ok(Json(records::push(state.db.pool(), me.user_id, &p.records, now).await?))
}

/// `GET /api/sync/pull` parameters.
#[derive(Deserialize)]
pub struct PullQuery {
    /// The cursor of the last page read (0 at first).
    #[serde(default)]
    after: i64,
    /// Page size, 1–[`PULL_PAGE`].
    limit: Option<usize>,
}

/// `GET /api/sync/pull?after=N&limit=M`: the records stored after cursor `N`.
pub async fn pull(
    State(state): State<AppState>,
    me: Authed,
    query: Result<Query<PullQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Pulled>, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let limit = q.limit.unwrap_or(PULL_PAGE);
    if !(1..=PULL_PAGE).contains(&limit) || q.after < 0 {
        return Err(ApiError::BadRequest(format!("after is 0 or more and limit 1–{PULL_PAGE}")));
    }
    Ok(Json(records::pull(state.db.pool(), me.user_id, q.after, limit).await?))
}
