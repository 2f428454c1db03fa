//! `GET /api/health`: the build version and whether the database answers.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;

use crate::AppState;
use crate::db::DbStatus;

/// The health report.
#[derive(Serialize)]
pub struct Health {
    /// "ok" when every dependency answers, else "degraded".
    pub status: &'static str,
    /// The server's package version.
    pub version: &'static str,
    /// The git commit it was built from, when the build knew it.
    pub commit: Option<&'static str>,
    /// The database's state.
    pub database: DbStatus,
}

/// Answers 200 with the report, or 503 with the same report when the database does not answer.
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let database = state.db.status().await;
    let ok = database.status == "ok";
    let report = Health {
        status: if ok { "ok" } else { "degraded" },
        version: env!("CARGO_PKG_VERSION"),
        commit: option_env!("KLAVA_GIT_COMMIT"),
        database,
    };
    let code = if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (code, Json(report))
}
