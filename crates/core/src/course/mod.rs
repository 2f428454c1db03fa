//! Courses: from the home row to common words, generated for any layout from its keys and its
//! language's word list, so a new layout gets its course without a line written for it.
//!
//! A course is units of lessons; each lesson brings in one or two new characters (or, for capitals, a
//! Shift key) and its text uses only what earlier lessons taught plus those. The plan ([`plan`]) depends
//! on the layout and on which letters the word list uses; a lesson's text ([`Course::text`]) is drawn
//! from a seed, so the same lesson with the same seed is the same text on every device.

mod markov;
mod order;
pub mod pass;
pub mod progress;
mod text;
pub mod written;

pub use markov::{Model, rank_weight};
pub use order::base_letters;

use crate::layout::{Layout, Level};

/// A course's units, in the order taught.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitKind {
    Home,
    Top,
    Bottom,
    /// Letters the language uses that need a dead key, Shift or AltGr (French ê, for example).
    Accents,
    /// Capital letters, typed with the opposite hand's Shift.
    Capitals,
    /// The number row: digits, and letters on it (French é è ç à, Russian ё).
    Numbers,
    Punctuation,
    /// Common words at growing lengths of the frequency list, then sentences.
    Words,
}

impl UnitKind {
    /// The stable name in lesson ids and URLs (`home`, `top`, …).
    pub fn key(self) -> &'static str {
        match self {
            Self::Home => "home",
            Self::Top => "top",
            Self::Bottom => "bottom",
            Self::Accents => "accents",
            Self::Capitals => "capitals",
            Self::Numbers => "numbers",
            Self::Punctuation => "punctuation",
            Self::Words => "words",
        }
    }
}

/// One lesson of a course.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// Stable within the course: the unit's key and the lesson's number in it (`home-1`).
    pub id: String,
    pub unit: UnitKind,
    /// The characters this lesson brings in (empty for the words unit's lessons).
    pub new: Vec<char>,
    /// Every character its text may use: what earlier lessons taught and [`Lesson::new`] (space aside).
    pub allowed: Vec<char>,
    /// For the words unit: how many of the most frequent words its text draws from (0: all of them).
    pub top_words: usize,
    /// Whether its words come in sentences, with capitals and punctuation (the course's last lesson).
    pub sentences: bool,
}

/// A course for one layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Course {
    /// The layout's id: a course is the layout's.
    pub id: String,
    pub language: String,
    pub lessons: Vec<Lesson>,
    words: Vec<String>,
    model: Model,
    /// Hand-written texts for some lessons ([`written`]).
    written: Vec<written::Written>,
}

/// The punctuation a language's texts use, in the order a course brings it in, two characters (one or
/// two keys) a lesson; characters the layout cannot type are left out.
fn punctuation_of(language: &str) -> &'static [&'static str] {
    match language {
        "ru" | "uk" => &[".,", "?!", "-—", ":;", "()", "«»", "\""],
        "de" => &[".,", "?!", "-:", ";\"", "()", "„“"],
        "fr" => &[".,", "?!", "'-", ":;", "()", "«»"],
        _ => &[".,", "?!", "'-", ";:", "()", "\""],
    }
}

/// The course for `layout`, with `words` (its language's list, most frequent first; words the layout
/// cannot type are skipped). O(words × letters).
pub fn plan(layout: &Layout, words: &[&str]) -> Course {
    let chars: std::collections::BTreeSet<char> = words.iter().flat_map(|w| w.chars()).collect();
    let typable: Vec<char> = chars.into_iter().filter(|c| layout.stroke_for(*c).is_some()).collect();
    let words: Vec<String> =
        words.iter().filter(|w| w.chars().all(|c| typable.contains(&c))).map(|w| (*w).to_owned()).collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let model = Model::train(&refs);
    let mut builder = Builder { lessons: Vec::new(), taught: Vec::new() };

    for (unit, row) in [(UnitKind::Home, 2), (UnitKind::Top, 1), (UnitKind::Bottom, 3)] {
        builder.unit(unit, order::groups(layout, &order::base_letters(layout, row)));
    }
    // Letters the words use beyond the rows' (for the number row's letters, see below).
    let row0 = order::base_letters(layout, 0);
    let mut accents: Vec<char> = Vec::new();
    for c in words.iter().flat_map(|w| w.chars()).filter(|c| c.is_lowercase()) {
        if !builder.taught.contains(&c) && !row0.contains(&c) && !accents.contains(&c) {
            accents.push(c);
        }
    }
    accents.sort_unstable();
    builder.unit(UnitKind::Accents, accents.chunks(2).map(<[char]>::to_vec).collect());

    builder.unit(UnitKind::Capitals, capitals(layout, &builder.taught));
    let digits: Vec<char> = ('0'..='9').collect();
    let mut numbers = order::groups(layout, &digits);
    numbers.extend(order::groups(layout, &row0));
    builder.unit(UnitKind::Numbers, numbers);
    let punctuation = punctuation_of(&layout.language)
        .iter()
        .map(|group| group.chars().filter(|c| layout.stroke_for(*c).is_some()).collect::<Vec<char>>())
        .filter(|g| !g.is_empty())
        .collect();
    builder.unit(UnitKind::Punctuation, punctuation);

    let mut lessons = builder.lessons;
    let mut bands: Vec<usize> = [100, 300, 1000].into_iter().map(|top| top.min(words.len())).collect();
    bands.dedup();
    let last = bands.len();
    for (n, top_words) in bands.into_iter().chain([0]).enumerate() {
        lessons.push(Lesson {
            id: format!("{}-{}", UnitKind::Words.key(), n + 1),
            unit: UnitKind::Words,
            new: Vec::new(),
            allowed: builder.taught.clone(),
            top_words,
            sentences: n == last,
        });
    }
    Course { id: layout.id.clone(), language: layout.language.clone(), lessons, words, model, written: Vec::new() }
}

