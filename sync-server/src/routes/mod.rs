//! The JSON API under `/api`: one module per resource.

pub mod health;

use axum::Router;
use axum::extract::OriginalUri;
use axum::routing::get;

use crate::AppState;
use crate::error::ApiError;

/// The API router (mounted at `/api`). Unknown paths and methods answer JSON errors.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

async fn not_found(OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::NotFound(uri.path().to_owned())
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
