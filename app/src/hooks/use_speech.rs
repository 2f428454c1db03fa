//! `use_speech`: the browser's speech synthesis for dictation — the voice it has for a language, and a
//! text read aloud with it, at normal speed or slower. Browsers list their voices late (Chromium answers
//! an empty list first and fires `voiceschanged` when it has them), so the voice is looked for again on
//! that event, and a list still empty after [`WAIT_MS`] means there is none.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// How long to wait for the browser to list its voices.
const WAIT_MS: u64 = 2_000;
/// The rate of "slower" (1 is the voice's normal speed).
pub const SLOW_RATE: f32 = 0.6;

/// Whether the language can be read aloud.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Voice {
    /// The browser has not listed its voices yet.
    Looking,
    /// No speech synthesis here, or no voice for the language.
    Missing,
    /// A voice: its name and language tag (`ru-RU`).
    Found { name: String, lang: String },
}

/// The speech synthesis of this page, for one language.
#[derive(Clone, Copy)]
pub struct Speech {
    /// The voice for the language.
    pub voice: ReadSignal<Voice>,
    language: Signal<String>,
}

/// The page's speech synthesis; `None` where the browser has none (the property is then undefined).
fn synth() -> Option<SpeechSynthesis> {
    window().speech_synthesis().ok().filter(|s| !s.is_undefined() && !s.is_null())
}

/// Whether a voice's tag (`en-US`, `en_US`, `EN`) is of `language` (`en`).
fn speaks(tag: &str, language: &str) -> bool {
    let tag = tag.replace('_', "-").to_ascii_lowercase();
    tag == language || tag.starts_with(&format!("{language}-"))
}

/// The voice for `language`: the browser's default among those that speak it, else a local one, else any.
fn voice_for(language: &str) -> Option<SpeechSynthesisVoice> {
    let voices: Vec<SpeechSynthesisVoice> = synth()?
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
        .filter(|v| speaks(&v.lang(), language))
        .collect();
    voices
        .iter()
        .find(|v| v.default())
        .or_else(|| voices.iter().find(|v| v.local_service()))
        .or_else(|| voices.first())
        .cloned()
}

fn any_voices() -> bool {
    synth().is_some_and(|s| s.get_voices().length() > 0)
}

/// Looks for the voice of `language` (tracked) now, when the browser lists its voices, and gives up
/// after [`WAIT_MS`].
pub fn use_speech(language: Signal<String>) -> Speech {
    let (voice, set_voice) = signal(Voice::Looking);
    let look = move |give_up: bool| {
        let found = voice_for(&language.get_untracked());
        set_voice.set(match found {
            Some(v) => Voice::Found { name: v.name(), lang: v.lang() },
            None if give_up || synth().is_none() || any_voices() => Voice::Missing,
            None => Voice::Looking,
        });
    };
    Effect::new(move |_| {
        language.track();
        look(false);
    });
    if let Some(s) = synth() {
        let listener = Closure::<dyn Fn()>::new(move || look(false));
        let _ = s.add_event_listener_with_callback("voiceschanged", listener.as_ref().unchecked_ref());
        let held = StoredValue::new_local(Some(listener));
        on_cleanup(move || {
            if let (Some(s), Some(l)) = (synth(), held.try_update_value(Option::take).flatten()) {
                let _ = s.remove_event_listener_with_callback("voiceschanged", l.as_ref().unchecked_ref());
                s.cancel();
            }
        });
    }
    set_timeout(
        move || {
            if voice.try_get_untracked() == Some(Voice::Looking) {
                look(true);
            }
        },
        std::time::Duration::from_millis(WAIT_MS),
    );
    Speech { voice, language }
}

impl Speech {
    /// Reads `text` aloud, stopping what was being read; at [`SLOW_RATE`] when `slow`.
    pub fn say(&self, text: &str, slow: bool) {
        let (Some(s), Voice::Found { lang, .. }) = (synth(), self.voice.get_untracked()) else { return };
        let Ok(u) = SpeechSynthesisUtterance::new_with_text(text) else { return };
        u.set_lang(&lang);
        u.set_voice(voice_for(&self.language.get_untracked()).as_ref());
        u.set_rate(if slow { SLOW_RATE } else { 1.0 });
        s.cancel();
        s.speak(&u);
    }
}
