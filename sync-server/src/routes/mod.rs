//! The JSON API under `/api`: one module per resource, the anti-forgery check, and body limits.

pub mod account;
pub mod bench;
pub mod export;
pub mod health;
mod json;
pub mod openapi;
pub mod sync;

use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri, Request};
use axum::http::{Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use klava_wire::CLIENT_HEADER;
use tower_http::limit::RequestBodyLimitLayer;

use crate::AppState;
use crate::error::ApiError;
use crate::observe;

/// Largest request body outside a push.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Largest push body (a full batch of large records is refused by count and record size first).
pub const MAX_PUSH_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The API router (mounted at `/api`); `bench` adds the load generator's baseline endpoint. Unknown paths
/// and methods answer JSON errors.
pub fn router(bench: bool) -> Router<AppState> {
    let mut small = Router::new()
        .route("/health", get(health::health))
        .route("/health/live", get(health::live))
        .route("/health/ready", get(health::ready))
        .route("/openapi.json", get(openapi::serve))
        .route("/account", get(account::me))
        .route("/account/signup", post(account::sign_up))
        .route("/account/signin", post(account::sign_in))
        .route("/account/signout", post(account::sign_out))
        .route("/account/signout-all", post(account::sign_out_all))
        .route("/account/devices", get(account::devices))
        .route("/account/devices/{id}", delete(account::sign_out_device))
        .route("/account/password", post(account::change_password))
        .route("/account/recover", post(account::recover))
        .route("/account/export", get(export::export))
        .route("/account/delete", post(account::delete))
        .route("/sync/pull", get(sync::pull));
    if bench {
        small = small.route("/bench/insert", post(bench::insert));
    }
    let small = small.layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES));
    let push = Router::new()
        .route("/sync/push", post(sync::push))
        .layer(RequestBodyLimitLayer::new(MAX_PUSH_BODY_BYTES))
        .layer(DefaultBodyLimit::disable());
    // The anti-forgery check runs on matched routes only: an unknown path or method still answers 404/405.
    small
        .merge(push)
        .route_layer(middleware::from_fn(same_site_only))
        .route_layer(middleware::from_fn(observe::tag_route))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::map_response(json_too_large))
}

async fn not_found(OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::NotFound(uri.path().to_owned())
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Refuses a state-changing request that lacks the client header or comes from another origin (the
/// session cookie is `SameSite=Lax` too; this covers same-site subdomains and old browsers).
async fn same_site_only(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !allowed(&req) {
        return ApiError::CrossSite.into_response();
    }
    next.run(req).await
}

fn allowed(req: &Request) -> bool {
    let headers = req.headers();
    if !headers.contains_key(CLIENT_HEADER) {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN) else { return true };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_host = origin.to_str().ok().and_then(|o| o.split_once("://")).map(|(_, h)| h);
    origin_host.is_some() && origin_host == host
}

/// The body limit's own 413 is plain text: answer the API's JSON error instead.
async fn json_too_large(res: Response) -> Response {
    let json = res.headers().get(header::CONTENT_TYPE).is_some_and(|t| t.as_bytes().starts_with(b"application/json"));
    if res.status() == StatusCode::PAYLOAD_TOO_LARGE && !json { ApiError::TooLarge.into_response() } else { res }
}
