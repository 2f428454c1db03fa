//! The server's two error boundaries: [`ApiError`] for requests (mapped to JSON) and [`StartupError`]
//! for starting up (printed as one line before exiting non-zero).

use std::net::SocketAddr;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use klava_wire::{ErrorBody, ErrorDetail};

/// Everything a request can fail with, as a JSON error with a stable code (health reports the database's
/// state instead of failing). Bad input is always a 4xx; only the database failing is a 5xx.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No API endpoint at this path.
    #[error("no API endpoint at {0}")]
    NotFound(String),
    /// The path exists but not for this method.
    #[error("this endpoint does not accept that method")]
    MethodNotAllowed,
    /// The body or query is not what the endpoint takes (the text says what).
    #[error("{0}")]
    BadRequest(String),
    /// The body is over the endpoint's limit.
    #[error("the request is too large for this endpoint")]
    TooLarge,
    /// A login or password that breaks the rules (the text says which).
    #[error("{0}")]
    Invalid(String),
    /// Sign-up with a login another account has.
    #[error("an account with this login already exists")]
    LoginTaken,
    /// Sign-in or recovery with a login, password or code that does not match.
    #[error("the login or the password (or recovery code) is wrong")]
    WrongCredentials,
    /// A confirming password that does not match.
    #[error("the password is wrong")]
    WrongPassword,
    /// No valid session cookie: never signed in, signed out, or expired.
    #[error("not signed in (or signed out on another device): sign in again")]
    NotSignedIn,
    /// A state-changing request without the client header, or from another site.
    #[error("refused: the request did not come from the Klava app on this site")]
    CrossSite,
    /// No such device among the account's sessions.
    #[error("no signed-in device with this id")]
    NoSuchDevice,
    /// Too many sign-in, sign-up or recovery attempts from this address or on this login.
    #[error("too many attempts: wait {retry_after_s} s and try again")]
    TooManyAttempts { retry_after_s: u64 },
    /// The request took longer than the server allows.
    #[error("the server took too long to answer; nothing may have been changed, try again")]
    Timeout,
    /// The database's disk is full; the detail is logged, not sent.
    #[error("the server's storage is full; nothing was changed, try again later")]
    StorageFull(#[source] sqlx::Error),
    /// The database is read-only (maintenance, a replica, a file without write permission).
    #[error("the server is read-only just now; nothing was changed, try again later")]
    ReadOnly(#[source] sqlx::Error),
    /// The database failed otherwise (unreachable, restarting); the detail is logged, not sent.
    #[error("the server cannot reach its storage just now; nothing was changed, try again later")]
    Storage(#[source] sqlx::Error),
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        // SQLite's primary result codes (the low byte of an extended one) and PostgreSQL's SQLSTATEs.
        let code = e.as_database_error().and_then(|d| d.code()).map(|c| c.into_owned()).unwrap_or_default();
        // SQLite's codes are at most 4 digits; a SQLSTATE is always 5 characters (some all digits).
        let sqlite_primary = (code.len() < 5).then(|| code.parse::<i32>().ok()).flatten().map(|c| c & 0xff);
        match (sqlite_primary, code.as_str()) {
            (Some(13), _) | (_, "53100") => Self::StorageFull(e),
            (Some(8), _) | (_, "25006") => Self::ReadOnly(e),
            _ => Self::Storage(e),
        }
    }
}

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            Self::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            Self::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            Self::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            Self::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            Self::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            Self::LoginTaken => (StatusCode::CONFLICT, "login_taken"),
            Self::WrongCredentials => (StatusCode::UNAUTHORIZED, "wrong_credentials"),
            Self::WrongPassword => (StatusCode::FORBIDDEN, "wrong_password"),
            Self::NotSignedIn => (StatusCode::UNAUTHORIZED, "not_signed_in"),
            Self::CrossSite => (StatusCode::FORBIDDEN, "cross_site"),
            Self::NoSuchDevice => (StatusCode::NOT_FOUND, "no_such_device"),
            Self::TooManyAttempts { .. } => (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"),
            Self::Timeout => (StatusCode::SERVICE_UNAVAILABLE, "timeout"),
            Self::StorageFull(_) => (StatusCode::INSUFFICIENT_STORAGE, "storage_full"),
            Self::ReadOnly(_) => (StatusCode::SERVICE_UNAVAILABLE, "read_only"),
            Self::Storage(_) => (StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let body = ErrorBody { error: ErrorDetail { code: code.to_owned(), message: self.to_string() } };
        let mut res = (status, Json(body)).into_response();
        if let Self::TooManyAttempts { retry_after_s } = self {
            res.headers_mut().insert(axum::http::header::RETRY_AFTER, retry_after_s.into());
        }
        res
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
