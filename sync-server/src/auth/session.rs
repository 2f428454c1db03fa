//! The session cookie and the [`Authed`] extractor: a request is signed in when its cookie's token hashes
//! to a session that has not expired. Sessions slide: each use (at most once a minute) moves the expiry
//! to [`SESSION_TTL_MS`] after now, so a learner who practises weekly stays signed in.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header::{COOKIE, SET_COOKIE, USER_AGENT};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use klava_wire::SESSION_COOKIE;

use super::{accounts, secret};
use crate::AppState;
use crate::error::ApiError;

/// How long a session lasts after its last use.
pub const SESSION_TTL_MS: i64 = 30 * 24 * 60 * 60 * 1000;
/// How often a session's last use is written (not on every request).
const TOUCH_EVERY_MS: i64 = 60 * 1000;

/// A signed-in request.
#[derive(Clone, Debug)]
pub struct Authed {
    pub user_id: i64,
    /// The SHA-256 of this request's session token (this device's session).
    pub token_hash: String,
}

/// What the request says about the device making it.
#[derive(Clone, Debug)]
pub struct Client {
    pub user_agent: String,
    /// The address the connection came from (behind a proxy: the last `X-Forwarded-For` entry);
    /// unspecified when unknown.
    pub ip: IpAddr,
}

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ua = parts.headers.get(USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        let ip = match state.trusted_proxies {
            0 => peer,
            n => forwarded_client(&parts.headers, n).or(peer),
        };
        Ok(Self { user_agent: ua.chars().take(256).collect(), ip: ip.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)) })
    }
}

/// The client's address behind `proxies` trusted proxies: each appended the address it saw to
/// `X-Forwarded-For`, so the client is `proxies` entries from the right. An entry may carry a port.
fn forwarded_client(headers: &HeaderMap, proxies: usize) -> Option<IpAddr> {
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let entry = entries.len().checked_sub(proxies).map(|i| entries[i])?;
    entry.parse::<IpAddr>().ok().or_else(|| entry.parse::<SocketAddr>().ok().map(|a| a.ip()))
}

/// The session token in the request's cookies, if any.
pub fn token_of(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == SESSION_COOKIE)
        .map(|(_, v)| v.to_owned())
}

impl FromRequestParts<AppState> for Authed {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = token_of(&parts.headers).ok_or(ApiError::NotSignedIn)?;
        let token_hash = secret::digest(&token);
        let now = crate::now_ms();
        let session = accounts::session(state.db.pool(), &token_hash, now).await?.ok_or(ApiError::NotSignedIn)?;
        if now - session.last_seen_ms >= TOUCH_EVERY_MS {
            accounts::touch_session(state.db.writer(), &token_hash, now, now + SESSION_TTL_MS).await?;
        }
        Ok(Self { user_id: session.user_id, token_hash })
    }
}

/// `Set-Cookie` for a new session: the token, for the API only, never readable by scripts.
pub fn set_cookie(token: &str) -> HeaderValue {
    let max_age = SESSION_TTL_MS / 1000;
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/api; Max-Age={max_age}; HttpOnly; Secure; SameSite=Lax"
    ))
    .expect("a hex token makes a valid header")
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_str(&format!("{SESSION_COOKIE}=; Path=/api; Max-Age=0; HttpOnly; Secure; SameSite=Lax"))
        .expect("a constant header value")
}

/// Headers that set (`Some`) or clear (`None`) the session cookie.
pub fn cookie_headers(token: Option<&str>) -> [(axum::http::HeaderName, HeaderValue); 1] {
    [(SET_COOKIE, token.map_or_else(clear_cookie, set_cookie))]
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_client_is_as_many_entries_from_the_right_as_there_are_proxies() {
        let mut h = HeaderMap::new();
        h.append("x-forwarded-for", HeaderValue::from_static("6.6.6.6, 203.0.113.7"));
        h.append("x-forwarded-for", HeaderValue::from_static("198.51.100.2:443"));
        let ip = |h: &HeaderMap, n| forwarded_client(h, n).map(|ip| ip.to_string());
        // The client forged 6.6.6.6; the CDN saw 203.0.113.7; the TLS proxy saw the CDN.
        assert_eq!(ip(&h, 1).as_deref(), Some("198.51.100.2"));
        assert_eq!(ip(&h, 2).as_deref(), Some("203.0.113.7"));
        assert_eq!(ip(&h, 4), None, "fewer entries than proxies: the connection's address is used");
        h.insert("x-forwarded-for", HeaderValue::from_static("unknown"));
        assert_eq!(ip(&h, 1), None);
    }

    use super::*;

    #[test]
    fn the_token_is_found_among_other_cookies() {
        let mut h = HeaderMap::new();
        h.append(COOKIE, HeaderValue::from_static("a=1; klava_session=abc; b=2"));
        assert_eq!(token_of(&h).as_deref(), Some("abc"));
        let mut none = HeaderMap::new();
        none.append(COOKIE, HeaderValue::from_static("klava_sessionx=1"));
        assert_eq!(token_of(&none), None);
    }

    #[test]
    fn the_cookie_is_http_only_secure_and_same_site() {
        let c = set_cookie("t0k3n");
        let c = c.to_str().unwrap();
        for part in ["klava_session=t0k3n", "HttpOnly", "Secure", "SameSite=Lax", "Path=/api"] {
            assert!(c.contains(part), "{c}");
        }
    }
}
