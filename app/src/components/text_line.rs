//! `TextLine`: the target text with correct/wrong marks and the caret.

use klava_core::CharState;
use leptos::prelude::*;

/// Shows `target` (one grapheme per element), marking each by `states` and the caret before grapheme
/// `caret` (after the last one when the line is done).
#[component]
pub fn TextLine(
    /// The graphemes to type.
    target: Signal<Vec<String>>,
    /// The state of each grapheme, same length as `target`.
    states: Signal<Vec<CharState>>,
    /// How many graphemes are typed.
    caret: Signal<usize>,
) -> impl IntoView {
    view! {
        <div class="text-line" data-testid="text" aria-label="text to type">
            {move || {
                target
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, g)| {
                        let class = move || {
                            let state = match states.with(|s| s.get(i).copied()) {
                                Some(CharState::Correct) => "ch correct",
                                Some(CharState::Wrong) => "ch wrong",
                                _ => "ch",
                            };
                            let here = caret.get() == i;
                            let end = caret.get() == i + 1 && states.with(Vec::len) == i + 1;
                            match (here, end) {
                                (true, _) => format!("{state} caret"),
                                (_, true) => format!("{state} caret-after"),
                                _ => state.to_owned(),
                            }
                        };
                        let space = g == " ";
                        view! { <span class=class class:space=space>{g}</span> }
                    })
                    .collect_view()
            }}
        </div>
    }
}
