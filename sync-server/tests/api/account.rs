//! `/api/account/…`: accounts, sessions, devices, passwords, recovery, export and deletion, and the
//! attacks on them (another account's data, a stolen cookie after sign-out, cross-site requests).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::json;
use sqlx::Row;

use crate::helpers::{Browser, body_json, now, setting, spawn_app};

const PW: &str = "correct horse battery";

#[tokio::test]
async fn sign_up_gives_a_secure_cookie_and_recovery_codes_and_stores_only_hashes() {
    let app = spawn_app().await;
    let res = app
        .request(
            Request::post("/api/account/signup")
                .header("content-type", "application/json")
                .header(klava_wire::CLIENT_HEADER, "1")
                .body(Body::from(json!({"login": " Ada@Example.org ", "password": PW}).to_string()))
                .unwrap(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    for part in ["klava_session=", "HttpOnly", "Secure", "SameSite=Lax", "Path=/api", "Max-Age="] {
        assert!(cookie.contains(part), "{cookie}");
    }
    let json = body_json(res).await;
    assert_eq!(json["account"]["login"], "Ada@Example.org");
    let codes: Vec<String> = serde_json::from_value(json["recovery_codes"].clone()).unwrap();
    assert_eq!(codes.len(), klava_wire::RECOVERY_CODES);

    let pool = app.db.pool();
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users").fetch_one(pool).await.unwrap();
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
    assert!(!hash.contains(PW));
    let stored: Vec<String> = sqlx::query_scalar("SELECT code_hash FROM recovery_codes").fetch_all(pool).await.unwrap();
    assert_eq!(stored.len(), codes.len());
    assert!(codes.iter().all(|c| !stored.iter().any(|s| s.contains(&c.replace('-', "")))), "codes are stored hashed");
    let token = cookie.split(';').next().unwrap().split_once('=').unwrap().1;
    let sessions: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions").fetch_all(pool).await.unwrap();
    assert_eq!(sessions.len(), 1);
    assert_ne!(sessions[0], token, "the session token is stored hashed");
    app.finish().await;
}

#[tokio::test]
async fn logins_are_unique_without_regard_to_case_and_may_be_any_script() {
    let app = spawn_app().await;
    let mut a = Browser::new(&app, "laptop");
    a.sign_up("Ёжик", PW).await;
    let mut b = Browser::new(&app, "phone");
    let (status, json) = b.post("/api/account/signup", json!({"login": "ёЖИК", "password": PW})).await;
    assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::CONFLICT, Some("login_taken")));
    let (status, json) = b.post("/api/account/signin", json!({"login": "ёжик", "password": PW})).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["login"], "Ёжик");
    app.finish().await;
}

#[tokio::test]
async fn bad_sign_ups_and_bad_bodies_get_clear_json_errors() {
    let app = spawn_app().await;
    let mut b = Browser::new(&app, "x");
    for (body, code) in [
        (json!({"login": "ada", "password": "short"}), "invalid"),
        (json!({"login": "   ", "password": PW}), "invalid"),
        (json!({"login": "a\u{7}b", "password": PW}), "invalid"),
        (json!({"login": "x".repeat(255), "password": PW}), "invalid"),
        (json!({"login": "ada", "password": "x".repeat(1025)}), "invalid"),
        (json!({"login": 5, "password": PW}), "bad_request"),
        (json!({"password": PW}), "bad_request"),
    ] {
        let (status, json) = b.post("/api/account/signup", body.clone()).await;
        assert!(status.is_client_error(), "{body}: {status}");
        assert_eq!(json["error"]["code"], code, "{body}: {json}");
        assert!(!json["error"]["message"].as_str().unwrap().is_empty());
    }
    let (status, json) = b.send_body("POST", "/api/account/signin", Body::from("{\"login\": \"ada\", ")).await;
    assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_request")));
    app.finish().await;
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_login_get_the_same_answer() {
    let app = spawn_app().await;
    Browser::new(&app, "x").sign_up("ada", PW).await;
    let mut b = Browser::new(&app, "y");
    let wrong = b.post("/api/account/signin", json!({"login": "ada", "password": "wrong password"})).await;
    let unknown = b.post("/api/account/signin", json!({"login": "bob", "password": "wrong password"})).await;
    assert_eq!(wrong.0, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong, unknown);
    assert!(b.cookie.is_none());
    assert_eq!(b.get("/api/account").await.0, StatusCode::UNAUTHORIZED);
    app.finish().await;
}

#[tokio::test]
async fn a_cookie_stops_working_at_sign_out_even_if_it_was_stolen() {
    let app = spawn_app().await;
    let mut me = Browser::new(&app, "laptop");
    me.sign_up("ada", PW).await;
    let mut thief = Browser::new(&app, "elsewhere");
    thief.cookie.clone_from(&me.cookie);
    assert_eq!(thief.get("/api/account").await.0, StatusCode::OK);
    let (status, _) = me.send("POST", "/api/account/signout", None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(me.cookie.is_none(), "the cookie is cleared");
    let (status, json) = thief.get("/api/account").await;
    assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("not_signed_in")));
    app.finish().await;
}

