//! Lesson data from `lessons/`: plain-text line lists with `#` comments.

/// The lines of a line list: trimmed, without blank lines and `#` comments.
pub fn parse_lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// The 200 most frequent English words, most frequent first, for words and time tests in English: the
/// one list compiled in, so that a first visit can start a test without another download.
pub const EN_WORDS_200: &str = include_str!("../../../lessons/en/words-200.txt");

/// How many of a language's most frequent words a words or time test draws from.
pub const TEST_WORDS: usize = 200;

/// The test words of `language` that are compiled in (English); other languages' are the first
/// [`TEST_WORDS`] of their course list, fetched when first needed.
pub fn test_words_at_hand(language: &str) -> Option<&'static str> {
    (language == "en").then_some(EN_WORDS_200)
}

/// The languages with course word lists, and the file of each under `lessons/` (the 1,000 most frequent
/// words): the app fetches it when a course or practice of that language opens; tests read it.
pub const COURSE_LISTS: [(&str, &str); 5] = [
    ("en", "en/words-1000.txt"),
    ("ru", "ru/words-1000.txt"),
    ("uk", "uk/words-1000.txt"),
    ("de", "de/words-1000.txt"),
    ("fr", "fr/words-1000.txt"),
];

/// The course word list file of `language`, if it has one.
pub fn course_list(language: &str) -> Option<&'static str> {
    COURSE_LISTS.iter().find(|(l, _)| *l == language).map(|(_, file)| *file)
}

#[cfg(test)]
mod tests {
    use super::parse_lines;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        assert_eq!(parse_lines("# c\n\n one \ntwo\n"), vec!["one", "two"]);
    }
}
