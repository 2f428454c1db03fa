//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure, with a timed summary.

use std::time::{Duration, Instant};

use crate::cmd::{self, Result, command, root};
use crate::postgres::TestPostgres;
use crate::{serve, size, tools};

/// A named step of the test command and the most minutes it may take (on a cold 2-core machine, with
/// room to spare): a command still running then is stopped and the step fails with its name, so a hung
/// browser or server cannot eat the whole CI time.
type Step = (&'static str, u64, fn() -> Result);

/// Steps in the order they run: quick checks first (formatting needs no installs), the browser and
/// PostgreSQL last.
const STEPS: &[Step] = &[
    ("fmt", 3, fmt),
    ("tools", 40, install_tools),
    ("clippy (native)", 20, clippy_native),
    ("clippy (wasm32)", 15, clippy_wasm),
    ("rust tests (server on SQLite)", 25, rust_tests),
    ("release build", 20, serve::release_build),
    ("size budget", 2, size::check_release_build),
    ("end-to-end (Chromium)", 20, end_to_end),
    ("API fuzzing (schemathesis)", 10, crate::schemathesis::run),
    ("server tests (PostgreSQL)", 10, postgres_tests),
];

/// The longest one browser test may run (node's `--test-timeout`).
const BROWSER_TEST_TIMEOUT_MS: &str = "--test-timeout=180000";

/// Browser test files run two at a time: most of a browser test is waiting (typing at a learner's pace,
/// a page loading), so one file at a time left the 2-core machine idle half the time; each file has its
/// own server, data directory and browser. Three at a time kept both cores busy and stretched the
/// slowest tests towards their time limit.
const BROWSER_TEST_FILES_AT_ONCE: &str = "--test-concurrency=2";

/// Runs every step (or, with `only`, the steps whose names contain it, for a quick run by hand); fails
/// on the first failure.
pub fn run(only: Option<&str>) -> Result {
    let started = Instant::now();
    let mut done: Vec<(&str, Duration)> = Vec::new();
    let mut failure = None;
    for (name, minutes, step) in STEPS.iter().filter(|(name, ..)| only.is_none_or(|o| name.contains(o))) {
        println!("\n==> {name}");
        let t = Instant::now();
        cmd::set_deadline(name, Duration::from_secs(minutes * 60));
        let result = step();
        cmd::clear_deadline();
        if let Err(e) = result {
            failure = Some((*name, e));
            break;
        }
        done.push((name, t.elapsed()));
    }
    println!("\n==> summary");
    for (name, took) in &done {
        println!("  ok    {name:<32} {:>6.1}s", took.as_secs_f64());
    }
    let failed = usize::from(failure.is_some());
    if let Some((name, _)) = &failure {
        println!("  FAIL  {name}");
    }
    println!("  total {:.1} min", started.elapsed().as_secs_f64() / 60.0);
    println!("steps: {} passed, {failed} failed", done.len());
    failure.map_or(Ok(()), |(_, e)| Err(e))
}

fn install_tools() -> Result {
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    crate::schemathesis::ensure()
}

fn fmt() -> Result {
    cmd::run(&mut command("cargo", &["fmt", "--all", "--", "--check"]))
}

fn clippy_native() -> Result {
    cmd::run(&mut command(
        "cargo",
        &["clippy", "--workspace", "--exclude", "klava-app", "--all-targets", "--", "-D", "warnings"],
    ))
}

/// In the release profile: its build scripts and proc macros (leptos', the app's message compiler) are
/// then built once for both this step and the release build.
fn clippy_wasm() -> Result {
    cmd::run(&mut crate::wasm::cargo_wasm32(&[
        "clippy",
        "--release",
        "-p",
        "klava-app",
        "-p",
        "klava-core",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))
}

fn rust_tests() -> Result {
    let mut c = command("cargo", &[&["test"], serve::NATIVE].concat());
    c.env_remove("KLAVA_TEST_POSTGRES_URL");
    cmd::run(&mut c)?;
    // Core as the browser app builds it, without the `nfc` feature: the unit tests, which cover the one
    // place the feature changes (engine::compare). The integration tests again would add a build of the
    // whole crate and minutes for nothing the feature touches.
    cmd::run(&mut command("cargo", &["test", "-p", "klava-core", "--no-default-features", "--lib"]))
}

fn end_to_end() -> Result {
    let server = serve::test_server()?;
    let e2e = root().join("tests/e2e");
    let mut files: Vec<String> = std::fs::read_dir(&e2e)
        .map_err(|source| cmd::Error::Io { what: "listing tests/e2e".into(), source })?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".test.mjs"))
        .map(|n| format!("tests/e2e/{n}"))
        .collect();
    files.sort();
    let mut args = vec!["--test", BROWSER_TEST_FILES_AT_ONCE, BROWSER_TEST_TIMEOUT_MS];
    args.extend(files.iter().map(String::as_str));
    let mut c = command("node", &args);
    c.env("KLAVA_SERVER_BIN", server).env("KLAVA_DIST", root().join("dist"));
    cmd::run(&mut c)
}

fn postgres_tests() -> Result {
    let pg = TestPostgres::start()?;
    let mut c = command("cargo", &[&["test"], serve::NATIVE, &["--test", "api"]].concat());
    c.env("KLAVA_TEST_POSTGRES_URL", &pg.url);
    cmd::run(&mut c)
}
