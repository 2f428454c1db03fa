//! A lesson's text: drills of the new keys with known ones, pseudo-words, real words made only of what
//! has been taught, and for the later units capitals, numbers, punctuation and sentences.

use super::{Course, Lesson, UnitKind};
use crate::rng::Rng;

/// Tokens (space-separated groups) in a letter lesson's parts, and in the other lessons.
const DRILLS: usize = 8;
const PSEUDO: usize = 8;
const WORDS: usize = 14;
const LONG: usize = 32;

/// The lesson's tokens.
pub(super) fn lesson(course: &Course, lesson: &Lesson, rng: &mut Rng) -> Vec<String> {
    let new_letters: Vec<char> = lesson.new.iter().copied().filter(|c| c.is_lowercase()).collect();
    match lesson.unit {
        UnitKind::Capitals => capitals(course, lesson, rng),
        UnitKind::Punctuation => punctuated(course, lesson, &lesson.new, 0.35, rng),
        UnitKind::Words if lesson.sentences => punctuated(course, lesson, &[], 0.0, rng),
        UnitKind::Words => words_of(course, lesson, &[], LONG, rng),
        UnitKind::Numbers if new_letters.is_empty() => numbers(course, lesson, rng),
        _ => {
            let mut out = drills(lesson, rng);
            out.extend(pseudo_words(course, lesson, PSEUDO, rng));
            out.extend(words_of(course, lesson, &new_letters, WORDS, rng));
            out
        }
    }
}

/// The lower-case letters a lesson may use.
fn letters(lesson: &Lesson) -> Vec<char> {
    lesson.allowed.iter().copied().filter(|c| c.is_lowercase()).collect()
}

/// Groups of two to four characters, each with a new one: the new keys alone, then with known letters.
fn drills(lesson: &Lesson, rng: &mut Rng) -> Vec<String> {
    let new: Vec<char> = lesson.new.clone();
    let known: Vec<char> = letters(lesson).into_iter().filter(|c| !new.contains(c)).collect();
    (0..DRILLS)
        .map(|i| {
            let n = new[i % new.len()];
            let other =
                if i < 3 || known.is_empty() { new[rng.below(new.len())] } else { known[rng.below(known.len())] };
            match i % 4 {
                0 => [n, n, n].iter().collect(),
                1 => [n, other].iter().collect(),
                2 => [other, n, other].iter().collect(),
                _ => [n, other, n, other].iter().collect(),
            }
        })
        .collect()
}

/// Pseudo-words from the language model over the allowed letters, each with a new letter when the
/// lesson has one (up to ten draws, then the last draw with a new letter put in).
fn pseudo_words(course: &Course, lesson: &Lesson, count: usize, rng: &mut Rng) -> Vec<String> {
    let allowed = letters(lesson);
    let new: Vec<char> = lesson.new.iter().copied().filter(|c| allowed.contains(c)).collect();
    // With a handful of letters the language model has little to say (it would repeat "ff"): random
    // groups of two to five letters instead.
    let draw = |rng: &mut Rng| {
        if allowed.len() <= 4 {
            (0..2 + rng.below(4)).map(|_| allowed[rng.below(allowed.len())]).collect()
        } else {
            course.model.word(&allowed, rng)
        }
    };
    (0..count)
        .map(|_| {
            let mut word = draw(rng);
            for _ in 0..10 {
                if new.is_empty() || word.contains(new.as_slice()) {
                    return word;
                }
                word = draw(rng);
            }
            let at = word.char_indices().nth(rng.below(word.chars().count())).map_or(0, |(i, _)| i);
            word.insert(at, new[rng.below(new.len())]);
            word
        })
        .collect()
}

/// `count` real words of the lesson's part of the list made only of allowed letters, seven in ten with
/// one of `favour` when there are such words; pseudo-words stand in when there are none.
fn words_of(course: &Course, lesson: &Lesson, favour: &[char], count: usize, rng: &mut Rng) -> Vec<String> {
    let top = if lesson.top_words == 0 { course.words.len() } else { lesson.top_words };
    let usable: Vec<&str> = course.words[..top.min(course.words.len())]
        .iter()
        .map(String::as_str)
        .filter(|w| w.chars().all(|c| lesson.allowed.contains(&c)))
        .collect();
    if usable.len() < 3 {
        return pseudo_words(course, lesson, count, rng);
    }
    // One-letter words ("a", "в") only while there is little else.
    let longer: Vec<&str> = usable.iter().copied().filter(|w| w.chars().nth(1).is_some()).collect();
    let usable = if longer.len() >= 3 { longer } else { usable };
    let favoured: Vec<&str> = usable.iter().copied().filter(|w| w.contains(favour)).collect();
    let mut out: Vec<String> = Vec::with_capacity(count);
    while out.len() < count {
        let from = if !favoured.is_empty() && rng.chance(0.7) { &favoured } else { &usable };
        let mut word = from[rng.below(from.len())];
        if out.last().is_some_and(|last| last == word) {
            word = from[rng.below(from.len())];
        }
        out.push(word.to_owned());
    }
    out
}

