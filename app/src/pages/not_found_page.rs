//! The page for a path Klava does not have, with a way home.

use leptos::prelude::*;

use crate::hooks::use_title::use_title;
use crate::i18n::{t_string, tr, use_i18n};

/// The page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || t_string!(i18n, not_found.title).to_owned());
    view! {
        <main class="page" id="main" tabindex="-1" data-testid="not-found">
            <h1>{tr!(i18n, not_found.title)}</h1>
            <p>{tr!(i18n, not_found.text)}</p>
            <p><a class="button primary" href="/" data-testid="go-home">{tr!(i18n, not_found.home)}</a></p>
        </main>
    }
}
