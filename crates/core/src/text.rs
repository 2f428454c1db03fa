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

#[cfg(test)]
mod tests {
    use super::*;

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
