//! `cargo xtask run` (the release app served by the sync server), `cargo xtask build` (the release app
//! only, for a CDN) and `cargo xtask dev` (trunk serve); the release build and the debug server that the
//! test steps share.

use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

use crate::cmd::{self, Error, Result, command, root};
use crate::tools;

/// Builds the release app and runs the server (profile `server`) on 127.0.0.1:8080 (or `--addr`), SQLite
/// in data/.
pub fn run(args: &[String]) -> Result {
    let addr = match args {
        [] => "127.0.0.1:8080".to_owned(),
        [flag, addr] if flag == "--addr" => addr.clone(),
        _ => return Err(Error::Usage("run takes only --addr HOST:PORT".into())),
    };
    tools::ensure_build_tools()?;
    release_build()?;
    let mut c = command("cargo", &["run", "--profile", "server", "-p", "klava-sync-server", "--", "--addr", &addr]);
    if let Some(commit) = git_commit() {
        c.env("KLAVA_GIT_COMMIT", commit);
    }
    cmd::run(&mut c)
}

/// `trunk build --release --offline` into dist/.
pub fn release_build() -> Result {
    cmd::run(&mut command("trunk", &["build", "--release", "--offline"]))
}

/// The native packages the Rust tests build (`cargo test` with these), and with them the features cargo
/// unifies across them. Whatever later builds the debug server or its tests selects the same, so it
/// reuses that build: `-p klava-sync-server` resolves other features and compiled the server's
/// dependencies again (about 2.5 minutes, for the browser tests and again for PostgreSQL's).
pub const NATIVE: &[&str] = &["--workspace", "--exclude", "klava-app"];

/// The debug sync server as the Rust tests build it (built when missing or stale).
pub fn test_server() -> Result<PathBuf> {
    cmd::run(&mut command("cargo", &[&["test", "--no-run"], NATIVE].concat()))?;
    Ok(cmd::target_dir().join("debug/klava-sync-server"))
}

/// Installs the build tools and builds the release app into dist/ (precompressed, with its service worker).
pub fn build() -> Result {
    tools::ensure_build_tools()?;
    release_build()
}

/// trunk serve with live reload on :8080; /api is proxied to a debug sync server on :8081.
pub fn dev() -> Result {
    tools::ensure_build_tools()?;
    cmd::run(&mut command("cargo", &["build", "-p", "klava-sync-server"]))?;
    let server = command("target/debug/klava-sync-server", &["--addr", "127.0.0.1:8081"])
        .spawn()
        .map_err(|source| Error::Spawn { program: "klava-sync-server".into(), source })?;
    let _guard = KillOnDrop(server);
    cmd::run(&mut command("trunk", &["serve", "--offline"]))
}

pub struct KillOnDrop(pub Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn git_commit() -> Option<String> {
    let out = command("git", &["rev-parse", "--short=12", "HEAD"]).current_dir(root()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Starts the server binary `bin` on a free port of 127.0.0.1 with its data in `work`, the database
/// `database_url` (empty: SQLite in `work`) and `extra` flags, and waits until it is ready; the process
/// (stopped when dropped) and its base URL.
pub fn start_server(bin: &Path, work: &Path, database_url: &str, extra: &[&str]) -> Result<(KillOnDrop, String)> {
    let addr = format!("127.0.0.1:{}", crate::postgres::free_port()?);
    let mut args = vec!["--addr", &addr];
    args.extend_from_slice(extra);
    let server = command(&bin.to_string_lossy(), &args)
        .env("KLAVA_DATA_DIR", work.join("data"))
        .env("KLAVA_STATIC_DIR", work.join("no-app"))
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .spawn()
        .map_err(|source| Error::Spawn { program: "klava-sync-server".into(), source })?;
    let server = KillOnDrop(server);
    let base = format!("http://{addr}");
    let ready = format!("{base}/api/health/ready");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if cmd::stdout_of("curl", &["-sf", "-o", "/dev/null", &ready]).is_some() {
            return Ok((server, base));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Err(Error::Setup(format!("the sync server at {base} did not become ready in 30 s")))
}
