//! The daily reminder as a calendar file (RFC 5545) that any calendar takes: one event at the chosen local
//! time ("floating", so it stays at that hour wherever the learner travels), repeating daily, with an alarm.
//! Text is escaped and lines folded at 75 octets, as the RFC asks.

use crate::civil::date_of_day;

/// What the reminder says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reminder {
    pub summary: String,
    pub description: String,
    /// The app's address, opened from the event.
    pub url: String,
}

/// Escapes a TEXT value: backslash, semicolon, comma and newlines.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a UTF-8 character), ended by CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn utc_stamp(ms: f64) -> String {
    let secs = (ms / 1000.0).floor().clamp(0.0, 253_402_300_799.0) as i64;
    let (y, m, d) = date_of_day(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// The calendar file of a reminder every day at `hour:minute` local time from the local day `from_day`;
/// `uid` names the event (the same uid replaces an earlier import), `stamp_ms` is when it was made.
pub fn daily(r: &Reminder, hour: u32, minute: u32, from_day: i64, uid: &str, stamp_ms: f64) -> String {
    let (y, m, d) = date_of_day(from_day);
    let start = format!("{y:04}{m:02}{d:02}T{:02}{:02}00", hour.min(23), minute.min(59));
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Klava//Reminder//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(uid)),
        format!("DTSTAMP:{}", utc_stamp(stamp_ms)),
        format!("DTSTART:{start}"),
        "DURATION:PT15M".to_owned(),
        "RRULE:FREQ=DAILY".to_owned(),
        format!("SUMMARY:{}", escape(&r.summary)),
        format!("DESCRIPTION:{}", escape(&r.description)),
        format!("URL:{}", r.url.replace(['\r', '\n'], "")),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{}", escape(&r.summary)),
        "TRIGGER:PT0M".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ] {
        fold(&line, &mut out);
    }
    out
}
