//! The `klava-sync-server` binary: parse flags, start, and report a failure as one line.

use std::process::ExitCode;

use clap::Parser;
use klava_sync_server::{Config, Server};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .with_writer(std::io::stderr)
        .init();
    let server = match Server::build(&config).await {
        Ok(server) => server,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("database: {}", server.database());
    println!("app: {}", std::path::absolute(&config.static_dir).unwrap_or(config.static_dir.clone()).display());
    println!("Klava is running at http://{}", server.local_addr());
    match server.run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
