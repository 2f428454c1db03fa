//! Target text handling: splitting a line into user-perceived characters (grapheme clusters).

use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into extended grapheme clusters, the unit a learner sees and types as one character
/// ("é" written as `e` + U+0301 is one grapheme, as is "ё").
pub fn graphemes(text: &str) -> Vec<String> {
    text.graphemes(true).map(str::to_owned).collect()
}

/// Returns the first control character in `text`, if any. Targets may not contain them: a learner cannot
/// type a tab or a bell, and a newline is not part of a single-line target.
pub fn first_control_char(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_control())
}

/// A writing system, as far as layout mistakes go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    Other,
}

/// The script of a letter; `Other` for digits, punctuation and anything else.
pub fn script(c: char) -> Script {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' => Script::Latin,
        '\u{400}'..='\u{4ff}' => Script::Cyrillic,
        _ => Script::Other,
    }
}

/// Whether typing `typed` where the text has `expected` looks like the wrong OS layout: both are
/// letters of different scripts (Latin for Cyrillic or the reverse).
pub fn wrong_script(expected: &str, typed: &str) -> bool {
    let (Some(e), Some(t)) = (expected.chars().next(), typed.chars().next()) else { return false };
    let (e, t) = (script(e), script(t));
    e != t && e != Script::Other && t != Script::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_for_cyrillic_is_a_wrong_script() {
        assert!(!wrong_script("ж", ";"));
        assert!(wrong_script("п", "g"));
        assert!(wrong_script("g", "п"));
        assert!(!wrong_script("g", "h"));
        assert!(!wrong_script("ё", "е"));
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        assert_eq!(graphemes("e\u{301}a"), vec!["e\u{301}", "a"]);
    }

    #[test]
    fn cyrillic_and_typographic_marks_are_single_graphemes() {
        assert_eq!(graphemes("«ёж» —"), vec!["«", "ё", "ж", "»", " ", "—"]);
    }

    #[test]
    fn control_characters_are_found() {
        assert_eq!(first_control_char("ab\tc"), Some('\t'));
        assert_eq!(first_control_char("плавно"), None);
    }
}
