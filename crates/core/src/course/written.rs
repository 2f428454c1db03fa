//! Hand-written lesson texts: `lessons/<language>/lessons.txt` gives some lessons of every course of a
//! language a text written by hand (a pangram, a proverb), typed before the generated text. One per line,
//! `<lessons><TAB><text>`, where `<lessons>` is a unit's key (`home`, `words`, …) or `sentences` (the
//! lessons whose words come in sentences); blank lines and `#` comments are skipped. A text may use only
//! what every lesson it is for has taught: [`Course::with_written`] checks it against each course.

use super::{Course, Lesson};

/// The languages with hand-written texts, and the file of each under `lessons/`.
pub const WRITTEN_FILES: [(&str, &str); 2] = [("en", "en/lessons.txt"), ("ru", "ru/lessons.txt")];

/// The hand-written texts' file of `language`, if it has one.
pub fn written_file(language: &str) -> Option<&'static str> {
    WRITTEN_FILES.iter().find(|(l, _)| *l == language).map(|(_, file)| *file)
}

/// Why hand-written texts do not fit.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WrittenError {
    #[error("line {line}: expected the lessons, a tab and the text")]
    Format { line: usize },
    #[error("line {line}: no lessons are called {key:?}")]
    UnknownLessons { line: usize, key: String },
    #[error("line {line}: {lesson} has not taught {found:?} yet")]
    NotTaught { line: usize, lesson: String, found: char },
}

/// One text and the lessons it is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub line: usize,
    pub key: String,
    pub text: String,
}

impl Written {
    /// Whether `lesson` is one it is for.
    pub fn is_for(&self, lesson: &Lesson) -> bool {
        self.key == lesson.unit.key() || (self.key == "sentences" && lesson.sentences)
    }
}

/// The texts of a file.
///
/// # Errors
/// [`WrittenError::Format`] for a line without a key, a tab and a text.
pub fn parse(file: &str) -> Result<Vec<Written>, WrittenError> {
    let mut out = Vec::new();
    for (i, line) in file.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, text)) = line.split_once('\t').filter(|(k, t)| !k.is_empty() && !t.trim().is_empty()) else {
            return Err(WrittenError::Format { line: i + 1 });
        };
        out.push(Written { line: i + 1, key: key.to_owned(), text: text.trim().to_owned() });
    }
    Ok(out)
}

impl Course {
    /// This course with `written` texts, each checked against every lesson it is for.
    ///
    /// # Errors
    /// A text for no lesson of this course, or with a character one of its lessons has not taught.
    pub fn with_written(mut self, written: Vec<Written>) -> Result<Self, WrittenError> {
        for w in &written {
            let mut lessons = self.lessons.iter().filter(|l| w.is_for(l)).peekable();
            if lessons.peek().is_none() {
                return Err(WrittenError::UnknownLessons { line: w.line, key: w.key.clone() });
            }
            for lesson in lessons {
                if let Some(found) = w.text.chars().find(|c| *c != ' ' && !lesson.allowed.contains(c)) {
                    return Err(WrittenError::NotTaught { line: w.line, lesson: lesson.id.clone(), found });
                }
            }
        }
        self.written = written;
        Ok(self)
    }

    /// The hand-written texts for `lesson`.
    pub(super) fn written_for<'a>(&'a self, lesson: &'a Lesson) -> impl Iterator<Item = &'a str> + 'a {
        self.written.iter().filter(|w| w.is_for(lesson)).map(|w| w.text.as_str())
    }
}
