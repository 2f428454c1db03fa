//! `use_typing_keys`: key presses in the typing area → [`KeyAction`]s stamped with the event's own time,
//! through the OS layout or an emulated one. Keys belong to the test only while the typing area has the
//! focus (or nothing has): on a link, a button or a menu they do what they always do, and Escape leaves the
//! typing area so Tab moves on.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use klava_core::keys::{KeyAction, Modifiers, key_action};
use klava_core::layout::Emulator;
use klava_core::{Input, Millis};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use::{use_event_listener, use_window};
use web_sys::KeyboardEvent;

use klava_core::settings::InputMode;

use crate::prefs::Prefs;

/// Name of the performance measure of one key press (handler and the DOM updates it queued), recorded
/// only when the page URL has `?bench` (tests/e2e/bench-keys.mjs reads it).
pub const KEY_MEASURE: &str = "klava-key";
const KEY_MARK: &str = "klava-key-start";

fn bench_enabled() -> bool {
    window().location().search().is_ok_and(|s| s.split(['?', '&']).any(|p| p == "bench"))
}

/// Gives the hidden input the focus (typing resumes; on a touch screen the soft keyboard opens).
pub fn focus_sink(sink: &NodeRef<leptos::html::Input>) {
    if let Some(input) = sink.get_untracked() {
        let _ = input.focus();
    }
}

/// Gives the page's typing input the focus, from outside the typing area (a "new test" button).
pub fn focus_typing() {
    use wasm_bindgen::JsCast;
    let sink = document().query_selector(".input-sink").ok().flatten();
    if let Some(input) = sink.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = input.focus();
    }
}

/// What the hook reports besides the actions.
#[derive(Clone, Copy)]
pub struct UseTypingKeysReturn {
    /// Whether Caps Lock was on at the last key press.
    pub caps_lock: ReadSignal<bool>,
}

/// The text a physical key types through the emulated layout, as an action; `None` when it types nothing
/// (a dead key waiting, or a key the layout lacks).
fn emulate(k: &Prefs, emulator: &RefCell<Emulator>, e: &KeyboardEvent, caps: bool) -> Option<KeyAction> {
    let altgr = e.get_modifier_state("AltGraph") || (e.ctrl_key() && e.alt_key());
    let text = k.with_layout_untracked(|l| emulator.borrow_mut().press(l, &e.code(), e.shift_key(), altgr))?;
    // Caps Lock flips the case of letters, as the OS would.
    let text: String = if caps {
        text.chars()
            .map(|c| {
                if c.is_lowercase() {
                    c.to_uppercase().next().unwrap_or(c)
                } else {
                    c.to_lowercase().next().unwrap_or(c)
                }
            })
            .collect()
    } else {
        text
    };
    let mut chars = text.chars();
    Some(KeyAction::Type(match (chars.next(), chars.next()) {
        (Some(c), None) => Input::Char(c),
        _ => Input::Compose(text),
    }))
}

/// Where the focus is, for the typing area.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Focus {
    /// The hidden input: typing.
    Sink,
    /// The typing area's frame (after Escape) or nothing (the page body): a typing key comes back in.
    Near,
    /// A link or a button: a letter or digit (which such a control ignores) comes back in; Space, Enter
    /// and Tab keep their meaning.
    Control,
    /// A form field (a menu, a text box): every key is its own.
    Field,
}

fn focus_of(sink: &NodeRef<leptos::html::Input>, frame: &NodeRef<leptos::html::Div>) -> Focus {
    let Some(active) = document().active_element() else { return Focus::Near };
    let is = |el: Option<&web_sys::HtmlElement>| el.is_some_and(|el| el.is_same_node(Some(&active)));
    if is(sink.get_untracked().as_deref()) {
        return Focus::Sink;
    }
    if is(frame.get_untracked().as_deref()) {
        return Focus::Near;
    }
    match active.tag_name().as_str() {
        "BODY" | "MAIN" => Focus::Near,
        "A" | "BUTTON" => Focus::Control,
        _ => Focus::Field,
    }
}

