//! The machine's transitions one by one.

use super::*;

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn ids(names: &[&str]) -> Vec<Id> {
    names.iter().map(|n| id(n)).collect()
}

#[test]
fn a_first_cycle_pulls_everything_then_is_synced() {
    let mut s = Sync::new();
    assert_eq!(s.status(), Status::Pending { waiting: 0 });
    assert_eq!(s.next(0.0), Some(Request::Pull { after: 0 }));
    assert_eq!(s.next(0.0), None, "one request at a time");
    s.answer(Answer::Pulled { ids: ids(&["x", "y"]), cursor: 2, more: true }, 1.0, 0);
    assert_eq!(s.next(1.0), Some(Request::Pull { after: 2 }));
    s.answer(Answer::Pulled { ids: vec![], cursor: 2, more: false }, 2.0, 0);
    assert_eq!(s.status(), Status::Synced { at_ms: 2.0 });
    assert_eq!(s.next(3.0), None);
    s.want();
    assert_eq!(s.next(4.0), Some(Request::Pull { after: 2 }));
}

#[test]
fn a_record_leaves_the_outbox_only_when_the_server_holds_it() {
    let mut s = Sync::new();
    s.add(id("a"), 10);
    s.add(id("b"), 10);
    assert_eq!(s.next(0.0), Some(Request::Push(ids(&["a", "b"]))), "pushes go before pulls");
    // The answer is lost (the page closed): a reload forgets the request, not the records.
    let reloaded: Sync = serde_json_roundtrip(&s);
    assert_eq!(reloaded.outbox().len(), 2);
    s.answer(Answer::Failed(Problem::Offline), 1.0, 0);
    assert_eq!(s.outbox().len(), 2);
    assert!(matches!(s.status(), Status::Waiting { waiting: 2, problem: Problem::Offline, .. }));
    assert_eq!(s.next(1.5), None, "backing off");
    // After a failed push, a pull goes first (a failing push must not stop this device receiving).
    assert_eq!(s.next(10_000.0), Some(Request::Pull { after: 0 }));
    s.answer(Answer::Pulled { ids: vec![], cursor: 0, more: false }, 10_000.0, 0);
    assert_eq!(s.next(10_000.0), Some(Request::Push(ids(&["a", "b"]))));
    s.answer(Answer::Pushed { stored: ids(&["a"]), refused: vec![] }, 10_001.0, 0);
    assert_eq!(s.outbox().ids().cloned().collect::<Vec<_>>(), ids(&["b"]));
    assert_eq!(s.next(10_002.0), Some(Request::Push(ids(&["b"]))));
    // Nothing stored, nothing refused: a confused answer is a failure with a backoff, not a hot loop.
    s.answer(Answer::Pushed { stored: vec![], refused: vec![] }, 10_003.0, 0);
    assert!(matches!(s.status(), Status::Waiting { problem: Problem::Unavailable, .. }));
    assert_eq!(s.next(10_004.0), None);
    // "b" comes back in a pull (stored by an earlier push whose answer was lost): it is on the server.
    assert_eq!(s.next(20_000.0), Some(Request::Pull { after: 0 }));
    s.answer(Answer::Pulled { ids: ids(&["a", "b"]), cursor: 9, more: false }, 20_001.0, 0);
    assert!(s.outbox().is_empty());
    assert_eq!(s.next(20_002.0), None);
}

fn serde_json_roundtrip(s: &Sync) -> Sync {
    serde_json::from_str(&serde_json::to_string(s).unwrap()).unwrap()
}

/// A sync that has done its first pull, so that what follows starts with pushes.
fn pulled_once() -> Sync {
    let mut s = Sync::new();
    s.next(0.0).unwrap();
    s.answer(Answer::Pulled { ids: vec![], cursor: 0, more: false }, 0.0, 0);
    s
}

#[test]
fn refused_records_are_held_not_dropped_nor_retried() {
    let mut s = pulled_once();
    for n in ["ok", "bad", "twin", "full"] {
        s.add(id(n), 5);
    }
    assert_eq!(s.next(0.0), Some(Request::Push(ids(&["ok", "bad", "twin", "full"]))));
    let refusal = |n: &str, code: &str| Refusal { id: id(n), code: code.into(), message: format!("{code}!") };
    let refused = vec![refusal("bad", "invalid"), refusal("twin", "id_taken"), refusal("full", "quota")];
    s.answer(Answer::Pushed { stored: ids(&["ok"]), refused }, 1.0, 0);
    assert_eq!(s.held().keys().cloned().collect::<Vec<_>>(), ids(&["bad", "twin"]));
    assert_eq!(s.held()[&id("bad")].code, "invalid");
    // Past the quota the record stays in the outbox and the next try waits an hour, even when asked.
    assert_eq!(s.outbox().ids().cloned().collect::<Vec<_>>(), ids(&["full"]));
    assert!(matches!(s.status(), Status::Waiting { problem: Problem::Quota, .. }));
    s.want();
    assert_eq!(s.next(1.0 + QUOTA_WAIT_MS - 1.0), None);
    // Then it pulls (others' records still arrive) and tries the push again.
    assert_eq!(s.next(1.0 + QUOTA_WAIT_MS), Some(Request::Pull { after: 0 }));
    s.answer(Answer::Pulled { ids: vec![], cursor: 0, more: false }, 2.0 + QUOTA_WAIT_MS, 0);
    assert_eq!(s.next(2.0 + QUOTA_WAIT_MS), Some(Request::Push(ids(&["full"]))));
    // A held record added again (re-imported) is not queued again.
    s.add(id("bad"), 5);
    assert!(!s.outbox().contains(&id("bad")));
}

