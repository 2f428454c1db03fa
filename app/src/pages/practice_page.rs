//! Adaptive practice (`/practice`): the keys in play with how near each is to the targets, the focus key,
//! and a text of pseudo-words (or real words) made only of the keys in play, the focus key marked in it.
//! A session that finds every key in play at the targets brings in the next one (`klava_core::practice`);
//! none is taken away. Due review items of the keys in play take a share of the text
//! (`klava_core::review::text::blend`). The learner may also pick the keys by hand.

use klava_core::practice::{Plan, ever_unlocked, letter_order, plan, text};
use klava_core::record::PracticeRun;
use klava_core::review;
use klava_core::rng::Rng;
use leptos::prelude::*;

use crate::components::check::Check;
use crate::components::session_end::{ExerciseEnd, SessionEnd, exercise_end};
use crate::components::typing_area::TypingArea;
use crate::config::random_seed;
use crate::hooks::use_title::use_title;
use crate::i18n::{t_string, tr, use_i18n};
use crate::pages::learn::course::{load_problem, use_course};
use crate::pages::practice_chart::KeyChart;
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::review::{targets, with_review};
use crate::storage::ids;
use crate::typing::{Exercise, ExerciseText, TypingTest};

/// Words in one practice text.
const WORDS: usize = 30;

