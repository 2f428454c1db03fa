//! A lesson (`/learn/<course>/<lesson>`): its new keys shown on the keyboard with their fingers, then
//! its text in the typing area, then the verdict — passed with stars, or what to work on — and the way
//! on. `/learn/<course>/next` opens the lesson to continue with; `/learn/<course>/placement` the
//! placement test ([`super::placement`]), whose parts are lessons typed here as checkpoints.

use std::sync::Arc;

use klava_core::course::pass::{Outcome, judge, lesson_speed};
use klava_core::course::{Course, Lesson};
use klava_core::layout::Stroke;
use klava_core::record::LessonRun;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_use::use_interval_fn;

use super::course::{LessonTopic, lesson_href, load_problem, star_glyphs, unit_name, use_course, use_course_progress};
use super::placement::Placement;
use crate::components::hands::Hands;
use crate::components::keyboard::Keyboard;
use crate::components::session_end::{ExerciseEnd, SessionEnd, exercise_end};
use crate::components::typing_area::TypingArea;
use crate::config::random_seed;
use crate::hooks::use_title::use_title;
use crate::i18n::{t_string, tr, use_i18n};
use crate::labels;
use crate::layouts::Layouts;
use crate::prefs::Prefs;
use crate::typing::{Exercise, ExerciseText, TypingTest};

/// The page: the course and lesson from the link, checked against the learner's layout and progress.
#[component]
pub fn LessonPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let prefs = Prefs::expect();
    let layouts = Layouts::expect();
    let course = use_course();
    let progress = use_course_progress();
    let navigate = use_navigate();
    let wanted =
        Memo::new(move |_| params.with(|p| (p.get("course").unwrap_or_default(), p.get("lesson").unwrap_or_default())));
    let layout_id = prefs.signal(|s| s.layout.clone());
    use_title(move || t_string!(i18n, learn.lesson_title).to_owned());
    // `next` becomes the lesson to continue with, without a history entry.
    Effect::new(move |_| {
        let (_, lesson) = wanted.get();
        if let (Some(Ok(c)), "next") = (course.get(), lesson.as_str()) {
            let to = progress.with(|p| p.next(&c).map_or_else(|| "/learn".to_owned(), |l| lesson_href(&c, l)));
            navigate(&to, NavigateOptions { replace: true, ..NavigateOptions::default() });
        }
    });
    move || {
        let (course_id, lesson_id) = wanted.get();
        if course_id != layout_id.get() {
            return if layouts.has(&course_id) {
                let name = layouts.name_of(&course_id);
                let switch = move |_| prefs.update(|s| s.layout = course_id.clone());
                view! {
                    <main class="page" id="main" tabindex="-1">
                        <p class="notice" data-testid="lesson-other-layout">{t_string!(i18n, learn.other_layout, layout = name.clone()).to_string()}</p>
                        <p><button type="button" class="button" on:click=switch>{t_string!(i18n, learn.switch, layout = name).to_string()}</button></p>
                    </main>
                }.into_any()
            } else {
                missing(i18n)
            };
        }
        match course.get() {
            None => view! { <main class="page" id="main"><p class="muted" role="status">{tr!(i18n, learn.loading)}</p></main> }.into_any(),
            Some(Err(e)) => view! { <main class="page" id="main"><p class="notice" role="alert" data-testid="learn-error">{load_problem(i18n, &e)}</p></main> }.into_any(),
            Some(Ok(c)) => match c.lesson(&lesson_id).cloned() {
                None if lesson_id == "next" => ().into_any(),
                None if lesson_id == "placement" => view! { <Placement course=c /> }.into_any(),
                None => missing(i18n),
                Some(_) if !progress.with_untracked(|p| p.unlocked(&c, &lesson_id)) => view! {
                    <main class="page" id="main" tabindex="-1">
                        <p class="notice" data-testid="lesson-locked">{tr!(i18n, learn.locked_page)}</p>
                        <p><a href="/learn">{tr!(i18n, learn.map)}</a></p>
                    </main>
                }.into_any(),
                Some(lesson) => view! { <LessonRunner course=c lesson /> }.into_any(),
            },
        }
    }
}

