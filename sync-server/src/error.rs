//! The server's two error boundaries: [`ApiError`] for requests (mapped to JSON) and [`StartupError`]
//! for starting up (printed as one line before exiting non-zero).

use std::net::SocketAddr;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Everything a request can fail with, as a JSON error. (Database failures join when an endpoint can
/// have one; health reports the database's state instead of failing.)
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No API endpoint at this path.
    #[error("no API endpoint at {0}")]
    NotFound(String),
    /// The path exists but not for this method.
    #[error("this endpoint does not accept that method")]
    MethodNotAllowed,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    code: &'a str,
    message: String,
}

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            Self::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            Self::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let body = ErrorBody { error: ErrorDetail { code, message: self.to_string() } };
        (status, Json(body)).into_response()
    }
}

/// Why the server could not start. Each variant prints as one line naming what to fix.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The address is taken or not ours to bind.
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    /// The directory for the SQLite file cannot be created.
    #[error("cannot create data directory {path}: {source}")]
    DataDir { path: String, source: std::io::Error },
    /// DATABASE_URL names something we do not support.
    #[error("unsupported database URL {0:?}: use postgres://… or sqlite://PATH")]
    UnsupportedUrl(String),
    /// The database cannot be opened or reached.
    #[error("cannot open database {target}: {source}")]
    Database { target: String, source: sqlx::Error },
    /// The schema migrations failed.
    #[error("cannot migrate database {target}: {source}")]
    Migrate { target: String, source: sqlx::migrate::MigrateError },
    /// The server stopped with an I/O error.
    #[error("server stopped: {0}")]
    Serve(std::io::Error),
}
