//! Whether a typed grapheme counts as the expected one: canonical equivalence, and optionally ё ≡ е.

use unicode_normalization::UnicodeNormalization;

/// `typed` matches `expected` when their NFC forms are equal ("é" typed precomposed matches "e" + U+0301
/// in the text), or, with `yo_as_ye`, when the text has ё/Ё and the learner typed е/Е.
pub fn grapheme_matches(expected: &str, typed: &str, yo_as_ye: bool) -> bool {
    if expected == typed {
        return true;
    }
    let e: String = expected.nfc().collect();
    let t: String = typed.nfc().collect();
    e == t || (yo_as_ye && matches!((e.as_str(), t.as_str()), ("ё", "е") | ("Ё", "Е")))
}

/// Whether a typed word equals the target word grapheme by grapheme.
pub fn word_matches(expected: &[String], typed: &[String], yo_as_ye: bool) -> bool {
    expected.len() == typed.len() && expected.iter().zip(typed).all(|(e, t)| grapheme_matches(e, t, yo_as_ye))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_equivalents_match() {
        assert!(grapheme_matches("e\u{301}", "\u{e9}", false));
        assert!(grapheme_matches("\u{e9}", "e\u{301}", false));
        assert!(!grapheme_matches("e", "\u{e9}", false));
    }

    #[test]
    fn yo_matches_ye_only_when_allowed_and_only_that_way() {
        assert!(!grapheme_matches("ё", "е", false));
        assert!(grapheme_matches("ё", "е", true));
        assert!(grapheme_matches("Ё", "Е", true));
        assert!(!grapheme_matches("е", "ё", true));
    }
}
