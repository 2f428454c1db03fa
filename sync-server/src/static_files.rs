//! Serving the built app: files from trunk's output directory, `index.html` for every other page path
//! (client-side routing), long-lived caching for content-hashed files and revalidation for the rest. The
//! build's brotli and gzip copies (`NAME.br`, `NAME.gz`, written by `cargo xtask postbuild`) are sent as they
//! are to a browser that accepts them.

use std::path::Path;

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// Cache policy for files whose name carries a content hash: they never change.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache policy for everything else (index.html, the service worker, the manifest): revalidate.
pub const REVALIDATE: &str = "no-cache";

/// The static part of the server.
#[derive(Clone, Debug)]
pub struct StaticFiles {
    files: ServeDir,
    index: ServeFile,
}

impl StaticFiles {
    /// Serves the app built into `dir`.
    pub fn new(dir: &Path) -> Self {
        Self {
            files: ServeDir::new(dir).precompressed_br().precompressed_gzip(),
            index: ServeFile::new(dir.join("index.html")).precompressed_br().precompressed_gzip(),
        }
    }

    /// Answers one request. A path whose last segment has an extension is a file (404 when missing);
    /// any other path is a page of the app and gets `index.html`.
    pub async fn serve(&self, req: Request) -> Response {
        let path = req.uri().path().to_owned();
        let name = path.rsplit('/').next().unwrap_or_default();
        let is_file = name.contains('.');
        let mut res = if is_file {
            self.files.clone().oneshot(req).await.into_response()
        } else {
            self.index.clone().oneshot(req).await.into_response()
        };
        if res.status().is_success() || res.status().as_u16() == 304 {
            let policy = if is_file && is_content_hashed(&path) { IMMUTABLE } else { REVALIDATE };
            res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
            // The same URL is sent as brotli, gzip or plain: caches between must keep them apart.
            res.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        res
    }
}

/// Whether a path's contents are fixed by a content hash: its file name is `stem-<hash>.ext` (trunk's
/// `style-0123abcd4567ef89.css`, the start-up script `klava-start-<hash>.js`), or it lies in a folder named
/// `name-<hash>` (the app's modules, `wasm-1a2b3c4d5e6f7a8b/klava-app_bg.wasm`). A hash is 8 to 16
/// lowercase hex digits.
pub fn is_content_hashed(path: &str) -> bool {
    let mut segments = path.trim_start_matches('/').split('/').collect::<Vec<_>>();
    let name = segments.pop().unwrap_or_default();
    let hashed = |stem: &str| {
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        stem.rsplit_once('-').is_some_and(|(_, hash)| {
            (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
    };
    hashed(name.split('.').next().unwrap_or_default()) || segments.into_iter().any(hashed)
}

#[cfg(test)]
mod tests {
    use super::is_content_hashed;

    #[test]
    fn recognises_trunk_hashes() {
        assert!(is_content_hashed("klava-app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_content_hashed("klava-app-1a2b3c4d5e6f7a8b.js"));
        assert!(is_content_hashed("style-00ab12cd.css"));
        assert!(!is_content_hashed("index.html"));
        assert!(!is_content_hashed("sw.js"));
        assert!(!is_content_hashed("klava-app-notahash.js"));
        assert!(is_content_hashed("/wasm-1a2b3c4d5e6f7a8b/klava-app_bg.wasm"));
        assert!(is_content_hashed("/wasm-1a2b3c4d5e6f7a8b/__wasm_split.js"));
        assert!(!is_content_hashed("/fonts/jetbrains-mono-latin-400-normal.woff2"));
        assert!(!is_content_hashed("/wasm-notahash/klava-app.js"));
    }
}
