//! A small HTTP/1.1 client over hyper with keep-alive: the requests the load phases send, each timed.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Method, Request};
use hyper_util::client::legacy::Client as Hyper;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

/// One answered (or failed) request.
pub struct Reply {
    /// A 2xx whose body held what was expected.
    pub ok: bool,
    pub ms: f64,
    pub body: Bytes,
}

/// The server's address, a pooled connection set, and the session cookies sign-ups have collected.
#[derive(Clone)]
pub struct Client {
    base: Arc<str>,
    hyper: Hyper<HttpConnector, Full<Bytes>>,
    cookies: Arc<Mutex<Vec<String>>>,
}

const PASSWORD: &str = "load test password";

impl Client {
    pub fn new(base: &str) -> Self {
        let hyper = Hyper::builder(TokioExecutor::new()).pool_max_idle_per_host(256).build_http();
        Self { base: base.into(), hyper, cookies: Arc::default() }
    }

    /// The cookies collected so far.
    pub fn cookies(&self) -> Vec<String> {
        self.cookies.lock().expect("not poisoned").clone()
    }

    async fn send(&self, method: Method, path: &str, cookie: &str, body: String) -> (u16, Option<String>, Reply) {
        let mut req = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header(klava_wire::CLIENT_HEADER, "loadgen")
            .header("content-type", "application/json");
        if !cookie.is_empty() {
            req = req.header("cookie", cookie);
        }
        let req = req.body(Full::new(Bytes::from(body))).expect("a well-formed request");
        let started = Instant::now();
        let res = self.hyper.request(req).await;
        let (status, set_cookie, body) = match res {
            Ok(res) => {
                let status = res.status().as_u16();
                let set_cookie = res
                    .headers()
                    .get("set-cookie")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.split(';').next())
                    .map(str::to_owned);
                let body = res.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
                (status, set_cookie, body)
            }
            Err(_) => (0, None, Bytes::new()),
        };
        let ms = started.elapsed().as_secs_f64() * 1e3;
        (status, set_cookie, Reply { ok: (200..300).contains(&status), ms, body })
    }

    /// Signs `login` up and keeps its cookie.
    pub async fn sign_up(&self, login: &str) -> Reply {
        let body = serde_json::json!({"login": login, "password": PASSWORD}).to_string();
        let (_, cookie, reply) = self.send(Method::POST, "/api/account/signup", "", body).await;
        if let Some(c) = cookie.filter(|_| reply.ok) {
            self.cookies.lock().expect("not poisoned").push(c);
        }
        reply
    }

    /// Signs `login` in (the cookie is dropped).
    pub async fn sign_in(&self, login: &str) -> Reply {
        let body = serde_json::json!({"login": login, "password": PASSWORD}).to_string();
        self.send(Method::POST, "/api/account/signin", "", body).await.2
    }

    /// POSTs `body`; ok when the answer is 2xx and its body contains `expect`.
    pub async fn post_expect(&self, path: &str, cookie: &str, body: String, expect: &str) -> Reply {
        let (_, _, mut reply) = self.send(Method::POST, path, cookie, body).await;
        reply.ok &= expect.is_empty() || contains_bytes(&reply.body, expect.as_bytes());
        reply
    }

    pub async fn get(&self, path: &str, cookie: &str) -> Reply {
        self.send(Method::GET, path, cookie, String::new()).await.2
    }
}

fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
