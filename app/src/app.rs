//! The app shell: header with the page tabs, storage and update banners, and the current page.

use leptos::prelude::*;

use crate::components::storage_banner::StorageBanner;
use crate::components::update_prompt::UpdatePrompt;
use crate::pages::data_page::DataPage;
use crate::pages::history_page::HistoryPage;
use crate::pages::test_page::TestPage;
use crate::progress::Progress;
use crate::settings::Keyboards;

/// The pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Practice,
    History,
    Data,
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    Keyboards::provide();
    Progress::provide();
    let update = crate::pwa::register();
    let tab = RwSignal::new(Tab::Practice);
    let link = move |t: Tab, label: &'static str, id: &'static str| {
        view! {
            <button class="tab" class:active=move || tab.get() == t data-testid=id tabindex="-1"
                on:mousedown=|e| e.prevent_default() on:click=move |_| tab.set(t)>{label}</button>
        }
    };
    view! {
        <header class="top">
            <span class="logo">"klava"</span>
            <nav class="tabs">
                {link(Tab::Practice, "Practice", "tab-practice")}
                {link(Tab::History, "History", "tab-history")}
                {link(Tab::Data, "Data", "tab-data")}
            </nav>
        </header>
        <StorageBanner />
        <UpdatePrompt available=update />
        // Only the practice page listens for keys, so it is mounted only while shown.
        {move || match tab.get() {
            Tab::Practice => view! { <TestPage /> }.into_any(),
            Tab::History => view! { <HistoryPage /> }.into_any(),
            Tab::Data => view! { <DataPage /> }.into_any(),
        }}
    }
}
