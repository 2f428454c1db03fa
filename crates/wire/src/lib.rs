//! The sync API's wire types, shared by the app and the sync server so the two cannot drift: request and
//! answer bodies, the limits both sides check, and the names of the cookie and the anti-forgery header.
//!
//! Records travel as raw JSON (`RawValue`): the server checks each one on its own (a bad record is refused
//! with its reason, the rest of the batch is kept) and stores the text exactly as sent.
//!
//! With the `openapi` feature (the server's, never the app's) each type also describes itself for the
//! server's OpenAPI document.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The session cookie (`HttpOnly; Secure; SameSite=Lax`); the token never reaches JavaScript.
pub const SESSION_COOKIE: &str = "klava_session";
/// Every request that changes something must carry this header (any value): a cross-site form cannot
/// set it, and a cross-site script cannot send it without a CORS preflight the server never allows.
pub const CLIENT_HEADER: &str = "x-klava-client";

/// Longest login (user name or email address), in characters.
pub const MAX_LOGIN_CHARS: usize = 254;
/// Shortest password, in characters (NIST SP 800-63B's minimum for a chosen password).
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password, in bytes (argon2 takes any length; this bounds the work per request).
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// Recovery codes given at sign-up, each usable once.
pub const RECOVERY_CODES: usize = 10;

/// Largest record, in bytes of JSON (a ten-minute test's key log is well under this).
pub const MAX_RECORD_BYTES: usize = 256 * 1024;
/// Most records in one push.
pub const MAX_PUSH_RECORDS: usize = 500;
/// Most records one account may store.
pub const MAX_ACCOUNT_RECORDS: u64 = 200_000;
/// Most bytes of records one account may store.
pub const MAX_ACCOUNT_BYTES: u64 = 512 * 1024 * 1024;
/// Most records in one page of a pull.
pub const PULL_PAGE: usize = 500;

/// Sign up or sign in. (A password has 8 characters to 1024 bytes; the OpenAPI document says 256
/// characters, which always fit.)
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Credentials {
    /// A user name or an email address; compared without regard to case.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 254))]
    pub login: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 256))]
    pub password: String,
}

/// The account, as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    pub login: String,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
}

/// The answer to a sign-up: the account, and its recovery codes, shown this once.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignedUp {
    pub account: Account,
    pub recovery_codes: Vec<String>,
}

/// Change the password (every other device is signed out).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePassword {
    pub current_password: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 256))]
    pub new_password: String,
}

/// Set a new password with a recovery code (every device is signed out; this one is signed in).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recover {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 254))]
    pub login: String,
    pub recovery_code: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 256))]
    pub new_password: String,
}

/// The answer to a recovery: how many unused codes are left.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recovered {
    pub account: Account,
    pub recovery_codes_left: u32,
}

/// Delete the account and everything it holds; the password confirms it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeleteAccount {
    pub password: String,
}

/// A signed-in device (one session).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Device {
    /// A public id for "sign out this device" (not the session's secret).
    pub id: String,
    /// The browser's User-Agent when it signed in.
    pub user_agent: String,
    pub signed_in_ms: i64,
    pub last_seen_ms: i64,
    /// The device asking.
    pub current: bool,
}

/// Records to store.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Push {
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub records: Vec<Box<RawValue>>,
}

/// Why one pushed record was not stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Refused {
    /// Its place in the batch.
    pub index: usize,
    /// Its id, when it has a readable one.
    pub id: Option<String>,
    /// A stable code: `invalid`, `too_large`, `id_taken` (another record has this id) or `quota`.
    pub code: String,
    pub message: String,
}

/// The answer to a push: the ids now stored (new or already there) and the records refused.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pushed {
    pub stored: Vec<String>,
    pub refused: Vec<Refused>,
}

/// One page of records after a cursor.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pulled {
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub records: Vec<Box<RawValue>>,
    /// Pass this as `after` for the next page (0 before the first record).
    pub cursor: i64,
    /// Whether another page follows at once.
    pub more: bool,
}

/// Everything the server holds about an account (GDPR's right of access).
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Export {
    pub account: Account,
    pub devices: Vec<Device>,
    pub recovery_codes_left: u32,
    /// Every stored record, tombstones included, in the order they were stored.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub records: Vec<Box<RawValue>>,
    pub exported_ms: i64,
}

/// Every error answer: a stable code for programs and a sentence for people.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// See [`ErrorBody`].
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}
