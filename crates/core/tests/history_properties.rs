//! The history fold is a function of the set of records: order, duplicates, twins, equal clocks and
//! tombstones of tombstones do not change what it shows (docs/ARCHITECTURE.md). Every property compares
//! whole folded states with each other and with [`model`], an independent computation of what the fold
//! must show, written from the rules in `record::merge` rather than from the fold's own steps.

use std::collections::{BTreeMap, BTreeSet};

use klava_core::history::{Applied, History, best_key};
use klava_core::keystats::SessionKeyStats;
use klava_core::layout::Layout;
use klava_core::profile::Profile;
use klava_core::record::merge::{canonical, digest, union};
use klava_core::record::{Body, Hlc, Id, Record, Session};
use proptest::prelude::*;
use serde_json::Value;

mod common;
use common::{delete, layouts, session, setting};

/// The ids a generated log draws from: sessions `s0…`, settings `c0…`, tombstones `x0…`.
const SESSIONS: usize = 6;
const SETTINGS: usize = 5;
const DELETES: usize = 4;

/// A log with what the edges need: settings with few clock values (so equal clocks with different values
/// are common), tombstones that may target tombstones (chains included), and twins (one id, another body).
fn log() -> impl Strategy<Value = Vec<Record>> {
    let sessions =
        prop::collection::vec((0usize..3, prop::sample::select(vec!["us", "dvorak", "ru"]), 0u64..4), 1..SESSIONS);
    let settings =
        prop::collection::vec((any::<u8>(), prop::bool::ANY, 0u64..3, 0u32..2, prop::bool::ANY), 0..SETTINGS);
    let deletes = prop::collection::vec((0usize..3, 0usize..SESSIONS.max(DELETES)), 0..DELETES);
    let twins = prop::collection::vec((0usize..2, 0usize..SESSIONS, any::<u8>()), 0..3);
    (sessions, settings, deletes, twins).prop_map(|(sessions, settings, deletes, twins)| {
        let mut out = Vec::new();
        for (i, (typos, layout, at)) in sessions.iter().enumerate() {
            let text = if *layout == "ru" { "да нет" } else { "the cat" };
            out.push(session(&format!("s{i}"), *at, text, *typos, layout));
        }
        for (i, (value, key, ms, counter, dev)) in settings.iter().enumerate() {
            let key = if *key { "layout" } else { "theme" };
            out.push(setting(&format!("c{i}"), key, *value, (*ms, *counter), if *dev { "a" } else { "b" }));
        }
        for (i, (kind, n)) in deletes.into_iter().enumerate() {
            let target = match kind {
                0 => format!("s{}", n % SESSIONS),
                1 => format!("c{}", n % SETTINGS),
                _ => format!("x{}", n % DELETES),
            };
            out.push(delete(&format!("x{i}"), &target));
        }
        for (kind, n, value) in twins {
            let twin = match kind {
                0 => session(
                    &format!("s{}", n % sessions.len()),
                    u64::from(value % 4),
                    "the cat",
                    usize::from(value % 3),
                    "us",
                ),
                _ => setting(&format!("c{}", n % SETTINGS), "layout", value, (1, 0), "a"),
            };
            out.push(twin);
        }
        out
    })
}

/// Per profile: sessions, and key → (hits, misses).
type Stats = BTreeMap<String, (u64, BTreeMap<String, (u64, u64)>)>;

/// What the fold must show, computed from the rules directly.
#[derive(Debug, PartialEq)]
struct Expected {
    /// Session ids, newest first.
    rows: Vec<String>,
    /// Best key → session id.
    bests: BTreeMap<String, String>,
    /// Setting key → value.
    settings: BTreeMap<String, String>,
    /// Distinct ids.
    records: usize,
    stats: Stats,
}

