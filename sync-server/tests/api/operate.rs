//! Operating the server: request ids, liveness and readiness, metrics, the request time limit, and a
//! database that is full, read-only, locked or dropped mid-request (a clear JSON error, nothing lost).

use std::time::Duration;

use axum::http::StatusCode;
use klava_sync_server::Db;
use klava_sync_server::db::Backend;
use serde_json::json;
use sqlx::AnyPool;

use crate::helpers::{Browser, body_bytes, header, now, setting, spawn_app, spawn_app_with};

const PW: &str = "correct horse battery";

#[tokio::test]
async fn every_answer_carries_a_request_id_and_a_good_one_sent_is_kept() {
    let app = spawn_app().await;
    let a = app.get("/api/health", &[]).await;
    let b = app.get("/", &[]).await;
    assert_eq!(header(&a, "x-request-id").len(), 16);
    assert_ne!(header(&a, "x-request-id"), header(&b, "x-request-id"));
    let kept = app.get("/api/nowhere", &[("x-request-id", "lb-7f3a")]).await;
    assert_eq!(header(&kept, "x-request-id"), "lb-7f3a");
    let long = "x".repeat(65);
    let replaced = app.get("/api/health", &[("x-request-id", &long)]).await;
    assert_eq!(header(&replaced, "x-request-id").len(), 16);
    app.finish().await;
}

