//! The merge rules at their edges, in one place for the batch fold, the incremental fold and storage, so
//! that the result depends only on the *set* of records (docs/ARCHITECTURE.md):
//!
//! - **Twins** (one id, two different records: a bug or a tampered file): the one with the smaller
//!   [`Digest`] is kept, then the smaller canonical JSON, so every device keeps the same one; the other is
//!   reported, never silently dropped.
//! - **Settings**: the newest clock wins ([`Hlc`] orders by time, counter, then device); two records with
//!   equal clocks (two tabs of one device) are ordered by record id, so no order of arrival decides.
//! - **Tombstones** hide their target. A tombstone is never hidden itself: deleting a deletion does
//!   nothing, so a deletion is final and the set of hidden ids only grows.

use std::cmp::Ordering;
use std::hash::Hasher;

use fnv::FnvHasher;
use serde::{Deserialize, Serialize};

use super::{Body, Hlc, Id, Record};

/// A record's fingerprint: FNV-1a (64 bits) of its canonical JSON (what `serde_json` writes for it in
/// this version). Stable across platforms; not a defence against a deliberately crafted collision, which
/// only the learner's own files could bring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Digest(pub u64);

/// The canonical JSON of a record.
pub fn canonical(r: &Record) -> String {
    serde_json::to_string(r).expect("records serialize")
}

/// The fingerprint of canonical JSON text.
pub fn digest_of(json: &str) -> Digest {
    let mut h = FnvHasher::default();
    h.write(json.as_bytes());
    Digest(h.finish())
}

/// The fingerprint of a record: [`digest_of`] its canonical JSON, written into a buffer kept between
/// calls (through the same serializer as [`canonical`]: a second one would add kilobytes of wasm).
pub fn digest(r: &Record) -> Digest {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|buf| {
        buf.clear();
        serde_json::to_writer(&mut *buf, r).expect("records serialize");
        let mut h = FnvHasher::default();
        h.write(buf);
        Digest(h.finish())
    })
}

/// Orders twins (two records with one id): the one that is kept comes first.
pub fn twin_order(a: &Record, b: &Record) -> Ordering {
    let (ja, jb) = (canonical(a), canonical(b));
    digest_of(&ja).cmp(&digest_of(&jb)).then_with(|| ja.cmp(&jb))
}

/// The union of record sets: each id once, the [`twin_order`] winner where two bodies share an id. This
/// is what joining two devices' logs means; it is commutative, associative and idempotent
/// (`crates/core/tests/history_properties.rs` checks the laws), so devices agree whatever order records
/// arrive in.
pub fn union(records: impl IntoIterator<Item = Record>) -> std::collections::BTreeMap<Id, Record> {
    let mut out = std::collections::BTreeMap::new();
    for r in records {
        match out.entry(r.id.clone()) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(r);
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                if twin_order(&r, o.get()) == Ordering::Less {
                    o.insert(r);
                }
            }
        }
    }
    out
}

/// Whether a setting with clock `hlc` made by record `id` is newer than one with `old_hlc` made by
/// `old_id`: by clock, then by record id.
pub fn setting_is_newer(hlc: &Hlc, id: &Id, old_hlc: &Hlc, old_id: &Id) -> bool {
    (hlc, id) > (old_hlc, old_id)
}

/// What a record deletes, if it is a tombstone.
pub fn tombstone_target(r: &Record) -> Option<&Id> {
    match &r.body {
        Body::Delete { target } => Some(target),
        _ => None,
    }
}

/// Whether `r` is hidden when `deleted` says which ids tombstones target: tombstones never are.
pub fn is_hidden(r: &Record, deleted: impl Fn(&Id) -> bool) -> bool {
    tombstone_target(r).is_none() && deleted(&r.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Setting;

    fn setting(id: &str, value: &str, ms: u64) -> Record {
        let device = Id::new("d").unwrap();
        let hlc = Hlc { ms, counter: 0, device: device.clone() };
        Record {
            id: Id::new(id).unwrap(),
            device,
            body: Body::Setting(Setting { key: "k".into(), value: value.into(), hlc }),
        }
    }

    #[test]
    fn twins_are_kept_by_one_rule_whatever_the_order() {
        let (a, b) = (setting("r", "1", 5), setting("r", "2", 5));
        assert_ne!(twin_order(&a, &b), Ordering::Equal);
        assert_eq!(twin_order(&a, &b), twin_order(&b, &a).reverse(), "the same one is kept in either order");
        assert_eq!(twin_order(&a, &a), Ordering::Equal);
        assert_ne!(digest(&a), digest(&b));
        assert_eq!(digest(&a), digest_of(&canonical(&a)));
    }

    #[test]
    fn the_digest_is_fnv1a_of_the_canonical_json() {
        // FNV-1a 64 of the empty string and of "a" (the published test vectors).
        assert_eq!(digest_of(""), Digest(0xcbf2_9ce4_8422_2325));
        assert_eq!(digest_of("a"), Digest(0xaf63_dc4c_8601_ec8c));
    }

    #[test]
    fn equal_clocks_are_ordered_by_record_id() {
        let hlc = Hlc { ms: 1, counter: 0, device: Id::new("d").unwrap() };
        let (a, b) = (Id::new("a").unwrap(), Id::new("b").unwrap());
        assert!(setting_is_newer(&hlc, &b, &hlc, &a));
        assert!(!setting_is_newer(&hlc, &a, &hlc, &b));
    }

    #[test]
    fn a_tombstone_is_never_hidden() {
        let t = Record {
            id: Id::new("t").unwrap(),
            device: Id::new("d").unwrap(),
            body: Body::Delete { target: Id::new("x").unwrap() },
        };
        assert!(!is_hidden(&t, |_| true));
        assert!(is_hidden(&setting("s", "1", 1), |_| true));
    }
}
