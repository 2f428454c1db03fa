//! `TextView`: the words to type, with correct/wrong/extra/missed marks, the caret, and the key being
//! practised marked where it is still to be typed.
//!
//! A key changes at most the word the caret is in and its neighbours (Space leaves a word, Backspace
//! re-enters the one before), so only those follow the engine; the others keep their view until the
//! caret comes near (a per-word trigger, fired for the words around the caret's old and new place) or a
//! new text starts. A key, and the caret entering a word, then cost the same at the thousandth word as at
//! the first.

use std::sync::Arc;

use klava_core::CharState;
use leptos::prelude::*;

use crate::i18n::{t_string, use_i18n};

/// How one word looks: its graphemes and their states.
pub type WordView = Vec<(String, CharState)>;

pub(crate) fn char_class(state: &CharState) -> &'static str {
    match state {
        CharState::Pending => "ch",
        CharState::Correct => "ch correct",
        CharState::Wrong(_) => "ch wrong",
        CharState::Extra(_) => "ch extra",
        CharState::Missed => "ch missed",
    }
}

/// One word. Re-renders only when its own view or the caret's place in it changes (a new text changes
/// every view, so `highlight` is read then).
#[component]
fn Word(view: Memo<Arc<WordView>>, caret: Memo<Option<usize>>, highlight: MaybeProp<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="word" class:active=move || caret.get().is_some()
            class:caret-end=move || caret.get().is_some_and(|i| i >= view.with(|v| v.len()))>
            {move || {
                let at = caret.get();
                let highlight = highlight.get_untracked();
                view.get()
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(i, (g, state))| {
                        let mut class = char_class(&state).to_owned();
                        if state == CharState::Pending && highlight.as_ref() == Some(&g) {
                            class.push_str(" focus-key");
                        }
                        if at == Some(i) {
                            class.push_str(" caret");
                        }
                        // A wrong character shows the expected one; the typed one is in the tooltip.
                        let title = match &state {
                            CharState::Wrong(typed) => t_string!(i18n, text.typed_instead, typed = typed.clone()).to_string(),
                            _ => String::new(),
                        };
                        view! { <span class=class title=title>{g}</span> }
                    })
                    .collect_view()
            }}
        </span>
    }
}

/// Shows `count` words; `word` gives word `i`'s view and `caret` the (word, grapheme) position.
#[component]
pub fn TextView(
    /// How many words the text has.
    count: Signal<usize>,
    /// The view of word `i`.
    word: Callback<usize, WordView>,
    /// The caret: word index and grapheme index in it.
    caret: Signal<(usize, usize)>,
    /// Changes when a new text starts (every word's view is read again).
    text: Signal<u64>,
    /// A grapheme to mark where it is still to be typed (the focus key of practice).
    #[prop(into, optional)]
    highlight: MaybeProp<String>,
) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    // Keep the active word in view as the text wraps. Reading positions forces a layout, so this runs
    // when the caret enters another word, not on every key.
    let word_index = Memo::new(move |_| caret.get().0);
    let triggers = StoredValue::new(Vec::<ArcTrigger>::new());
    let trigger = move |i: usize| {
        triggers.update_value(|t| t.resize_with(t.len().max(i + 1), ArcTrigger::new));
        triggers.with_value(|t| t[i].clone())
    };
    Effect::new(move |before: Option<usize>| {
        let w = word_index.get();
        let around = |c: usize| c.saturating_sub(1)..=c + 1;
        triggers.with_value(|t| {
            before.into_iter().flat_map(around).chain(around(w)).filter_map(|i| t.get(i)).for_each(ArcTrigger::notify)
        });
        w
    });
    // Word `i`'s view: read from the engine while the caret is in it or next to it, kept otherwise.
    let view_of = move |i: usize| {
        let near = trigger(i);
        Memo::new(move |prev: Option<&(u64, Arc<WordView>)>| {
            near.track();
            let id = text.get();
            match prev {
                Some((was, v)) if *was == id && word_index.get_untracked().abs_diff(i) > 1 => (id, Arc::clone(v)),
                _ => (id, Arc::new(word.run(i))),
            }
        })
    };
    let caret_of = move |i: usize| {
        let near = trigger(i);
        Memo::new(move |_| {
            near.track();
            (word_index.get_untracked() == i).then(|| caret.get().1)
        })
    };
    Effect::new(move |_| {
        let w = word_index.get();
        let Some(el) = container.get() else { return };
        // Word elements are the container's element children, in order.
        if let Some(active) = el.children().item(w as u32) {
            let top = active.get_bounding_client_rect().top() - el.get_bounding_client_rect().top()
                + f64::from(el.scroll_top());
            el.set_scroll_top((top - 8.0).max(0.0) as i32);
        }
    });
    view! {
        <div class="text" data-testid="text" node_ref=container>
            <For each=move || 0..count.get() key=|i| *i let:i>
                <Word
                    view={ let v = view_of(i); Memo::new(move |_| v.with(|(_, view)| Arc::clone(view))) }
                    caret=caret_of(i)
                    highlight
                />
                " "
            </For>
        </div>
    }
}