/// Calls `on_action(action, event.timeStamp, event.code)` for every key press in the typing area that
/// means something to a typing test. The time is when the key went down, not when the handler runs.
/// Handled keys do not reach the browser, so Space does not scroll, Backspace does not navigate and Tab
/// (with the focus in the typing area) does not move focus.
///
/// `sink` is a hidden text input that keeps the focus while typing: text an input method commits
/// (`compositionend`) and text from soft keyboards (`beforeinput`, which sends no usable key events)
/// arrive there and are passed on as composed text; everything a key press already handled never reaches
/// it. `frame` is the focusable typing area around the text: Escape moves the focus there.
pub fn use_typing_keys(
    sink: NodeRef<leptos::html::Input>,
    frame: NodeRef<leptos::html::Div>,
    on_action: impl Fn(KeyAction, Millis, &str) + 'static,
) -> UseTypingKeysReturn {
    let on_action = Rc::new(on_action);
    let prefs = Prefs::expect();
    let tab_armed = Rc::new(Cell::new(false));
    let emulator = Rc::new(RefCell::new(Emulator::default()));
    let (caps_lock, set_caps_lock) = signal(false);
    let performance = bench_enabled().then(|| window().performance()).flatten();
    let act = on_action.clone();
    let _ = use_event_listener(sink, ev::compositionend, move |e: web_sys::CompositionEvent| {
        if let Some(text) = e.data().filter(|t| !t.is_empty()) {
            act(KeyAction::Type(Input::Compose(text)), e.time_stamp(), "");
        }
        if let Some(input) = sink.get_untracked() {
            input.set_value("");
        }
    });
    let act = on_action.clone();
    let _ = use_event_listener(sink, ev::beforeinput, move |e: web_sys::InputEvent| {
        let input = match e.input_type().as_str() {
            "insertText" => e.data().filter(|t| !t.is_empty()).map(Input::Compose),
            "deleteContentBackward" => Some(Input::Backspace),
            "deleteWordBackward" => Some(Input::DeleteWord),
            _ => None, // composition in progress: wait for compositionend
        };
        if let Some(input) = input {
            e.prevent_default();
            act(KeyAction::Type(input), e.time_stamp(), "");
        }
    });
    let _ = use_event_listener(use_window(), ev::keydown, move |e: KeyboardEvent| {
        let focus = focus_of(&sink, &frame);
        if focus == Focus::Field {
            tab_armed.set(false);
            return;
        }
        let caps = e.get_modifier_state("CapsLock");
        if caps != caps_lock.get_untracked() {
            set_caps_lock.set(caps);
        }
        let m = Modifiers { ctrl: e.ctrl_key(), alt: e.alt_key(), meta: e.meta_key(), shift: e.shift_key() };
        let mut action = key_action(&e.key(), m, tab_armed.get());
        match focus {
            Focus::Sink | Focus::Field => {}
            // Outside the hidden input only typing keys (and, from the frame or the page, Enter) bring
            // the learner back; Tab, Escape and the rest keep their usual meaning.
            Focus::Near | Focus::Control => {
                let letter = matches!(action, Some(KeyAction::Type(Input::Char(c))) if c != ' ');
                let typing = matches!(action, Some(KeyAction::Type(_)));
                if focus == Focus::Near && !typing && e.key() == "Enter" {
                    e.prevent_default();
                    focus_sink(&sink);
                    return;
                }
                if !(letter || (focus == Focus::Near && typing)) {
                    tab_armed.set(false);
                    return;
                }
                focus_sink(&sink);
            }
        }
        let emulating = prefs.with_untracked(|s| s.input == InputMode::Emulate);
        let typing_key = matches!(action, Some(KeyAction::Type(Input::Char(_)))) || e.key() == "Dead";
        if emulating && typing_key {
            e.prevent_default();
            action = emulate(&prefs, &emulator, &e, caps);
        }
        tab_armed.set(action == Some(KeyAction::ArmRestart));
        let Some(action) = action else { return };
        e.prevent_default();
        if action == KeyAction::Leave {
            // To the typing area's frame; without one (the results are showing), out of the input.
            match (frame.get_untracked(), sink.get_untracked()) {
                (Some(f), _) => drop(f.focus()),
                (None, Some(input)) => drop(input.blur()),
                (None, None) => {}
            }
            return;
        }
        if let Some(p) = &performance {
            let _ = p.mark(KEY_MARK);
        }
        on_action(action, e.time_stamp(), &e.code());
        if let Some(p) = performance.clone() {
            // Runs after the reactive updates this key queued, in the same turn of the event loop.
            spawn_local(async move {
                let _ = p.measure_with_start_mark(KEY_MEASURE, KEY_MARK);
            });
        }
    });
    UseTypingKeysReturn { caps_lock }
}
