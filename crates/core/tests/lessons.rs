//! Validates the data in `lessons/`: every line is a target a learner can type.

use klava_core::lessons::{EN_FIRST_LINES, EN_WORDS_200, RU_WORDS_200, parse_lines};
use klava_core::{Engine, Options, text};
use std::collections::BTreeSet;

#[test]
fn english_first_lines_are_typeable_targets() {
    let lines = parse_lines(EN_FIRST_LINES);
    assert!(lines.len() >= 10, "too few lines: {}", lines.len());
    for (i, line) in lines.iter().enumerate() {
        assert!(Engine::new(line, Options::default()).is_ok(), "line {i} is not a valid target: {line:?}");
        let n = text::graphemes(line).len();
        assert!((20..=80).contains(&n), "line {i} has {n} characters, want 20–80: {line:?}");
        assert!(
            line.chars().all(|c| c.is_ascii_lowercase() || " ,.".contains(c)),
            "line {i} uses a character beyond the first page's set: {line:?}"
        );
        assert!(!line.contains("  "), "line {i} has a double space: {line:?}");
    }
}

#[test]
fn english_frequency_list_has_200_distinct_lower_case_words() {
    let words = parse_lines(EN_WORDS_200);
    assert_eq!(words.len(), 200);
    let distinct: BTreeSet<_> = words.iter().collect();
    assert_eq!(distinct.len(), 200, "duplicates in the list");
    for w in &words {
        assert!(w.chars().all(|c| c.is_ascii_lowercase()), "not a plain lower-case word: {w:?}");
    }
}

#[test]
fn russian_frequency_list_has_200_distinct_lower_case_cyrillic_words() {
    let words = parse_lines(RU_WORDS_200);
    assert_eq!(words.len(), 200);
    assert_eq!(words.iter().collect::<BTreeSet<_>>().len(), 200, "duplicates in the list");
    for w in &words {
        assert!(w.chars().all(|c| ('а'..='я').contains(&c) || c == 'ё'), "not a plain lower-case Russian word: {w:?}");
    }
}
