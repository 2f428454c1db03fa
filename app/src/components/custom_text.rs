//! `CustomEditor`: the learner's own text for a custom test — paste it, choose how it is read, and see
//! why it cannot be typed as it is (nothing, too long, not text, or characters the layout has no key
//! for, named, with an offer to drop them).

use klava_core::custom::{CustomError, CustomOptions, MAX_CHARS, drop_untypable, prepare};
use leptos::prelude::*;

use crate::components::check::Check;
use crate::config::Missing;
use crate::i18n::{I18n, t_string, tr, use_i18n};
use crate::prefs::Prefs;
use crate::test_texts::CustomText;
use crate::typing::TypingTest;

/// What is wrong with a text, in words.
fn problem(i18n: I18n, e: &CustomError) -> String {
    match e {
        CustomError::Empty => t_string!(i18n, test.custom_empty).to_owned(),
        CustomError::TooLong { chars } => {
            t_string!(i18n, test.custom_too_long, chars = *chars, max = MAX_CHARS).to_string()
        }
        CustomError::Binary => t_string!(i18n, test.custom_binary).to_owned(),
        CustomError::Untypable { chars } => {
            let named = chars
                .iter()
                .map(|c| match c {
                    '\n' | '\r' => t_string!(i18n, test.custom_line_break).to_owned(),
                    '\t' => t_string!(i18n, test.custom_tab).to_owned(),
                    c => format!("«{c}»"),
                })
                .collect::<Vec<_>>()
                .join(" ");
            t_string!(i18n, test.custom_untypable, chars = named).to_string()
        }
    }
}

/// The editor, open while the text cannot be typed.
#[component]
pub fn CustomEditor() -> impl IntoView {
    let i18n = use_i18n();
    let test = TypingTest::expect();
    let prefs = Prefs::expect();
    let stored = test.texts.custom;
    let draft = RwSignal::new(stored.get_untracked().raw);
    let collapse = RwSignal::new(stored.get_untracked().collapse_whitespace);
    let plain = RwSignal::new(stored.get_untracked().plain_marks);
    // A paste refused before it is kept (too long, not text): kept texts are checked by the test itself.
    let refused = RwSignal::new(None::<CustomError>);
    let error = Memo::new(move |_| {
        refused.get().or_else(|| match test.config.with(|c| c.missing()) {
            Some(Missing::Custom(e)) => Some(e),
            _ => None,
        })
    });
    let keep = move |raw: String| {
        let text =
            CustomText { raw, collapse_whitespace: collapse.get_untracked(), plain_marks: plain.get_untracked() };
        let checked =
            prefs.with_layout_untracked(|l| prepare(&text.raw, text.options(), |c| l.stroke_for(c).is_some()));
        match checked {
            Err(e @ (CustomError::TooLong { .. } | CustomError::Binary)) => refused.set(Some(e)),
            _ => {
                refused.set(None);
                test.texts.set_custom(text);
            }
        }
    };
    let drop_them = move |_| {
        let options =
            CustomOptions { collapse_whitespace: collapse.get_untracked(), plain_marks: plain.get_untracked() };
        let raw = prefs
            .with_layout_untracked(|l| drop_untypable(&draft.get_untracked(), options, |c| l.stroke_for(c).is_some()));
        draft.set(raw.clone());
        keep(raw);
    };
    view! {
        <details class="custom-text" data-testid="custom-editor" prop:open=move || error.with(Option::is_some)>
            <summary>{tr!(i18n, test.custom_title)}</summary>
            <textarea data-testid="custom-input" rows="5" maxlength=MAX_CHARS * 4 aria-label=tr!(i18n, test.custom_title)
                placeholder=tr!(i18n, test.custom_placeholder)
                prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
            <Check label=Signal::derive(move || t_string!(i18n, test.custom_collapse).to_owned()) value=collapse.into()
                on_change=Callback::new(move |on| collapse.set(on)) testid="custom-collapse" />
            <Check label=Signal::derive(move || t_string!(i18n, test.custom_plain).to_owned()) value=plain.into()
                on_change=Callback::new(move |on| plain.set(on)) testid="custom-plain" />
            <p>
                <button type="button" class="button primary" data-testid="custom-use" on:click=move |_| keep(draft.get_untracked())>
                    {tr!(i18n, test.custom_use)}
                </button>
            </p>
            {move || error.get().map(|e| {
                let untypable = matches!(e, CustomError::Untypable { .. });
                view! {
                    <div class="notice" role="alert" data-testid="custom-error">
                        <p>{problem(i18n, &e)}</p>
                        {untypable.then(|| view! {
                            <button type="button" class="button" data-testid="custom-drop" on:click=drop_them>
                                {tr!(i18n, test.custom_drop)}
                            </button>
                        })}
                    </div>
                }
            })}
        </details>
    }
}
