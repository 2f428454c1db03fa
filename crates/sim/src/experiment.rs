//! One run (a learner, a scheduler, a seed) and the measures the table reports.
//!
//! A day's practice is a budget of minutes spent in sessions of [`WORDS`](crate::schedulers::WORDS)
//! words, every evening at the same time. After each session the learner's true skill is checked: the
//! run ends when every letter is at the targets (or after [`MAX_DAYS`]), and then the share of letters
//! still at the targets after a 7-day and a 30-day break is read.

use klava_core::rng::Rng;

use crate::learner::{DAY_MS, Learner, Params, Targets};
use crate::schedulers::{KeybrLike, Klava, Language, Scheduler};

/// Days after which a run stops without every key at target.
pub const MAX_DAYS: u32 = 365;
/// The clock's start: 2026-01-01 18:00 UTC (an evening's practice).
const START_MS: f64 = 1_767_290_400_000.0;

/// The targets of the runs: the app's defaults (40 WPM, 95 %).
pub const TARGETS: Targets = Targets { wpm: 40.0, accuracy: 0.95 };

/// The three schedulers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Keybr,
    Adaptive,
    AdaptiveReview,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Keybr, Kind::Adaptive, Kind::AdaptiveReview];

    pub fn scheduler(self, lang: Language) -> Box<dyn Scheduler> {
        match self {
            Kind::Keybr => Box::new(KeybrLike::new(lang, TARGETS)),
            Kind::Adaptive => Box::new(Klava::new(lang, TARGETS, false)),
            Kind::AdaptiveReview => Box::new(Klava::new(lang, TARGETS, true)),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Keybr => "keybr-like",
            Kind::Adaptive => "Klava adaptive",
            Kind::AdaptiveReview => "Klava adaptive + review",
        }
    }
}

/// What one run measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Keystrokes until every letter was at the targets (all of them when it never happened).
    pub keystrokes: u64,
    /// Days of practice until then.
    pub days: f64,
    /// Whether every letter got to the targets within [`MAX_DAYS`].
    pub reached: bool,
    /// Share of letters at the targets after a 7-day and a 30-day break.
    pub kept_7: f64,
    pub kept_30: f64,
    /// Share of the keystrokes spent on letters already at the targets.
    pub on_mastered: f64,
}

/// Runs `kind` with a learner of `params` from `seed`.
pub fn run(kind: Kind, params: Params, lang: &Language, seed: u64) -> Outcome {
    let mut learner = Learner::new(params, seed, START_MS);
    let mut scheduler = kind.scheduler(lang.clone());
    let mut rng = Rng::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xC0FFEE);
    let budget = params.minutes_a_day * 60_000.0;
    let (mut keystrokes, mut on_mastered) = (0u64, 0u64);
    for day in 0..MAX_DAYS {
        let mut now = START_MS + f64::from(day) * DAY_MS;
        let day_start = now;
        let mut first = true;
        while now - day_start < budget {
            let words = scheduler.next(now, first, &mut rng);
            first = false;
            let typed = learner.type_text(&words, now, TARGETS);
            now += typed.ms;
            keystrokes += typed.keystrokes;
            on_mastered += typed.on_mastered;
            scheduler.observe(now, &typed.stats);
            if learner.share_at_target(now, TARGETS) >= 1.0 {
                return Outcome {
                    keystrokes,
                    days: f64::from(day + 1),
                    reached: true,
                    kept_7: learner.share_at_target(now + 7.0 * DAY_MS, TARGETS),
                    kept_30: learner.share_at_target(now + 30.0 * DAY_MS, TARGETS),
                    on_mastered: on_mastered as f64 / keystrokes.max(1) as f64,
                };
            }
            // A pause between sessions.
            now += 20_000.0;
        }
    }
    let end = START_MS + f64::from(MAX_DAYS) * DAY_MS;
    Outcome {
        keystrokes,
        days: f64::from(MAX_DAYS),
        reached: false,
        kept_7: learner.share_at_target(end + 7.0 * DAY_MS, TARGETS),
        kept_30: learner.share_at_target(end + 30.0 * DAY_MS, TARGETS),
        on_mastered: on_mastered as f64 / keystrokes.max(1) as f64,
    }
}

/// A learner profile of the table: a name and its parameters.
pub fn profiles() -> Vec<(&'static str, Params)> {
    let base = Params::default();
    vec![
        ("typical", base),
        ("fast learner", Params { practice_scale: base.practice_scale * 0.5, ..base }),
        ("slow learner", Params { practice_scale: base.practice_scale * 2.0, ..base }),
        (
            "fast forgetter",
            Params { stability_days: base.stability_days * 0.5, forgetting: base.forgetting * 1.5, ..base },
        ),
        (
            "slow forgetter",
            Params { stability_days: base.stability_days * 2.0, forgetting: base.forgetting * 0.5, ..base },
        ),
    ]
}

/// Scales one learner parameter (or a pair that goes together) by a factor.
pub type Scale = fn(&mut Params, f64);

/// The learner parameters the sensitivity table varies by ±50 %, with a way to scale each.
pub fn sensitivity() -> Vec<(&'static str, Scale)> {
    vec![
        ("practice scale N", |p, f| p.practice_scale *= f),
        ("learning exponent α", |p, f| p.learning_exponent *= f),
        ("first error rate", |p, f| p.first_error *= f),
        ("finger transfer", |p, f| p.finger_transfer *= f),
        ("hand and row transfer", |p, f| {
            p.hand_transfer *= f;
            p.row_transfer *= f;
        }),
        ("first stability S", |p, f| p.stability_days *= f),
        ("forgetting exponent φ", |p, f| p.forgetting *= f),
        ("relearning", |p, f| p.relearning *= f),
        ("minutes a day", |p, f| p.minutes_a_day *= f),
        ("keystroke noise σ", |p, f| p.noise *= f),
        ("bigram slowness", |p, f| p.bigram_extra *= f),
    ]
}
