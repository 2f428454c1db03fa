//! Command-line and environment configuration of the server.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

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
}