fn missing(i18n: crate::i18n::I18n) -> AnyView {
    view! {
        <main class="page" id="main" tabindex="-1">
            <p class="notice" data-testid="lesson-missing">{tr!(i18n, learn.no_lesson)}</p>
            <p><a href="/learn">{tr!(i18n, learn.map)}</a></p>
        </main>
    }
    .into_any()
}

/// A lesson typed as a part of the placement test: which part, what passing it does, and where the
/// learner starts when it is not passed.
#[derive(Clone)]
pub struct Checkpoint {
    pub number: usize,
    pub of: usize,
    /// Called when the part is passed (the next part, or the end).
    pub on_passed: Callback<()>,
    /// The first lesson of the part's unit.
    pub start_href: String,
}

/// One lesson: the introduction, then the typing, then the verdict.
#[component]
pub fn LessonRunner(
    course: Arc<Course>,
    lesson: Lesson,
    /// Set when the lesson is a part of the placement test.
    #[prop(optional)]
    checkpoint: Option<Checkpoint>,
) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let test = TypingTest::expect();
    let typing = RwSignal::new(false);
    let run = Memo::new({
        let (course_id, lesson) = (course.id.clone(), lesson.clone());
        move |_| LessonRun {
            course: course_id.clone(),
            lesson: lesson.id.clone(),
            speed: lesson_speed(lesson.unit, f64::from(prefs.with(|s| s.target_wpm.get()))),
            min_accuracy: f64::from(prefs.with(|s| s.pass_accuracy.get())),
        }
    });
    let start = Callback::new({
        let (course, lesson) = (course.clone(), lesson.clone());
        move |()| {
            let text = course.text(&lesson, random_seed());
            test.start_exercise(ExerciseText { text, exercise: Exercise::Lesson(run.get_untracked()) });
            typing.set(true);
        }
    });
    on_cleanup(move || test.leave_exercise());
    let ExerciseEnd { results, typed, .. } = exercise_end(typing);
    let outcome = Memo::new(move |_| {
        let r = results.get()?;
        let run = run.get();
        Some(judge(r.summary.wpm.unwrap_or(0.0), r.summary.accuracy.unwrap_or(0.0), run.speed, run.min_accuracy))
    });
    let next = StoredValue::new(course.next(&lesson.id).map(|l| lesson_href(&course, l)));
    let unit = lesson.unit;
    let part = StoredValue::new(checkpoint.clone());
    view! {
        <main class="test-page lesson" id="main" tabindex="-1" data-testid="lesson">
            <h1 class="lesson-title">{move || unit_name(i18n, unit)} " · " <LessonTopic lesson=lesson.clone() /></h1>
            <p class="muted" data-testid="lesson-needs">
                {move || { let r = run.get(); t_string!(i18n, learn.needs, wpm = r.speed, accuracy = r.min_accuracy).to_string() }}
            </p>
            <Show when=move || typing.get() fallback={
                let (lesson, checkpoint) = (lesson.clone(), checkpoint.clone());
                move || match &checkpoint {
                    Some(c) => view! { <PlacementIntro number=c.number of=c.of on_start=start /> }.into_any(),
                    None => view! { <Intro lesson=lesson.clone() on_start=start /> }.into_any(),
                }
            }>
                <TypingArea progress=typed on_restart=start>
                    {move || outcome.get().map(|o| view! {
                        <Verdict outcome=o run=run.get() next=next.get_value() on_again=start checkpoint=part.get_value() />
                    })}
                    <SessionEnd results />
                </TypingArea>
            </Show>
        </main>
    }
}

