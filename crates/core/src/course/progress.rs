//! A learner's place in their courses, folded from the history's rows: the best stars of each lesson,
//! which lessons are open, and the lesson to continue with.
//!
//! Stars are judged from each lesson session's own figures and what it needed then (its
//! [`LessonRun`]), and a lesson keeps its best: the result is the same whatever order the rows come in,
//! and a session synced from another device counts like one typed here.

use std::collections::BTreeMap;

use super::pass::judge;
use super::{Course, Lesson};
use crate::history::Row;
use crate::record::LessonRun;

/// Best stars per course and lesson (0: tried, never passed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    best: BTreeMap<(String, String), u8>,
}

impl Progress {
    /// Folds the rows of lesson sessions (other rows are skipped). O(rows × log lessons).
    pub fn from_rows<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Self {
        let mut best: BTreeMap<(String, String), u8> = BTreeMap::new();
        for row in rows {
            let Some(run) = &row.lesson else { continue };
            let stars = stars_of(run, row.wpm, row.accuracy);
            let entry = best.entry((run.course.clone(), run.lesson.clone())).or_default();
            *entry = (*entry).max(stars);
        }
        Self { best }
    }

    /// The best stars of a lesson; `None` when it was never tried.
    pub fn stars(&self, course: &str, lesson: &str) -> Option<u8> {
        self.best.get(&(course.to_owned(), lesson.to_owned())).copied()
    }

    /// Whether a lesson was passed.
    pub fn passed(&self, course: &str, lesson: &str) -> bool {
        self.stars(course, lesson).is_some_and(|s| s > 0)
    }

    /// Whether `lesson` of `course` is open: the first always, any other once the one before it was
    /// passed, and every lesson up to the furthest passed one (a placement test passes a lesson far on).
    pub fn unlocked(&self, course: &Course, lesson: &str) -> bool {
        let Some(at) = course.lessons.iter().position(|l| l.id == lesson) else { return false };
        at <= self.furthest(course).map_or(0, |f| f + 1)
    }

    /// The lesson to continue with: the one after the furthest passed (the first when none was); `None`
    /// when the last was passed.
    pub fn next<'c>(&self, course: &'c Course) -> Option<&'c Lesson> {
        course.lessons.get(self.furthest(course).map_or(0, |f| f + 1))
    }

    /// Where a placement test starts: the first checkpoint of `course` not passed yet (`None` when every
    /// one was).
    pub fn placement_from(&self, course: &Course) -> Option<usize> {
        course.checkpoints().iter().position(|l| !self.passed(&course.id, &l.id))
    }

    /// Lessons passed and all lessons of a course.
    pub fn count(&self, course: &Course) -> (usize, usize) {
        (course.lessons.iter().filter(|l| self.passed(&course.id, &l.id)).count(), course.lessons.len())
    }

    fn furthest(&self, course: &Course) -> Option<usize> {
        course.lessons.iter().rposition(|l| self.passed(&course.id, &l.id))
    }
}

/// The stars a lesson session earned (0 when it did not pass or has no figures).
pub fn stars_of(run: &LessonRun, wpm: Option<f64>, accuracy: Option<f64>) -> u8 {
    match (wpm, accuracy) {
        (Some(wpm), Some(accuracy)) => judge(wpm, accuracy, run.speed, run.min_accuracy).stars(),
        _ => 0,
    }
}
