//! Passwords hashed with argon2id at OWASP's minimum parameters (19 MiB of memory, 2 passes, 1 lane),
//! off the async threads. An unknown login is checked against a dummy hash of the same cost, so a refusal
//! takes the same time whether the account exists or not.

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// OWASP's Password Storage Cheat Sheet, argon2id's first option: m = 19 MiB, t = 2, p = 1.
pub const MEMORY_KIB: u32 = 19 * 1024;
pub const PASSES: u32 = 2;
pub const LANES: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash of a password nobody has, to verify against when the login is unknown.
static DUMMY: LazyLock<String> = LazyLock::new(|| hash_now("no account has this password"));

fn hash_now(password: &str) -> String {
    let salt = SaltString::encode_b64(&super::secret::random_bytes::<16>()).expect("16 bytes make a valid salt");
    argon2().hash_password(password.as_bytes(), &salt).expect("argon2id hashes any password").to_string()
}

fn verify_now(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| argon2().verify_password(password.as_bytes(), &h).is_ok())
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of `password`, with a fresh salt.
pub async fn hash(password: String) -> String {
    // Hashing cannot fail with these parameters; a panic in the task is passed on, not dressed as an error.
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
}

/// Whether `password` matches `hash`; with no hash (unknown login) it checks a dummy one and says no.
pub async fn verify(password: String, hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || match hash {
        Some(h) => verify_now(&password, &h),
        None => {
            let _ = verify_now(&password, &DUMMY);
            false
        }
    })
    .await
    .unwrap_or(false)
}

/// Warms the dummy hash at start-up, so the first unknown login is not faster than the rest.
pub fn warm_up() {
    LazyLock::force(&DUMMY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_at_owasp_minimum_and_verify() {
        let h = hash_now("correct horse");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_now("correct horse", &h));
        assert!(!verify_now("wrong horse", &h));
        assert_ne!(h, hash_now("correct horse"), "a fresh salt each time");
        assert!(!verify_now("x", "not a hash"));
    }
}
