//! The database: SQLite by default, PostgreSQL when DATABASE_URL says so, both through sqlx's `Any`
//! driver, with each backend's migrations applied at start-up.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};

use crate::config::Config;
use crate::error::StartupError;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Which database a server uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbTarget {
    /// An SQLite file, created when missing.
    Sqlite(PathBuf),
    /// A PostgreSQL URL (may carry a password: never print it, use `Display`).
    Postgres(String),
}

/// The database backend, as reported by the health check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl DbTarget {
    /// Chooses the database from the configuration: DATABASE_URL when given, else `data_dir/klava.db`.
    ///
    /// # Errors
    /// [`StartupError::UnsupportedUrl`] for a URL that is neither PostgreSQL nor SQLite.
    pub fn from_config(config: &Config) -> Result<Self, StartupError> {
        // An empty DATABASE_URL means "not set", as it does for most programs.
        let Some(url) = config.database_url.as_ref().filter(|u| !u.trim().is_empty()) else {
            return Ok(Self::Sqlite(config.data_dir.join("klava.db")));
        };
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.clone()))
        } else if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() {
                return Err(StartupError::UnsupportedUrl(url.clone()));
            }
            Ok(Self::Sqlite(PathBuf::from(path)))
        } else {
            Err(StartupError::UnsupportedUrl(url.clone()))
        }
    }

    /// The backend this target uses.
    pub fn backend(&self) -> Backend {
        match self {
            Self::Sqlite(_) => Backend::Sqlite,
            Self::Postgres(_) => Backend::Postgres,
        }
    }
}

impl fmt::Display for DbTarget {
    /// SQLite: the absolute file path. PostgreSQL: the URL with any password replaced by `***`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "sqlite {}", absolute(path).display()),
            Self::Postgres(url) => write!(f, "postgres {}", redact_password(url)),
        }
    }
}

/// A connected, migrated database.
///
/// SQLite has one writer at a time: writers on several connections wait for each other in SQLite's busy
/// handler, which sleeps in steps of up to 100 ms. So on SQLite every write goes through [`Db::writer`],
/// a pool of one connection, and waits its turn in that pool's queue instead (measured: a push's p99 from
/// 107 ms to a few ms at 4 in flight); reads use the other connections, beside the writer (WAL). On
/// PostgreSQL both are the same pool.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    writer: AnyPool,
    backend: Backend,
}

/// What the health check reports about the database.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct DbStatus {
    pub backend: Backend,
    /// "ok" or "unavailable".
    pub status: &'static str,
    /// The newest applied migration, when the database answered.
    pub schema_version: Option<i64>,
}

impl Db {
    /// Opens (creating an SQLite file and its directory if needed) and migrates the database.
    ///
    /// # Errors
    /// [`StartupError::DataDir`], [`StartupError::Database`] or [`StartupError::Migrate`], each naming
    /// the database and the cause.
    pub async fn connect(target: &DbTarget) -> Result<Self, StartupError> {
        install_default_drivers();
        let url = match target {
            DbTarget::Sqlite(path) => {
                let path = absolute(path);
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir)
                        .map_err(|source| StartupError::DataDir { path: dir.display().to_string(), source })?;
                }
                format!("sqlite://{}?mode=rwc", encode_path(&path))
            }
            DbTarget::Postgres(url) => url.clone(),
        };
        let backend = target.backend();
        let open = |connections: u32| {
            AnyPoolOptions::new()
                .max_connections(connections)
                .acquire_timeout(Duration::from_secs(5))
                .after_connect(move |conn, _| {
                    Box::pin(async move {
                        if backend == Backend::Sqlite {
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
                            )
                            .await?;
                        }
                        Ok(())
                    })
                })
                .connect(&url)
        };
        let failed = |source| StartupError::Database { target: target.to_string(), source };
        let pool = open(if backend == Backend::Sqlite { 4 } else { 16 }).await.map_err(failed)?;
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&pool).await.map_err(|source| StartupError::Migrate { target: target.to_string(), source })?;
        let writer = match backend {
            Backend::Sqlite => open(1).await.map_err(failed)?,
            Backend::Postgres => pool.clone(),
        };
        Ok(Self { pool, writer, backend })
    }

    /// Asks the database for its schema version, within two seconds.
    pub async fn status(&self) -> DbStatus {
        let query = sqlx::query_scalar::<_, i64>("SELECT MAX(version) FROM _sqlx_migrations").fetch_one(&self.pool);
        match tokio::time::timeout(Duration::from_secs(2), query).await {
            Ok(Ok(version)) => DbStatus { backend: self.backend, status: "ok", schema_version: Some(version) },
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "database health check failed");
                DbStatus { backend: self.backend, status: "unavailable", schema_version: None }
            }
            Err(_) => {
                tracing::warn!("database health check timed out");
                DbStatus { backend: self.backend, status: "unavailable", schema_version: None }
            }
        }
    }

    /// The connection pool for reads.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The connection pool for writes and for transactions that write (see [`Db`]).
    pub fn writer(&self) -> &AnyPool {
        &self.writer
    }

    /// The distinct pools: reads and writes on SQLite, the one pool on PostgreSQL.
    pub fn pools(&self) -> Vec<&AnyPool> {
        match self.backend {
            Backend::Sqlite => vec![&self.pool, &self.writer],
            Backend::Postgres => vec![&self.pool],
        }
    }

    /// Closes every connection (used before a test drops its database).
    pub async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Percent-encodes the characters that would end or escape the path part of an `sqlite://` URL.
fn encode_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.display().to_string().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3F"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_displayed() {
        let t = DbTarget::Postgres("postgres://klava:s3cret@db:5432/klava".into());
        assert_eq!(t.to_string(), "postgres postgres://klava:***@db:5432/klava");
    }

    #[test]
    fn sqlite_paths_are_encoded_for_the_url() {
        assert_eq!(encode_path(Path::new("/a b/100%?#.db")), "/a b/100%25%3F%23.db");
    }
}
