//! The app shell: header and the current page.

use leptos::prelude::*;

use crate::pages::practice::PracticePage;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="top">
            <span class="logo">"klava"</span>
            <span class="tagline">"touch typing, offline"</span>
        </header>
        <PracticePage />
    }
}
