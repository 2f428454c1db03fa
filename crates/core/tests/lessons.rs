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

/// The letters each language's course list may use (German nouns keep their capitals).
fn alphabet(language: &str) -> &'static str {
    match language {
        "en" => "abcdefghijklmnopqrstuvwxyz",
        "ru" => "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "uk" => "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
        "de" => "abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ",
        "fr" => "abcdefghijklmnopqrstuvwxyzàâæçéèêëîïôœùûüÿ",
        other => panic!("no alphabet for {other}"),
    }
}

fn read(file: &str) -> String {
    std::fs::read_to_string(format!("{}/../../lessons/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn course_word_lists_are_distinct_words_of_their_alphabet_typable_on_their_layouts() {
    let layouts = klava_core::layout::catalog::all().unwrap();
    let mut files: Vec<(&str, String, usize)> =
        klava_core::lessons::COURSE_LISTS.iter().map(|(l, f)| (*l, (*f).to_owned(), 1000)).collect();
    files.extend([("en", "en/words-10000.txt".to_owned(), 10_000), ("ru", "ru/words-10000.txt".to_owned(), 10_000)]);
    for (language, file, size) in files {
        let text = read(&file);
        assert!(text.starts_with("# ") && text.contains("CC BY-SA 4.0"), "{file}: the header names the source");
        let words = parse_lines(&text);
        assert_eq!(words.len(), size, "{file}");
        assert_eq!(words.iter().collect::<BTreeSet<_>>().len(), size, "{file}: duplicates");
        for w in &words {
            assert!(w.chars().all(|c| alphabet(language).contains(c)), "{file}: {w:?}");
        }
        let on: Vec<_> = layouts.iter().filter(|l| l.language == language).collect();
        assert!(!on.is_empty(), "{language}: no layout");
        // A course leaves out the words its layout cannot type (French AZERTY has no œ): few may go.
        let letters: BTreeSet<char> = words.iter().flat_map(|w| w.chars()).collect();
        for layout in on {
            let missing: Vec<char> = letters.iter().copied().filter(|c| layout.stroke_for(*c).is_none()).collect();
            let lost = words.iter().filter(|w| w.contains(missing.as_slice())).count();
            assert!(lost * 100 <= words.len(), "{}: {lost} words of {file} need {missing:?}", layout.id);
        }
    }
}
