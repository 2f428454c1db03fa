//! Starting the real binary: bad start-up conditions exit non-zero with one clear line.

use std::process::{Command, Output};

fn server(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_klava-sync-server"));
    cmd.args(args).env_remove("DATABASE_URL").env("RUST_LOG", "off");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn one_error_line(out: &Output) -> String {
    assert!(!out.status.success(), "expected failure, got {:?}", out.status);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<_> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line expected, got: {stderr}");
    assert!(lines[0].starts_with("error: "), "{stderr}");
    lines[0].to_owned()
}

#[test]
fn a_port_in_use_is_one_clear_line() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let out = server(&["--addr", &addr, "--data-dir", dir.path().to_str().unwrap()], &[]);
    let line = one_error_line(&out);
    assert!(line.contains(&format!("cannot listen on {addr}")), "{line}");
    assert!(line.contains("in use"), "{line}");
}

#[test]
fn an_unusable_database_path_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let data_dir = file.join("data");
    let out = server(&["--addr", "127.0.0.1:0", "--data-dir", data_dir.to_str().unwrap()], &[]);
    let line = one_error_line(&out);
    assert!(line.contains("cannot create data directory"), "{line}");
    assert!(line.contains(data_dir.to_str().unwrap()), "{line}");
}

#[test]
fn an_unopenable_sqlite_file_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the database file should be: SQLite cannot open it, even as root.
    let db = dir.path().join("klava.db");
    std::fs::create_dir(&db).unwrap();
    let url = format!("sqlite://{}", db.display());
    let out = server(&["--addr", "127.0.0.1:0"], &[("DATABASE_URL", &url)]);
    let line = one_error_line(&out);
    assert!(line.contains("cannot open database sqlite"), "{line}");
}

#[test]
fn an_unsupported_database_url_is_one_clear_line() {
    let out = server(&["--addr", "127.0.0.1:0"], &[("DATABASE_URL", "mysql://localhost/klava")]);
    let line = one_error_line(&out);
    assert!(line.contains("unsupported database URL"), "{line}");
}
