//! Hooks: browser glue that feeds the pure core, one per file.

pub mod use_sounds;
pub mod use_speech;
pub mod use_tab_sync;
pub mod use_title;
pub mod use_typing_keys;