#[test]
fn a_push_refused_whole_is_halved_until_the_record_is_found_and_held() {
    let mut s = pulled_once();
    for n in ["a", "b", "c", "d"] {
        s.add(id(n), 5);
    }
    let mut now = 0.0;
    // The server refuses any push containing "c" as a whole (say, a body over its limit).
    for _ in 0..20 {
        now += 400_000.0;
        s.want();
        let Some(request) = s.next(now) else { continue };
        let answer = match &request {
            Request::Push(sent) if sent.contains(&id("c")) => Answer::Failed(Problem::Refused("413".into())),
            Request::Push(sent) => Answer::Pushed { stored: sent.clone(), refused: vec![] },
            Request::Pull { .. } => Answer::Pulled { ids: vec![], cursor: 0, more: false },
        };
        s.answer(answer, now, 7);
    }
    assert!(s.outbox().is_empty());
    assert_eq!(s.held().keys().cloned().collect::<Vec<_>>(), ids(&["c"]));
    assert_eq!(s.held()[&id("c")].code, "refused");
}

#[test]
fn a_request_given_up_on_keeps_its_records_and_a_twin_found_on_pull_is_held() {
    let mut s = pulled_once();
    s.add(id("a"), 5);
    s.next(0.0).unwrap();
    s.abandon(1.0, 0);
    assert_eq!(s.outbox().len(), 1);
    assert!(matches!(s.status(), Status::Waiting { problem: Problem::Unavailable, .. }));
    s.hold(id("a"), "id_taken", "the server holds another record with this id");
    assert!(s.outbox().is_empty());
    assert_eq!(s.held()[&id("a")].code, "id_taken");
}

#[test]
fn signed_out_elsewhere_stops_until_signed_in_and_keeps_the_outbox() {
    let mut s = Sync::new();
    s.add(id("a"), 1);
    s.next(0.0).unwrap();
    s.answer(Answer::Failed(Problem::SignedOut), 1.0, 0);
    assert_eq!(s.status(), Status::SignedOut { waiting: 1 });
    s.want();
    assert_eq!(s.next(1e12), None);
    s.signed_in();
    assert_eq!(s.next(2.0), Some(Request::Push(ids(&["a"]))));
}

#[test]
fn rate_limits_wait_as_told_and_a_clock_set_back_does_not_stall() {
    let mut s = Sync::new();
    s.next(1000.0).unwrap();
    s.answer(Answer::Failed(Problem::TooManyRequests { retry_after_ms: 30_000.0 }), 1000.0, 0);
    s.want();
    assert_eq!(s.next(30_999.0), None, "the server's wait holds even when asked");
    assert!(s.next(31_000.0).is_some());
    s.answer(Answer::Failed(Problem::Unavailable), 1e12, 0);
    // The clock jumped back a day: the wait would end in a day; try now instead.
    assert!(s.next(1e12 - 86_400_000.0).is_some());
}

#[test]
fn an_answer_for_nothing_in_flight_or_of_the_wrong_kind_changes_nothing_harmful() {
    let mut s = Sync::new();
    s.add(id("a"), 1);
    s.answer(Answer::Pushed { stored: ids(&["a"]), refused: vec![] }, 0.0, 0);
    assert_eq!(s.outbox().len(), 1, "a stale answer is ignored");
    s.next(0.0).unwrap();
    s.answer(Answer::Pulled { ids: vec![], cursor: 5, more: false }, 1.0, 0);
    assert_eq!((s.outbox().len(), s.cursor()), (1, 0));
    assert!(matches!(s.status(), Status::Waiting { problem: Problem::Unavailable, .. }));
}

#[test]
fn a_pull_answer_never_moves_the_cursor_back() {
    let mut s = Sync::new();
    s.next(0.0).unwrap();
    s.answer(Answer::Pulled { ids: vec![], cursor: 40, more: true }, 1.0, 0);
    assert_eq!(s.next(1.0), Some(Request::Pull { after: 40 }));
    s.answer(Answer::Pulled { ids: vec![], cursor: 3, more: false }, 2.0, 0);
    assert_eq!(s.cursor(), 40);
}
