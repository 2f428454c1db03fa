//! Dictation (`/dictation`): the browser reads a short sentence (a quote) or a few common words aloud in
//! the keyboard's language, and the learner types what they hear, in lower case and without punctuation
//! (`klava_core::text::heard`); the text shows only as it is typed.
//! "Listen again" reads on from the word the caret is in, "Slower" reads at a slower rate. Where the
//! browser has no voice for the language, the page says so and offers nothing to start.

use klava_core::quotes::QuoteLength;
use klava_core::rng::Rng;
use klava_core::settings::{TestChoice, TestMode};
use klava_core::text::heard;
use leptos::prelude::*;

use crate::components::session_end::{ExerciseEnd, SessionEnd, exercise_end};
use crate::components::typing_area::TypingArea;
use crate::config::{Fetched, TestConfig, random_seed};
use crate::hooks::use_speech::{Voice, use_speech};
use crate::hooks::use_title::use_title;
use crate::i18n::{t_string, tr, use_i18n};
use crate::layouts::Layouts;
use crate::prefs::Prefs;
use crate::typing::{Exercise, ExerciseText, TypingTest};

/// Words read out in one words dictation.
const WORDS: u32 = 8;

/// What is read out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Sentence,
    Words,
}

/// How the words `from` on are read: a sentence as it is; separate words with a comma's pause between.
fn reading(words: &[Vec<String>], from: usize, source: Source) -> String {
    let words: Vec<String> = words.iter().skip(from).map(|g| g.concat()).collect();
    words.join(if source == Source::Words { ", " } else { " " })
}

