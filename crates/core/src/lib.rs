//! klava-core: Klava's pure, deterministic domain — the typing engine and the figures computed from it.
//!
//! Nothing here reads a clock, draws random numbers or touches I/O: time and randomness are arguments,
//! so the same inputs always give the same results, natively and on wasm32 (DESIGN.md §4).

pub mod engine;
pub mod lessons;
pub mod stats;
pub mod text;

pub use engine::{CharState, Engine, EngineError, Input, Keystroke, Millis};
pub use stats::Summary;
