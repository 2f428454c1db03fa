//! Serving the built app: page paths get index.html, files get their content type, hashed files are
//! cached for a year, responses are compressed (with the build's own brotli copy when there is one), and
//! every response carries the security headers.

use axum::http::StatusCode;

use klava_sync_server::headers::security_headers;

use crate::helpers::{CSS, JS, PRECOMPRESSED_CSS, WASM, body_bytes, header, spawn_app};

#[tokio::test]
async fn page_paths_get_index_html_and_must_revalidate() {
    let app = spawn_app().await;
    for path in ["/", "/learn", "/settings/data"] {
        let res = app.get(path, &[]).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(header(&res, "content-type").starts_with("text/html"), "{path}");
        assert_eq!(header(&res, "cache-control"), "no-cache", "{path}");
        assert!(String::from_utf8(body_bytes(res).await).unwrap().contains("<title>Klava</title>"));
    }
    app.finish().await;
}

#[tokio::test]
async fn hashed_files_have_their_type_and_are_immutable() {
    let app = spawn_app().await;
    for (name, mime) in [(WASM, "application/wasm"), (JS, "text/javascript"), (CSS, "text/css")] {
        let res = app.get(&format!("/{name}"), &[]).await;
        assert_eq!(res.status(), StatusCode::OK, "{name}");
        assert!(header(&res, "content-type").starts_with(mime), "{name}: {}", header(&res, "content-type"));
        assert_eq!(header(&res, "cache-control"), "public, max-age=31536000, immutable", "{name}");
    }
    app.finish().await;
}

#[tokio::test]
async fn a_missing_file_is_404_not_the_app() {
    let app = spawn_app().await;
    let res = app.get("/klava-app-ffffffffffffffff.js", &[]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&res, "cache-control"), "");
    app.finish().await;
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_it() {
    let app = spawn_app().await;
    for (accept, encoding) in [("gzip", "gzip"), ("br", "br"), ("br, gzip", "br")] {
        let res = app.get(&format!("/{JS}"), &[("accept-encoding", accept)]).await;
        assert_eq!(header(&res, "content-encoding"), encoding, "{accept}");
        let compressed = body_bytes(res).await.len();
        assert!(compressed < 7_600 / 4, "{accept}: {compressed} bytes");
    }
    let plain = app.get(&format!("/{JS}"), &[]).await;
    assert_eq!(header(&plain, "content-encoding"), "");
    app.finish().await;
}

#[tokio::test]
async fn the_builds_precompressed_copy_is_sent_as_it_is() {
    let app = spawn_app().await;
    let res = app.get(&format!("/{CSS}"), &[("accept-encoding", "gzip, br")]).await;
    assert_eq!(header(&res, "content-encoding"), "br");
    assert_eq!(header(&res, "vary"), "accept-encoding");
    assert_eq!(header(&res, "cache-control"), "public, max-age=31536000, immutable");
    assert_eq!(body_bytes(res).await, PRECOMPRESSED_CSS);
    // A browser that takes no brotli gets the file itself.
    let plain = app.get(&format!("/{CSS}"), &[]).await;
    assert_eq!(header(&plain, "content-encoding"), "");
    assert!(String::from_utf8(body_bytes(plain).await).unwrap().starts_with("body { color: black; }"));
    app.finish().await;
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/test", &format!("/{WASM}"), "/missing-0123456789abcdef.js", "/api/health", "/api/nothing"] {
        let res = app.get(path, &[]).await;
        for (name, value) in security_headers() {
            assert_eq!(header(&res, name.as_str()), value, "{path}: {name}");
        }
    }
    app.finish().await;
}
