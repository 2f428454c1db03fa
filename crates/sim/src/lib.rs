//! A seeded model of a learner and the schedulers it measures: how many keystrokes and days each takes
//! to bring every key to the targets, and how much of that lasts a break (`cargo run -p klava-sim
//! --release`; the figures are in BENCHMARKS.md).

pub mod experiment;
pub mod learner;
pub mod report;
pub mod schedulers;
pub mod stats;

#[cfg(test)]
mod tests;
