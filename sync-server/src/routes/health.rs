//! `GET /api/health`: the build version and whether the database answers; `/api/health/live` (the process
//! answers: restart it if not) and `/api/health/ready` (it can serve: send it traffic only if so).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;

use crate::AppState;
use crate::db::DbStatus;

/// The health report.
#[derive(Serialize, utoipa::ToSchema)]
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
#[utoipa::path(get, path = "/api/health", tag = "health",
    responses((status = 200, body = Health), (status = 503, body = Health, description = "The database does not answer")))]
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

/// `GET /api/health/live`: 200 whenever the process can answer at all; it never touches the database, so a
/// database outage does not get every instance restarted.
#[utoipa::path(get, path = "/api/health/live", tag = "health", responses((status = 204, description = "Alive")))]
pub async fn live() -> StatusCode {
    StatusCode::NO_CONTENT
}

/// `GET /api/health/ready`: 204 when the database answers, else 503 with the health report.
#[utoipa::path(get, path = "/api/health/ready", tag = "health",
    responses((status = 204, description = "Ready"), (status = 503, body = Health, description = "The database does not answer")))]
pub async fn ready(state: State<AppState>) -> Result<StatusCode, (StatusCode, Json<Health>)> {
    match health(state).await {
        (StatusCode::OK, _) => Ok(StatusCode::NO_CONTENT),
        failed => Err(failed),
    }
}
