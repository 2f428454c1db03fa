//! Starting and stopping the real binary: bad start-up conditions exit non-zero with one clear line; SIGTERM
//! lets the requests in flight finish.

use std::process::{Command, Output};

use crate::process::{ADA, SIGN_UP, raw_request, raw_request_bytes, sign_up, start};

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

#[test]
fn the_export_streams_a_complete_chunked_body_over_http() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, addr) = start(dir.path());
    let cookie = sign_up(&addr);
    let export = raw_request(&addr, &format!("GET /api/account/export HTTP/1.1\r\ncookie: {cookie}"), "").unwrap();
    assert!(export.starts_with("HTTP/1.1 200"), "{export}");
    assert!(export.contains("transfer-encoding: chunked"), "{export}");
    // The records array closed, then the last chunk: the stream ended cleanly, not broken off.
    assert!(export.contains(r#""records":["#) && export.ends_with("]}\r\n0\r\n\r\n"), "{export}");
    // Compressed too (the compression layer polls the body again after its end).
    let head = format!("GET /api/account/export HTTP/1.1\r\ncookie: {cookie}\r\naccept-encoding: gzip");
    let gzipped = raw_request_bytes(&addr, &head).unwrap();
    assert!(String::from_utf8_lossy(&gzipped).contains("content-encoding: gzip"));
    assert!(gzipped.ends_with(b"\r\n0\r\n\r\n"), "the compressed export was broken off");
}

#[tokio::test]
async fn sigterm_finishes_the_requests_in_flight_then_exits() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, addr) = start(dir.path());
    // Hold SQLite's write lock so that a sign-up stays in flight.
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}", dir.path().join("klava.db").display());
    let mut lock = <sqlx::AnyConnection as sqlx::Connection>::connect(&url).await.unwrap();
    sqlx::raw_sql("BEGIN IMMEDIATE").execute(&mut lock).await.unwrap();
    let signup = {
        let addr = addr.clone();
        std::thread::spawn(move || raw_request(&addr, SIGN_UP, ADA))
    };
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let term = Command::new("kill").args(["-TERM", &server.0.id().to_string()]).status().unwrap();
    assert!(term.success());
    // No new connections once it is stopping (waited for, up to 10 s, on a busy machine)…
    let started = std::time::Instant::now();
    while raw_request(&addr, "GET /api/health/live HTTP/1.1", "").is_ok() {
        assert!(started.elapsed().as_secs() < 10, "still accepting connections 10 s after SIGTERM");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // …but the sign-up in flight finishes and is answered.
    sqlx::raw_sql("ROLLBACK").execute(&mut lock).await.unwrap();
    let answer = signup.join().unwrap().unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    let exit = server.0.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
}
