//! The history fold is a function of the set of records: order, duplicates and late tombstones do not
//! change what it shows (docs/ARCHITECTURE.md).

use klava_core::history::{Applied, History};
use klava_core::layout::{Layout, catalog};
use klava_core::profile::Profile;
use klava_core::record::{Body, Hlc, Id, ModeKind, Record, Session, SessionMode, Setting};
use klava_core::{Engine, Input, Options};
use proptest::prelude::*;

fn layouts() -> Vec<Layout> {
    catalog::all().unwrap()
}

fn session(n: u64, text: &str, typos: usize, layout: &str) -> Record {
    let mut e = Engine::new(text, Options::default()).unwrap();
    let mut t = 1000.0;
    for (i, c) in text.chars().enumerate() {
        if i < typos {
            e.apply(Input::Char('#'), t).unwrap();
            t += 120.0;
            e.apply(Input::Backspace, t).unwrap();
            t += 90.0;
        }
        e.apply(Input::Char(c), t).unwrap();
        t += 100.0 + (n % 7) as f64 * 10.0;
    }
    let language = if layout == "ru" { "ru" } else { "en" };
    let profile = Profile { layout: layout.into(), language: language.into() };
    let mode = SessionMode { kind: ModeKind::Words, amount: 2, punctuation: false, numbers: false };
    let s = Session::typed(&e, profile, mode, 1.7e12 + (n as f64) * 60_000.0, 60);
    Record { id: Id::new(format!("s{n}")).unwrap(), device: Id::new("d").unwrap(), body: Body::Session(Box::new(s)) }
}

fn setting(n: u64, key: &str, ms: u64, device: &str) -> Record {
    let device = Id::new(device).unwrap();
    let hlc = Hlc { ms, counter: 0, device: device.clone() };
    let body = Body::Setting(Setting { key: key.into(), value: format!("{ms}"), hlc });
    Record { id: Id::new(format!("c{n}")).unwrap(), device, body }
}

fn delete(n: u64, target: u64) -> Record {
    let body = Body::Delete { target: Id::new(format!("s{target}")).unwrap() };
    Record { id: Id::new(format!("x{n}")).unwrap(), device: Id::new("d").unwrap(), body }
}

/// A log of sessions, settings changes from two devices and tombstones.
fn log() -> impl Strategy<Value = Vec<Record>> {
    let sessions = prop::collection::vec((0usize..3, prop::sample::select(vec!["us", "dvorak", "ru"])), 1..8);
    let settings = prop::collection::vec((0u64..50, prop::bool::ANY, prop::bool::ANY), 0..5);
    let deletes = prop::collection::vec(0u64..10, 0..3);
    (sessions, settings, deletes).prop_map(|(sessions, settings, deletes)| {
        let mut out = Vec::new();
        for (i, (typos, layout)) in sessions.into_iter().enumerate() {
            let text = if layout == "ru" { "да нет" } else { "the cat" };
            out.push(session(i as u64, text, typos, layout));
        }
        for (i, (ms, key, dev)) in settings.into_iter().enumerate() {
            out.push(setting(i as u64, if key { "keyboard" } else { "test" }, ms, if dev { "a" } else { "b" }));
        }
        for (i, t) in deletes.into_iter().enumerate() {
            out.push(delete(i as u64, t));
        }
        out
    })
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

fn same(a: &History, b: &History) {
    assert_eq!(a.rows().collect::<Vec<_>>(), b.rows().collect::<Vec<_>>());
    assert_eq!(a.bests(), b.bests());
    assert_eq!(a.setting("keyboard"), b.setting("keyboard"));
    assert_eq!(a.setting("test"), b.setting("test"));
    assert_eq!(a.records(), b.records());
    for p in ["us/en", "dvorak/en", "ru/ru"] {
        let (layout, language) = p.split_once('/').unwrap();
        let profile = Profile { layout: layout.into(), language: language.into() };
        let (x, y) = (a.profile_stats(&profile), b.profile_stats(&profile));
        assert_eq!(x.map(|s| s.sessions), y.map(|s| s.sessions));
        assert_eq!(
            x.map(|s| s.keys.clone().into_iter().map(|(k, v)| (k, v.hits, v.misses)).collect::<Vec<_>>()),
            y.map(|s| s.keys.clone().into_iter().map(|(k, v)| (k, v.hits, v.misses)).collect::<Vec<_>>())
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_order_and_duplicates_give_the_same_history(records in log(), seed in any::<u64>()) {
        let layouts = layouts();
        let whole = History::from_records(&records, &layouts);
        let mut shuffled = records.clone();
        // A deterministic shuffle from the seed, and every third record delivered twice.
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let again: Vec<Record> = shuffled.iter().step_by(3).cloned().collect();
        shuffled.extend(again);
        same(&whole, &incremental(&records, &layouts));
        same(&whole, &incremental(&shuffled, &layouts));
    }
}

#[test]
fn a_late_tombstone_asks_for_a_rebuild_and_hides_the_session() {
    let layouts = layouts();
    let records = vec![session(1, "the cat", 0, "us"), session(2, "the cat", 1, "us"), delete(1, 1)];
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
fn the_newest_setting_wins_and_bests_keep_the_fastest() {
    let layouts = layouts();
    let records =
        vec![setting(1, "keyboard", 20, "a"), setting(2, "keyboard", 10, "b"), setting(3, "keyboard", 20, "b")];
    let h = History::from_records(&records, &layouts);
    assert_eq!(h.setting("keyboard").map(|s| s.hlc.device.as_str()), Some("b"), "same ms: the device breaks the tie");
    let slow = session(1, "the cat", 2, "us");
    let fast = session(2, "the cat", 0, "us");
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
    let records = vec![session(1, "the cat", 1, "us"), setting(1, "test", 5, "a")];
    let h = History::from_records(&records, &layouts);
    let json = serde_json::to_string(&h).unwrap();
    let back: History = serde_json::from_str(&json).unwrap();
    same(&h, &back);
}
