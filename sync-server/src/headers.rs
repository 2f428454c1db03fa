//! Security headers on every response: a Content-Security-Policy that allows exactly what the app needs,
//! no MIME sniffing, no referrer to other sites, and no framing. `netlify.toml` and `vercel.json` send the
//! same values (a test compares them), so the app behaves the same on a CDN.

use std::sync::LazyLock;

use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;

/// The early script in `index.html` (theme and language before the first paint) is the only inline
/// script; its SHA-256 is allowed by hash. Editing that script changes the hash: the end-to-end test that
/// loads every page under this policy fails until it is updated here and in the CDN files.
pub const EARLY_SCRIPT_HASH: &str = "'sha256-ZmWmuhPakENEFYdZhq+uegKaFPNxrBaLBXahyznPXRI='";

/// What the app loads: its own files, scripts and the wasm (compiled with `'wasm-unsafe-eval'`, never
/// `'unsafe-eval'`), styles only from its stylesheet and the CSSOM, fonts and icons from its origin,
/// requests to its own `/api`, the service worker and the manifest. Nothing from anywhere else.
pub fn content_security_policy() -> String {
    [
        "default-src 'self'".to_owned(),
        format!("script-src 'self' 'wasm-unsafe-eval' {EARLY_SCRIPT_HASH}"),
        "style-src 'self'".to_owned(),
        "img-src 'self' data:".to_owned(),
        "font-src 'self'".to_owned(),
        "connect-src 'self'".to_owned(),
        "worker-src 'self'".to_owned(),
        "manifest-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
        "frame-ancestors 'none'".to_owned(),
    ]
    .join("; ")
}

/// Every security header, name and value, in the order they are sent.
pub fn security_headers() -> Vec<(HeaderName, String)> {
    vec![
        (header::CONTENT_SECURITY_POLICY, content_security_policy()),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin".to_owned()),
        (header::X_FRAME_OPTIONS, "DENY".to_owned()),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()".to_owned()),
    ]
}

static HEADERS: LazyLock<Vec<(HeaderName, HeaderValue)>> = LazyLock::new(|| {
    security_headers()
        .into_iter()
        .map(|(name, value)| (name, HeaderValue::from_str(&value).expect("the security headers are valid values")))
        .collect()
});

/// Adds [`security_headers`] to a response that has not set them itself (`axum::middleware::map_response`).
pub async fn add(mut res: Response) -> Response {
    for (name, value) in HEADERS.iter() {
        res.headers_mut().entry(name).or_insert_with(|| value.clone());
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_never_allows_eval_or_inline_code() {
        let csp = content_security_policy();
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("'unsafe-eval'") && !csp.contains("'unsafe-inline'"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"));
    }
}
