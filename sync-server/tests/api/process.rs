//! The real server binary for tests that need a process: start it (stopped when dropped), and plain
//! HTTP/1.1 over a TCP connection, one request per connection.

use std::process::Command;

/// Sends one HTTP/1.1 request on a new connection and reads the whole answer, as it came.
pub fn raw_request(addr: &str, head: &str, body: &str) -> std::io::Result<String> {
    let head = format!("{head}\r\ncontent-length: {}", body.len());
    let out = exchange(addr, &head, body.as_bytes())?;
    String::from_utf8(out).map_err(std::io::Error::other)
}

/// A started server, stopped when dropped (also when an assertion fails, so that no server outlives
/// its test holding the test's output pipe).
pub struct Running(pub std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// [`raw_request`] without a body, the answer as bytes.
pub fn raw_request_bytes(addr: &str, head: &str) -> std::io::Result<Vec<u8>> {
    exchange(addr, head, b"")
}

fn exchange(addr: &str, head: &str, body: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr)?;
    write!(s, "{head}\r\nhost: {addr}\r\nconnection: close\r\n\r\n")?;
    s.write_all(body)?;
    let mut out = Vec::new();
    s.read_to_end(&mut out)?;
    Ok(out)
}

/// Starts the binary on a free port with SQLite in `dir`; the running server and its address.
pub fn start(dir: &std::path::Path) -> (Running, String) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_klava-sync-server"))
        .args(["--addr", "127.0.0.1:0", "--data-dir", dir.to_str().unwrap()])
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "off")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| l.strip_prefix("Klava is running at http://").map(str::to_owned))
        .expect("the server says where it listens");
    (Running(child), addr)
}

/// The head of a sign-up request, and a body for it.
pub const SIGN_UP: &str = "POST /api/account/signup HTTP/1.1\r\nx-klava-client: 1\r\ncontent-type: application/json";
pub const ADA: &str = r#"{"login":"ada","password":"correct horse battery"}"#;

/// Signs ada up at `addr`; the `name=value` of the session cookie.
pub fn sign_up(addr: &str) -> String {
    let answer = raw_request(addr, SIGN_UP, ADA).unwrap();
    answer
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_owned()
}
