//! The server's integration tests: one binary, each test on its own fresh database.
//!
//! The database is SQLite unless `KLAVA_TEST_POSTGRES_URL` names a PostgreSQL server to create test
//! databases on (`cargo xtask test` runs this binary both ways).

mod account;
mod export;
mod health;
mod helpers;
mod killed;
mod limits;
mod operate;
mod process;
mod simulation;
mod startup;
mod static_files;
mod sync;