/// The page.
#[component]
pub fn PracticePage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || t_string!(i18n, practice.title).to_owned());
    let prefs = Prefs::expect();
    let test = TypingTest::expect();
    let saved = Progress::expect();
    // The course of the layout brings the word list and the language model practice draws from.
    let data = use_course();
    let order = Memo::new(move |_| {
        let course = data.get()?.ok()?;
        let refs: Vec<&str> = course.words().iter().map(String::as_str).collect();
        Some(prefs.with_layout(|l| letter_order(l, &refs)))
    });
    let plan = Memo::new(move |_| {
        let order = order.get()?;
        let profile = prefs.profile();
        let (wpm, accuracy) = prefs.with(|s| (f64::from(s.target_wpm.get()), f64::from(s.pass_accuracy.get()) / 100.0));
        Some(
            saved.history.with(|h| {
                plan(&order, h.profile_stats(&profile), &ever_unlocked(h.rows(), &profile.key()), wpm, accuracy)
            }),
        )
    });
    let real_words = RwSignal::new(false);
    let picking = RwSignal::new(false);
    let picked = RwSignal::new(Vec::<char>::new());
    let typing = RwSignal::new(false);
    let start = Callback::new(move |()| {
        let (Some(Ok(course)), Some(p)) = (data.get_untracked(), plan.get_untracked()) else { return };
        let real = real_words.get_untracked();
        let run = if picking.get_untracked() {
            let chosen = p.picked(&picked.get_untracked());
            if chosen.unlocked.is_empty() {
                return;
            }
            // The keys in play stay as they were: a key the plan would bring in has not been met yet.
            let unlocked = p.unlocked.iter().filter(|c| Some(**c) != p.new_key).collect();
            let run = PracticeRun { unlocked, focus: chosen.focus, picked: Some(chosen.unlocked.iter().collect()) };
            (chosen, run)
        } else {
            let run = PracticeRun { unlocked: p.unlocked.iter().collect(), focus: p.focus, picked: None };
            (p, run)
        };
        let (p, run) = run;
        let mut rng = Rng::new(random_seed());
        let mut words = text(course.model(), course.words(), &p, real, WORDS, &mut rng);
        if !picking.get_untracked() {
            // Due review items of the keys in play take a share of the text.
            let due = saved.history.with_untracked(|h| {
                with_review(h, &prefs.profile().key(), targets(prefs), |r| {
                    r.due(ids::now_ms()).into_iter().map(|(i, _)| i.clone()).collect::<Vec<_>>()
                })
            });
            let list: Vec<&str> = course.words().iter().map(String::as_str).collect();
            let share = (WORDS as f64 * review::text::PRACTICE_SHARE) as usize;
            review::text::blend(
                &mut words,
                review::text::text(&due, &list, |c| p.unlocked.contains(&c), share, &mut rng),
            );
        }
        test.start_exercise(ExerciseText { text: words.join(" "), exercise: Exercise::Practice(run) });
        typing.set(true);
    });
    on_cleanup(move || test.leave_exercise());
    let ExerciseEnd { finished, results, typed } = exercise_end(typing);
    view! {
        <main class="test-page practice" id="main" tabindex="-1" data-testid="practice">
            <h1 class="lesson-title">{tr!(i18n, practice.title)}</h1>
            <p class="muted">{tr!(i18n, practice.intro)}</p>
            {move || match data.get() {
                None => view! { <p class="muted" role="status">{tr!(i18n, learn.loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="notice" role="alert" data-testid="practice-error">{load_problem(i18n, &e)}</p> }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            {move || plan.get().map(|p| view! { <KeyStrip plan=p picking=picking.into() picked /> })}
            <Show when=move || !typing.get()>
                {move || plan.get().map(|p| view! { <KeyChart plan=p /> })}
            </Show>
            <Show when=move || typing.get() fallback=move || view! {
                <div class="practice-start">
                    <Check label=Signal::derive(move || t_string!(i18n, practice.real_words).to_owned()) value=real_words.into()
                        on_change=Callback::new(move |on| real_words.set(on)) testid="practice-real-words" />
                    <Check label=Signal::derive(move || t_string!(i18n, practice.pick).to_owned()) value=picking.into()
                        on_change=Callback::new(move |on: bool| {
                            // Picking starts from the keys in play.
                            if on && picked.with_untracked(Vec::is_empty) {
                                picked.set(plan.with_untracked(|p| p.as_ref().map(|p| p.unlocked.clone()).unwrap_or_default()));
                            }
                            picking.set(on);
                        }) testid="practice-pick" />
                    <button type="button" class="button primary" data-testid="practice-start"
                        disabled=move || plan.with(Option::is_none) || (picking.get() && picked.with(Vec::is_empty))
                        on:click=move |_| start.run(())>{tr!(i18n, practice.start)}</button>
                </div>
            }>
                <TypingArea progress=typed on_restart=start>
                    <Show when=move || finished.get()>
                        <p><button type="button" class="button primary" data-testid="practice-next" on:click=move |_| start.run(())>
                            {tr!(i18n, practice.next)}
                        </button></p>
                    </Show>
                    <SessionEnd results />
                </TypingArea>
            </Show>
        </main>
    }
}

/// The letters in their order: in play or not, the focus and a new key marked, and how near each is to
/// the targets (100 % = there). While `picking`, each letter is a switch that adds it to `picked` or
/// takes it out.
#[component]
fn KeyStrip(plan: Plan, picking: Signal<bool>, picked: RwSignal<Vec<char>>) -> impl IntoView {
    let i18n = use_i18n();
    let keys = plan
        .keys
        .iter()
        .map(|k| {
            let key = k.key;
            let in_play = plan.unlocked.contains(&k.key);
            let percent = k.confidence.map(|c| (c * 100.0).round().min(999.0) as u32);
            let label = move || match (in_play, percent) {
                (false, _) => t_string!(i18n, practice.not_in_play).to_owned(),
                (true, Some(p)) => t_string!(i18n, practice.confidence, n = p).to_string(),
                (true, None) => t_string!(i18n, practice.not_enough).to_owned(),
            };
            view! {
                <li class="pkey" class:in-play=in_play class:focus={plan.focus == Some(k.key)} class:new-key={plan.new_key == Some(k.key)}
                    data-testid=format!("pkey-{}", k.key) title=label>
                    {move || if picking.get() {
                        let on = move || picked.with(|p| p.contains(&key));
                        let toggle = move |_| picked.update(|p| if let Some(at) = p.iter().position(|c| *c == key) { p.remove(at); } else { p.push(key); });
                        view! { <button type="button" class="pick" aria-pressed=move || on().to_string() data-testid=format!("pick-{key}") on:click=toggle>
                            <kbd>{key.to_string()}</kbd></button> }.into_any()
                    } else {
                        view! { <kbd>{key.to_string()}</kbd> }.into_any()
                    }}
                    <progress class="bar" aria-hidden="true" max="100" value=percent.unwrap_or(0).min(100)></progress>
                    <span class="sr-only">{label}</span>
                </li>
            }
        })
        .collect_view();
    let focus = plan.focus.map(|f| {
        view! {
            <p data-testid="practice-focus">{tr!(i18n, practice.focus)} " " <kbd>{f.to_string()}</kbd></p>
        }
    });
    let new_key = plan.new_key.map(|k| view! {
        <p class="notice" role="status" data-testid="practice-new-key">{tr!(i18n, practice.new_key)} " " <kbd>{k.to_string()}</kbd></p>
    });
    view! {
        {new_key}
        <ol class="key-strip" aria-label=tr!(i18n, practice.keys_label)>{keys}</ol>
        <Show when=move || picking.get()>
            <p class="muted" data-testid="practice-pick-hint">{tr!(i18n, practice.pick_hint)}</p>
        </Show>
        {focus}
    }
}
