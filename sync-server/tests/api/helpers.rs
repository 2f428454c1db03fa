//! `spawn_app()`: a router over a fresh database and a small built-app directory, plus request helpers.

use std::net::{IpAddr, SocketAddr};
use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response};
use clap::Parser;
use http_body_util::BodyExt;
use klava_sync_server::db::Backend;
use klava_sync_server::{AppState, Config, Db, DbTarget, app};
use sqlx::AnyPool;
use tower::ServiceExt;

/// Names of the fake hashed build outputs the test app directory holds.
pub const WASM: &str = "klava-app-0123456789abcdef_bg.wasm";
pub const JS: &str = "klava-app-0123456789abcdef.js";
pub const CSS: &str = "style-89abcdef01234567.css";

/// A router on a fresh database; call [`TestApp::finish`] at the end to drop a PostgreSQL database.
pub struct TestApp {
    pub router: Router,
    pub db: Db,
    pub backend: Backend,
    pub target: DbTarget,
    /// The configuration it was built with (a second instance gets the same).
    pub config: Config,
    postgres: Option<(String, String)>,
    _dir: tempfile::TempDir,
}

/// Builds the app over a fresh database and a directory that looks like trunk's output, with the
/// default rate limits.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| ()).await
}

/// [`spawn_app`] with its configuration changed by `change`.
pub async fn spawn_app_with(change: impl FnOnce(&mut Config)) -> TestApp {
    sqlx::any::install_default_drivers();
    let dir = tempfile::tempdir().unwrap();
    write_dist(&dir.path().join("dist"));
    let (target, postgres) = match std::env::var("KLAVA_TEST_POSTGRES_URL") {
        Ok(admin_url) => {
            let name = format!("klava_test_{}", uuid::Uuid::new_v4().simple());
            let admin = AnyPool::connect(&admin_url).await.expect("connect to the test PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.unwrap();
            admin.close().await;
            let url = replace_database(&admin_url, &name);
            (DbTarget::Postgres(url), Some((admin_url, name)))
        }
        Err(_) => (DbTarget::Sqlite(dir.path().join("data/klava.db")), None),
    };
    let db = Db::connect(&target).await.expect("open the test database");
    let mut config = config(dir.path());
    change(&mut config);
    let state = AppState::new(db.clone(), &config);
    TestApp { router: app(state), db, backend: target.backend(), target, config, postgres, _dir: dir }
}

/// A second server instance (its own pool and router) on the same database as `first`.
pub async fn second_instance(first: &TestApp) -> (Router, Db) {
    let db = Db::connect(&first.target).await.expect("open the shared database");
    let state = AppState::new(db.clone(), &first.config);
    (app(state), db)
}

/// The server's default configuration with the test's built-app directory.
fn config(dir: &Path) -> Config {
    let mut config = Config::parse_from(["klava-sync-server"]);
    config.static_dir = dir.join("dist");
    config
}

impl TestApp {
    /// Sends one request through the router.
    pub async fn request(&self, req: Request<Body>) -> Response<Body> {
        self.router.clone().oneshot(req).await.unwrap()
    }

    /// `GET path` with optional extra headers.
    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response<Body> {
        let mut req = Request::get(path);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.request(req.body(Body::empty()).unwrap()).await
    }

    /// Closes the pool and drops the test's PostgreSQL database, if it made one.
    pub async fn finish(self) {
        self.db.close().await;
        if let Some((admin_url, name)) = self.postgres {
            let admin = AnyPool::connect(&admin_url).await.unwrap();
            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&admin).await.unwrap();
            admin.close().await;
        }
    }
}

/// The body as bytes.
pub async fn body_bytes(res: Response<Body>) -> Vec<u8> {
    res.into_body().collect().await.unwrap().to_bytes().to_vec()
}

/// The body as JSON.
pub async fn body_json(res: Response<Body>) -> serde_json::Value {
    serde_json::from_slice(&body_bytes(res).await).expect("a JSON body")
}

/// A header's value as text ("" when absent).
pub fn header<'a>(res: &'a Response<Body>, name: &str) -> &'a str {
    res.headers().get(name).map_or("", |v| v.to_str().unwrap())
}