#[tokio::test]
async fn liveness_does_not_depend_on_the_database_and_readiness_does() {
    let app = spawn_app().await;
    assert_eq!(app.get("/api/health/live", &[]).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/health/ready", &[]).await.status(), StatusCode::NO_CONTENT);
    app.db.close().await;
    assert_eq!(app.get("/api/health/live", &[]).await.status(), StatusCode::NO_CONTENT);
    let res = app.get("/api/health/ready", &[]).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = serde_json::from_slice(&body_bytes(res).await).unwrap();
    assert_eq!(body["database"]["status"], "unavailable");
    app.finish().await;
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_records_by_outcome() {
    let app = spawn_app().await;
    let mut b = Browser::new(&app, "laptop");
    b.sign_up("ada", PW).await;
    let t = now();
    let batch = json!({"records": [setting("m1", "dark", t - 90_000), setting("m2", "dark", t), {"id": "bad"}]});
    let (status, pushed) = b.post("/api/sync/push", batch).await;
    assert_eq!((status, pushed["stored"].as_array().unwrap().len()), (StatusCode::OK, 2));
    b.send("DELETE", "/api/account/devices/0123456789abcdef", None).await;
    let res = app.get("/metrics", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(header(&res, "content-type").starts_with("text/plain"));
    let text = String::from_utf8(body_bytes(res).await).unwrap();
    // Several tests share the process's registry: look for lines, not exact counts.
    let has = |needle: &str| text.lines().any(|l| l.starts_with(needle));
    assert!(has(r#"klava_http_requests_total{method="POST",route="/api/account/signup",status="201"}"#), "{text}");
    assert!(has(r#"klava_http_requests_total{method="DELETE",route="/api/account/devices/{id}",status="404"}"#));
    assert!(has(r#"klava_http_request_duration_seconds_bucket{method="POST",route="/api/sync/push",le="0.05"}"#));
    assert!(has(r#"klava_records_pushed_total{outcome="refused"}"#));
    assert!(has("klava_sync_lag_seconds_count"));
    // The gauges are this database's counts (only this test scrapes).
    let line = |l: &str| text.lines().any(|x| x == l);
    assert!(line("klava_records_stored 2"), "{text}");
    assert!(line("klava_accounts 1"));
    assert!(line("klava_database_up 1"));
    app.finish().await;
}

/// Holds the user row's lock (PostgreSQL) or the database's write lock (SQLite) in a transaction.
async fn lock_writes(pool: &AnyPool) -> sqlx::Transaction<'static, sqlx::Any> {
    let mut tx = pool.begin().await.unwrap();
    sqlx::query("UPDATE users SET next_seq = next_seq").execute(&mut *tx).await.unwrap();
    tx
}

#[tokio::test]
async fn a_request_over_the_time_limit_is_answered_503_and_changes_nothing() {
    let app = spawn_app_with(|c| c.request_timeout_s = 1).await;
    let mut b = Browser::new(&app, "laptop");
    b.sign_up("ada", PW).await;
    let lock = lock_writes(app.db.pool()).await;
    let started = std::time::Instant::now();
    let (status, body) = b.post("/api/sync/push", json!({"records": [setting("t1", "dark", now())]})).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::SERVICE_UNAVAILABLE, Some("timeout")));
    assert!(started.elapsed() < Duration::from_secs(4), "{:?}", started.elapsed());
    lock.rollback().await.unwrap();
    assert_eq!(b.get("/api/sync/pull").await.1["records"], json!([]));
    let (status, _) = b.post("/api/sync/push", json!({"records": [setting("t1", "dark", now())]})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(b.get("/api/sync/pull").await.1["records"].as_array().unwrap().len(), 1);
    app.finish().await;
}

/// Runs `sql` on every connection the server's pools can open (held all at once, so each is a different
/// one).
async fn on_every_connection(db: &Db, sql: &str) {
    let mut held = Vec::new();
    for pool in db.pools() {
        for _ in 0..pool.options().get_max_connections() {
            let mut conn = pool.acquire().await.unwrap();
            sqlx::raw_sql(sql).execute(&mut *conn).await.unwrap();
            held.push(conn);
        }
    }
}

#[tokio::test]
async fn a_read_only_database_refuses_writes_clearly_and_keeps_serving_reads() {
    let app = spawn_app().await;
    let mut b = Browser::new(&app, "laptop");
    b.sign_up("ada", PW).await;
    b.post("/api/sync/push", json!({"records": [setting("r1", "dark", now())]})).await;
    let read_only = match app.backend {
        Backend::Sqlite => "PRAGMA query_only = ON",
        Backend::Postgres => "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
    };
    on_every_connection(&app.db, read_only).await;
    let (status, body) = b.post("/api/sync/push", json!({"records": [setting("r2", "dark", now())]})).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::SERVICE_UNAVAILABLE, Some("read_only")));
    assert!(body["error"]["message"].as_str().unwrap().contains("nothing was changed"));
    let (status, pulled) = b.get("/api/sync/pull").await;
    assert_eq!((status, pulled["records"].as_array().unwrap().len()), (StatusCode::OK, 1));
    assert_eq!(
        Browser::new(&app, "phone").post("/api/account/signup", json!({"login": "bob", "password": PW})).await.0,
        StatusCode::SERVICE_UNAVAILABLE
    );
    app.finish().await;
}

#[tokio::test]
async fn a_full_database_refuses_writes_with_507_and_loses_nothing() {
    let app = spawn_app().await;
    if app.backend != Backend::Sqlite {
        // A full disk cannot be made on a shared PostgreSQL server; the SQLSTATE mapping is the same code path.
        return app.finish().await;
    }
    let mut b = Browser::new(&app, "laptop");
    b.sign_up("ada", PW).await;
    b.post("/api/sync/push", json!({"records": [setting("f1", "dark", now())]})).await;
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count").fetch_one(app.db.pool()).await.unwrap();
    on_every_connection(&app.db, &format!("PRAGMA max_page_count = {pages}")).await;
    let big: Vec<_> = (0..200).map(|i| setting(&format!("big{i}"), &"x".repeat(2000), now())).collect();
    let (status, body) = b.post("/api/sync/push", json!({"records": big})).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::INSUFFICIENT_STORAGE, Some("storage_full")));
    // Nothing of the failed push is stored; what was stored is intact; reads go on.
    let (_, pulled) = b.get("/api/sync/pull").await;
    assert_eq!(pulled["records"].as_array().unwrap().len(), 1);
    on_every_connection(&app.db, "PRAGMA max_page_count = 1073741823").await;
    let (status, pushed) = b.post("/api/sync/push", json!({"records": big})).await;
    assert_eq!((status, pushed["stored"].as_array().unwrap().len()), (StatusCode::OK, 200));
    app.finish().await;
}

#[tokio::test]
async fn a_postgresql_connection_dropped_mid_request_is_a_503_and_the_next_request_works() {
    let app = spawn_app().await;
    if app.backend != Backend::Postgres {
        return app.finish().await;
    }
    let mut b = Browser::new(&app, "laptop");
    b.sign_up("ada", PW).await;
    let mut lock = lock_writes(app.db.pool()).await;
    let mut pusher = b.clone();
    let push =
        tokio::spawn(
            async move { pusher.post("/api/sync/push", json!({"records": [setting("p1", "dark", now())]})).await },
        );
    tokio::time::sleep(Duration::from_millis(300)).await;
    // What a server restart looks like to the pool: every other backend of this database goes away.
    sqlx::query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .execute(&mut *lock)
    .await
    .unwrap();
    let (status, body) = push.await.unwrap();
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("storage_unavailable"))
    );
    lock.rollback().await.unwrap();
    // The pool reconnects; nothing half-written; the push goes through when retried.
    assert_eq!(b.get("/api/sync/pull").await.1["records"], json!([]));
    let (status, _) = b.post("/api/sync/push", json!({"records": [setting("p1", "dark", now())]})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(b.get("/api/sync/pull").await.1["records"].as_array().unwrap().len(), 1);
    app.finish().await;
}
