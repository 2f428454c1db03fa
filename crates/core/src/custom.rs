//! Custom text: what a learner pastes to type, checked and made ready for the engine. Nothing pasted can
//! hang or crash a test: an empty, enormous or binary paste, or one with characters the layout cannot
//! type, gets a reason the app can say (and, for characters, an offer to drop them).

use crate::text::fit;

/// The longest custom text, in characters (a long chapter; the engine is O(1) per key at any length).
pub const MAX_CHARS: usize = 20_000;

/// How to read a paste.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CustomOptions {
    /// Line breaks, tabs and runs of spaces become one space (otherwise line breaks and tabs are
    /// characters that cannot be typed).
    pub collapse_whitespace: bool,
    /// Typographic quotes and dashes the layout has no key for become `"`, `'` and `-`.
    pub plain_marks: bool,
}

/// Why a paste cannot be typed as it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CustomError {
    #[error("there is no text")]
    Empty,
    #[error("{chars} characters or more; at most {MAX_CHARS}")]
    TooLong { chars: usize },
    #[error("this is not text (a file's bytes?)")]
    Binary,
    /// The characters the layout cannot type, each once, in the order they first appear (at most 20).
    #[error("characters the layout cannot type: {}", chars.iter().collect::<String>())]
    Untypable { chars: Vec<char> },
}

/// Shows at most this many untypable characters.
const NAMED: usize = 20;

/// The text to type from `raw`, or why not. O(length), and it stops reading an enormous paste early.
///
/// # Errors
/// See [`CustomError`]; checked in the order empty, too long, binary, untypable.
pub fn prepare(raw: &str, options: CustomOptions, typable: impl Fn(char) -> bool) -> Result<String, CustomError> {
    // Four bytes a character at most: a paste over this is too long whatever it holds.
    if raw.len() > MAX_CHARS * 4 {
        return Err(CustomError::TooLong { chars: raw.chars().take(MAX_CHARS * 4 + 1).count() });
    }
    if raw.contains(['\0', '\u{fffd}']) || raw.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(CustomError::Binary);
    }
    let text = if options.collapse_whitespace {
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        // Spaces stay as they are; the engine reads a run of them as one.
        raw.trim_matches(' ').replace("\r\n", "\n")
    };
    let text = if options.plain_marks { fit(&text, &typable) } else { text };
    let text = text.trim().to_owned();
    if text.is_empty() {
        return Err(CustomError::Empty);
    }
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        return Err(CustomError::TooLong { chars });
    }
    let mut untypable: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| *c != ' ' && !typable(*c)) {
        if !untypable.contains(&c) {
            untypable.push(c);
            if untypable.len() == NAMED {
                break;
            }
        }
    }
    if untypable.is_empty() { Ok(text) } else { Err(CustomError::Untypable { chars: untypable }) }
}

/// `raw` without the characters the layout cannot type (line breaks and tabs become spaces; with
/// `plain_marks`, marks the layout lacks become plain ones first): what the app offers when [`prepare`]
/// names untypable characters.
pub fn drop_untypable(raw: &str, options: CustomOptions, typable: impl Fn(char) -> bool) -> String {
    let fitted = if options.plain_marks { fit(raw, &typable) } else { raw.to_owned() };
    fitted
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c == ' ' || typable(c) => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii(c: char) -> bool {
        c.is_ascii_graphic()
    }

    const BOTH: CustomOptions = CustomOptions { collapse_whitespace: true, plain_marks: true };

    #[test]
    fn a_paste_is_tidied_as_asked() {
        assert_eq!(prepare("  one\ttwo\r\n\nthree  ", BOTH, ascii).unwrap(), "one two three");
        assert_eq!(prepare("«Yes» — he said…", BOTH, ascii).unwrap(), "\"Yes\" - he said...");
        let kept = CustomOptions { collapse_whitespace: true, plain_marks: false };
        assert_eq!(prepare("«Yes»", kept, |_| true).unwrap(), "«Yes»", "kept where the layout has them");
    }

    #[test]
    fn empty_enormous_and_binary_pastes_are_refused_with_a_reason() {
        assert_eq!(prepare(" \n\t ", BOTH, ascii), Err(CustomError::Empty));
        let big = "a".repeat(1 << 20);
        assert!(matches!(prepare(&big, BOTH, ascii), Err(CustomError::TooLong { chars }) if chars > MAX_CHARS));
        let long = "ab ".repeat(MAX_CHARS / 2);
        assert!(matches!(prepare(&long, BOTH, ascii), Err(CustomError::TooLong { .. })));
        assert_eq!(prepare("PK\u{3}\u{4}\0\0", BOTH, ascii), Err(CustomError::Binary));
        assert_eq!(prepare("caf\u{fffd}", BOTH, ascii), Err(CustomError::Binary));
    }

    #[test]
    fn untypable_characters_are_named_once_each_and_can_be_dropped() {
        let err = prepare("ab ж ц ж dé", BOTH, ascii).unwrap_err();
        assert_eq!(err, CustomError::Untypable { chars: vec!['ж', 'ц', 'é'] });
        assert_eq!(err.to_string(), "characters the layout cannot type: жцé");
        let dropped = drop_untypable("ab ж ц ж dé", BOTH, ascii);
        assert_eq!(prepare(&dropped, BOTH, ascii).unwrap(), "ab d");
        // Without collapsing, a line break is a character the layout cannot type.
        let strict = CustomOptions { collapse_whitespace: false, plain_marks: true };
        assert_eq!(prepare("one\ntwo", strict, ascii), Err(CustomError::Untypable { chars: vec!['\n'] }));
        assert_eq!(prepare(&drop_untypable("one\ntwo", strict, ascii), strict, ascii).unwrap(), "one two");
        assert_eq!(drop_untypable("«да» — ok", BOTH, ascii), "\"\" - ok", "marks made plain, not dropped");
    }
}
