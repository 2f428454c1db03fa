//! Practice text for tests: words drawn from a frequency list, with optional punctuation and numbers.

use crate::rng::Rng;

/// What to mix into the words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Sentences: a capital first word, a final `.`, `?` or `!`, and the odd comma, quote or bracket.
    pub punctuation: bool,
    /// About one word in ten replaced by a number of one to four digits.
    pub numbers: bool,
}

/// `count` words chosen uniformly from `list`, never the same word twice in a row. O(count).
///
/// # Panics
/// Never for a non-empty `list`; an empty list gives no words.
pub fn words(list: &[&str], count: usize, options: TextOptions, rng: &mut Rng) -> Vec<String> {
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
                word = capitalise(&word);
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
                word = format!("\"{word}\"");
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
        let w = words(LIST, 200, TextOptions::default(), &mut Rng::new(1));
        assert_eq!(w.len(), 200);
        assert!(w.windows(2).all(|p| p[0] != p[1]));
        assert!(w.iter().all(|x| LIST.contains(&x.as_str())));
    }

    #[test]
    fn punctuation_makes_sentences_and_numbers_appear() {
        let opts = TextOptions { punctuation: true, numbers: true };
        let w = words(LIST, 300, opts, &mut Rng::new(3));
        assert!(w[0].chars().next().unwrap().is_uppercase());
        assert!(w.last().unwrap().ends_with(['.', '?', '!']));
        assert!(w.iter().any(|x| x.chars().all(|c| c.is_ascii_digit())));
        assert!(w.iter().any(|x| x.starts_with('М')), "Cyrillic words are capitalised too");
    }

    #[test]
    fn same_seed_same_text() {
        let opts = TextOptions { punctuation: true, numbers: false };
        assert_eq!(words(LIST, 50, opts, &mut Rng::new(9)), words(LIST, 50, opts, &mut Rng::new(9)));
    }
}
