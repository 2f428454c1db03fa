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

/// `text` with each typographic mark the layout has no key for (`typable` is false) replaced by its plain
/// form: guillemets and curly quotes by `"` or `'`, dashes by `-`, an ellipsis by `...`, narrow and
/// non-breaking spaces by a space. Everything else is left as it is. O(length).
pub fn fit(text: &str, typable: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if typable(c) {
            out.push(c);
            continue;
        }
        match c {
            '«' | '»' | '„' | '“' | '”' | '‟' | '″' => out.push('"'),
            '‘' | '’' | '‚' | '‛' | '′' | 'ʼ' => out.push('\''),
            '—' | '–' | '‒' | '―' | '−' => out.push('-'),
            '…' => out.push_str("..."),
            '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
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

/// What typing `typed` where the text has `expected` says about the OS layout: `Some(true)` when both
/// are letters of different scripts (Latin for Cyrillic or the reverse: the layout looks wrong),
/// `Some(false)` when both are letters of the same script, `None` when either is not a letter (spaces,
/// digits and punctuation say nothing).
pub fn wrong_script(expected: &str, typed: &str) -> Option<bool> {
    let (e, t) = (script(expected.chars().next()?), script(typed.chars().next()?));
    (e != Script::Other && t != Script::Other).then_some(e != t)
}

/// A text as it is heard, for dictation: lower case, without the punctuation a voice does not say (an
/// apostrophe or hyphen between two letters stays: "don't", "well-known"), one space between words.
/// `None` when nothing is left.
pub fn heard(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let inside = |at: Option<&char>| at.is_some_and(|c| c.is_alphanumeric());
        let joins = matches!(c, '\'' | '’' | '-')
            && inside(i.checked_sub(1).and_then(|j| chars.get(j)))
            && inside(chars.get(i + 1));
        if c.is_alphanumeric() || joins {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            // Punctuation parts words as a space does.
            out.push(' ');
        }
    }
    let out = out.trim_end().to_owned();
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heard_text_has_no_unspoken_marks() {
        assert_eq!(heard("And now, the end.").as_deref(), Some("and now the end"));
        assert_eq!(heard("\"Don't stop\" - a well-known line...").as_deref(), Some("don't stop a well-known line"));
        assert_eq!(heard("«Ну, что ж!» — сказал он; ЁЖ").as_deref(), Some("ну что ж сказал он ёж"));
        assert_eq!(heard("word,word").as_deref(), Some("word word"));
        assert_eq!(heard(" — !").as_deref(), None);
    }

    #[test]
    fn latin_for_cyrillic_is_a_wrong_script() {
        assert_eq!(wrong_script("ж", ";"), None);
        assert_eq!(wrong_script(" ", "g"), None);
        assert_eq!(wrong_script("п", "g"), Some(true));
        assert_eq!(wrong_script("g", "п"), Some(true));
        assert_eq!(wrong_script("g", "h"), Some(false));
        assert_eq!(wrong_script("ё", "е"), Some(false));
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
    fn marks_the_layout_lacks_become_plain_ones() {
        let ascii = |c: char| c.is_ascii();
        assert_eq!(fit("«Да» — сказал он… ‘ok’", ascii), "\"Да\" - сказал он... 'ok'");
        assert_eq!(fit("«Да» — нет", |_| true), "«Да» — нет", "kept where the layout has them");
        assert_eq!(fit("a\u{a0}b", ascii), "a b");
    }

    #[test]
    fn control_characters_are_found() {
        assert_eq!(first_control_char("ab\tc"), Some('\t'));
        assert_eq!(first_control_char("плавно"), None);
    }
}
