//! `GET /api/health` and the JSON errors of the API.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::helpers::{body_json, header, spawn_app};

#[tokio::test]
async fn health_reports_version_and_a_migrated_database() {
    let app = spawn_app().await;
    let res = app.get("/api/health", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(header(&res, "content-type").starts_with("application/json"));
    let json = body_json(res).await;
    assert_eq!(json["status"], "ok");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["database"]["status"], "ok");
    assert_eq!(json["database"]["schema_version"], 2);
    let backend = serde_json::to_value(app.backend).unwrap();
    assert_eq!(json["database"]["backend"], backend);
    app.finish().await;
}

#[tokio::test]
async fn health_is_degraded_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.db.close().await;
    let res = app.get("/api/health", &[]).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let json = body_json(res).await;
    assert_eq!(json["status"], "degraded");
    assert_eq!(json["database"]["status"], "unavailable");
    app.finish().await;
}

#[tokio::test]
async fn unknown_api_paths_answer_json_404_naming_the_path() {
    let app = spawn_app().await;
    for path in ["/api/nope", "/api/", "/api", "/api/health/extra"] {
        let res = app.get(path, &[]).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(header(&res, "content-type").starts_with("application/json"), "{path}");
        let json = body_json(res).await;
        assert_eq!(json["error"]["code"], "not_found");
        assert_eq!(json["error"]["message"], format!("no API endpoint at {path}"));
    }
    app.finish().await;
}

#[tokio::test]
async fn a_wrong_method_answers_json_405() {
    let app = spawn_app().await;
    let req = Request::post("/api/health").body(Body::from("{}")).unwrap();
    let res = app.request(req).await;
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body_json(res).await["error"]["code"], "method_not_allowed");
    app.finish().await;
}