/// The new keys on the keyboard, one after another with their finger, and the way in.
#[component]
fn Intro(lesson: Lesson, on_start: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let layout = Memo::new(move |_| prefs.with_layout(Clone::clone));
    let strokes: Vec<(char, Stroke)> =
        lesson.new.iter().filter_map(|c| Some((*c, prefs.with_layout_untracked(|l| l.stroke_for(*c))?))).collect();
    let shown = RwSignal::new(0usize);
    let count = strokes.len().max(1);
    let _ = use_interval_fn(move || shown.update(|i| *i = (*i + 1) % count), 1500);
    let current = {
        let strokes = strokes.clone();
        Memo::new(move |_| strokes.get(shown.get()).map(|(_, s)| s.clone()))
    };
    let keys = strokes
        .iter()
        .map(|(c, s)| {
            let finger = s.finger;
            view! { <li><kbd>{c.to_string()}</kbd>" "<span class="muted">{move || labels::finger(i18n, finger)}</span></li> }
        })
        .collect_view();
    let has_keys = !strokes.is_empty();
    view! {
        <section class="lesson-intro card" data-testid="lesson-intro">
            <Show when=move || has_keys fallback=move || view! { <p>{tr!(i18n, learn.words_intro)}</p> }>
                <h2>{tr!(i18n, learn.new_keys)}</h2>
                <ul class="new-keys">{keys.clone()}</ul>
            </Show>
            <button type="button" class="button primary" data-testid="lesson-start" autofocus on:click=move |_| on_start.run(())>
                {tr!(i18n, learn.start)}
            </button>
        </section>
        <div class="keyboard-area">
            <Keyboard layout=layout.into() next=current.into() flash=Signal::derive(|| None)
                finger_colours=Signal::derive(|| true) heat=Signal::derive(Default::default) />
            <Hands finger=Signal::derive(move || current.get().map(|s| s.finger)) />
        </div>
    }
}

/// A placement part's start: which part, what passing does, and the way in.
#[component]
fn PlacementIntro(number: usize, of: usize, on_start: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="lesson-intro card" data-testid="placement-intro">
            <h2>{t_string!(i18n, learn.placement_part, n = number, all = of).to_string()}</h2>
            <p>{tr!(i18n, learn.placement_intro)}</p>
            <button type="button" class="button primary" data-testid="lesson-start" autofocus on:click=move |_| on_start.run(())>
                {tr!(i18n, learn.start)}
            </button>
        </section>
    }
}

/// Passed with stars, or what fell short, and the buttons on (in the placement test: the next part, or
/// where to start).
#[component]
fn Verdict(
    outcome: Outcome,
    run: LessonRun,
    next: Option<String>,
    on_again: Callback<()>,
    checkpoint: Option<Checkpoint>,
) -> impl IntoView {
    let i18n = use_i18n();
    let body = match outcome {
        Outcome::Passed { stars } => view! {
            <h2>{tr!(i18n, learn.passed_title)}</h2>
            <p class="stars big" role="img" aria-label=t_string!(i18n, learn.stars, n = stars).to_string()>{star_glyphs(stars)}</p>
        }
        .into_any(),
        Outcome::Failed { too_slow, too_inaccurate } => view! {
            <h2>{tr!(i18n, learn.failed_title)}</h2>
            <Show when=move || too_inaccurate>
                <p>{t_string!(i18n, learn.too_inaccurate, need = run.min_accuracy).to_string()}</p>
            </Show>
            <Show when=move || too_slow>
                <p>{t_string!(i18n, learn.too_slow, need = run.speed).to_string()}</p>
            </Show>
        }
        .into_any(),
    };
    let passed = outcome.stars() > 0;
    view! {
        <section class="verdict card" data-testid="lesson-verdict" class:passed=passed>
            {body}
            <div class="actions">
                {match checkpoint {
                    Some(c) if passed => view! {
                        <button type="button" class="button primary" data-testid="placement-next" on:click=move |_| c.on_passed.run(())>
                            {tr!(i18n, learn.placement_next)}
                        </button>
                    }.into_any(),
                    Some(c) => view! {
                        <a class="button primary" href=c.start_href data-testid="placement-start">{tr!(i18n, learn.placement_start)}</a>
                    }.into_any(),
                    None => next.filter(|_| passed).map(|href| view! {
                        <a class="button primary" href=href data-testid="lesson-next">{tr!(i18n, learn.next)}</a>
                    }).into_any(),
                }}
                <button type="button" class="button" data-testid="lesson-again" on:click=move |_| on_again.run(())>{tr!(i18n, learn.again)}</button>
                <a class="button" href="/learn">{tr!(i18n, learn.map)}</a>
            </div>
        </section>
    }
}
