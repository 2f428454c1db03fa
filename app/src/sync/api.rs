//! Requests to the sync server (same origin, under `/api`): the browser's `fetch` with the anti-forgery
//! header, a time limit (an `AbortController`), and the answer read whole as text. What an answer means
//! is decided by klava-sync ([`klava_sync::http`]) for sync, and by [`ApiError`] for the account page.

use klava_wire::{CLIENT_HEADER, ErrorBody};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

/// The longest a request may take before it is given up (the server's own limit is 30 s).
const TIME_LIMIT_MS: i32 = 35_000;

/// An answer as received.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: String,
}

impl Reply {
    /// As klava-sync reads it.
    pub fn as_sync(&self) -> klava_sync::http::Reply<'_> {
        klava_sync::http::Reply { status: self.status, retry_after: self.retry_after.as_deref(), body: &self.body }
    }
}

/// Why no answer came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// The browser is offline.
    Offline,
    /// The request failed on the way or took too long (the server is unreachable).
    Unreachable,
}

/// A request on its way: the answer can be awaited later (a pull fetches the next page while it stores
/// this one).
pub struct InFlight {
    response: web_sys::js_sys::Promise,
    timer: i32,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        leptos::prelude::window().clear_timeout_with_handle(self.timer);
    }
}

/// Starts `method path` with `body` (JSON).
///
/// # Errors
/// [`NoAnswer::Offline`] when the browser is offline; [`NoAnswer::Unreachable`] when the request cannot
/// even be made.
pub fn start(method: &str, path: &str, body: Option<&str>) -> Result<InFlight, NoAnswer> {
    let window = leptos::prelude::window();
    if !window.navigator().on_line() {
        return Err(NoAnswer::Offline);
    }
    let unreachable = |_| NoAnswer::Unreachable;
    let init = RequestInit::new();
    init.set_method(method);
    let headers = Headers::new().map_err(unreachable)?;
    headers.set(CLIENT_HEADER, "klava-app").map_err(unreachable)?;
    if let Some(body) = body {
        headers.set("content-type", "application/json").map_err(unreachable)?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let abort = AbortController::new().map_err(unreachable)?;
    init.set_signal(Some(&abort.signal()));
    let timer = gloo_timeout(TIME_LIMIT_MS, move || abort.abort());
    Ok(InFlight { response: window.fetch_with_str_and_init(path, &init), timer })
}

impl InFlight {
    /// The whole answer.
    ///
    /// # Errors
    /// [`NoAnswer`] when nothing (or only part of an answer) came back in time.
    pub async fn answer(self) -> Result<Reply, NoAnswer> {
        let unreachable = |_| NoAnswer::Unreachable;
        let result = async {
            let response: Response =
                JsFuture::from(self.response.clone()).await.map_err(unreachable)?.dyn_into().map_err(unreachable)?;
            let retry_after = response.headers().get("retry-after").ok().flatten();
            // The body arrives in full or the request fails: a half answer is no answer.
            let text = JsFuture::from(response.text().map_err(unreachable)?).await.map_err(unreachable)?;
            Ok(Reply { status: response.status(), retry_after, body: text.as_string().unwrap_or_default() })
        }
        .await;
        let online = leptos::prelude::window().navigator().on_line();
        result.map_err(|e| if online { e } else { NoAnswer::Offline })
    }
}

/// Sends `method path` with `body` (JSON) and reads the whole answer.
///
/// # Errors
/// [`NoAnswer`] when nothing (or only part of an answer) came back in time.
pub async fn send(method: &str, path: &str, body: Option<&str>) -> Result<Reply, NoAnswer> {
    start(method, path, body)?.answer().await
}

/// Calls `f` after `ms`, returning the timer's handle.
fn gloo_timeout(ms: i32, f: impl FnOnce() + 'static) -> i32 {
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms)
        .unwrap_or_default()
}

/// Why an account request did not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, or the server unreachable.
    NoAnswer(NoAnswer),
    /// The server's refusal: its stable code (`wrong_credentials`, `login_taken`, …) and its message.
    Refused { status: u16, code: String, message: String },
    /// An answer that is not the API's (a proxy's page, a server error).
    Garbled(u16),
}

impl ApiError {
    fn from_reply(reply: &Reply) -> Self {
        match serde_json::from_str::<ErrorBody>(&reply.body) {
            Ok(e) => Self::Refused { status: reply.status, code: e.error.code, message: e.error.message },
            Err(_) => Self::Garbled(reply.status),
        }
    }
}

/// Sends `body` as JSON and reads a `T` from a 2xx answer.
///
/// # Errors
/// See [`ApiError`].
pub async fn call<T: DeserializeOwned>(method: &str, path: &str, body: Option<&impl Serialize>) -> Result<T, ApiError> {
    let reply = send_json(method, path, body).await?;
    serde_json::from_str(&reply.body).map_err(|_| ApiError::Garbled(reply.status))
}

/// Sends `body` as JSON; any 2xx answer will do.
///
/// # Errors
/// See [`ApiError`].
pub async fn call_empty(method: &str, path: &str, body: Option<&impl Serialize>) -> Result<Reply, ApiError> {
    send_json(method, path, body).await
}

async fn send_json(method: &str, path: &str, body: Option<&impl Serialize>) -> Result<Reply, ApiError> {
    let json = body.map(|b| serde_json::to_string(b).unwrap_or_default());
    let reply = send(method, path, json.as_deref()).await.map_err(ApiError::NoAnswer)?;
    if (200..300).contains(&reply.status) { Ok(reply) } else { Err(ApiError::from_reply(&reply)) }
}
