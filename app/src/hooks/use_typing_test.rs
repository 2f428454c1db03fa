//! `use_typing_test`: one typing test — its engine, settings, restart, input and clock — and what the
//! page shows around it (wrong-key flash, wrong-layout hint, per-profile statistics).

use klava_core::keys::KeyAction;
use klava_core::lessons::words_for;
use klava_core::profile::Profile;
use klava_core::record::{Body, Record, Session, SessionMode};
use klava_core::rng::Rng;
use klava_core::text::wrong_script;
use klava_core::{Engine, KeyKind, Millis};
use leptos::prelude::*;
use leptos_use::use_interval_fn;

use crate::config::{STORE_KEY, StoredTest, TIME_MODE_CHUNK, TestConfig, TestMode, random_seed};
use crate::hooks::use_typing_keys::use_typing_keys;
use crate::progress::Progress;
use crate::settings::Keyboards;
use crate::storage::ids;
use crate::stored;

/// How long a wrongly pressed key flashes on the on-screen keyboard.
const FLASH_MS: u64 = 250;

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
    /// Whether Caps Lock is on.
    pub caps_lock: ReadSignal<bool>,
    /// The code of a key just pressed by mistake, while it flashes.
    pub flash: ReadSignal<Option<String>>,
    /// Whether two letters in a row came in the other alphabet (Latin for Cyrillic or the reverse): the
    /// OS layout looks wrong.
    pub wrong_layout: RwSignal<bool>,
    /// The hidden input that receives input-method and soft-keyboard text; render it once.
    pub sink: NodeRef<leptos::html::Input>,
}

fn new_engine(config: &TestConfig, rng: &mut Rng) -> Engine {
    let text = config.text(config.initial_words(), rng);
    Engine::new(&text, config.options()).expect("generated text is never empty and has no control characters")
}

fn performance_now() -> Millis {
    window().performance().map_or(0.0, |p| p.now())
}

/// The record of a finished session.
fn session_of(e: &Engine, profile: Profile, config: &TestConfig) -> Session {
    let (kind, amount) = match config.mode {
        TestMode::Words(n) => ("words", u32::try_from(n).unwrap_or(u32::MAX)),
        TestMode::Time(s) => ("time", s),
    };
    let mode = SessionMode { kind: kind.into(), amount, punctuation: config.punctuation, numbers: config.numbers };
    // getTimezoneOffset is UTC − local; the record keeps local − UTC.
    let utc_offset_min = -(web_sys::js_sys::Date::new_0().get_timezone_offset() as i32);
    Session::typed(e, profile, mode, ids::now_ms(), utc_offset_min)
}

/// Starts a test and wires the keyboard and the clock to it.
pub fn use_typing_test() -> UseTypingTestReturn {
    let keyboards = Keyboards::expect();
    let language = move || words_for(&keyboards.with_layout(|l| l.language.clone())).1;
    let initial = TestConfig { language: language(), ..TestConfig::default() };
    let config = RwSignal::new(stored::load::<StoredTest>(STORE_KEY).map_or(initial, |s| initial.with_stored(s)));
    stored::save_on_change(STORE_KEY, config, |c| StoredTest::from(c));
    stored::follow_log(
        STORE_KEY,
        config,
        |c| StoredTest::from(c),
        move |s| Some(config.get_untracked().with_stored(s)),
    );
    let mut first_rng = Rng::new(random_seed());
    let engine = RwSignal::new(new_engine(&config.get_untracked(), &mut first_rng));
    let rng = StoredValue::new(first_rng);
    let (now, set_now) = signal(performance_now());
    let (flash, set_flash) = signal(None::<String>);
    let wrong_layout = RwSignal::new(false);
    let wrong_script_run = StoredValue::new(0u8);

    let restart = Callback::new(move |()| {
        if let Some(fresh) = rng.try_update_value(|r| new_engine(&config.get_untracked(), r)) {
            engine.set(fresh);
        }
    });
    // New settings, new test; a layout in another language brings that language's words.
    Effect::watch(move || config.get(), move |_, _, _| restart.run(()), false);
    Effect::watch(language, move |lang, _, _| config.update(|c| c.language = lang), false);

    let sink = NodeRef::<leptos::html::Input>::new();
    let keys = use_typing_keys(sink, move |action, at, code| match action {
        KeyAction::Restart => restart.run(()),
        KeyAction::ArmRestart => {}
        KeyAction::Type(input) => {
            let Some((needs_more, last)) = engine.try_update(|e| {
                // Input after the end, or a malformed event, is refused by the engine and changes nothing.
                let _ = e.apply(input, at);
                let in_time_mode = matches!(config.get_untracked().mode, TestMode::Time(_));
                let needs_more =
                    in_time_mode && !e.is_finished() && e.caret().0 + TIME_MODE_CHUNK / 2 >= e.words().len();
                (needs_more, e.log().last().cloned())
            }) else {
                return;
            };
            if let Some(k) = &last {
                if matches!(k.kind, KeyKind::Incorrect | KeyKind::Extra) {
                    set_flash.set(Some(code.to_owned()));
                    set_timeout(move || set_flash.set(None), std::time::Duration::from_millis(FLASH_MS));
                }
                // An extra letter is judged against its word; only letters count either way.
                let expected =
                    k.expected.clone().or_else(|| engine.with_untracked(|e| e.words()[k.word].first().cloned()));
                match wrong_script(expected.as_deref().unwrap_or_default(), k.typed.as_deref().unwrap_or_default()) {
                    Some(true) => wrong_script_run.update_value(|n| *n = n.saturating_add(1)),
                    Some(false) => wrong_script_run.set_value(0),
                    None => {}
                }
            }
            if wrong_script_run.get_value() >= 2 {
                wrong_layout.set(true);
            }
            if needs_more && let Some(more) = rng.try_update_value(|r| config.get_untracked().text(TIME_MODE_CHUNK, r))
            {
                engine.update(|e| {
                    let _ = e.extend(&more);
                });
            }
        }
    });

    // A finished session is a record, saved the moment it ends.
    let progress = Progress::expect();
    let finished = Memo::new(move |_| engine.with(Engine::is_finished));
    Effect::watch(
        move || finished.get(),
        move |done, _, _| {
            if *done {
                let profile =
                    keyboards.with_layout_untracked(|l| Profile { layout: l.id.clone(), language: l.language.clone() });
                let session = engine.with_untracked(|e| session_of(e, profile, &config.get_untracked()));
                progress.save(Record {
                    id: ids::new_record_id(),
                    device: progress.device(),
                    body: Body::Session(Box::new(session)),
                });
            }
        },
        false,
    );

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

    UseTypingTestReturn { engine, config, now, restart, caps_lock: keys.caps_lock, flash, wrong_layout, sink }
}
