//! The placement test (`/learn/<course>/placement`): for a learner who already types, one part per unit
//! of the course — its last lesson, typed at that lesson's targets. Each part passed is a lesson passed
//! (a session record like any other), which opens its whole unit; the first part not passed is where the
//! learner starts. A second placement goes on from the first part not passed yet.

use std::sync::Arc;

use klava_core::course::Course;
use leptos::prelude::*;

use super::course::{lesson_href, use_course_progress};
use super::lesson::{Checkpoint, LessonRunner};
use crate::i18n::{tr, use_i18n};

/// The test, from the first part not passed yet.
#[component]
pub fn Placement(course: Arc<Course>) -> impl IntoView {
    let i18n = use_i18n();
    let progress = use_course_progress();
    let part = RwSignal::new(progress.with_untracked(|p| p.placement_from(&course)));
    move || {
        let Some(i) = part.get() else {
            return view! {
                <main class="page" id="main" tabindex="-1">
                    <p class="notice" role="status" data-testid="placement-done">{tr!(i18n, learn.placement_done)}</p>
                    <p><a class="button primary" href="/learn">{tr!(i18n, learn.map)}</a></p>
                </main>
            }
            .into_any();
        };
        let checkpoints = course.checkpoints();
        let of = checkpoints.len();
        let lesson = checkpoints[i].clone();
        let first_of_unit = course.lessons.iter().find(|l| l.unit == lesson.unit).unwrap_or(&lesson);
        let checkpoint = Checkpoint {
            number: i + 1,
            of,
            on_passed: Callback::new(move |()| part.set((i + 1 < of).then_some(i + 1))),
            start_href: lesson_href(&course, first_of_unit),
        };
        view! { <LessonRunner course=course.clone() lesson checkpoint /> }.into_any()
    }
}