fn model(records: &[Record]) -> Expected {
    // One record per id: the smallest (digest, canonical JSON).
    let mut kept: BTreeMap<&Id, &Record> = BTreeMap::new();
    for r in records {
        let better = |k: &&Record| (digest(r), canonical(r)) < (digest(k), canonical(k));
        if kept.get(&r.id).is_none_or(better) {
            kept.insert(&r.id, r);
        }
    }
    let targets: BTreeSet<&Id> =
        kept.values().filter_map(|r| if let Body::Delete { target } = &r.body { Some(target) } else { None }).collect();
    let shown: Vec<&Record> =
        kept.values().copied().filter(|r| !matches!(r.body, Body::Delete { .. }) && !targets.contains(&r.id)).collect();
    let mut sessions: Vec<(&Id, &Session)> =
        shown.iter().filter_map(|r| if let Body::Session(s) = &r.body { Some((&r.id, &**s)) } else { None }).collect();
    let mut settings: BTreeMap<String, (&Hlc, &Id, String)> = BTreeMap::new();
    for r in &shown {
        if let Body::Setting(s) = &r.body
            && settings.get(&s.key).is_none_or(|(hlc, id, _)| (&s.hlc, &r.id) > (*hlc, *id))
        {
            settings.insert(s.key.clone(), (&s.hlc, &r.id, s.value.clone()));
        }
    }
    sessions.sort_by(|a, b| (b.1.ended_at_ms, b.0).partial_cmp(&(a.1.ended_at_ms, a.0)).unwrap());
    let mut bests: BTreeMap<String, (f64, &Id)> = BTreeMap::new();
    let mut stats = Stats::new();
    for (id, s) in &sessions {
        let key = best_key(&s.profile.key(), &s.mode);
        let wpm = s.summary.wpm.unwrap();
        if bests.get(&key).is_none_or(|(w, i)| wpm > *w || (wpm == *w && *id < *i)) {
            bests.insert(key, (wpm, id));
        }
        let keys = SessionKeyStats::from(&s.replay.as_ref().unwrap().engine().unwrap()).keys;
        let entry = stats.entry(s.profile.key()).or_default();
        entry.0 += 1;
        for (k, v) in keys {
            let e = entry.1.entry(k).or_default();
            e.0 += u64::from(v.hits);
            e.1 += u64::from(v.misses);
        }
    }
    Expected {
        rows: sessions.iter().map(|(id, _)| id.to_string()).collect(),
        bests: bests.into_iter().map(|(k, (_, id))| (k, id.to_string())).collect(),
        settings: settings.into_iter().map(|(k, (_, _, v))| (k, v)).collect(),
        records: kept.len(),
        stats,
    }
}

/// What a history shows, in the model's terms.
fn shown(h: &History) -> Expected {
    let mut stats = BTreeMap::new();
    for p in ["us/en", "dvorak/en", "ru/ru"] {
        let (layout, language) = p.split_once('/').unwrap();
        if let Some(a) = h.profile_stats(&Profile { layout: layout.into(), language: language.into() })
            && a.sessions > 0
        {
            stats.insert(
                p.to_owned(),
                (a.sessions, a.keys.iter().map(|(k, v)| (k.clone(), (v.hits, v.misses))).collect()),
            );
        }
    }
    Expected {
        rows: h.rows().map(|r| r.id.to_string()).collect(),
        bests: h.bests().iter().map(|(k, b)| (k.clone(), b.id.to_string())).collect(),
        settings: h.settings().map(|s| (s.key.clone(), s.value.clone())).collect(),
        records: h.records(),
        stats,
    }
}

/// Applies one by one, rebuilding when asked, as the app does.
fn incremental(records: &[Record], layouts: &[Layout]) -> History {
    let mut h = History::default();
    for (i, r) in records.iter().enumerate() {
        if h.apply(r, layouts) == Applied::NeedsRebuild {
            h = History::from_records(&records[..=i], layouts);
        }
    }
    h
}

