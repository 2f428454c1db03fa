//! klava-sync-server: the router, its state, and start-up. `main.rs` only parses flags and calls [`Server`].

pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod headers;
pub mod limits;
pub mod observe;
pub mod records;
pub mod routes;
pub mod static_files;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;

pub use config::Config;
pub use db::{Db, DbTarget};
pub use error::{ApiError, StartupError};
use limits::Limiter;
use static_files::StaticFiles;

/// Milliseconds since the Unix epoch, by the server's clock.
pub fn now_ms() -> i64 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
}

/// What every handler can reach.
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub static_files: Arc<StaticFiles>,
    pub limiter: Limiter,
    /// How many proxies' `X-Forwarded-For` entries to count back for the client's address (0: none).
    pub trusted_proxies: usize,
    /// The longest a request may take.
    pub request_timeout: Duration,
    /// Whether `POST /api/bench/insert` is served.
    pub bench_endpoints: bool,
}

impl AppState {
    /// The state for a server on `db` configured by `config`.
    pub fn new(db: Db, config: &Config) -> Self {
        observe::metrics();
        Self {
            db,
            static_files: Arc::new(StaticFiles::new(&config.static_dir)),
            limiter: Limiter::new(config.rate_limits()),
            trusted_proxies: config.trusted_proxies,
            request_timeout: Duration::from_secs(config.request_timeout_s.max(1)),
            bench_endpoints: config.bench_endpoints,
        }
    }
}

/// The whole HTTP surface: the API under `/api`, the app everywhere else.
pub fn app(state: AppState) -> Router {
    Router::new()
        .nest("/api", routes::router(state.bench_endpoints))
        .route("/metrics", axum::routing::get(observe::serve_metrics))
        .fallback(serve_static)
        // Innermost first: the time limit's own 503 still gets the security headers and compression.
        .layer(axum::middleware::from_fn_with_state(state.clone(), observe::track))
        .layer(axum::middleware::map_response(headers::add))
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// Everything outside the API routes. Paths under `/api` that the API router did not take (`/api`,
/// `/api/`) still answer the API's JSON 404, never the app.
async fn serve_static(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return ApiError::NotFound(path.to_owned()).into_response();
    }
    state.static_files.serve(req).await
}

/// A server that has bound its address and opened its database, ready to run.
pub struct Server {
    listener: TcpListener,
    router: Router,
    target: DbTarget,
    /// How long a stopping server waits for answers still being sent.
    grace: Duration,
}

impl Server {
    /// Binds the address and opens and migrates the database.
    ///
    /// # Errors
    /// A [`StartupError`] naming the address or database and the cause.
    pub async fn build(config: &Config) -> Result<Self, StartupError> {
        let target = DbTarget::from_config(config)?;
        let listener =
            TcpListener::bind(config.addr).await.map_err(|source| StartupError::Bind { addr: config.addr, source })?;
        let db = Db::connect(&target).await?;
        if config.bench_endpoints {
            routes::bench::create_table(&db)
                .await
                .map_err(|source| StartupError::Database { target: target.to_string(), source })?;
        }
        auth::password::warm_up();
        if !config.static_dir.join("index.html").is_file() {
            tracing::warn!(dir = %config.static_dir.display(), "no built app found; run `cargo xtask run`");
        }
        let state = AppState::new(db, config);
        let limiter = state.limiter.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(10));
            for tick in 0_u64.. {
                every.tick().await;
                observe::metrics().run_upkeep();
                if tick % 6 == 0 {
                    limiter.forget_idle();
                }
            }
        });
        let grace = state.request_timeout;
        Ok(Self { listener, router: app(state), target, grace })
    }

    /// The address actually bound (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// The database in use, for the start-up message.
    pub fn database(&self) -> &DbTarget {
        &self.target
    }

    /// Serves until Ctrl-C or SIGTERM, then stops accepting connections and lets the answers in flight
    /// finish, for at most the grace time (a slow reader of a long export cannot hold the exit up).
    ///
    /// # Errors
    /// [`StartupError::Serve`] when the listener fails.
    pub async fn run(self) -> Result<(), StartupError> {
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        let (stopping, mut stopped) = tokio::sync::watch::channel(false);
        let signal = async move {
            shutdown_signal().await;
            let _ = stopping.send(true);
        };
        let serve = axum::serve(self.listener, service).with_graceful_shutdown(signal);
        let grace = self.grace;
        let deadline = async move {
            let _ = stopped.wait_for(|s| *s).await;
            tokio::time::sleep(grace).await;
        };
        tokio::select! {
            result = serve => result.map_err(StartupError::Serve),
            () = deadline => {
                tracing::warn!(grace_s = grace.as_secs(), "stopping with answers still being sent");
                Ok(())
            }
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}
