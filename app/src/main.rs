//! klava-app: the browser entry point. It only mounts the app; everything else lives in modules.

mod app;
mod components;
mod config;
mod hooks;
mod pages;
mod settings;
mod stored;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
