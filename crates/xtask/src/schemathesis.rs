//! The API fuzzing step: schemathesis (PyPI, in a virtual environment under `crates/xtask/tools`) against
//! the OpenAPI document a debug sync server serves on 127.0.0.1, with a fresh SQLite database and a
//! signed-in session. Fails on any 5xx, an undocumented status, content type or header, or a body that
//! breaks its schema.

use std::path::PathBuf;

use crate::cmd::{self, Error, Result, command, root, stdout_of};
use crate::serve::{start_server, test_server};

/// The schemathesis release the step is written for.
const VERSION: &str = "4.32.5";

fn venv() -> PathBuf {
    root().join("crates/xtask/tools/venv")
}

/// Creates the virtual environment and installs schemathesis in it, unless that version is there.
pub fn ensure() -> Result {
    let st = venv().join("bin/st");
    let have = stdout_of(&st.to_string_lossy(), &["--version"]).unwrap_or_default();
    if have.contains(VERSION) {
        return Ok(());
    }
    let dir = venv().to_string_lossy().into_owned();
    cmd::run(&mut command("python3", &["-m", "venv", &dir]))?;
    let pip = venv().join("bin/pip").to_string_lossy().into_owned();
    cmd::run(&mut command(
        &pip,
        &["install", "--quiet", "--disable-pip-version-check", &format!("schemathesis=={VERSION}")],
    ))
}

/// Starts a server, signs up an account for the session cookie, and runs schemathesis.
pub fn run() -> Result {
    let server = test_server()?;
    let work = std::env::temp_dir().join(format!("klava-schemathesis-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(cmd::io(format!("creating {}", work.display())))?;
    let (_server, base) = start_server(&server, &work, "", &[])?;
    let cookie = sign_up(&base)?;
    let st = venv().join("bin/st").to_string_lossy().into_owned();
    let schema = format!("{base}/api/openapi.json");
    // The session as the document's `session` security scheme (a plain Cookie header would be replaced by
    // the values schemathesis generates for the scheme).
    let config = work.join("schemathesis.toml");
    let token = cookie.trim_start_matches("klava_session=");
    std::fs::write(&config, format!("[auth.openapi.session]\napi_key = \"{token}\"\n"))
        .map_err(cmd::io(format!("writing {}", config.display())))?;
    let config = config.to_string_lossy().into_owned();
    let mut c = command(
        &st,
        &[
            "--config-file",
            &config,
            "run",
            &schema,
            "--header",
            "x-klava-client: schemathesis",
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,\
             response_schema_conformance,ignored_auth",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "30",
            "--seed",
            "20261130",
            "--workers",
            "2",
            "--max-redirects",
            "0",
            "--request-timeout",
            "20",
            "--generation-database",
            "none",
            "--no-color",
            // These would end the session every later request uses.
            "--exclude-path",
            "/api/account/signout",
            "--exclude-path",
            "/api/account/signout-all",
        ],
    );
    // Its caches (.schemathesis, .hypothesis) go to the scratch directory, not the repository.
    c.current_dir(&work).env("NO_PROXY", "127.0.0.1,localhost");
    let result = cmd::run(&mut c);
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// Signs up an account; the `name=value` of its session cookie.
fn sign_up(base: &str) -> Result<String> {
    let url = format!("{base}/api/account/signup");
    let body = r#"{"login":"schemathesis","password":"a long enough password"}"#;
    let args = ["-sf", "-D", "-", "-o", "/dev/null", "-H", "x-klava-client: 1", "-H", "content-type: application/json"];
    let headers = stdout_of("curl", &[&args[..], &["--data", body, &url]].concat())
        .ok_or_else(|| Error::Setup(format!("signing up at {url} failed")))?;
    headers
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("set-cookie").then(|| value.trim().split(';').next().unwrap_or("").to_owned())
        })
        .filter(|c| c.starts_with("klava_session="))
        .ok_or_else(|| Error::Setup("the sign-up set no session cookie".into()))
}
