//! The text of a review session, made of the items that are due: for a key or bigram, words of the
//! language's list that contain it (a short drill of it when the list has none); a mistyped word itself,
//! twice; for a confusion, the two keys in alternation. Items take turns, the most forgotten first, until
//! the text is long enough; only characters the layout types are used. [`blend`] gives due items a share
//! of an adaptive practice text.

use super::Item;
use crate::rng::Rng;

/// The share of an adaptive practice text given to due items, so a learner who never opens the review
/// still practises them.
pub const PRACTICE_SHARE: f64 = 0.3;

/// `review` words put into `practice` words in place of every third one from the second (at most
/// [`PRACTICE_SHARE`] of them), so the practice keeps its rhythm and its focus key.
pub fn blend(practice: &mut [String], review: Vec<String>) {
    let most = (practice.len() as f64 * PRACTICE_SHARE) as usize;
    for (at, w) in review.into_iter().take(most).enumerate() {
        if let Some(slot) = practice.get_mut(at * 3 + 1) {
            *slot = w;
        }
    }
}

/// Words of the list taken for one key or bigram, at most.
const WORDS_PER_ITEM: usize = 3;

/// Up to `count` words practising `due` (most forgotten first), drawn from `list` with `rng`; every
/// character typable. Empty when nothing due can be typed.
pub fn text(due: &[Item], list: &[&str], typable: impl Fn(char) -> bool, count: usize, rng: &mut Rng) -> Vec<String> {
    let ok = |w: &str| !w.is_empty() && w.chars().all(&typable);
    let groups: Vec<Vec<String>> = due
        .iter()
        .map(|item| match item {
            Item::Key(part) | Item::Bigram(part) => {
                let part = part.to_lowercase();
                let mut found: Vec<&str> = list.iter().copied().filter(|w| w.contains(&part) && ok(w)).collect();
                if found.is_empty() {
                    // A drill of the part alone, when no word has it.
                    return [2, 3].map(|n| part.repeat(n)).into_iter().filter(|w| ok(w)).collect();
                }
                let mut picked = Vec::new();
                while picked.len() < WORDS_PER_ITEM && !found.is_empty() {
                    picked.push(found.swap_remove(rng.below(found.len())).to_owned());
                }
                picked
            }
            Item::Word(w) => [w.clone(), w.clone()].into_iter().filter(|w| ok(w)).collect(),
            Item::Confusion { expected, typed } => {
                let (e, t) = (expected.as_str(), typed.as_str());
                [format!("{e}{t}{e}"), format!("{t}{e}{t}"), format!("{e}{e}{t}{t}")]
                    .into_iter()
                    .filter(|w| ok(w))
                    .collect()
            }
        })
        .filter(|g: &Vec<String>| !g.is_empty())
        .collect();
    let mut out = Vec::with_capacity(count);
    let mut turn = 0;
    while out.len() < count && !groups.is_empty() {
        let group = &groups[turn % groups.len()];
        out.push(group[(turn / groups.len()) % group.len()].clone());
        turn += 1;
    }
    out
}
