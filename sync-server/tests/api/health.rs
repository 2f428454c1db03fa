//! `GET /api/health`, the JSON errors of the API, and its OpenAPI document.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::helpers::{body_bytes, body_json, header, spawn_app};

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

#[tokio::test]
async fn the_openapi_document_describes_every_route_the_server_has() {
    let app = spawn_app().await;
    let res = app.get("/api/openapi.json", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let doc = body_json(res).await;
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["components"]["securitySchemes"]["session"]["in"], "cookie");
    let paths = doc["paths"].as_object().unwrap();
    let mut documented = 0;
    for (path, ops) in paths {
        for method in ops.as_object().unwrap().keys().filter(|m| *m != "parameters") {
            documented += 1;
            // Each documented operation is routed: not the API's 404 for unknown paths, nor a 405.
            let uri = path.replace("{id}", "0123456789abcdef");
            let req = Request::builder().method(method.to_uppercase().as_str()).uri(&uri).body(Body::empty()).unwrap();
            let res = app.request(req).await;
            let body: serde_json::Value = serde_json::from_slice(&body_bytes(res).await).unwrap_or_default();
            let code = body["error"]["code"].clone();
            assert!(code != "not_found" && code != "method_not_allowed", "{method} {path} is documented, not routed");
            // Every account and sync operation lists the shared errors with their JSON body.
            let op = &ops[method.as_str()];
            assert!(
                path.starts_with("/api/health") || op["responses"]["503"]["content"]["application/json"].is_object(),
                "{method} {path}"
            );
        }
    }
    // Every route in `routes::router()` but `/api/openapi.json` itself (counted by hand: axum cannot list
    // its routes).
    assert_eq!(documented, 16);
    app.finish().await;
}
