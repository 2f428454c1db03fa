//! `Keyboard`: an on-screen keyboard in the chosen layout — the next key and the Shift to hold with it,
//! finger zones, the key pressed by mistake, and an optional heatmap.

use std::collections::BTreeMap;

use klava_core::fingers::Finger;
use klava_core::layout::{GeometryKey, Layout, Level, Output, Stroke};
use leptos::prelude::*;

/// CSS class of a finger's colour zone.
pub fn finger_class(f: Finger) -> &'static str {
    match f {
        Finger::LeftPinky => "f-lp",
        Finger::LeftRing => "f-lr",
        Finger::LeftMiddle => "f-lm",
        Finger::LeftIndex => "f-li",
        Finger::Thumb => "f-th",
        Finger::RightIndex => "f-ri",
        Finger::RightMiddle => "f-rm",
        Finger::RightRing => "f-rr",
        Finger::RightPinky => "f-rp",
    }
}

/// Names for keys that type no character.
fn named(code: &str) -> Option<&'static str> {
    Some(match code {
        "Backspace" => "⌫",
        "Tab" => "tab",
        "CapsLock" => "caps",
        "Enter" => "enter",
        "ShiftLeft" | "ShiftRight" => "shift",
        "Space" => "",
        _ => return None,
    })
}

/// The legends of a key: (main, shifted, altgr). A letter whose Shift is its capital shows the capital
/// alone, as on real keycaps.
fn legends(layout: &Layout, code: &str) -> (String, String, String) {
    if let Some(n) = named(code) {
        return (n.to_owned(), String::new(), String::new());
    }
    let show = |level| match layout.output(code, level) {
        Some(Output::Char(c)) => c.to_string(),
        Some(Output::Dead(a)) => a.to_string(),
        None => String::new(),
    };
    let (base, shift, altgr) = (show(Level::Base), show(Level::Shift), show(Level::AltGr));
    let is_capital_pair = base.chars().all(char::is_lowercase) && base.to_uppercase() == shift;
    if is_capital_pair { (shift, String::new(), altgr) } else { (base, shift, altgr) }
}

/// What every key reads: the keyboard's own props, shared.
#[derive(Clone, Copy)]
struct Shared {
    layout: Signal<Layout>,
    next: Signal<Option<Stroke>>,
    flash: Signal<Option<String>>,
    finger_colours: Signal<bool>,
    heat: Signal<BTreeMap<String, f64>>,
}

/// One key.
#[component]
fn Key(key: GeometryKey, shared: Shared) -> impl IntoView {
    let Shared { layout, next, flash, finger_colours, heat } = shared;
    let code = key.code.clone().unwrap_or_default();
    // Through the CSSOM (`style:`), never a style attribute string: the Content-Security-Policy allows no
    // inline styles.
    let width = key.width.to_string();
    if key.code.is_none() {
        return view! { <div class="key gap" style:--w=width></div> }.into_any();
    }
    let finger = key.finger.map(finger_class).unwrap_or_default();
    let c = code.clone();
    // This key's highlights; a memo, so a keystroke only re-renders the few keys whose state changed.
    let state = Memo::new(move |_| {
        let (mut is_next, mut is_shift) = (false, false);
        if let Some(s) = next.get() {
            is_next = s.code == c || s.dead.as_ref().is_some_and(|(d, _)| *d == c);
            is_shift = s.level.shift() && Layout::shift_for(s.finger) == c;
        }
        (is_next, is_shift, flash.with(|f| f.as_deref() == Some(c.as_str())))
    });
    let heat_value = {
        let c = code.clone();
        Memo::new(move |_| heat.with(|h| h.get(&c).copied()))
    };
    // One class string for every state: the heat tint, finger zone, next key and flash never undo each
    // other.
    let class = move || {
        let (is_next, is_shift, is_flash) = state.get();
        let mut cls = String::from("key");
        let on = [
            (finger_colours.get(), finger),
            (heat_value.get().is_some(), "heat"),
            (is_next, "next"),
            (is_shift, "next-shift"),
            (is_flash, "flash"),
        ];
        for (on, name) in on {
            if on {
                cls.push(' ');
                cls.push_str(name);
            }
        }
        if key.home {
            cls.push_str(" home");
        }
        if key.bump {
            cls.push_str(" bump");
        }
        cls
    };
    let heat_style = move || heat_value.get().map(|v| format!("{v:.2}")).unwrap_or_default();
    let c = code.clone();
    let labels = Memo::new(move |_| layout.with(|l| legends(l, &c)));
    view! {
        <div class=class style:--w=width style:--heat-v=heat_style data-code=code>
            <span class="shifted">{move || labels.get().1}</span>
            <span class="main">{move || labels.get().0}</span>
            <span class="altgr">{move || labels.get().2}</span>
        </div>
    }
    .into_any()
}

/// The keyboard for `layout`.
#[component]
pub fn Keyboard(
    /// The layout to draw.
    layout: Signal<Layout>,
    /// How to type the next character, if the layout can.
    next: Signal<Option<Stroke>>,
    /// The code of a key to flash as a mistake.
    flash: Signal<Option<String>>,
    /// Colour keys by finger zone.
    finger_colours: Signal<bool>,
    /// Heat per key code, 0 (good) to 1 (needs work); empty for no heatmap.
    heat: Signal<BTreeMap<String, f64>>,
) -> impl IntoView {
    let shared = Shared { layout, next, flash, finger_colours, heat };
    let rows = move || {
        layout.with(|l| {
            let mut rows: Vec<Vec<GeometryKey>> = Vec::new();
            for k in &l.geometry.keys {
                if rows.len() <= k.row {
                    rows.resize(k.row + 1, Vec::new());
                }
                rows[k.row].push(k.clone());
            }
            rows
        })
    };
    view! {
        <div class="keyboard" data-testid="keyboard" aria-hidden="true">
            {move || rows().into_iter().map(|row| view! {
                <div class="krow">
                    {row.into_iter().map(|key| view! { <Key key shared /> }).collect_view()}
                </div>
            }).collect_view()}
        </div>
    }
}
