//! `/api/sync/…`: push records, pull the records after a cursor.

use axum::Json;
use axum::extract::{Query, State};
use klava_wire::{MAX_PUSH_RECORDS, PULL_PAGE, Pulled, Push, Pushed};
use serde::Deserialize;
use utoipa::IntoParams;

use super::json::Body;
use super::openapi::{ClientHeader, Errors};
use crate::auth::Authed;
use crate::error::ApiError;
use crate::{AppState, now_ms, records};

/// `POST /api/sync/push`: stores the batch's valid records (see [`records::push`]).
#[utoipa::path(post, path = "/api/sync/push", tag = "sync", params(ClientHeader), security(("session" = [])), request_body = Push,
    responses((status = 200, body = Pushed, description = "Which records are stored and which were refused"), Errors))]
pub async fn push(State(state): State<AppState>, me: Authed, Body(p): Body<Push>) -> Result<Json<Pushed>, ApiError> {
    if p.records.len() > MAX_PUSH_RECORDS {
        return Err(ApiError::Invalid(format!(
            "a push has at most {MAX_PUSH_RECORDS} records; send the rest in another"
        )));
    }
    #[allow(clippy::cast_precision_loss)] // milliseconds since 1970 fit a double exactly
    let now = now_ms() as f64;
    Ok(Json(records::push(state.db.writer(), me.user_id, &p.records, now).await?))
}

/// `GET /api/sync/pull` parameters.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PullQuery {
    /// The cursor of the last page read (0 at first).
    #[serde(default)]
    #[param(minimum = 0)]
    after: i64,
    /// Page size, 1–500 (the default).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
}

/// `GET /api/sync/pull?after=N&limit=M`: the records stored after cursor `N`.
#[utoipa::path(get, path = "/api/sync/pull", tag = "sync", security(("session" = [])), params(PullQuery),
    responses((status = 200, body = Pulled), Errors))]
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
