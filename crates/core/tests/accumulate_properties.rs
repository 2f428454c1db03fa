//! The laws of the cross-session fold: the same result one by one, all at once, in any order, or by
//! merging partial folds (proptest), and a lossless JSON round trip.

use klava_core::accumulate::Accumulator;
use klava_core::fingers::UsQwerty;
use klava_core::keystats::SessionKeyStats;
use klava_core::{Engine, Input, Options};
use proptest::prelude::*;

fn session() -> impl Strategy<Value = (f64, SessionKeyStats)> {
    let keys = prop::collection::vec((prop::sample::select(vec!['f', 'j', 'k', ' ', 'x', '⌫']), 0.0..400.0f64), 1..40);
    (0.0..1e10f64, keys).prop_map(|(at, keys)| {
        let mut e = Engine::new("fjk fjk jkf kfj fj", Options::default()).unwrap();
        let mut t = 0.0;
        for (c, dt) in keys {
            t += dt;
            let input = if c == '⌫' { Input::Backspace } else { Input::Char(c) };
            let _ = e.apply(input, t);
        }
        (at, SessionKeyStats::from(&e))
    })
}

/// Equal counts exactly, and recent means to 1e-9 relative.
fn assert_same(a: &Accumulator, b: &Accumulator) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.sessions, b.sessions);
    prop_assert_eq!(&a.confusions, &b.confusions);
    for (x, y) in [(&a.keys, &b.keys), (&a.bigrams, &b.bigrams)] {
        prop_assert_eq!(x.keys().collect::<Vec<_>>(), y.keys().collect::<Vec<_>>());
        for (k, ax) in x {
            let bx = &y[k];
            prop_assert_eq!(
                (ax.hits, ax.misses, ax.timed, ax.time_sum_us),
                (bx.hits, bx.misses, bx.timed, bx.time_sum_us)
            );
            match (ax.recent_ms.mean(), bx.recent_ms.mean()) {
                (Some(p), Some(q)) => {
                    prop_assert!((p - q).abs() <= 1e-9 * p.abs().max(1.0), "{} vs {}", p, q)
                }
                (p, q) => prop_assert_eq!(p, q),
            }
        }
    }
    prop_assert_eq!(a.fingers.keys().collect::<Vec<_>>(), b.fingers.keys().collect::<Vec<_>>());
    Ok(())
}

proptest! {
    #[test]
    fn the_fold_does_not_depend_on_order_or_grouping(
        sessions in prop::collection::vec(session(), 0..12),
        split in 0usize..12,
        seed in any::<u64>(),
    ) {
        let map = UsQwerty;
        let all = Accumulator::from_sessions(sessions.iter().map(|(t, s)| (*t, s)), &map);

        let mut one_by_one = Accumulator::default();
        for (t, s) in &sessions {
            one_by_one.add_session(*t, s, &map);
        }
        prop_assert_eq!(&one_by_one, &all);

        let mut shuffled = sessions.clone();
        let mut rng = klava_core::rng::Rng::new(seed);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        let reordered = Accumulator::from_sessions(shuffled.iter().map(|(t, s)| (*t, s)), &map);
        assert_same(&reordered, &all)?;

        let split = split.min(sessions.len());
        let mut left = Accumulator::from_sessions(sessions[..split].iter().map(|(t, s)| (*t, s)), &map);
        let right = Accumulator::from_sessions(sessions[split..].iter().map(|(t, s)| (*t, s)), &map);
        left.merge(&right);
        assert_same(&left, &all)?;

        let json = serde_json::to_string(&all).unwrap();
        let back: Accumulator = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, all);
    }
}
