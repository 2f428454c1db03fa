//! What an HTTP answer from the sync server means for the protocol, decided here (pure, tested natively)
//! rather than in the app: the status and body of a push or pull become an [`Answer`], anything else a
//! [`Problem`]. The rule that matters: only an answer that is certainly the API's own refusal of a record
//! (400, 413, 422 with the API's error body) may lead to a record being held; a misconfigured host (403,
//! 404, 405, an HTML page, a proxy's 502) is "unavailable" and the records wait.

use klava_core::record::Id;
use klava_wire::{ErrorBody, Pulled, Pushed};

use crate::{Answer, Problem, Refusal};

/// Longest wait a `Retry-After` may ask for (longer is read as this).
const MAX_RETRY_AFTER_MS: f64 = crate::QUOTA_WAIT_MS;
/// The wait when a 429 carries no readable `Retry-After`.
const DEFAULT_RETRY_AFTER_MS: f64 = 60_000.0;

/// An answer that came back: its status, its `Retry-After` header when it had one, and its body.
#[derive(Clone, Copy, Debug)]
pub struct Reply<'a> {
    pub status: u16,
    pub retry_after: Option<&'a str>,
    pub body: &'a str,
}

/// The API's error message in `body`, when it is the API's error body.
pub fn error_message(body: &str) -> Option<String> {
    serde_json::from_str::<ErrorBody>(body).ok().map(|e| e.error.message)
}

/// The problem a failed answer (any status outside 2xx) stands for.
pub fn problem(reply: Reply<'_>) -> Problem {
    let api_error = serde_json::from_str::<ErrorBody>(reply.body).ok();
    match (reply.status, api_error) {
        (401, _) => Problem::SignedOut,
        (429, _) => {
            let wait = reply
                .retry_after
                .and_then(|s| s.trim().parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s >= 0.0)
                .map_or(DEFAULT_RETRY_AFTER_MS, |s| (s * 1000.0).min(MAX_RETRY_AFTER_MS));
            Problem::TooManyRequests { retry_after_ms: wait }
        }
        (400 | 413 | 422, Some(e)) => Problem::Refused(e.error.message),
        _ => Problem::Unavailable,
    }
}

/// The answer to a push of `sent` (in the order sent).
pub fn push_answer(sent: &[Id], reply: Reply<'_>) -> Answer {
    if !(200..300).contains(&reply.status) {
        return Answer::Failed(problem(reply));
    }
    let Ok(pushed) = serde_json::from_str::<Pushed>(reply.body) else {
        return Answer::Failed(Problem::Unavailable);
    };
    // Only ids that were sent count: an answer naming others is confused, not a reason to drop anything.
    let stored = pushed.stored.iter().filter_map(|s| sent.iter().find(|id| id.as_str() == s)).cloned().collect();
    let refused = pushed
        .refused
        .into_iter()
        .filter_map(|r| {
            let id = match &r.id {
                Some(id) => sent.iter().find(|s| s.as_str() == id)?,
                None => sent.get(r.index)?,
            };
            Some(Refusal { id: id.clone(), code: r.code, message: r.message })
        })
        .collect();
    Answer::Pushed { stored, refused }
}

/// A pulled page as read: the records' JSON texts (each to be read and stored by the app), the cursor
/// and whether more follow; or the problem.
pub fn pull_page(reply: Reply<'_>) -> Result<Pulled, Problem> {
    if !(200..300).contains(&reply.status) {
        return Err(problem(reply));
    }
    match serde_json::from_str::<Pulled>(reply.body) {
        Ok(p) if p.cursor >= 0 => Ok(p),
        _ => Err(Problem::Unavailable),
    }
}