#[tokio::test]
async fn devices_are_listed_and_can_be_signed_out_one_by_one_or_all_at_once() {
    let app = spawn_app().await;
    let mut laptop = Browser::new(&app, "Laptop browser");
    laptop.sign_up("ada", PW).await;
    let mut phone = Browser::new(&app, "Phone browser");
    assert_eq!(phone.post("/api/account/signin", json!({"login": "ada", "password": PW})).await.0, StatusCode::OK);
    let mut tablet = Browser::new(&app, "Tablet browser");
    assert_eq!(tablet.post("/api/account/signin", json!({"login": "ada", "password": PW})).await.0, StatusCode::OK);

    let (_, devices) = laptop.get("/api/account/devices").await;
    let devices = devices.as_array().unwrap().clone();
    assert_eq!(devices.len(), 3);
    let current: Vec<_> = devices.iter().filter(|d| d["current"] == true).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0]["user_agent"], "Laptop browser");
    let phone_id =
        devices.iter().find(|d| d["user_agent"] == "Phone browser").unwrap()["id"].as_str().unwrap().to_owned();

    assert_eq!(
        laptop.send("DELETE", &format!("/api/account/devices/{phone_id}"), None).await.0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(phone.get("/api/account").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(tablet.get("/api/account").await.0, StatusCode::OK);
    let (status, json) = laptop.send("DELETE", &format!("/api/account/devices/{phone_id}"), None).await;
    assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::NOT_FOUND, Some("no_such_device")));

    assert_eq!(tablet.send("POST", "/api/account/signout-all", None).await.0, StatusCode::NO_CONTENT);
    assert_eq!(laptop.get("/api/account").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(tablet.get("/api/account").await.0, StatusCode::UNAUTHORIZED);
    app.finish().await;
}

#[tokio::test]
async fn changing_the_password_needs_the_old_one_and_signs_out_the_other_devices() {
    let app = spawn_app().await;
    let mut laptop = Browser::new(&app, "laptop");
    laptop.sign_up("ada", PW).await;
    let mut phone = Browser::new(&app, "phone");
    phone.post("/api/account/signin", json!({"login": "ada", "password": PW})).await;
    let (status, json) = laptop
        .post("/api/account/password", json!({"current_password": "not it at all", "new_password": "new password 1"}))
        .await;
    assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::FORBIDDEN, Some("wrong_password")));
    let (status, _) =
        laptop.post("/api/account/password", json!({"current_password": PW, "new_password": "new password 1"})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(laptop.get("/api/account").await.0, StatusCode::OK);
    assert_eq!(phone.get("/api/account").await.0, StatusCode::UNAUTHORIZED);
    let mut again = Browser::new(&app, "again");
    assert_eq!(
        again.post("/api/account/signin", json!({"login": "ada", "password": PW})).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        again.post("/api/account/signin", json!({"login": "ada", "password": "new password 1"})).await.0,
        StatusCode::OK
    );
    app.finish().await;
}

