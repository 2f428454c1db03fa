//! `/api/account/…`: sign up, sign in and out, devices, password change and recovery, export and deletion.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use klava_wire::{
    Account, ChangePassword, Credentials, DeleteAccount, Device, RECOVERY_CODES, Recover, Recovered, SignedUp,
};

use super::json::Body;
use super::openapi::{ClientHeader, Errors};
use crate::auth::accounts::{self, NewSession};
use crate::auth::session::{SESSION_TTL_MS, cookie_headers};
use crate::auth::{Authed, Client, password, secret};
use crate::error::ApiError;
use crate::{AppState, now_ms};

/// Opens a session for `user` on this device; the token for its cookie.
async fn open_session<'c>(
    db: impl sqlx::Executor<'c, Database = sqlx::Any>,
    user: i64,
    client: &Client,
) -> Result<String, sqlx::Error> {
    let token = secret::token();
    let now = now_ms();
    let session = NewSession {
        user,
        token_hash: &secret::digest(&token),
        public_id: &secret::hex(&secret::random_bytes::<8>()),
        user_agent: &client.user_agent,
        now,
        expires: now + SESSION_TTL_MS,
    };
    accounts::create_session(db, session).await?;
    Ok(token)
}

/// `POST /api/account/signup`: 201 with the recovery codes (shown once) and a session cookie.
#[utoipa::path(post, path = "/api/account/signup", tag = "account", params(ClientHeader), request_body = Credentials,
    responses((status = 201, body = SignedUp, headers(("set-cookie" = String, description = "The session cookie"))), Errors))]
pub async fn sign_up(
    State(state): State<AppState>,
    client: Client,
    Body(c): Body<Credentials>,
) -> Result<Response, ApiError> {
    state.limiter.attempt(client.ip, "")?;
    let (login, shown) = accounts::check_login(&c.login)?;
    accounts::check_password(&c.password)?;
    let hash = password::hash(c.password).await;
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| secret::recovery_code()).collect();
    let hashes: Vec<String> = codes.iter().map(|c| secret::digest(&secret::normalise_code(c))).collect();
    let now = now_ms();
    let mut tx = state.db.writer().begin().await?;
    let Some(user) = accounts::create_user(&mut *tx, (&login, &shown), &hash, now).await? else {
        return Err(ApiError::LoginTaken);
    };
    accounts::add_recovery_codes(&mut tx, user, &hashes).await?;
    let token = open_session(&mut *tx, user, &client).await?;
    tx.commit().await?;
    let body = SignedUp { account: Account { login: shown, created_ms: now }, recovery_codes: codes };
    Ok((StatusCode::CREATED, cookie_headers(Some(&token)), Json(body)).into_response())
}

/// `POST /api/account/signin`: the account and a session cookie. A wrong password and an unknown login
/// get the same answer in the same time.
#[utoipa::path(post, path = "/api/account/signin", tag = "account", params(ClientHeader), request_body = Credentials,
    responses((status = 200, body = Account, headers(("set-cookie" = String, description = "The session cookie"))), Errors))]
pub async fn sign_in(
    State(state): State<AppState>,
    client: Client,
    Body(c): Body<Credentials>,
) -> Result<Response, ApiError> {
    let login = accounts::login_key(&c.login);
    state.limiter.attempt(client.ip, &login)?;
    let user = accounts::user_by_login(state.db.pool(), &login).await?;
    let ok = password::verify(c.password, user.as_ref().map(|u| u.password_hash.clone())).await;
    let user = user.filter(|_| ok).ok_or(ApiError::WrongCredentials)?;
    let token = open_session(state.db.writer(), user.id, &client).await?;
    Ok((cookie_headers(Some(&token)), Json(user.account)).into_response())
}

/// `POST /api/account/signout`: ends this device's session and clears its cookie.
#[utoipa::path(post, path = "/api/account/signout", tag = "account", params(ClientHeader), security(("session" = [])),
    responses((status = 204, description = "Signed out; the cookie is cleared", headers(("set-cookie" = String, description = "The session cookie"))), Errors))]
pub async fn sign_out(State(state): State<AppState>, me: Authed) -> Result<Response, ApiError> {
    accounts::delete_session(state.db.writer(), &me.token_hash).await?;
    Ok((StatusCode::NO_CONTENT, cookie_headers(None)).into_response())
}

/// `POST /api/account/signout-all`: ends every session of the account, this one included.
#[utoipa::path(post, path = "/api/account/signout-all", tag = "account", params(ClientHeader), security(("session" = [])),
    responses((status = 204, description = "Every device signed out", headers(("set-cookie" = String, description = "The session cookie"))), Errors))]
pub async fn sign_out_all(State(state): State<AppState>, me: Authed) -> Result<Response, ApiError> {
    accounts::delete_sessions(state.db.writer(), me.user_id, None).await?;
    Ok((StatusCode::NO_CONTENT, cookie_headers(None)).into_response())
}

/// `GET /api/account`: who is signed in.
#[utoipa::path(get, path = "/api/account", tag = "account", security(("session" = [])),
    responses((status = 200, body = Account), Errors))]
