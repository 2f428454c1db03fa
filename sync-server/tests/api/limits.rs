//! Rate limits on sign-up, sign-in and recovery: brute force from one address, or on one login from many,
//! is slowed; other addresses and accounts are not.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use serde_json::json;

use crate::helpers::{Browser, body_json, header, spawn_app_with};

const PW: &str = "correct horse battery";

#[tokio::test]
async fn brute_force_is_slowed_per_address_and_per_login() {
    let app = spawn_app_with(|c| (c.attempts_per_ip, c.attempts_per_login) = (5, 3)).await;
    let mut ada = Browser::new(&app, "ada's laptop").at_ip([10, 0, 0, 1]);
    ada.sign_up("ada", PW).await;
    let mut attacker = Browser::new(&app, "curl").at_ip([10, 0, 0, 2]);
    let guess = |password: &str| json!({"login": "ada", "password": password});
    for n in 0..3 {
        let (status, _) = attacker.post("/api/account/signin", guess(&format!("guess number {n}"))).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    // The login's budget is spent: even the right password is refused, from any address.
    let (status, body) = attacker.post("/api/account/signin", guess(PW)).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::TOO_MANY_REQUESTS, Some("too_many_attempts")));
    assert!(attacker.cookie.is_none());
    let mut other = Browser::new(&app, "phone").at_ip([10, 0, 0, 3]);
    assert_eq!(other.post("/api/account/signin", guess(PW)).await.0, StatusCode::TOO_MANY_REQUESTS);
    // The session ada already has keeps working.
    assert_eq!(ada.get("/api/account").await.0, StatusCode::OK);

    // The attacker's address has one attempt left, on another login; then nothing from it is tried.
    let bob = json!({"login": "bob", "password": PW});
    assert_eq!(attacker.post("/api/account/signin", bob.clone()).await.0, StatusCode::UNAUTHORIZED);
    let mut req = Request::post("/api/account/signin")
        .header(klava_wire::CLIENT_HEADER, "1")
        .header("content-type", "application/json")
        .body(Body::from(bob.to_string()))
        .unwrap();
    req.extensions_mut().insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 2], 1))));
    let res = app.request(req).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = header(&res, "retry-after").parse().expect("a Retry-After in seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    let message = body_json(res).await["error"]["message"].as_str().unwrap().to_owned();
    assert!(message.contains(&format!("wait {wait} s")), "{message}");
    let recover = json!({"login": "bob", "recovery_code": "x", "new_password": PW});
    assert_eq!(attacker.post("/api/account/recover", recover).await.0, StatusCode::TOO_MANY_REQUESTS);
    let vera = json!({"login": "vera", "password": PW});
    assert_eq!(attacker.post("/api/account/signup", vera.clone()).await.0, StatusCode::TOO_MANY_REQUESTS);

    // Another address signs up and in as usual.
    let mut vera_b = Browser::new(&app, "vera").at_ip([10, 0, 0, 4]);
    assert_eq!(vera_b.post("/api/account/signup", vera.clone()).await.0, StatusCode::CREATED);
    assert_eq!(vera_b.post("/api/account/signin", vera).await.0, StatusCode::OK);
    app.finish().await;
}

#[tokio::test]
async fn recovery_codes_cannot_be_guessed_faster_than_the_login_budget() {
    let app = spawn_app_with(|c| (c.attempts_per_ip, c.attempts_per_login) = (0, 2)).await;
    let codes = Browser::new(&app, "x").sign_up("ada", PW).await;
    let try_code = |code: &str| json!({"login": "ada", "recovery_code": code, "new_password": "a new password 1"});
    for ip in [[10, 1, 0, 1], [10, 1, 0, 2]] {
        let mut b = Browser::new(&app, "guesser").at_ip(ip);
        assert_eq!(b.post("/api/account/recover", try_code("AAAA-BBBB-CCCC")).await.0, StatusCode::UNAUTHORIZED);
    }
    let mut b = Browser::new(&app, "guesser").at_ip([10, 1, 0, 3]);
    assert_eq!(b.post("/api/account/recover", try_code(&codes[0])).await.0, StatusCode::TOO_MANY_REQUESTS);
    // The code was not used up by the refused attempt.
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes").fetch_one(app.db.pool()).await.unwrap();
    assert_eq!(rows, i64::try_from(codes.len()).unwrap());
    app.finish().await;
}

#[tokio::test]
async fn a_stolen_cookie_cannot_guess_the_password_faster_than_a_sign_in() {
    let app = spawn_app_with(|c| (c.attempts_per_ip, c.attempts_per_login) = (0, 3)).await;
    let mut thief = Browser::new(&app, "thief");
    thief.sign_up("ada", PW).await;
    for n in 0..3 {
        let (status, _) = thief.post("/api/account/delete", json!({"password": format!("guess {n}")})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let change = json!({"current_password": PW, "new_password": "the thief's password"});
    assert_eq!(thief.post("/api/account/password", change).await.0, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(thief.post("/api/account/delete", json!({"password": PW})).await.0, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(thief.get("/api/account").await.0, StatusCode::OK, "the account is still there");
    app.finish().await;
}
