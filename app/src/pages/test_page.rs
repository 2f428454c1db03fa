//! The test page (`/test?mode=words&n=25`): the choice of test (in the link, so a test can be shared),
//! the text in its typing area, live figures, the on-screen keyboard, and the results at the end. The
//! test itself lives in [`TypingTest`], so leaving this page and coming back loses nothing.

use klava_core::keys::KeyAction;
use klava_core::keystats::SessionKeyStats;
use klava_core::layout::heat::{Heatmap, heat};
use klava_core::layout::{Layout, Stroke};
use klava_core::settings::{InputMode, TestChoice, TestMode};
use klava_core::stats::per_second;
use klava_core::{Engine, KeyKind, Summary};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use crate::components::announcer::Announcer;
use crate::components::hands::Hands;
use crate::components::keyboard::Keyboard;
use crate::components::keyboard_bar::KeyboardBar;
use crate::components::live_stats::{LiveStats, whole};
use crate::components::mode_bar::ModeBar;
use crate::components::results::{Results, ResultsData};
use crate::components::save_note::{SaveNote, SaveState};
use crate::components::text_view::TextView;
use crate::hooks::use_sounds::use_sounds;
use crate::hooks::use_title::use_title;
use crate::hooks::use_typing_keys::{focus_sink, use_typing_keys};
use crate::i18n::{t_string, tr, use_i18n};
use crate::prefs::Prefs;
use crate::progress::{Progress, Status};
use crate::typing::TypingTest;

fn results_of(e: &Engine, summary: Summary) -> ResultsData {
    let keys = SessionKeyStats::from(e);
    ResultsData {
        summary,
        seconds: per_second(e),
        slowest: keys.slowest(5).into_iter().map(|(k, ms)| (k.to_owned(), ms)).collect(),
        missed: keys.most_missed(5).into_iter().map(|(k, n)| (k.to_owned(), n)).collect(),
    }
}

