//! `Keyboard`: an on-screen keyboard in the chosen layout — the next key and the Shift to hold with it,
//! finger zones, the key pressed by mistake, and an optional heatmap.
//!
//! The next key and its Shift are marked by rings drawn over the keys, each on a layer of its own and
//! moved with a transform: a keystroke then repaints no key (restyling and repainting the two keys that
//! changed cost a frame at 4x CPU slowdown; see BENCHMARKS.md).

use std::collections::BTreeMap;

use klava_core::fingers::Finger;
use klava_core::layout::{GeometryKey, KeyPlace, Layout, Level, Output, Stroke};
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
    flash: Signal<Option<String>>,
    finger_colours: Signal<bool>,
    heat: Signal<BTreeMap<String, f64>>,
}

/// One key.
#[component]
fn Key(key: GeometryKey, shared: Shared) -> impl IntoView {
    let Shared { layout, flash, finger_colours, heat } = shared;
    let code = key.code.clone().unwrap_or_default();
    // Through the CSSOM (`style:`), never a style attribute string: the Content-Security-Policy allows no
    // inline styles.
    let width = key.width.to_string();
    if key.code.is_none() {
        return view! { <div class="key gap" style:--w=width></div> }.into_any();
    }
    let finger = key.finger.map(finger_class).unwrap_or_default();
    let c = code.clone();
    // A memo, so a mistake only re-renders the key it flashes.
    let is_flash = Memo::new(move |_| flash.with(|f| f.as_deref() == Some(c.as_str())));
    let heat_value = {
        let c = code.clone();
        Memo::new(move |_| heat.with(|h| h.get(&c).copied()))
    };
    // One class string for every state: the heat tint, finger zone and flash never undo each other.
    let class = move || {
        let mut cls = String::from("key");
        let on = [(finger_colours.get(), finger), (heat_value.get().is_some(), "heat"), (is_flash.get(), "flash")];
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

/// A ring over the key with code `code` (hidden when there is none); `kind` is its CSS class.
#[component]
fn Ring(kind: &'static str, layout: Signal<Layout>, code: Signal<Option<String>>) -> impl IntoView {
    let place = Memo::new(move |_| code.with(|c| c.as_deref().and_then(|c| layout.with(|l| l.geometry.place(c)))));
    let var = move |f: fn(KeyPlace) -> String| move || place.get().map(f).unwrap_or_default();
    view! {
        <div class=move || if place.with(Option::is_some) { format!("ring {kind}") } else { format!("ring {kind} off") }
            data-code=move || code.get().unwrap_or_default()
            style:--x=var(|p| p.units.to_string())
            style:--row=var(|p| p.row.to_string()) style:--w=var(|p| p.width.to_string())></div>
    }
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
    /// A key to mark as the one being practised (practice's focus key), by code.
    #[prop(optional, into)]
    focus: MaybeProp<String>,
) -> impl IntoView {
    let shared = Shared { layout, flash, finger_colours, heat };
    // The key to press, a dead key to press before it, and the Shift of the other hand to hold.
    let next_code = Memo::new(move |_| next.with(|s| s.as_ref().map(|s| s.code.clone())));
    let dead_code = Memo::new(move |_| next.with(|s| s.as_ref().and_then(|s| s.dead.as_ref().map(|(d, _)| d.clone()))));
    let shift_code = Memo::new(move |_| {
        next.with(|s| s.as_ref().filter(|s| s.level.shift()).map(|s| Layout::shift_for(s.finger).to_owned()))
    });
    // The same rows `Geometry::place` puts the rings in.
    let rows = move || {
        layout.with(|l| {
            l.geometry.rows().into_iter().map(|r| r.into_iter().cloned().collect::<Vec<_>>()).collect::<Vec<_>>()
        })
    };
    view! {
        <div class="keyboard" data-testid="keyboard" aria-hidden="true">
            {move || rows().into_iter().map(|row| view! {
                <div class="krow">
                    {row.into_iter().map(|key| view! { <Key key shared /> }).collect_view()}
                </div>
            }).collect_view()}
            <Ring kind="next" layout code=next_code.into() />
            <Ring kind="next" layout code=dead_code.into() />
            <Ring kind="next-shift" layout code=shift_code.into() />
            <Ring kind="focus" layout code=Signal::derive(move || focus.get()) />
        </div>
    }
}