/// Words, about half of them starting with one of the lesson's new capitals.
fn capitals(course: &Course, lesson: &Lesson, rng: &mut Rng) -> Vec<String> {
    let lower: Vec<char> = lesson.new.iter().flat_map(|c| c.to_lowercase()).collect();
    let starts = |w: &String| w.chars().next().is_some_and(|c| lower.contains(&c));
    words_of(course, lesson, &lower, LONG, rng)
        .into_iter()
        .map(|w| if starts(&w) && rng.chance(0.7) { capitalise(&w, lesson) } else { w })
        .collect()
}

/// Numbers of one to four digits with a new digit in each, between words.
fn numbers(course: &Course, lesson: &Lesson, rng: &mut Rng) -> Vec<String> {
    let digits: Vec<char> = lesson.allowed.iter().copied().filter(char::is_ascii_digit).collect();
    let mut words = words_of(course, lesson, &[], LONG / 2, rng).into_iter();
    let mut out = Vec::with_capacity(LONG);
    for i in 0..LONG / 2 {
        let len = 1 + rng.below(4);
        let mut number: Vec<char> = (0..len).map(|_| digits[rng.below(digits.len())]).collect();
        number[rng.below(len)] = lesson.new[i % lesson.new.len()];
        out.push(number.into_iter().collect());
        out.extend(words.next());
    }
    out
}

/// Words in sentences of four to twelve words with the allowed punctuation: `stress` are the lesson's
/// new marks, put on about `share` of the words; commas and the other allowed marks come now and then.
fn punctuated(course: &Course, lesson: &Lesson, stress: &[char], share: f64, rng: &mut Rng) -> Vec<String> {
    let has = |c: char| lesson.allowed.contains(&c);
    let marks: Vec<char> = lesson.allowed.iter().copied().filter(|c| !c.is_alphanumeric()).collect();
    let mut words = words_of(course, lesson, &[], LONG, rng).into_iter().peekable();
    let mut out: Vec<String> = Vec::with_capacity(LONG);
    let mut left = 0usize;
    while let Some(word) = words.next() {
        let word = if left == 0 {
            left = 4 + rng.below(9);
            capitalise(&word, lesson)
        } else {
            word
        };
        left -= 1;
        let mark = if !stress.is_empty() && rng.chance(share) {
            Some(stress[rng.below(stress.len())])
        } else if left == 0 || words.peek().is_none() {
            [('?', 0.1), ('!', 0.05)]
                .into_iter()
                .find(|(m, p)| has(*m) && rng.chance(*p))
                .map(|(m, _)| m)
                .or(has('.').then_some('.'))
        } else if has(',') && rng.chance(0.08) {
            Some(',')
        } else if !marks.is_empty() && rng.chance(0.04) {
            Some(marks[rng.below(marks.len())])
        } else {
            None
        };
        let token = match mark {
            // A hyphen joins this word and the next.
            Some('-') => words.next().map_or_else(|| word.clone(), |next| format!("{word}-{next}")),
            Some(m) => decorate(&word, m, &course.language, lesson),
            None => word,
        };
        if token.ends_with(['.', '?', '!']) {
            left = 0;
        }
        out.push(token);
    }
    out
}

/// `word` with the mark `m` where it goes in the language's text.
fn decorate(word: &str, m: char, language: &str, lesson: &Lesson) -> String {
    let has = |c: char| lesson.allowed.contains(&c);
    match m {
        '.' | '?' | '!' | ',' | ';' | ':' => format!("{word}{m}"),
        '—' => format!("— {word}"),
        '(' | ')' if has('(') && has(')') => format!("({word})"),
        '«' | '»' if has('«') && has('»') => format!("«{word}»"),
        '„' | '“' if has('„') && has('“') => format!("„{word}“"),
        '"' => format!("\"{word}\""),
        // French elides before a vowel: l'année, L'homme at the start of a sentence.
        '\'' if language == "fr"
            && has('l')
            && has('L')
            && word.starts_with(|c: char| "aeiouhéèêàâîôûAEIOUHÉ".contains(c)) =>
        {
            let mut chars = word.chars();
            let first = chars.next().unwrap_or(' ');
            let article = if first.is_uppercase() { 'L' } else { 'l' };
            format!("{article}'{}{}", first.to_lowercase(), chars.as_str())
        }
        '\'' if language == "fr" => word.to_owned(),
        '\'' if has('s') => format!("{word}'s"),
        _ => word.to_owned(),
    }
}

/// `word` with a capital first letter when the lesson allows that capital.
fn capitalise(word: &str, lesson: &Lesson) -> String {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut upper = first.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) if lesson.allowed.contains(&u) => std::iter::once(u).chain(chars).collect(),
        _ => word.to_owned(),
    }
}
