//! Command-line and environment configuration of the server.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

use crate::limits::RateLimits;

/// How the server is started. Every flag can also come from the environment variable named beside it.
#[derive(Parser, Debug, Clone)]
#[command(name = "klava-sync-server", version, about = "Klava's sync server; also serves the built app.")]
pub struct Config {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "KLAVA_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Database: `postgres://…` for PostgreSQL, `sqlite://PATH` for an SQLite file. When absent, the
    /// SQLite file `klava.db` in --data-dir, created on first run.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// Directory for the default SQLite database.
    #[arg(long, env = "KLAVA_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Directory holding the built app (trunk's output).
    #[arg(long, env = "KLAVA_STATIC_DIR", default_value = "dist")]
    pub static_dir: PathBuf,

    /// Sign-up, sign-in and recovery attempts a minute from one client address (0: no limit).
    #[arg(long, env = "KLAVA_ATTEMPTS_PER_IP", default_value_t = RateLimits::default().per_ip)]
    pub attempts_per_ip: u32,

    /// Sign-in and recovery attempts a minute on one login, from any address (0: no limit).
    #[arg(long, env = "KLAVA_ATTEMPTS_PER_LOGIN", default_value_t = RateLimits::default().per_login)]
    pub attempts_per_login: u32,

    /// How many reverse proxies that append to `X-Forwarded-For` stand in front of the server (a CDN and a
    /// TLS proxy: 2). The client's address is then that many entries from the right; 0 (the default) uses
    /// the connection's address and ignores the header, which clients could otherwise choose.
    #[arg(long, env = "KLAVA_TRUSTED_PROXIES", default_value_t = 0)]
    pub trusted_proxies: usize,

    /// Longest time, in seconds, a request may take to start its answer before it is answered 503; also
    /// how long a stopping server waits for answers still being sent (a long export) before it exits.
    #[arg(long, env = "KLAVA_REQUEST_TIMEOUT", default_value_t = 30)]
    pub request_timeout_s: u64,

    /// Serve `POST /api/bench/insert` (inserts one row into a `bench_rows` table, made at start): the load
    /// generator's baseline. Never on a public server.
    #[arg(long, env = "KLAVA_BENCH_ENDPOINTS", hide = true)]
    pub bench_endpoints: bool,
}

impl Config {
    /// The rate limits these flags ask for.
    pub fn rate_limits(&self) -> RateLimits {
        RateLimits { per_ip: self.attempts_per_ip, per_login: self.attempts_per_login }
    }
}
