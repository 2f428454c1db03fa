//! [`Body`]: axum's JSON extractor with its refusals as the API's JSON errors (a plain-text 4xx from
//! axum would break the one error format).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON request body of type `T`.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(Self(v)),
            Err(JsonRejection::BytesRejection(e)) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError::TooLarge)
            }
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(ApiError::BadRequest("send the body as JSON (Content-Type: application/json)".into()))
            }
            Err(e) => Err(ApiError::BadRequest(format!("the body is not what this endpoint takes: {}", e.body_text()))),
        }
    }
}