/// The page.
#[component]
pub fn DictationPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || t_string!(i18n, dictation.title).to_owned());
    let prefs = Prefs::expect();
    let layouts = Layouts::expect();
    let test = TypingTest::expect();
    let speech = use_speech(test.language.into());
    Effect::new(move |_| test.texts.load(&test.language.get(), true));
    let quotes = Memo::new(move |_| test.texts.quotes(&test.language.get()));
    let has_sentences = Memo::new(
        move |_| matches!(quotes.get(), Fetched::Ready(q) if q.iter().any(|q| q.length() == QuoteLength::Short)),
    );
    let source = RwSignal::new(Source::Sentence);
    let slow = RwSignal::new(false);
    let typing = RwSignal::new(false);
    let source_now = move || if has_sentences.get_untracked() { source.get_untracked() } else { Source::Words };
    // What the text being typed was made of (quotes arriving later do not change how it is read).
    let typing_source = RwSignal::new(Source::Words);
    let engine = test.engine;
    let say_from = move |from: usize| {
        let text = engine.with_untracked(|e| reading(e.words(), from, typing_source.get_untracked()));
        speech.say(&text, slow.get_untracked());
    };
    let start = Callback::new(move |()| {
        let from = source_now();
        let mode = match from {
            Source::Sentence => TestMode::Quote(QuoteLength::Short),
            Source::Words => TestMode::Words(WORDS),
        };
        let config = TestConfig {
            choice: TestChoice { mode, punctuation: false, numbers: false },
            quotes: quotes.get_untracked(),
            ..test.config.get_untracked()
        };
        let last = test.quote.with_untracked(|q| q.as_ref().map(|q| q.id));
        let made = prefs
            .with_layout_untracked(|l| config.make(|c| l.stroke_for(c).is_some(), last, &mut Rng::new(random_seed())));
        // What is typed is what is heard: no capitals or punctuation the voice cannot say.
        let Some((made, text)) = made.and_then(|m| heard(&m.text).map(|t| (m, t))) else { return };
        let amount = made.quote.as_ref().map_or(WORDS, |q| q.id);
        typing_source.set(from);
        test.start_exercise(ExerciseText { text, exercise: Exercise::Dictation(amount) });
        typing.set(true);
        // A sentence is read as written, its punctuation giving the voice its pauses.
        match &made.quote {
            Some(q) => speech.say(&q.text, slow.get_untracked()),
            None => say_from(0),
        }
        test.quote.set(made.quote);
    });
    on_cleanup(move || test.leave_exercise());
    let ExerciseEnd { finished, results, typed } = exercise_end(typing);
    let voice = speech.voice;
    let ready = Memo::new(move |_| {
        matches!(voice.get(), Voice::Found { .. })
            && !matches!(test.texts.words(&test.language.get()), Fetched::Loading)
    });
    let layout_name = Memo::new(move |_| prefs.with(|s| layouts.name_of(&s.layout)));
    let again = move |_| say_from(engine.with_untracked(|e| e.caret().0));
    let slower = move |_| {
        slow.update(|s| *s = !*s);
        say_from(engine.with_untracked(|e| e.caret().0));
    };
    // Buttons beside the text keep the keys going to the text.
    let keep_focus = |e: leptos::ev::MouseEvent| e.prevent_default();
    view! {
        <main class="test-page dictation" id="main" tabindex="-1" data-testid="dictation">
            <h1 class="lesson-title">{tr!(i18n, dictation.title)}</h1>
            <p class="muted">{tr!(i18n, dictation.intro)}</p>
            {move || match voice.get() {
                Voice::Looking => view! { <p class="muted" role="status" data-testid="voice-looking">{tr!(i18n, dictation.looking)}</p> }.into_any(),
                Voice::Missing => view! {
                    <p class="notice" role="alert" data-testid="no-voice">
                        {move || t_string!(i18n, dictation.no_voice, layout = layout_name.get()).to_string()}
                    </p>
                }.into_any(),
                Voice::Found { name, .. } => view! {
                    <p class="muted" data-testid="voice">{move || t_string!(i18n, dictation.voice, name = name.clone()).to_string()}</p>
                }.into_any(),
            }}
            <Show when=move || typing.get() fallback=move || view! {
                <div class="practice-start" role="radiogroup" aria-label=tr!(i18n, dictation.what)>
                    <label class="radio">
                        <input type="radio" name="dictation-source" data-testid="dictation-sentence"
                            disabled=move || !has_sentences.get()
                            prop:checked=move || source.get() == Source::Sentence && has_sentences.get()
                            on:change=move |_| source.set(Source::Sentence) />
                        " " {tr!(i18n, dictation.sentence)}
                    </label>
                    <label class="radio">
                        <input type="radio" name="dictation-source" data-testid="dictation-words"
                            prop:checked=move || source.get() == Source::Words || !has_sentences.get()
                            on:change=move |_| source.set(Source::Words) />
                        " " {move || t_string!(i18n, dictation.words, n = WORDS).to_string()}
                    </label>
                    <button type="button" class="button primary" data-testid="dictation-start"
                        disabled=move || !ready.get() on:click=move |_| start.run(())>{tr!(i18n, dictation.start)}</button>
                </div>
            }>
                <div class="dictation-controls">
                    <button type="button" class="button" data-testid="dictation-again" on:mousedown=keep_focus on:click=again
                        disabled=move || finished.get()>{tr!(i18n, dictation.again)}</button>
                    <button type="button" class="button" data-testid="dictation-slower" on:mousedown=keep_focus on:click=slower
                        aria-pressed=move || slow.get().to_string() disabled=move || finished.get()>{tr!(i18n, dictation.slower)}</button>
                </div>
                <TypingArea progress=typed on_restart=start unseen=true>
                    <Show when=move || finished.get()>
                        <p class="heard" data-testid="dictation-text">
                            <span class="muted">{tr!(i18n, dictation.was)} " "</span>
                            {move || engine.with(|e| reading(e.words(), 0, Source::Sentence))}
                        </p>
                        <p><button type="button" class="button primary" data-testid="dictation-next" on:click=move |_| start.run(())>
                            {tr!(i18n, dictation.next)}
                        </button></p>
                    </Show>
                    <SessionEnd results />
                </TypingArea>
            </Show>
        </main>
    }
}
