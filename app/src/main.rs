//! klava-app: the browser entry point. It only mounts the app; everything else lives in modules.

mod app;
mod components;
mod config;
mod hooks;
mod i18n;
mod labels;
mod layouts;
mod motivation;
mod pages;
mod prefs;
mod progress;
mod pwa;
mod review;
mod storage;
mod sync;
mod test_texts;
mod typing;
mod words;

fn main() {
    console_error_panic_hook::set_once();
    // The page shown without JavaScript or WebAssembly and the frame painted before start-up (index.html)
    // give way to the app.
    for id in ["static", "frame"] {
        if let Some(placeholder) = leptos::prelude::document().get_element_by_id(id) {
            placeholder.remove();
        }
    }
    leptos::mount::mount_to_body(app::App);
}
