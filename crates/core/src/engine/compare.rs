//! Whether a typed grapheme counts as the expected one: canonical equivalence, and optionally ё ≡ е.

use std::borrow::Cow;

/// The canonical composition (NFC) of `s` with the `nfc` feature; `s` as it is without it.
fn canonical(s: &str) -> Cow<'_, str> {
    #[cfg(feature = "nfc")]
    {
        use unicode_normalization::UnicodeNormalization;
        Cow::Owned(s.nfc().collect())
    }
    #[cfg(not(feature = "nfc"))]
    {
        Cow::Borrowed(s)
    }
}

/// `typed` matches `expected` when their NFC forms are equal ("é" typed precomposed matches "e" + U+0301
/// in the text; this needs the `nfc` feature), or, with `yo_as_ye`, when the text has ё/Ё and the
/// learner typed е/Е.
pub fn grapheme_matches(expected: &str, typed: &str, yo_as_ye: bool) -> bool {
    if expected == typed {
        return true;
    }
    let (e, t) = (canonical(expected), canonical(typed));
    e == t || (yo_as_ye && matches!((&*e, &*t), ("ё", "е") | ("Ё", "Е")))
}

/// Whether a typed word equals the target word grapheme by grapheme.
pub fn word_matches(expected: &[String], typed: &[String], yo_as_ye: bool) -> bool {
    expected.len() == typed.len() && expected.iter().zip(typed).all(|(e, t)| grapheme_matches(e, t, yo_as_ye))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "nfc")]
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
