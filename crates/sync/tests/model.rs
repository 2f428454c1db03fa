//! The protocol against a model server over an unreliable network: requests lost, answers lost after the
//! server acted, requests delivered twice, garbled answers, reloads that forget the request in flight;
//! several devices, records the server refuses. Once the network behaves, every device and the server hold
//! the same records, each stored once, and no record was dropped (refused ones are held on their device).

use std::collections::{BTreeMap, BTreeSet};

use klava_core::record::Id;
use klava_sync::{Answer, Problem, Refusal, Request, Status, Sync};
use proptest::prelude::*;

const PAGE: usize = 3;

/// The server: each id once, in the order stored.
#[derive(Default)]
struct Server {
    stored: BTreeMap<Id, i64>,
    log: Vec<Id>,
}

impl Server {
    fn handle(&mut self, request: &Request) -> Answer {
        match request {
            Request::Push(ids) => {
                let (mut stored, mut refused) = (Vec::new(), Vec::new());
                for id in ids {
                    if id.as_str().starts_with("bad") {
                        refused.push(Refusal { id: id.clone(), code: "invalid".into(), message: "no".into() });
                        continue;
                    }
                    if !self.stored.contains_key(id) {
                        self.log.push(id.clone());
                        self.stored.insert(id.clone(), i64::try_from(self.log.len()).unwrap());
                    }
                    stored.push(id.clone());
                }
                Answer::Pushed { stored, refused }
            }
            Request::Pull { after } => {
                let from = usize::try_from(*after).unwrap();
                let page: Vec<Id> = self.log.iter().skip(from).take(PAGE).cloned().collect();
                let cursor = *after + i64::try_from(page.len()).unwrap();
                Answer::Pulled { ids: page, cursor, more: usize::try_from(cursor).unwrap() < self.log.len() }
            }
        }
    }
}

/// One device: its sync state and the records it has (made here or pulled).
struct Device {
    sync: Sync,
    has: BTreeSet<Id>,
    made: usize,
}

#[derive(Clone, Copy, Debug)]
enum Fault {
    None,
    RequestLost,
    AnswerLost,
    Twice,
    Garbled,
    Reload,
}

fn fault(n: u8) -> Fault {
    match n % 12 {
        0 => Fault::RequestLost,
        1 => Fault::AnswerLost,
        2 => Fault::Twice,
        3 => Fault::Garbled,
        4 => Fault::Reload,
        _ => Fault::None,
    }
}

/// Lets `d` send its next request, if it has one, through fault `f`; whether it sent one.
fn exchange(d: &mut Device, server: &mut Server, now: f64, f: Fault, jitter: u64) -> bool {
    let Some(request) = d.sync.next(now) else { return false };
    let answer = match f {
        Fault::None => server.handle(&request),
        Fault::RequestLost => Answer::Failed(Problem::Offline),
        Fault::AnswerLost => {
            server.handle(&request);
            Answer::Failed(Problem::Unavailable)
        }
        Fault::Twice => {
            server.handle(&request);
            server.handle(&request)
        }
        Fault::Garbled => Answer::Failed(Problem::Unavailable),
        Fault::Reload => {
            server.handle(&request);
            d.sync = serde_json::from_str(&serde_json::to_string(&d.sync).unwrap()).unwrap();
            return true;
        }
    };
    if let Answer::Pulled { ids, .. } = &answer {
        d.has.extend(ids.iter().cloned());
    }
    d.sync.answer(answer, now, jitter);
    true
}

fn run(steps: &[(u8, u8, u8, u16)], devices: usize) {
    let mut server = Server::default();
    let mut ds: Vec<Device> =
        (0..devices).map(|_| Device { sync: Sync::new(), has: BTreeSet::new(), made: 0 }).collect();
    let mut bad = vec![BTreeSet::new(); devices];
    let mut now = 1.0e12;
    for (i, &(action, who, f, dt)) in steps.iter().enumerate() {
        let n = usize::from(who) % devices;
        now += f64::from(dt);
        let d = &mut ds[n];
        match action % 5 {
            0 | 1 => {
                let name = if action % 7 == 0 { format!("bad{n}x{}", d.made) } else { format!("d{n}x{}", d.made) };
                d.made += 1;
                let id = Id::new(name).unwrap();
                if id.as_str().starts_with("bad") {
                    bad[n].insert(id.clone());
                }
                d.has.insert(id.clone());
                d.sync.add(id, 100 + usize::from(dt));
            }
            2 => d.sync.want(),
            _ => {
                let jitter = u64::try_from(i).unwrap().wrapping_mul(0x9E37_79B9_7F4A_7C15);
                exchange(d, &mut server, now, fault(f), jitter);
            }
        }
    }
    // The network behaves from here: two rounds, so each device pulls what the others pushed.
    for _ in 0..2 {
        for d in &mut ds {
            d.sync.want();
            now += 400_000.0;
            for _ in 0..10_000 {
                if !exchange(d, &mut server, now, Fault::None, 0) {
                    break;
                }
            }
        }
    }
    let on_server: BTreeSet<Id> = server.stored.keys().cloned().collect();
    assert_eq!(server.log.len(), on_server.len(), "a record stored twice");
    for (n, d) in ds.iter().enumerate() {
        assert!(d.sync.outbox().is_empty(), "device {n} still has {} to send", d.sync.outbox().len());
        assert_eq!(d.sync.held().keys().cloned().collect::<BTreeSet<_>>(), bad[n], "device {n}'s held records");
        let expected: BTreeSet<Id> = on_server.union(&bad[n]).cloned().collect();
        assert_eq!(d.has, expected, "device {n} differs from the server");
        assert!(matches!(d.sync.status(), Status::Synced { .. }), "{:?}", d.sync.status());
    }
    let made: usize = ds.iter().map(|d| d.made).sum();
    let refused: usize = bad.iter().map(BTreeSet::len).sum();
    assert_eq!(on_server.len() + refused, made, "a record was lost");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn devices_converge_on_the_server_whatever_the_network_did(
        steps in prop::collection::vec((any::<u8>(), any::<u8>(), any::<u8>(), 0u16..20_000), 0..300),
        devices in 1usize..5,
    ) {
        run(&steps, devices);
    }
}