#[tokio::test]
async fn a_recovery_code_resets_the_password_once() {
    let app = spawn_app().await;
    let mut laptop = Browser::new(&app, "laptop");
    let codes = laptop.sign_up("ada", PW).await;
    let mut me = Browser::new(&app, "new phone");
    let wrong = json!({"login": "ada", "recovery_code": "AAAA-BBBB-CCCC-DDDD", "new_password": "brand new pass"});
    assert_eq!(me.post("/api/account/recover", wrong).await.0, StatusCode::UNAUTHORIZED);
    // Typed back by hand: lower case, spaces for dashes.
    let typed = codes[3].to_lowercase().replace('-', " ");
    let (status, json) = me
        .post("/api/account/recover", json!({"login": "ADA", "recovery_code": typed, "new_password": "brand new pass"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["recovery_codes_left"], klava_wire::RECOVERY_CODES - 1);
    assert_eq!(me.get("/api/account").await.0, StatusCode::OK, "signed in by the recovery");
    assert_eq!(laptop.get("/api/account").await.0, StatusCode::UNAUTHORIZED, "every other device is signed out");
    let reuse = json!({"login": "ada", "recovery_code": codes[3], "new_password": "another pass 2"});
    assert_eq!(Browser::new(&app, "z").post("/api/account/recover", reuse).await.0, StatusCode::UNAUTHORIZED);
    let mut check = Browser::new(&app, "check");
    assert_eq!(
        check.post("/api/account/signin", json!({"login": "ada", "password": "brand new pass"})).await.0,
        StatusCode::OK
    );
    app.finish().await;
}

#[tokio::test]
async fn cross_site_requests_are_refused() {
    let app = spawn_app().await;
    let body = json!({"login": "ada", "password": PW}).to_string();
    let post = |headers: &[(&str, &str)]| {
        let mut r = Request::post("/api/account/signup")
            .header("content-type", "application/json")
            .header("host", "klava.test");
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        r.body(Body::from(body.clone())).unwrap()
    };
    for headers in [
        vec![],
        vec![("origin", "https://klava.test")],
        vec![(klava_wire::CLIENT_HEADER, "1"), ("origin", "https://evil.example")],
        vec![(klava_wire::CLIENT_HEADER, "1"), ("origin", "null")],
    ] {
        let res = app.request(post(&headers)).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{headers:?}");
        assert_eq!(body_json(res).await["error"]["code"], "cross_site");
    }
    let res = app.request(post(&[(klava_wire::CLIENT_HEADER, "1"), ("origin", "https://klava.test")])).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    app.finish().await;
}

#[tokio::test]
async fn export_holds_everything_and_deletion_removes_everything_of_that_account_only() {
    let app = spawn_app().await;
    let mut ada = Browser::new(&app, "ada's laptop");
    ada.sign_up("ada", PW).await;
    let mut bob = Browser::new(&app, "bob's phone");
    bob.sign_up("bob", PW).await;
    let t = now();
    let (_, pushed) =
        ada.post("/api/sync/push", json!({"records": [setting("a1", "dark", t), setting("a2", "light", t)]})).await;
    assert_eq!(pushed["stored"], json!(["a1", "a2"]));
    bob.post("/api/sync/push", json!({"records": [setting("b1", "dark", t)]})).await;

    let (status, export) = ada.get("/api/account/export").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(export["account"]["login"], "ada");
    assert_eq!(export["records"].as_array().unwrap().len(), 2);
    assert_eq!(export["records"][0], setting("a1", "dark", t));
    assert_eq!(export["devices"].as_array().unwrap().len(), 1);
    assert_eq!(export["recovery_codes_left"], klava_wire::RECOVERY_CODES);

    let (status, json) = ada.post("/api/account/delete", json!({"password": "not my password"})).await;
    assert_eq!((status, json["error"]["code"].as_str()), (StatusCode::FORBIDDEN, Some("wrong_password")));
    assert_eq!(ada.post("/api/account/delete", json!({"password": PW})).await.0, StatusCode::NO_CONTENT);
    assert_eq!(ada.get("/api/account").await.0, StatusCode::UNAUTHORIZED);

    let pool = app.db.pool();
    let users: Vec<String> = sqlx::query_scalar("SELECT login FROM users").fetch_all(pool).await.unwrap();
    assert_eq!(users, ["bob"]);
    let bob_id: i64 = sqlx::query_scalar("SELECT id FROM users").fetch_one(pool).await.unwrap();
    for table in ["records", "sessions", "recovery_codes"] {
        let others: i64 = sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table} WHERE user_id <> $1"))
            .bind(bob_id)
            .fetch_one(pool)
            .await
            .unwrap()
            .get("n");
        assert_eq!(others, 0, "nothing of the deleted account is left in {table}");
    }
    let (_, bobs) = bob.get("/api/sync/pull").await;
    assert_eq!(bobs["records"], json!([setting("b1", "dark", t)]));
    let mut again = Browser::new(&app, "x");
    assert_eq!(
        again.post("/api/account/signin", json!({"login": "ada", "password": PW})).await.0,
        StatusCode::UNAUTHORIZED
    );
    app.finish().await;
}
