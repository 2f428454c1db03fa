//! klava-core: Klava's pure, deterministic domain — the typing engine and the figures computed from it.
//!
//! Nothing here reads a clock, draws random numbers or touches I/O: time and randomness are arguments,
//! so the same inputs always give the same results, natively and on wasm32 (docs/ARCHITECTURE.md).

pub mod accumulate;
pub mod backup;
pub mod civil;
pub mod course;
pub mod custom;
pub mod engine;
pub mod fingers;
pub mod history;
pub mod keys;
pub mod keystats;
pub mod layout;
pub mod lessons;
pub mod motivation;
pub mod plural;
pub mod practice;
pub mod profile;
pub mod quotes;
pub mod record;
pub mod report;
pub mod review;
pub mod rng;
pub mod settings;
pub mod stats;
pub mod text;
pub mod textgen;

pub use engine::{CharState, EndReason, Engine, EngineError, ErrorMode, Input, KeyKind, Keystroke, Millis, Options};
pub use stats::Summary;
