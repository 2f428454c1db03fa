//! A fold of a fixed set of records, compared with the snapshot in `snapshots/fold.json`: any change
//! to what the fold computes shows up here, and must come with a new `FOLD_VERSION` so that caches made
//! by older code are folded again. To accept a change on purpose, bump `FOLD_VERSION` and run this test
//! with `KLAVA_BLESS=1`; blessing a changed result under the same version is refused.

use klava_core::history::{FOLD_VERSION, History};
use klava_core::record::Record;
use serde_json::{Value, json};

mod common;
use common::{delete, layouts, session, setting};

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/fold.json");

/// Sessions on three profiles, settings with equal clocks, twins and a chain of tombstones.
fn records() -> Vec<Record> {
    vec![
        session("s1", 1, "the cat", 0, "us"),
        session("s2", 2, "the cat", 2, "us"),
        session("s3", 3, "the hat", 1, "dvorak"),
        session("s4", 4, "да нет", 1, "ru"),
        session("s5", 5, "the cat", 1, "us"),
        session("s5", 5, "the cat", 0, "us"),
        setting("c1", "theme", 1, (10, 0), "a"),
        setting("c2", "theme", 2, (10, 0), "a"),
        setting("c3", "layout", 3, (11, 1), "b"),
        setting("c3", "layout", 4, (11, 1), "b"),
        setting("c4", "sound", 5, (12, 0), "a"),
        delete("x1", "s2"),
        delete("x2", "x1"),
        delete("x3", "c4"),
    ]
}

#[test]
fn the_fold_of_a_fixed_log_is_the_snapshot() {
    let history = serde_json::to_value(History::from_records(&records(), &layouts())).unwrap();
    let now = json!({ "fold_version": FOLD_VERSION, "history": history });
    let stored: Option<Value> = std::fs::read_to_string(SNAPSHOT).ok().and_then(|t| serde_json::from_str(&t).ok());
    let same_result = stored.as_ref().is_some_and(|s| s["history"] == now["history"]);
    let same_version = stored.as_ref().is_some_and(|s| s["fold_version"] == now["fold_version"]);
    if std::env::var_os("KLAVA_BLESS").is_some() {
        assert!(same_result || !same_version, "the fold's result changed: bump FOLD_VERSION before blessing");
        std::fs::write(SNAPSHOT, serde_json::to_string_pretty(&now).unwrap() + "\n").unwrap();
        return;
    }
    assert!(
        same_result,
        "the fold's result changed (see {SNAPSHOT}): if on purpose, bump FOLD_VERSION and run with KLAVA_BLESS=1"
    );
    assert!(same_version, "FOLD_VERSION changed but the snapshot was not blessed: run with KLAVA_BLESS=1");
}