fn write_dist(dist: &Path) {
    std::fs::create_dir_all(dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>Klava</title><body>index</body>").unwrap();
    // Large enough to be worth compressing.
    std::fs::write(dist.join(JS), "export function klava() { return 1; }\n".repeat(200)).unwrap();
    std::fs::write(dist.join(WASM), b"\0asm\x01\0\0\0".repeat(100)).unwrap();
    std::fs::write(dist.join(CSS), "body { color: black; }\n".repeat(50)).unwrap();
    // The build's own brotli copy of the CSS (as `cargo xtask postbuild` writes it): sent as it is.
    std::fs::write(dist.join(format!("{CSS}.br")), PRECOMPRESSED_CSS).unwrap();
}

/// What the test build's `CSS.br` holds; a server compressing on the fly would send something else.
pub const PRECOMPRESSED_CSS: &[u8] = b"the build's own brotli bytes";

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let (prefix, _) = base.rsplit_once('/').expect("a PostgreSQL URL with a database path");
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

/// One browser against a server instance: keeps its session cookie and sends the client header, as the
/// app does.
#[derive(Clone)]
pub struct Browser {
    pub router: Router,
    pub cookie: Option<String>,
    pub user_agent: &'static str,
    /// The address the connection comes from.
    pub ip: IpAddr,
}

impl Browser {
    pub fn new(app: &TestApp, user_agent: &'static str) -> Self {
        Self { router: app.router.clone(), cookie: None, user_agent, ip: IpAddr::from([127, 0, 0, 1]) }
    }

    /// This browser on another connection, from `ip`.
    pub fn at_ip(self, ip: [u8; 4]) -> Self {
        Self { ip: IpAddr::from(ip), ..self }
    }

    /// Sends `method path` with `body` as it is, keeping any cookie the answer sets; the status and the body
    /// as JSON (`null` when empty).
    pub async fn send_body(
        &mut self,
        method: &str,
        path: &str,
        body: Body,
    ) -> (axum::http::StatusCode, serde_json::Value) {
        let mut req = Request::builder().method(method).uri(path).header("user-agent", self.user_agent);
        if method != "GET" {
            req = req.header(klava_wire::CLIENT_HEADER, "1").header("content-type", "application/json");
        }
        if let Some(c) = &self.cookie {
            req = req.header("cookie", format!("{}={c}", klava_wire::SESSION_COOKIE));
        }
        let mut req = req.body(body).unwrap();
        req.extensions_mut().insert(ConnectInfo(SocketAddr::new(self.ip, 50_000)));
        let res = self.router.clone().oneshot(req).await.unwrap();
        if let Some(set) = res.headers().get("set-cookie") {
            let set = set.to_str().unwrap();
            let value = set.split(';').next().unwrap().split_once('=').unwrap().1;
            self.cookie = (!value.is_empty()).then(|| value.to_owned());
        }
        let status = res.status();
        let bytes = body_bytes(res).await;
        let json = if bytes.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_slice(&bytes).expect("a JSON body")
        };
        (status, json)
    }

    /// [`Browser::send_body`] with a JSON body, or none.
    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (axum::http::StatusCode, serde_json::Value) {
        self.send_body(method, path, body.map_or_else(Body::empty, |b| Body::from(b.to_string()))).await
    }

    pub async fn get(&mut self, path: &str) -> (axum::http::StatusCode, serde_json::Value) {
        self.send("GET", path, None).await
    }

    pub async fn post(&mut self, path: &str, body: serde_json::Value) -> (axum::http::StatusCode, serde_json::Value) {
        self.send("POST", path, Some(body)).await
    }

    /// Signs up `login` with `password`; the recovery codes.
    pub async fn sign_up(&mut self, login: &str, password: &str) -> Vec<String> {
        let (status, json) =
            self.post("/api/account/signup", serde_json::json!({"login": login, "password": password})).await;
        assert_eq!(status, axum::http::StatusCode::CREATED, "{json}");
        serde_json::from_value(json["recovery_codes"].clone()).unwrap()
    }
}

/// A valid setting record with id `id`, dated `ms`.
pub fn setting(id: &str, value: &str, ms: u64) -> serde_json::Value {
    serde_json::json!({"id": id, "device": "dev1", "body": {"type": "setting", "key": "theme",
        "value": format!("\"{value}\""), "hlc": {"ms": ms, "counter": 0, "device": "dev1"}}})
}

/// A tombstone record deleting `target`.
pub fn tombstone(id: &str, target: &str) -> serde_json::Value {
    serde_json::json!({"id": id, "device": "dev1", "body": {"type": "delete", "target": target}})
}

/// Now, in milliseconds since the epoch.
pub fn now() -> u64 {
    u64::try_from(klava_sync_server::now_ms()).unwrap()
}

/// A 200 answer to a sync request, as the app's sync state machine takes it: the ids stored and refused
/// by a push, or the ids, cursor and `more` of a pull page.
pub fn sync_answer(request: &klava_sync::Request, json: &serde_json::Value) -> klava_sync::Answer {
    use klava_core::record::Id;
    let id = |v: &serde_json::Value| Id::new(v.as_str().unwrap()).unwrap();
    let list = |v: &serde_json::Value| v.as_array().unwrap().clone();
    match request {
        klava_sync::Request::Push(_) => klava_sync::Answer::Pushed {
            stored: list(&json["stored"]).iter().map(id).collect(),
            refused: list(&json["refused"])
                .iter()
                .map(|r| klava_sync::Refusal {
                    id: id(&r["id"]),
                    code: r["code"].as_str().unwrap().into(),
                    message: r["message"].as_str().unwrap().into(),
                })
                .collect(),
        },
        klava_sync::Request::Pull { .. } => klava_sync::Answer::Pulled {
            ids: list(&json["records"]).iter().map(|r| id(&r["id"])).collect(),
            cursor: json["cursor"].as_i64().unwrap(),
            more: json["more"] == true,
        },
    }
}