pub async fn me(State(state): State<AppState>, me: Authed) -> Result<Json<Account>, ApiError> {
    let user = accounts::user_by_id(state.db.pool(), me.user_id).await?.ok_or(ApiError::NotSignedIn)?;
    Ok(Json(user.account))
}

/// `GET /api/account/devices`: the signed-in devices, this one marked.
#[utoipa::path(get, path = "/api/account/devices", tag = "account", security(("session" = [])),
    responses((status = 200, body = Vec<Device>), Errors))]
pub async fn devices(State(state): State<AppState>, me: Authed) -> Result<Json<Vec<Device>>, ApiError> {
    Ok(Json(accounts::devices(state.db.pool(), me.user_id, &me.token_hash, now_ms()).await?))
}

/// `DELETE /api/account/devices/{id}`: signs that device out.
#[utoipa::path(delete, path = "/api/account/devices/{id}", tag = "account", security(("session" = [])),
    params(ClientHeader, ("id" = String, Path, description = "The device's public id")),
    responses((status = 204, description = "That device is signed out"), Errors))]
pub async fn sign_out_device(
    State(state): State<AppState>,
    me: Authed,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if accounts::delete_device(state.db.writer(), me.user_id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NoSuchDevice)
    }
}

/// Checks the signed-in user's password (rate limited like a sign-in: a stolen cookie must not let
/// anyone guess the password at argon2's speed).
async fn confirm(state: &AppState, me: &Authed, client: &Client, password: String) -> Result<accounts::User, ApiError> {
    let user = accounts::user_by_id(state.db.pool(), me.user_id).await?.ok_or(ApiError::NotSignedIn)?;
    let login = accounts::login_key(&user.account.login);
    state.limiter.attempt(client.ip, &login)?;
    if password::verify(password, Some(user.password_hash.clone())).await {
        Ok(user)
    } else {
        Err(ApiError::WrongPassword)
    }
}

/// `POST /api/account/password`: a new password; every other device is signed out.
#[utoipa::path(post, path = "/api/account/password", tag = "account", params(ClientHeader), security(("session" = [])), request_body = ChangePassword,
    responses((status = 204, description = "Changed; the other devices are signed out"), Errors))]
pub async fn change_password(
    State(state): State<AppState>,
    me: Authed,
    client: Client,
    Body(c): Body<ChangePassword>,
) -> Result<StatusCode, ApiError> {
    accounts::check_password(&c.new_password)?;
    confirm(&state, &me, &client, c.current_password).await?;
    let hash = password::hash(c.new_password).await;
    let mut tx = state.db.writer().begin().await?;
    accounts::replace_password(&mut tx, me.user_id, &hash, Some(&me.token_hash)).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/account/recover`: a recovery code (used up) sets a new password; every device is signed out
/// and this one signed in.
#[utoipa::path(post, path = "/api/account/recover", tag = "account", params(ClientHeader), request_body = Recover,
    responses((status = 200, body = Recovered, headers(("set-cookie" = String, description = "The session cookie"))), Errors))]
pub async fn recover(
    State(state): State<AppState>,
    client: Client,
    Body(r): Body<Recover>,
) -> Result<Response, ApiError> {
    let login = accounts::login_key(&r.login);
    state.limiter.attempt(client.ip, &login)?;
    accounts::check_password(&r.new_password)?;
    let user = accounts::user_by_login(state.db.pool(), &login).await?;
    // The same work whether the account exists or not: hash the new password either way.
    let hash = password::hash(r.new_password).await;
    let user = user.ok_or(ApiError::WrongCredentials)?;
    let mut tx = state.db.writer().begin().await?;
    if !accounts::take_recovery_code(&mut *tx, user.id, &secret::digest(&secret::normalise_code(&r.recovery_code)))
        .await?
    {
        return Err(ApiError::WrongCredentials);
    }
    accounts::replace_password(&mut tx, user.id, &hash, None).await?;
    let token = open_session(&mut *tx, user.id, &client).await?;
    tx.commit().await?;
    let left = accounts::recovery_codes_left(state.db.pool(), user.id).await?;
    Ok((cookie_headers(Some(&token)), Json(Recovered { account: user.account, recovery_codes_left: left }))
        .into_response())
}

/// `POST /api/account/delete`: deletes the account and all its data for good, confirmed by the password.
#[utoipa::path(post, path = "/api/account/delete", tag = "account", params(ClientHeader), security(("session" = [])), request_body = DeleteAccount,
    responses((status = 204, description = "The account and all its data are deleted", headers(("set-cookie" = String, description = "The session cookie"))), Errors))]
pub async fn delete(
    State(state): State<AppState>,
    me: Authed,
    client: Client,
    Body(d): Body<DeleteAccount>,
) -> Result<Response, ApiError> {
    confirm(&state, &me, &client, d.password).await?;
    accounts::delete_user(state.db.writer(), me.user_id).await?;
    Ok((StatusCode::NO_CONTENT, cookie_headers(None)).into_response())
}
