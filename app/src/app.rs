//! The app shell: contexts (layouts, progress, settings, the running test), the interface language, the
//! header with its links, banners, the live region, and the page for the URL.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::announcer::{Announcer, LiveRegion};
use crate::components::goal_nudge::GoalNudge;
use crate::components::header::Header;
use crate::components::storage_banner::StorageBanner;
use crate::components::update_prompt::UpdatePrompt;
use crate::hooks::use_tab_sync::use_tab_sync;
use crate::i18n::I18nContextProvider;
use crate::layouts::Layouts;
use crate::pages::home_page::HomePage;
use crate::pages::lazy::{
    LazyAccountPage, LazyDataPage, LazyDictationPage, LazyLearnPage, LazyLessonPage, LazyPracticePage,
    LazyProgressPage, LazyReviewPage, LazySettingsPage,
};
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::test_page::TestPage;
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::typing::TypingTest;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    Layouts::provide();
    Progress::provide();
    Prefs::provide();
    TypingTest::provide();
    crate::sync::SyncCtx::provide();
    Announcer::provide();
    use_tab_sync();
    let update = crate::pwa::register();
    view! {
        <I18nContextProvider>
            <Shell update />
        </I18nContextProvider>
    }
}

/// Everything under the language context. The page is rendered one task after the shell: the header
/// paints without waiting for it, and start-up is two shorter tasks instead of one long one.
#[component]
fn Shell(update: ReadSignal<Option<crate::pwa::UpdateAvailable>>) -> impl IntoView {
    crate::motivation::Motivation::provide();
    let page = RwSignal::new(false);
    set_timeout(move || page.set(true), std::time::Duration::ZERO);
    view! {
        <Router>
            <Header />
            <StorageBanner />
            <UpdatePrompt available=update />
            <GoalNudge />
            <LiveRegion />
            <crate::components::toast::Toast />
            <Show when=move || page.get()>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/practice") view=LazyPracticePage />
                    <Route path=path!("/test") view=TestPage />
                    <Route path=path!("/dictation") view=LazyDictationPage />
                    <Route path=path!("/review") view=LazyReviewPage />
                    <Route path=path!("/learn") view=LazyLearnPage />
                    <Route path=path!("/learn/:course/:lesson") view=LazyLessonPage />
                    <Route path=path!("/progress") view=LazyProgressPage />
                    <Route path=path!("/history") view=LazyProgressPage />
                    <Route path=path!("/settings") view=LazySettingsPage />
                    <Route path=path!("/data") view=LazyDataPage />
                    <Route path=path!("/account") view=LazyAccountPage />
                </Routes>
            </Show>
        </Router>
    }
}
