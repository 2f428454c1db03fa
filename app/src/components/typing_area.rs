//! The typing area of the running [`TypingTest`]: the hidden input that takes the keys, the notices
//! about Caps Lock and the OS layout, the live figures, the text, and the on-screen keyboard with the
//! hands. The test page and the lesson page put their own controls and results around it.

use klava_core::keys::KeyAction;
use klava_core::layout::heat::{Heatmap, heat};
use klava_core::layout::{Layout, Stroke};
use klava_core::settings::InputMode;
use klava_core::{Engine, KeyKind};
use leptos::prelude::*;

use crate::components::announcer::Announcer;
use crate::components::hands::Hands;
use crate::components::keyboard::Keyboard;
use crate::components::live_stats::LiveStats;
use crate::components::text_view::TextView;
use crate::hooks::use_sounds::use_sounds;
use crate::hooks::use_typing_keys::{focus_sink, use_typing_keys};
use crate::i18n::{t_string, tr, use_i18n};
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::typing::{ExerciseText, TypingTest};

/// The area. `progress` is the figure beside the live speed (time left, words typed); `on_restart` runs
/// on the restart key (Tab then Enter); `children` come after the text (the results, when it ends). An
/// `unseen` text (dictation) shows only what has been typed, and neither the keyboard nor the
/// screen-reader announcements tell the next key or word.
#[component]
pub fn TypingArea(
    progress: Signal<String>,
    on_restart: Callback<()>,
    children: ChildrenFn,
    #[prop(optional)] unseen: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let test = TypingTest::expect();
    let saved = Progress::expect();
    let announcer = Announcer::expect();
    let sounds = use_sounds();
    let engine = test.engine;
    // Practice's focus key, marked on the keyboard as in the text.
    let focus_code = Signal::derive(move || {
        let focus = test.exercise.with(|e| e.as_ref().and_then(ExerciseText::focus))?;
        prefs.with_layout(|l| l.stroke_for(focus).map(|s| s.code))
    });
    let screen_reader = prefs.signal(|s| s.screen_reader);
    // In screen-reader mode each mistake is said once per word, never per key.
    let error_said_in = StoredValue::new(None::<usize>);
    let sink = NodeRef::<leptos::html::Input>::new();
    let frame = NodeRef::<leptos::html::Div>::new();
    let keys = use_typing_keys(sink, frame, move |action, at, code| match action {
        KeyAction::Restart => on_restart.run(()),
        KeyAction::Finish => test.finish(at),
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
    // Screen-reader mode: the word to type next, whenever the caret enters one (or a new text starts).
    let word = Memo::new(move |_| engine.with(|e| e.words().get(e.caret().0).map(|g| (e.caret().0, g.concat()))));
    Effect::watch(
        move || (word.get(), screen_reader.get(), finished.get()),
        move |(word, on, done), _, _| {
            if let (Some((_, word)), true, false, false) = (word, on, done, unseen) {
                announcer.say(t_string!(i18n, sr.next_word, word = word.clone()).to_string());
            }
        },
        true,
    );
    let layout = Memo::new(move |_| prefs.with_layout(Layout::clone));
    let next = Memo::new(move |_| {
        if unseen {
            return None;
        }
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
    let use_emulation = move |_| {
        prefs.update(|s| s.input = InputMode::Emulate);
        test.wrong_layout.set(false);
        focus_sink(&sink);
    };
    let show_keyboard = prefs.signal(|s| s.show_keyboard);
    let finger_colours = prefs.signal(|s| s.finger_colours);
    view! {
        // Outside the typing area's frame, so the focus stays in the test after it ends (Tab, Enter).
        <input class="input-sink" data-testid="input-sink" node_ref=sink tabindex="-1"
            aria-label=tr!(i18n, test.input_label) aria-describedby="typing-hint"
            autocomplete="off" autocapitalize="off" spellcheck="false"
            on:focus=move |_| focused.set(true) on:blur=move |_| focused.set(false) />
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
                class:focused=move || focused.get() class:idle=move || !focused.get() class:unseen=unseen
                on:click=move |_| focus_sink(&sink)>
                <Show when=move || !focused.get()>
                    <p class="paused" data-testid="paused">{tr!(i18n, test.paused)}</p>
                </Show>
                <TextView
                    count=Memo::new(move |_| engine.with(|e| e.words().len())).into()
                    word=Callback::new(move |i| engine.with(|e| e.word_view(i)))
                    caret=Memo::new(move |_| engine.with(Engine::caret)).into()
                    text=test.text.into()
                    highlight=Signal::derive(move || test.exercise.with(|e| e.as_ref().and_then(ExerciseText::focus).map(String::from)))
                />
            </div>
        </Show>
        <p class="hint" id="typing-hint">
            {tr!(i18n, test.hint)}
            {move || engine.with(|e| e.options().zen).then(|| view! { " " <strong data-testid="zen-hint">{tr!(i18n, test.zen_hint)}</strong> })}
        </p>
        {children()}
        <Show when=move || show_keyboard.get()>
            <div class="keyboard-area">
                <Keyboard layout=layout.into() next=next.into() flash=test.flash.into()
                    finger_colours=finger_colours.into() heat=heatmap.into() focus=focus_code />
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
    }
}
