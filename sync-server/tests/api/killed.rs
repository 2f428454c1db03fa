//! The server process killed (SIGKILL) at random moments while a device pushes, 100 times, and restarted
//! on the same SQLite file each time; the device runs the app's sync state machine (`klava-sync`). No
//! record is lost and none is stored twice: a commit is all or nothing, and a record whose answer was lost
//! goes again and is stored once (the table's key allows no second copy; the test looks for losses).

use std::collections::BTreeMap;
use std::time::Duration;

use klava_core::record::Id;
use klava_core::rng::Rng;
use klava_sync::{Answer, Problem, Request, Sync};
use serde_json::Value;

use crate::helpers::{now, setting, sync_answer};
use crate::process::{raw_request, sign_up, start};

/// What one request came to, classified as the app does: no connection is "offline", a connection that
/// breaks before the whole answer is "unavailable" (the server may have acted).
fn send(addr: &str, cookie: &str, request: &Request, records: &BTreeMap<Id, String>) -> Answer {
    let (head, body) = match request {
        Request::Push(ids) => {
            let list: Vec<&str> = ids.iter().map(|id| records[id].as_str()).collect();
            let head = format!(
                "POST /api/sync/push HTTP/1.1\r\nx-klava-client: 1\r\ncontent-type: application/json\r\ncookie: {cookie}"
            );
            (head, format!("{{\"records\":[{}]}}", list.join(",")))
        }
        Request::Pull { after } => {
            (format!("GET /api/sync/pull?after={after} HTTP/1.1\r\ncookie: {cookie}"), String::new())
        }
    };
    let answer = match raw_request(addr, &head, &body) {
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => return Answer::Failed(Problem::Offline),
        Err(_) => return Answer::Failed(Problem::Unavailable),
        Ok(a) => a,
    };
    let Some((head, body)) = answer.split_once("\r\n\r\n") else { return Answer::Failed(Problem::Unavailable) };
    if !head.starts_with("HTTP/1.1 200") {
        return Answer::Failed(Problem::Unavailable);
    }
    let Ok(json) = serde_json::from_str::<Value>(body) else { return Answer::Failed(Problem::Unavailable) };
    sync_answer(request, &json)
}

#[test]
fn a_server_killed_mid_push_a_hundred_times_loses_nothing_and_stores_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, mut addr) = start(dir.path());
    let cookie = sign_up(&addr);
    let mut sync = Sync::new();
    let mut records = BTreeMap::new();
    let mut rng = Rng::new(20_261_201);
    let t0 = now();
    let mut clock = 1.0e12;
    let (mut made, mut broken_answers) = (0u64, 0u32);
    for _round in 0..100 {
        let pid = server.0.id().to_string();
        let delay = Duration::from_millis(u64::try_from(rng.below(40)).unwrap());
        let killer = std::thread::spawn(move || {
            std::thread::sleep(delay);
            std::process::Command::new("kill").args(["-KILL", &pid]).status().unwrap();
        });
        for attempt in 0.. {
            assert!(attempt < 10_000, "the server was not killed");
            for _ in 0..10 {
                let id = format!("k{made}");
                records.insert(Id::new(&id).unwrap(), setting(&id, "dark", t0 + made).to_string());
                sync.add(Id::new(id).unwrap(), 200);
                made += 1;
            }
            clock += 1.0;
            let Some(request) = sync.next(clock) else { continue };
            let answer = send(&addr, &cookie, &request, &records);
            let gone = answer == Answer::Failed(Problem::Offline);
            broken_answers += u32::from(answer == Answer::Failed(Problem::Unavailable));
            sync.answer(answer, clock, rng.next_u64());
            if gone {
                break;
            }
            // Retry at once after a broken answer (the backoff is the app's business, not this test's).
            sync.want();
        }
        killer.join().unwrap();
        let _ = server.0.wait();
        (server, addr) = start(dir.path());
        sync.want();
    }
    // Back for good: push what is left, pull everything.
    sync.want();
    while let Some(request) = sync.next(clock) {
        let answer = send(&addr, &cookie, &request, &records);
        assert!(!matches!(answer, Answer::Failed(_)), "{answer:?}");
        sync.answer(answer, clock, 0);
    }
    assert!(sync.outbox().is_empty());
    // Everything on the server, page by page.
    let (mut on_server, mut after) = (Vec::new(), 0);
    loop {
        let Answer::Pulled { ids, cursor, more } = send(&addr, &cookie, &Request::Pull { after }, &records) else {
            panic!("the pull failed")
        };
        on_server.extend(ids);
        after = cursor;
        if !more {
            break;
        }
    }
    // The primary key (user, id) makes a second copy impossible; what a kill could do is lose one.
    let unique: std::collections::BTreeSet<&Id> = on_server.iter().collect();
    assert_eq!(on_server.len(), unique.len(), "a record pulled twice");
    assert_eq!(u64::try_from(unique.len()).unwrap(), made, "records lost: made {made}, stored {}", unique.len());
    eprintln!("{made} records over 100 kills; {broken_answers} answers broken off by a kill");
}
