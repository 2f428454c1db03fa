//! `/api/sync/…`: idempotent push, refusals record by record, pages, limits, other accounts' records,
//! and concurrent writers on two server instances (a pull never misses a record).

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Browser, now, second_instance, setting, spawn_app, tombstone};

const PW: &str = "correct horse battery";

fn ids(records: &Value) -> Vec<String> {
    records.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn pushing_twice_stores_once_and_pull_pages_through_everything() {
    let app = spawn_app().await;
    let mut b = Browser::new(&app, "laptop");
    b.sign_up("ada", PW).await;
    let t = now();
    let batch: Vec<Value> = (0..7).map(|i| setting(&format!("r{i}"), "dark", t + i)).collect();
    for _ in 0..2 {
        let (status, pushed) = b.post("/api/sync/push", json!({"records": batch})).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(pushed["stored"].as_array().unwrap().len(), 7);
        assert_eq!(pushed["refused"], json!([]));
    }
    let (mut cursor, mut seen, mut pages) = (0, Vec::new(), 0);
    loop {
        let (status, page) = b.get(&format!("/api/sync/pull?after={cursor}&limit=3")).await;
        assert_eq!(status, StatusCode::OK);
        seen.extend(ids(&page["records"]));
        cursor = page["cursor"].as_i64().unwrap();
        pages += 1;
        if page["more"] == false {
            break;
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, (0..7).map(|i| format!("r{i}")).collect::<Vec<_>>(), "each once, in the order stored");
    let (_, after) = b.get(&format!("/api/sync/pull?after={cursor}")).await;
    assert_eq!((after["records"].clone(), after["cursor"].as_i64()), (json!([]), Some(cursor)));
    // A tombstone travels like any record.
    let (_, pushed) = b.post("/api/sync/push", json!({"records": [tombstone("d1", "r0")]})).await;
    assert_eq!(pushed["stored"], json!(["d1"]));
    let (_, page) = b.get(&format!("/api/sync/pull?after={cursor}")).await;
    assert_eq!(page["records"], json!([tombstone("d1", "r0")]));
    app.finish().await;
}

#[tokio::test]
async fn a_bad_record_is_refused_with_its_reason_and_the_rest_is_kept() {
    let app = spawn_app().await;
    let mut b = Browser::new(&app, "laptop");
    b.sign_up("ada", PW).await;
    let t = now();
    let batch = json!({"records": [
        setting("ok1", "dark", t),
        setting("future", "dark", t + 3 * 86_400_000),
        {"id": "no-body", "device": "dev1"},
        setting("bad id!", "dark", t),
        "not even an object",
        {"id": "big", "device": "dev1", "body": {"type": "setting", "key": "k", "value": "x".repeat(klava_wire::MAX_RECORD_BYTES), "hlc": {"ms": t, "counter": 0, "device": "dev1"}}},
        setting("ok2", "light", t),
        setting("ok1", "light", t),
    ]});
    let (status, pushed) = b.post("/api/sync/push", batch).await;
    assert_eq!(status, StatusCode::OK, "{pushed}");
    assert_eq!(pushed["stored"], json!(["ok1", "ok2"]));
    let refused: Vec<(u64, Value, String)> = pushed["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["index"].as_u64().unwrap(), r["id"].clone(), r["code"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        refused,
        [
            (1, json!("future"), "invalid".to_owned()),
            (2, json!("no-body"), "invalid".to_owned()),
            (3, json!("bad id!"), "invalid".to_owned()),
            (4, Value::Null, "invalid".to_owned()),
            (5, json!("big"), "too_large".to_owned()),
            (7, json!("ok1"), "id_taken".to_owned()),
        ]
    );
    let (_, page) = b.get("/api/sync/pull").await;
    assert_eq!(page["records"], json!([setting("ok1", "dark", t), setting("ok2", "light", t)]));
    app.finish().await;
}

#[tokio::test]
async fn oversized_and_malformed_pushes_get_json_errors_and_change_nothing() {
    let app = spawn_app().await;
    let mut b = Browser::new(&app, "laptop");
    b.sign_up("ada", PW).await;
    let t = now();
    let too_many: Vec<Value> = (0..=klava_wire::MAX_PUSH_RECORDS).map(|i| setting(&format!("m{i}"), "x", t)).collect();
    let (status, json) = b.post("/api/sync/push", json!({"records": too_many})).await;
    assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid")));
    let (status, json) = b.post("/api/sync/push", json!({"records": {"id": "x"}})).await;
    assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_request")));
    let huge = format!("{{\"records\": [\"{}\"]}}", "x".repeat(17 * 1024 * 1024));
    let (status, json) = b.send_body("POST", "/api/sync/push", Body::from(huge)).await;
    assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::PAYLOAD_TOO_LARGE, Some("too_large")));
    for bad in
        ["/api/sync/pull?after=-1", "/api/sync/pull?limit=0", "/api/sync/pull?limit=100000", "/api/sync/pull?after=x"]
    {
        let (status, json) = b.get(bad).await;
        assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_request")), "{bad}");
    }
    let (_, page) = b.get("/api/sync/pull").await;
    assert_eq!(page["records"], json!([]));
    app.finish().await;
}

