//! `LayoutSelect`: the keyboard layout menu, by each layout's own name (never translated). Used on the
//! test page and the settings page.

use leptos::prelude::*;

use crate::layouts::Layouts;
use crate::prefs::Prefs;

/// The menu; choosing a layout changes the setting at once.
#[component]
pub fn LayoutSelect(
    /// The element id (for a `<label for>`), if any.
    #[prop(optional)]
    id: Option<&'static str>,
    /// `data-testid`.
    testid: &'static str,
    /// Called after a choice, with its event.
    #[prop(optional)]
    on_chosen: Option<Callback<leptos::ev::Event>>,
) -> impl IntoView {
    let prefs = Prefs::expect();
    let names: Vec<(String, String)> =
        Layouts::expect().with(|ls| ls.iter().map(|l| (l.id.clone(), l.name.clone())).collect());
    view! {
        <select id=id data-testid=testid on:change=move |ev| {
            let layout = event_target_value(&ev);
            prefs.update(|s| s.layout = layout);
            if let Some(f) = on_chosen {
                f.run(ev);
            }
        }>
            {names.into_iter().map(|(id, name)| {
                let selected = { let id = id.clone(); move || prefs.with(|s| s.layout == id) };
                view! { <option value=id prop:selected=selected>{name}</option> }
            }).collect_view()}
        </select>
    }
}
