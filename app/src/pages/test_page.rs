//! The test page (`/test?mode=words&n=25`): the choice of test (in the link, so a test can be shared),
//! the text in its typing area, live figures, the on-screen keyboard, and the results at the end. The
//! test itself lives in [`TypingTest`], so leaving this page and coming back loses nothing.

use klava_core::Engine;
use klava_core::quotes::quote_file;
use klava_core::settings::{TestChoice, TestMode};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use crate::components::announcer::Announcer;
use crate::components::keyboard_bar::KeyboardBar;
use crate::components::live_stats::whole;
use crate::components::mode_bar::ModeBar;
use crate::components::results::ResultsData;
use crate::components::session_end::SessionEnd;
use crate::components::typing_area::TypingArea;
use crate::config::{Missing, TestConfig};
use crate::hooks::use_title::use_title;
use crate::hooks::use_typing_keys::focus_typing;
use crate::i18n::{t_string, tr, use_i18n};
use crate::pages::lazy::LazyCustomEditor;
use crate::prefs::Prefs;
use crate::typing::TypingTest;
use crate::words::WordsError;

/// The test a link's query names, if it names one Klava offers.
fn linked_choice(q: &ParamsMap) -> Option<TestChoice> {
    let pairs: Vec<(&str, String)> =
        ["mode", "n", "length", "punctuation", "numbers"].into_iter().filter_map(|k| Some((k, q.get(k)?))).collect();
    TestChoice::from_query(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

/// Keeps the test and the link in step: a link names the test (a shared `/test?mode=time&n=60` starts
/// that test); a link that names none Klava offers is completed with the current test, without a new
/// history entry.
fn follow_link(test: TypingTest) {
    let query = use_query_map();
    let navigate = use_navigate();
    Effect::new(move |_| match query.with(linked_choice) {
        Some(c) if c != test.choice.get_untracked() => test.choice.set(c),
        Some(_) => {}
        None => {
            // After the navigation that brought the learner here has finished (replacing while it is still
            // under way would replace the page they came from), and only if nothing has named a test
            // meanwhile.
            let navigate = navigate.clone();
            set_timeout(
                move || {
                    if query.with_untracked(linked_choice).is_none() {
                        let to = format!("/test?{}", test.choice.get_untracked().to_query());
                        navigate(&to, NavigateOptions { replace: true, scroll: false, ..NavigateOptions::default() });
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    });
}

/// The page.
#[component]
pub fn TestPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || t_string!(i18n, test.title).to_owned());
    let prefs = Prefs::expect();
    let test = TypingTest::expect();
    // A lesson left open elsewhere gives way to the chosen test.
    test.leave_exercise();
    let announcer = Announcer::expect();
    follow_link(test);
    let navigate = use_navigate();
    let choose = Callback::new(move |c: TestChoice| {
        // Choosing the test already chosen starts it afresh, like choosing another.
        if c == test.choice.get_untracked() {
            test.restart();
        }
        prefs.update(|s| s.test = c);
        navigate(
            &format!("/test?{}", c.to_query()),
            NavigateOptions { replace: true, scroll: false, ..NavigateOptions::default() },
        );
    });

    let engine = test.engine;
    let finished = Memo::new(move |_| engine.with(Engine::is_finished));
    // Built once when the test ends, not on every key.
    let results = Memo::new(move |_| finished.get().then(|| engine.with_untracked(ResultsData::of)));
    Effect::watch(
        move || results.get(),
        move |r, _, _| {
            if let Some(r) = r {
                let (wpm, accuracy) = (whole(r.summary.wpm), whole(r.summary.accuracy));
                announcer.say(t_string!(i18n, sr.results, wpm = wpm, accuracy = accuracy).to_string());
            }
        },
        false,
    );
    let progress = Signal::derive(move || match test.choice.get().mode {
        TestMode::Time(limit) => {
            let elapsed = engine.with(|e| e.started_at().map_or(0.0, |s| test.now.get() - s));
            format!("{}", (f64::from(limit) - elapsed / 1000.0).ceil().clamp(0.0, f64::from(limit)))
        }
        TestMode::Words(_) | TestMode::Quote(_) | TestMode::Custom => {
            engine.with(|e| format!("{}/{}", e.caret().0, e.words().len()))
        }
        TestMode::Zen => engine.with(|e| e.caret().0.to_string()),
    });
    let has_quotes = Signal::derive(move || quote_file(&test.language.get()).is_some());
    let custom = Memo::new(move |_| test.choice.get().mode == TestMode::Custom);
    let new_test = move |_| {
        test.restart();
        focus_typing();
    };
    view! {
        <main class="test-page" id="main" tabindex="-1">
            <h1 class="sr-only">{tr!(i18n, test.title)}</h1>
            <ModeBar choice=test.choice.into() on_change=choose has_quotes />
            <KeyboardBar />
            <Show when=move || custom.get()>
                <LazyCustomEditor />
            </Show>
            <Show
                when=move || test.config.with(|c| c.missing().is_none())
                fallback=move || view! { <MissingNotice test choose /> }
            >
                <TypingArea progress on_restart=Callback::new(move |()| test.restart())>
                    {move || test.quote.get().map(|q| view! {
                        <p class="quote-source" data-testid="quote-source">"— " {q.author} ", " <cite>{q.work}</cite></p>
                    })}
                    <SessionEnd results />
                </TypingArea>
            </Show>
            <button type="button" class="button restart" data-testid="restart" on:mousedown=|e| e.prevent_default() on:click=new_test>
                {tr!(i18n, test.new_test)}
            </button>
        </main>
    }
}

/// What the chosen test still needs, said: texts on their way or not to be had (with a way to try
/// again), no quotes in this language (with a way to a words test). The custom text's problems are
/// said by its editor.
#[component]
fn MissingNotice(test: TypingTest, choose: Callback<TestChoice>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match test.config.with(TestConfig::missing) {
        Some(Missing::Data(Some(e))) => {
            let problem = match e {
                WordsError::Unreachable => t_string!(i18n, test.words_offline).to_owned(),
                WordsError::NoList(detail) | WordsError::Damaged(detail) => detail,
            };
            view! {
                <div class="notice" role="alert" data-testid="words-error">
                    <p>{t_string!(i18n, test.words_failed, problem = problem).to_string()}</p>
                    <button type="button" class="button" data-testid="words-retry" on:click=move |_| test.reload_texts()>
                        {tr!(i18n, test.words_retry)}
                    </button>
                </div>
            }
            .into_any()
        }
        Some(Missing::NoQuotes) => view! {
            <div class="notice" role="status" data-testid="no-quotes">
                <p>{tr!(i18n, test.no_quotes)}</p>
                <button type="button" class="button" data-testid="to-words"
                    on:click=move |_| choose.run(TestChoice { mode: TestMode::Words(25), ..test.choice.get_untracked() })>
                    {tr!(i18n, test.to_words)}
                </button>
            </div>
        }
        .into_any(),
        Some(Missing::Custom(_)) => ().into_any(),
        Some(Missing::Data(None)) | None => {
            view! { <p class="muted typing-placeholder" role="status" data-testid="words-loading">{tr!(i18n, test.words_loading)}</p> }
                .into_any()
        }
    }
    }
}
