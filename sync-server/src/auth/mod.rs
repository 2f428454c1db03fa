//! Accounts: password hashing, random secrets, the session cookie, and the queries on users, sessions
//! and recovery codes.

pub mod accounts;
pub mod password;
pub mod secret;
pub mod session;

pub use session::{Authed, Client};
