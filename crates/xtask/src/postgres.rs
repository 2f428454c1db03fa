//! A throwaway PostgreSQL cluster on 127.0.0.1 for the server tests, removed when dropped, when the
//! test command is interrupted (Ctrl-C, or a CI runner's SIGTERM), and, if it was killed outright, by
//! the next run.
//!
//! When `KLAVA_TEST_POSTGRES_URL` is set, that server is used as it is. Otherwise a cluster is created
//! with Debian's binaries in a temporary directory, on a free port, as the `postgres` user when running
//! as root (PostgreSQL refuses to run as root), and stopped and deleted afterwards.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use crate::cmd::{self, Error, Result, stdout_of};

/// A running PostgreSQL to create test databases on.
pub struct TestPostgres {
    /// An admin URL (database `postgres`).
    pub url: String,
    /// Whether this process started it (then it is in [`OWNED`]).
    owned: bool,
}

/// The cluster this process started, where both `Drop` and the signal handler can take it.
static OWNED: Mutex<Option<OwnedCluster>> = Mutex::new(None);

/// Takes the cluster this process started, if it is still there.
fn take_owned() -> Option<OwnedCluster> {
    OWNED.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take()
}

/// The prefix of a cluster's directory in the temporary directory; the process id follows.
const DIR_PREFIX: &str = "klava-pg-";

#[derive(Clone)]
struct OwnedCluster {
    bin: PathBuf,
    data: PathBuf,
    as_postgres: bool,
}

impl TestPostgres {
    /// Uses `KLAVA_TEST_POSTGRES_URL`, or starts a fresh cluster.
    pub fn start() -> Result<Self> {
        if let Ok(url) = std::env::var("KLAVA_TEST_POSTGRES_URL") {
            println!("xtask: using PostgreSQL at KLAVA_TEST_POSTGRES_URL");
            return Ok(Self { url, owned: false });
        }
        let bin = bin_dir()?;
        let as_postgres = stdout_of("id", &["-u"]).as_deref() == Some("0");
        remove_stale(&bin, as_postgres);
        // Interrupted, the cluster is stopped and removed before exiting (set once per process).
        let _ = ctrlc::set_handler(|| {
            if let Some(cluster) = take_owned() {
                cluster.stop_and_remove();
            }
            std::process::exit(130);
        });
        let data = std::env::temp_dir().join(format!("{DIR_PREFIX}{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        std::fs::create_dir_all(&data)
            .map_err(|source| Error::Io { what: format!("creating {}", data.display()), source })?;
        let cluster = OwnedCluster { bin, data, as_postgres };
        if as_postgres {
            cmd::run(Command::new("chown").args(["-R", "postgres:postgres"]).arg(&cluster.data))?;
        }
        let cluster = OWNED.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(cluster).clone();
        let port = free_port()?;
        let pgdata = cluster.data.join("db");
        cluster.pg("initdb", &["-D", &s(&pgdata), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"])?;
        let opts = format!(
            "-c listen_addresses=127.0.0.1 -p {port} -k {} -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            s(&cluster.data)
        );
        let log = cluster.data.join("postgres.log");
        let started =
            cluster.pg("pg_ctl", &["-D", &s(&pgdata), "-o", &opts, "-l", &s(&log), "-w", "-t", "60", "start"]);
        // From here on, Drop stops and removes the cluster whatever happens.
        let me = Self { url: format!("postgres://postgres@127.0.0.1:{port}/postgres"), owned: true };
        started?;
        println!("xtask: started a test PostgreSQL on 127.0.0.1:{port}");
        Ok(me)
    }
}

impl OwnedCluster {
    /// Stops the server (at once) and deletes its files.
    fn stop_and_remove(&self) {
        let pgdata = s(&self.data.join("db"));
        if self.data.join("db/postmaster.pid").is_file() {
            let _ = self.pg("pg_ctl", &["-D", &pgdata, "-m", "immediate", "-w", "stop"]);
        }
        let _ = std::fs::remove_dir_all(&self.data);
    }

    fn pg(&self, tool: &str, args: &[&str]) -> Result {
        let exe = s(&self.bin.join(tool));
        let mut c = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", &exe]);
            c
        } else {
            Command::new(&exe)
        };
        // The postgres user cannot read the workspace's working directory; start where it can.
        c.args(args).current_dir(&self.data);
        cmd::run(&mut c)
    }
}

impl Drop for TestPostgres {
    fn drop(&mut self) {
        if self.owned
            && let Some(cluster) = take_owned()
        {
            cluster.stop_and_remove();
            println!("xtask: stopped and removed the test PostgreSQL");
        }
    }
}

/// Stops and removes the clusters of earlier runs whose process is gone (killed outright, so nothing of
/// theirs could clean up).
fn remove_stale(bin: &Path, as_postgres: bool) {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(DIR_PREFIX).and_then(|p| p.parse::<u32>().ok()) else { continue };
        if pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists() {
            println!("xtask: removing the test PostgreSQL left by an interrupted run ({name})");
            OwnedCluster { bin: bin.to_path_buf(), data: entry.path(), as_postgres }.stop_and_remove();
        }
    }
}

/// Debian installs each major version's server binaries under /usr/lib/postgresql/<major>/bin.
fn bin_dir() -> Result<PathBuf> {
    let base = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(base)
        .map_err(|source| Error::Io { what: format!("looking for PostgreSQL in {}", base.display()), source })?
        .filter_map(|e| {
            let e = e.ok()?;
            let major = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((major, bin))
        })
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, bin)| bin)
        .ok_or_else(|| Error::Setup("no PostgreSQL server binaries (Debian package postgresql)".into()))
}

pub fn free_port() -> Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|source| Error::Io { what: "finding a free port".into(), source })?;
    l.local_addr().map(|a| a.port()).map_err(|source| Error::Io { what: "finding a free port".into(), source })
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}
