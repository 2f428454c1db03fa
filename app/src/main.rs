//! klava-app: the browser entry point. It only mounts the app; everything else lives in modules.

mod app;
mod components;
mod config;
mod hooks;
mod pages;
mod progress;
mod pwa;
mod settings;
mod storage;
mod stored;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
