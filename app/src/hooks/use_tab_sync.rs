//! `use_tab_sync`: several tabs of Klava stay in step. After this tab writes to the log (a finished
//! session, a settings change, an import, a deletion) it tells the others on a BroadcastChannel; a tab
//! that hears it folds in what was stored since it last read the log, so the history and the settings
//! change there without a reload.

use codee::string::FromToStringCodec;
use leptos::prelude::*;
use leptos_use::{UseBroadcastChannelReturn, use_broadcast_channel};

use crate::progress::Progress;

/// The channel's name (one per origin).
const CHANNEL: &str = "klava-log";

/// Starts listening and telling.
pub fn use_tab_sync() {
    let progress = Progress::expect();
    let UseBroadcastChannelReturn { message, post, .. } = use_broadcast_channel::<String, FromToStringCodec>(CHANNEL);
    // Every message differs (this tab's write count and a random tag), so each one is heard.
    let tag = crate::config::random_seed();
    Effect::watch(move || progress.writes.get(), move |n, _, _| post(&format!("{tag:x}:{n}")), false);
    Effect::watch(
        move || message.get(),
        move |m, _, _| {
            if m.is_some() {
                progress.catch_up()
            }
        },
        false,
    );
}
