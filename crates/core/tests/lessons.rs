//! Validates the data in `lessons/`: every line is a target a learner can type.

use klava_core::lessons::{EN_WORDS_200, TEST_WORDS, course_list, parse_lines, test_words_at_hand};
use std::collections::BTreeSet;

use klava_core::rng::Rng;
use klava_core::textgen::{Marks, TextOptions, words};
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
fn every_word_is_a_typeable_target() {
    for w in parse_lines(EN_WORDS_200) {
        assert!(Engine::new(w, Options::default()).is_ok(), "{w:?}");
    }
}

/// A words or time test on any layout offers words of the layout's language that it can type, with
/// punctuation and numbers too (a Ukrainian layout once got English words, which it cannot type).
#[test]
fn test_texts_on_every_layout_are_in_its_language_and_typable_on_it() {
    for layout in klava_core::layout::catalog::all().unwrap() {
        let language = layout.language.as_str();
        let text = test_words_at_hand(language).map_or_else(
            || read(course_list(language).unwrap_or_else(|| panic!("{}: no words for {language}", layout.id))),
            str::to_owned,
        );
        let list: Vec<&str> = parse_lines(&text).into_iter().take(TEST_WORDS).collect();
        assert_eq!(list.len(), TEST_WORDS, "{}", layout.id);
        let letters = alphabet(language);
        assert!(list.iter().all(|w| w.chars().all(|c| letters.contains(c))), "{}: words of its language", layout.id);
        let marks = Marks::of(language, |c| layout.stroke_for(c).is_some());
        let options = TextOptions { punctuation: true, numbers: true, marks };
        let text = words(&list, 3000, options, |c| layout.stroke_for(c).is_some(), &mut Rng::new(7)).join(" ");
        if let Some(c) = text.chars().find(|c| *c != ' ' && layout.stroke_for(*c).is_none()) {
            panic!("{}: {c:?} cannot be typed", layout.id);
        }
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

/// Every quote file reads, has each length group, and every quote can be typed on every layout of its
/// language once its typographic marks are fitted to the layout.
#[test]
fn quotes_read_and_are_typable_on_every_layout_of_their_language() {
    use klava_core::quotes::{QUOTE_FILES, QuoteLength, parse};
    let layouts = klava_core::layout::catalog::all().unwrap();
    for (language, file) in QUOTE_FILES {
        let quotes = parse(&read(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        for length in QuoteLength::ALL {
            let n = quotes.iter().filter(|q| q.length() == length).count();
            assert!(n >= 10, "{file}: {n} {length:?} quotes");
        }
        for layout in layouts.iter().filter(|l| l.language == language) {
            for q in &quotes {
                let text = klava_core::text::fit(&q.text, |c| layout.stroke_for(c).is_some());
                if let Some(c) = text.chars().find(|c| *c != ' ' && layout.stroke_for(*c).is_none()) {
                    panic!("{file} #{}: {c:?} cannot be typed on {}", q.id, layout.id);
                }
                assert!(Engine::new(&text, Options::default()).is_ok(), "{file} #{}", q.id);
            }
        }
    }
}

/// Every hand-written lesson file reads and fits every course of its language: each text is for lessons
/// that exist and uses only what they have taught.
#[test]
fn hand_written_lesson_texts_fit_every_course_of_their_language() {
    use klava_core::course::plan;
    use klava_core::course::written::{WRITTEN_FILES, parse};
    for (language, file) in WRITTEN_FILES {
        let written = parse(&read(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(!written.is_empty(), "{file}");
        let words_file = klava_core::lessons::course_list(language).unwrap();
        let words = read(words_file);
        let words = parse_lines(&words);
        for layout in klava_core::layout::catalog::all().unwrap().iter().filter(|l| l.language == language) {
            let course = plan(layout, &words)
                .with_written(written.clone())
                .unwrap_or_else(|e| panic!("{file} on {}: {e}", layout.id));
            let last = course.lessons.last().unwrap();
            assert!(
                written.iter().any(|w| course.text(last, 1).starts_with(&w.text)),
                "{}: a pangram opens the last lesson",
                layout.id
            );
        }
    }
}