/// Whole states equal, numbers up to float rounding (the decayed averages depend on summation order).
fn same_state(a: &History, b: &History) {
    fn close(x: &Value, y: &Value, path: &str) {
        match (x, y) {
            (Value::Number(p), Value::Number(q)) => {
                let (p, q) = (p.as_f64().unwrap(), q.as_f64().unwrap());
                assert!((p - q).abs() <= 1e-9 * p.abs().max(q.abs()).max(1.0), "{path}: {p} vs {q}");
            }
            (Value::Array(p), Value::Array(q)) => {
                assert_eq!(p.len(), q.len(), "{path}");
                p.iter().zip(q).enumerate().for_each(|(i, (p, q))| close(p, q, &format!("{path}[{i}]")));
            }
            (Value::Object(p), Value::Object(q)) => {
                assert_eq!(p.keys().collect::<Vec<_>>(), q.keys().collect::<Vec<_>>(), "{path}");
                p.iter().for_each(|(k, v)| close(v, &q[k], &format!("{path}.{k}")));
            }
            _ => assert_eq!(x, y, "{path}"),
        }
    }
    close(&serde_json::to_value(a).unwrap(), &serde_json::to_value(b).unwrap(), "history");
}

/// A deterministic shuffle from `seed`, with every third record delivered twice.
fn shuffled(records: &[Record], seed: u64) -> Vec<Record> {
    let mut out = records.to_vec();
    let mut s = seed;
    for i in (1..out.len()).rev() {
        s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        out.swap(i, (s >> 33) as usize % (i + 1));
    }
    let again: Vec<Record> = out.iter().step_by(3).cloned().collect();
    out.extend(again);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_fold_shows_what_the_rules_say_in_any_order(records in log(), seed in any::<u64>()) {
        let layouts = layouts();
        let expected = model(&records);
        let whole = History::from_records(&records, &layouts);
        prop_assert_eq!(shown(&whole), expected);
        let order = shuffled(&records, seed);
        let (batch, step) = (History::from_records(&order, &layouts), incremental(&order, &layouts));
        same_state(&whole, &batch);
        same_state(&whole, &step);
        same_state(&whole, &incremental(&records, &layouts));
    }
}

/// Three logs drawn from the same ids, so they share records and disagree on twins.
fn three_logs() -> impl Strategy<Value = (Vec<Record>, Vec<Record>, Vec<Record>)> {
    (log(), log(), log())
}

proptest! {
    // The sync issue's floor: at least 10,000 cases, always run.
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn union_is_commutative_associative_and_idempotent_and_the_fold_ignores_order_and_repeats(
        (a, b, c) in three_logs(),
        seed in any::<u64>(),
    ) {
        static LAYOUTS: std::sync::LazyLock<Vec<Layout>> = std::sync::LazyLock::new(layouts);
        let join = |x: &[Record], y: &[Record]| union(x.iter().chain(y).cloned());
        let set = |m: BTreeMap<Id, Record>| m.into_values().collect::<Vec<_>>();
        prop_assert_eq!(join(&a, &b), join(&b, &a));
        prop_assert_eq!(join(&set(join(&a, &b)), &c), join(&a, &set(join(&b, &c))));
        prop_assert_eq!(join(&a, &a), union(a.iter().cloned()));
        // Every device folds the union to one state, whatever order and repeats it received.
        let everything: Vec<Record> = a.iter().chain(&b).chain(&c).cloned().collect();
        let joined = set(union(everything.iter().cloned()));
        let layouts: &[Layout] = &LAYOUTS;
        let once = History::from_records(&joined, layouts);
        same_state(&once, &History::from_records(&shuffled(&everything, seed), layouts));
        same_state(&once, &incremental(&shuffled(&joined, seed ^ 1), layouts));
    }
}

