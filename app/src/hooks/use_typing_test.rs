//! `use_typing_test`: one typing test — its engine, settings, restart, input and clock.

use klava_core::keys::KeyAction;
use klava_core::rng::Rng;
use klava_core::{Engine, Millis};
use leptos::prelude::*;
use leptos_use::use_interval_fn;

use crate::config::{TIME_MODE_CHUNK, TestConfig, TestMode, random_seed};
use crate::hooks::use_typing_keys::use_typing_keys;

/// What the page needs from a running test.
#[derive(Clone, Copy)]
pub struct UseTypingTestReturn {
    /// The session; read it through `with`.
    pub engine: RwSignal<Engine>,
    /// The settings; changing them starts a new test.
    pub config: RwSignal<TestConfig>,
    /// The clock now (`performance.now()`, same origin as event time stamps), refreshed ten times a second.
    pub now: ReadSignal<Millis>,
    /// Starts a new test with the current settings.
    pub restart: Callback<()>,
}

fn new_engine(config: &TestConfig, rng: &mut Rng) -> Engine {
    let text = config.text(config.initial_words(), rng);
    Engine::new(&text, config.options()).expect("generated text is never empty and has no control characters")
}

fn performance_now() -> Millis {
    window().performance().map_or(0.0, |p| p.now())
}

/// Starts a test with `TestConfig::default()` and wires the keyboard and the clock to it.
pub fn use_typing_test() -> UseTypingTestReturn {
    let config = RwSignal::new(TestConfig::default());
    let mut first_rng = Rng::new(random_seed());
    let engine = RwSignal::new(new_engine(&config.get_untracked(), &mut first_rng));
    let rng = StoredValue::new(first_rng);
    let (now, set_now) = signal(performance_now());

    let restart = Callback::new(move |()| {
        let fresh = rng.try_update_value(|r| new_engine(&config.get_untracked(), r));
        if let Some(fresh) = fresh {
            engine.set(fresh);
        }
    });
    // New settings, new test.
    Effect::watch(move || config.get(), move |_, _, _| restart.run(()), false);

    use_typing_keys(move |action, at| match action {
        KeyAction::Restart => restart.run(()),
        KeyAction::ArmRestart => {}
        KeyAction::Type(input) => {
            let needs_more = engine.try_update(|e| {
                // Input after the end, or a malformed event, is refused by the engine and changes nothing.
                let _ = e.apply(input, at);
                let in_time_mode = matches!(config.get_untracked().mode, TestMode::Time(_));
                in_time_mode && !e.is_finished() && e.caret().0 + TIME_MODE_CHUNK / 2 >= e.words().len()
            });
            if needs_more == Some(true) {
                let more = rng.try_update_value(|r| config.get_untracked().text(TIME_MODE_CHUNK, r));
                if let Some(more) = more {
                    engine.update(|e| {
                        let _ = e.extend(&more);
                    });
                }
            }
        }
    });

    let _ = use_interval_fn(
        move || {
            let t = performance_now();
            set_now.set(t);
            if engine.with_untracked(|e| e.time_up(t)) {
                engine.update(|e| {
                    e.tick(t);
                });
            }
        },
        100,
    );

    UseTypingTestReturn { engine, config, now, restart }
}
