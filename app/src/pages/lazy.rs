//! Pages in wasm modules of their own, fetched the first time one is opened (`cargo xtask wasm` splits
//! them off): what the first visit does not need stays out of its download. A page goes here when it is
//! not where a learner lands; the home and the test page stay in the main module, but the test page's
//! editor of custom text, which few learners open, comes in its own module.

use leptos::prelude::*;

use crate::components::custom_text::CustomEditor;
use crate::components::goal_nudge::NudgeNote;
use crate::i18n::{tr, use_i18n};
use crate::pages::account::AccountPage;
use crate::pages::data_page::DataPage;
use crate::pages::dictation_page::DictationPage;
use crate::pages::learn::LearnPage;
use crate::pages::learn::lesson::LessonPage;
use crate::pages::practice_page::PracticePage;
use crate::pages::progress::ProgressPage;
use crate::pages::review_page::{DueFact, ReviewPage};
use crate::pages::settings_page::SettingsPage;

#[lazy]
fn progress_view() -> AnyView {
    view! { <ProgressPage /> }.into_any()
}

#[lazy]
fn settings_view() -> AnyView {
    view! { <SettingsPage /> }.into_any()
}

#[lazy]
fn data_view() -> AnyView {
    view! { <DataPage /> }.into_any()
}

#[lazy]
fn learn_view() -> AnyView {
    view! { <LearnPage /> }.into_any()
}

#[lazy]
fn lesson_view() -> AnyView {
    view! { <LessonPage /> }.into_any()
}

#[lazy]
fn practice_view() -> AnyView {
    view! { <PracticePage /> }.into_any()
}

#[lazy]
fn dictation_view() -> AnyView {
    view! { <DictationPage /> }.into_any()
}

#[lazy]
fn review_view() -> AnyView {
    view! { <ReviewPage /> }.into_any()
}

#[lazy]
fn due_fact_view() -> AnyView {
    view! { <DueFact /> }.into_any()
}

#[lazy]
fn custom_editor_view() -> AnyView {
    view! { <CustomEditor /> }.into_any()
}

#[lazy]
fn account_view() -> AnyView {
    view! { <AccountPage /> }.into_any()
}

#[lazy]
fn nudge_view(dismissed: RwSignal<Option<i64>>) -> AnyView {
    view! { <NudgeNote dismissed /> }.into_any()
}

/// A page's view once its module has arrived, "Loading the page…" until then.
fn suspended(page: impl Future<Output = AnyView> + Send + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let loading = move || view! { <main id="main" class="page"><p class="muted" role="status">{tr!(i18n, nav.loading)}</p></main> };
    view! { <Suspense fallback=loading>{Suspend::new(page)}</Suspense> }
}

/// `/progress` (and `/history`), fetched when first opened.
#[component]
pub fn LazyProgressPage() -> impl IntoView {
    suspended(progress_view())
}

/// `/settings`, fetched when first opened.
#[component]
pub fn LazySettingsPage() -> impl IntoView {
    suspended(settings_view())
}

/// `/data`, fetched when first opened.
#[component]
pub fn LazyDataPage() -> impl IntoView {
    suspended(data_view())
}

/// `/account`, fetched when first opened.
#[component]
pub fn LazyAccountPage() -> impl IntoView {
    suspended(account_view())
}

/// `/learn`, fetched when first opened.
#[component]
pub fn LazyLearnPage() -> impl IntoView {
    suspended(learn_view())
}

/// `/learn/<course>/<lesson>`, fetched when first opened.
#[component]
pub fn LazyLessonPage() -> impl IntoView {
    suspended(lesson_view())
}

/// `/practice`, fetched when first opened.
#[component]
pub fn LazyPracticePage() -> impl IntoView {
    suspended(practice_view())
}

/// `/dictation`, fetched when first opened.
#[component]
pub fn LazyDictationPage() -> impl IntoView {
    suspended(dictation_view())
}

/// `/review`, fetched when first opened.
#[component]
pub fn LazyReviewPage() -> impl IntoView {
    suspended(review_view())
}

/// Home's count of review items due today, fetched once the learner has sessions.
#[component]
pub fn LazyDueFact() -> impl IntoView {
    view! { <Suspense fallback=|| ()>{Suspend::new(due_fact_view())}</Suspense> }
}

/// The custom text's editor on the test page, fetched when custom mode is first chosen.
#[component]
pub fn LazyCustomEditor() -> impl IntoView {
    view! { <Suspense fallback=|| ()>{Suspend::new(custom_editor_view())}</Suspense> }
}

/// The daily reminder's note, fetched the first time it is due.
#[component]
pub fn LazyNudgeNote(dismissed: RwSignal<Option<i64>>) -> impl IntoView {
    view! { <Suspense fallback=|| ()>{Suspend::new(nudge_view(dismissed))}</Suspense> }
}
