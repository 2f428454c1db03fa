//! Runs many seeds on all cores and writes the tables (Markdown) the command prints.

use std::fmt::Write as _;

use crate::experiment::{Kind, Outcome, profiles, run, sensitivity};
use crate::learner::Params;
use crate::schedulers::Language;
use crate::stats::{Estimate, estimate};

/// `seeds` runs of `kind` with `params`, spread over the machine's cores.
pub fn runs(kind: Kind, params: Params, lang: &Language, seeds: u64) -> Vec<Outcome> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let mut out: Vec<(u64, Outcome)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    (0..seeds)
                        .filter(|seed| seed % threads == t)
                        .map(|seed| (seed, run(kind, params, lang, seed)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("a run does not panic")).collect()
    });
    out.sort_by_key(|(seed, _)| *seed);
    out.into_iter().map(|(_, o)| o).collect()
}

fn of(outcomes: &[Outcome], f: impl Fn(&Outcome) -> f64) -> Estimate {
    estimate(&outcomes.iter().map(f).collect::<Vec<_>>())
}

fn pm(e: Estimate, scale: f64, digits: usize) -> String {
    format!("{:.*} ± {:.*}", digits, e.mean * scale, digits, e.half_width * scale)
}

/// The main table: every profile × scheduler, `seeds` seeds each.
pub fn table(lang: &Language, seeds: u64) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "| Learner | Scheduler | Reached | Keystrokes to all keys at target (thousands) | vs keybr-like | Days | Kept after 7 days | Kept after 30 days | Keystrokes on mastered keys |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|---|");
    for (name, params) in profiles() {
        let all: Vec<(Kind, Vec<Outcome>)> = Kind::ALL.iter().map(|k| (*k, runs(*k, params, lang, seeds))).collect();
        let base = of(&all[0].1, |o| o.keystrokes as f64).mean;
        for (kind, outcomes) in &all {
            let keys = of(outcomes, |o| o.keystrokes as f64);
            let reached = outcomes.iter().filter(|o| o.reached).count();
            let _ = writeln!(
                s,
                "| {name} | {} | {reached}/{} | {} | {:+.1} % | {} | {} % | {} % | {} % |",
                kind.name(),
                outcomes.len(),
                pm(keys, 1e-3, 1),
                (keys.mean / base - 1.0) * 100.0,
                pm(of(outcomes, |o| o.days), 1.0, 1),
                pm(of(outcomes, |o| o.kept_7), 100.0, 1),
                pm(of(outcomes, |o| o.kept_30), 100.0, 1),
                pm(of(outcomes, |o| o.on_mastered), 100.0, 1),
            );
        }
    }
    s
}

/// Klava adaptive + review against keybr-like with each learner parameter at −50 % and +50 %: the change
/// in keystrokes (negative: fewer) and in the share kept after 30 days.
pub fn sensitivity_table(lang: &Language, seeds: u64) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "| Parameter | Value | Reached, keybr-like / + review | Keystrokes, + review vs keybr-like | Kept after 30 days, + review − keybr-like |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|");
    let compare = |params: Params| {
        let keybr = runs(Kind::Keybr, params, lang, seeds);
        let review = runs(Kind::AdaptiveReview, params, lang, seeds);
        let reached = |o: &[Outcome]| o.iter().filter(|o| o.reached).count();
        let k = of(&keybr, |o| o.keystrokes as f64).mean;
        let r = of(&review, |o| o.keystrokes as f64).mean;
        let kept = of(&review, |o| o.kept_30).mean - of(&keybr, |o| o.kept_30).mean;
        format!(
            "{}/{} / {}/{} | {:+.1} % | {:+.1} points |",
            reached(&keybr),
            keybr.len(),
            reached(&review),
            review.len(),
            (r / k - 1.0) * 100.0,
            kept * 100.0
        )
    };
    let _ = writeln!(s, "| (as fixed) | — | {}", compare(Params::default()));
    for (name, scale) in sensitivity() {
        for f in [0.5, 1.5] {
            let mut p = Params::default();
            scale(&mut p, f);
            let _ = writeln!(s, "| {name} | ×{f} | {}", compare(p));
        }
    }
    s
}
