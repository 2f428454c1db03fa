//! `KeyboardBar`: choose the layout, OS or emulated input, and what the on-screen keyboard shows.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::settings::{Heatmap, InputMode, KeyboardSettings};

/// The bar. Every change calls `on_change` with the new settings.
#[component]
pub fn KeyboardBar(
    /// The current settings.
    settings: Signal<KeyboardSettings>,
    /// Called with changed settings.
    on_change: Callback<KeyboardSettings>,
    /// The layouts offered: names in catalog order.
    layouts: Vec<String>,
) -> impl IntoView {
    let change = move |f: &dyn Fn(&mut KeyboardSettings)| {
        let mut s = settings.get_untracked();
        f(&mut s);
        on_change.run(s);
    };
    // A select keeps focus after a choice; give it back to the page so typing goes to the test.
    let blur = |ev: &leptos::ev::Event| {
        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.blur();
        }
    };
    view! {
        <nav class="keyboard-bar" aria-label="keyboard settings">
            <label>"layout "
                <select data-testid="layout" on:change=move |ev| {
                    let i = event_target_value(&ev).parse().unwrap_or(0);
                    change(&|s| s.layout = i);
                    blur(&ev);
                }>
                    {layouts.into_iter().enumerate().map(|(i, name)| view! {
                        <option value=i.to_string() selected=move || settings.get().layout == i>{name}</option>
                    }).collect_view()}
                </select>
            </label>
            <label title="Emulation maps the physical keys through the chosen layout, whatever the OS layout is.">"input "
                <select data-testid="input-mode" on:change=move |ev| {
                    let emulate = event_target_value(&ev) == "emulate";
                    change(&|s| s.input = if emulate { InputMode::Emulate } else { InputMode::Os });
                    blur(&ev);
                }>
                    <option value="os" selected=move || settings.get().input == InputMode::Os>"OS layout"</option>
                    <option value="emulate" selected=move || settings.get().input == InputMode::Emulate>"emulate layout"</option>
                </select>
            </label>
            <label>
                <input type="checkbox" data-testid="show-keyboard" tabindex="-1" prop:checked=move || settings.get().show_keyboard
                    on:change=move |ev| { change(&|s| s.show_keyboard = !s.show_keyboard); blur(&ev); } />
                " keyboard"
            </label>
            <label>
                <input type="checkbox" data-testid="finger-colours" tabindex="-1" prop:checked=move || settings.get().finger_colours
                    on:change=move |ev| { change(&|s| s.finger_colours = !s.finger_colours); blur(&ev); } />
                " finger colours"
            </label>
            <label>"heatmap "
                <select data-testid="heatmap" on:change=move |ev| {
                    let h = match event_target_value(&ev).as_str() { "speed" => Heatmap::Speed, "accuracy" => Heatmap::Accuracy, _ => Heatmap::Off };
                    change(&|s| s.heatmap = h);
                    blur(&ev);
                }>
                    <option value="off">"off"</option>
                    <option value="speed">"speed"</option>
                    <option value="accuracy">"accuracy"</option>
                </select>
            </label>
        </nav>
    }
}
