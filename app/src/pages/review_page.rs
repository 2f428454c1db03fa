//! Spaced review (`/review`): the keys, letter pairs, words and confusions that come back, grouped, with
//! when each is due; a session of the due ones (`klava_core::review::text`), and after it when each
//! item it practised comes back. [`DueFact`] says on home how many are due today.

use klava_core::record::ModeKind;
use klava_core::review::memory::Memory;
use klava_core::review::{Item, text::text};
use klava_core::rng::Rng;
use leptos::prelude::*;

use crate::components::session_end::{ExerciseEnd, SessionEnd, exercise_end};
use crate::components::typing_area::TypingArea;
use crate::config::random_seed;
use crate::hooks::use_title::use_title;
use crate::i18n::{I18n, t_string, tr, use_i18n};
use crate::pages::learn::course::{load_problem, use_course};
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::review::{end_of_today, next_text, targets, with_review};
use crate::storage::ids;
use crate::typing::{Exercise, ExerciseText, TypingTest};

/// Words in one review session: a minute or two at most targets.
const WORDS: usize = 40;
/// Items listed in a group before "and N more".
const SHOWN: usize = 30;

/// What the review page shows, read at one moment.
#[derive(Clone, PartialEq)]
struct Snapshot {
    now: f64,
    /// Every item of the learner's profile with its memory, soonest due first.
    all: Vec<(Item, Memory)>,
    /// The items due now, most forgotten first (`Review::due`).
    due: Vec<Item>,
}

/// The learner's profile's review now.
fn items_now(prefs: Prefs, saved: Progress) -> Snapshot {
    let now = ids::now_ms();
    let profile = prefs.profile().key();
    let t = targets(prefs);
    let (mut all, due) = saved.history.with(|h| {
        with_review(h, &profile, t, |r| {
            let all: Vec<(Item, Memory)> = r.items().iter().map(|(i, m)| (i.clone(), *m)).collect();
            (all, r.due(now).into_iter().map(|(i, _)| i.clone()).collect::<Vec<_>>())
        })
    });
    all.sort_by(|a, b| a.1.due_ms().total_cmp(&b.1.due_ms()).then_with(|| a.0.cmp(&b.0)));
    Snapshot { now, all, due }
}

/// An item as the learner reads it: the key, the pair or the word as a key cap; a confusion as
/// "ы instead of и".
fn item_view(i18n: I18n, item: &Item) -> AnyView {
    match item {
        Item::Key(k) | Item::Bigram(k) | Item::Word(k) => view! { <kbd>{k.clone()}</kbd> }.into_any(),
        Item::Confusion { expected, typed } => view! {
            <span class="confusion"><kbd>{typed.clone()}</kbd>" "{t_string!(i18n, review.instead_of)}" "<kbd>{expected.clone()}</kbd></span>
        }
        .into_any(),
    }
}

/// Items, soonest due first, in lines by when they come back: "in 4 days: а б в".
fn by_when(i18n: I18n, items: &[&(Item, Memory)], now: f64) -> impl IntoView + use<> {
    let mut lines: Vec<(String, bool, Vec<AnyView>)> = Vec::new();
    for (item, m) in items {
        let when = next_text(i18n, m, now);
        match lines.last_mut() {
            Some((w, _, views)) if *w == when => views.push(item_view(i18n, item)),
            _ => lines.push((when, m.is_due(now), vec![item_view(i18n, item)])),
        }
    }
    lines
        .into_iter()
        .map(|(when, due, items)| {
            view! {
                <li class="review-line" class:due=due>
                    <span class="when">{when}":"</span>" "<span class="review-items">{items}</span>
                </li>
            }
        })
        .collect_view()
}

/// The page.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || t_string!(i18n, review.title).to_owned());
    let prefs = Prefs::expect();
    let test = TypingTest::expect();
    let saved = Progress::expect();
    let data = use_course();
    let items = Memo::new(move |_| items_now(prefs, saved));
    let due = Memo::new(move |_| items.with(|s| s.due.clone()));
    let typing = RwSignal::new(false);
    // The items a session set out to review, and when it started.
    let reviewing = StoredValue::new((Vec::<Item>::new(), 0.0));
    let start = Callback::new(move |()| {
        let Some(Ok(course)) = data.get_untracked() else { return };
        let due = due.get_untracked();
        let list: Vec<&str> = course.words().iter().map(String::as_str).collect();
        let mut rng = Rng::new(random_seed());
        let words = prefs.with_layout_untracked(|l| text(&due, &list, |c| l.stroke_for(c).is_some(), WORDS, &mut rng));
        if words.is_empty() {
            return;
        }
        reviewing.set_value((due, ids::now_ms()));
        test.start_exercise(ExerciseText { text: words.join(" "), exercise: Exercise::Review });
        typing.set(true);
    });
    on_cleanup(move || test.leave_exercise());
    let ExerciseEnd { finished, results, typed } = exercise_end(typing);
    // Once the session is saved: when each item it set out to review comes back.
    let practised = Memo::new(move |_| {
        if !finished.get() {
            return None;
        }
        let (wanted, started) = reviewing.get_value();
        let t = targets(prefs);
        saved.history.with(|h| {
            let row = h.rows().next().filter(|r| r.mode.kind == ModeKind::Review && r.ended_at_ms >= started)?;
            let done = with_review(h, &row.profile, t, |r| {
                r.practised_at(row.ended_at_ms).into_iter().map(|(i, m)| (i.clone(), *m)).collect::<Vec<_>>()
            });
            Some(done.into_iter().filter(|(i, _)| wanted.contains(i)).collect::<Vec<_>>())
        })
    });
    let can_start = move || data.with(|d| matches!(d, Some(Ok(_)))) && due.with(|d| !d.is_empty());
    view! {
        <main class="test-page review" id="main" tabindex="-1" data-testid="review">
            <h1 class="lesson-title">{tr!(i18n, review.title)}</h1>
            <p class="muted">{tr!(i18n, review.intro)}</p>
            {move || data.with(|d| match d {
                Some(Err(e)) => Some(view! { <p class="notice" role="alert">{load_problem(i18n, e)}</p> }),
                _ => None,
            })}
            <Show when=move || typing.get() fallback=move || view! {
                <DueLine items />
                <p><button type="button" class="button primary" data-testid="review-start" disabled=move || !can_start()
                    on:click=move |_| start.run(())>{tr!(i18n, review.start)}</button></p>
                <ItemGroups items />
            }>
                <TypingArea progress=typed on_restart=start>
                    <SessionEnd results />
                    <Show when=move || finished.get()>
                        <ComingBack practised />
                        <p><button type="button" class="button primary" data-testid="review-next" disabled=move || !can_start()
                            on:click=move |_| start.run(())>{tr!(i18n, review.again)}</button></p>
                    </Show>
                </TypingArea>
            </Show>
        </main>
    }
}

