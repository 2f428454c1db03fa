//! Learn (`/learn`): the course map of the learner's layout — units and lessons, the stars earned, which
//! lessons are open and what opens the others — and "continue" to the next lesson. A lesson
//! (`/learn/<course>/<lesson>`) is [`lesson::LessonPage`]; a learner who already types can take the
//! placement test ([`placement`]) to open the parts they know.

pub mod course;
pub mod lesson;
pub mod placement;

use std::sync::Arc;

use klava_core::course::Course;
use klava_core::course::progress::Progress as CourseProgress;
use leptos::prelude::*;

use crate::hooks::use_title::use_title;
use crate::i18n::{t_string, tr, use_i18n};
use crate::prefs::Prefs;
use course::{
    LessonTopic, lesson_href, lesson_name, lesson_number, load_problem, star_glyphs, unit_name, use_course,
    use_course_progress,
};

/// The page.
#[component]
pub fn LearnPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || t_string!(i18n, learn.title).to_owned());
    let prefs = Prefs::expect();
    let course = use_course();
    let progress = use_course_progress();
    let layout_name = Memo::new(move |_| prefs.with_layout(|l| l.name.clone()));
    view! {
        <main class="page learn" id="main" tabindex="-1" data-testid="learn">
            <h1>{tr!(i18n, learn.title)}</h1>
            <p>{move || t_string!(i18n, learn.intro, layout = layout_name.get()).to_string()}</p>
            {move || match course.get() {
                None => view! { <p class="muted" role="status">{tr!(i18n, learn.loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="notice" role="alert" data-testid="learn-error">{load_problem(i18n, &e)}</p> }.into_any(),
                Some(Ok(c)) => view! { <CourseMap course=c progress /> }.into_any(),
            }}
        </main>
    }
}

/// The map of one course.
#[component]
fn CourseMap(course: Arc<Course>, progress: Memo<CourseProgress>) -> impl IntoView {
    let i18n = use_i18n();
    let next = {
        let course = course.clone();
        move || progress.with(|p| p.next(&course).map(|l| (lesson_href(&course, l), lesson_name(i18n, l))))
    };
    let count = {
        let course = course.clone();
        move || progress.with(|p| p.count(&course))
    };
    let units = course.units().into_iter().map(|(unit, lessons)| {
        let items = lessons.into_iter().map(|lesson| {
            let (href, number, topic) = (lesson_href(&course, lesson), lesson_number(lesson).to_owned(), lesson.clone());
            let (course, id) = (course.clone(), lesson.id.clone());
            let state = Memo::new(move |_| progress.with(|p| (p.unlocked(&course, &id), p.stars(&course.id, &id))));
            let passed = move || state.get().1.unwrap_or(0) > 0;
            view! {
                <li class="lesson-card" class:locked=move || !state.get().0 class:passed=passed
                    data-testid=format!("lesson-{}", lesson.id)>
                    {move || {
                        let (open, stars) = state.get();
                        let label = t_string!(i18n, learn.stars, n = stars.unwrap_or(0)).to_string();
                        let body = view! {
                            <span class="lesson-n">{number.clone()}</span>
                            <LessonTopic lesson=topic.clone() />
                            <span class="stars" aria-label=label.clone() role="img">{star_glyphs(stars.unwrap_or(0))}</span>
                        };
                        if open {
                            view! { <a href=href.clone()>{body}</a> }.into_any()
                        } else {
                            view! {
                                <span class="lesson-locked" title=t_string!(i18n, learn.locked)>
                                    {body}<span class="sr-only">{tr!(i18n, learn.locked)}</span>
                                </span>
                            }.into_any()
                        }
                    }}
                </li>
            }
        }).collect_view();
        view! {
            <section class="unit" data-testid=format!("unit-{}", unit.key())>
                <h2>{move || unit_name(i18n, unit)}</h2>
                <ol class="lessons">{items}</ol>
            </section>
        }
    }).collect_view();
    view! {
        <div class="learn-head">
            {move || match next() {
                Some((href, topic)) => view! {
                    <a class="button primary" href=href data-testid="learn-continue">
                        {t_string!(i18n, learn.continue_with, lesson = topic).to_string()}
                    </a>
                }.into_any(),
                None => view! { <p data-testid="learn-done">{tr!(i18n, learn.done)}</p> }.into_any(),
            }}
            {
                let course = course.clone();
                move || progress.with(|p| p.placement_from(&course)).map(|_| view! {
                    <a class="button" href=format!("/learn/{}/placement", course.id) data-testid="learn-placement">
                        {tr!(i18n, learn.placement)}
                    </a>
                })
            }
            <p class="muted" data-testid="learn-count">
                {move || { let (done, all) = count(); t_string!(i18n, learn.passed, done = done, all = all).to_string() }}
            </p>
        </div>
        {units}
    }
}
