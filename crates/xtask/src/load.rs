//! `cargo xtask load`: the sync server's load benchmark. Builds the server and the load generator in the
//! `server` profile, then for SQLite and for PostgreSQL (a throwaway cluster) starts a server on
//! 127.0.0.1 with the rate limits off and the bare insert endpoint on, and runs `klava-loadgen` against
//! it. The tables it prints go to BENCHMARKS.md.

use crate::cmd::{self, Result, command, target_dir};
use crate::postgres::TestPostgres;
use crate::serve::start_server;

/// Runs the load on both databases; `args` pass on to the generator (e.g. `--seconds 5`).
pub fn run(args: &[String]) -> Result {
    cmd::run(&mut command(
        "cargo",
        &["build", "--profile", "server", "-p", "klava-sync-server", "-p", "klava-loadgen"],
    ))?;
    let bin = target_dir().join("server");
    let work = std::env::temp_dir().join(format!("klava-load-{}", std::process::id()));
    let pg = TestPostgres::start()?;
    for (name, url) in [("SQLite", ""), ("PostgreSQL", pg.url.as_str())] {
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(&work).map_err(cmd::io(format!("creating {}", work.display())))?;
        let flags = ["--attempts-per-ip", "0", "--attempts-per-login", "0", "--bench-endpoints"];
        let (server, base) = start_server(&bin.join("klava-sync-server"), &work, url, &flags)?;
        println!("\n### {name}\n");
        let mut gen_args = vec!["--url", base.as_str()];
        gen_args.extend(args.iter().map(String::as_str));
        let result = cmd::run(&mut command(&bin.join("klava-loadgen").to_string_lossy(), &gen_args));
        drop(server);
        result?;
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}
