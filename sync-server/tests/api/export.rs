//! The export streamed page by page: every record, in the order stored, in valid JSON whatever the count.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{Browser, now, setting, spawn_app};

const PW: &str = "correct horse battery";

#[tokio::test]
async fn an_export_over_several_pages_is_one_valid_document_with_every_record_in_order() {
    let app = spawn_app().await;
    let mut b = Browser::new(&app, "laptop");
    b.sign_up("ada", PW).await;
    let (status, empty) = b.get("/api/account/export").await;
    assert_eq!((status, empty["records"].clone()), (StatusCode::OK, json!([])));
    let t = now();
    let total = 2 * klava_wire::PULL_PAGE + 3;
    let all: Vec<_> = (0..total).map(|i| setting(&format!("e{i}"), "dark", t + i as u64)).collect();
    for batch in all.chunks(klava_wire::MAX_PUSH_RECORDS) {
        let (status, pushed) = b.post("/api/sync/push", json!({"records": batch})).await;
        assert_eq!((status, pushed["refused"].clone()), (StatusCode::OK, json!([])));
    }
    let (status, export) = b.get("/api/account/export").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(export["records"].as_array().unwrap(), &all);
    assert_eq!(export["account"]["login"], "ada");
    assert_eq!(export["devices"][0]["current"], true);
    assert!(export["exported_ms"].as_i64().unwrap() >= i64::try_from(t).unwrap());
    let res = app
        .request(
            axum::http::Request::get("/api/account/export")
                .header("cookie", format!("{}={}", klava_wire::SESSION_COOKIE, b.cookie.clone().unwrap()))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(crate::helpers::header(&res, "content-disposition").starts_with("attachment"));
    app.finish().await;
}
