//! Running commands: echoing them, checking their status, and the xtask error type.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Everything an xtask command can fail with.
#[derive(Debug)]
pub enum Error {
    /// The command line given to xtask is wrong.
    Usage(String),
    /// A program could not be started.
    Spawn { program: String, source: std::io::Error },
    /// A program ran and failed.
    Failed { command: String, status: String },
    /// Something needed is missing or wrong, with what to do about it.
    Setup(String),
    /// A file operation failed.
    Io { what: String, source: std::io::Error },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage(m) | Self::Setup(m) => f.write_str(m),
            Self::Spawn { program, source } => write!(f, "cannot start {program}: {source}"),
            Self::Failed { command, status } => write!(f, "`{command}` failed ({status})"),
            Self::Io { what, source } => write!(f, "{what}: {source}"),
        }
    }
}

pub type Result<T = ()> = std::result::Result<T, Error>;

/// Maps an I/O error to [`Error::Io`] saying what was being done: `.map_err(io(format!("reading {p}")))`.
pub fn io(what: String) -> impl FnOnce(std::io::Error) -> Error {
    move |source| Error::Io { what, source }
}

/// The workspace root (two levels above this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2).expect("crates/xtask is two levels deep").to_path_buf()
}

/// A command rooted at the workspace, with the build tools' directory first on PATH.
pub fn command(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", tool_path());
    // npm trusts only its own CA list unless told; point it at the system bundle, as curl and cargo use.
    let bundle = Path::new("/etc/ssl/certs/ca-certificates.crt");
    if program == "npm" && std::env::var_os("NODE_EXTRA_CA_CERTS").is_none() && bundle.is_file() {
        c.env("NODE_EXTRA_CA_CERTS", bundle);
    }
    c
}

/// PATH with the project's npm build tools and cargo's bin directory in front.
pub fn tool_path() -> String {
    let mut dirs = vec![root().join("crates/xtask/tools/node_modules/.bin"), cargo_bin()];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(dirs).expect("paths without separators").to_string_lossy().into_owned()
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"))
        .join("bin")
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Runs `c` with inherited output, failing on a non-zero status.
pub fn run(c: &mut Command) -> Result {
    let text = describe(c);
    println!("$ {text}");
    let status = c.status().map_err(|source| Error::Spawn { program: text.clone(), source })?;
    if status.success() { Ok(()) } else { Err(Error::Failed { command: text, status: status.to_string() }) }
}

/// Runs `c` quietly and returns its output, or `None` when it cannot start.
pub fn probe(c: &mut Command) -> Option<Output> {
    c.output().ok()
}

/// The trimmed stdout of `program args`, when it starts and succeeds.
pub fn stdout_of(program: &str, args: &[&str]) -> Option<String> {
    let out = probe(&mut command(program, args))?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}
