//! The records this device has not yet seen stored on the server, in the order they were made, with
//! their size in bytes (so a push stays under the server's body limit).

use std::collections::BTreeMap;

use klava_core::record::Id;
use serde::{Deserialize, Serialize};

/// An ordered set of record ids with sizes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outbox {
    /// Id → (arrival number, bytes).
    by_id: BTreeMap<Id, (u64, usize)>,
    /// Arrival number → id.
    order: BTreeMap<u64, Id>,
    next: u64,
}

impl Outbox {
    /// Adds `id` (of `bytes` bytes) unless it is there already.
    pub fn add(&mut self, id: Id, bytes: usize) {
        if self.by_id.contains_key(&id) {
            return;
        }
        self.by_id.insert(id.clone(), (self.next, bytes));
        self.order.insert(self.next, id);
        self.next += 1;
    }

    /// Removes `id`; whether it was there.
    pub fn remove(&mut self, id: &Id) -> bool {
        match self.by_id.remove(id) {
            Some((n, _)) => {
                self.order.remove(&n);
                true
            }
            None => false,
        }
    }

    pub fn contains(&self, id: &Id) -> bool {
        self.by_id.contains_key(id)
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The oldest ids, at most `max_records` of them and at most `max_bytes` in all (but always at least
    /// one, so a record larger than the budget is still sent, and refused or stored on its own).
    pub fn batch(&self, max_records: usize, max_bytes: usize) -> Vec<Id> {
        let mut out = Vec::new();
        let mut bytes = 0usize;
        for id in self.order.values().take(max_records) {
            let size = self.by_id[id].1;
            if !out.is_empty() && bytes.saturating_add(size) > max_bytes {
                break;
            }
            bytes = bytes.saturating_add(size);
            out.push(id.clone());
        }
        out
    }

    /// Every id, oldest first.
    pub fn ids(&self) -> impl Iterator<Item = &Id> {
        self.order.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    #[test]
    fn keeps_arrival_order_once_per_id_and_batches_by_count_and_bytes() {
        let mut o = Outbox::default();
        for (name, bytes) in [("c", 10), ("a", 10), ("b", 30), ("a", 99)] {
            o.add(id(name), bytes);
        }
        assert_eq!(o.len(), 3);
        assert_eq!(o.batch(10, 1000), vec![id("c"), id("a"), id("b")]);
        assert_eq!(o.batch(2, 1000), vec![id("c"), id("a")]);
        assert_eq!(o.batch(10, 25), vec![id("c"), id("a")]);
        assert!(o.remove(&id("c")));
        assert!(!o.remove(&id("c")));
        // One record over the byte budget still goes, alone.
        assert_eq!(o.batch(10, 5), vec![id("a")]);
        o.add(id("c"), 1);
        assert_eq!(o.ids().cloned().collect::<Vec<_>>(), vec![id("a"), id("b"), id("c")]);
    }
}
