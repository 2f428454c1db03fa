//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure, with a timed summary.

use std::time::{Duration, Instant};

use crate::cmd::{self, Error, Result, command, io, root};
use crate::postgres::TestPostgres;
use crate::{size, tools};

/// A named step of the test command and the most minutes it may take (on a cold 2-core machine, with
/// room to spare): a command still running then is stopped and the step fails with its name, so a hung
/// browser or server cannot eat the whole CI time.
type Step = (&'static str, u64, fn() -> Result);

/// One step, or two lists of steps run side by side.
enum Stage {
    One(Step),
    /// The native checks on the console, the browser app's checks and build beside them on a thread of
    /// their own, their output into a log that is shown when they end. They share no build directory
    /// (target/debug; target/release and target/wasm32-unknown-unknown), and each leaves a core idle much
    /// of the time alone (one codegen unit and LTO for the wasm, wasm-opt, brotli; linking and running
    /// the tests).
    Beside {
        native: &'static [Step],
        app: &'static [Step],
    },
}

/// Stages in the order they run: quick checks first (formatting needs no installs), the browser and
/// PostgreSQL last.
const STAGES: &[Stage] = &[
    Stage::One(("fmt", 3, fmt)),
    Stage::One(("tools", 40, install_tools)),
    Stage::Beside {
        native: &[("clippy (native)", 25, clippy_native), ("rust tests (server on SQLite)", 30, rust_tests)],
        app: &[("clippy (wasm32)", 20, clippy_wasm), ("release build", 30, release_build)],
    },
    Stage::One(("size budget", 2, size::check_release_build)),
    Stage::One(("end-to-end (Chromium)", 20, end_to_end)),
    Stage::One(("API fuzzing (schemathesis)", 10, crate::schemathesis::run)),
    Stage::One(("server tests (PostgreSQL)", 10, postgres_tests)),
];

/// The longest one browser test may run (node's `--test-timeout`).
const BROWSER_TEST_TIMEOUT_MS: &str = "--test-timeout=180000";

/// Browser test files run two at a time: most of a browser test is waiting (typing at a learner's pace,
/// a page loading), so one file at a time left the 2-core machine idle half the time; each file has its
/// own server, data directory and browser. Three at a time kept both cores busy and stretched the
/// slowest tests towards their time limit.
const BROWSER_TEST_FILES_AT_ONCE: &str = "--test-concurrency=2";

/// What a list of steps did: each passed step with its time, and the failure that ended it, if any.
#[derive(Default)]
struct Outcome {
    passed: Vec<(&'static str, Duration, bool)>,
    failure: Option<(&'static str, Error)>,
}

impl Outcome {
    /// Runs `steps` in order on this thread until one fails; `beside` marks them in the summary.
    fn run(&mut self, steps: &[&Step], beside: bool) {
        for (name, minutes, step) in steps {
            cmd::say(&format!("\n==> {name}"));
            let t = Instant::now();
            cmd::set_deadline(name, Duration::from_secs(minutes * 60));
            let result = step();
            cmd::clear_deadline();
            if let Err(e) = result {
                self.failure = Some((name, e));
                return;
            }
            self.passed.push((name, t.elapsed(), beside));
        }
    }

    /// Adds what `other` did; its failure counts unless this one has a failure of its own (a step
    /// stopped because another failed is not the cause).
    fn merge(&mut self, other: Outcome) {
        self.passed.extend(other.passed);
        let stopped = |f: &Option<(&str, Error)>| matches!(f, Some((_, Error::Stopped { .. })));
        if self.failure.is_none() || (stopped(&self.failure) && other.failure.is_some()) {
            self.failure = other.failure.or(self.failure.take());
        }
    }
}

/// Runs every step (or, with `only`, the steps whose names contain it, for a quick run by hand); fails
/// on the first failure.
pub fn run(only: Option<&str>) -> Result {
    let started = Instant::now();
    let wanted = |steps: &'static [Step]| -> Vec<&'static Step> {
        steps.iter().filter(|(name, ..)| only.is_none_or(|o| name.contains(o))).collect()
    };
    let mut outcome = Outcome::default();
    for stage in STAGES {
        match stage {
            Stage::One(step) => outcome.run(&wanted(std::slice::from_ref(step)), false),
            Stage::Beside { native, app } => outcome.merge(side_by_side(&wanted(native), &wanted(app))?),
        }
        if outcome.failure.is_some() {
            break;
        }
    }
    println!("\n==> summary");
    for (name, took, beside) in &outcome.passed {
        let note = if *beside { "  (side by side)" } else { "" };
        println!("  ok    {name:<32} {:>6.1}s{note}", took.as_secs_f64());
    }
    if let Some((name, _)) = &outcome.failure {
        println!("  FAIL  {name}");
    }
    println!("  total {:.1} min", started.elapsed().as_secs_f64() / 60.0);
    println!("steps: {} passed, {} failed", outcome.passed.len(), usize::from(outcome.failure.is_some()));
    outcome.failure.map_or(Ok(()), |(_, e)| Err(e))
}

/// Runs `app` on a thread with its output in a log beside `native` on the console, then prints the log.
/// The first failure on either side stops the other.
fn side_by_side(native: &[&'static Step], app: &[&'static Step]) -> Result<Outcome> {
    let mut outcome = Outcome::default();
    if native.is_empty() || app.is_empty() {
        outcome.run(&[native, app].concat(), false);
        return Ok(outcome);
    }
    let path = cmd::target_dir().join("xtask-app-steps.log");
    std::fs::create_dir_all(cmd::target_dir()).map_err(io("creating the target directory".into()))?;
    let log = std::fs::File::create(&path).map_err(io(format!("creating {}", path.display())))?;
    let names: Vec<&str> = app.iter().map(|(name, ..)| *name).collect();
    println!(
        "\n==> {} side by side with what follows; output in {}, shown when they end",
        names.join(", "),
        path.display()
    );
    let beside = std::thread::scope(|s| {
        let other = s.spawn(move || {
            cmd::log_to(log);
            let mut o = Outcome::default();
            o.run(app, true);
            if o.failure.is_some() {
                cmd::stop_all();
            }
            o
        });
        outcome.run(native, true);
        if outcome.failure.is_some() {
            cmd::stop_all();
        }
        other.join()
    });
    let beside = beside.map_err(|_| Error::Setup(format!("the thread running {} panicked", names.join(", "))))?;
    let text = std::fs::read_to_string(&path).map_err(io(format!("reading {}", path.display())))?;
    println!("\n==> output of {} (ran side by side)\n{text}", names.join(", "));
    outcome.merge(beside);
    Ok(outcome)
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
    let mut c = command("cargo", &["test", "--workspace", "--exclude", "klava-app"]);
    c.env_remove("KLAVA_TEST_POSTGRES_URL");
    cmd::run(&mut c)?;
    // Core as the browser app builds it, without the `nfc` feature: the unit tests, which cover the one
    // place the feature changes (engine::compare). The integration tests again would add a build of the
    // whole crate and minutes for nothing the feature touches.
    cmd::run(&mut command("cargo", &["test", "-p", "klava-core", "--no-default-features", "--lib"]))
}

/// `trunk build --release --offline` into dist/.
pub fn release_build() -> Result {
    cmd::run(&mut command("trunk", &["build", "--release", "--offline"]))
}

fn end_to_end() -> Result {
    cmd::run(&mut command("cargo", &["build", "-p", "klava-sync-server"]))?;
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
    c.env("KLAVA_SERVER_BIN", cmd::target_dir().join("debug/klava-sync-server")).env("KLAVA_DIST", root().join("dist"));
    cmd::run(&mut c)
}

fn postgres_tests() -> Result {
    let pg = TestPostgres::start()?;
    let mut c = command("cargo", &["test", "-p", "klava-sync-server", "--test", "api"]);
    c.env("KLAVA_TEST_POSTGRES_URL", &pg.url);
    cmd::run(&mut c)
}
