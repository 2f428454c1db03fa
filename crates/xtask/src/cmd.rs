//! Running commands: echoing them, checking their status, and the xtask error type.

use std::cell::Cell;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

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

/// Cargo's target directory: `CARGO_TARGET_DIR` when set, else `target/` in the workspace.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), |d| root().join(d))
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
    cargo_home().join("bin")
}

/// Cargo's home folder: `CARGO_HOME`, else `~/.cargo`.
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"))
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
    let mut child = c.spawn().map_err(|source| Error::Spawn { program: text.clone(), source })?;
    let deadline = DEADLINE.get();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(io(format!("waiting for {text}")))? {
            break status;
        }
        if let Some((step, at, limit)) = deadline
            && Instant::now() >= at
        {
            let _ = child.kill();
            let _ = child.wait();
            let status = format!("stopped: step \"{step}\" ran over {} s", limit.as_secs());
            return Err(Error::Failed { command: text, status });
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    if status.success() { Ok(()) } else { Err(Error::Failed { command: text, status: status.to_string() }) }
}

/// The step running, when it must end, and its limit (see [`set_deadline`]).
type Deadline = Option<(&'static str, Instant, Duration)>;

thread_local! {
    /// Per thread: the steps run on the main thread, and tests running side by side do not share it.
    static DEADLINE: Cell<Deadline> = const { Cell::new(None) };
}

/// From now on, [`run`] stops a command still running `limit` after this call, failing step `step`.
pub fn set_deadline(step: &'static str, limit: Duration) {
    DEADLINE.set(Some((step, Instant::now() + limit, limit)));
}

/// Commands may run as long as they take again.
pub fn clear_deadline() {
    DEADLINE.set(None);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_running_past_the_steps_deadline_is_stopped_with_the_steps_name() {
        set_deadline("slow step", Duration::from_secs(1));
        let started = Instant::now();
        let result = run(Command::new("sleep").arg("30"));
        clear_deadline();
        let Err(Error::Failed { status, .. }) = result else { panic!("{result:?}") };
        assert_eq!(status, "stopped: step \"slow step\" ran over 1 s");
        assert!(started.elapsed() < Duration::from_secs(10));
        run(&mut Command::new("true")).unwrap();
    }
}
