//! Where progress is kept: the record log and the history cache in IndexedDB (`db`), the schema and its
//! migrations (`schema`), what sync keeps beside the log (`synced`), LocalStorage that may refuse (`local`), and what can go wrong, in words a
//! learner understands (`StoreError`).

pub mod db;
pub mod ids;
pub mod local;
pub mod schema;
pub mod synced;

use thiserror::Error;

/// Why storage failed. Messages are for learners; the browser's own text goes to the console.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoreError {
    /// No IndexedDB at all, or the browser refuses it (private mode, blocked site data).
    #[error("This browser is not letting Klava store data (private mode or blocked site data).")]
    Unavailable,
    /// The origin's quota is used up.
    #[error("Storage is full.")]
    QuotaExceeded,
    /// Anything else the browser reported.
    #[error("The browser could not store the data.")]
    Other,
}

impl StoreError {
    /// Classifies an IndexedDB error and logs the browser's own message.
    pub fn from_idb(context: &str, e: &idb::Error) -> Self {
        let name = dom_exception_name(e);
        leptos::logging::warn!("klava: {context}: {e} ({name})");
        match name.as_str() {
            "QuotaExceededError" => Self::QuotaExceeded,
            _ if e.to_string().contains("QuotaExceeded") => Self::QuotaExceeded,
            _ => Self::Other,
        }
    }
}

/// The DOMException name inside an idb error, when there is one.
fn dom_exception_name(e: &idb::Error) -> String {
    use wasm_bindgen::JsCast;
    let js = match e {
        idb::Error::DomException(d) => return d.name(),
        idb::Error::AddFailed(v)
        | idb::Error::UpdateFailed(v)
        | idb::Error::TransactionCommitError(v)
        | idb::Error::TransactionOpenFailed(v)
        | idb::Error::IndexedDbOpenFailed(v)
        | idb::Error::IndexedDbNotFound(v)
        | idb::Error::GetAllFailed(v)
        | idb::Error::GetFailed(v) => v,
        _ => return String::new(),
    };
    js.dyn_ref::<web_sys::DomException>().map(web_sys::DomException::name).unwrap_or_default()
}
