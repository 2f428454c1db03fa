//! Hooks: browser glue that feeds the pure core.

pub mod use_typing_keys;
