//! `GET /api/openapi.json`: the API described by the code (utoipa, from the handlers' annotations and the
//! wire types), so the document cannot drift from what the server does; schemathesis tests the server
//! against it.

use std::sync::LazyLock;

use axum::http::header;
use axum::response::IntoResponse;
use klava_wire::ErrorBody;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{IntoParams, IntoResponses, Modify, OpenApi};

use super::{account, export, health, sync};

/// Every error answer the API gives: the body is always [`ErrorBody`], its `code` says which.
#[derive(IntoResponses)]
#[allow(dead_code)] // only described, never built: the handlers answer `ApiError`
pub enum Errors {
    /// `bad_request`: the body or query is not what the endpoint takes.
    #[response(status = 400)]
    BadRequest(ErrorBody),
    /// `not_signed_in` (no valid session) or `wrong_credentials` (sign-in, recovery).
    #[response(status = 401)]
    Unauthorized(ErrorBody),
    /// `cross_site` (no `x-klava-client` header, or another origin) or `wrong_password`.
    #[response(status = 403)]
    Forbidden(ErrorBody),
    /// `no_such_device`.
    #[response(status = 404)]
    NotFound(ErrorBody),
    /// `login_taken`.
    #[response(status = 409)]
    Conflict(ErrorBody),
    /// `too_large`: the body is over the endpoint's limit.
    #[response(status = 413)]
    TooLarge(ErrorBody),
    /// `invalid`: a login, password or batch that breaks the rules (the message says which).
    #[response(status = 422)]
    Invalid(ErrorBody),
    /// `too_many_attempts`: sign-up, sign-in or recovery attempts over the limit; retry after the header's
    /// seconds.
    #[response(status = 429, headers(("retry-after" = u64, description = "Seconds to wait")))]
    TooManyAttempts(ErrorBody),
    /// `storage_unavailable`, `read_only` or `timeout`: nothing was changed; try again later.
    #[response(status = 503)]
    Unavailable(ErrorBody),
    /// `storage_full`: nothing was changed.
    #[response(status = 507)]
    StorageFull(ErrorBody),
}

/// The anti-forgery header every state-changing request carries.
#[derive(serde::Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)] // only described: `same_site_only` checks the header
pub struct ClientHeader {
    /// Any value; a cross-site form cannot set it.
    #[serde(rename = "x-klava-client")]
    x_klava_client: String,
}

/// The session cookie as a security scheme.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                klava_wire::SESSION_COOKIE,
                "Set by sign-up, sign-in and recovery; HttpOnly, Secure, SameSite=Lax",
            ))),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Klava sync API",
        description = "Accounts and record sync for Klava. Every request that changes something carries the \
                       `x-klava-client` header (any value). Errors are `{\"error\": {\"code\", \"message\"}}`."
    ),
    paths(
        health::health, health::live, health::ready,
        account::sign_up, account::sign_in, account::sign_out, account::sign_out_all, account::me,
        account::devices, account::sign_out_device, account::change_password, account::recover,
        export::export, account::delete,
        sync::push, sync::pull,
    ),
    components(schemas(ErrorBody, klava_wire::ErrorDetail)),
    modifiers(&SessionCookie)
)]
struct ApiDoc;

/// The document as JSON, built once.
pub fn document() -> &'static str {
    static DOC: LazyLock<String> =
        LazyLock::new(|| ApiDoc::openapi().to_pretty_json().expect("the OpenAPI document serialises"));
    &DOC
}

/// `GET /api/openapi.json`.
pub async fn serve() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], document())
}
