//! The simulator's laws: deterministic per seed, no mastery without practice, keybr-like unlocks in
//! frequency order, practice helps, breaks hurt, spacing helps retention.

use klava_core::rng::Rng;

use crate::experiment::{Kind, TARGETS, run};
use crate::learner::{DAY_MS, Learner, Params};
use crate::schedulers::{KeybrLike, Language, Scheduler};

const T0: f64 = 1_767_290_400_000.0;

fn words(w: &str, n: usize) -> Vec<String> {
    vec![w.to_owned(); n]
}

#[test]
fn the_same_seed_gives_the_same_run_and_another_seed_another() {
    let lang = Language::english();
    let p = Params { minutes_a_day: 10.0, ..Params::default() };
    let a = run(Kind::AdaptiveReview, p, &lang, 3);
    assert_eq!(a, run(Kind::AdaptiveReview, p, &lang, 3));
    assert_ne!(a.keystrokes, run(Kind::AdaptiveReview, p, &lang, 4).keystrokes);
}

#[test]
fn a_key_never_practised_is_never_mastered_and_practice_masters_one() {
    let mut l = Learner::new(Params::default(), 1, T0);
    let mut now = T0;
    for _ in 0..200 {
        now += l.type_text(&words("fjfjfj", 10), now, TARGETS).ms;
    }
    assert!(l.at_target('f', now, TARGETS) && l.at_target('j', now, TARGETS));
    // q shares only a hand with f (2 % of each keystroke), nothing with j: far from the targets still.
    assert!(!l.at_target('q', now, TARGETS));
    let (q_ms, _) = l.skill('q', now).unwrap();
    assert!(q_ms > 2.0 * TARGETS.key_ms(), "q at {q_ms} ms without practice");
}

#[test]
fn a_break_wears_skill_away_and_spaced_practice_keeps_it_better_than_massed() {
    let p = Params::default();
    let practise = |days: u32| {
        let mut l = Learner::new(p, 2, T0);
        let mut end = T0;
        for d in 0..days {
            let mut now = T0 + f64::from(d) * DAY_MS;
            for _ in 0..(40 / days) {
                now += l.type_text(&words("asdf", 10), now, TARGETS).ms;
            }
            end = now;
        }
        (l, end)
    };
    let (massed, m_end) = practise(1);
    let (spaced, s_end) = practise(8);
    let later = |l: &Learner, end: f64, days: f64| l.skill('a', end + days * DAY_MS).unwrap().0;
    assert!(later(&massed, m_end, 30.0) > later(&massed, m_end, 0.0), "a break slows the key");
    let loss = |l: &Learner, end: f64| later(l, end, 30.0) / later(l, end, 0.0);
    assert!(loss(&spaced, s_end) < loss(&massed, m_end), "spaced practice is forgotten less");
}

#[test]
fn keybr_like_unlocks_in_frequency_order_one_key_at_a_time() {
    let lang = Language::english();
    let order = lang.order.clone();
    let mut s = KeybrLike::new(lang, TARGETS);
    let mut l = Learner::new(Params::default(), 5, T0);
    let mut rng = Rng::new(5);
    let mut now = T0;
    let mut seen = s.unlocked();
    assert_eq!(seen, order[..6].to_vec());
    for _ in 0..3_000 {
        let text = s.next(now, false, &mut rng);
        assert!(text.iter().all(|w| w.chars().all(|c| seen.contains(&c))), "only unlocked letters");
        let typed = l.type_text(&text, now, TARGETS);
        now += typed.ms + 20_000.0;
        s.observe(now, &typed.stats);
        let next = s.unlocked();
        assert!(next.len() <= seen.len() + 1 && next.starts_with(&seen));
        seen = next;
        if seen.len() >= 10 {
            break;
        }
    }
    assert_eq!(seen, order[..10].to_vec(), "four more letters came in, in frequency order");
}

#[test]
fn every_scheduler_teaches_a_typical_learner_every_key() {
    let lang = Language::english();
    for kind in Kind::ALL {
        let o = run(kind, Params::default(), &lang, 11);
        assert!(o.reached, "{kind:?}: {o:?}");
        assert!((0.0..=1.0).contains(&o.kept_30) && o.kept_30 <= o.kept_7 + 1e-9, "{kind:?}: {o:?}");
    }
}