/// The test a link's query names, if it names one Klava offers.
fn linked_choice(q: &ParamsMap) -> Option<TestChoice> {
    let pairs: Vec<(&str, String)> =
        ["mode", "n", "punctuation", "numbers"].into_iter().filter_map(|k| Some((k, q.get(k)?))).collect();
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
    let saved = Progress::expect();
    let announcer = Announcer::expect();
    let sounds = use_sounds();
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
    let screen_reader = prefs.signal(|s| s.screen_reader);
    // In screen-reader mode each mistake is said once per word, never per key.
    let error_said_in = StoredValue::new(None::<usize>);
    let sink = NodeRef::<leptos::html::Input>::new();
    let frame = NodeRef::<leptos::html::Div>::new();
    let keys = use_typing_keys(sink, frame, move |action, at, code| match action {
        KeyAction::Restart => test.restart(),
        KeyAction::ArmRestart | KeyAction::Leave => {}
        KeyAction::Type(input) => {
            let Some(k) = test.type_input(input, at, code) else { return };
            sounds.keystroke(k.kind);
            if screen_reader.get_untracked()
                && matches!(k.kind, KeyKind::Incorrect | KeyKind::Extra)
                && error_said_in.get_value() != Some(k.word)
            {
                error_said_in.set_value(Some(k.word));
                let expected = k.expected.clone().unwrap_or_default();
                let message = if expected.is_empty() || expected == " " {
                    t_string!(i18n, sr.extra).to_owned()
                } else {
                    t_string!(i18n, sr.wrong, expected = expected).to_string()
                };
                announcer.say(message);
            }
        }
    });
    let focused = RwSignal::new(false);
    // Arriving on the page (by link or reload) puts the learner in the test.
    Effect::new(move |_| {
        if sink.get().is_some() {
            focus_sink(&sink);
        }
    });

    let finished = Memo::new(move |_| engine.with(Engine::is_finished));
    // From the engine's running counts: O(1) per key however long the text (the whole summary is O(n)).
    let live = Memo::new(move |_| engine.with(klava_core::stats::live));
    // Built once when the test ends, not on every key.
    let results =
        Memo::new(move |_| finished.get().then(|| engine.with_untracked(|e| results_of(e, Summary::from(e)))));
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
    // Screen-reader mode: the word to type next, whenever the caret enters one (or a new text starts).
    let word = Memo::new(move |_| engine.with(|e| e.words().get(e.caret().0).map(|g| (e.caret().0, g.concat()))));
    Effect::watch(
        move || (word.get(), screen_reader.get(), finished.get()),
        move |(word, on, done), _, _| {
            if let (Some((_, word)), true, false) = (word, on, done) {
                announcer.say(t_string!(i18n, sr.next_word, word = word.clone()).to_string());
            }
        },
        true,
    );

    let progress = Signal::derive(move || match test.choice.get().mode {
        TestMode::Time(limit) => {
            let elapsed = engine.with(|e| e.started_at().map_or(0.0, |s| test.now.get() - s));
            format!("{}", (f64::from(limit) - elapsed / 1000.0).ceil().clamp(0.0, f64::from(limit)))
        }
        TestMode::Words(n) => format!("{}/{n}", engine.with(|e| e.caret().0)),
    });
    let layout = Memo::new(move |_| prefs.with_layout(Layout::clone));
    let next = Memo::new(move |_| {
        // A single character; a grapheme of several (a letter and a combining mark) has no one key.
        let c = engine.with(|e| e.next_expected().and_then(|g| g.parse::<char>().ok()))?;
        prefs.with_layout(|l| l.stroke_for(c))
    });
    let heatmap_mode = prefs.signal(|s| s.heatmap);
    let heatmap = Memo::new(move |_| {
        let mode = heatmap_mode.get();
        let profile = prefs.profile();
        saved.history.with(|h| prefs.with_layout(|l| heat(l, h.profile_stats(&profile), mode)))
    });
    let save_state = Signal::derive(move || match saved.status.get() {
        Status::Unavailable(_) => SaveState::NotKept,
        _ if saved.unsaved.get() == 0 => SaveState::Saved,
        _ if saved.problem.with(Option::is_some) => SaveState::NotSaved,
        _ => SaveState::Saving,
    });
    let use_emulation = move |_| {
        prefs.update(|s| s.input = InputMode::Emulate);
        test.wrong_layout.set(false);
        focus_sink(&sink);
    };
    let show_keyboard = prefs.signal(|s| s.show_keyboard);
    let finger_colours = prefs.signal(|s| s.finger_colours);
    let new_test = move |_| {
        test.restart();
        focus_sink(&sink);
    };
    view! {
        <main class="test-page" id="main" tabindex="-1">
            <h1 class="sr-only">{tr!(i18n, test.title)}</h1>
            // Outside the typing area's frame, so the focus stays in the test after it ends (Tab, Enter).
            <input class="input-sink" data-testid="input-sink" node_ref=sink tabindex="-1"
                aria-label=tr!(i18n, test.input_label) aria-describedby="typing-hint"
                autocomplete="off" autocapitalize="off" spellcheck="false"
                on:focus=move |_| focused.set(true) on:blur=move |_| focused.set(false) />
            <ModeBar choice=test.choice.into() on_change=choose />
            <KeyboardBar />
            <Show when=move || keys.caps_lock.get()>
                <p class="notice" data-testid="caps-lock" role="status">{tr!(i18n, test.caps_lock)}</p>
            </Show>
            <Show when=move || test.wrong_layout.get() && prefs.with(|s| s.input == InputMode::Os)>
                <p class="notice" data-testid="wrong-layout" role="status">
                    {tr!(i18n, test.wrong_layout)} " "
                    <button type="button" class="link" data-testid="use-emulation" on:mousedown=|e| e.prevent_default() on:click=use_emulation>
                        {move || t_string!(i18n, test.emulate, layout = layout.with(|l| l.name.clone())).to_string()}
                    </button>
                </p>
            </Show>
            <Show when=move || !finished.get()>
                <LiveStats
                    wpm=Signal::derive(move || live.get().wpm)
                    accuracy=Signal::derive(move || live.get().accuracy)
                    progress
                />
                <div class="typing-box" node_ref=frame tabindex="0" data-testid="typing-area" role="group"
                    aria-label=tr!(i18n, test.area_label) aria-describedby="typing-hint"
                    class:focused=move || focused.get() class:idle=move || !focused.get()
                    on:click=move |_| focus_sink(&sink)>
                    <Show when=move || !focused.get()>
                        <p class="paused" data-testid="paused">{tr!(i18n, test.paused)}</p>
                    </Show>
                    <TextView
                        count=Memo::new(move |_| engine.with(|e| e.words().len())).into()
                        word=Callback::new(move |i| engine.with(|e| e.word_view(i)))
                        caret=Memo::new(move |_| engine.with(Engine::caret)).into()
                        text=test.text.into()
                    />
                </div>
            </Show>
            <p class="hint" id="typing-hint">{tr!(i18n, test.hint)}</p>
            {move || results.get().map(|data| view! { <Results data=Signal::derive(move || data.clone()) /> })}
            <Show when=move || finished.get()>
                <SaveNote state=save_state />
            </Show>
            <Show when=move || show_keyboard.get()>
                <div class="keyboard-area">
                    <Keyboard layout=layout.into() next=next.into() flash=test.flash.into()
                        finger_colours=finger_colours.into() heat=heatmap.into() />
                    <Show when=move || heatmap_mode.get() != Heatmap::Off>
                        <p class="heat-legend" data-testid="heat-legend">
                            <span>{move || if heatmap_mode.get() == Heatmap::Speed { t_string!(i18n, keyboard.legend_fast) } else { t_string!(i18n, keyboard.legend_accurate) }}</span>
                            <span class="scale" aria-hidden="true"></span>
                            <span>{move || if heatmap_mode.get() == Heatmap::Speed { t_string!(i18n, keyboard.legend_slow) } else { t_string!(i18n, keyboard.legend_missed) }}</span>
                        </p>
                    </Show>
                    <Hands finger=Signal::derive(move || next.get().map(|s: Stroke| s.finger)) />
                </div>
            </Show>
            <button type="button" class="button restart" data-testid="restart" on:mousedown=|e| e.prevent_default() on:click=new_test>
                {tr!(i18n, test.new_test)}
            </button>
        </main>
    }
}
