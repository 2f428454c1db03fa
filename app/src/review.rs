//! Spaced review as the app sees it: the profile's `klava_core::review::Review`, folded from the
//! history's rows (each row carries its session's review facts) against the learner's targets. The fold
//! is kept between pages and brought up to date with only the rows it has not seen (a late row from
//! another device is folded again from a checkpoint by core); a deleted row, another profile or changed
//! targets fold everything again. Only lazily loaded views use it, so it stays out of the first download.

use std::cell::RefCell;

use klava_core::history::History;
use klava_core::motivation::local_day;
use klava_core::review::memory::Memory;
use klava_core::review::{Facts, Review, Targets};

use crate::i18n::{I18n, t_string};
use crate::prefs::Prefs;
use crate::storage::ids;

/// What the fold was made for: the profile and the targets' bits.
type FoldKey = (String, u64, u64);

thread_local! {
    static FOLD: RefCell<Option<(FoldKey, Review)>> = const { RefCell::new(None) };
}

const DAY_MS: f64 = 86_400_000.0;

/// The learner's targets, as review grades against them.
pub fn targets(prefs: Prefs) -> Targets {
    prefs.with(|s| Targets { wpm: f64::from(s.target_wpm.get()), accuracy: f64::from(s.pass_accuracy.get()) / 100.0 })
}

/// Runs `f` on `profile`'s review folded from `history` with `targets`.
pub fn with_review<T>(history: &History, profile: &str, targets: Targets, f: impl FnOnce(&Review) -> T) -> T {
    FOLD.with_borrow_mut(|fold| {
        let key = (profile.to_owned(), targets.wpm.to_bits(), targets.accuracy.to_bits());
        let rows = || history.rows().filter(|r| r.profile == profile && !r.facts.is_empty());
        let stale = fold
            .as_ref()
            .is_none_or(|(k, review)| *k != key || rows().filter(|r| review.contains(&r.id)).count() != review.len());
        if stale {
            *fold = Some((key.clone(), Review::new(targets)));
        }
        let review = &mut fold.get_or_insert_with(|| (key, Review::new(targets))).1;
        // Oldest first, so each new row is folded once, in order.
        let new: Vec<_> = rows().filter(|r| !review.contains(&r.id)).collect();
        for r in new.into_iter().rev() {
            review.add(&r.id, r.ended_at_ms, Facts::decode(&r.facts));
        }
        f(review)
    })
}

/// The end of the learner's today (ms): items due before it are "due today". The day is the one streaks
/// and goals count by (`klava_core::motivation::local_day`).
pub fn end_of_today(now_ms: f64) -> f64 {
    let offset = ids::utc_offset_min_at(now_ms);
    (local_day(now_ms, offset) + 1) as f64 * DAY_MS - f64::from(offset) * 60_000.0
}

/// When an item comes back: "due now", "later today", "tomorrow", "in 4 days".
pub fn next_text(i18n: I18n, memory: &Memory, now_ms: f64) -> String {
    let due = memory.due_ms();
    if memory.is_due(now_ms) {
        return t_string!(i18n, review.due_now).to_owned();
    }
    let today_ends = end_of_today(now_ms);
    if due < today_ends {
        return t_string!(i18n, review.later_today).to_owned();
    }
    let days = ((due - today_ends) / DAY_MS).floor() as u32 + 1;
    if days == 1 {
        t_string!(i18n, review.tomorrow).to_owned()
    } else {
        t_string!(i18n, review.in_days, count = days).to_string()
    }
}