/// Capitals in two lessons: those typed by the left hand (with the right Shift), then the right hand's.
fn capitals(layout: &Layout, letters: &[char]) -> Vec<Vec<char>> {
    let mut hands: [Vec<char>; 2] = [Vec::new(), Vec::new()];
    for &c in letters {
        let mut upper = c.to_uppercase();
        let (Some(u), None) = (upper.next(), upper.next()) else { continue };
        let Some(stroke) = layout.stroke_for(u).filter(|s| s.level == Level::Shift) else { continue };
        hands[usize::from(Layout::shift_for(stroke.finger) == "ShiftLeft")].push(u);
    }
    hands.into_iter().filter(|h| !h.is_empty()).collect()
}

/// Gathers lessons unit by unit, with what has been taught.
struct Builder {
    lessons: Vec<Lesson>,
    taught: Vec<char>,
}

impl Builder {
    fn unit(&mut self, unit: UnitKind, groups: Vec<Vec<char>>) {
        for (n, group) in groups.into_iter().enumerate() {
            let new: Vec<char> = group.into_iter().filter(|c| !self.taught.contains(c)).collect();
            if new.is_empty() {
                continue;
            }
            self.taught.extend(&new);
            let id = format!("{}-{}", unit.key(), n + 1);
            self.lessons.push(Lesson { id, unit, new, allowed: self.taught.clone(), top_words: 0, sentences: false });
        }
    }
}

impl Course {
    /// The course's words (the list it was planned with, less those the layout cannot type).
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The language model trained on [`Course::words`].
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The lesson with this id.
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    /// The lesson after `id`, if any.
    pub fn next(&self, id: &str) -> Option<&Lesson> {
        let at = self.lessons.iter().position(|l| l.id == id)?;
        self.lessons.get(at + 1)
    }

    /// The placement test's checkpoints: the last lesson of each unit, in order. A learner who already
    /// types passes them one after another; each passed opens its whole unit (see
    /// [`progress::Progress::unlocked`]), and the first not passed is where they start.
    pub fn checkpoints(&self) -> Vec<&Lesson> {
        self.units().into_iter().filter_map(|(_, lessons)| lessons.last().copied()).collect()
    }

    /// The units in order, each with its lessons.
    pub fn units(&self) -> Vec<(UnitKind, Vec<&Lesson>)> {
        let mut out: Vec<(UnitKind, Vec<&Lesson>)> = Vec::new();
        for lesson in &self.lessons {
            match out.last_mut() {
                Some((unit, list)) if *unit == lesson.unit => list.push(lesson),
                _ => out.push((lesson.unit, vec![lesson])),
            }
        }
        out
    }

    /// The text of `lesson`, drawn from `seed`: words separated by single spaces, using only the
    /// lesson's allowed characters. O(words in the list) for lessons that draw real words.
    pub fn text(&self, lesson: &Lesson, seed: u64) -> String {
        let generated = text::lesson(self, lesson, &mut crate::rng::Rng::new(seed)).join(" ");
        // A hand-written text for the lesson, when there are some, comes first (which one: by the seed).
        let written: Vec<&str> = self.written_for(lesson).collect();
        match written.get((seed % written.len().max(1) as u64) as usize) {
            Some(w) => format!("{w} {generated}"),
            None => generated,
        }
    }
}

#[cfg(test)]
mod tests;
