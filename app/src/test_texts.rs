//! What words, time and quote tests draw from, and the learner's own text: the word list and the quotes
//! of the layout's language (fetched when first asked for; English words are at hand), and the custom
//! text, kept on this device (`klava.custom-text`; it is not synced).

use std::sync::Arc;

use klava_core::custom::CustomOptions;
use klava_core::quotes::Quote;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::config::Fetched;
use crate::storage::local;
use crate::words::{quotes, quotes_now, test_words, test_words_now};

/// Where the custom text is kept.
const CUSTOM_KEY: &str = "klava.custom-text";

/// The learner's text as pasted, and how to read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomText {
    pub raw: String,
    pub collapse_whitespace: bool,
    pub plain_marks: bool,
}

impl Default for CustomText {
    fn default() -> Self {
        Self { raw: String::new(), collapse_whitespace: true, plain_marks: true }
    }
}

impl CustomText {
    pub fn options(&self) -> CustomOptions {
        CustomOptions { collapse_whitespace: self.collapse_whitespace, plain_marks: self.plain_marks }
    }
}

/// The texts, provided through [`crate::typing::TypingTest`].
#[derive(Clone, Copy)]
pub struct TestTexts {
    /// The test words and the language they are for.
    words: RwSignal<(String, Fetched<Vec<String>>)>,
    /// The quotes and the language they are for.
    quotes: RwSignal<(String, Fetched<Vec<Quote>>)>,
    /// The learner's text.
    pub custom: RwSignal<CustomText>,
}

impl TestTexts {
    /// Nothing fetched yet; the custom text as stored (an unreadable one is left empty).
    pub fn new() -> Self {
        let custom = local::get(CUSTOM_KEY).unwrap_or_default();
        Self {
            words: RwSignal::new((String::new(), Fetched::Loading)),
            quotes: RwSignal::new((String::new(), Fetched::Loading)),
            custom: RwSignal::new(custom),
        }
    }

    /// The test words of `language` (tracked): an answer for another language counts for nothing.
    pub fn words(&self, language: &str) -> Fetched<Vec<String>> {
        self.words.with(|(l, w)| if l == language { w.clone() } else { Fetched::from_memory(test_words_now(language)) })
    }

    /// The quotes of `language` (tracked), as [`TestTexts::words`].
    pub fn quotes(&self, language: &str) -> Fetched<Vec<Quote>> {
        self.quotes.with(|(l, q)| if l == language { q.clone() } else { Fetched::from_memory(quotes_now(language)) })
    }

    /// Makes the words of `language`, and its quotes when `with_quotes`, ready: at once when they are in
    /// memory, else fetched (again, after a failure).
    pub fn load(&self, language: &str, with_quotes: bool) {
        load_into(self.words, language, test_words_now(language), test_words);
        if with_quotes {
            load_into(self.quotes, language, quotes_now(language), quotes);
        }
    }

    /// Keeps `custom` (a full or blocked store is logged: the text stays for this visit).
    pub fn set_custom(&self, custom: CustomText) {
        if let Err(e) = local::set(CUSTOM_KEY, &custom) {
            leptos::logging::warn!("klava: could not keep the custom text on this device: {e}");
        }
        self.custom.set(custom);
    }
}

/// Sets `signal` to what is in memory for `language`, or fetches it with `fetch`.
fn load_into<T: Send + Sync + 'static, F>(
    signal: RwSignal<(String, Fetched<T>)>,
    language: &str,
    held: Option<Arc<T>>,
    fetch: fn(String) -> F,
) where
    F: Future<Output = Result<Arc<T>, crate::words::WordsError>> + 'static,
{
    let fetching = held.is_none();
    signal.set((language.to_owned(), Fetched::from_memory(held)));
    if fetching {
        let language = language.to_owned();
        leptos::task::spawn_local(async move {
            let got = fetch(language.clone()).await;
            signal.set((language, got.map_or_else(Fetched::Failed, Fetched::Ready)));
        });
    }
}