/// "Due now: 5", or when the next one comes back, or that there is nothing yet.
#[component]
fn DueLine(items: Memo<Snapshot>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        items.with(|Snapshot { now, all, due }| {
            let n = due.len();
            let line = match all.first() {
                None => t_string!(i18n, review.empty).to_owned(),
                Some(_) if n > 0 => t_string!(i18n, review.due_now_count, n = n).to_string(),
                Some((_, m)) => t_string!(i18n, review.next_comes, when = next_text(i18n, m, *now)).to_string(),
            };
            view! { <p class="review-due" role="status" data-testid="review-due">{line}</p> }
        })
    }
}

/// The items in groups (keys, letter pairs, words, confusions), each in lines by when it comes back.
#[component]
fn ItemGroups(items: Memo<Snapshot>) -> impl IntoView {
    let i18n = use_i18n();
    let group = move |title: &'static str, kind: &'static str, pick: fn(&Item) -> bool| {
        items.with(|Snapshot { now, all, .. }| {
            let chosen: Vec<&(Item, Memory)> = all.iter().filter(|(i, _)| pick(i)).collect();
            if chosen.is_empty() {
                return None;
            }
            let more = chosen.len().saturating_sub(SHOWN);
            let lines = by_when(i18n, &chosen[..chosen.len().min(SHOWN)], *now);
            Some(view! {
                <section class="card review-group" data-testid=format!("review-{kind}")>
                    <h2>{title}</h2>
                    <ul class="review-lines">{lines}</ul>
                    {(more > 0).then(|| view! { <p class="muted">{t_string!(i18n, review.more, n = more).to_string()}</p> })}
                </section>
            })
        })
    };
    move || {
        view! {
            {group(t_string!(i18n, review.keys), "keys", |i| matches!(i, Item::Key(_)))}
            {group(t_string!(i18n, review.bigrams), "bigrams", |i| matches!(i, Item::Bigram(_)))}
            {group(t_string!(i18n, review.words), "words", |i| matches!(i, Item::Word(_)))}
            {group(t_string!(i18n, review.confusions), "confusions", |i| matches!(i, Item::Confusion { .. }))}
        }
    }
}

/// After a session: when each item it set out to review comes back ("in 4 days: ш щ").
#[component]
fn ComingBack(practised: Memo<Option<Vec<(Item, Memory)>>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let mut list = practised.get()?;
        list.sort_by(|a, b| a.1.due_ms().total_cmp(&b.1.due_ms()).then_with(|| a.0.cmp(&b.0)));
        let refs: Vec<&(Item, Memory)> = list.iter().collect();
        (!refs.is_empty()).then(|| {
            view! {
                <section class="review-after" data-testid="review-after">
                    <h2>{tr!(i18n, review.coming_back)}</h2>
                    <ul class="review-lines">{by_when(i18n, &refs, ids::now_ms())}</ul>
                </section>
            }
        })
    }
}

/// Home's line: how many items are due today, linking to the review; nothing before any item exists.
#[component]
pub fn DueFact() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let saved = Progress::expect();
    let counts = Memo::new(move |_| {
        let Snapshot { now, all, .. } = items_now(prefs, saved);
        let end = end_of_today(now);
        (all.len(), all.iter().filter(|(_, m)| m.due_ms() < end || m.is_due(now)).count())
    });
    move || {
        let (items, due) = counts.get();
        (items > 0).then(|| {
            view! {
                <div class="fact" data-testid="home-review">
                    <div class="label muted">{tr!(i18n, review.title)}</div>
                    <div class="value"><a href="/review">{t_string!(i18n, review.due_today, n = due).to_string()}</a></div>
                </div>
            }
        })
    }
}
