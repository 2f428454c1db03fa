//! Practice text for tests: words drawn from a frequency list, with optional punctuation and numbers.

use crate::rng::Rng;

/// What to mix into the words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Sentences: a capital first word, a final `.`, `?` or `!`, and the odd comma, quote, dash or bracket.
    pub punctuation: bool,
    /// About one word in ten replaced by a number of one to four digits.
    pub numbers: bool,
    /// The language's own quotation marks and dash.
    pub marks: Marks,
}

/// The marks that differ between languages' sentences: the quotation marks, and the dash that sets off
/// a clause (Russian and Ukrainian), each only when the layout can type it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marks {
    pub quotes: (char, char),
    pub dash: Option<char>,
}

impl Default for Marks {
    fn default() -> Self {
        Self { quotes: ('"', '"'), dash: None }
    }
}

impl Marks {
    /// The marks of `language` that `typable` (the layout) can type; straight quotes otherwise.
    pub fn of(language: &str, typable: impl Fn(char) -> bool) -> Self {
        let quotes = match language {
            "ru" | "uk" | "fr" => ('«', '»'),
            "de" => ('„', '“'),
            _ => ('"', '"'),
        };
        let quotes = if typable(quotes.0) && typable(quotes.1) { quotes } else { Self::default().quotes };
        let dash = matches!(language, "ru" | "uk").then_some('—').filter(|c| typable(*c));
        Self { quotes, dash }
    }
}

/// `count` words chosen uniformly from `list`, never the same word twice in a row. A sentence's first
/// word is capitalised when the layout can type its capital (`typable`: AZERTY has no key for É, so
/// "été" stays as it is). O(count).
///
/// # Panics
/// Never for a non-empty `list`; an empty list gives no words.
pub fn words(
    list: &[&str],
    count: usize,
    options: TextOptions,
    typable: impl Fn(char) -> bool,
    rng: &mut Rng,
) -> Vec<String> {
    if list.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::with_capacity(count);
    let mut previous = usize::MAX;
    let mut sentence_left = 0usize;
    for _ in 0..count {
        let mut i = rng.below(list.len());
        if i == previous && list.len() > 1 {
            i = (i + 1 + rng.below(list.len() - 1)) % list.len();
        }
        previous = i;
        let mut word = if options.numbers && rng.chance(0.1) {
            let digits = 1 + rng.below(4);
            (0..digits).map(|_| char::from(b'0' + rng.below(10) as u8)).collect()
        } else {
            list[i].to_owned()
        };
        if options.punctuation {
            if sentence_left == 0 {
                sentence_left = 4 + rng.below(9);
                let capital = capitalise(&word);
                if capital.chars().all(&typable) {
                    word = capital;
                }
            }
            sentence_left -= 1;
            if sentence_left == 0 {
                word.push(match rng.below(10) {
                    0 => '?',
                    1 => '!',
                    _ => '.',
                });
            } else if rng.chance(0.08) {
                word.push(',');
            } else if rng.chance(0.03) {
                let (open, close) = options.marks.quotes;
                word = format!("{open}{word}{close}");
            } else if let Some(dash) = options.marks.dash.filter(|_| rng.chance(0.03)) {
                word = format!("{dash} {word}");
            } else if rng.chance(0.02) {
                word = format!("({word})");
            }
        }
        out.push(word);
    }
    if let Some(last) = out.last_mut().filter(|w| options.punctuation && !w.ends_with(['.', '?', '!'])) {
        last.push('.');
    }
    out
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[&str] = &["the", "of", "and", "мир"];

    #[test]
    fn gives_the_count_asked_without_immediate_repeats() {
        let w = words(LIST, 200, TextOptions::default(), |_| true, &mut Rng::new(1));
        assert_eq!(w.len(), 200);
        assert!(w.windows(2).all(|p| p[0] != p[1]));
        assert!(w.iter().all(|x| LIST.contains(&x.as_str())));
    }

    #[test]
    fn punctuation_makes_sentences_and_numbers_appear() {
        let opts = TextOptions { punctuation: true, numbers: true, ..TextOptions::default() };
        let w = words(LIST, 300, opts, |_| true, &mut Rng::new(3));
        assert!(w[0].chars().next().unwrap().is_uppercase());
        assert!(w.last().unwrap().ends_with(['.', '?', '!']));
        assert!(w.iter().any(|x| x.chars().all(|c| c.is_ascii_digit())));
        assert!(w.iter().any(|x| x.starts_with('М')), "Cyrillic words are capitalised too");
    }

    #[test]
    fn same_seed_same_text() {
        let opts = TextOptions { punctuation: true, numbers: false, ..TextOptions::default() };
        assert_eq!(
            words(LIST, 50, opts, |_| true, &mut Rng::new(9)),
            words(LIST, 50, opts, |_| true, &mut Rng::new(9))
        );
    }

    #[test]
    fn a_language_gets_its_own_marks_when_the_layout_has_them() {
        let marks = Marks::of("ru", |_| true);
        assert_eq!(marks, Marks { quotes: ('«', '»'), dash: Some('—') });
        let opts = TextOptions { punctuation: true, numbers: false, marks };
        let text = words(LIST, 2000, opts, |_| true, &mut Rng::new(5)).join(" ");
        assert!(text.contains('«') && text.contains('»') && text.contains("— "), "{text:.200}");
        assert!(!text.contains('"'));
        // A layout without them: straight quotes, no dash.
        assert_eq!(Marks::of("ru", |c| c.is_ascii()), Marks::default());
        assert_eq!(Marks::of("de", |_| true).quotes, ('„', '“'));
        assert_eq!(Marks::of("en", |_| true), Marks::default());
    }

    #[test]
    fn a_capital_the_layout_cannot_type_is_left_lower_case() {
        let opts = TextOptions { punctuation: true, ..TextOptions::default() };
        let w = words(&["été"], 50, opts, |c| c != 'É', &mut Rng::new(1));
        assert!(w.iter().all(|w| !w.contains('É')), "{w:?}");
        assert!(words(&["été"], 50, opts, |_| true, &mut Rng::new(1))[0].starts_with('É'));
    }
}
