//! `use_sounds`: a soft click on each key and a low tone on a mistake, synthesised with the Web Audio
//! API (no audio files to download). Both are off by default (settings). Playing schedules two audio
//! nodes on the audio thread and returns at once, so it never delays the keystroke handler. Making the
//! audio context starts the audio device, which takes tens of milliseconds: it is made soon after the
//! page opens with a sound on (or the sound is turned on), never inside a key press; browsers start it
//! suspended until a gesture, so the first key press resumes it.

use klava_core::KeyKind;
use leptos::prelude::*;
use web_sys::{AudioContext, AudioContextState, OscillatorType};

use crate::prefs::Prefs;

/// One sound: oscillator shape, pitch (Hz), length (s) and peak gain.
struct Tone {
    shape: OscillatorType,
    hz: f32,
    seconds: f64,
    gain: f32,
}

const CLICK: Tone = Tone { shape: OscillatorType::Triangle, hz: 1900.0, seconds: 0.03, gain: 0.12 };
const ERROR: Tone = Tone { shape: OscillatorType::Square, hz: 180.0, seconds: 0.09, gain: 0.08 };

/// Plays key sounds as the settings say.
#[derive(Clone, Copy)]
pub struct UseSoundsReturn {
    context: StoredValue<Option<AudioContext>, LocalStorage>,
    prefs: Prefs,
}

impl UseSoundsReturn {
    /// The sound for a keystroke judged `kind`, if the learner turned it on.
    pub fn keystroke(&self, kind: KeyKind) {
        let (click, error) = self.prefs.with_untracked(|s| (s.key_sound, s.error_sound));
        let tone = match kind {
            KeyKind::Incorrect | KeyKind::Extra if error => &ERROR,
            KeyKind::Ignored => return,
            _ if click => &CLICK,
            _ => return,
        };
        self.context.with_value(|c| {
            let Some(c) = c else { return };
            if c.state() == AudioContextState::Suspended {
                let _ = c.resume();
            }
            if play(c, tone).is_err() {
                leptos::logging::warn!("klava: could not play a sound");
            }
        });
    }
}

/// Schedules `tone` now: an oscillator through a gain that decays to silence.
fn play(c: &AudioContext, tone: &Tone) -> Result<(), wasm_bindgen::JsValue> {
    let t = c.current_time();
    let osc = c.create_oscillator()?;
    osc.set_type(tone.shape);
    osc.frequency().set_value(tone.hz);
    let gain = c.create_gain()?;
    gain.gain().set_value_at_time(tone.gain, t)?;
    gain.gain().exponential_ramp_to_value_at_time(0.0001, t + tone.seconds)?;
    osc.connect_with_audio_node(&gain)?;
    gain.connect_with_audio_node(&c.destination())?;
    osc.start_with_when(t)?;
    osc.stop_with_when(t + tone.seconds)?;
    Ok(())
}

/// The sounds, reading the settings when each key is played. The audio context is made once a sound is
/// on, outside any key press.
pub fn use_sounds() -> UseSoundsReturn {
    let sounds = UseSoundsReturn { context: StoredValue::new_local(None), prefs: Prefs::expect() };
    let wanted = sounds.prefs.signal(|s| s.key_sound || s.error_sound);
    Effect::new(move |_| {
        if wanted.get() && sounds.context.with_value(Option::is_none) {
            set_timeout(
                move || {
                    if sounds.context.with_value(Option::is_none) {
                        sounds.context.set_value(AudioContext::new().ok());
                    }
                },
                std::time::Duration::from_millis(50),
            );
        }
    });
    sounds
}
