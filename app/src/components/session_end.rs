//! `SessionEnd`: what follows a finished session on the test, lesson and practice pages — its results
//! and the line saying whether it is kept.

use leptos::prelude::*;

use crate::components::results::{Results, ResultsData};
use crate::components::save_note::{SaveNote, save_state};
use crate::progress::Progress;

/// The results once there are some (`None` while the session runs), and the save line under them.
#[component]
pub fn SessionEnd(results: Memo<Option<ResultsData>>) -> impl IntoView {
    let saved = Progress::expect();
    view! {
        {move || results.get().map(|data| view! { <Results data=Signal::derive(move || data.clone()) /> })}
        <Show when=move || results.with(Option::is_some)>
            <SaveNote state=save_state(saved) />
        </Show>
    }
}
