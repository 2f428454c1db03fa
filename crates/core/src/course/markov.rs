//! Pseudo-words from a character Markov model trained on a language's word list: they read like the
//! language (its letter sequences at their frequencies) but use only the letters a learner has so far.
//!
//! The model counts, for every context of up to [`ORDER`] − 1 letters (the start of a word counts as a
//! context), which letter or word end follows. Generating from a context with nothing allowed after it
//! falls back to a shorter context, and at last to any allowed letter, so a learner with two keys still
//! gets text.

use std::collections::BTreeMap;

use crate::rng::Rng;

/// The longest n-gram counted: a letter is drawn given up to the three letters before it.
pub const ORDER: usize = 4;

/// What follows a context: a letter, or the end of the word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Next {
    Letter(char),
    End,
}

/// The counts of a word list's n-grams.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Model {
    /// Context (the letters before, at most `ORDER - 1`, with `^` marking the start) → what follows → how
    /// often, weighted by the word's frequency rank.
    follows: BTreeMap<Vec<char>, BTreeMap<Next, u32>>,
}

/// The shortest and longest pseudo-word generated.
const MIN_LEN: usize = 2;
const MAX_LEN: usize = 8;

/// How much the word at `rank` of a frequency list (0 = most frequent) counts: `1 + 1000 / (rank + 10)`,
/// close to the Zipf curve such lists follow.
pub fn rank_weight(rank: usize) -> u32 {
    1 + (1000 / (rank + 10)) as u32
}

impl Model {
    /// Trains on `words`, most frequent first: a word's n-grams count by [`rank_weight`]. O(letters ×
    /// ORDER).
    pub fn train(words: &[&str]) -> Self {
        let mut follows: BTreeMap<Vec<char>, BTreeMap<Next, u32>> = BTreeMap::new();
        for (rank, word) in words.iter().enumerate() {
            let weight = rank_weight(rank);
            let letters: Vec<char> = std::iter::once('^').chain(word.chars()).collect();
            for at in 1..=letters.len() {
                let next = letters.get(at).map_or(Next::End, |c| Next::Letter(*c));
                for len in 1..ORDER.min(at + 1) {
                    let context = letters[at - len..at].to_vec();
                    *follows.entry(context).or_default().entry(next).or_default() += weight;
                }
            }
        }
        Self { follows }
    }

    /// A pseudo-word of `MIN_LEN..=MAX_LEN` letters, all in `allowed` (which must not be empty). O(length
    /// × ORDER × alphabet).
    pub fn word(&self, allowed: &[char], rng: &mut Rng) -> String {
        let mut word: Vec<char> = vec!['^'];
        while word.len() <= MAX_LEN {
            let may_end = word.len() > MIN_LEN;
            match self.next(&word, allowed, may_end, rng) {
                Next::Letter(c) => word.push(c),
                Next::End => break,
            }
        }
        word[1..].iter().collect()
    }

    /// The next letter (or the end) after `word`, from the longest context that allows something.
    fn next(&self, word: &[char], allowed: &[char], may_end: bool, rng: &mut Rng) -> Next {
        for len in (1..ORDER.min(word.len() + 1)).rev() {
            let Some(counts) = self.follows.get(&word[word.len() - len..]) else { continue };
            let choices: Vec<(Next, u32)> = counts
                .iter()
                .filter(|(next, _)| match next {
                    Next::Letter(c) => allowed.contains(c),
                    Next::End => may_end,
                })
                .map(|(n, w)| (*n, *w))
                .collect();
            let total: u64 = choices.iter().map(|(_, w)| u64::from(*w)).sum();
            if total == 0 {
                continue;
            }
            let mut pick = rng.below(total as usize) as u64;
            for (next, w) in choices {
                if pick < u64::from(w) {
                    return next;
                }
                pick -= u64::from(w);
            }
        }
        if may_end && rng.chance(0.3) { Next::End } else { Next::Letter(allowed[rng.below(allowed.len())]) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_use_only_allowed_letters_and_follow_the_language() {
        let model = Model::train(&["the", "then", "there", "these", "that", "this", "three"]);
        let mut rng = Rng::new(3);
        let allowed = ['t', 'h', 'e', 'r'];
        for _ in 0..200 {
            let w = model.word(&allowed, &mut rng);
            assert!((MIN_LEN..=MAX_LEN + 1).contains(&w.chars().count()), "{w}");
            assert!(w.chars().all(|c| allowed.contains(&c)), "{w}");
        }
        // After "t" the list only ever has "h": with h allowed, "t" is never followed by anything else.
        let starts: Vec<String> = (0..100).map(|_| model.word(&allowed, &mut rng)).collect();
        assert!(starts.iter().filter(|w| w.starts_with('t')).all(|w| w.starts_with("th")), "{starts:?}");
    }

    #[test]
    fn letters_unknown_to_the_model_still_give_words() {
        let model = Model::train(&["abc"]);
        let w = model.word(&['f', 'j'], &mut Rng::new(1));
        assert!(w.len() >= MIN_LEN && w.chars().all(|c| c == 'f' || c == 'j'), "{w}");
    }

    #[test]
    fn same_seed_same_words() {
        let model = Model::train(&["мама", "мыла", "раму"]);
        let a: Vec<String> = (0..20).map(|i| model.word(&['м', 'а', 'ы'], &mut Rng::new(i))).collect();
        let b: Vec<String> = (0..20).map(|i| model.word(&['м', 'а', 'ы'], &mut Rng::new(i))).collect();
        assert_eq!(a, b);
    }
}