/// The id a pulled record's JSON names, read even when the record itself cannot be (a newer kind).
pub fn record_id(json: &str) -> Option<Id> {
    #[derive(serde::Deserialize)]
    struct JustId {
        id: String,
    }
    serde_json::from_str::<JustId>(json).ok().and_then(|r| Id::new(r.id).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(status: u16, body: &str) -> Reply<'_> {
        Reply { status, retry_after: None, body }
    }

    fn ids(names: &[&str]) -> Vec<Id> {
        names.iter().map(|n| Id::new(*n).unwrap()).collect()
    }

    const API_ERROR: &str = r#"{"error":{"code":"invalid","message":"no such field"}}"#;

    #[test]
    fn only_the_apis_own_refusals_are_refusals() {
        assert_eq!(problem(reply(400, API_ERROR)), Problem::Refused("no such field".into()));
        assert_eq!(problem(reply(413, API_ERROR)), Problem::Refused("no such field".into()));
        // A proxy's page, a misrouted host, a server error: the records wait.
        for status in [400, 403, 404, 405, 413, 500, 502, 503, 507] {
            assert_eq!(problem(reply(status, "<html>nope</html>")), Problem::Unavailable, "{status}");
        }
        assert_eq!(problem(reply(404, API_ERROR)), Problem::Unavailable);
        assert_eq!(problem(reply(401, "")), Problem::SignedOut);
    }

    #[test]
    fn retry_after_is_read_and_bounded() {
        let r = |v| problem(Reply { status: 429, retry_after: v, body: "" });
        assert_eq!(r(Some("7")), Problem::TooManyRequests { retry_after_ms: 7000.0 });
        assert_eq!(r(Some("garbage")), Problem::TooManyRequests { retry_after_ms: DEFAULT_RETRY_AFTER_MS });
        assert_eq!(r(None), Problem::TooManyRequests { retry_after_ms: DEFAULT_RETRY_AFTER_MS });
        assert_eq!(r(Some("-3")), Problem::TooManyRequests { retry_after_ms: DEFAULT_RETRY_AFTER_MS });
        assert_eq!(r(Some("99999999")), Problem::TooManyRequests { retry_after_ms: MAX_RETRY_AFTER_MS });
    }

    #[test]
    fn a_push_answer_counts_only_what_was_sent() {
        let sent = ids(&["a", "b", "c"]);
        let body = r#"{"stored":["a","zzz"],"refused":[{"index":1,"id":null,"code":"invalid","message":"m"},
            {"index":9,"id":"c","code":"quota","message":"q"},{"index":7,"id":null,"code":"invalid","message":"x"}]}"#;
        let Answer::Pushed { stored, refused } = push_answer(&sent, reply(200, body)) else { panic!() };
        assert_eq!(stored, ids(&["a"]));
        assert_eq!(
            refused.iter().map(|r| (r.id.as_str(), r.code.as_str())).collect::<Vec<_>>(),
            [("b", "invalid"), ("c", "quota")]
        );
    }

    #[test]
    fn garbage_and_half_answers_are_unavailable() {
        let sent = ids(&["a"]);
        for body in ["", "{", r#"{"stored":["a"]"#, "<html>", r#"{"records":[]}"#] {
            assert_eq!(push_answer(&sent, reply(200, body)), Answer::Failed(Problem::Unavailable), "{body}");
        }
        assert_eq!(pull_page(reply(200, r#"{"records":[],"cursor":3"#)).unwrap_err(), Problem::Unavailable);
        assert_eq!(
            pull_page(reply(200, r#"{"records":[],"cursor":-1,"more":false}"#)).unwrap_err(),
            Problem::Unavailable
        );
        let page = pull_page(reply(200, r#"{"records":[{"id":"x"}],"cursor":3,"more":true}"#)).unwrap();
        assert_eq!((page.records.len(), page.cursor, page.more), (1, 3, true));
        assert_eq!(pull_page(reply(500, "")).unwrap_err(), Problem::Unavailable);
    }

    #[test]
    fn a_record_of_an_unknown_kind_still_has_its_id_read() {
        assert_eq!(
            record_id(r#"{"id":"r1","device":"d","body":{"kind":"from_the_future"}}"#),
            Some(ids(&["r1"])[0].clone())
        );
        assert_eq!(record_id(r#"{"body":{}}"#), None);
        assert_eq!(record_id("not json"), None);
    }
}
