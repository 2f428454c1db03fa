//! The service worker: registered from `./sw.js` (so it works from any path of any static host). When a
//! new deploy's worker is installed and waiting, [`register`]'s signal offers it; activating it asks the
//! worker to take over and reloads once it has.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration};

/// Set when the learner chose to take the new version: only then does a change of worker reload the page
/// (the first install also changes the controller, and must not reload a page in use).
static RELOAD_REQUESTED: AtomicBool = AtomicBool::new(false);

/// A new version, installed and waiting.
#[derive(Clone)]
pub struct UpdateAvailable {
    worker: ServiceWorker,
}

// The worker handle is only used on the page's thread (wasm32 has one).
unsafe impl Send for UpdateAvailable {}
unsafe impl Sync for UpdateAvailable {}

impl UpdateAvailable {
    /// Lets the waiting worker take over; the page reloads when it controls it.
    pub fn activate(&self) {
        RELOAD_REQUESTED.store(true, Ordering::Relaxed);
        let _ = self.worker.post_message(&"skip-waiting".into());
    }
}

fn offer_waiting(reg: &ServiceWorkerRegistration, set: WriteSignal<Option<UpdateAvailable>>) {
    // A worker waiting while another controls the page is a new version; the very first install is not.
    if let Some(worker) = reg.waiting()
        && window().navigator().service_worker().controller().is_some()
    {
        set.set(Some(UpdateAvailable { worker }));
    }
}

/// Registers the service worker; the signal holds a waiting update, once there is one.
pub fn register() -> ReadSignal<Option<UpdateAvailable>> {
    let (available, set) = signal(None);
    let navigator = window().navigator();
    if wasm_bindgen::JsValue::from(navigator.service_worker()).is_undefined() {
        return available;
    }
    let container = navigator.service_worker();
    // Reload once the new worker has taken over, if the learner chose it (once).
    let on_change = Closure::<dyn Fn()>::new(move || {
        if RELOAD_REQUESTED.swap(false, Ordering::Relaxed) {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    leptos::task::spawn_local(async move {
        // A browser that blocks workers may answer with nothing at all instead of refusing.
        let Some(reg) =
            JsFuture::from(container.register("./sw.js")).await.ok().filter(wasm_bindgen::JsValue::is_object)
        else {
            leptos::logging::warn!("klava: the service worker could not be registered; the app will not work offline");
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        offer_waiting(&reg, set);
        let reg2 = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg2.installing() else { return };
            let reg3 = reg2.clone();
            let on_state = Closure::<dyn Fn()>::new(move || offer_waiting(&reg3, set));
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
    available
}
