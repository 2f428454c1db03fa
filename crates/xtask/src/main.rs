//! `cargo xtask`: Klava's orchestrator. `run` builds the release app and serves it with the sync server;
//! `build` builds it for a CDN; `test` runs every check CI runs; `dev` serves the app with live reload.
//! Each installs what it needs.

mod cmd;
mod load;
mod messages;
mod postbuild;
mod postgres;
mod precache;
mod schemathesis;
mod serve;
mod size;
mod test;
mod tools;
mod wasm;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  run    build the release app and start Klava at http://127.0.0.1:8080 (sync server + SQLite file)
  build  build the release app into dist/ (what a CDN serves; see docs/DEPLOY.md)
  test   run every test: fmt, clippy (native and wasm32), Rust tests, release build, browser
         end-to-end tests, API fuzzing (schemathesis), server tests on SQLite and PostgreSQL
         (`test STEP` runs only the steps whose names contain STEP, e.g. `test PostgreSQL`)
  size   check the release build in dist/ against tests/size-budget.json
  load   the sync server's load benchmark on SQLite and PostgreSQL (127.0.0.1; see BENCHMARKS.md)
  dev    trunk serve with live reload on :8080, proxying /api to a sync server on :8081
  wasm   trunk's pre_build hook: the app's wasm, split by page, bound and optimised
  postbuild [DIR]  trunk's post_build hook: the start-up script as a file, the service worker's
                   precache list, and brotli and gzip copies of the build's files

Each command installs what is missing (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt, Chromium,
PostgreSQL, schemathesis) and skips what is present.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => serve::run(&args[1..]),
        Some("build") => serve::build(),
        Some("test") => test::run(args.get(1).map(String::as_str)),
        Some("size") => size::check_release_build(),
        Some("load") => load::run(&args[1..]),
        Some("dev") => serve::dev(),
        Some("postbuild") => postbuild::run(&args[1..]),
        Some("wasm") => wasm::run(),
        Some("help" | "-h" | "--help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(cmd::Error::Usage(format!("unknown command {other:?}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            if let cmd::Error::Usage(_) = e {
                eprintln!("{USAGE}");
            }
            ExitCode::FAILURE
        }
    }
}
