//! The app shell: header and the current page.

use leptos::prelude::*;

use crate::pages::test_page::TestPage;
use crate::settings::Keyboards;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    Keyboards::provide();
    view! {
        <header class="top">
            <span class="logo">"klava"</span>
            <span class="tagline">"touch typing, offline"</span>
        </header>
        <TestPage />
    }
}