#[tokio::test]
async fn sync_needs_a_session_and_never_shows_another_accounts_records() {
    let app = spawn_app().await;
    let t = now();
    let mut nobody = Browser::new(&app, "x");
    let (status, json) = nobody.post("/api/sync/push", json!({"records": [setting("n1", "dark", t)]})).await;
    assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("not_signed_in")));
    assert_eq!(nobody.get("/api/sync/pull").await.0, StatusCode::UNAUTHORIZED);
    nobody.cookie = Some("0".repeat(64));
    assert_eq!(nobody.get("/api/sync/pull").await.0, StatusCode::UNAUTHORIZED);

    let mut ada = Browser::new(&app, "ada");
    ada.sign_up("ada", PW).await;
    let mut bob = Browser::new(&app, "bob");
    bob.sign_up("bob", PW).await;
    // The same client id in two accounts: two records, each in its own account.
    assert_eq!(
        ada.post("/api/sync/push", json!({"records": [setting("same", "dark", t)]})).await.1["stored"],
        json!(["same"])
    );
    assert_eq!(
        bob.post("/api/sync/push", json!({"records": [setting("same", "light", t)]})).await.1["stored"],
        json!(["same"])
    );
    assert_eq!(ada.get("/api/sync/pull").await.1["records"], json!([setting("same", "dark", t)]));
    assert_eq!(bob.get("/api/sync/pull").await.1["records"], json!([setting("same", "light", t)]));
    app.finish().await;
}

/// Pushes on two server instances at once for one account, while a reader pulls incrementally from
/// both: every record reaches the reader exactly once, and the two instances agree on the result.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_pushes_on_two_instances_never_hide_a_record_from_a_pull() {
    const WRITERS: usize = 6;
    const BATCHES: usize = 8;
    const TOTAL: usize = WRITERS * BATCHES * 5;
    let app = spawn_app().await;
    let (second, second_db) = second_instance(&app).await;
    let mut first = Browser::new(&app, "laptop");
    first.sign_up("ada", PW).await;
    // The same account signed in, on each instance.
    let on = [first.clone(), Browser { router: second, ..first.clone() }];
    let t = now();
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let mut b = on[w % 2].clone();
            tokio::spawn(async move {
                for k in 0..BATCHES {
                    let records: Vec<Value> = (0..5).map(|i| setting(&format!("w{w}-{k}-{i}"), "x", t)).collect();
                    let (status, json) = b.post("/api/sync/push", json!({"records": records})).await;
                    assert_eq!(status, StatusCode::OK, "{json}");
                    assert_eq!(json["stored"].as_array().unwrap().len(), 5, "{json}");
                }
            })
        })
        .collect();
    let reader = {
        let mut on = on.clone();
        tokio::spawn(async move {
            let (mut cursor, mut seen, mut turn) = (0_i64, Vec::<String>::new(), 0);
            while seen.len() < TOTAL {
                let (status, page) = on[turn % 2].get(&format!("/api/sync/pull?after={cursor}&limit=7")).await;
                assert_eq!(status, StatusCode::OK);
                seen.extend(ids(&page["records"]));
                cursor = page["cursor"].as_i64().unwrap();
                turn += 1;
                tokio::task::yield_now().await;
            }
            seen
        })
    };
    for w in writers {
        w.await.unwrap();
    }
    let seen =
        tokio::time::timeout(std::time::Duration::from_secs(60), reader).await.expect("the reader caught up").unwrap();
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no record reached the reader twice");
    assert_eq!(unique.len(), TOTAL, "every record reached the reader");
    let [mut a, mut b] = on;
    assert_eq!(
        a.get("/api/sync/pull?limit=500").await,
        b.get("/api/sync/pull?limit=500").await,
        "both instances agree"
    );
    second_db.close().await;
    app.finish().await;
}
