//! Random secrets (session tokens, recovery codes, public device ids) from the operating system, and the
//! SHA-256 digests they are stored as.

use sha2::{Digest, Sha256};

/// `N` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).expect("the operating system gives random bytes");
    b
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// A new session token: 32 random bytes, hex.
pub fn token() -> String {
    hex(&random_bytes::<32>())
}

/// SHA-256 of `text`, hex: how tokens and recovery codes are stored (they are random, so no salt or slow
/// hash is needed).
pub fn digest(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Letters and digits that cannot be mistaken for each other when copied by hand (no 0/O, 1/I/L, U).
const CODE_ALPHABET: &[u8; 32] = b"ABCDEFGHJKMNPQRSTVWXYZ0123456789";

/// A recovery code: 16 characters from [`CODE_ALPHABET`] (80 bits), shown in groups of four.
pub fn recovery_code() -> String {
    let chars: Vec<char> =
        random_bytes::<16>().iter().map(|b| char::from(CODE_ALPHABET[usize::from(b % 32)])).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// A recovery code as typed back (any case, spaces or dashes) in the form it was hashed in.
pub fn normalise_code(code: &str) -> String {
    let mut s: String = code.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    // Letters a reader may type for the digits they look like.
    s = s.replace('O', "0").replace(['I', 'L'], "1");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_are_grouped_and_survive_retyping() {
        let c = recovery_code();
        assert_eq!(c.len(), 19);
        assert_eq!(c.matches('-').count(), 3);
        let retyped = c.to_lowercase().replace('-', " ");
        assert_eq!(normalise_code(&retyped), normalise_code(&c));
        assert_ne!(recovery_code(), c);
    }

    #[test]
    fn digests_are_sha256_hex() {
        assert_eq!(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(token().len(), 64);
    }
}
