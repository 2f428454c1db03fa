//! Word lists and quotes from `lessons/`, fetched the first time a page needs one (they are data, not
//! compiled into the app) and kept in memory for the visit; the service worker keeps the file for offline
//! visits. A course or practice takes its language's whole course list; a words or time test its first
//! [`TEST_WORDS`] (English's are compiled in, for a first visit); a quote test the language's quotes; a
//! course also its language's hand-written lesson texts.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use klava_core::course::written::{self, Written, written_file};
use klava_core::lessons::{TEST_WORDS, course_list, parse_lines, test_words_at_hand};
use klava_core::quotes::{Quote, parse, quote_file};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Fewer words than this and the file is not a word list (a page served in its place, a cut-off copy).
const MIN_WORDS: usize = 100;

/// Why a list could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordsError {
    /// Klava has no list for the language.
    NoList(String),
    /// No answer: offline before the file was ever kept, or the server unreachable.
    Unreachable,
    /// An answer that is not the list: an HTTP status, or a file that does not read as one.
    Damaged(String),
}

thread_local! {
    static LOADED: RefCell<BTreeMap<String, Rc<Vec<String>>>> = const { RefCell::new(BTreeMap::new()) };
    /// Test words by language, each list made once (so that a test's settings compare by pointer).
    static TEST: RefCell<BTreeMap<String, Arc<Vec<String>>>> = const { RefCell::new(BTreeMap::new()) };
    static QUOTES: RefCell<BTreeMap<String, Arc<Vec<Quote>>>> = const { RefCell::new(BTreeMap::new()) };
}

/// The hand-written lesson texts of `language` (none for a language without them).
///
/// # Errors
/// See [`WordsError`]; a file that does not read names its first bad line.
pub async fn written_texts(language: &str) -> Result<Vec<Written>, WordsError> {
    let Some(file) = written_file(language) else { return Ok(Vec::new()) };
    let text = fetch_text(&format!("lessons/{file}")).await?;
    written::parse(&text).map_err(|e| WordsError::Damaged(e.to_string()))
}

/// The quotes of `language` when they are in memory.
pub fn quotes_now(language: &str) -> Option<Arc<Vec<Quote>>> {
    QUOTES.with_borrow(|q| q.get(language).cloned())
}

/// The quotes of `language`, fetched if need be.
///
/// # Errors
/// See [`WordsError`]; a file that does not read names its first bad line.
pub async fn quotes(language: String) -> Result<Arc<Vec<Quote>>, WordsError> {
    if let Some(quotes) = quotes_now(&language) {
        return Ok(quotes);
    }
    let file = quote_file(&language).ok_or_else(|| WordsError::NoList(language.clone()))?;
    let text = fetch_text(&format!("lessons/{file}")).await?;
    let quotes = Arc::new(parse(&text).map_err(|e| WordsError::Damaged(e.to_string()))?);
    QUOTES.with_borrow_mut(|q| q.insert(language, quotes.clone()));
    Ok(quotes)
}

/// The test words of `language` when they are in memory: English's always, the others once fetched.
pub fn test_words_now(language: &str) -> Option<Arc<Vec<String>>> {
    if let Some(words) = TEST.with_borrow(|t| t.get(language).cloned()) {
        return Some(words);
    }
    let words: Vec<String> = match test_words_at_hand(language) {
        Some(text) => parse_lines(text).into_iter().map(str::to_owned).collect(),
        None => LOADED.with_borrow(|l| l.get(language).map(|list| list.iter().take(TEST_WORDS).cloned().collect()))?,
    };
    let words = Arc::new(words);
    TEST.with_borrow_mut(|t| t.insert(language.to_owned(), words.clone()));
    Some(words)
}

/// The test words of `language`, fetched with its course list if need be.
///
/// # Errors
/// See [`WordsError`].
pub async fn test_words(language: String) -> Result<Arc<Vec<String>>, WordsError> {
    if let Some(words) = test_words_now(&language) {
        return Ok(words);
    }
    course_words(&language).await?;
    test_words_now(&language).ok_or(WordsError::NoList(language))
}

/// The course word list of `language`, most frequent first.
///
/// # Errors
/// See [`WordsError`].
pub async fn course_words(language: &str) -> Result<Rc<Vec<String>>, WordsError> {
    if let Some(list) = LOADED.with_borrow(|l| l.get(language).cloned()) {
        return Ok(list);
    }
    let file = course_list(language).ok_or_else(|| WordsError::NoList(language.to_owned()))?;
    let text = fetch_text(&format!("lessons/{file}")).await?;
    let words = read(&text)?;
    let words = Rc::new(words);
    LOADED.with_borrow_mut(|l| l.insert(language.to_owned(), words.clone()));
    Ok(words)
}

/// The words of a list file, checked: one word a line, no markup, enough of them.
fn read(text: &str) -> Result<Vec<String>, WordsError> {
    let lines = parse_lines(text);
    if let Some(bad) = lines.iter().find(|w| w.chars().any(|c| !c.is_alphabetic())) {
        return Err(WordsError::Damaged(format!("{bad:.20}")));
    }
    if lines.len() < MIN_WORDS {
        return Err(WordsError::Damaged(format!("{} words", lines.len())));
    }
    Ok(lines.into_iter().map(str::to_owned).collect())
}

async fn fetch_text(url: &str) -> Result<String, WordsError> {
    let answer =
        JsFuture::from(leptos::prelude::window().fetch_with_str(url)).await.map_err(|_| WordsError::Unreachable)?;
    let response: Response = answer.dyn_into().map_err(|_| WordsError::Unreachable)?;
    if !response.ok() {
        return Err(WordsError::Damaged(format!("HTTP {}", response.status())));
    }
    let text = response.text().map_err(|_| WordsError::Unreachable)?;
    let text = JsFuture::from(text).await.map_err(|_| WordsError::Unreachable)?;
    text.as_string().ok_or_else(|| WordsError::Damaged("not text".to_owned()))
}
