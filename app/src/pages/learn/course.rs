//! The course of the learner's layout, planned once its word list (and its language's hand-written
//! lesson texts) have arrived, the learner's progress in
//! it (folded from the history's rows, so lessons typed on another device count), and how a lesson is
//! named.

use std::sync::Arc;

use klava_core::course::progress::Progress as CourseProgress;
use klava_core::course::{Course, Lesson, UnitKind, plan};
use leptos::prelude::*;

use crate::i18n::{I18n, t_string, use_i18n};
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::words::{WordsError, course_words, written_texts};

/// The course, `None` while its word list is on its way.
pub type Loaded = Option<Result<Arc<Course>, WordsError>>;

/// The course of the current layout: fetched and planned again when the layout changes.
pub fn use_course() -> Signal<Loaded> {
    let prefs = Prefs::expect();
    let layout = Memo::new(move |_| prefs.with_layout(Clone::clone));
    let resource = LocalResource::new(move || {
        let layout = layout.get();
        async move {
            let words = course_words(&layout.language).await?;
            let written = written_texts(&layout.language).await?;
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let course = plan(&layout, &refs).with_written(written).map_err(|e| WordsError::Damaged(e.to_string()))?;
            Ok(Arc::new(course))
        }
    });
    Signal::derive(move || resource.get())
}

/// The learner's progress in every course.
pub fn use_course_progress() -> Memo<CourseProgress> {
    let saved = Progress::expect();
    Memo::new(move |_| saved.history.with(|h| CourseProgress::from_rows(h.rows())))
}

/// A unit's name.
pub fn unit_name(i18n: I18n, unit: UnitKind) -> &'static str {
    match unit {
        UnitKind::Home => t_string!(i18n, learn.unit_home),
        UnitKind::Top => t_string!(i18n, learn.unit_top),
        UnitKind::Bottom => t_string!(i18n, learn.unit_bottom),
        UnitKind::Accents => t_string!(i18n, learn.unit_accents),
        UnitKind::Capitals => t_string!(i18n, learn.unit_capitals),
        UnitKind::Numbers => t_string!(i18n, learn.unit_numbers),
        UnitKind::Punctuation => t_string!(i18n, learn.unit_punctuation),
        UnitKind::Words => t_string!(i18n, learn.unit_words),
    }
}

/// What a lesson is about: its new keys as keys, or its part of the word list in words.
#[component]
pub fn LessonTopic(lesson: Lesson) -> impl IntoView {
    let i18n = use_i18n();
    if lesson.unit == UnitKind::Capitals {
        // The first capitals lesson has the left hand's letters (typed with the right Shift), see `plan`.
        let left = lesson_number(&lesson) == "1";
        let hand = move || if left { t_string!(i18n, learn.caps_left) } else { t_string!(i18n, learn.caps_right) };
        view! { <span class="lesson-topic">{hand}</span> }.into_any()
    } else if lesson.unit == UnitKind::Words {
        let (sentences, n) = (lesson.sentences, lesson.top_words);
        let words = move || {
            if sentences {
                t_string!(i18n, learn.sentences).to_owned()
            } else {
                t_string!(i18n, learn.top_words, n = n).to_string()
            }
        };
        view! { <span class="lesson-topic">{words}</span> }.into_any()
    } else {
        let keys = lesson.new.iter().map(|c| view! { <kbd>{c.to_string()}</kbd> }).collect_view();
        view! { <span class="lesson-topic lesson-keys">{keys}</span> }.into_any()
    }
}

/// "Home row, 2": a lesson's unit and number, to name it in a sentence.
pub fn lesson_name(i18n: I18n, lesson: &Lesson) -> String {
    format!("{}, {}", unit_name(i18n, lesson.unit), lesson_number(lesson))
}

/// A lesson's number within its unit, from its id (`home-2` → 2).
pub fn lesson_number(lesson: &Lesson) -> &str {
    lesson.id.rsplit('-').next().unwrap_or_default()
}

/// The link to a lesson.
pub fn lesson_href(course: &Course, lesson: &Lesson) -> String {
    format!("/learn/{}/{}", course.id, lesson.id)
}

/// Stars as text (★★☆) for the eye; the caller gives the words for screen readers.
pub fn star_glyphs(stars: u8) -> String {
    (0..3).map(|i| if i < stars { '★' } else { '☆' }).collect()
}

/// A load failure in words.
pub fn load_problem(i18n: I18n, e: &WordsError) -> String {
    let problem = match e {
        WordsError::NoList(language) => language.clone(),
        WordsError::Unreachable => t_string!(i18n, learn.offline).to_owned(),
        WordsError::Damaged(detail) => detail.clone(),
    };
    t_string!(i18n, learn.load_failed, problem = problem).to_string()
}
