//! Installing what a command needs, skipping what is present: the wasm32 target, trunk, wasm-bindgen-cli
//! (the exact version in Cargo.lock), wasm-opt and the typing fonts (npm), Debian packages (Chromium,
//! PostgreSQL) and the end-to-end tests' npm packages. Nothing here downloads anything at build time;
//! these are installs.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::cmd::{self, Error, Result, command, root, stdout_of};

/// The trunk release line that builds with this toolchain (0.22 needs a newer rustc).
const TRUNK_REQ: &str = "~0.21";
const TRUNK_PREFIX: &str = "trunk 0.21.";
/// The wasm-opt version Trunk.toml pins.
const WASM_OPT_VERSION: &str = "wasm-opt version 132";

/// Everything `trunk build --release --offline` needs.
pub fn ensure_build_tools() -> Result {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_wasm_opt()?;
    ensure_fonts()
}

/// The font files the build copies (index.html: `crates/xtask/tools/fonts`): per package, the Latin and
/// Cyrillic subsets of the regular weight, and the licence that must travel with them.
const FONTS: [(&str, &str); 2] = [("jetbrains-mono", "jetbrains-mono"), ("andika", "andika")];

/// Copies the typing fonts from their npm packages into `crates/xtask/tools/fonts` (skipping files that
/// are there already).
fn ensure_fonts() -> Result {
    let tools = root().join("crates/xtask/tools");
    ensure_npm(&tools, "@fontsource/jetbrains-mono")?;
    let out = tools.join("fonts");
    std::fs::create_dir_all(&out)
        .map_err(|source| Error::Io { what: format!("creating {}", out.display()), source })?;
    for (package, stem) in FONTS {
        let dir = tools.join("node_modules/@fontsource").join(package);
        let files = [
            (format!("files/{stem}-latin-400-normal.woff2"), format!("{stem}-latin-400-normal.woff2")),
            (format!("files/{stem}-cyrillic-400-normal.woff2"), format!("{stem}-cyrillic-400-normal.woff2")),
            ("LICENSE".to_owned(), format!("{stem}-OFL.txt")),
        ];
        for (from, to) in files {
            let (from, to) = (dir.join(from), out.join(to));
            if !to.is_file() {
                std::fs::copy(&from, &to)
                    .map_err(|source| Error::Io { what: format!("copying {}", from.display()), source })?;
            }
        }
    }
    Ok(())
}

/// Everything the browser and PostgreSQL tests need, on top of the build tools.
pub fn ensure_test_tools() -> Result {
    ensure_debian(&["chromium", "chromium-driver", "postgresql"])?;
    ensure_npm(&root().join("tests/e2e"), "@axe-core/playwright")
}

fn ensure_wasm_target() -> Result {
    let installed = stdout_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    cmd::run(&mut command("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_trunk() -> Result {
    if stdout_of("trunk", &["--version"]).is_some_and(|v| v.starts_with(TRUNK_PREFIX)) {
        return Ok(());
    }
    println!("xtask: installing trunk {TRUNK_REQ} (about 11 minutes on 2 cores, once)");
    cmd::run(&mut command("cargo", &["install", "trunk", "--version", TRUNK_REQ, "--locked"]))
}

/// The `wasm-bindgen` version in Cargo.lock; wasm-bindgen-cli must match it exactly.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|source| Error::Io { what: "reading Cargo.lock".into(), source })?;
    lock_version(&lock, "wasm-bindgen").ok_or_else(|| Error::Setup("Cargo.lock has no wasm-bindgen package".into()))
}

fn lock_version(lock: &str, package: &str) -> Option<String> {
    let needle = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle {
            let version = lines.next()?.trim().strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(version.to_owned());
        }
    }
    None
}

fn ensure_wasm_bindgen() -> Result {
    let version = locked_wasm_bindgen()?;
    if stdout_of("wasm-bindgen", &["--version"]).is_some_and(|v| v == format!("wasm-bindgen {version}")) {
        return Ok(());
    }
    println!("xtask: installing wasm-bindgen-cli {version} to match Cargo.lock (about 3 minutes, once)");
    // Not --locked: one of its pinned dependency versions is not in the registry. Instead the resolver
    // falls back to the newest dependency versions this rustc supports, so a release that needs a newer
    // compiler cannot break the install.
    let mut c = command("cargo", &["install", "wasm-bindgen-cli", "--version", &version, "--force"]);
    c.env("CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS", "fallback");
    cmd::run(&mut c)
}

fn ensure_wasm_opt() -> Result {
    ensure_npm(&root().join("crates/xtask/tools"), "binaryen")?;
    match stdout_of("wasm-opt", &["--version"]) {
        Some(v) if v.starts_with(WASM_OPT_VERSION) => Ok(()),
        other => Err(Error::Setup(format!("wasm-opt on PATH is {other:?}, expected {WASM_OPT_VERSION}"))),
    }
}

/// `npm ci` in `dir` unless `package` is already installed there at the locked version.
fn ensure_npm(dir: &Path, package: &str) -> Result {
    // npm writes node_modules/.package-lock.json at install time (package files carry a fixed 1985 mtime).
    let installed = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = dir.join("node_modules").join(package).is_dir()
        && match (std::fs::metadata(&installed), std::fs::metadata(&lock)) {
            (Ok(i), Ok(l)) => i.modified().ok() >= l.modified().ok(),
            _ => false,
        };
    if fresh {
        return Ok(());
    }
    let dir = dir.to_string_lossy().into_owned();
    cmd::run(&mut command("npm", &["ci", "--no-audit", "--no-fund", "--prefix", &dir]))
}

static APT_UPDATED: AtomicBool = AtomicBool::new(false);

/// Installs the Debian packages that are not installed yet (running `apt-get update` once first).
fn ensure_debian(packages: &[&str]) -> Result {
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !debian_installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let sudo = stdout_of("id", &["-u"]).as_deref() != Some("0");
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = if sudo { vec!["apt-get"] } else { vec![] };
        all.extend_from_slice(args);
        let mut c = command(if sudo { "sudo" } else { "apt-get" }, &all);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    if !APT_UPDATED.swap(true, Ordering::SeqCst) {
        cmd::run(&mut apt(&["update", "-q"]))?;
    }
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(&missing);
    cmd::run(&mut apt(&args))
}

fn debian_installed(package: &str) -> bool {
    stdout_of("dpkg-query", &["-W", "-f=${Status}", package]).is_some_and(|s| is_installed_status(&s))
}

/// Exactly this status: a removed package reports "unknown ok not-installed" or "deinstall ok config-files".
fn is_installed_status(status: &str) -> bool {
    status.trim() == "install ok installed"
}

#[cfg(test)]
mod tests {
    use super::{is_installed_status, lock_version};

    #[test]
    fn only_an_installed_package_counts() {
        assert!(is_installed_status("install ok installed"));
        assert!(!is_installed_status("unknown ok not-installed"));
        assert!(!is_installed_status("deinstall ok config-files"));
    }

    #[test]
    fn finds_a_package_version_in_a_lockfile() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(lock_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(lock_version(lock, "leptos"), None);
    }
}
