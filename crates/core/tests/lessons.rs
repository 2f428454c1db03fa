//! Validates the data in `lessons/`: every line is a target a learner can type.

use klava_core::lessons::{EN_WORDS_200, RU_WORDS_200, parse_lines};
use std::collections::BTreeSet;

use klava_core::{Engine, Options};

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

#[test]
fn every_word_is_a_typeable_target() {
    for w in parse_lines(EN_WORDS_200).into_iter().chain(parse_lines(RU_WORDS_200)) {
        assert!(Engine::new(w, Options::default()).is_ok(), "{w:?}");
    }
}
