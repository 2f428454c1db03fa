//! The practice page: type one line, see the marks live and WPM and accuracy at the end.

use klava_core::lessons::{EN_FIRST_LINES, parse_lines};
use klava_core::{Engine, Summary};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::figures::Figures;
use crate::components::text_line::TextLine;
use crate::hooks::use_typing_keys::use_typing_keys;

/// A line other than `current`, chosen at random.
fn next_line(current: Option<&str>) -> &'static str {
    let lines = parse_lines(EN_FIRST_LINES);
    let candidates: Vec<_> = lines.iter().filter(|l| Some(**l) != current).collect();
    let i = (js_sys_random() * candidates.len() as f64) as usize;
    candidates[i.min(candidates.len() - 1)]
}

fn js_sys_random() -> f64 {
    // Randomness belongs to the app, never to core (DESIGN.md §4).
    leptos::prelude::window().crypto().ok().map_or(0.0, |c| {
        let mut b = [0u8; 4];
        let _ = c.get_random_values_with_u8_array(&mut b);
        f64::from(u32::from_le_bytes(b)) / (f64::from(u32::MAX) + 1.0)
    })
}

fn fresh_engine(line: &str) -> Engine {
    Engine::new(line).expect("lesson lines are validated by crates/core/tests/lessons.rs")
}

/// The page.
#[component]
pub fn PracticePage() -> impl IntoView {
    let engine = RwSignal::new(fresh_engine(next_line(None)));
    let restart = move || {
        let current = engine.with_untracked(|e| e.target().concat());
        engine.set(fresh_engine(next_line(Some(&current))));
    };
    use_typing_keys(
        move |input, at| {
            engine.update(|e| {
                // Input after the end, or a malformed event, is refused by the engine and changes nothing.
                let _ = e.apply(input, at);
            });
        },
        restart,
    );
    let target = Signal::derive(move || engine.with(|e| e.target().to_vec()));
    let states = Signal::derive(move || {
        engine.with(|e| (0..e.target().len()).map(|i| e.state_at(i)).collect())
    });
    let caret = Signal::derive(move || engine.with(Engine::caret));
    let summary = Signal::derive(move || engine.with(|e| Summary::from(e)));
    let finished = Signal::derive(move || engine.with(Engine::is_finished));
    let on_click = move |_| {
        restart();
        // Leave focus on the page, so the next Space types instead of pressing the button again.
        if let Some(Ok(el)) = document()
            .active_element()
            .map(|el| el.dyn_into::<web_sys::HtmlElement>())
        {
            let _ = el.blur();
        }
    };
    view! {
        <main class="practice">
            <p class="hint">
                {move || if finished.get() { "Done! Press Esc or the button for a new line." } else { "Start typing — the timer starts with your first key." }}
            </p>
            <TextLine target states caret />
            <Figures summary final_result=finished />
            <button class="restart" data-testid="restart" on:click=on_click>"New line (Esc)"</button>
        </main>
    }
}
