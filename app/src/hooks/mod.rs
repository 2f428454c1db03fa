//! Hooks: browser glue that feeds the pure core, one per file.

pub mod use_typing_keys;
pub mod use_typing_test;
