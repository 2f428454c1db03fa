//! `KeyboardBar`: on the test page, choose the layout, OS or emulated input, and what the on-screen
//! keyboard shows. The same settings are on the settings page.

use klava_core::settings::{Heatmap, InputMode};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::layout_select::LayoutSelect;
use crate::i18n::{tr, use_i18n};
use crate::prefs::Prefs;

/// After a choice made with the pointer, the focus goes back to the page, so typing resumes; a choice
/// made with the keyboard keeps the focus where the learner is.
#[derive(Clone, Copy)]
struct PointerBlur(StoredValue<bool>);

impl PointerBlur {
    fn new() -> Self {
        Self(StoredValue::new(false))
    }

    fn pointer(&self) {
        self.0.set_value(true);
    }

    fn key(&self) {
        self.0.set_value(false);
    }

    fn after_change(&self, ev: &leptos::ev::Event) {
        if self.0.get_value()
            && let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.blur();
        }
    }
}

/// The bar.
#[component]
pub fn KeyboardBar() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let blur = PointerBlur::new();
    let heatmap = prefs.signal(|s| s.heatmap);
    view! {
        <div class="keyboard-bar" role="group" aria-label=tr!(i18n, keyboard.settings_label)
            on:pointerdown=move |_| blur.pointer() on:keydown=move |_| blur.key()>
            <label>{tr!(i18n, keyboard.layout)} " "
                <LayoutSelect testid="layout" on_chosen=Callback::new(move |ev: leptos::ev::Event| blur.after_change(&ev)) />
            </label>
            <label title=tr!(i18n, keyboard.input_help)>{tr!(i18n, keyboard.input)} " "
                <select data-testid="input-mode" on:change=move |ev| {
                    let emulate = event_target_value(&ev) == "emulate";
                    prefs.update(|s| s.input = if emulate { InputMode::Emulate } else { InputMode::Os });
                    blur.after_change(&ev);
                }>
                    <option value="os" prop:selected=move || prefs.with(|s| s.input == InputMode::Os)>{tr!(i18n, keyboard.input_os)}</option>
                    <option value="emulate" prop:selected=move || prefs.with(|s| s.input == InputMode::Emulate)>{tr!(i18n, keyboard.input_emulate)}</option>
                </select>
            </label>
            <label>
                <input type="checkbox" data-testid="show-keyboard" prop:checked=move || prefs.with(|s| s.show_keyboard)
                    on:change=move |ev| { prefs.update(|s| s.show_keyboard = !s.show_keyboard); blur.after_change(&ev); } />
                " " {tr!(i18n, keyboard.show)}
            </label>
            <label>
                <input type="checkbox" data-testid="finger-colours" prop:checked=move || prefs.with(|s| s.finger_colours)
                    on:change=move |ev| { prefs.update(|s| s.finger_colours = !s.finger_colours); blur.after_change(&ev); } />
                " " {tr!(i18n, keyboard.finger_colours)}
            </label>
            <label>{tr!(i18n, keyboard.heatmap)} " "
                <select data-testid="heatmap" on:change=move |ev| {
                    let h = match event_target_value(&ev).as_str() { "speed" => Heatmap::Speed, "accuracy" => Heatmap::Accuracy, _ => Heatmap::Off };
                    prefs.update(|s| s.heatmap = h);
                    blur.after_change(&ev);
                }>
                    <option value="off" prop:selected=move || heatmap.get() == Heatmap::Off>{tr!(i18n, keyboard.heatmap_off)}</option>
                    <option value="speed" prop:selected=move || heatmap.get() == Heatmap::Speed>{tr!(i18n, keyboard.heatmap_speed)}</option>
                    <option value="accuracy" prop:selected=move || heatmap.get() == Heatmap::Accuracy>{tr!(i18n, keyboard.heatmap_accuracy)}</option>
                </select>
            </label>
        </div>
    }
}
