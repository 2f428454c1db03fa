//! `GET /api/account/export`: everything the server holds about the account (GDPR's right of access), as
//! one JSON [`Export`] streamed page by page: an account at its quota holds half a gigabyte of records,
//! which the server never gathers in memory. A database failure after the first bytes cannot change the
//! status any more: the stream then breaks off, and the client's JSON parser refuses the cut-short file.

use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::{StreamExt, stream};
use klava_wire::{Account, Device, Export, PULL_PAGE};
use serde::Serialize;
use sqlx::AnyPool;

use super::openapi::Errors;
use crate::auth::{Authed, accounts};
use crate::error::ApiError;
use crate::{AppState, now_ms, records};

/// [`Export`] without its records, which follow as a stream.
#[derive(Serialize)]
struct Head {
    account: Account,
    devices: Vec<Device>,
    recovery_codes_left: u32,
    exported_ms: i64,
}

/// Where the stream is.
enum Step {
    Head(String),
    Records { cursor: i64, first: bool },
    Done,
}

#[utoipa::path(get, path = "/api/account/export", tag = "account", security(("session" = [])),
    responses((status = 200, body = Export, headers(("content-disposition" = String))), Errors))]
/// `GET /api/account/export`: see the module.
pub async fn export(State(state): State<AppState>, me: Authed) -> Result<Response, ApiError> {
    let db = state.db.pool().clone();
    let user = accounts::user_by_id(&db, me.user_id).await?.ok_or(ApiError::NotSignedIn)?;
    let now = now_ms();
    let head = Head {
        account: user.account,
        devices: accounts::devices(&db, me.user_id, &me.token_hash, now).await?,
        recovery_codes_left: accounts::recovery_codes_left(&db, me.user_id).await?,
        exported_ms: now,
    };
    // `{…}` with its closing brace replaced by the opening of the records array.
    let mut head = serde_json::to_string(&head).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    head.pop();
    head.push_str(",\"records\":[");
    let user_id = me.user_id;
    // Fused: the HTTP server may poll a finished body once more, which an unfold must not see.
    let chunks = stream::unfold(Step::Head(head), move |step| {
        let db = db.clone();
        async move { next_chunk(&db, user_id, step).await }
    })
    .fuse();
    let headers = [
        (header::CONTENT_TYPE, "application/json"),
        (header::CONTENT_DISPOSITION, "attachment; filename=\"klava-account.json\""),
    ];
    Ok((headers, Body::from_stream(chunks)).into_response())
}

async fn next_chunk(db: &AnyPool, user: i64, step: Step) -> Option<(Result<String, std::io::Error>, Step)> {
    match step {
        Step::Head(head) => Some((Ok(head), Step::Records { cursor: 0, first: true })),
        Step::Records { cursor, first } => match records::pull(db, user, cursor, PULL_PAGE).await {
            Ok(page) => {
                let mut chunk = String::new();
                for (i, r) in page.records.iter().enumerate() {
                    if !(first && i == 0) {
                        chunk.push(',');
                    }
                    chunk.push_str(r.get());
                }
                let first = first && page.records.is_empty();
                if page.more {
                    Some((Ok(chunk), Step::Records { cursor: page.cursor, first }))
                } else {
                    chunk.push_str("]}");
                    Some((Ok(chunk), Step::Done))
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "export broken off: database error");
                Some((Err(std::io::Error::other(e)), Step::Done))
            }
        },
        Step::Done => None,
    }
}