#[test]
fn a_late_tombstone_asks_for_a_rebuild_and_hides_the_session() {
    let layouts = layouts();
    let records = vec![session("s1", 1, "the cat", 0, "us"), session("s2", 2, "the cat", 1, "us"), delete("x1", "s1")];
    let mut h = History::default();
    assert_eq!(h.apply(&records[0], &layouts), Applied::Changed);
    assert_eq!(h.apply(&records[0], &layouts), Applied::Unchanged);
    assert_eq!(h.apply(&records[1], &layouts), Applied::Changed);
    assert_eq!(h.apply(&records[2], &layouts), Applied::NeedsRebuild);
    let h = History::from_records(&records, &layouts);
    assert_eq!(h.rows().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["s2"]);
    assert_eq!(h.bests().values().next().map(|b| b.id.as_str()), Some("s2"));
}

#[test]
fn deleting_a_deletion_does_nothing_in_either_order() {
    // The case the two paths disagreed on: the outer tombstone, then the inner one, then the session.
    let layouts = layouts();
    let records = vec![delete("x2", "x1"), delete("x1", "s1"), session("s1", 1, "the cat", 0, "us")];
    assert!(History::from_records(&records, &layouts).is_empty());
    assert!(incremental(&records, &layouts).is_empty());
}

#[test]
fn equal_clocks_are_decided_by_record_id_not_by_arrival() {
    let layouts = layouts();
    let (a, b) = (setting("c1", "theme", 1, (5, 0), "a"), setting("c2", "theme", 2, (5, 0), "a"));
    for order in [[&a, &b], [&b, &a]] {
        assert_eq!(History::from_records(order, &layouts).setting("theme").unwrap().value, "2");
        let mut h = History::default();
        order.iter().for_each(|r| assert_ne!(h.apply(r, &layouts), Applied::NeedsRebuild));
        assert_eq!(h.setting("theme").unwrap().value, "2");
    }
}

#[test]
fn of_two_twins_every_order_keeps_the_same_one() {
    let layouts = layouts();
    let (a, b) = (setting("c1", "theme", 1, (5, 0), "a"), setting("c1", "theme", 2, (9, 0), "a"));
    let kept = if (digest(&a), canonical(&a)) < (digest(&b), canonical(&b)) { "1" } else { "2" };
    for order in [[&a, &b], [&b, &a]] {
        assert_eq!(History::from_records(order, &layouts).setting("theme").unwrap().value, kept);
        assert_eq!(incremental(&order.map(Clone::clone), &layouts).setting("theme").unwrap().value, kept);
    }
}

#[test]
fn the_newest_setting_wins_and_bests_keep_the_fastest() {
    let layouts = layouts();
    let records = vec![
        setting("c1", "keyboard", 0, (20, 0), "a"),
        setting("c2", "keyboard", 0, (10, 0), "b"),
        setting("c3", "keyboard", 0, (20, 0), "b"),
    ];
    let h = History::from_records(&records, &layouts);
    assert_eq!(h.setting("keyboard").map(|s| s.hlc.device.as_str()), Some("b"), "same ms: the device breaks the tie");
    let slow = session("s1", 1, "the cat", 2, "us");
    let fast = session("s2", 2, "the cat", 0, "us");
    let h = History::from_records([&fast, &slow], &layouts);
    assert_eq!(h.bests()["us/en words/2"].id.as_str(), "s2");
    assert_eq!(h.rows().next().map(|r| r.id.as_str()), Some("s2"), "newest first");
    let stats = h.profile_stats(&Profile { layout: "us".into(), language: "en".into() }).unwrap();
    assert_eq!(stats.sessions, 2);
    assert_eq!(stats.keys["t"].hits, 4);
    assert_eq!(stats.keys["t"].misses, 1, "the slow one typed '#' for its first 't' (and its 'h')");
    assert_eq!(stats.keys["h"].misses, 1);
}

#[test]
fn the_cache_round_trips_as_json() {
    let layouts = layouts();
    let records = vec![session("s1", 1, "the cat", 1, "us"), setting("c1", "test", 5, (5, 0), "a")];
    let h = History::from_records(&records, &layouts);
    let back: History = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
    assert_eq!(back, h);
}
