//! Operating the server: a request id on every request (in its log lines and the `x-request-id` answer
//! header), one log line per request, the request time limit, and Prometheus metrics at `/metrics`.
//!
//! Metrics (one registry per process):
//! - `klava_http_requests_total{method,route,status}` and `klava_http_request_duration_seconds{method,route}`
//!   (a histogram), `route` being the API route's pattern (`/api/account/devices/{id}`), `static` for the
//!   app's files, or `unmatched`;
//! - `klava_records_pushed_total{outcome}` (stored, refused) and `klava_sync_lag_seconds`, a histogram of how
//!   long newly stored records waited between being made on a device and reaching the server (a device
//!   offline for days shows here);
//! - gauges read from the database at each scrape: `klava_records_stored`, `klava_accounts`,
//!   `klava_sessions` (unexpired), and `klava_rate_limit_keys` (addresses and logins this instance is counting).

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tracing::Instrument;

use crate::AppState;
use crate::auth::secret;
use crate::error::ApiError;

/// The header carrying a request's id, both ways.
pub const REQUEST_ID: &str = "x-request-id";

const LATENCY_BUCKETS: &[f64] = &[0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0];
const LAG_BUCKETS: &[f64] = &[1.0, 10.0, 60.0, 600.0, 3600.0, 6.0 * 3600.0, 86_400.0, 7.0 * 86_400.0, 30.0 * 86_400.0];

/// The process's metrics registry, installed on first use.
pub fn metrics() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full("klava_http_request_duration_seconds".into()), LATENCY_BUCKETS)
            .and_then(|b| b.set_buckets_for_metric(Matcher::Full("klava_sync_lag_seconds".into()), LAG_BUCKETS))
            .and_then(PrometheusBuilder::install_recorder)
            .expect("the only metrics recorder of the process, with non-empty buckets")
    })
}

/// The route a response answered, put there by [`tag_route`].
#[derive(Clone)]
struct Route(String);

/// Marks the response with the API route that matched (a `route_layer`, so only matched routes).
pub async fn tag_route(path: MatchedPath, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    res.extensions_mut().insert(Route(path.as_str().to_owned()));
    res
}

/// Gives the request an id (the caller's, when it sent a short printable one), runs it within the time
/// limit inside a span carrying the id, logs one line and counts it.
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| (1..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_graphic()))
        .map_or_else(|| secret::hex(&secret::random_bytes::<8>()), str::to_owned);
    let method = req.method().clone();
    let api = req.uri().path().starts_with("/api");
    let span = tracing::info_span!("request", id = %id, method = %method, path = %req.uri().path());
    let started = Instant::now();
    let run = tokio::time::timeout(state.request_timeout, next.run(req)).instrument(span.clone());
    let mut res = run.await.unwrap_or_else(|_| {
        span.in_scope(|| tracing::warn!(limit_s = state.request_timeout.as_secs(), "request timed out"));
        ApiError::Timeout.into_response()
    });
    let took = started.elapsed();
    let status = res.status();
    span.in_scope(|| {
        if status.is_server_error() {
            tracing::warn!(status = status.as_u16(), ms = took.as_secs_f64() * 1e3, "answered");
        } else {
            tracing::info!(status = status.as_u16(), ms = took.as_secs_f64() * 1e3, "answered");
        }
    });
    let route = match res.extensions().get::<Route>() {
        Some(Route(r)) => r.clone(),
        None if api => "unmatched".to_owned(),
        None => "static".to_owned(),
    };
    // Only the standard methods by name: any token is a valid method, and each would be a new series.
    let method = match method.as_str() {
        m @ ("GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "PATCH" | "OPTIONS") => m.to_owned(),
        _ => "other".to_owned(),
    };
    let labels = [("method", method), ("route", route)];
    metrics::histogram!("klava_http_request_duration_seconds", &labels).record(took.as_secs_f64());
    let mut labels = labels.to_vec();
    labels.push(("status", status.as_u16().to_string()));
    metrics::counter!("klava_http_requests_total", &labels).increment(1);
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID, v);
    }
    res
}

/// Counts the outcome of a push: records stored, refused, and each new record's lag in seconds.
pub fn pushed(stored: usize, refused: usize, new_lags_s: &[f64]) {
    metrics::counter!("klava_records_pushed_total", "outcome" => "stored").increment(stored as u64);
    metrics::counter!("klava_records_pushed_total", "outcome" => "refused").increment(refused as u64);
    let lag = metrics::histogram!("klava_sync_lag_seconds");
    for s in new_lags_s {
        lag.record(s.max(0.0));
    }
}

/// `GET /metrics`: the Prometheus text format. The database gauges are read now; when the database does
/// not answer they keep their last values and `klava_database_up` is 0.
pub async fn serve_metrics(State(state): State<AppState>) -> Response {
    let counts = sqlx::query_as::<_, (i64, i64, i64)>(
        "SELECT (SELECT CAST(COALESCE(SUM(record_count), 0) AS BIGINT) FROM users), (SELECT COUNT(*) FROM users), \
         (SELECT COUNT(*) FROM sessions WHERE expires_ms > $1)",
    )
    .bind(crate::now_ms())
    .fetch_one(state.db.pool())
    .await;
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    match counts {
        Ok((records, accounts, sessions)) => {
            metrics::gauge!("klava_records_stored").set(records as f64);
            metrics::gauge!("klava_accounts").set(accounts as f64);
            metrics::gauge!("klava_sessions").set(sessions as f64);
            metrics::gauge!("klava_database_up").set(1.0);
        }
        Err(e) => {
            tracing::warn!(error = %e, "metrics: database counts failed");
            metrics::gauge!("klava_database_up").set(0.0);
        }
    }
    #[allow(clippy::cast_precision_loss)]
    metrics::gauge!("klava_rate_limit_keys").set(state.limiter.len() as f64);
    let handle = metrics();
    handle.run_upkeep();
    (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], handle.render())
        .into_response()
}
